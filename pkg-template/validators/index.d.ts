export { validate, validateField, normalizePhoneNumber, isWhatsJetError, parseWebhook, webhookSecretMatches } from "../browser/index.js";
export type * from "../browser/index.js";
