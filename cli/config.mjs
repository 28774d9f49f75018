// The client of a command: base URL, vendor uid and token from the flags or
// the environment. The token is best kept in WHATSJET_TOKEN: a flag's value
// stays in the shell's history and in `ps` for anyone on the machine.

export const CONNECTION_OPTIONS = {
  "base-url": { type: "string" },
  "vendor-uid": { type: "string" },
  token: { type: "string" },
  "default-country-code": { type: "string" },
};

export const CONNECTION_HELP = `Connection (a flag wins over its environment variable):
  --base-url URL              the API base, such as https://example.com/api   (WHATSJET_BASE_URL)
  --vendor-uid UID            the vendor's uid                                 (WHATSJET_VENDOR_UID)
  --token TOKEN               the API token; prefer the variable: a flag's value
                              stays in your shell history                      (WHATSJET_TOKEN)
  --default-country-code CC   replaces a national leading 0 of phone numbers, such as 91`;

/** A usage or configuration mistake: the command prints it and exits with 2. */
export class UsageError extends Error {}

/** A WhatsJetClient from the flags and the environment; warns on stderr about a token flag. */
export function connect(whatsjet, values, env = process.env, stderr = process.stderr) {
  if (values.token !== undefined) {
    stderr.write("warning: --token leaves the token in your shell history; set WHATSJET_TOKEN instead\n");
  }
  const settings = {
    baseUrl: values["base-url"] ?? env.WHATSJET_BASE_URL,
    vendorUid: values["vendor-uid"] ?? env.WHATSJET_VENDOR_UID,
    token: values.token ?? env.WHATSJET_TOKEN,
  };
  const missing = [
    ["baseUrl", "--base-url or WHATSJET_BASE_URL"],
    ["vendorUid", "--vendor-uid or WHATSJET_VENDOR_UID"],
    ["token", "WHATSJET_TOKEN (or --token)"],
  ].filter(([key]) => !settings[key]);
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.map(([, where]) => where).join(", ")}`);
  }
  const countryCode = values["default-country-code"];
  return new whatsjet.WhatsJetClient(countryCode === undefined ? settings : { ...settings, defaultCountryCode: countryCode });
}
