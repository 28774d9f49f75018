//! Phone numbers: normalised from what people type, refused when they cannot
//! be dialled.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::Kind;

use crate::{body, invalid_with, no_options, normalized_phone, options_with, DIGITS};

#[test]
fn phone_numbers_of_many_countries_are_normalised() {
    let cases = [
        ("+1 (415) 555-2671", "14155552671"),              // USA
        ("+1 415.555.2671", "14155552671"),                // USA, dots
        ("001 416 555 0123", "14165550123"),               // Canada, 00 prefix
        ("+44 20 7946 0958", "442079460958"),              // UK, London
        ("+44 7700 900123", "447700900123"),               // UK, mobile
        ("+91 98765 43210", "919876543210"),               // India
        ("+91-98765-43210", "919876543210"),               // India, dashes
        ("0091 98765 43210", "919876543210"),              // India, 00 prefix
        ("919876543210", "919876543210"),                  // already normal
        ("+55 11 91234-5678", "5511912345678"),            // Brazil
        ("+55 (11) 1234-5678", "551112345678"),            // Brazil, landline
        ("+52 1 55 1234 5678", "5215512345678"),           // Mexico, old mobile
        ("+52 55 1234 5678", "525512345678"),              // Mexico
        ("+49 30 901820", "4930901820"),                   // Germany
        ("+49 151 23456789", "4915123456789"),             // Germany, mobile
        ("+971 50 123 4567", "971501234567"),              // UAE
        ("+234 803 123 4567", "2348031234567"),            // Nigeria
        ("+7 916 123-45-67", "79161234567"),               // Russia
        ("+33 1 23 45 67 89", "33123456789"),              // France
        ("+39 06 6982 0000", "390669820000"),              // Italy (keeps its 0)
        ("+86 139 1234 5678", "8613912345678"),            // China
        ("+81 90-1234-5678", "819012345678"),              // Japan
        ("+62 812 3456 7890", "6281234567890"),            // Indonesia
        ("+27 82 123 4567", "27821234567"),                // South Africa
        ("+254 712 345678", "254712345678"),               // Kenya
        ("+966 50 123 4567", "966501234567"),              // Saudi Arabia
        ("+63 917 123 4567", "639171234567"),              // Philippines
        ("+61 412 345 678", "61412345678"),                // Australia
        ("+65 6123 4567", "6561234567"),                   // Singapore
        ("+852 2123 4567", "85221234567"),                 // Hong Kong
        ("+92 300 1234567", "923001234567"),               // Pakistan
        ("+20 10 1234 5678", "201012345678"),              // Egypt
        ("  +91\u{a0}98765\u{a0}43210  ", "919876543210"), // no-break spaces
        ("+91/98765/43210", "919876543210"),
    ];
    for (input, out) in cases {
        assert_eq!(
            normalized_phone(input, &no_options()),
            Ok(out.to_owned()),
            "{input}"
        );
    }
}

#[test]
fn a_national_leading_zero_uses_the_default_country_code() {
    let india = options_with(Some("91"), None);
    assert_eq!(
        normalized_phone("098765 43210", &india),
        Ok(DIGITS.to_owned())
    );
    assert_eq!(
        normalized_phone("09876543210", &india),
        Ok(DIGITS.to_owned())
    );
    let uk = options_with(Some("44"), None);
    assert_eq!(
        normalized_phone("020 7946 0958", &uk),
        Ok("442079460958".to_owned())
    );
    // International forms are not touched by the default.
    assert_eq!(
        normalized_phone("+1 415 555 2671", &india),
        Ok("14155552671".to_owned())
    );
    assert_eq!(
        normalized_phone("0044 20 7946 0958", &india),
        Ok("442079460958".to_owned())
    );
}

#[test]
fn a_national_leading_zero_without_default_country_code_is_refused() {
    let issue = normalized_phone("098765 43210", &no_options()).unwrap_err();
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("phone_number", InvalidPhone)
    );
    assert_eq!(
        issue.message,
        "phone_number starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode."
    );
}

#[test]
fn phone_numbers_that_cannot_be_dialled_are_refused() {
    let cases = [
        ("abc", "phone_number may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains \"a\"."),
        ("91 98765 4321O", "phone_number may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains \"O\"."),
        ("91+9876543210", "phone_number may have a + only at the start."),
        ("++919876543210", "phone_number may have a + only at the start."),
        ("---", "phone_number has no digits."),
        ("+9198765", "phone_number has 7 digits; with its country code a number has 9 to 15."),
        ("91987654", "phone_number has 8 digits; with its country code a number has 9 to 15."),
        ("9198765432101234", "phone_number has 16 digits; with its country code a number has at most 15."),
        ("+0919876543210", "phone_number has a 0 after the international prefix: write the country code there."),
        ("00 0919876543210", "phone_number has a 0 after the international prefix: write the country code there."),
        ("999876543210", "phone_number does not start with a country calling code (999…): write the number with its country code, such as 919876543210."),
        ("+280 123456789", "phone_number does not start with a country calling code (280…): write the number with its country code, such as 919876543210."),
    ];
    for (input, message) in cases {
        let issue = normalized_phone(input, &options_with(Some("91"), None)).unwrap_err();
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("phone_number", InvalidPhone),
            "{input}"
        );
        assert_eq!(issue.message, message, "{input}");
    }
}

#[test]
fn phone_number_limits_are_9_to_15_digits() {
    assert_eq!(
        normalized_phone("919876543", &no_options()),
        Ok("919876543".to_owned())
    );
    assert_eq!(
        normalized_phone("919876543210123", &no_options()),
        Ok("919876543210123".to_owned())
    );
}

#[test]
fn assigned_country_codes_are_accepted_and_others_refused() {
    for good in [
        "14155552671",
        "79161234567",
        "442079460958",
        "919876543210",
        "971501234567",
        "5511912345678",
        "525512345678",
    ] {
        assert_eq!(normalized_phone(good, &no_options()), Ok(good.to_owned()));
    }
    for bad in ["999876543210", "2801234567", "4251234567", "6991234567"] {
        assert_eq!(
            normalized_phone(bad, &no_options()).unwrap_err().code,
            InvalidPhone,
            "{bad}"
        );
    }
}

#[test]
fn blank_phone_numbers_are_required() {
    for blank in ["", "   "] {
        let issue = normalized_phone(blank, &no_options()).unwrap_err();
        assert_eq!(
            (issue.code, issue.message.as_str()),
            (Required, "phone_number is required.")
        );
    }
}

#[test]
fn the_phone_of_create_is_normalised_too() {
    assert_eq!(
        body(
            Kind::CreateContact,
            json!({"phone_number": "+44 (20) 7946-0958"})
        )["phone_number"],
        "442079460958"
    );
    let e = invalid_with(
        Kind::CreateContact,
        &json!({"phone_number": "020 7946 0958"}),
        &no_options(),
    );
    assert!(e.issues[0].message.contains("defaultCountryCode"));
}
