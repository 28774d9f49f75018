export { validate, validateField, normalizePhoneNumber, isWhatsJetError } from "../browser/index.js";
export type * from "../browser/index.js";
