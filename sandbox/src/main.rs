//! `whatsjet-sandbox`: a local fake of a WhatsJet server, so the client, its
//! tests, benchmarks and demo page run without a network.

mod answers;
mod api;
mod assign;
mod auth;
mod campaigns;
mod clock;
mod control;
mod countries;
mod faults;
mod ids;
mod input;
mod interactive;
mod items;
mod paginator;
mod ratelimit;
mod reads;
mod recorder;
mod reply;
mod seed;
mod server;
mod state;
mod static_files;
mod store;
mod templates;
mod validation;
mod webhook;
mod whatsapp;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use state::{AppState, Settings, FROM_PHONE_NUMBER_IDS};

const USAGE: &str = "\
Usage: whatsjet-sandbox [options]

  --host HOST          address to listen on            (default 127.0.0.1)
  --port PORT          port; 0 picks a free one        (default 8787)
  --vendor-uid UID     the vendor uid the API accepts  (default sandbox-vendor)
  --token TOKEN        the bearer token it accepts     (default sandbox-token)
  --rate-limit N       API requests/minute per IP; 0 = off (default 60)
  --static-dir DIR     files served at /               (default www-demo)
  --pkg-dir DIR        files served at /pkg/           (default pkg)
  --webhook-url URL    post webhook events there (http://…; default none)
  --quiet              no request log on stderr
  -h, --help           this text

Each option can also come from WHATSJET_SANDBOX_<NAME> (e.g. WHATSJET_SANDBOX_PORT);
options on the command line win.
The first stdout line is WHATSJET_SANDBOX_URL=http://HOST:PORT.";

struct Options {
    host: String,
    port: u16,
    vendor_uid: String,
    token: String,
    rate_limit: u32,
    static_dir: PathBuf,
    pkg_dir: PathBuf,
    webhook_url: Option<String>,
    quiet: bool,
}

fn env(name: &str) -> Option<String> {
    std::env::var(format!("WHATSJET_SANDBOX_{name}")).ok()
}

fn parse_options(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut host = env("HOST").unwrap_or_else(|| "127.0.0.1".into());
    let mut port = env("PORT").unwrap_or_else(|| "8787".into());
    let mut vendor_uid = env("VENDOR_UID").unwrap_or_else(|| "sandbox-vendor".into());
    let mut token = env("TOKEN").unwrap_or_else(|| "sandbox-token".into());
    let mut rate_limit = env("RATE_LIMIT").unwrap_or_else(|| "60".into());
    let mut static_dir = env("STATIC_DIR").unwrap_or_else(|| "www-demo".into());
    let mut pkg_dir = env("PKG_DIR").unwrap_or_else(|| "pkg".into());
    let mut webhook_url = env("WEBHOOK_URL").unwrap_or_default();
    let mut quiet = env("QUIET").is_some_and(|v| v != "0" && !v.is_empty());

    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let slot = match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--quiet" => {
                quiet = true;
                continue;
            }
            "--host" => &mut host,
            "--port" => &mut port,
            "--vendor-uid" => &mut vendor_uid,
            "--token" => &mut token,
            "--rate-limit" => &mut rate_limit,
            "--static-dir" => &mut static_dir,
            "--pkg-dir" => &mut pkg_dir,
            "--webhook-url" => &mut webhook_url,
            other => return Err(format!("unknown option {other}")),
        };
        *slot = match inline {
            Some(v) => v,
            None => args.next().ok_or_else(|| format!("{name} needs a value"))?,
        };
    }
    if vendor_uid.is_empty() || vendor_uid.contains('/') {
        return Err("--vendor-uid must be non-empty and have no '/'".into());
    }
    let webhook_url = (!webhook_url.is_empty()).then_some(webhook_url);
    if let Some(url) = &webhook_url {
        webhook::check_url(url)?;
    }
    Ok(Some(Options {
        host,
        port: port.parse().map_err(|_| format!("bad port {port:?}"))?,
        vendor_uid,
        token,
        rate_limit: rate_limit
            .parse()
            .map_err(|_| format!("bad rate limit {rate_limit:?}"))?,
        static_dir: static_dir.into(),
        pkg_dir: pkg_dir.into(),
        webhook_url,
        quiet,
    }))
}

