export { validate, validateField, normalizePhoneNumber, isWhatsJetError } from "../node/whatsjet.js";
export type * from "../node/whatsjet.js";
