//! Phone numbers: from what people type to the digits the server matches on.
//!
//! The server looks contacts up by exact string, so `+91 98765 43210`,
//! `0919876543210` and `919876543210` would be three contacts. Everything is
//! normalised to the international digits without `+`.
//!
//! Whether the digits after the country code are a number of that country is
//! libphonenumber's metadata compiled into one automaton over digits
//! (`phone/data.rs`, written by `scripts/phone-data.mjs`): walking a table
//! keeps a regex engine out of the wasm.

use crate::issue::{Issue, IssueCode};
use crate::messages::{Message, Msg};
use crate::validate::formats;

#[rustfmt::skip]
mod data;

/// Shortest and longest number with its country code that the server accepts
/// (the server's minimum; E.164's maximum).
pub const MIN_DIGITS: usize = 9;
/// See [`MIN_DIGITS`].
pub const MAX_DIGITS: usize = 15;

/// One country calling code: where its numbers start in the automaton, and
/// the national prefixes written after the code that are dropped (`+44 0 20…`).
struct Plan {
    start: u16,
    strip: &'static str,
}

/// The country calling code that `digits` starts with, and its plan. Codes
/// are prefix-free, so a number has at most one.
fn plan(digits: &str) -> Option<(&str, Plan)> {
    (1..=3).find_map(|len| {
        let prefix = digits.get(..len)?;
        let n: u32 = prefix.parse().ok()?;
        let i = data::CODES
            .binary_search_by_key(&n, |word| word & 0x3ff)
            .ok()?;
        let word = data::CODES[i];
        let plan = Plan {
            start: (word >> 10 & 0xfff) as u16,
            strip: data::STRIPS[(word >> 22) as usize],
        };
        Some((prefix, plan))
    })
}

/// The country calling code that `digits` starts with, if any.
pub fn country_code(digits: &str) -> Option<&str> {
    plan(digits).map(|(code, _)| code)
}

fn accepts(state: u16) -> bool {
    data::ACCEPT[usize::from(state >> 3)] & 1 << (state & 7) != 0
}

/// The state after `digit`; 0 when no number continues that way.
fn step(state: u16, digit: u8) -> u16 {
    let state = usize::from(state);
    // From the checkpoint, skip the runs of the states before this one.
    let mut i = usize::from(data::CHECKPOINTS[state / data::STRIDE]);
    for _ in 0..state % data::STRIDE {
        while data::HIGH[i] >> 4 != 9 {
            i += 1;
        }
        i += 1;
    }
    while data::HIGH[i] >> 4 < digit {
        i += 1;
    }
    u16::from(data::HIGH[i] & 0x0f) << 8 | u16::from(data::LOW[i])
}

/// Walks `national` from `state`: the state reached, or where it stopped.
fn walk(state: u16, national: &str) -> Result<u16, (usize, u16)> {
    national
        .bytes()
        .enumerate()
        .try_fold(state, |s, (i, b)| match step(s, b - b'0') {
            0 => Err((i, s)),
            next => Ok(next),
        })
}

/// A set of states.
type States = [u64; data::STATES.div_ceil(64)];

/// The lengths (bit n: n digits in all) of the numbers reachable from `state`
/// after `done` digits.
fn lengths(state: u16, done: usize) -> u16 {
    let mut mask = 0;
    let mut level: States = [0; data::STATES.div_ceil(64)];
    level[usize::from(state / 64)] |= 1 << (state % 64);
    for depth in done..=MAX_DIGITS {
        let mut next: States = [0; data::STATES.div_ceil(64)];
        for (w, &bits) in level.iter().enumerate() {
            for b in (0..64).filter(|b| bits & 1 << b != 0) {
                let s = (w * 64 + b) as u16;
                if accepts(s) {
                    mask |= 1 << depth;
                }
                for d in 0..10 {
                    let t = step(s, d);
                    next[usize::from(t / 64)] |= 1 << (t % 64);
                }
            }
        }
        // The dead state leads nowhere.
        next[0] &= !1;
        level = next;
    }
    mask
}