/// The URL to print: a wildcard bind address is reached through loopback.
fn url_for(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(a) if a.ip().is_unspecified() => format!("http://127.0.0.1:{}", a.port()),
        SocketAddr::V6(a) if a.ip().is_unspecified() => format!("http://[::1]:{}", a.port()),
        SocketAddr::V4(a) => format!("http://{}:{}", a.ip(), a.port()),
        SocketAddr::V6(a) => format!("http://[{}]:{}", a.ip(), a.port()),
    }
}

/// Resolves on Ctrl+C or SIGTERM.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn banner(options: &Options, url: &str) -> String {
    let templates: Vec<String> = templates::TEMPLATES
        .iter()
        .map(|t| format!("{}/{}", t.name, t.language))
        .collect();
    let rate = if options.rate_limit == 0 {
        "off".to_string()
    } else {
        format!("{} requests/minute per client IP", options.rate_limit)
    };
    format!(
        "WHATSJET_SANDBOX_URL={url}\n\
         WhatsJet sandbox running\n\
         \x20 demo page:             {url}/\n\
         \x20 API base URL:          {url}/api\n\
         \x20 vendor uid:            {vendor}\n\
         \x20 bearer token:          {token}\n\
         \x20 from phone number ids: {phones}\n\
         \x20 templates:             {templates}\n\
         \x20 rate limit:            {rate}\n\
         \x20 control API:           {url}/__sandbox/info\n\
         \x20 static dir:            {static_dir}  (pkg dir: {pkg_dir})\n\
         Press Ctrl+C to stop.\n",
        vendor = options.vendor_uid,
        token = options.token,
        phones = FROM_PHONE_NUMBER_IDS.join(", "),
        templates = templates.join(", "),
        static_dir = options.static_dir.display(),
        pkg_dir = options.pkg_dir.display(),
    )
}

fn main() -> ExitCode {
    let options = match parse_options(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("whatsjet-sandbox: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("whatsjet-sandbox: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(async {
        let listener =
            match tokio::net::TcpListener::bind((options.host.as_str(), options.port)).await {
                Ok(listener) => listener,
                Err(e) => {
                    eprintln!(
                        "whatsjet-sandbox: cannot listen on {}:{}: {e}",
                        options.host, options.port
                    );
                    return ExitCode::FAILURE;
                }
            };
        let url = match listener.local_addr() {
            Ok(addr) => url_for(addr),
            Err(e) => {
                eprintln!("whatsjet-sandbox: {e}");
                return ExitCode::FAILURE;
            }
        };
        let settings = Settings {
            vendor_uid: options.vendor_uid.clone(),
            token: options.token.clone(),
            rate_limit: options.rate_limit,
            rate_limit_window_secs: 60,
            webhook_url: options.webhook_url.clone(),
        };
        let state = Arc::new(AppState::new(
            settings,
            options.static_dir.clone(),
            options.pkg_dir.clone(),
            options.quiet,
        ));
        // Whoever reads stdout may close it early; the server keeps going.
        let mut stdout = std::io::stdout();
        let _ = stdout.write_all(banner(&options, &url).as_bytes());
        let _ = stdout.flush();

        tokio::spawn(webhook::run(state.clone()));
        server::run(listener, state, shutdown_signal()).await;
        let _ = writeln!(std::io::stderr(), "whatsjet-sandbox: stopped");
        ExitCode::SUCCESS
    });
    // Hanging connections (the `hang` fault) must not hold up the exit.
    runtime.shutdown_timeout(Duration::from_millis(500));
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Options>, String> {
        parse_options(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn options() {
        let o = parse(&["--port", "0", "--rate-limit=0", "--token", "t"])
            .unwrap()
            .unwrap();
        assert_eq!(o.port, 0);
        assert_eq!(o.rate_limit, 0);
        assert_eq!(o.token, "t");
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--nope"]).is_err());
        assert!(parse(&["--help"]).unwrap().is_none());
        let hooked = parse(&["--webhook-url", "http://127.0.0.1:9/hook"]).unwrap();
        assert_eq!(
            hooked.unwrap().webhook_url.as_deref(),
            Some("http://127.0.0.1:9/hook")
        );
        assert!(parse(&["--webhook-url", "https://example.com/hook"]).is_err());
    }

    #[test]
    fn urls() {
        assert_eq!(url_for("0.0.0.0:5".parse().unwrap()), "http://127.0.0.1:5");
        assert_eq!(
            url_for("127.0.0.1:5".parse().unwrap()),
            "http://127.0.0.1:5"
        );
        assert_eq!(url_for("[::1]:5".parse().unwrap()), "http://[::1]:5");
    }
}
