// The same checks in a Cloudflare Worker: answered to any request.
import * as whatsjet from "whatsjet";
import * as validators from "whatsjet/validators";
import { runChecks } from "./checks.js";
import config from "./config.js";

export default {
  async fetch() {
    return Response.json(await runChecks(whatsjet, validators, config));
  },
};
