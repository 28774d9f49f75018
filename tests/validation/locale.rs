//! The `locale` and `messages` options in the core: every message in the
//! locale's words, codes and paths as in English, the user's texts first.

use super::*;
use whatsjet::config::read_validate_options;

fn with_locale(lang: &str, messages: Value) -> Options {
    let file = std::fs::read_to_string(format!(
        "{}/locales/{lang}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let locale: Value = serde_json::from_str(&file).unwrap();
    read_validate_options(&core(&json!({ "locale": locale, "messages": messages }))).unwrap()
}

fn messages(result: Result<Valid, Invalid>) -> Vec<(String, IssueCode, String)> {
    result
        .unwrap_err()
        .issues
        .into_iter()
        .map(|i| (i.path, i.code, i.message))
        .collect()
}

#[test]
fn issues_speak_the_locale_with_the_same_codes_and_paths() {
    let payload = json!({ "phone_number": DIGITS, "media_type": "gif", "caption": 5 });
    let pt = with_locale("pt-BR", json!({}));
    assert_eq!(
        messages(validate(Kind::SendMediaMessage, &payload, &pt)),
        [
            (
                "media_type".to_owned(),
                IssueCode::InvalidChoice,
                "media_type deve ser um destes valores: image, video, audio, document; recebido: \"gif\".".to_owned()
            ),
            ("media_url".to_owned(), IssueCode::Required, "media_url é obrigatório.".to_owned()),
            (
                "caption".to_owned(),
                IssueCode::InvalidType,
                "caption deve ser uma string; recebido: um número.".to_owned()
            ),
        ]
    );
    let en = messages(validate(Kind::SendMediaMessage, &payload, &no_options()));
    assert_eq!(en[1].2, "media_url is required.");
}

#[test]
fn the_users_texts_win_by_key_then_by_code() {
    let options = with_locale(
        "es",
        json!({ "required": "Falta {path}", "required.not_empty": "{path} vacío" }),
    );
    assert_eq!(
        validate_field(Kind::SendMessage, "message_body", &json!(" "), &options),
        [Issue::new(
            "message_body",
            IssueCode::Required,
            "message_body vacío"
        )]
    );
    assert_eq!(
        validate_field(Kind::SendMessage, "message_body", &Value::Null, &options),
        [Issue::new(
            "message_body",
            IssueCode::Required,
            "Falta message_body"
        )]
    );
}

#[test]
fn warnings_speak_it_too() {
    let options = with_locale("id", json!({}));
    let valid = valid_with(
        Kind::SendMediaMessage,
        &json!({ "phone_number": DIGITS, "media_type": "image", "media_url": "http://x.example/a.png" }),
        &options,
    );
    assert_eq!(valid.warnings.len(), 1);
    assert_eq!(valid.warnings[0].code, WarningCode::InsecureUrl);
    // Any other text, English or another locale's, fails.
    assert_eq!(
        valid.warnings[0].message,
        "media_url adalah URL http biasa; dalam praktiknya WhatsApp mengambil media melalui https."
    );
}

#[test]
fn a_locale_without_its_messages_is_refused_not_read_as_english() {
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/pt-BR.json"))
        .unwrap();
    let pt_br: Value = serde_json::from_str(&file).unwrap();
    // `import * as ptBR from "whatsjet/locales/pt-BR"`: the namespace, not
    // its default export.
    for locale in [
        json!({ "default": pt_br }),
        json!({}),
        json!({ "messages": null }),
    ] {
        let error = read_validate_options(&core(&json!({ "locale": locale }))).unwrap_err();
        assert_eq!(error.code(), "config");
        assert_eq!(
            error.issues(),
            [Issue::new(
                "locale",
                IssueCode::InvalidType,
                "locale must be a locale module, such as the default export of whatsjet/locales/pt-BR."
            )],
            "{locale}"
        );
    }
}
