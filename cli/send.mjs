// `whatsjet send`: a template to every row of a CSV, validated first, paced,
// journaled and resumable; or, with --campaign, one campaign scheduled on
// the server's own queue for groups of contacts.

import { UsageError, connect } from "./config.mjs";
import { Journal, readJournal } from "./journal.mjs";
import { sendPaced } from "./pacing.mjs";
import { Progress } from "./progress.mjs";
import { invalidReport, pairs, readCsv, recipients } from "./recipients.mjs";

export const SEND_OPTIONS = {
  csv: { type: "string" },
  template: { type: "string" },
  language: { type: "string" },
  map: { type: "string", multiple: true },
  set: { type: "string", multiple: true },
  "dry-run": { type: "boolean" },
  journal: { type: "string" },
  rate: { type: "string" },
  concurrency: { type: "string" },
  campaign: { type: "string" },
  group: { type: "string", multiple: true },
  timezone: { type: "string" },
  "schedule-at": { type: "string" },
};

export const SEND_HELP = `Usage: whatsjet send --csv FILE --template NAME --language CODE [options]
       whatsjet send --campaign TITLE --group GROUP --template NAME --language CODE [options]

Sends an approved template to every row of a CSV file. Every row is checked
first and the invalid ones are listed (row number, with the header as row 1;
column; what is wrong); they are not sent. The rest are sent at most --rate a
minute, with a progress bar, and each is written to a journal before its
request leaves and again with its outcome. Run the same command again with
the same journal and it sends only what is left: rows already sent are
skipped, and so are rows whose delivery is unknown (a crash or a timeout
while their request was out), which it lists for you to check.

  --csv FILE            the recipients, with a header row (UTF-8; quotes, commas
                        and newlines inside quotes, a BOM and CRLF are fine)
  --template NAME       the approved template's name
  --language CODE       the template's language, such as en or en_US
  --map FIELD=COLUMN    a body field from a column, such as field_1=first_name or
                        contact.first_name=first_name (repeatable); phone_number
                        comes from the column "phone_number" unless mapped
  --set FIELD=VALUE     a body field with the same value in every row, such as
                        header_image=https://example.com/a.jpg (repeatable)
  --dry-run             check every row and say what would be sent; send nothing
  --journal FILE        the journal (default: the CSV's path + ".journal")
  --rate N              requests a minute, at most (default 60, the server's limit)
  --concurrency N       requests in flight at once (default 4)

  --campaign TITLE      instead of --csv: schedule a campaign, which the server
                        sends from its own queue (for tens of thousands); --set
                        gives its template fields
  --group GROUP         a group title to send to, or all_contacts (repeatable)
  --timezone ZONE       the IANA time zone of --schedule-at (default: this computer's)
  --schedule-at TIME    when to start, YYYY-MM-DDTHH:MM (default: now)

Exit status: 0 when every row was sent, 1 when a row is invalid, failed, not
sent or of unknown delivery, 2 for a mistake in the command.`;

