export { validate, validateField, normalizePhoneNumber, isWhatsJetError, parseWebhook, webhookSecretMatches, schemas, createSchemas } from "../browser/index.js";
export type * from "../browser/index.js";
