export { validate, validateField, normalizePhoneNumber } from "../node/whatsjet.js";
export type * from "../node/whatsjet.js";
