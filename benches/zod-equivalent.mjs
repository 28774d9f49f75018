// The same rules as whatsjet's `validate()` (src/validate/), written the way
// an application would write them with zod 4 and libphonenumber-js, so that
// the benchmark compares like with like:
//
// - every issue is collected (zod's default), unknown keys are refused
//   (`z.strictObject`; the template kind uses `catchall` plus a key check,
//   because its `field_N` / `header_field_N` / `button_N` keys are dynamic);
// - `null` (and `undefined`) means "absent", as in whatsjet, where the payload
//   goes through `JSON.stringify` and null values are skipped: a preprocess
//   drops them before the object schema sees them;
// - values are normalised exactly as whatsjet sends them (phone digits,
//   coordinates with a decimal point, numbers as strings, groups joined), so
//   the benchmark can also compare the outputs, not only ok / not ok;
// - lengths count characters (code points) like whatsjet, not UTF-16 units.
//
// Warnings (legal but suspicious input: HTML-like text, plain http URLs, an
// update that clears groups) have no zod counterpart and are not produced;
// whatsjet computes them on every call, so this side does a little less work.
//
// The phone rule: the same clean-up (spaces, dashes, dots, parentheses,
// slashes, invisible marks, a bracketed "(0)", a leading + or 00, a national
// leading 0 → defaultCountryCode or an error), the same 9–15 digits rule,
// then libphonenumber-js parses "+<digits>" and `isValid()` must hold: the
// country's lengths and national pattern, from the min metadata that
// whatsjet's table is compiled from. libphonenumber-js is imported from its
// `/min` entry, which is also what its default entry (`"libphonenumber-js"`)
// re-exports. The value sent is libphonenumber's E.164 digits (the cleaned
// digits less a national prefix written after the country code); WhatsApp's
// form of a Mexican mobile (521 and ten digits) is taken as written.

import { z } from "zod";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

// ---------------------------------------------------------------- helpers

// Rust's `char::is_whitespace` (Unicode White_Space), used by `str::trim`.
const WS = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const TRIM = new RegExp(`^[${WS}]+|[${WS}]+$`, "g");
const rtrim = (s) => s.replace(TRIM, "");
const INVISIBLE_CHAR = /^[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]$/;
const LEADING_INVISIBLE = /^[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]+/;

/** Characters (code points), as Rust's `chars().count()`. */
function charCount(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
// A string never has more code points than UTF-16 units: count only when needed.
const maxChars = (max) => (s) => s.length <= max || charCount(s) <= max;

/** A JSON number as whatsjet reads it (`serde_json::Number::to_string`). */
const numberText = (n) => String(n);

/** `{name}` contact placeholder that the server fills in. */
const PLACEHOLDER = /\{[^{}]+\}/;

// ---------------------------------------------------------------- phone numbers

const SEPARATORS = " \u00a0-.()/";

/**
 * whatsjet's phone rule with libphonenumber-js for the calling code.
 * Returns `{ ok: true, value }` or `{ ok: false, code, message }`.
 */
export function normalizePhone(input, defaultCountryCode) {
  const fail = (code, message) => ({ ok: false, code, message });
  const trimmed = rtrim(input);
  if (trimmed === "") return fail("required", "phone_number is required.");
  const international = trimmed.startsWith("+") || trimmed.startsWith("00");
  const cleaned = (international && trimmed.includes("(0)") ? trimmed.replace("(0)", "") : trimmed).replace(
    LEADING_INVISIBLE,
    "",
  );
  let digits = "";
  let plus = false;
  for (let i = 0; i < cleaned.length; i++) {
    const c = cleaned[i];
    if (c >= "0" && c <= "9") digits += c;
    else if (SEPARATORS.includes(c) || INVISIBLE_CHAR.test(c)) continue;
    else if (c === "+" && i === 0) plus = true;
    else if (c === "+") return fail("invalid_phone", "phone_number may have a + only at the start.");
    else return fail("invalid_phone", `phone_number contains "${c}".`);
  }
  if (digits === "") return fail("invalid_phone", "phone_number has no digits.");
  const rest = plus ? digits : digits.startsWith("00") ? digits.slice(2) : digits;
  let number;
  if (rest.startsWith("0")) {
    if (plus || digits.startsWith("00")) {
      return fail("invalid_phone", "phone_number has a 0 after the international prefix.");
    }
    if (!defaultCountryCode) return fail("invalid_phone", "phone_number starts with 0, a national prefix.");
    number = defaultCountryCode + rest.slice(1);
  } else {
    number = rest;
  }
  if (number.length < 9 || number.length > 15) {
    return fail("invalid_phone", `phone_number has ${number.length} digits; a number has 9 to 15.`);
  }
  const parsed = parsePhoneNumberFromString(`+${number}`);
  if (!parsed || !number.startsWith(parsed.countryCallingCode)) {
    return fail("invalid_phone", "phone_number does not start with a country calling code.");
  }
  // whatsjet checks the number against its country as isValid() does with
  // the min metadata, and takes WhatsApp's form of a Mexican mobile too.
  if (/^521\d{10}$/.test(number)) return { ok: true, value: number };
  if (!parsed.isValid()) return fail("invalid_phone", "phone_number is not a number of its country.");
  // A national prefix after the country code is dropped, as in E.164.
  return { ok: true, value: parsed.number.slice(1) };
}

// ---------------------------------------------------------------- URLs

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const URL_REFUSED = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u0000-\u001f\u007f-\u009f\\]/;
const HTTP_PREFIX = /^https?:\/\//i;

