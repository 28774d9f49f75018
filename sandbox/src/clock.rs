//! The sandbox's clock: wall time that tests can pause and move forward, so
//! that message statuses and campaigns progress without real waiting.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

/// Milliseconds since the Unix epoch, on the sandbox's clock.
pub type Millis = u64;

#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Clock {
    /// Added to the wall time.
    advanced_ms: u64,
    /// While paused, the time stands at this value.
    paused_at: Option<Millis>,
}

fn wall_ms() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}

impl Clock {
    pub fn now(&self) -> Millis {
        self.paused_at
            .unwrap_or_else(|| wall_ms().saturating_add(self.advanced_ms))
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// Stops the clock where it stands; a paused clock moves only by `advance`.
    pub fn pause(&mut self) {
        self.paused_at = Some(self.now());
    }

    /// Runs again from where it stands.
    pub fn resume(&mut self) {
        if let Some(at) = self.paused_at.take() {
            self.advanced_ms = at.saturating_sub(wall_ms());
        }
    }

    pub fn advance(&mut self, ms: u64) {
        match &mut self.paused_at {
            Some(at) => *at = at.saturating_add(ms),
            None => self.advanced_ms = self.advanced_ms.saturating_add(ms),
        }
    }
}

/// `ms` as `2025-09-04T10:20:30.000000Z` (how Laravel serialises dates).
pub fn iso(ms: Millis) -> String {
    format_iso(ms / 1000, (ms % 1000) as u32 * 1000)
}

pub fn format_iso(secs: u64, micros: u32) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{micros:06}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Howard Hinnant's days-to-civil conversion (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(format_iso(0, 0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(format_iso(1_756_981_230, 5), "2025-09-04T10:20:30.000005Z");
        assert_eq!(format_iso(951_782_400, 0), "2000-02-29T00:00:00.000000Z");
        assert_eq!(iso(1_756_981_230_250), "2025-09-04T10:20:30.250000Z");
    }

    #[test]
    fn a_paused_clock_moves_only_when_advanced() {
        let mut clock = Clock::default();
        clock.pause();
        let at = clock.now();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert_eq!(clock.now(), at);
        clock.advance(2_000);
        assert_eq!(clock.now(), at + 2_000);
        clock.resume();
        assert!(clock.now() >= at + 2_000);
    }
}
