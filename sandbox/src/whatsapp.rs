//! What WhatsApp (Meta) does with a send, as far as the answer shows it.

/// The WhatsApp id Meta resolves a number to, which the server answers with:
/// Brazilian mobiles gain the 9 after the area code (55 AA 9XXXXXXXX), and
/// Mexican numbers gain the 1 after the country code (52 1 XXXXXXXXXX).
pub fn resolve_number(number: &str) -> String {
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        number.to_string()
    } else if number.len() == 12 && number.starts_with("55") {
        format!("{}9{}", &number[..4], &number[4..])
    } else if number.len() == 12 && number.starts_with("52") {
        format!("521{}", &number[2..])
    } else {
        number.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_meta() {
        assert_eq!(resolve_number("551112345678"), "5511912345678");
        assert_eq!(resolve_number("5511912345678"), "5511912345678");
        assert_eq!(resolve_number("525512345678"), "5215512345678");
        assert_eq!(resolve_number("919876543210"), "919876543210");
    }
}