/**
 * What `z.url()` leaves to the application: no whitespace, control
 * characters or backslashes anywhere (the URL parser silently drops or
 * rewrites them), and a host of letters, digits, `-`, `.`, `_` (or
 * non-ASCII letters), an optional numeric port, or a bracketed IPv6 address.
 */
function strictHttpUrl(s) {
  if (!HTTP_PREFIX.test(s) || URL_REFUSED.test(s)) return false;
  const rest = s.slice(s[4] === ":" ? 7 : 8);
  const authority = rest.split(/[/?#]/, 1)[0];
  const at = authority.lastIndexOf("@");
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return false;
    const addr = hostPort.slice(1, close);
    const after = hostPort.slice(close + 1);
    return /^[0-9A-Fa-f:.]+$/.test(addr) && (after === "" || /^:[0-9]*$/.test(after));
  }
  let host = hostPort;
  const colon = hostPort.lastIndexOf(":");
  if (colon >= 0) {
    const port = hostPort.slice(colon + 1);
    if (!/^[0-9]+$/.test(port)) return false;
    host = hostPort.slice(0, colon);
  }
  if (host === "" || host.startsWith(".") || host.includes("..")) return false;
  for (const c of host) {
    const ok = /^[A-Za-z0-9._-]$/.test(c) || (c > "\u007f" && !INVISIBLE_CHAR.test(c));
    if (!ok) return false;
  }
  return true;
}

// ---------------------------------------------------------------- field schemas

/** `null`/`undefined` values are absent: drop them before the object schema. */
function dropNulls(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out = {};
  for (const key in value) {
    const v = value[key];
    if (v !== null && v !== undefined) out[key] = v;
  }
  return out;
}

const nonBlank = (s) => rtrim(s) !== "";

function text(max, required) {
  let schema = z.string();
  if (required) schema = schema.refine(nonBlank, { message: "must not be empty" });
  return schema.refine(maxChars(max), { message: `must be at most ${max} characters` });
}

/** A string, or a finite number written as whatsjet reads it. */
const scalar = () => z.union([z.string(), z.number().transform(numberText)]);

const phoneNumberId = scalar().refine((s) => /^[0-9]{1,32}$/.test(s), {
  message: "must be the digits of a WhatsApp phone number id",
});

const url = z
  .string()
  .refine(nonBlank, { message: "must not be empty" })
  .refine(maxChars(2048), { message: "must be at most 2048 characters" })
  .url({ protocol: /^https?$/ })
  .refine(strictHttpUrl, { message: "must be an absolute http(s) URL" });

const email = z
  .string()
  .refine(maxChars(255), { message: "must be at most 255 characters" })
  .email();

const languageCode = z.string().max(35, {}).regex(/^[A-Za-z0-9_-]+$/);

const countryName = z
  .string()
  .refine(maxChars(150), { message: "must be at most 150 characters" })
  .refine((s) => !/[0-9]/.test(s) && nonBlank(s), { message: "must be a country name such as India" });

const groups = z
  .union([z.string(), z.array(z.string().refine((s) => !s.includes(","), { message: "contains a comma" }))])
  .transform((value, ctx) => {
    const titles = (typeof value === "string" ? value.split(",") : value).map(rtrim).filter((t) => t !== "");
    if (titles.some((t) => !maxChars(255)(t))) {
      ctx.addIssue({ code: "too_big", maximum: 255, origin: "string", message: "a group title is too long" });
      return z.NEVER;
    }
    return titles.join(",");
  });

const customFields = z
  .record(
    z.string().refine(nonBlank, { message: "has an empty field name" }),
    z.union([z.string(), z.number().transform(numberText)]).nullable(),
  )
  .transform((fields) => {
    const out = {};
    for (const key in fields) if (fields[key] !== null) out[key] = fields[key];
    return out;
  });

function phone(defaultCountryCode) {
  return z.string().transform((s, ctx) => {
    const r = normalizePhone(s, defaultCountryCode);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message, params: { code: r.code } });
    return z.NEVER;
  });
}

