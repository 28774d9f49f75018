// A fixed, seeded set of request payloads for the validation benchmark: all
// five kinds, valid ones and ones with one to three mistakes, and phone
// numbers as people type them in India, the US, the UK, Brazil, Mexico,
// Germany, the UAE and Nigeria (spaces, dashes, dots, parentheses, +, 00,
// a national leading 0, a bracketed (0)). Same seed, same payloads.

export const SEED = 0x5eed2024;

/** mulberry32: small, fast, good enough to pick test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Phone numbers as typed, by country. Some are wrong on purpose (a national 0 without defaultCountryCode, a US number without its 1). */
export const PHONES = {
  India: [
    "+91 98765 43210",
    "+91 98765-43210",
    "919876543210",
    "0091 98765 43210",
    "098765 43210",
    "+91.98765.43210",
    "91-9876-543-210",
    "(+91) 98765 43210",
  ],
  US: ["+1 (415) 555-2671", "1-415-555-2671", "+1 415.555.2671", "001 415 555 2671", "(415) 555-2671", "1 212 555 0143"],
  UK: ["+44 20 7946 0958", "+44 (0)20 7946 0958", "020 7946 0958", "0044 7911 123456", "447911123456", "+44 7911-123-456"],
  Brazil: ["+55 11 91234-5678", "+55 (11) 91234-5678", "5511912345678", "011 91234-5678", "+55 11 1234-5678", "0055 21 98765 4321"],
  Mexico: ["+52 1 55 1234 5678", "+52 55 1234 5678", "52-55-1234-5678", "044 55 1234 5678", "+52 (55) 1234-5678", "0052 1 33 1234 5678"],
  Germany: ["+49 30 901820", "+49 (0)30 901820", "0049 30 901820", "030 901820", "+49 151 23456789", "+49 30/901820"],
  UAE: ["+971 50 123 4567", "00971501234567", "050 123 4567", "971-50-123-4567", "+971 (0)50 123 4567", "+971 4 123 4567"],
  Nigeria: ["+234 803 123 4567", "2348031234567", "0803 123 4567", "+234 (0)803 123 4567", "00234 803 123 4567", "+234 1 234 5678"],
};

/** Never valid: too short, too long, letters, unassigned codes, a misplaced +. */
export const BAD_PHONES = [
  "12345",
  "+91 98765",
  "abc",
  "91 98765 4321O",
  "999876543210",
  "280123456789",
  "+0919876543210",
  "9198765432101234",
  "",
  "   ",
  "+91 98765 43210 ext. 12",
  "91+9876543210",
];

/** Every phone string of the set, for the per-keystroke benchmark. */
export const ALL_PHONES = [...Object.values(PHONES).flat(), ...BAD_PHONES, "\u202a+91 98765 43210\u202c"];

const FIRST = ["Johan", "Ada", "Priya", "João", "María", "Emeka", "Fatima", "Jürgen", "Chloé", "Li"];
const LAST = ["Doe", "Lovelace", "Sharma", "Silva", "García", "Okafor", "Al Mansouri", "Müller", "Smith", "王"];
const COUNTRY_NAMES = ["India", "United States", "United Kingdom", "Brazil", "Mexico", "Germany", "United Arab Emirates", "Nigeria"];
const COUNTRY_ANY = [...COUNTRY_NAMES, "IN", "US", "91", "44", "br"];
const EMAILS = ["johan@example.com", "a.b+tag@mail.example.co.in", "o'neil@x.io", "x_y-z@a-b.org", "priya.sharma@example.in"];
const BAD_EMAILS = ["johan@example", "a..b@x.com", ".a@x.com", "a@x.c", "johndoe", "a b@x.com"];
const LANGS = ["en", "pt", "es", "de", "ar", "hi", "en-GB", "pt_BR"];
const BODIES = [
  "Your order has shipped.",
  "Hello {first_name}, your appointment is tomorrow at 10:00.",
  "Olá! 🎉 Pedido confirmado ✅",
  "I <3 you",
  "Line one\nLine two\n\nThanks,\nThe team",
  "Reminder: invoice #1024 is due on 2024-12-10. Reply STOP to opt out.",
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(14),
];
const MEDIA = {
  image: ["https://images.example.com/photos/276267/photo-276267.jpeg?auto=compress&w=1260", "https://cdn.example.org/a.png"],
  video: ["https://cdn.example.org/v/clip.mp4", "http://commondatastorage.example.com/gtv/ForBiggerEscapes.mp4"],
  audio: ["https://cdn.example.org/a/voice.ogg", "https://127.0.0.1:8443/audio.mp3"],
  document: ["https://example.com/invoice-1024.pdf", "https://files.example.com/report%202024.xlsx"],
};
const BAD_URLS = ["ftp://x.com/a.png", "example.com/a.jpg", "https://exa mple.com/a.png", "javascript:alert(1)", "https://x.com:/a", "https://", "/relative.png", "https://a..b/c.pdf"];

