//! Any text as a phone number: normalising never panics, and what it
//! accepts is 9–15 digits starting with a country code, unchanged when
//! normalised again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whatsjet::validate::phone::{country_code, normalize};

fuzz_target!(|input: &str| {
    for cc in [None, Some("91"), Some("1")] {
        if let Ok(n) = normalize(input, cc, "phone_number") {
            assert!((9..=15).contains(&n.len()), "{n}");
            assert!(n.bytes().all(|b| b.is_ascii_digit()));
            assert!(country_code(&n).is_some());
            assert_eq!(
                normalize(&n, None, "phone_number").as_deref(),
                Ok(n.as_str())
            );
        }
    }
});
