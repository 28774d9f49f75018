//! Contact details, in `createContact` and in the `contact{}` of each send:
//! names, e-mail, country, language, groups, custom fields.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::Kind;

use crate::{
    body, codes, create_contact, expect_contact_issue, expect_contact_valid, invalid, one_issue, p,
    send_message, update_contact,
};

#[test]
fn names_are_at_most_150_characters() {
    for key in ["first_name", "last_name"] {
        expect_contact_valid(json!({ key: "n".repeat(150) }), key, json!("n".repeat(150)));
        expect_contact_issue(json!({ key: "n".repeat(151) }), key, TooLong);
    }
    let issue = one_issue(
        Kind::CreateContact,
        create_contact(json!({"first_name": "n".repeat(151)})),
    );
    assert_eq!(
        issue.message,
        "first_name must be at most 150 characters; it has 151."
    );
    expect_contact_valid(
        json!({"first_name": "Zoë 李"}),
        "first_name",
        json!("Zoë 李"),
    );
}

#[test]
fn email_is_a_real_address() {
    for good in [
        "johndoe@doamin.com",
        "a.b+tag@mail.example.co.in",
        "o'neil@x.io",
        "x_y-z@a-b.org",
    ] {
        expect_contact_valid(json!({ "email": good }), "email", json!(good));
    }
    for bad in [
        "a@b",
        "johndoe",
        "@example.com",
        "a@.com",
        "a..b@x.com",
        "a@x.c",
        "a b@x.com",
        "",
    ] {
        expect_contact_issue(json!({ "email": bad }), "email", InvalidEmail);
    }
    assert_eq!(
        one_issue(Kind::CreateContact, create_contact(json!({"email": "a@b"}))).message,
        "email must be an e-mail address such as name@example.com."
    );
    assert_eq!(
        one_issue(
            Kind::SendMessage,
            send_message(json!({"contact": {"email": "a@b"}}))
        )
        .message,
        "contact.email must be an e-mail address such as name@example.com."
    );
}

#[test]
fn email_is_at_most_255_characters() {
    let at_limit = format!("{}@example.com", "a".repeat(243));
    assert_eq!(at_limit.len(), 255);
    expect_contact_valid(
        json!({ "email": at_limit.clone() }),
        "email",
        json!(at_limit),
    );
    let over = format!("{}@example.com", "a".repeat(244));
    expect_contact_issue(json!({ "email": over }), "email", TooLong);
}

#[test]
fn country_on_create_must_be_a_name() {
    expect_contact_valid(json!({"country": "India"}), "country", json!("India"));
    expect_contact_valid(
        json!({"country": "United States"}),
        "country",
        json!("United States"),
    );
    for bad in ["91", "+91", "India 91", " "] {
        expect_contact_issue(json!({ "country": bad }), "country", InvalidFormat);
    }
    assert_eq!(
        one_issue(Kind::CreateContact, create_contact(json!({"country": "91"}))).message,
        "country must be a country name such as India when a contact is created (a dialling code works only on update)."
    );
}

#[test]
fn country_on_update_may_be_a_name_code_or_dialling_code() {
    for good in ["India", "IN", "91", "+91"] {
        assert_eq!(
            body(
                Kind::UpdateContact,
                update_contact(json!({ "country": good }))
            )["country"],
            good
        );
    }
    assert_eq!(
        one_issue(
            Kind::UpdateContact,
            update_contact(json!({"country": "c".repeat(151)}))
        )
        .code,
        TooLong
    );
}

#[test]
fn language_code_is_letters_digits_dash_underscore() {
    for good in ["en", "en-GB", "pt_BR", "mr", "zh-Hant-TW"] {
        expect_contact_valid(
            json!({ "language_code": good }),
            "language_code",
            json!(good),
        );
    }
    for bad in ["en GB", "en.GB", "fr!", "日本"] {
        expect_contact_issue(
            json!({ "language_code": bad }),
            "language_code",
            InvalidFormat,
        );
    }
    assert_eq!(
        one_issue(
            Kind::CreateContact,
            create_contact(json!({"language_code": "en GB"}))
        )
        .message,
        "language_code may contain only letters, digits, - and _, such as en."
    );
}

