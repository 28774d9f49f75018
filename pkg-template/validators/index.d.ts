export { validate, validateField, normalizePhoneNumber, isWhatsJetError, parseWebhook, webhookSecretMatches } from "../node/whatsjet.js";
export type * from "../node/whatsjet.js";
