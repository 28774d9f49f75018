// The checks every runtime runs against the installed package, with no API
// of any one runtime: the runner compares each answer to its expected value.
export async function runChecks(whatsjet, validators, { baseUrl, vendorUid, token }) {
  const { WhatsJetClient, validate, normalizePhoneNumber } = whatsjet;
  const checks = {
    import: () => `${typeof WhatsJetClient} ${typeof validate}`,
    normalise: () => normalizePhoneNumber("+91 98765-43210"),
    validate: () =>
      validate("sendMediaMessage", { phone_number: "12345", media_type: "gif" })
        .issues.map((i) => `${i.path}:${i.code}`)
        .join(" "),
    validators: () =>
      validators
        .validateField("sendMessage", "phone_number", "12345")
        .map((i) => i.code)
        .join(" "),
    send: async () => {
      const client = new WhatsJetClient({ baseUrl, vendorUid, token });
      const reply = await client.sendMessage({ phone_number: "+91 98765-43210", message_body: "Hi" });
      return `${reply.result} ${reply.data.phone_number}`;
    },
    unauthorized: async () => {
      const client = new WhatsJetClient({ baseUrl, vendorUid, token: "not-the-token" });
      return await failure(client.sendMessage({ phone_number: "919876543210", message_body: "Hi" }));
    },
    abort: async () => {
      const client = new WhatsJetClient({ baseUrl, vendorUid, token });
      const controller = new AbortController();
      const call = client.sendMessage({ phone_number: "919876543210", message_body: "Hi" }, { signal: controller.signal });
      controller.abort();
      return await failure(call);
    },
  };
  const results = {};
  for (const [name, check] of Object.entries(checks)) {
    try {
      results[name] = await check();
    } catch (error) {
      results[name] = `threw ${error?.code ?? ""} ${error?.message ?? error}`;
    }
  }
  return results;
}

async function failure(call) {
  try {
    await call;
    return "resolved";
  } catch (error) {
    return `${error.name} ${error.code} ${error.status ?? "-"}`;
  }
}