/// Why a number is refused. Every message is made in [`message`].
enum Reason<'a> {
    Required,
    Character(char),
    PlusNotAtStart,
    NoDigits,
    NationalPrefix,
    ZeroAfterInternationalPrefix,
    TooFewDigits(usize),
    TooManyDigits(usize),
    NoCountryCode(&'a str),
    /// Fewer digits after the code than its numbers have (or than those
    /// that begin the same way).
    TooShort(Fit<'a>),
    /// More digits than its numbers have.
    TooLong(Fit<'a>),
    /// No number of the code begins with these digits.
    NotOfCountry(&'a str),
}

/// A national number's length against the lengths numbers of its code have.
struct Fit<'a> {
    code: &'a str,
    digits: usize,
    /// Bit n: numbers of n digits in all, country code included.
    lengths: u16,
}

/// The message of every refusal; `suggestion`: the number with the default
/// country code, which then says it all.
fn message(reason: &Reason, suggestion: Option<String>) -> Message {
    if let Some(number) = suggestion {
        return Msg::PhoneSuggest.with("suggestion", number);
    }
    let fit = |msg: Msg, f: &Fit| {
        msg.with("code", f.code)
            .with("expected", list(f.lengths, f.code.len()))
            .with("count", f.digits)
    };
    match reason {
        Reason::Required => Msg::Required.into(),
        Reason::Character(c) => Msg::PhoneCharacter.with("character", c.to_string()),
        Reason::PlusNotAtStart => Msg::PhonePlus.into(),
        Reason::NoDigits => Msg::PhoneNoDigits.into(),
        Reason::NationalPrefix => Msg::PhoneNationalZero.into(),
        Reason::ZeroAfterInternationalPrefix => Msg::PhoneZeroAfterPrefix.into(),
        Reason::TooFewDigits(n) => Msg::PhoneTooFewDigits
            .with("count", *n)
            .with("min", MIN_DIGITS)
            .with("max", MAX_DIGITS),
        Reason::TooManyDigits(n) => Msg::PhoneTooManyDigits
            .with("count", *n)
            .with("max", MAX_DIGITS),
        Reason::NoCountryCode(start) => Msg::PhoneNoCountryCode.with("start", *start),
        Reason::TooShort(f) => fit(Msg::PhoneTooShort, f),
        Reason::TooLong(f) => fit(Msg::PhoneTooLong, f),
        Reason::NotOfCountry(code) => Msg::PhoneNotOfCountry.with("code", *code),
    }
}

/// National lengths from a mask of whole-number lengths, in digits and
/// signs only, as a locale's sentence takes them: "10", "9, 10", "7, 9, 10",
/// "8–13".
fn list(mask: u16, code_len: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    while n < 16 {
        if mask & (1 << n) == 0 {
            n += 1;
            continue;
        }
        let mut hi = n;
        while hi < 15 && mask & (1 << (hi + 1)) != 0 {
            hi += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&(n - code_len).to_string());
        if hi > n + 1 {
            out.push('–');
            out.push_str(&(hi - code_len).to_string());
        } else if hi == n + 1 {
            out.push_str(", ");
            out.push_str(&(hi - code_len).to_string());
        }
        n = hi + 1;
    }
    out
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
/// with `default_country_code`, and checks the result is 9–15 digits: a
/// country calling code, then a number of that country (libphonenumber's
/// lengths and patterns). A national prefix written after the country code
/// (`+44 0 20…`) is dropped. `path` names the field in the issue.
pub fn normalize(
    input: &str,
    default_country_code: Option<&str>,
    path: &str,
) -> Result<String, Issue> {
    let refuse = |reason: Reason, suggestion: Option<String>| {
        let code = match reason {
            Reason::Required => IssueCode::Required,
            _ => IssueCode::InvalidPhone,
        };
        Err(Issue::of(path, code, message(&reason, suggestion)))
    };
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return refuse(Reason::Required, None);
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
            '+' => return refuse(Reason::PlusNotAtStart, None),
            _ => return refuse(Reason::Character(c), None),
        }
    }
    if digits.is_empty() {
        return refuse(Reason::NoDigits, None);
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
            None => return refuse(Reason::NationalPrefix, None),
        }
    } else if national_zero {
        return refuse(Reason::ZeroAfterInternationalPrefix, None);
    } else {
        international.to_owned()
    };
    let reason = match check(&number) {
        Ok(valid) => return Ok(valid),
        Err(reason) => reason,
    };
    // Written without its country code? Say what it would be with the
    // default one, when that is a number; never rewrite it silently, since
    // it may be a number of the country it reads as.
    let written_international = plus || digits.starts_with("00") || national_zero;
    let suggestion = default_country_code
        .filter(|_| !written_international)
        .and_then(|cc| check(&format!("{cc}{number}")).ok());
    refuse(reason, suggestion)
}