function positiveInteger(flag, text, fallback) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a whole number of at least 1, not ${text}`);
  return value;
}

function required(values, names) {
  const missing = names.filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new UsageError(`send needs ${missing.map((name) => `--${name}`).join(", ")}`);
}

async function scheduleCampaign(whatsjet, values, out) {
  required(values, ["template", "language", "group"]);
  if (values.csv !== undefined) throw new UsageError("--campaign sends to groups: it takes --group, not --csv");
  const request = {
    ...Object.fromEntries(pairs("--set", values.set)),
    title: values.campaign,
    template_name: values.template,
    template_language: values.language,
    contact_group: values.group,
    timezone: values.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  if (values["schedule-at"] !== undefined) request.schedule_at = values["schedule-at"];
  if (values["dry-run"]) {
    const result = whatsjet.validate("scheduleCampaign", request);
    for (const issue of result.issues ?? []) out.write(`${issue.path || "-"}: ${issue.message}\n`);
    out.write(result.ok ? "dry run: the campaign is valid; nothing was scheduled\n" : "dry run: nothing was scheduled\n");
    return result.ok ? 0 : 1;
  }
  const reply = await connect(whatsjet, values).scheduleCampaign(request);
  out.write(`campaign scheduled: ${reply.data.campaignUid}\n`);
  return 0;
}

/** Stops starting rows on the first Ctrl-C; a second one ends the process at once. */
function stopOnInterrupt(controller, err) {
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    err.write("\nstopping: no new rows; waiting for the requests in flight (Ctrl-C again to quit now)\n");
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

export async function send(whatsjet, values, { out = process.stdout, err = process.stderr } = {}) {
  if (values.campaign !== undefined) return scheduleCampaign(whatsjet, values, out);
  required(values, ["csv", "template", "language"]);
  const rate = positiveInteger("--rate", values.rate, 60);
  const concurrency = positiveInteger("--concurrency", values.concurrency, 4);
  const rows = recipients(whatsjet, readCsv(values.csv), {
    template: values.template,
    language: values.language,
    map: pairs("--map", values.map),
    set: pairs("--set", values.set),
    defaultCountryCode: values["default-country-code"],
  });

  const invalid = rows.filter((row) => row.issues.length > 0);
  if (invalid.length > 0) {
    out.write(`${invalid.length} invalid ${invalid.length === 1 ? "row" : "rows"}, not sent:\n`);
    for (const line of invalidReport(invalid)) out.write(`  ${line}\n`);
  }

  const journalPath = values.journal ?? `${values.csv}.journal`;
  const before = readJournal(journalPath);
  const pending = [];
  const sentBefore = [];
  const unknown = [];
  for (const row of rows) {
    const entry = before.get(row.row);
    if (entry !== undefined && row.phone !== null && entry.phone !== row.phone) {
      throw new UsageError(
        `${journalPath} has row ${row.row} as ${entry.phone}, the CSV as ${row.phone}: this journal is of another list`,
      );
    }
    if (row.issues.length > 0) continue;
    if (entry?.state === "sent") sentBefore.push(row);
    else if (entry?.state === "unknown") unknown.push(row);
    else pending.push(row);
  }
  if (unknown.length > 0) {
    out.write(`${unknown.length} ${unknown.length === 1 ? "row" : "rows"} of unknown delivery, not sent again (check them, then remove their lines from ${journalPath} to send them):\n`);
    for (const row of unknown) out.write(`  row ${row.row} ${row.phone}: ${before.get(row.row).entry.state} at ${before.get(row.row).entry.at}\n`);
  }
  out.write(
    `${rows.length} rows: ${invalid.length} invalid, ${sentBefore.length} sent before, ${unknown.length} unknown, ${pending.length} to send\n`,
  );
  if (values["dry-run"]) {
    out.write("dry run: nothing was sent\n");
    return invalid.length + unknown.length > 0 ? 1 : 0;
  }

  const client = connect(whatsjet, values, process.env, err);
  const journal = new Journal(journalPath);
  const controller = new AbortController();
  const release = stopOnInterrupt(controller, err);
  const progress = new Progress(pending.length, err);
  const outcomes = new Map();
  try {
    await sendPaced(pending, {
      ratePerMinute: rate,
      concurrency,
      signal: controller.signal,
      send: (row) => client.sendTemplateMessage(row.payload),
      onStart: (row) => journal.started(row),
      onOutcome: (row, outcome) => {
        if (outcome.status === "sent") journal.sent(row, outcome.reply);
        else journal.failed(row, outcome.error);
        outcomes.set(row.row, outcome);
        progress.row(outcome.status === "failed");
      },
    });
  } finally {
    progress.end();
    release();
    journal.close();
  }

  let sent = 0;
  const failed = [];
  for (const row of pending) {
    const outcome = outcomes.get(row.row);
    if (outcome?.status === "sent") sent += 1;
    else if (outcome !== undefined) failed.push([row, outcome.error]);
  }
  const unknownNow = failed.filter(([, error]) => error.deliveryUnknown !== false);
  const notSent = pending.length - outcomes.size;
  for (const [row, error] of failed) {
    const unknownText = error.deliveryUnknown !== false ? " (delivery unknown: check before sending again)" : "";
    out.write(`  row ${row.row} ${row.phone}: ${error.code ?? "error"}: ${error.message}${unknownText}\n`);
  }
  out.write(
    `sent ${sent}, failed ${failed.length - unknownNow.length}, unknown ${unknownNow.length + unknown.length}, not sent ${notSent}, invalid ${invalid.length}, sent before ${sentBefore.length}; journal ${journalPath}\n`,
  );
  if (controller.signal.aborted) return 130;
  return failed.length + notSent + invalid.length + unknown.length > 0 ? 1 : 0;
}
