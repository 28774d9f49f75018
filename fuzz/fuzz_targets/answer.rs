//! Any status, `Retry-After` and body: reading an answer never panics, and
//! only a 2xx can be a success.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whatsjet::answer::{parse, Answer};

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = 100 + u16::from_le_bytes([data[0], data[1]]) % 500;
    let split = 3 + usize::from(data[2]).min(data.len() - 3);
    let retry_after = std::str::from_utf8(&data[3..split]).ok();
    let Ok(body) = std::str::from_utf8(&data[split..]) else {
        return;
    };
    let answer = Answer {
        status,
        retry_after,
        body,
    };
    if parse(&answer, 1.7e12).is_ok() {
        assert!((200..300).contains(&status));
    }
});
