// `whatsjet/validators` in browsers, workers and bundlers: validate,
// validateField, normalizePhoneNumber, isWhatsJetError and the Standard
// Schemas without WhatsJetClient and the webhook readers, from a module built
// without them (about two thirds the size of the full one), for pages that
// only check forms. Loads the module once, then exports.
import init, * as api from "./whatsjet.js";

await init({ module_or_path: new URL("./whatsjet_bg.wasm", import.meta.url) });

export const { validate, validateField, normalizePhoneNumber, isWhatsJetError, schemas, createSchemas } = api;
