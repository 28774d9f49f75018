//! The demo page (`--static-dir`) and the wasm package (`--pkg-dir`, under
//! `/pkg/`), read from disk on every request so rebuilds show at once.

use std::path::{Path, PathBuf};

use hyper::Method;

use crate::input::percent_decode;
use crate::reply::{self, Reply};
use crate::state::{AppState, FROM_PHONE_NUMBER_IDS};
use crate::templates::TEMPLATES;

pub fn content_type(path: &Path) -> &'static str {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if name.ends_with(".d.ts") || name.ends_with(".ts") {
        return "text/plain; charset=utf-8";
    }
    match name.rsplit('.').next().unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `root` + the request path, or None if the path tries to leave `root`.
fn resolve(root: &Path, relative: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) || s.contains(':') => return None,
            s => path.push(s),
        }
    }
    Some(path)
}

pub async fn serve(state: &AppState, method: &Method, path: &str, host: Option<&str>) -> Reply {
    if method != Method::GET && method != Method::HEAD {
        return reply::not_found();
    }
    let decoded = percent_decode(path, false);
    let (root, relative) = match decoded.strip_prefix("/pkg/") {
        Some(rest) => (&state.pkg_dir, rest),
        None => (&state.static_dir, decoded.trim_start_matches('/')),
    };
    let Some(mut file) = resolve(root, relative) else {
        return reply::not_found();
    };
    if relative.is_empty()
        || relative.ends_with('/')
        || tokio::fs::metadata(&file).await.is_ok_and(|m| m.is_dir())
    {
        file.push("index.html");
    }
    match tokio::fs::read(&file).await {
        Ok(bytes) => {
            let mut reply = reply::bytes(200, content_type(&file), bytes);
            reply::set_header(&mut reply, "cache-control", "no-cache");
            reply
        }
        Err(_) if decoded == "/" => builtin_page(state, host.unwrap_or("127.0.0.1")),
        Err(_) => reply::not_found(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Shown at `/` when the static dir has no index.html.
fn builtin_page(state: &AppState, host: &str) -> Reply {
    let settings = state.settings();
    let base = escape(&format!("http://{host}/api"));
    let templates: String = TEMPLATES
        .iter()
        .map(|t| {
            format!(
                "<li><code>{}</code> / <code>{}</code>: {}</li>",
                t.name,
                t.language,
                escape(&t.required_params().join(", "))
            )
        })
        .collect();
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>WhatsJet sandbox</title></head>\n<body style=\"font-family:sans-serif;max-width:48em;margin:2em auto\">\n<h1>The WhatsJet sandbox is running</h1>\n<p>No <code>index.html</code> in the static dir (<code>{static_dir}</code>), so this page stands in.</p>\n<dl>\n<dt>Base URL</dt><dd><code>{base}</code></dd>\n<dt>Vendor uid</dt><dd><code>{vendor}</code></dd>\n<dt>Token</dt><dd><code>{token}</code></dd>\n<dt>From phone number ids</dt><dd><code>{phones}</code></dd>\n</dl>\n<h2>Templates</h2><ul>{templates}</ul>\n<p>Control API: <a href=\"/__sandbox/info\"><code>/__sandbox/info</code></a></p>\n</body></html>\n",
        static_dir = escape(&state.static_dir.display().to_string()),
        vendor = escape(&settings.vendor_uid),
        token = escape(&settings.token),
        phones = FROM_PHONE_NUMBER_IDS.join(", "),
    );
    reply::html(200, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types() {
        assert_eq!(
            content_type(Path::new("a/whatsjet_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            content_type(Path::new("whatsjet.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("whatsjet.d.ts")),
            "text/plain; charset=utf-8"
        );
    }

    #[test]
    fn no_traversal() {
        let root = Path::new("/srv/www");
        assert_eq!(
            resolve(root, "a/b.js"),
            Some(PathBuf::from("/srv/www/a/b.js"))
        );
        assert_eq!(resolve(root, "a/../../etc/passwd"), None);
        assert_eq!(resolve(root, "..\\x"), None);
        assert_eq!(
            resolve(root, "/etc/passwd"),
            Some(PathBuf::from("/srv/www/etc/passwd"))
        );
    }
}
