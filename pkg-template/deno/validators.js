// `whatsjet/validators` in Deno: the validators-only build, its module
// imported as a module source (see index.js).
import * as api from "../validators/whatsjet.js";
import source module from "../validators/whatsjet_bg.wasm";

api.initSync({ module });

export const { validate, validateField, normalizePhoneNumber, isWhatsJetError, schemas, createSchemas } = api;
