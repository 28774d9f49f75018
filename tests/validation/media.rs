//! `sendMediaMessage`: `media_type`, `media_url`, `caption` and `file_name`,
//! alone and together.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::{Kind, WarningCode};

use crate::{body, one_issue, send_media, valid, w, warning_codes};

#[test]
fn media_type_is_one_of_four() {
    for t in ["image", "video", "audio", "document"] {
        assert_eq!(
            body(
                Kind::SendMediaMessage,
                send_media(json!({ "media_type": t }))
            )["media_type"],
            t
        );
    }
    for bad in ["gif", "Image", "IMAGE", "", "sticker"] {
        let issue = one_issue(
            Kind::SendMediaMessage,
            send_media(json!({ "media_type": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("media_type", InvalidChoice),
            "{bad}"
        );
    }
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "gif"}))
        )
        .message,
        "media_type must be one of image, video, audio, document; got \"gif\"."
    );
}

#[test]
fn media_url_is_an_absolute_http_url() {
    for good in [
        "https://example.com/a.jpg",
        "https://example.com:8443/path/a.jpg?x=1&y=2#frag",
        "HTTPS://EXAMPLE.COM/A.JPG",
        "https://127.0.0.1/a.png",
        "https://[::1]:8080/a.png",
    ] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({ "media_url": good })),
        );
        assert_eq!(v.body["media_url"], good);
        assert_eq!(v.warnings, vec![], "{good}");
    }
    for bad in [
        "example.com/a.jpg",
        "/a.jpg",
        "ftp://example.com/a.jpg",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://",
        "https:///a.jpg",
        "https://exa mple.com/a.jpg",
        "https://example.com/a b.jpg",
        "https://x.com:port/a.jpg",
        "data:image/png;base64,AAAA",
        "https://evil.com\\@example.com/a.jpg",
        "https://example.com\\a.jpg",
    ] {
        let issue = one_issue(
            Kind::SendMediaMessage,
            send_media(json!({ "media_url": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("media_url", InvalidUrl),
            "{bad}"
        );
    }
    assert_eq!(
        one_issue(Kind::SendMediaMessage, send_media(json!({"media_url": "/a.jpg"}))).message,
        "media_url must be an absolute http(s) URL that WhatsApp can fetch, such as https://example.com/photo.jpg."
    );
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_url": " "}))
        )
        .code,
        Required
    );
    let long = format!("https://example.com/{}", "a".repeat(2048));
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({ "media_url": long }))
        )
        .code,
        TooLong
    );
}

#[test]
fn plain_http_media_url_is_a_warning() {
    let v = valid(
        Kind::SendMediaMessage,
        send_media(json!({"media_url": "http://example.com/a.jpg"})),
    );
    assert_eq!(v.body["media_url"], "http://example.com/a.jpg");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("media_url", WarningCode::InsecureUrl)]
    );
    assert_eq!(
        v.warnings[0].message,
        "media_url is a plain http URL; WhatsApp fetches media over https in practice."
    );
}

#[test]
fn caption_is_at_most_1024_characters() {
    valid(
        Kind::SendMediaMessage,
        send_media(json!({"caption": "c".repeat(1024)})),
    );
    let issue = one_issue(
        Kind::SendMediaMessage,
        send_media(json!({"caption": "c".repeat(1025)})),
    );
    assert_eq!((issue.path.as_str(), issue.code), ("caption", TooLong));
    assert_eq!(
        issue.message,
        "caption must be at most 1024 characters; it has 1025."
    );
}

#[test]
fn caption_for_audio_is_ignored_with_a_warning() {
    let v = valid(
        Kind::SendMediaMessage,
        send_media(json!({"media_type": "audio", "caption": "listen"})),
    );
    assert_eq!(v.body["caption"], "listen");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("caption", WarningCode::IgnoredField)]
    );
    assert_eq!(v.warnings[0].message, "caption is ignored for audio.");
    for t in ["image", "video", "document"] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": t, "caption": "c", "file_name": null})),
        );
        assert_eq!(v.warnings, vec![], "{t}");
    }
}

#[test]
fn file_name_is_for_documents_only() {
    for t in ["image", "video", "audio"] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": t, "file_name": "a.pdf"})),
        );
        assert_eq!(
            warning_codes(&v.warnings),
            vec![w("file_name", WarningCode::IgnoredField)],
            "{t}"
        );
        assert_eq!(
            v.warnings[0].message,
            format!("file_name is used only for documents; it is ignored for {t}.")
        );
    }
}

#[test]
fn document_file_name_without_extension_is_a_warning() {
    for name in ["report", "report.", ".pdf"] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "document", "file_name": name})),
        );
        assert_eq!(
            warning_codes(&v.warnings),
            vec![w("file_name", WarningCode::MissingExtension)],
            "{name}"
        );
    }
    let v = valid(
        Kind::SendMediaMessage,
        send_media(json!({"media_type": "document", "file_name": "report.pdf"})),
    );
    assert_eq!(v.warnings, vec![]);
    assert_eq!(v.body["file_name"], "report.pdf");
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "document", "file_name": " "}))
        )
        .code,
        Required
    );
}
