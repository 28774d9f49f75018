// Deno (the `deno` condition): the module is imported as a module source,
// so no read permission is needed, unlike the Node build, which reads its
// `.wasm` file.
import * as api from "../web/whatsjet.js";
import source module from "../web/whatsjet_bg.wasm";

api.initSync({ module });

export const { WhatsJetClient, validate, validateField, normalizePhoneNumber, isWhatsJetError, parseWebhook, webhookSecretMatches, schemas, createSchemas } = api;
