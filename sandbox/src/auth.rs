//! The server's API authentication, in the order it checks: token, vendor,
//! vendor state, plan.

use hyper::HeaderMap;

use crate::input::parse_form;
use crate::state::{Settings, INACTIVE_VENDOR, NO_API_PLAN_TOKEN, SETUP_INCOMPLETE_VENDOR};
use crate::validation::text_of;

/// Laravel's `bearerToken()`: what follows the last `Bearer ` of the
/// Authorization header, up to a comma.
fn bearer(headers: &HeaderMap) -> Option<String> {
    let header = headers.get("authorization")?.to_str().ok()?;
    let at = header.rfind("Bearer ")?;
    let token = &header[at + 7..];
    Some(token.split(',').next().unwrap_or("").to_string())
}

/// The server also reads `?token=`; clients should not use it (URLs get logged).
fn query_token(query: &str) -> Option<String> {
    parse_form(query).get("token").and_then(text_of)
}

/// Ok, or the name of the answer fixture to reply with. `checks_plan`: the
/// route also requires API access in the plan and a finished WhatsApp setup
/// (the sends and message-status).
pub fn check(
    settings: &Settings,
    vendor_uid: &str,
    headers: &HeaderMap,
    query: &str,
    checks_plan: bool,
) -> Result<(), &'static str> {
    let token = bearer(headers)
        .filter(|t| !t.is_empty())
        .or_else(|| query_token(query))
        .unwrap_or_default();
    let no_api_plan = token == NO_API_PLAN_TOKEN;
    if token != settings.token && !no_api_plan {
        return Err("auth-invalid-token");
    }
    match vendor_uid {
        INACTIVE_VENDOR => return Err("auth-vendor-inactive"),
        SETUP_INCOMPLETE_VENDOR if checks_plan => return Err("setup-incomplete"),
        SETUP_INCOMPLETE_VENDOR => {}
        uid if uid != settings.vendor_uid => return Err("auth-invalid-vendor"),
        _ => {}
    }
    if no_api_plan && checks_plan {
        return Err("plan-without-api-access");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            vendor_uid: "v".into(),
            token: "t".into(),
            rate_limit: 60,
            rate_limit_window_secs: 60,
            webhook_url: None,
        }
    }

    fn with_auth(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("authorization", value.parse().unwrap());
        h
    }

    #[test]
    fn order_of_checks() {
        let s = settings();
        assert_eq!(check(&s, "v", &with_auth("Bearer t"), "", true), Ok(()));
        assert_eq!(check(&s, "v", &HeaderMap::new(), "token=t", true), Ok(()));
        assert_eq!(
            check(&s, "v", &with_auth("bearer t"), "", true),
            Err("auth-invalid-token")
        );
        assert_eq!(
            check(&s, "x", &with_auth("Bearer wrong"), "", true),
            Err("auth-invalid-token")
        );
        assert_eq!(
            check(&s, "x", &with_auth("Bearer t"), "", true),
            Err("auth-invalid-vendor")
        );
        assert_eq!(
            check(&s, INACTIVE_VENDOR, &with_auth("Bearer t"), "", true),
            Err("auth-vendor-inactive")
        );
        assert_eq!(
            check(&s, "v", &with_auth("Bearer no-api-plan-token"), "", true),
            Err("plan-without-api-access")
        );
        // Reads and contact changes need neither the plan's API access nor
        // a finished setup.
        let plan_token = with_auth("Bearer no-api-plan-token");
        assert_eq!(check(&s, "v", &plan_token, "", false), Ok(()));
        assert_eq!(
            check(
                &s,
                SETUP_INCOMPLETE_VENDOR,
                &with_auth("Bearer t"),
                "",
                false
            ),
            Ok(())
        );
        assert_eq!(
            check(
                &s,
                SETUP_INCOMPLETE_VENDOR,
                &with_auth("Bearer t"),
                "",
                true
            ),
            Err("setup-incomplete")
        );
    }
}
