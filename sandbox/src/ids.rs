//! Identifiers shaped like the real server's.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// A random UUID v4, as the server uses for `log_uid` and `contact_uid`.
pub fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A WhatsApp message id: `wamid.` + base64 of the protobuf-like blob Meta
/// uses (recipient number, then a random 18-character hex id).
pub fn wamid(phone_number: &str) -> String {
    let random = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    let message_id = &random[..18];
    let mut blob = vec![0x1c, 0x18, phone_number.len() as u8];
    blob.extend_from_slice(phone_number.as_bytes());
    blob.extend_from_slice(&[0x15, 0x02, 0x00, 0x11, 0x18, message_id.len() as u8]);
    blob.extend_from_slice(message_id.as_bytes());
    blob.push(0x00);
    format!("wamid.{}", STANDARD.encode(blob))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wamid_looks_like_meta() {
        let id = wamid("919876543210");
        assert!(id.starts_with("wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgS"), "{id}");
        assert!(id.ends_with("AA=="), "{id}");
        assert_eq!(uuid().len(), 36);
        assert_eq!(&uuid()[14..15], "4");
    }
}
