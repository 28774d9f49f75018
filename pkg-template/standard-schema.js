// `createSchemas` and `schemas`: one Standard Schema v1 object per request
// kind (https://standardschema.dev), so form libraries take `validate` as
// they take zod. scripts/assemble-package.mjs appends this text to each
// build's glue, where `validate` is in scope, with `KINDS` the generated
// `RequestKind` list, then exports both names (CommonJS or ESM).
// `validate` is a closure, not a method: form libraries call it unbound.
// A dotted path as keys. Custom field names are the caller's own and may
// hold a "." themselves: what follows `custom_fields.` is one key.
function keys(path) {
  const custom = /^((?:contact\.)?custom_fields)\.(.+)$/.exec(path);
  return custom ? [...custom[1].split("."), custom[2]] : path.split(".");
}

function createSchemas(options) {
  const schemas = {};
  for (const kind of KINDS) {
    const validateKind = (value) => {
      const result = validate(kind, value, options);
      if (result.ok) return { value: result.value };
      // "contact.email" → ["contact", "email"]; "" (the whole payload) has no
      // path. The issue's code comes along, for forms that branch on it.
      return {
        issues: result.issues.map(({ path, code, message }) => (path ? { message, path: keys(path), code } : { message, code })),
      };
    };
    schemas[kind] = { "~standard": { version: 1, vendor: "whatsjet", validate: validateKind } };
  }
  return schemas;
}
