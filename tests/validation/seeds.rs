//! The API description's own example requests validate to exactly the
//! bodies it shows.

use serde_json::{json, Value};
use whatsjet::{Kind, WarningCode};

use crate::common::serde;
use crate::{
    merge, options_with, valid, valid_with, w, warning_codes, with, DIGITS, FROM_ID, PHONE,
};

fn seed_contact() -> Value {
    json!({
        "first_name": "Johan",
        "last_name": "Doe",
        "email": "johndoe@doamin.com",
        "country": "india",
        "language_code": "en",
        "groups": "examplegroup1,examplegroup2",
    })
}

#[test]
fn seed_send_message_validates_to_the_exact_body() {
    let payload = json!({
        "from_phone_number_id": FROM_ID,
        "phone_number": PHONE,
        "message_body": "your message body",
        "contact": merge(seed_contact(), json!({"custom_fields": {"BDay": "2025-09-04"}})),
    });
    let v = valid(Kind::SendMessage, payload);
    assert_eq!(
        serde(&v.body),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": DIGITS,
            "message_body": "your message body",
            "contact": {
                "first_name": "Johan",
                "last_name": "Doe",
                "email": "johndoe@doamin.com",
                "country": "india",
                "language_code": "en",
                "groups": "examplegroup1,examplegroup2",
                "custom_fields": {"BDay": "2025-09-04"}
            }
        })
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn seed_send_media_message_validates_to_the_exact_body() {
    let url = "https://images.pexels.com/photos/276267/pexels-photo-276267.jpeg?auto=compress&cs=tinysrgb&w=1260&h=750&dpr=2";
    let payload = json!({
        "from_phone_number_id": FROM_ID,
        "phone_number": PHONE,
        "media_type": "document",
        "media_url": url,
        "caption": "your capation for image or video media types",
        "file_name": "your file name for document",
        "contact": seed_contact(),
    });
    let v = valid(Kind::SendMediaMessage, payload);
    assert_eq!(
        serde(&v.body),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": DIGITS,
            "media_type": "document",
            "media_url": url,
            "caption": "your capation for image or video media types",
            "file_name": "your file name for document",
            "contact": seed_contact(),
        })
    );
    // The example's file name has no extension.
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("file_name", WarningCode::MissingExtension)]
    );
}

/// The send-template example exactly as the API description gives it (less
/// its comments), with a real number and `{{fromPhoneNumberId}}` empty.
fn seed_template_example() -> Value {
    json!({
        "from_phone_number_id": "",
        "phone_number": DIGITS,
        "template_name" : "your_template_name",
        "template_language" : "en",
        "header_image" : "https://cdn.pixabay.com/photo/2015/01/07/15/51/woman-591576_1280.jpg",
        "header_video" : "http://commondatastorage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4",
        "header_document" : "http://commondatastorage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4",
        "header_document_name" : "{full_name}",
        "header_field_1" : "{full_name}",
        "location_latitude" : "22.22",
        "location_longitude" : "22.22",
        "location_name" : "{first_name}",
        "location_address" : "{country}",
        "field_1" : "{Age}",
        "field_2" : "{full_name}",
        "field_3" : "{first_name}",
        "field_4" : "{last_name}",
        "button_0" : "{email}",
        "button_1" : "{phone_number}",
        "copy_code" : "YourCode",
        "contact": {
            "first_name" : "Johan",
            "last_name" : "Doe",
            "email" : "johndoe@doamin.com",
            "country" : "india",
            "language_code" : "en",
            "groups" : "examplegroup1,examplegroup2"
        }
    })
}

/// The example's body and button parameters with its location header
/// alone (the example lists every kind at once), from `FROM_ID` to `PHONE`.
fn seed_template_parameters() -> Value {
    with(
        seed_template_example(),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": PHONE,
            "header_image": null,
            "header_video": null,
            "header_document": null,
            "header_document_name": null,
            "header_field_1": null,
        }),
    )
}