/// Checks international digits: their count, their country calling code and
/// the national number after it. The digits to send, or why they are refused.
fn check(number: &str) -> Result<String, Reason<'_>> {
    let n = number.len();
    if n < MIN_DIGITS {
        return Err(Reason::TooFewDigits(n));
    }
    if n > MAX_DIGITS {
        return Err(Reason::TooManyDigits(n));
    }
    let Some((code, plan)) = plan(number) else {
        return Err(Reason::NoCountryCode(&number[..3]));
    };
    let national = &number[code.len()..];
    if walk(plan.start, national).is_ok_and(accepts) {
        return Ok(number.to_owned());
    }
    // libphonenumber drops a national prefix after the country code when
    // the rest is a number; the first prefix that matches is the one tried.
    // A number valid as written stays as written, so what this returns
    // comes back unchanged when checked again.
    if let Some(prefix) = plan
        .strip
        .split('|')
        .find(|p| !p.is_empty() && national.starts_with(p))
    {
        let rest = &national[prefix.len()..];
        if walk(plan.start, rest).is_ok_and(accepts) {
            return Ok(format!("{code}{rest}"));
        }
    }
    let all = lengths(plan.start, code.len());
    // Every number of the code is shorter than the server's minimum: there
    // are no lengths to name.
    if all == 0 {
        return Err(Reason::NotOfCountry(code));
    }
    let fit = |lengths| Fit {
        code,
        digits: national.len(),
        lengths,
    };
    let shorter = all & ((1 << n) - 1);
    if shorter == 0 && all & (1 << n) == 0 {
        return Err(Reason::TooShort(fit(all)));
    }
    if shorter == all {
        return Err(Reason::TooLong(fit(all)));
    }
    // Within the code's lengths: numbers that begin like it say which.
    Err(match walk(plan.start, national) {
        // It stopped short of a number: more digits were expected.
        Ok(end) => Reason::TooShort(fit(lengths(end, n))),
        Err((at, before)) => {
            let ahead = lengths(before, code.len() + at);
            if ahead & !((1 << n) - 1) == 0 {
                Reason::TooLong(fit(ahead))
            } else {
                Reason::NotOfCountry(code)
            }
        }
    })
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
            "phone_number has too few digits (7); with its country code a number has 9 to 15."
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
    fn a_code_whose_numbers_are_all_shorter_than_the_servers_minimum_has_none() {
        // Saint Helena (+290), the Falklands (+500) and the Cook Islands
        // (+682) have 4- and 5-digit numbers: no number of theirs is 9 digits.
        for number in ["290123456789", "500123456789012", "6821234567"] {
            let code = &number[..3];
            assert_eq!(
                err(number, None).message,
                format!("phone_number is not a +{code} number: no number there starts with these digits. If it is a national number, write its country code first.")
            );
        }
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
    fn codes_are_sorted_for_binary_search() {
        assert!(data::CODES.windows(2).all(|w| w[0] & 0x3ff < w[1] & 0x3ff));
    }

    #[test]
    fn every_state_has_runs_up_to_digit_9_leading_to_states() {
        let ends = data::HIGH.iter().filter(|&&h| h >> 4 == 9).count();
        assert_eq!(ends, data::STATES);
        for s in 0..data::STATES as u16 {
            for d in 0..10 {
                assert!(usize::from(step(s, d)) < data::STATES);
            }
        }
        // The dead state stays dead and accepts nothing.
        assert!((0..10).all(|d| step(0, d) == 0) && !accepts(0));
    }

    #[test]
    fn lengths_read_as_a_country_lists_them() {
        assert_eq!(list(1 << 12, 2), "10");
        assert_eq!(list(1 << 11 | 1 << 12, 2), "9, 10");
        assert_eq!(list(1 << 9 | 1 << 11 | 1 << 12, 2), "7, 9, 10");
        assert_eq!(list(0b11_1111 << 10, 2), "8–13");
        let (_, uk) = plan("44").unwrap();
        assert_eq!(list(lengths(uk.start, 2), 2), "7, 9, 10");
        let (_, iran) = plan("98").unwrap();
        assert_eq!(list(lengths(iran.start, 2), 2), "7, 10");
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
