//! The message tables: `locales/en.json` is the English of the core's
//! table (rewritten with `UPDATE_LOCALES=1`), and every other locale has a
//! text for each key that uses exactly the same placeholders.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use whatsjet::messages::Msg;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

/// The locale file as the tables make it, in table order.
fn english() -> String {
    let mut out = String::from("{\n  \"locale\": \"en\",\n  \"messages\": {\n");
    for (i, m) in Msg::ALL.iter().enumerate() {
        let comma = if i + 1 == Msg::ALL.len() { "" } else { "," };
        let key = serde_json::to_string(m.key()).unwrap();
        let text = serde_json::to_string(m.english()).unwrap();
        out.push_str(&format!("    {key}: {text}{comma}\n"));
    }
    out.push_str("  }\n}\n");
    out
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices('{') {
        let rest = &text[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() && rest[name.len()..].starts_with('}') {
            out.insert(name);
        }
    }
    out
}

#[test]
fn english_file_is_the_core_table() {
    let path = Path::new(DIR).join("en.json");
    let want = english();
    if std::env::var_os("UPDATE_LOCALES").is_some() {
        fs::write(&path, &want).unwrap();
    }
    let have = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "locales/en.json differs from the core's messages: run UPDATE_LOCALES=1 cargo test --test locales"
    );
}

#[test]
fn every_locale_translates_every_message_with_its_placeholders() {
    let mut seen = Vec::new();
    for entry in fs::read_dir(DIR).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(file["locale"], name.as_str(), "{name}: its locale field");
        let messages = file["messages"].as_object().unwrap();
        for m in Msg::ALL {
            let Some(text) = messages.get(m.key()).and_then(|t| t.as_str()) else {
                panic!("{name}: no text for {}", m.key());
            };
            assert!(!text.trim().is_empty(), "{name}: {} is blank", m.key());
            assert_eq!(
                placeholders(text),
                placeholders(m.english()),
                "{name}: {} must use exactly the placeholders of the English \"{}\"",
                m.key(),
                m.english()
            );
        }
        let known: BTreeSet<&str> = Msg::ALL.iter().map(|m| m.key()).collect();
        let extra: Vec<&String> = messages
            .keys()
            .filter(|k| !known.contains(k.as_str()))
            .collect();
        assert!(
            extra.is_empty(),
            "{name}: keys the core does not have: {extra:?}"
        );
        seen.push(name);
    }
    seen.sort();
    assert_eq!(seen, ["en", "es", "hi", "id", "pt-BR"]);
}
