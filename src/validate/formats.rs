//! Shapes of single string values: e-mail, URL, template names, coordinates.
//! Hand-written instead of `regex`/`url` because those crates would multiply
//! the size of the wasm module (Unicode and IDNA tables) for a few patterns.

/// Like zod's `email()`: a dot-atom local part and a domain with a dot and a
/// letters-only top-level label (`a@b` is refused).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_'+-.".contains(&b))
        && local
            .bytes()
            .last()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b"_+-".contains(&b));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            l.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// An absolute `http:`/`https:` URL with a host, no whitespace, control
/// characters or backslashes. Returns whether it is https.
pub fn http_url(s: &str) -> Option<bool> {
    let (secure, rest) = if let Some(r) = strip_prefix_ci(s, "https://") {
        (true, r)
    } else {
        (false, strip_prefix_ci(s, "http://")?)
    };
    // A backslash is read as `/` by browsers: `http://evil.com\@localhost`
    // goes to evil.com, so the host found below would not be the real one.
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        let (addr, after) = v6.split_once(']')?;
        if addr.is_empty()
            || !addr
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return None;
        }
        if !(after.is_empty()
            || after.starts_with(':') && after[1..].bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        return Some(secure);
    } else {
        match host_port.rsplit_once(':') {
            Some((h, port))
                if port.len() <= 5
                    && port.parse::<u16>().is_ok_and(|p| p > 0)
                    && port.bytes().all(|b| b.is_ascii_digit()) =>
            {
                h
            }
            Some((_, "")) => return None,
            Some(_) => return None,
            None => host_port,
        }
    };
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && !host.contains("..")
        && host
            .chars()
            // Any non-ASCII letter may be part of an internationalised name;
            // testing it against Unicode tables would cost kilobytes of wasm.
            .all(|c| {
                c.is_ascii_alphanumeric()
                    || (!c.is_ascii() && !is_invisible(c))
                    || c == '-'
                    || c == '.'
                    || c == '_'
            });
    host_ok.then_some(secure)
}

/// Zero-width and direction-control characters: copied along with numbers
/// and links from chat apps, invisible on screen.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Lower-case letters, digits and underscores: how WhatsApp names templates.
pub fn is_template_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A WhatsApp template language: `en`, `fil`, `en_US`, `pt_BR`.
pub fn is_template_language(s: &str) -> bool {
    let (lang, region) = match s.split_once('_') {
        Some((l, r)) => (l, Some(r)),
        None => (s, None),
    };
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Letters, digits, `-` and `_`: a contact's language code.
pub fn is_language_code(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A copy-code button value: letters, digits, `-`, `_`.
pub fn is_copy_code(s: &str) -> bool {
    is_language_code(s)
}

/// Whether the value holds a `{name}` contact placeholder the server fills in.
pub fn has_placeholder(s: &str) -> bool {
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        match rest.find('}') {
            Some(close) if close > 0 && !rest[..close].contains('{') => return true,
            Some(_) => {}
            None => return false,
        }
    }
    false
}

/// Whether PHP's `strip_tags` (which the server applies) would cut text out
/// of `s`: it takes any `<` followed by a non-space as the start of a tag.
pub fn has_html_like_tag(s: &str) -> bool {
    s.match_indices('<').any(|(i, _)| {
        s[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace())
    })
}

/// The areas of IANA time zone names (`Asia/Kolkata`): a name is `UTC` or
/// an area, `/` and one or two places.
const TIMEZONE_AREAS: &[&str] = &[
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Etc",
    "Europe",
    "Indian",
    "Pacific",
];

/// Whether `s` has the form of an IANA time zone name: `UTC`, or an area
/// and places of letters, digits, `_`, `-` and `+` that start with a
/// capital (`America/Argentina/Buenos_Aires`, `Etc/GMT+5`).
pub fn is_timezone(s: &str) -> bool {
    let mut parts = s.split('/');
    let area = parts.next().unwrap_or("");
    let places: Vec<&str> = parts.collect();
    s == "UTC"
        || TIMEZONE_AREAS.contains(&area)
            && (1..=2).contains(&places.len())
            && places.iter().all(|p| {
                p.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                    && p.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_-+".contains(&b))
            })
}

/// For `YYYY-MM-DDTHH:MM[:SS]` naming a real moment of the calendar, a
/// number that orders the moments; else `None`.
pub fn date_time_key(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    let shape = match b.len() {
        16 => "dddd-dd-ddTdd:dd",
        19 => "dddd-dd-ddTdd:dd:dd",
        _ => return None,
    };
    let mut n = [0u64; 6];
    let mut i = 0;
    for (&c, &want) in b.iter().zip(shape.as_bytes()) {
        if want == b'd' {
            if !c.is_ascii_digit() {
                return None;
            }
            n[i] = n[i] * 10 + u64::from(c - b'0');
        } else if c != want {
            return None;
        } else {
            i += 1;
        }
    }
    let [year, month, day, hour, minute, second] = n;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 => 28 + u64::from(leap),
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    ((1..=days).contains(&day) && hour < 24 && minute < 60 && second < 60)
        .then_some(((((year * 13 + month) * 32 + day) * 24 + hour) * 60 + minute) * 60 + second)
}

/// Why a coordinate string is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum CoordinateError {
    /// Not a plain decimal number.
    Format,
    /// Beyond ±`limit`.
    Range,
}

