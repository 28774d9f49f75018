export { validate, validateField, normalizePhoneNumber, isWhatsJetError, schemas, createSchemas } from "../browser/index.js";
export type * from "../browser/index.js";
