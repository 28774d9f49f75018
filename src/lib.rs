//! A typed, validating client for the WhatsJet WhatsApp-marketing HTTP API.
//!
//! The crate is in two parts. The core (everything but `bindings`) is plain
//! Rust: the route table ([`routes`]), the requests, their validation and normalisation, phone
//! numbers, options, the call with its retries ([`call`], behind a
//! [`call::Transport`] trait) and the reading of the server's answers. On
//! `wasm32` the `bindings` module exports it to JavaScript as
//! `WhatsJetClient` and standalone validators, and only converts; its
//! `transport` implements [`call::Transport`] with `fetch`.
//! The `client` feature (on by default) brings `WhatsJetClient` and the
//! transport; without it the module has only the validators.
#![deny(missing_docs)]

pub mod answer;
pub mod bulk;
pub mod call;
pub mod config;
pub mod error;
pub mod issue;
pub mod json;
pub mod messages;
pub mod preview;
pub mod request;
pub mod retry;
pub mod routes;
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;
pub mod validate;
pub mod webhook;

pub use error::Error;
pub use issue::{Issue, IssueCode, Warning, WarningCode};
pub use request::Kind;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

// Talc instead of the default dlmalloc: 7 KB smaller in the module
// (2.8 KB gzip), and no slower. The module is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The README's Rust examples, compiled and run by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
