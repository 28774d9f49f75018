//! Starts the sandbox binary on a free port and talks raw HTTP/1.1 to it, so
//! that tests also see what a broken connection looks like.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use serde_json::Value;

pub const TOKEN: &str = "sandbox-token";
pub const VENDOR: &str = "sandbox-vendor";

pub struct Sandbox {
    child: Child,
    _stdout: BufReader<ChildStdout>,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    pub addr: String,
}

impl Sandbox {
    /// Starts with rate limiting off; `args` are added to the command line.
    pub fn start() -> Sandbox {
        Sandbox::start_with(&["--rate-limit", "0"])
    }

    pub fn start_with(args: &[&str]) -> Sandbox {
        let mut child = Command::new(env!("CARGO_BIN_EXE_whatsjet-sandbox"))
            .args(["--port", "0", "--quiet"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start whatsjet-sandbox");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        stdout.read_line(&mut first).expect("read first line");
        let url = first
            .trim()
            .strip_prefix("WHATSJET_SANDBOX_URL=")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .to_string();
        let addr = url.trim_start_matches("http://").to_string();
        Sandbox {
            child,
            _stdout: stdout,
            url,
            addr,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn child(&mut self) -> &mut Child {
        &mut self.child
    }

    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// Sends one request (Connection: close) and reads the whole answer.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Response {
        let raw = self
            .exchange(&request_bytes(method, path, headers, body))
            .expect("exchange");
        Response::parse(&raw)
            .unwrap_or_else(|| panic!("not an HTTP response: {:?}", String::from_utf8_lossy(&raw)))
    }

    /// Writes `request` and reads until the server closes the connection.
    pub fn exchange(&self, request: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut stream = self.connect();
        // The server may answer (413) and close before taking the whole
        // request; what it answered is still worth reading.
        if let Err(e) = stream.write_all(request) {
            if !matches!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
            ) {
                return Err(e);
            }
        }
        let mut out = Vec::new();
        match stream.read_to_end(&mut out) {
            Ok(_) => Ok(out),
            // A reset after a deliberate drop still means "this is all".
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(out),
            Err(e) => Err(e),
        }
    }

    /// POST to an API path under the vendor with the right token and JSON.
    pub fn api(&self, endpoint: &str, body: &str) -> Response {
        self.api_as(VENDOR, TOKEN, endpoint, body)
    }

    /// POST to `/api/{vendor}/{endpoint}` with `token` and a JSON body.
    pub fn api_as(&self, vendor: &str, token: &str, endpoint: &str, body: &str) -> Response {
        let auth = format!("Bearer {token}");
        self.request(
            "POST",
            &format!("/api/{vendor}/{endpoint}"),
            &[
                ("Content-Type", "application/json"),
                ("Accept", "application/json"),
                ("Authorization", &auth),
            ],
            Some(body.as_bytes()),
        )
    }

    pub fn get_json(&self, path: &str) -> Value {
        self.request("GET", path, &[], None).json()
    }

    pub fn post_control(&self, path: &str, body: &str) -> Response {
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/json")],
            Some(body.as_bytes()),
        )
    }

    pub fn fault(&self, spec: &str) {
        let r = self.post_control("/__sandbox/faults", spec);
        assert_eq!(r.status, 200, "fault {spec} refused: {}", r.text());
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn request_bytes(
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> Vec<u8> {
    let mut out =
        format!("{method} {path} HTTP/1.1\r\nHost: sandbox.test\r\nConnection: close\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if let Some(body) = body {
        bytes.extend_from_slice(body);
    }
    bytes
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Lowercased names, in order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn parse(raw: &[u8]) -> Option<Response> {
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = std::str::from_utf8(&raw[..end]).ok()?;
        let mut lines = head.split("\r\n");
        let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Some(Response {
            status,
            headers,
            body: raw[end + 4..].to_vec(),
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.text()))
    }
}

/// The `body` of an answer fixture, as JSON.
pub fn fixture_body(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("answers")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("read fixture");
    let mut fixture: Value = serde_json::from_str(&text).expect("fixture JSON");
    fixture["body"].take()
}

pub fn fixture_status(name: &str) -> u16 {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("answers")
        .join(format!("{name}.json"));
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    fixture["status"].as_u64().unwrap() as u16
}

/// 8-4-4-4-12 lowercase hex with version 4.
pub fn is_uuid_v4(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && text
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
        && parts[2].starts_with('4')
}

/// A fresh empty directory under the system temp dir.
pub fn temp_dir(tag: &str) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "whatsjet-sandbox-test-{}-{tag}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