/** Template text parameter: field_N, header_field_N, button_N. */
const templateText = (max) =>
  scalar()
    .refine(nonBlank, { message: "must not be empty" })
    .refine(maxChars(max), { message: `must be at most ${max} characters` })
    .refine((s) => !/[\n\t\r]/.test(s), { message: "must not contain a newline or a tab" })
    .refine((s) => !s.includes("     "), { message: "must not contain more than 4 spaces in a row" });

/** "22" → "22.0"; exact digit comparison against ±limit, as whatsjet does. */
const coordinate = (limit) =>
  scalar().transform((s, ctx) => {
    if (PLACEHOLDER.test(s)) return s;
    const m = /^-?([0-9]+)(?:\.([0-9]+))?$/.exec(s);
    if (!m) {
      ctx.addIssue({ code: "custom", message: "must be a decimal number such as 22.22" });
      return z.NEVER;
    }
    const whole = m[1].replace(/^0+/, "");
    const frac = m[2] ?? "";
    const n = whole.length > 3 ? Infinity : Number(whole || "0");
    if (n > limit || (n === limit && /[1-9]/.test(frac))) {
      ctx.addIssue({ code: "too_big", maximum: limit, origin: "number", message: `must be between -${limit} and ${limit}` });
      return z.NEVER;
    }
    return m[2] === undefined ? `${s}.0` : s;
  });

const copyCode = scalar()
  .refine((s) => s !== "", { message: "must not be empty" })
  .refine((s) => PLACEHOLDER.test(s) || (maxChars(15)(s) && /^[A-Za-z0-9_-]+$/.test(s)), {
    message: "may contain only letters, digits, - and _, at most 15",
  });

// ---------------------------------------------------------------- request schemas

const TEMPLATE_KEY = /^(field_|header_field_|button_)(0|[1-9][0-9]{0,3})$/;

/** For a numbered template key, its prefix and number (`field_0` is not one). */
function templateNumbered(key) {
  const m = TEMPLATE_KEY.exec(key);
  if (!m) return null;
  const n = Number(m[2]);
  if (n === 0 && m[1] !== "button_") return null;
  return { prefix: m[1], n };
}

const LOCATION = ["location_latitude", "location_longitude", "location_name", "location_address"];
const HEADERS = ["header_image", "header_video", "header_document", "header_field_1", "location_latitude"];

