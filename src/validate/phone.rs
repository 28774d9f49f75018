//! Phone numbers: from what people type to the digits the server matches on.
//!
//! The server looks contacts up by exact string, so `+91 98765 43210`,
//! `0919876543210` and `919876543210` would be three contacts. Everything is
//! normalised to the international digits without `+`.

use crate::issue::{Issue, IssueCode};
use crate::validate::formats;
use crate::validate::values::at;

/// Assigned ITU-T E.164 country calling codes. Codes are prefix-free, so a
/// number has at most one. Kept as sorted tables instead of a full phone
/// metadata library (hundreds of KB of wasm) because only the prefix matters here.
const CODES_1: &[u16] = &[1, 7];
const CODES_2: &[u16] = &[
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
    57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
];
const CODES_3: &[u16] = &[
    211, 212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233,
    234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252,
    253, 254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297,
    298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376,
    377, 378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504,
    505, 506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674,
    675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808,
    850, 852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965,
    966, 967, 968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 992, 993, 994, 995, 996, 998,
];

/// Shortest and longest number with its country code that the server accepts
/// (the server's minimum; E.164's maximum).
pub const MIN_DIGITS: usize = 9;
/// See [`MIN_DIGITS`].
pub const MAX_DIGITS: usize = 15;

/// The country calling code that `digits` starts with, if any.
pub fn country_code(digits: &str) -> Option<&str> {
    let tables: [&[u16]; 3] = [CODES_1, CODES_2, CODES_3];
    for (len, table) in (1..=3).zip(tables) {
        let prefix = digits.get(..len)?;
        let n: u16 = prefix.parse().ok()?;
        if table.binary_search(&n).is_ok() {
            return Some(prefix);
        }
    }
    None
}

/// Total digits (country code included) that numbers of some fixed-length
/// numbering plans have; a number outside its range was most likely typed
/// without its country code and read as another country's (`4155552671`, a
/// US number, would be Swiss). Only plans whose lengths are settled are
/// listed; a mismatch is a warning, not an error.
const LENGTHS: &[(&str, u8, u8)] = &[
    ("1", 11, 11),
    ("7", 11, 11),
    ("20", 11, 12),
    ("27", 11, 11),
    ("30", 12, 12),
    ("31", 11, 11),
    ("33", 11, 11),
    ("34", 11, 11),
    ("41", 11, 11),
    ("44", 11, 12),
    ("48", 11, 11),
    ("52", 12, 13),
    ("55", 12, 13),
    ("61", 11, 11),
    ("65", 10, 10),
    ("86", 12, 13),
    ("90", 12, 12),
    ("91", 12, 12),
    ("92", 11, 12),
    ("234", 11, 13),
    ("966", 11, 12),
    ("971", 11, 12),
];

/// For a normalised number of unexpected length, its country code and the
/// lengths numbers of that code have.
pub fn unusual_length(number: &str) -> Option<(&'static str, u8, u8)> {
    let cc = country_code(number)?;
    let &(code, min, max) = LENGTHS.iter().find(|(code, _, _)| *code == cc)?;
    let n = number.len();
    (n < usize::from(min) || n > usize::from(max)).then_some((code, min, max))
}

/// Checks a `defaultCountryCode` option ("91" or "+91") and returns its digits.
pub fn parse_country_code(input: &str) -> Option<&str> {
    let digits = input.trim().strip_prefix('+').unwrap_or(input.trim());
    let valid = !digits.is_empty()
        && digits.len() <= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && country_code(digits) == Some(digits);
    valid.then_some(digits)
}

