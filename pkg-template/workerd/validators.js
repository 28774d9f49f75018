// `whatsjet/validators` in Cloudflare Workers: the validators-only build,
// its module imported as a module (see index.js).
import * as api from "../validators/whatsjet.js";
import module from "../validators/whatsjet_bg.wasm";

api.initSync({ module });

export const { validate, validateField, normalizePhoneNumber, isWhatsJetError, schemas, createSchemas } = api;
