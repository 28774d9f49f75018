#!/usr/bin/env node
// The `whatsjet` command of the npm package: bulk template sends from a CSV,
// message status and the contact list, for people with a spreadsheet rather
// than a program. Bundled by cli/build.mjs into pkg/bin/whatsjet.mjs, from
// where ../node/whatsjet.js is the package's own Node build.

import { createRequire } from "node:module";
import { parseArgs } from "node:util";

import { CONNECTION_HELP, CONNECTION_OPTIONS, UsageError } from "./config.mjs";
import { CONTACTS_HELP, CONTACTS_OPTIONS, STATUS_HELP, contacts, status } from "./reads.mjs";
import { SEND_HELP, SEND_OPTIONS, send } from "./send.mjs";

const HELP = `Usage: whatsjet COMMAND [options]

Commands:
  send        send a template to every row of a CSV file, resumably, or
              schedule a campaign (whatsjet send --help)
  status      where a sent message is (whatsjet status --help)
  contacts    every contact, as CSV or JSON (whatsjet contacts --help)

${CONNECTION_HELP}

  -h, --help                  this help, or a command's with the command`;

const COMMANDS = {
  send: { options: SEND_OPTIONS, help: SEND_HELP, run: (whatsjet, values) => send(whatsjet, values) },
  status: { options: {}, help: STATUS_HELP, run: (whatsjet, values, positionals) => status(whatsjet, values, positionals) },
  contacts: { options: CONTACTS_OPTIONS, help: CONTACTS_HELP, run: (whatsjet, values) => contacts(whatsjet, values) },
};

async function main(argv) {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) throw new UsageError(`unknown command ${name}; the commands are send, status and contacts`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...CONNECTION_OPTIONS, ...command.options, help: { type: "boolean", short: "h" } },
    allowPositionals: name === "status",
  });
  if (values.help) {
    process.stdout.write(`${command.help}\n\n${CONNECTION_HELP}\n`);
    return 0;
  }
  // Loaded only now, so that --help and usage mistakes answer at once.
  const whatsjet = createRequire(import.meta.url)("../node/whatsjet.js");
  return command.run(whatsjet, values, positionals);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error?.code?.startsWith?.("ERR_PARSE_ARGS")) {
    process.stderr.write(`whatsjet: ${error.message}\n(whatsjet --help lists the commands and flags)\n`);
    process.exitCode = 2;
  } else if (error?.name === "WhatsJetError") {
    process.stderr.write(`whatsjet: ${error.code}: ${error.message}\n`);
    for (const issue of error.issues ?? []) process.stderr.write(`  ${issue.path || "-"}: ${issue.message}\n`);
    process.exitCode = error.code === "config" ? 2 : 1;
  } else {
    throw error;
  }
}
