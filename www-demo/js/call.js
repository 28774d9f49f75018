// One call of the client: a WhatsJetClient made from the connection settings
// for this call only and freed after it, its outcome as plain data.

import { WhatsJetClient } from "/pkg/web/whatsjet.js";
import { clientOptions } from "./connection.js";

/** The fields of a WhatsJetError the page shows; anything else as `unexpected`. */
function plainError(err) {
  if (err && typeof err === "object" && err.name === "WhatsJetError") {
    const { code, retryable, status, serverMessage, issues, whatsappCode, retryAfterMs, attempts, deliveryUnknown } = err;
    return {
      code,
      message: err.message,
      retryable,
      status,
      serverMessage,
      issues,
      whatsappCode,
      retryAfterMs,
      attempts,
      deliveryUnknown,
    };
  }
  return { code: "unexpected", message: String(err?.message ?? err), retryable: false };
}

/** `{ reply }` or `{ error }` of `run(client)`. */
export async function withClient(run) {
  let client;
  try {
    client = new WhatsJetClient(clientOptions());
  } catch (err) {
    return { error: plainError(err) };
  }
  try {
    return { reply: await run(client) };
  } catch (err) {
    return { error: plainError(err) };
  } finally {
    client.free();
  }
}