/** The sandbox's templates with a valid set of parameters each. */
const TEMPLATES = [
  () => ({ template_name: "hello_world", template_language: "en" }),
  (r) => ({ template_name: "order_update", template_language: pick(r, ["en_US", "pt_BR"]), field_1: "{first_name}", field_2: `#${1000 + Math.floor(r() * 9000)}` }),
  () => ({ template_name: "promo_image", template_language: "en", header_image: "https://cdn.example.org/promo.jpg", field_1: "20%" }),
  () => ({ template_name: "product_video", template_language: "en", header_video: "https://cdn.example.org/product.mp4", field_1: "Jet 3000" }),
  () => ({
    template_name: "invoice_document",
    template_language: "en",
    header_document: "https://example.com/invoice-1024.pdf",
    header_document_name: "invoice-1024.pdf",
    field_1: "{full_name}",
  }),
  (r) => ({
    template_name: "store_location",
    template_language: "en",
    location_latitude: pick(r, [22, "22.22", "-33.8688", "{latitude}", 19.4326]),
    location_longitude: pick(r, ["-43.2", 151.2093, "77", "-99.1332"]),
    location_name: "Store",
    location_address: "{country}",
  }),
  () => ({ template_name: "welcome_text_header", template_language: "en", header_field_1: "Welcome {first_name}!", field_1: "Jet Store" }),
  (r) => ({ template_name: "coupon_code", template_language: "en", field_1: "15%", copy_code: pick(r, ["SAVE-15", "WELCOME_2024", "{coupon}"]) }),
  () => ({ template_name: "track_order", template_language: "en", field_1: "#1024", button_0: "1024?ref=wa" }),
  () => ({
    template_name: "appointment_reminder",
    template_language: "en",
    field_1: "{first_name}",
    field_2: "Dr. Rao",
    field_3: "12 December",
    field_4: 10,
    field_5: "Clinic 4, 2nd floor",
  }),
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function phoneOf(r) {
  const country = pick(r, Object.keys(PHONES));
  return pick(r, PHONES[country]);
}

function contact(r, { updating = false } = {}) {
  const c = {};
  if (r() < 0.9) c.first_name = pick(r, FIRST);
  if (r() < 0.6) c.last_name = pick(r, LAST);
  if (r() < 0.5) c.email = pick(r, EMAILS);
  if (r() < 0.5) c.country = pick(r, updating ? COUNTRY_ANY : COUNTRY_NAMES);
  if (r() < 0.4) c.language_code = pick(r, LANGS);
  if (r() < 0.5) c.groups = r() < 0.5 ? pick(r, ["customers", "customers, vip", "newsletter,beta , ", ""]) : ["customers", "vip"];
  if (r() < 0.35) {
    c.custom_fields = { BDay: "1990-12-10", Points: 120 };
    if (r() < 0.3) c.custom_fields.Tier = null;
  }
  return c;
}

function valid(kind, r) {
  switch (kind) {
    case "sendMessage": {
      const p = { phone_number: phoneOf(r), message_body: pick(r, BODIES) };
      if (r() < 0.2) p.from_phone_number_id = r() < 0.5 ? "100000000000001" : 100000000000002;
      if (r() < 0.4) p.contact = contact(r);
      return p;
    }
    case "sendMediaMessage": {
      const media_type = pick(r, Object.keys(MEDIA));
      const p = { phone_number: phoneOf(r), media_type, media_url: pick(r, MEDIA[media_type]) };
      if (r() < 0.5) p.caption = pick(r, ["Your invoice", "Nueva colección 🌸", "", "Photo <b>new</b>"]);
      if (media_type === "document" && r() < 0.8) p.file_name = pick(r, ["invoice-1024.pdf", "report", "Q4 results.xlsx"]);
      if (r() < 0.3) p.contact = contact(r);
      return p;
    }
    case "sendTemplateMessage": {
      const p = { phone_number: phoneOf(r), ...pick(r, TEMPLATES)(r) };
      if (r() < 0.15) p.from_phone_number_id = "100000000000002";
      if (r() < 0.3) p.contact = contact(r);
      return p;
    }
    case "createContact": {
      const p = { phone_number: phoneOf(r), ...contact(r) };
      if (r() < 0.1) p.notes = null; // null is absent, even for a key that is not a field
      return p;
    }
    case "updateContact": {
      const p = contact(r, { updating: true });
      if (r() < 0.5) p.whatsapp_opt_out = r() < 0.5;
      if (r() < 0.3) p.enable_ai_bot = true;
      if (r() < 0.15) p.email = "";
      if (Object.keys(p).length === 0) p.first_name = pick(r, FIRST);
      return p;
    }
    default:
      throw new Error(kind);
  }
}

/** Mistakes people make, by kind. Each mutates the payload in place. */
const COMMON_MISTAKES = [
  (p, r) => { p.phone_number = pick(r, BAD_PHONES); },
  (p) => { p.phone_number = 919876543210; },
  (p) => { delete p.phone_number; },
  (p) => { p.phone = "+91 98765 43210"; },
  (p) => { p.contact = { first_name: "Johan", phone: "919876543210" }; },
  (p, r) => { p.contact = { first_name: "J".repeat(151), email: pick(r, BAD_EMAILS) }; },
  (p) => { p.contact = { groups: ["a,b", 7], custom_fields: { BDay: { day: 10 } } }; },
  (p) => { p.contact = "Johan"; },
  (p) => { p.from_phone_number_id = "+1 000"; },
];

const MISTAKES = {
  sendMessage: [
    ...COMMON_MISTAKES,
    (p) => { p.message_body = ""; },
    (p) => { p.message_body = "   "; },
    (p) => { p.message_body = 42; },
    (p) => { p.message_body = "x".repeat(4097); },
    (p) => { delete p.message_body; },
    (p) => { p.messageBody = p.message_body; },
  ],
  sendMediaMessage: [
    ...COMMON_MISTAKES,
    (p) => { p.media_type = "gif"; },
    (p) => { p.media_type = ["image"]; },
    (p, r) => { p.media_url = pick(r, BAD_URLS); },
    (p) => { delete p.media_url; },
    (p) => { p.caption = "c".repeat(1025); },
    (p) => { p.file_name = " "; },
    (p) => { p.mediaUrl = "https://example.com/a.png"; },
  ],
  sendTemplateMessage: [
    ...COMMON_MISTAKES,
    (p, r) => { p.template_name = pick(r, ["Order_Update", "order-update", ""]); },
    (p, r) => { p.template_language = pick(r, ["en-US", "EN", "english", "en_us"]); },
    (p) => { p.field_4 = "gap"; }, // a gap unless the template has field_1..3
    (p) => { p.field_2 = "second"; delete p.field_1; },
    (p) => { p.field_0 = "zero"; },
    (p) => { p.field_01 = "leading zero"; },
    (p) => { p.field_1 = "line one\nline two"; },
    (p) => { p.field_1 = "too     many spaces"; },
    (p) => { p.field_1 = "  "; },
    (p) => { p.header_field_1 = "h".repeat(61); },
    (p) => { p.header_document = "https://example.com/a.pdf"; delete p.header_document_name; },
    (p) => { p.location_latitude = "22.5"; }, // location needs all four, one header only
    (p, r) => { p.location_longitude = pick(r, ["181", "22.", "abc", 200, "-180.5"]); },
    (p, r) => { p.copy_code = pick(r, ["SAVE 20%", "THISCODEISTOOLONG1", ""]); },
    (p, r) => { p.header_image = pick(r, BAD_URLS); },
    (p) => { p.header_image = "https://cdn.example.org/a.jpg"; p.header_video = "https://cdn.example.org/a.mp4"; },
    (p) => { p.button_0 = { url: "x" }; },
  ],
  createContact: [
    ...COMMON_MISTAKES.slice(0, 4),
    (p, r) => { p.email = pick(r, BAD_EMAILS); },
    (p) => { p.email = ""; },
    (p) => { p.country = "91"; },
    (p) => { p.first_name = "😀".repeat(151); },
    (p) => { p.language_code = "en GB"; },
    (p) => { p.groups = 7; },
    (p) => { p.groups = ["vip", "g".repeat(256)]; },
    (p) => { p.custom_fields = ["BDay"]; },
    (p) => { p.custom_fields = { "": "x", Points: true }; },
    (p) => { p.whatsapp_opt_out = true; }, // update only
    (p) => { p.contact = { first_name: "x" }; },
  ],
  updateContact: [
    (p) => { p.phone_number = "919876543210"; },
    (p) => { p.whatsapp_opt_out = "yes"; },
    (p) => { p.enable_ai_bot = 1; },
    (p, r) => { p.email = pick(r, BAD_EMAILS); },
    (p) => { p.first_name = "x".repeat(151); },
    (p) => { p.country = "c".repeat(151); },
    (p) => { p.language_code = "en/GB"; },
    (p) => { p.groups = { title: "vip" }; },
    (p) => { p.custom_fields = "BDay=1990"; },
    (p) => { p.firstName = "Ada"; },
    (p) => {
      for (const k of Object.keys(p)) delete p[k];
    },
    (p) => {
      for (const k of Object.keys(p)) p[k] = null;
    },
  ],
};

export const KINDS = ["sendMessage", "sendMediaMessage", "sendTemplateMessage", "createContact", "updateContact"];

/**
 * `count` payloads: `{ kind, payload, mutated }`, about 60 % as generated
 * (still invalid when their phone number is) and 40 % with 1–3 mistakes,
 * plus a few that are not objects at all.
 */
export function makePayloads(count = 400, seed = SEED) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; out.length < count - 5; i++) {
    const kind = KINDS[i % KINDS.length];
    const payload = valid(kind, r);
    let mutated = 0;
    if (r() < 0.4) {
      const n = 1 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) pick(r, MISTAKES[kind])(payload, r);
      mutated = n;
    }
    out.push({ kind, payload, mutated });
  }
  out.push({ kind: "sendMessage", payload: null, mutated: 1 });
  out.push({ kind: "sendMediaMessage", payload: "919876543210", mutated: 1 });
  out.push({ kind: "createContact", payload: [{ phone_number: "919876543210" }], mutated: 1 });
  out.push({ kind: "updateContact", payload: {}, mutated: 1 });
  out.push({ kind: "sendTemplateMessage", payload: 42, mutated: 1 });
  return out;
}

/** A small request (the README's first example). */
export const SMALL = { phone_number: "+91 98765-43210", message_body: "Your order has shipped." };

/** A large request: a 4,000-character body and a contact with 200 custom fields. */
export function makeLarge() {
  const custom_fields = {};
  for (let i = 0; i < 200; i++) custom_fields[`field_name_${i}`] = `value number ${i} for this contact`;
  return {
    phone_number: "+55 11 91234-5678",
    message_body: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(70).slice(0, 4000),
    contact: { first_name: "João", last_name: "Silva", email: "joao@example.com.br", country: "Brazil", groups: ["customers", "vip", "beta"], custom_fields },
  };
}