/// Checks a decimal coordinate against ±`limit` and returns it with a
/// decimal point, as the template API requires ("22" → "22.0"). Compared
/// digit by digit so the check is exact and needs no float parsing.
pub fn decimal_coordinate(s: &str, limit: u32) -> Result<String, CoordinateError> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (body.contains('.') && frac.is_empty()) {
        return Err(CoordinateError::Format);
    }
    let int_value = int.trim_start_matches('0');
    let whole: u32 = if int_value.len() > 3 {
        return Err(CoordinateError::Range);
    } else {
        int_value.parse().unwrap_or(0)
    };
    if whole > limit || (whole == limit && frac.bytes().any(|b| b != b'0')) {
        return Err(CoordinateError::Range);
    }
    Ok(if frac.is_empty() {
        format!("{s}.0")
    } else {
        s.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for good in [
            "johndoe@example.com",
            "a.b+tag@mail.example.co.in",
            "o'neil@x.io",
            "x_y-z@a-b.org",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "a@b",
            "johndoe",
            "@example.com",
            "a@.com",
            "a..b@x.com",
            ".a@x.com",
            "a.@x.com",
            "a@x.c",
            "a@x.c0m",
            "a b@x.com",
            "a@x..com",
            "a@-x.com",
            "",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert_eq!(http_url("https://images.pexels.com/photos/276267/pexels-photo-276267.jpeg?auto=compress&w=1260"), Some(true));
        assert_eq!(http_url("http://commondatastorage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4"), Some(false));
        assert_eq!(http_url("HTTPS://Example.com"), Some(true));
        assert_eq!(http_url("https://127.0.0.1:8080/a.png"), Some(true));
        assert_eq!(http_url("https://example.com:65535/a.png"), Some(true));
        assert_eq!(http_url("https://example.com:99999/api"), None);
        assert_eq!(http_url("https://example.com:0/api"), None);
        assert_eq!(http_url("https://[::1]:8080/a.png"), Some(true));
        for bad in [
            "ftp://x.com/a",
            "example.com/a.jpg",
            "https://",
            "https:///a",
            "https://exa mple.com",
            "https://x.com:port/",
            "https://x.com:/",
            "/relative.png",
            "https://a..b/",
            "javascript:alert(1)",
            "https://x.com/a b",
        ] {
            assert_eq!(http_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn template_names_and_languages() {
        assert!(is_template_name("your_template_name"));
        assert!(is_template_name("order_update_2"));
        assert!(!is_template_name("Order_Update"));
        assert!(!is_template_name("order-update"));
        assert!(!is_template_name(""));
        for good in ["en", "en_US", "pt_BR", "fil", "zh_HK"] {
            assert!(is_template_language(good), "{good}");
        }
        for bad in ["EN", "en-US", "en_us", "english", "e", "en_USA", ""] {
            assert!(!is_template_language(bad), "{bad}");
        }
    }

    #[test]
    fn placeholders_and_tags() {
        assert!(has_placeholder("{full_name}"));
        assert!(has_placeholder("Hi {first_name}!"));
        assert!(!has_placeholder("{}"));
        assert!(!has_placeholder("no braces"));
        assert!(!has_placeholder("{open"));
        assert!(has_html_like_tag("I <3 you, see you > then"));
        assert!(has_html_like_tag("<b>bold</b>"));
        assert!(has_html_like_tag("a <b"));
        assert!(has_html_like_tag("I <3 you"));
        assert!(!has_html_like_tag("1 < 2"));
        assert!(!has_html_like_tag("ends with <"));
    }

    #[test]
    fn coordinates() {
        assert_eq!(decimal_coordinate("22", 90).unwrap(), "22.0");
        assert_eq!(decimal_coordinate("22.22", 90).unwrap(), "22.22");
        assert_eq!(decimal_coordinate("-90", 90).unwrap(), "-90.0");
        assert_eq!(decimal_coordinate("90.000", 90).unwrap(), "90.000");
        assert_eq!(decimal_coordinate("-179.9999", 180).unwrap(), "-179.9999");
        assert_eq!(
            decimal_coordinate("90.0001", 90),
            Err(CoordinateError::Range)
        );
        assert_eq!(decimal_coordinate("181", 180), Err(CoordinateError::Range));
        assert_eq!(
            decimal_coordinate("00000000000000000000045", 90).unwrap(),
            "00000000000000000000045.0"
        );
        assert_eq!(
            decimal_coordinate("1234567890123", 90),
            Err(CoordinateError::Range)
        );
        for bad in ["", "-", "abc", "22.", ".5", "1e3", "22,5", "+22", " 22"] {
            assert_eq!(
                decimal_coordinate(bad, 90),
                Err(CoordinateError::Format),
                "{bad}"
            );
        }
    }

    #[test]
    fn timezones() {
        for good in [
            "UTC",
            "Asia/Kolkata",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
            "America/Port-au-Prince",
        ] {
            assert!(is_timezone(good), "{good}");
        }
        for bad in [
            "",
            "IST",
            "utc",
            "Kolkata/Asia",
            "Asia/kolkata",
            "Asia/",
            "Asia",
            "Asia/Kolkata/A/B",
            "Asia/Kol kata",
            "Asia//Kolkata",
        ] {
            assert!(!is_timezone(bad), "{bad}");
        }
    }

    #[test]
    fn date_times() {
        assert!(date_time_key("2026-04-01T10:00").is_some());
        assert_eq!(
            date_time_key("2026-04-01T10:00"),
            date_time_key("2026-04-01T10:00:00")
        );
        assert!(date_time_key("2024-02-29T23:59:59").is_some());
        assert!(date_time_key("2000-02-29T00:00").is_some());
        // Unwrapped: `None < Some(_)` would pass if the first stopped parsing.
        assert!(
            date_time_key("2026-12-31T23:59").unwrap() < date_time_key("2027-01-01T00:00").unwrap()
        );
        assert!(
            date_time_key("2026-01-31T10:00").unwrap() < date_time_key("2026-02-01T09:00").unwrap()
        );
        for bad in [
            "",
            "2026-04-01",
            "2026-04-01 10:00",
            "2026-4-01T10:00",
            "2026-02-29T10:00",
            "1900-02-29T10:00",
            "2026-04-31T10:00",
            "2026-13-01T10:00",
            "2026-00-01T10:00",
            "2026-04-00T10:00",
            "2026-04-01T24:00",
            "2026-04-01T10:60",
            "2026-04-01T10:00:60",
            "2026-04-01T10:00:00Z",
            "+026-04-01T10:00",
        ] {
            assert_eq!(date_time_key(bad), None, "{bad}");
        }
    }
}
