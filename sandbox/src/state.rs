//! State shared by all connections.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;

use crate::clock::Clock;
use crate::faults::FaultQueue;
use crate::ratelimit::RateLimiter;
use crate::recorder::Recorder;
use crate::store::Store;
use crate::webhook::Outbox;

/// The WhatsApp business phone number ids the sandbox vendor owns; the first
/// is the default sender.
pub const FROM_PHONE_NUMBER_IDS: &[&str] = &["100000000000001", "100000000000002"];

/// Vendor uids with a fixed auth answer.
pub const INACTIVE_VENDOR: &str = "inactive-vendor";
pub const SETUP_INCOMPLETE_VENDOR: &str = "setup-incomplete-vendor";
/// A valid token whose plan has no API access (HTTP 401).
pub const NO_API_PLAN_TOKEN: &str = "no-api-plan-token";
/// Sends to this number fail as WhatsApp's (#131030) "not in allowed list".
pub const NOT_ALLOWED_RECIPIENT: &str = "919999999999";

/// Settings that `/__sandbox/config` may change and `/__sandbox/reset` restores.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub vendor_uid: String,
    pub token: String,
    /// Requests per window per client IP; 0 turns limiting off.
    pub rate_limit: u32,
    pub rate_limit_window_secs: u64,
    /// Where webhooks are posted; none are without it.
    pub webhook_url: Option<String>,
}

impl Settings {
    pub fn window(&self) -> Duration {
        Duration::from_secs(self.rate_limit_window_secs.max(1))
    }
}

pub struct AppState {
    pub defaults: Settings,
    pub settings: Mutex<Settings>,
    pub store: Mutex<Store>,
    pub clock: Mutex<Clock>,
    pub faults: Mutex<FaultQueue>,
    pub limiter: Mutex<RateLimiter>,
    pub recorder: Mutex<Recorder>,
    pub outbox: Mutex<Outbox>,
    pub static_dir: PathBuf,
    pub pkg_dir: PathBuf,
    pub quiet: bool,
}

/// Locks a mutex even if a handler panicked while holding it: the data is
/// plain values, still usable, and the sandbox must keep answering.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    pub fn new(defaults: Settings, static_dir: PathBuf, pkg_dir: PathBuf, quiet: bool) -> Self {
        AppState {
            settings: Mutex::new(defaults.clone()),
            defaults,
            store: Mutex::default(),
            clock: Mutex::default(),
            faults: Mutex::default(),
            limiter: Mutex::default(),
            recorder: Mutex::default(),
            outbox: Mutex::default(),
            static_dir,
            pkg_dir,
            quiet,
        }
    }

    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    /// Back to the state right after start.
    pub fn reset(&self) {
        *lock(&self.settings) = self.defaults.clone();
        *lock(&self.store) = Store::default();
        *lock(&self.clock) = Clock::default();
        lock(&self.faults).clear();
        lock(&self.limiter).clear();
        lock(&self.recorder).clear();
        lock(&self.outbox).clear();
    }
}
