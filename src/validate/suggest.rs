//! "Did you mean …?" for unknown keys: camelCase for snake_case, a missing
//! suffix, or a typo.

/// The known key the caller most likely meant.
pub fn closest(key: &str, known: &[&str], numbered_template_keys: bool) -> Option<String> {
    // Huge keys are not typos of short names; bound the work.
    if key.len() > 64 {
        return None;
    }
    let squashed = squash(key);
    if let Some(k) = known.iter().find(|k| squash(k) == squashed) {
        return Some((*k).to_owned());
    }
    if numbered_template_keys {
        for prefix in ["header_field", "field", "button"] {
            if let Some(n) = squashed.strip_prefix(&squash(prefix)) {
                let candidate = format!("{prefix}_{n}");
                // Only a key the server reads, and never the refused key itself.
                if candidate != key && super::schema::template_numbered(&candidate).is_some() {
                    return Some(candidate);
                }
            }
        }
    }
    if let Some(k) = known.iter().find(|k| {
        k.strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('_'))
    }) {
        return Some((*k).to_owned());
    }
    known
        .iter()
        .map(|k| (distance(&squashed, &squash(k)), k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| (*k).to_owned())
}

/// Lower-case without `_` or `-`: `messageBody`, `message-body` and
/// `message_body` all squash to `messagebody`.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        // ASCII only: the API's keys are ASCII, and Unicode case tables
        // would add kilobytes to the wasm module.
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &[
        "from_phone_number_id",
        "phone_number",
        "message_body",
        "contact",
    ];

    #[test]
    fn suggestions() {
        assert_eq!(
            closest("messageBody", KNOWN, false).as_deref(),
            Some("message_body")
        );
        assert_eq!(
            closest("phone", KNOWN, false).as_deref(),
            Some("phone_number")
        );
        assert_eq!(
            closest("mesage_body", KNOWN, false).as_deref(),
            Some("message_body")
        );
        assert_eq!(
            closest("contacts", KNOWN, false).as_deref(),
            Some("contact")
        );
        assert_eq!(closest("field1", KNOWN, true).as_deref(), Some("field_1"));
        assert_eq!(
            closest("headerField1", KNOWN, true).as_deref(),
            Some("header_field_1")
        );
        assert_eq!(closest("text", KNOWN, false), None);
        assert_eq!(closest(&"x".repeat(100), KNOWN, false), None);
    }

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", "abc"), 0);
    }
}
