// Sends rows through a small queue of our own rather than sendBulk: the
// journal must hold a row's "started" line before its request leaves, and
// only here is that instant ours. `onStart` runs (synchronously: the journal
// line is written and fsynced) right before `send` is called.
//
// Starts are spaced 60 s / ratePerMinute apart and never more than
// ratePerMinute fall in any 60 s, so a burst never meets the server's
// per-minute throttle; a 429 that outlived the client's own retries pauses
// every worker for its Retry-After.

import { setTimeout as sleep } from "node:timers/promises";

const MINUTE_MS = 60_000;

class Pacer {
  constructor(ratePerMinute) {
    this.rate = ratePerMinute;
    this.interval = MINUTE_MS / ratePerMinute;
    this.starts = [];
    this.pausedUntil = 0;
    this.turn = Promise.resolve();
  }

  /** Resolves when the next request may start; one caller at a time. */
  slot(signal) {
    const mine = this.turn.then(async () => {
      for (;;) {
        const now = Date.now();
        const last = this.starts.at(-1) ?? -Infinity;
        const windowStart = this.starts.length >= this.rate ? this.starts.at(-this.rate) + MINUTE_MS : -Infinity;
        const at = Math.max(now, last + this.interval, windowStart, this.pausedUntil);
        if (at <= now) break;
        await sleep(at - now, undefined, { signal });
      }
      this.starts.push(Date.now());
      if (this.starts.length > this.rate) this.starts.shift();
    });
    this.turn = mine.catch(() => {});
    return mine;
  }

  pause(ms) {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }
}

/**
 * Sends every row with at most `concurrency` in flight; resolves when all
 * started rows have their outcome. After `signal` aborts no row starts.
 */
export async function sendPaced(rows, { ratePerMinute, concurrency, signal, send, onStart, onOutcome }) {
  const pacer = new Pacer(ratePerMinute);
  let next = 0;
  async function worker() {
    while (next < rows.length && !signal.aborted) {
      const row = rows[next];
      next += 1;
      try {
        await pacer.slot(signal);
      } catch {
        next = rows.length;
        return;
      }
      onStart(row);
      try {
        onOutcome(row, { status: "sent", reply: await send(row) });
      } catch (error) {
        if (error?.code === "rate_limited") pacer.pause(error.retryAfterMs ?? MINUTE_MS);
        onOutcome(row, { status: "failed", error });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
}
