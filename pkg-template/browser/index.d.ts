export * from "../node/whatsjet.js";
