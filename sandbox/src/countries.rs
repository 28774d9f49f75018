//! The few countries the sandbox knows, to turn "india", "IN" or "91" into the
//! name the server stores ("India").

/// (name, ISO 3166 alpha-2, dialling code)
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Argentina", "AR", "54"),
    ("Australia", "AU", "61"),
    ("Bangladesh", "BD", "880"),
    ("Brazil", "BR", "55"),
    ("Canada", "CA", "1"),
    ("Chile", "CL", "56"),
    ("China", "CN", "86"),
    ("Colombia", "CO", "57"),
    ("Egypt", "EG", "20"),
    ("France", "FR", "33"),
    ("Germany", "DE", "49"),
    ("Ghana", "GH", "233"),
    ("India", "IN", "91"),
    ("Indonesia", "ID", "62"),
    ("Italy", "IT", "39"),
    ("Japan", "JP", "81"),
    ("Kenya", "KE", "254"),
    ("Malaysia", "MY", "60"),
    ("Mexico", "MX", "52"),
    ("Morocco", "MA", "212"),
    ("Nepal", "NP", "977"),
    ("Netherlands", "NL", "31"),
    ("Nigeria", "NG", "234"),
    ("Pakistan", "PK", "92"),
    ("Peru", "PE", "51"),
    ("Philippines", "PH", "63"),
    ("Portugal", "PT", "351"),
    ("Saudi Arabia", "SA", "966"),
    ("Singapore", "SG", "65"),
    ("South Africa", "ZA", "27"),
    ("Spain", "ES", "34"),
    ("Sri Lanka", "LK", "94"),
    ("Turkey", "TR", "90"),
    ("United Arab Emirates", "AE", "971"),
    ("United Kingdom", "GB", "44"),
    ("United States", "US", "1"),
];

/// On create the server only understands a country name.
pub fn by_name(text: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(name, _, _)| name.eq_ignore_ascii_case(text.trim()))
        .map(|(name, _, _)| *name)
}

/// The country's row id (`countries__id`): its place in the sandbox's list.
pub fn id_of(name: &str) -> Option<u64> {
    COUNTRIES
        .iter()
        .position(|(n, _, _)| *n == name)
        .map(|i| i as u64 + 1)
}

/// On update a name, an ISO code or a dialling code all work ("1" picks the
/// United States, as a dialling code shared by several countries must pick one).
pub fn by_any(text: &str) -> Option<&'static str> {
    let text = text.trim().trim_start_matches('+');
    by_name(text).or_else(|| {
        COUNTRIES
            .iter()
            .rev()
            .find(|(_, iso, dial)| iso.eq_ignore_ascii_case(text) || *dial == text)
            .map(|(name, _, _)| *name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(by_name("india"), Some("India"));
        assert_eq!(by_name("IN"), None);
        assert_eq!(by_any("IN"), Some("India"));
        assert_eq!(by_any("91"), Some("India"));
        assert_eq!(by_any("1"), Some("United States"));
        assert_eq!(by_any("Atlantis"), None);
    }
}
