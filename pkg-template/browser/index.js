// Browsers, workers and bundlers: load the module once, then export the API.
// The exports are local bindings, not `export *`, so that a bundler cannot
// skip this module (and the init) when it follows re-exports.
// `whatsjet/web` exports the same API with an explicit `init()` instead.
import init, * as api from "../web/whatsjet.js";

await init({ module_or_path: new URL("../web/whatsjet_bg.wasm", import.meta.url) });

export const { WhatsJetClient, validate, validateField, normalizePhoneNumber, isWhatsJetError, parseWebhook, webhookSecretMatches, schemas, createSchemas } = api;
