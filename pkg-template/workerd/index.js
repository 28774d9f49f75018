// Cloudflare Workers (the `workerd` condition, which wrangler and esbuild's
// `--conditions=workerd` select): workerd compiles no Wasm from bytes and has
// no `import.meta.url`, so the module is imported as a module, as Workers
// require, and instantiated before anything is exported.
import * as api from "../web/whatsjet.js";
import module from "../web/whatsjet_bg.wasm";

api.initSync({ module });

export const { WhatsJetClient, validate, validateField, normalizePhoneNumber, isWhatsJetError, parseWebhook, webhookSecretMatches, schemas, createSchemas } = api;
