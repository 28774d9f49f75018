// DOM helpers of the page: element building without innerHTML, and the ARIA
// wiring of messages to their inputs.

export const $ = (selector, root = document) => root.querySelector(selector);

/** `h("p", { class: "x", text: "hi" }, child, …)`: an element. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "value") el.value = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Inline code. */
export const code = (text) => h("code", { text });

/** Pretty JSON as spans (keys, strings, numbers, literals), no innerHTML. */
export function highlightJson(value) {
  const text = JSON.stringify(value, null, 2) ?? "";
  const fragment = document.createDocumentFragment();
  const token =
    /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
  let last = 0;
  for (const match of text.matchAll(token)) {
    if (match.index > last) fragment.append(text.slice(last, match.index));
    const [whole, string, colon, literal, number] = match;
    if (string) {
      fragment.append(h("span", { class: colon ? "j-key" : "j-str", text: string }));
      if (colon) fragment.append(colon);
    } else if (literal) {
      fragment.append(h("span", { class: "j-lit", text: literal }));
    } else if (number) {
      fragment.append(h("span", { class: "j-num", text: number }));
    } else {
      fragment.append(whole);
    }
    last = match.index + whole.length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

export function setDescribedBy(input, ids) {
  const list = ids.filter(Boolean);
  if (list.length) input.setAttribute("aria-describedby", list.join(" "));
  else input.removeAttribute("aria-describedby");
}

export function setInvalid(input, invalid) {
  if (invalid) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

export function showLines(el, lines) {
  el.replaceChildren(...lines.flatMap((line, i) => (i ? [h("br"), line] : [line])));
  el.hidden = lines.length === 0;
}

export const uniqueMessages = (issues) => [...new Set(issues.map((i) => i.message))];
