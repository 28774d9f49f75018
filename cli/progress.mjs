// Progress of a send on stderr: a bar redrawn in place on a terminal, a line
// per 5 % otherwise (a log file or CI gets twenty lines, not thousands).

const BAR_WIDTH = 24;

function duration(seconds) {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

export class Progress {
  constructor(total, stream = process.stderr, now = Date.now) {
    this.total = total;
    this.stream = stream;
    this.now = now;
    this.started = now();
    this.done = 0;
    this.failed = 0;
    this.step = 0;
  }

  /** The status text: done/total, rate, ETA, failures. */
  text() {
    const minutes = (this.now() - this.started) / 60_000;
    const rate = minutes > 0 ? this.done / minutes : 0;
    const eta = rate > 0 ? ((this.total - this.done) / rate) * 60 : Number.POSITIVE_INFINITY;
    return `${this.done}/${this.total}  ${rate.toFixed(1)}/min  ETA ${duration(eta)}  failed ${this.failed}`;
  }

  row(failed) {
    this.done += 1;
    if (failed) this.failed += 1;
    if (this.stream.isTTY) {
      const filled = Math.round((this.done / this.total) * BAR_WIDTH);
      this.stream.write(`\r[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${this.text()}\x1b[K`);
      if (this.done === this.total) this.stream.write("\n");
      return;
    }
    const step = Math.floor((this.done * 20) / this.total);
    if (step > this.step) {
      this.step = step;
      this.stream.write(`${String(step * 5).padStart(3)}%  ${this.text()}\n`);
    }
  }

  /** Ends a bar cut short, so what follows starts on its own line. */
  end() {
    if (this.stream.isTTY && this.done < this.total && this.done > 0) this.stream.write("\n");
  }
}
