//! Response bodies and builders shared by every handler.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Response, StatusCode};
use serde::Serialize;
use tokio::time::Sleep;

use crate::answers::Answer;

pub type Reply = Response<SandboxBody>;

/// The body of every response: either whole, or cut off on purpose.
pub enum SandboxBody {
    Full(Option<Bytes>),
    /// Sends `part`, pauses so that hyper flushes it to the socket, then fails,
    /// which makes hyper close the connection before the promised length.
    Cut {
        part: Option<Bytes>,
        pause: Pin<Box<Sleep>>,
    },
}

impl SandboxBody {
    pub fn full(bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        if bytes.is_empty() {
            SandboxBody::Full(None)
        } else {
            SandboxBody::Full(Some(bytes))
        }
    }

    pub fn cut(part: Bytes) -> Self {
        SandboxBody::Cut {
            part: Some(part),
            pause: Box::pin(tokio::time::sleep(Duration::from_millis(100))),
        }
    }
}

impl Body for SandboxBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        match self.get_mut() {
            SandboxBody::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            SandboxBody::Cut { part, pause } => {
                if let Some(part) = part.take() {
                    return Poll::Ready(Some(Ok(Frame::data(part))));
                }
                match pause.as_mut().poll(cx) {
                    Poll::Pending => Poll::Pending,
                    Poll::Ready(()) => Poll::Ready(Some(Err(std::io::Error::new(
                        std::io::ErrorKind::ConnectionAborted,
                        "sandbox fault: drop_mid_body",
                    )))),
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, SandboxBody::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            SandboxBody::Full(Some(b)) => SizeHint::with_exact(b.len() as u64),
            SandboxBody::Full(None) => SizeHint::with_exact(0),
            SandboxBody::Cut { .. } => SizeHint::default(),
        }
    }
}

pub const JSON: &str = "application/json";
pub const HTML: &str = "text/html; charset=UTF-8";

/// A response with `body` and a content type.
pub fn bytes(status: u16, content_type: &str, body: impl Into<Bytes>) -> Reply {
    let mut reply = Response::new(SandboxBody::full(body));
    *reply.status_mut() = status_code(status);
    set_header(&mut reply, "content-type", content_type);
    reply
}

/// A JSON response; serialisation of our own types cannot fail, but a
/// failure would still answer (500) rather than panic.
pub fn json<T: Serialize + ?Sized>(status: u16, value: &T) -> Reply {
    match serde_json::to_vec(value) {
        Ok(body) => bytes(status, JSON, body),
        Err(_) => bytes(500, JSON, r#"{"message":"Server Error"}"#),
    }
}

pub fn html(status: u16, body: impl Into<Bytes>) -> Reply {
    bytes(status, HTML, body)
}

/// A response with no body at all (204, or an `empty_body` fault).
pub fn empty(status: u16) -> Reply {
    let mut reply = Response::new(SandboxBody::Full(None));
    *reply.status_mut() = status_code(status);
    reply
}

/// Replays a fixture as it is.
pub fn answer(answer: &Answer) -> Reply {
    let mut reply = Response::new(SandboxBody::full(answer.body.clone()));
    *reply.status_mut() = status_code(answer.status);
    for (name, value) in &answer.headers {
        set_header(&mut reply, name, value);
    }
    reply
}

/// Replays the fixture `name`, or a 500 if it is missing (never happens with
/// the fixtures compiled in; the unit tests check they all parse).
pub fn fixture(name: &str) -> Reply {
    match crate::answers::get(name) {
        Some(a) => answer(a),
        None => json(
            500,
            &serde_json::json!({ "message": format!("sandbox fixture {name} is missing") }),
        ),
    }
}

/// The 404 page, as the real server's web server answers unknown paths.
pub fn not_found() -> Reply {
    fixture("not-found-404")
}

/// Sets a header, ignoring names or values that HTTP cannot carry (they can
/// only come from a fault spec, which must not make the sandbox panic).
pub fn set_header(reply: &mut Reply, name: &str, value: &str) {
    if let (Ok(name), Ok(value)) = (
        HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_str(value),
    ) {
        reply.headers_mut().insert(name, value);
    }
}

pub fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// CORS headers on every answer, so the demo page (served from any origin)
/// can read statuses and the rate-limit headers.
pub fn add_cors(reply: &mut Reply) {
    set_header(reply, "access-control-allow-origin", "*");
    set_header(
        reply,
        "access-control-expose-headers",
        "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining",
    );
}

/// The answer to a CORS preflight.
pub fn preflight() -> Reply {
    let mut reply = empty(204);
    add_cors(&mut reply);
    set_header(
        &mut reply,
        "access-control-allow-methods",
        "GET, POST, OPTIONS",
    );
    set_header(
        &mut reply,
        "access-control-allow-headers",
        "Authorization, Content-Type, Accept",
    );
    set_header(&mut reply, "access-control-max-age", "86400");
    reply
}

/// nginx's page for a body over the size cap (the real server sits behind one).
pub fn payload_too_large() -> Reply {
    let mut reply = html(
        413,
        "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n</body>\r\n</html>\r\n",
    );
    set_header(&mut reply, "connection", "close");
    reply
}
