// The app of the Node, Bun, Deno and bundler checks: prints the results and
// leaves them on globalThis for the browser runner.
import * as whatsjet from "whatsjet";
import * as validators from "whatsjet/validators";
import { runChecks } from "./checks.js";
import config from "./config.js";

const results = await runChecks(whatsjet, validators, config);
globalThis.whatsjetResults = results;
console.log(JSON.stringify(results));
