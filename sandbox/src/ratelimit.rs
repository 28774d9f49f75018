//! Laravel's `throttle:N,1`: a fixed window per client IP that starts at the
//! window's first request.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// Limiting is off (`--rate-limit 0`): no rate-limit headers.
    Unlimited,
    Allowed {
        limit: u32,
        remaining: u32,
    },
    /// Over the limit; `retry_after` is whole seconds to the window's end.
    Limited {
        limit: u32,
        retry_after: u64,
    },
}

struct Window {
    start: Instant,
    hits: u32,
}

#[derive(Default)]
pub struct RateLimiter {
    windows: HashMap<IpAddr, Window>,
}

impl RateLimiter {
    /// Counts one request from `ip`; requests over the limit are not counted
    /// (Laravel checks before it hits).
    pub fn hit(&mut self, ip: IpAddr, limit: u32, window: Duration, now: Instant) -> Verdict {
        if limit == 0 {
            return Verdict::Unlimited;
        }
        // Keep the map small when many addresses come and go.
        if self.windows.len() > 4096 {
            self.windows
                .retain(|_, w| now.duration_since(w.start) < window);
        }
        let entry = self.windows.entry(ip).or_insert(Window {
            start: now,
            hits: 0,
        });
        if now.duration_since(entry.start) >= window {
            *entry = Window {
                start: now,
                hits: 0,
            };
        }
        if entry.hits >= limit {
            let left = window.saturating_sub(now.duration_since(entry.start));
            // Round up, so a client that waits Retry-After seconds is let in.
            let retry_after = (left.as_millis().div_ceil(1000) as u64).max(1);
            return Verdict::Limited { limit, retry_after };
        }
        entry.hits += 1;
        Verdict::Allowed {
            limit,
            remaining: limit - entry.hits,
        }
    }

    pub fn clear(&mut self) {
        self.windows.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_window() {
        let mut rl = RateLimiter::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let t0 = Instant::now();
        let minute = Duration::from_secs(60);
        assert_eq!(
            rl.hit(ip, 2, minute, t0),
            Verdict::Allowed {
                limit: 2,
                remaining: 1
            }
        );
        assert_eq!(
            rl.hit(ip, 2, minute, t0),
            Verdict::Allowed {
                limit: 2,
                remaining: 0
            }
        );
        assert_eq!(
            rl.hit(ip, 2, minute, t0 + Duration::from_millis(22_500)),
            Verdict::Limited {
                limit: 2,
                retry_after: 38
            }
        );
        assert_eq!(
            rl.hit(ip, 2, minute, t0 + minute),
            Verdict::Allowed {
                limit: 2,
                remaining: 1
            }
        );
        assert_eq!(rl.hit(ip, 0, minute, t0), Verdict::Unlimited);
    }
}
