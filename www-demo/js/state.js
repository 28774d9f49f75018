// The page's one mutable state, shared by the modules. The token lives only
// here (as typed) and in the client made for each send; nothing is stored.

export const state = {
  ready: false,
  info: null,
  /** The connection as typed. */
  conn: { baseUrl: "", vendorUid: "", token: "", fromPhoneNumberId: "", defaultCountryCode: "" },
  /** What is wrong with the connection: `{ fields: Map(name → messages), general: [messages] }`, or null. */
  connError: null,
  /** Options for `validate`/`validateField`: only the valid ones. */
  validateOptions: {},
  active: "sendMessage",
  models: {},
  history: [],
  curl: "",
  rowSeq: 0,
};