/// Normalises a phone number for the API: removes spaces, dashes, dots and
/// parentheses, drops a leading `+` or `00`, replaces a single leading `0`
/// with `default_country_code`, and checks the result is 9–15 digits
/// starting with a country calling code. `path` names the field in the issue.
pub fn normalize(
    input: &str,
    default_country_code: Option<&str>,
    path: &str,
) -> Result<String, Issue> {
    let fail = |code, message: String| Err(Issue::new(path, code, message));
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return fail(IssueCode::Required, at(path, " is required."));
    }
    // "+44 (0)20 …": the bracketed 0 is the national prefix, dialled only
    // from inside the country.
    let international_form = trimmed.starts_with('+') || trimmed.starts_with("00");
    let cleaned = if international_form && trimmed.contains("(0)") {
        trimmed.replacen("(0)", "", 1)
    } else {
        trimmed.to_owned()
    };
    let mut digits = String::with_capacity(cleaned.len());
    let mut plus = false;
    for (i, c) in cleaned
        .trim_start_matches(formats::is_invisible)
        .char_indices()
    {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '\u{a0}' | '-' | '.' | '(' | ')' | '/' => {}
            c if formats::is_invisible(c) => {}
            '+' if i == 0 => plus = true,
            '+' => {
                return fail(
                    IssueCode::InvalidPhone,
                    at(path, " may have a + only at the start."),
                )
            }
            _ => {
                return fail(
                    IssueCode::InvalidPhone,
                    format!(
                        "{path} may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains \"{c}\"."
                    ),
                )
            }
        }
    }
    if digits.is_empty() {
        return fail(IssueCode::InvalidPhone, at(path, " has no digits."));
    }
    let international = if plus {
        digits.as_str()
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest
    } else {
        digits.as_str()
    };
    let national_zero = international.starts_with('0');
    let number = if national_zero && !plus && !digits.starts_with("00") {
        match default_country_code {
            Some(cc) => format!("{cc}{}", &international[1..]),
            None => {
                return fail(
                    IssueCode::InvalidPhone,
                    at(path, " starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode."),
                )
            }
        }
    } else if national_zero {
        return fail(
            IssueCode::InvalidPhone,
            at(
                path,
                " has a 0 after the international prefix: write the country code there.",
            ),
        );
    } else {
        international.to_owned()
    };
    let n = number.len();
    if n < MIN_DIGITS {
        return fail(
            IssueCode::InvalidPhone,
            format!(
                "{path} has {n} digit{}; with its country code a number has {MIN_DIGITS} to {MAX_DIGITS}.",
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    if n > MAX_DIGITS {
        return fail(
            IssueCode::InvalidPhone,
            format!(
                "{path} has {n} digits; with its country code a number has at most {MAX_DIGITS}."
            ),
        );
    }
    if country_code(&number).is_none() {
        return fail(
            IssueCode::InvalidPhone,
            format!(
                "{path} does not start with a country calling code ({}…): write the number with its country code, such as 919876543210.",
                &number[..3]
            ),
        );
    }
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str, cc: Option<&str>) -> String {
        normalize(input, cc, "phone_number").unwrap()
    }
    fn err(input: &str, cc: Option<&str>) -> Issue {
        normalize(input, cc, "phone_number").unwrap_err()
    }

    #[test]
    fn strips_punctuation_and_international_prefixes() {
        assert_eq!(ok("+91 98765 43210", None), "919876543210");
        assert_eq!(ok("+91 98765-43210", None), "919876543210");
        assert_eq!(ok("0091 98765 43210", None), "919876543210");
        assert_eq!(ok("919876543210", None), "919876543210");
        assert_eq!(ok("+1 (415) 555.2671", None), "14155552671");
        assert_eq!(ok("+44 20 7946 0958", None), "442079460958");
        assert_eq!(ok("+55 11 91234-5678", None), "5511912345678");
        assert_eq!(ok("+52 1 55 1234 5678", None), "5215512345678");
        assert_eq!(ok("  +49 30 901820  ", None), "4930901820");
        assert_eq!(ok("+39 06 6982 0000", None), "390669820000");
        assert_eq!(ok("+971 50 123 4567", None), "971501234567");
        assert_eq!(ok("+44 (0)20 7946 0958", None), "442079460958");
        assert_eq!(ok("\u{202a}+91 98765 43210\u{202c}", None), "919876543210");
        assert_eq!(ok("+91\u{200b}98765\u{200b}43210", None), "919876543210");
    }

    #[test]
    fn national_zero_uses_the_default_country_code() {
        assert_eq!(ok("098765 43210", Some("91")), "919876543210");
        assert_eq!(ok("020 7946 0958", Some("44")), "442079460958");
        let issue = err("098765 43210", None);
        assert_eq!(issue.code, IssueCode::InvalidPhone);
        assert!(
            issue.message.contains("defaultCountryCode"),
            "{}",
            issue.message
        );
    }

    #[test]
    fn refuses_what_cannot_be_a_number() {
        assert_eq!(err("", None).code, IssueCode::Required);
        assert_eq!(err("   ", None).code, IssueCode::Required);
        let letters = err("91 98765 4321O", None);
        assert_eq!(letters.code, IssueCode::InvalidPhone);
        assert_eq!(
            letters.message,
            "phone_number may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains \"O\"."
        );
        assert_eq!(
            err("+9198765", None).message,
            "phone_number has 7 digits; with its country code a number has 9 to 15."
        );
        assert_eq!(err("9198765432101234", None).code, IssueCode::InvalidPhone);
        assert_eq!(err("91+9876543210", None).code, IssueCode::InvalidPhone);
        assert_eq!(err("+0919876543210", None).code, IssueCode::InvalidPhone);
        assert_eq!(err("00 0919876543210", None).code, IssueCode::InvalidPhone);
        assert_eq!(err("---", None).message, "phone_number has no digits.");
        // 999 and 280 are not assigned.
        assert_eq!(err("999876543210", None).code, IssueCode::InvalidPhone);
        assert!(err("280123456789", None)
            .message
            .contains("country calling code"));
    }

    #[test]
    fn lengths_of_fixed_plans() {
        assert_eq!(unusual_length("4155552671"), Some(("41", 11, 11)));
        assert_eq!(unusual_length("14155552671"), None);
        assert_eq!(unusual_length("919876543210"), None);
        assert_eq!(unusual_length("91987654321"), Some(("91", 12, 12)));
        assert_eq!(unusual_length("4930901820"), None);
    }

    #[test]
    fn country_codes_are_prefix_matched() {
        assert_eq!(country_code("14155552671"), Some("1"));
        assert_eq!(country_code("79161234567"), Some("7"));
        assert_eq!(country_code("919876543210"), Some("91"));
        assert_eq!(country_code("971501234567"), Some("971"));
        assert_eq!(country_code("2125551234"), Some("212"));
        assert_eq!(country_code("2105551234"), None);
        assert_eq!(country_code(""), None);
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for table in [CODES_1, CODES_2, CODES_3] {
            assert!(table.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn default_country_code_option() {
        assert_eq!(parse_country_code("91"), Some("91"));
        assert_eq!(parse_country_code("+44"), Some("44"));
        assert_eq!(parse_country_code("1"), Some("1"));
        assert_eq!(parse_country_code("999"), None);
        assert_eq!(parse_country_code("9"), None);
        assert_eq!(parse_country_code("91a"), None);
        assert_eq!(parse_country_code(""), None);
    }
}