#[test]
fn groups_are_trimmed_around_commas_and_joined() {
    let cases = [
        (json!("a, b"), "a,b"),
        (json!(" a ,b , c "), "a,b,c"),
        (json!("a,,b,"), "a,b"),
        (json!(["a", "b"]), "a,b"),
        (json!([" a ", "b c"]), "a,b c"),
        (
            json!("examplegroup1,examplegroup2"),
            "examplegroup1,examplegroup2",
        ),
        (json!("single"), "single"),
    ];
    for (groups, out) in cases {
        expect_contact_valid(json!({ "groups": groups }), "groups", json!(out));
    }
}

#[test]
fn groups_refuse_other_shapes() {
    expect_contact_issue(json!({"groups": 5}), "groups", InvalidType);
    expect_contact_issue(json!({"groups": {"a": 1}}), "groups", InvalidType);
    expect_contact_issue(json!({"groups": ["a", 1]}), "groups.1", InvalidType);
    expect_contact_issue(json!({"groups": ["a,b"]}), "groups.0", InvalidFormat);
    expect_contact_issue(
        json!({"groups": format!("ok,{}", "g".repeat(256))}),
        "groups",
        TooLong,
    );
    expect_contact_valid(
        json!({"groups": "g".repeat(255)}),
        "groups",
        json!("g".repeat(255)),
    );
    let issue = one_issue(
        Kind::CreateContact,
        create_contact(json!({"groups": ["a,b"]})),
    );
    assert_eq!(
        issue.message,
        "groups item 0 contains a comma, which separates group titles."
    );
    let issue = one_issue(Kind::CreateContact, create_contact(json!({"groups": 5})));
    assert_eq!(
        issue.message,
        "groups must be a comma-separated string or an array of strings; got a number."
    );
}

#[test]
fn custom_fields_are_an_object_of_strings() {
    let fields = json!({"custom_fields": {"BDay": "2025-09-04", "Age": 42, "Score": 9.5}});
    expect_contact_valid(
        fields,
        "custom_fields",
        json!({"BDay": "2025-09-04", "Age": "42", "Score": "9.5"}),
    );
    expect_contact_issue(
        json!({"custom_fields": {"Vip": true}}),
        "custom_fields.Vip",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": {"Obj": {"a": 1}}}),
        "custom_fields.Obj",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": {"Arr": ["a"]}}),
        "custom_fields.Arr",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": "BDay=1"}),
        "custom_fields",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": {"": "x"}}),
        "custom_fields.",
        InvalidFormat,
    );
    assert_eq!(
        one_issue(
            Kind::CreateContact,
            create_contact(json!({"custom_fields": {"Vip": true}}))
        )
        .message,
        "custom_fields.Vip must be a string; got a boolean."
    );
    assert_eq!(
        one_issue(
            Kind::SendMessage,
            send_message(json!({"contact": {"custom_fields": {"Vip": true}}}))
        )
        .message,
        "contact.custom_fields.Vip must be a string; got a boolean."
    );
}

#[test]
fn all_contact_issues_are_collected() {
    let e = invalid(
        Kind::CreateContact,
        json!({
            "phone_number": "0",
            "first_name": "n".repeat(151),
            "email": "a@b",
            "country": "91",
            "language_code": "e n",
            "groups": 1,
            "custom_fields": {"A": false},
        }),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("phone_number", InvalidPhone),
            p("first_name", TooLong),
            p("email", InvalidEmail),
            p("country", InvalidFormat),
            p("language_code", InvalidFormat),
            p("groups", InvalidType),
            p("custom_fields.A", InvalidType),
        ]
    );
}
