// `whatsjet status` and `whatsjet contacts`: the two reads a person with a
// spreadsheet asks for.

import { stringify } from "csv-stringify/sync";

import { UsageError, connect } from "./config.mjs";

export const STATUS_HELP = `Usage: whatsjet status WAMID|LOG_UID

Prints where a sent message is (accepted, sent, delivered, read or failed)
and when it got there. A value starting with "wamid." is a WhatsApp message
id; anything else is the log_uid that a send answered with.`;

export const CONTACTS_OPTIONS = {
  search: { type: "string" },
  format: { type: "string" },
};

export const CONTACTS_HELP = `Usage: whatsjet contacts [--search TEXT] [--format csv|json]

Prints every contact, all pages, oldest first.

  --search TEXT         only contacts whose first or last name, number or
                        e-mail contains TEXT (case-insensitive)
  --format csv|json     CSV with a header row (default), or the server's
                        contact objects as a JSON array`;

const CONTACT_COLUMNS = ["wa_id", "first_name", "last_name", "email", "language_code", "groups", "labels", "whatsapp_opt_out", "_uid", "created_at"];

export async function status(whatsjet, values, positionals, { out = process.stdout } = {}) {
  if (positionals.length !== 1) throw new UsageError("status takes one WAMID or LOG_UID");
  const [id] = positionals;
  const query = id.startsWith("wamid.") ? { wamid: id } : { log_uid: id };
  const reply = await connect(whatsjet, values).getMessageStatus(query);
  const { status: where, created_at: created, updated_at: updated } = reply.data;
  out.write(`${where}\ncreated_at ${created}\nupdated_at ${updated}\n`);
  return 0;
}

export async function contacts(whatsjet, values, { out = process.stdout } = {}) {
  const format = values.format ?? "csv";
  if (format !== "csv" && format !== "json") throw new UsageError(`--format is csv or json, not ${format}`);
  const query = { page_size: 1000 };
  if (values.search !== undefined) query.search_term = values.search;
  const all = [];
  for await (const contact of connect(whatsjet, values).paginate("listContacts", query)) all.push(contact);
  if (format === "json") {
    out.write(`${JSON.stringify(all, null, 2)}\n`);
    return 0;
  }
  const titles = (list) => (list ?? []).map((item) => item.title).join("; ");
  const records = all.map((contact) => ({ ...contact, groups: titles(contact.groups), labels: titles(contact.labels) }));
  out.write(stringify(records, { header: true, columns: CONTACT_COLUMNS, cast: { boolean: (value) => String(value) } }));
  return 0;
}
