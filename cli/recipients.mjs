// The recipients of `send`: the CSV read into rows, each row turned into a
// sendTemplateMessage body by the column mapping, and validated before
// anything is sent. Row numbers are a spreadsheet's: the header is row 1.

import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

import { UsageError } from "./config.mjs";

/** `KEY=VALUE` pairs of a repeated flag, as [key, value] in order. */
export function pairs(flag, list = []) {
  return list.map((item) => {
    const at = item.indexOf("=");
    if (at <= 0) throw new UsageError(`${flag} ${item}: expected FIELD=VALUE`);
    return [item.slice(0, at), item.slice(at + 1)];
  });
}

/** Sets a dotted path (`contact.first_name`) of `target`. */
function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key];
  }
  node[keys.at(-1)] = value;
}

/** The CSV's records, as objects by header; quoted fields, a BOM and CRLF are the library's to handle. */
export function readCsv(path) {
  let text;
  try {
    text = readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${err.message}`);
  }
  try {
    return parse(text, { bom: true, columns: true, skip_empty_lines: true });
  } catch (err) {
    throw new UsageError(`${path} is not a CSV file this tool can read: ${err.message}`);
  }
}

/**
 * Every row as { row, payload, issues, phone }: `map` takes a body field from
 * a column (phone_number from the column "phone_number" unless mapped), `set`
 * gives a field the same value in every row.
 */
export function recipients(whatsjet, records, { template, language, map, set, defaultCountryCode }) {
  const columns = new Map([["phone_number", "phone_number"], ...map]);
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  for (const [field, column] of columns) {
    if (records.length > 0 && !header.includes(column)) {
      throw new UsageError(`no column "${column}" for ${field}; the columns are: ${header.join(", ")}`);
    }
  }
  const options = defaultCountryCode === undefined ? {} : { defaultCountryCode };
  return records.map((record, index) => {
    const payload = { template_name: template, template_language: language };
    for (const [field, value] of set) setPath(payload, field, value);
    for (const [field, column] of columns) setPath(payload, field, record[column]);
    const result = whatsjet.validate("sendTemplateMessage", payload, options);
    const issues = result.ok
      ? []
      : result.issues.map((issue) => ({ column: columns.get(issue.path) ?? (issue.path || "-"), message: issue.message }));
    return { row: index + 2, payload, issues, phone: result.ok ? result.value.phone_number : null };
  });
}

/** The report of the invalid rows, one line an issue. */
export function invalidReport(rows) {
  const lines = [];
  for (const { row, issues } of rows) {
    for (const { column, message } of issues) lines.push(`row ${row}, column ${column}: ${message}`);
  }
  return lines;
}
