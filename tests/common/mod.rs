//! What the native test files share: the conversions between `json!`
//! values and the core's JSON.
#![allow(dead_code)]

use serde_json::Value;
use whatsjet::json::ToJson;

/// A `json!` value as the core's JSON, built structurally so that nesting
/// depth and key order are kept exactly.
pub fn core(v: &Value) -> whatsjet::json::Value {
    use whatsjet::json::Value as C;
    match v {
        Value::Null => C::Null,
        Value::Bool(b) => C::Bool(*b),
        Value::Number(n) => whatsjet::json::parse(&n.to_string()).unwrap(),
        Value::String(s) => C::String(s.clone()),
        Value::Array(items) => C::Array(items.iter().map(core).collect()),
        Value::Object(m) => C::Object(m.iter().map(|(k, v)| (k.clone(), core(v))).collect()),
    }
}

/// The core's JSON (or anything it writes) as a `json!` value, to compare;
/// what serde_json refuses (a number like 1e400) comes back as its JSON text.
pub fn serde(v: &impl ToJson) -> Value {
    let text = v.to_json_string();
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}
