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

import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";

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
      // A torn last line is a "started" cut short by the crash, written
      // before its request could leave: nothing was sent for it.
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
    const text = readFileSync(this.fd, "utf8");
    // After a torn line, start on a fresh one.
    if (text !== "" && !text.endsWith("\n")) this.#append("\n");
  }

  #append(text) {
    writeSync(this.fd, text);
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
      code: error.code ?? "error",
      message: error.message,
      deliveryUnknown: error.deliveryUnknown !== false,
    });
  }

  close() {
    closeSync(this.fd);
  }
}
