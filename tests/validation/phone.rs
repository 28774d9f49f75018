//! Phone numbers: normalised from what people type, refused when they cannot
//! be dialled or are not a number of the country their code names
//! (libphonenumber's lengths and patterns).

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::Kind;

use crate::{
    body, codes, invalid_with, no_options, normalized_phone, options_with, p, valid, DIGITS,
};

#[test]
fn phone_numbers_of_many_countries_are_normalised() {
    let cases = [
        ("+1 (415) 555-2671", "14155552671"),              // USA
        ("+1 415.555.2671", "14155552671"),                // USA, dots
        ("001 416 555 0123", "14165550123"),               // Canada, 00 prefix
        ("+44 20 7946 0958", "442079460958"),              // UK, London
        ("+44 7911 123456", "447911123456"),               // UK, mobile
        ("+91 98765 43210", "919876543210"),               // India
        ("+91-98765-43210", "919876543210"),               // India, dashes
        ("0091 98765 43210", "919876543210"),              // India, 00 prefix
        ("919876543210", "919876543210"),                  // already normal
        ("+55 11 91234-5678", "5511912345678"),            // Brazil
        ("+55 (11) 1234-5678", "551112345678"),            // Brazil, landline
        ("+52 1 55 1234 5678", "5215512345678"),           // Mexico, WhatsApp's form
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
        ("+9198765", "phone_number has too few digits (7); with its country code a number has 9 to 15."),
        ("9198765432101234", "phone_number has too many digits (16); with its country code a number has at most 15."),
        ("+0919876543210", "phone_number has a 0 after the international prefix: write the country code there."),
        ("00 0919876543210", "phone_number has a 0 after the international prefix: write the country code there."),
        ("+999876543210", "phone_number does not start with a country calling code (999…): write the number with its country code, such as 919876543210."),
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
    // Andorra's six-digit numbers: nine digits in all, the server's least.
    assert_eq!(
        normalized_phone("+376 312 345", &no_options()),
        Ok("376312345".to_owned())
    );
    assert_eq!(
        normalized_phone("+49 30 12345678901", &no_options()),
        Ok("493012345678901".to_owned())
    );
}

#[test]
fn a_number_must_be_one_of_the_country_its_code_names() {
    let cases = [
        // Iran's numbers have 10 digits after the 98.
        ("9876543210", "phone_number is too short for a +98 number: those have 10 digits after the country code, not 8."),
        // London numbers have 10 digits after the 44, the UK's 7, 9 or 10.
        ("+44 20 7946 095", "phone_number is too short for a +44 number: those have 10 digits after the country code, not 9."),
        ("+44 20 7946 09581", "phone_number is too long for a +44 number: those have 7, 9, 10 digits after the country code, not 11."),
        // No North American area code starts with 0 or 1.
        ("+1 015 555 2671", "phone_number is not a +1 number: no number there starts with these digits. If it is a national number, write its country code first."),
        // A US number without its 1 reads as Swiss, whose numbers have 9 or 12 digits.
        ("4155552671", "phone_number is too short for a +41 number: those have 9, 12 digits after the country code, not 8."),
        ("+91 98765 4321", "phone_number is too short for a +91 number: those have 10 digits after the country code, not 9."),
        // Ofcom keeps 07700 900000 to 900999 for drama: never a phone.
        ("+44 7700 900123", "phone_number is not a +44 number: no number there starts with these digits. If it is a national number, write its country code first."),
    ];
    for (input, message) in cases {
        let issue = normalized_phone(input, &no_options()).unwrap_err();
        assert_eq!(
            (issue.code, issue.message.as_str()),
            (InvalidPhone, message),
            "{input}"
        );
    }
    for (input, out) in [
        ("+98 912 345 6789", "989123456789"),
        ("+1 415 555 2671", "14155552671"),
        ("+44 20 7946 0958", "442079460958"),
    ] {
        assert_eq!(
            normalized_phone(input, &no_options()),
            Ok(out.to_owned()),
            "{input}"
        );
    }
}

#[test]
fn a_number_written_without_its_country_code_gets_the_default_one_suggested() {
    let india = options_with(Some("91"), None);
    let issue = normalized_phone("9876543210", &india).unwrap_err();
    assert_eq!(
        (issue.code, issue.message.as_str()),
        (InvalidPhone, "phone_number is not a valid number as written; with the default country code it would be 919876543210.")
    );
    let us = options_with(Some("1"), None);
    assert_eq!(
        normalized_phone("4155552671", &us).unwrap_err().message,
        "phone_number is not a valid number as written; with the default country code it would be 14155552671."
    );
    // Written with + it is international: nothing is suggested.
    assert_eq!(
        normalized_phone("+9876543210", &india).unwrap_err().message,
        "phone_number is too short for a +98 number: those have 10 digits after the country code, not 8."
    );
    // A number valid as written keeps its own country: +98 912 345 6789.
    assert_eq!(
        normalized_phone("989123456789", &india),
        Ok("989123456789".to_owned())
    );
}

#[test]
fn a_national_prefix_after_the_country_code_is_dropped() {
    for (input, out) in [
        ("+44 0 20 7946 0958", "442079460958"),
        ("+44 020 7946 0958", "442079460958"),
        ("+1 1 415 555 2671", "14155552671"),
        ("+7 8 916 123-45-67", "79161234567"),
        ("+49 030 901820", "4930901820"),
    ] {
        assert_eq!(
            normalized_phone(input, &no_options()),
            Ok(out.to_owned()),
            "{input}"
        );
        // What comes out is taken as it is.
        assert_eq!(
            normalized_phone(out, &no_options()),
            Ok(out.to_owned()),
            "{out}"
        );
    }
    // Italy's numbers begin with their 0: it stays.
    assert_eq!(
        normalized_phone("+39 06 6982 0000", &no_options()),
        Ok("390669820000".to_owned())
    );
}

#[test]
fn mexican_mobiles_pass_in_both_forms() {
    // WhatsApp's wa_id for a Mexican mobile keeps the 1 that Mexico dropped
    // in 2019; the server stores what the webhook gives.
    assert_eq!(
        normalized_phone("5215512345678", &no_options()),
        Ok("5215512345678".to_owned())
    );
    assert_eq!(
        normalized_phone("525512345678", &no_options()),
        Ok("525512345678".to_owned())
    );
    assert_eq!(
        normalized_phone("52155123456789", &no_options())
            .unwrap_err()
            .code,
        InvalidPhone
    );
}

#[test]
fn a_number_of_the_wrong_length_is_an_issue_not_a_warning() {
    let e = invalid_with(
        Kind::SendMessage,
        &json!({"phone_number": "4155552671", "message_body": "Hi"}),
        &no_options(),
    );
    assert_eq!(codes(&e.issues), vec![p("phone_number", InvalidPhone)]);
    let ok = valid(
        Kind::SendMessage,
        json!({"phone_number": "14155552671", "message_body": "Hi"}),
    );
    assert!(ok.warnings.is_empty(), "{:?}", ok.warnings);
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
