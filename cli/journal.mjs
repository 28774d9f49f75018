// The journal of a send: one JSON line per event, each written and fsynced
// before the program goes on, so that a crash at any instant leaves a file
// that tells sent, unknown and unsent rows apart:
//
//   {"row":7,"phone":"919876543210","state":"started","at":"…"}   before the request leaves
//   {"row":7,"phone":"…","state":"sent","wamid":"…","log_uid":"…","at":"…"}
//   {"row":7,"phone":"…","state":"failed","code":"api","message":"…","deliveryUnknown":false,"at":"…"}
//
// A row whose last line is "started" may have been delivered: it is unknown,
// like a failure with deliveryUnknown.

import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";

import { UsageError } from "./config.mjs";

/** What the journal says of each row: Map row → { state: "sent" | "unknown" | "failed", phone, line }. */
export function readJournal(path) {
  if (!existsSync(path)) return new Map();
  const lines = readFileSync(path, "utf8").split("\n");
  const rows = new Map();
  lines.forEach((text, index) => {
    if (text === "") return;
    let entry;
    try {
      entry = JSON.parse(text);
    } catch {
      // A torn last line is cut short by a crash or a failed write: a
      // "started" whose request never left, or an outcome whose row stays
      // unknown by its "started".
      if (lines.slice(index + 1).every((rest) => rest === "")) return;
      throw new UsageError(`${path}:${index + 1} is not a journal line; is it the journal of a send?`);
    }
    if (!Number.isInteger(entry.row) || typeof entry.state !== "string") {
      throw new UsageError(`${path}:${index + 1} is not a journal line; is it the journal of a send?`);
    }
    const before = rows.get(entry.row);
    if (before?.state === "sent") return;
    const state =
      entry.state === "sent" ? "sent" : entry.state === "failed" && !entry.deliveryUnknown ? "failed" : "unknown";
    rows.set(entry.row, { state, phone: entry.phone, entry });
  });
  return rows;
}

/** An append-only journal; every line is on disk when `write` returns. */
export class Journal {
  constructor(path) {
    this.fd = openSync(path, "a+");
    // A torn last line goes, as readJournal ignores it; left in place it
    // would no longer be last once this run appends.
    const bytes = readFileSync(this.fd);
    const end = bytes.lastIndexOf(0x0a) + 1;
    if (end < bytes.length) ftruncateSync(this.fd, end);
  }

  #append(text) {
    // A short write (a full disk, a file size limit) is retried, so that it
    // throws rather than leave a torn line behind a request that went out.
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    fsyncSync(this.fd);
  }

  write(entry) {
    this.#append(`${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`);
  }

  started(row) {
    this.write({ row: row.row, phone: row.phone, state: "started" });
  }

  sent(row, reply) {
    this.write({ row: row.row, phone: row.phone, state: "sent", wamid: reply.data?.wamid, log_uid: reply.data?.log_uid });
  }

  failed(row, error) {
    this.write({
      row: row.row,
      phone: row.phone,
      state: "failed",
      code: error.code,
      message: error.message,
      deliveryUnknown: error.deliveryUnknown,
    });
  }

  close() {
    closeSync(this.fd);
  }
}