#[test]
fn seed_send_template_message_validates_to_the_exact_body() {
    let v = valid(Kind::SendTemplateMessage, seed_template_parameters());
    assert_eq!(
        serde(&v.body),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": DIGITS,
            "template_name": "your_template_name",
            "template_language": "en",
            "location_latitude": "22.22",
            "location_longitude": "22.22",
            "location_name": "{first_name}",
            "location_address": "{country}",
            "field_1": "{Age}",
            "field_2": "{full_name}",
            "field_3": "{first_name}",
            "field_4": "{last_name}",
            "button_0": "{email}",
            "button_1": "{phone_number}",
            "copy_code": "YourCode",
            "contact": seed_contact(),
        })
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn seed_template_header_variants_each_validate() {
    let base = || {
        let mut p = seed_template_parameters();
        for k in [
            "location_latitude",
            "location_longitude",
            "location_name",
            "location_address",
        ] {
            p.as_object_mut().unwrap().remove(k);
        }
        p
    };
    let image = "https://cdn.pixabay.com/photo/2015/01/07/15/51/woman-591576_1280.jpg";
    let video =
        "http://commondatastorage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4";

    let v = valid(
        Kind::SendTemplateMessage,
        with(base(), json!({"header_image": image})),
    );
    assert_eq!(v.body["header_image"], image);
    assert_eq!(v.warnings, vec![]);

    let v = valid(
        Kind::SendTemplateMessage,
        with(base(), json!({"header_video": video})),
    );
    assert_eq!(v.body["header_video"], video);
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("header_video", WarningCode::InsecureUrl)]
    );

    let v = valid(
        Kind::SendTemplateMessage,
        with(
            base(),
            json!({"header_document": video, "header_document_name": "{full_name}"}),
        ),
    );
    assert_eq!(v.body["header_document"], video);
    assert_eq!(v.body["header_document_name"], "{full_name}");

    let v = valid(
        Kind::SendTemplateMessage,
        with(base(), json!({"header_field_1": "{full_name}"})),
    );
    assert_eq!(v.body["header_field_1"], "{full_name}");
}

#[test]
fn seed_template_example_with_every_header_and_no_sender_validates() {
    let v = valid(Kind::SendTemplateMessage, seed_template_example());
    // Every field as given, less the empty sender: the server's default.
    assert_eq!(
        serde(&v.body),
        with(
            seed_template_example(),
            json!({"from_phone_number_id": null})
        )
    );
    assert_eq!(
        warning_codes(&v.warnings),
        vec![
            w("header_video", WarningCode::InsecureUrl),
            w("header_document", WarningCode::InsecureUrl),
            w("header_video", WarningCode::SeveralHeaders),
        ]
    );
    assert_eq!(
        v.warnings[2].message,
        "header_image, header_video, header_document, header_field_1 and location_latitude are headers of different kinds: a template has one header at most, so the server uses the one the template has and ignores the others."
    );

    // With the client's default sender, the empty id gives way to it.
    let options = options_with(None, Some(FROM_ID));
    let v = valid_with(
        Kind::SendTemplateMessage,
        &seed_template_example(),
        &options,
    );
    assert_eq!(v.body["from_phone_number_id"], FROM_ID);
    assert_eq!(v.warnings.len(), 3);
}

#[test]
fn seed_create_contact_validates_to_the_exact_body() {
    let payload = json!({
        "phone_number": PHONE,
        "first_name": "Johan",
        "last_name": "Doe",
        "email": "johndoe@doamin.com",
        "country": "india",
        "language_code": "en",
        "groups": "examplegroup1,examplegroup2",
        "custom_fields": {"BDay": "2025-09-01"},
    });
    let v = valid(Kind::CreateContact, payload);
    assert_eq!(
        serde(&v.body),
        json!({
            "phone_number": DIGITS,
            "first_name": "Johan",
            "last_name": "Doe",
            "email": "johndoe@doamin.com",
            "country": "india",
            "language_code": "en",
            "groups": "examplegroup1,examplegroup2",
            "custom_fields": {"BDay": "2025-09-01"},
        })
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn seed_update_contact_validates_to_the_exact_body() {
    let payload = json!({
        "first_name": "Johan",
        "last_name": "Doe",
        "email": "johndoe@doamin.com",
        "country": "91",
        "language_code": "mr",
        "whatsapp_opt_out": false,
        "enable_ai_bot": true,
        "groups": "examplegroup1,examplegroup9",
        "custom_fields": {"BDay": "2025-09-04"},
    });
    let v = valid(Kind::UpdateContact, payload.clone());
    assert_eq!(serde(&v.body), payload);
    assert_eq!(v.warnings, vec![]);
}