/** Builds the five schemas for one set of options (`defaultCountryCode`). */
export function makeSchemas({ defaultCountryCode } = {}) {
  const phoneNumber = phone(defaultCountryCode);

  const contact = z.preprocess(
    dropNulls,
    z.strictObject({
      first_name: text(150, false).optional(),
      last_name: text(150, false).optional(),
      email: email.optional(),
      country: countryName.optional(),
      language_code: languageCode.optional(),
      groups: groups.optional(),
      custom_fields: customFields.optional(),
    }),
  );

  const sendMessage = z.preprocess(
    dropNulls,
    z.strictObject({
      from_phone_number_id: phoneNumberId.optional(),
      phone_number: phoneNumber,
      message_body: text(4096, true),
      contact: contact.optional(),
    }),
  );

  const sendMediaMessage = z.preprocess(
    dropNulls,
    z.strictObject({
      from_phone_number_id: phoneNumberId.optional(),
      phone_number: phoneNumber,
      media_type: z.enum(["image", "video", "audio", "document"]),
      media_url: url,
      caption: text(1024, false).optional(),
      file_name: text(255, true).optional(),
      contact: contact.optional(),
    }),
  );

  const templateFields = {
    from_phone_number_id: phoneNumberId.optional(),
    phone_number: phoneNumber,
    template_name: z
      .string()
      .min(1, {})
      .refine(maxChars(512), { message: "must be at most 512 characters" })
      .regex(/^[a-z0-9_]+$/),
    template_language: z
      .string()
      .min(1, {})
      .regex(/^[a-z]{2,3}(?:_[A-Z]{2})?$/),
    header_image: url.optional(),
    header_video: url.optional(),
    header_document: url.optional(),
    header_document_name: text(255, true).optional(),
    location_latitude: coordinate(90).optional(),
    location_longitude: coordinate(180).optional(),
    location_name: text(1024, true).optional(),
    location_address: text(1024, true).optional(),
    copy_code: copyCode.optional(),
    contact: contact.optional(),
  };
  const sendTemplateMessage = z.preprocess(
    dropNulls,
    z
      .object(templateFields)
      // Every other key is checked as a template text parameter (≤1024);
      // the refinement below refuses the keys that are not numbered
      // parameters and applies header_field_N's 60-character limit.
      .catchall(templateText(1024))
      .superRefine(
        (body, ctx) => {
          if (typeof body !== "object" || body === null || Array.isArray(body)) return;
          const numbers = [];
          for (const key in body) {
            if (key in templateFields) continue;
            const numbered = templateNumbered(key);
            if (!numbered) {
              ctx.addIssue({ code: "unrecognized_keys", keys: [key], path: [key], message: `${key} is not a field` });
            } else if (numbered.prefix === "header_field_") {
              const v = body[key];
              if (typeof v === "string" && !maxChars(60)(v)) {
                ctx.addIssue({ code: "too_big", maximum: 60, origin: "string", path: [key], message: "too long" });
              }
            } else if (numbered.prefix === "field_") {
              numbers.push(numbered.n);
            }
          }
          // Cross-field rules, on the keys as given (an invalid value has
          // its own issue and is not also reported missing).
          if (numbers.length > 0) {
            const max = Math.max(...numbers);
            const seen = new Set(numbers);
            for (let n = 1; n < max; n++) {
              if (!seen.has(n)) {
                ctx.addIssue({ code: "custom", path: [`field_${n}`], message: `field_${n} is required because field_${max} is given` });
              }
            }
          }
          if ("header_document" in body && !("header_document_name" in body)) {
            ctx.addIssue({ code: "custom", path: ["header_document_name"], message: "required with header_document" });
          }
          if (LOCATION.some((k) => k in body)) {
            for (const k of LOCATION) {
              if (!(k in body)) ctx.addIssue({ code: "custom", path: [k], message: "a location header needs all four location fields" });
            }
          }
          const headers = HEADERS.filter((k) => k in body);
          for (const other of headers.slice(1)) {
            ctx.addIssue({ code: "custom", path: [other], message: `cannot be given with ${headers[0]}` });
          }
        },
        // Run even when a field already failed: all issues are collected.
        { when: () => true },
      ),
  );

  const createContact = z.preprocess(
    dropNulls,
    z.strictObject({
      phone_number: phoneNumber,
      first_name: text(150, false).optional(),
      last_name: text(150, false).optional(),
      email: email.optional(),
      country: countryName.optional(),
      language_code: languageCode.optional(),
      groups: groups.optional(),
      custom_fields: customFields.optional(),
    }),
  );

  // On update, "" clears a value, so it is accepted where create refuses it.
  // "At least one field" is about the keys given (unknown ones included, as
  // in whatsjet), which the object schema's output no longer has: checked
  // in the preprocess step.
  const updateContact = z.preprocess(
    (value, ctx) => {
      const given = dropNulls(value);
      if (typeof given === "object" && given !== null && !Array.isArray(given) && Object.keys(given).length === 0) {
        ctx.addIssue({ code: "custom", message: "An update needs at least one field to change.", input: value });
      }
      return given;
    },
    z.strictObject({
        first_name: text(150, false).optional(),
        last_name: text(150, false).optional(),
        email: z.union([z.literal(""), email]).optional(),
        country: z
          .string()
          .refine(maxChars(150), { message: "must be at most 150 characters" })
          .optional(),
        language_code: z.union([z.literal(""), languageCode]).optional(),
        whatsapp_opt_out: z.boolean().optional(),
        enable_ai_bot: z.boolean().optional(),
        groups: groups.optional(),
        custom_fields: customFields.optional(),
      }),
  );

  return { sendMessage, sendMediaMessage, sendTemplateMessage, createContact, updateContact };
}

const defaultSchemas = makeSchemas();

/**
 * The zod counterpart of whatsjet's `validate(kind, payload)`:
 * `{ ok: true, value }` or `{ ok: false, issues }` (zod's issues).
 */
export function validateZod(kind, payload, schemas = defaultSchemas) {
  const schema = schemas[kind];
  if (!schema) throw new Error(`unknown kind ${kind}`);
  const r = schema.safeParse(payload);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues };
}

/**
 * What a form runs on each keystroke with libphonenumber-js: the same
 * clean-up, then `parsePhoneNumberFromString(…)?.isValid()`. `parse` is
 * `parsePhoneNumberFromString` of the entry to test (`/min` only checks
 * lengths in `isValid()`, `/max` checks the national number patterns too).
 */
export function phoneKeystroke(input, parse = parsePhoneNumberFromString) {
  const r = normalizePhone(input);
  if (!r.ok) return false;
  return parse(`+${r.value}`)?.isValid() === true;
}
