// Writes pkg/package.json: pkg-template/package.json owns name, exports,
// files and sideEffects; Cargo.toml owns version, description, license and
// repository. Also marks the module type of each build, copies the browser,
// workerd and deno entries, README and LICENSE, appends the Standard Schema
// objects to each build's glue, and writes the declarations the ESM entries
// share (browser/index.d.ts).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const pkg = new URL("pkg/", root);
const template = JSON.parse(readFileSync(new URL("pkg-template/package.json", root)));
const metadata = JSON.parse(
  execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1"], { cwd: root, encoding: "utf8" }),
);
const crate = metadata.packages.find((p) => p.name === "whatsjet");

const { name, ...rest } = template;
const merged = {
  name,
  version: crate.version,
  description: crate.description,
  license: crate.license,
  repository: { type: "git", url: `git+${crate.repository}.git` },
  ...rest,
};
writeFileSync(new URL("package.json", pkg), `${JSON.stringify(merged, null, 2)}\n`);

// The Node build is CommonJS inside an ESM package; the web build is ESM.
writeFileSync(new URL("node/package.json", pkg), `${JSON.stringify({ type: "commonjs" })}\n`);
writeFileSync(new URL("web/package.json", pkg), `${JSON.stringify({ type: "module" })}\n`);
writeFileSync(new URL("validators/package.json", pkg), `${JSON.stringify({ type: "module" })}\n`);
for (const dir of ["node", "web", "validators"]) {
  for (const extra of [".gitignore", "README.md", "LICENSE"]) rmSync(new URL(`${dir}/${extra}`, pkg), { force: true });
}
cpSync(new URL("pkg-template/browser/", root), new URL("browser/", pkg), { recursive: true });
cpSync(new URL("pkg-template/validators/", root), new URL("validators/", pkg), { recursive: true });
for (const dir of ["workerd", "deno"]) cpSync(new URL(`pkg-template/${dir}/`, root), new URL(`${dir}/`, pkg), { recursive: true });

// wasm-bindgen declares `[Symbol.dispose](): void` on every class, which does
// not type-check where the project's `lib` has no `Symbol.dispose` (ES2022 +
// DOM without @types/node). The method is declared instead through a type
// that is the method where the symbol exists and nothing where it does not,
// so `using` stays typed wherever the project can write it.
const DISPOSE = "    [Symbol.dispose](): void;\n";
const DISPOSAL = `
/** \`[Symbol.dispose]()\` (the same as \`free()\`) where the project's \`lib\` declares \`Symbol.dispose\`. */
type Disposal = { [K in SymbolConstructor extends { readonly dispose: infer S extends symbol } ? S : never]: () => void };
`;
function declarations(text) {
  const classes = [...text.matchAll(/^export class (\w+) \{\n(?:.*\n)*?\}$/gm)]
    .filter((m) => m[0].includes(DISPOSE))
    .map((m) => m[1]);
  if (classes.length === 0) return text;
  const merged = classes.map((name) => `export interface ${name} extends Disposal {}\n`).join("");
  return `${text.replaceAll(DISPOSE, "").trimEnd()}\n${DISPOSAL}${merged}`;
}
for (const dir of ["node", "web", "validators"]) {
  const file = new URL(`${dir}/whatsjet.d.ts`, pkg);
  writeFileSync(file, declarations(readFileSync(file, "utf8")));
}

// `schemas` and `createSchemas` (Standard Schema over `validate`): plain JS,
// appended to each build's glue, since wasm-bindgen's JS snippets do not
// work for `--target nodejs`. The kinds are the generated `RequestKinds`.
const requestKinds = /^export interface RequestKinds \{\n((?: {2}\w+: \w+;\n)+)\}/m.exec(
  readFileSync(new URL("src/typescript.d.ts", root), "utf8"),
);
if (!requestKinds) throw new Error("src/typescript.d.ts declares no RequestKinds");
const kinds = [...requestKinds[1].matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
// Its comments are for the source; the package ships the code alone.
const standardSchemaSource = readFileSync(new URL("pkg-template/standard-schema.js", root), "utf8").replace(/^ *\/\/.*\n/gm, "");
const standardSchema = `${standardSchemaSource}const KINDS = ${JSON.stringify(kinds)};\n`;
const exported = {
  node: "exports.createSchemas = createSchemas;\nexports.schemas = createSchemas();\n",
  web: "export { createSchemas };\nexport const schemas = createSchemas();\n",
};
exported.validators = exported.web;
for (const [dir, exports] of Object.entries(exported)) {
  const file = new URL(`${dir}/whatsjet.js`, pkg);
  writeFileSync(file, `${readFileSync(file, "utf8")}\n${standardSchema}${exports}`);
}
// The ESM entries' declarations: the Node build's (no DOM types, no init),
// in an ESM folder, so that \`import\` in TypeScript sees an ES module.
cpSync(new URL("node/whatsjet.d.ts", pkg), new URL("browser/index.d.ts", pkg));
// The message tables, one module a language (`whatsjet/locales/pt-BR`), for
// `import` and `require`, so a page loads only the language it uses.
mkdirSync(new URL("locales/", pkg), { recursive: true });
for (const file of readdirSync(new URL("locales/", root)).filter((f) => f.endsWith(".json"))) {
  const lang = file.slice(0, -".json".length);
  const table = JSON.stringify(JSON.parse(readFileSync(new URL(`locales/${file}`, root), "utf8")));
  const out = (ext, text) => writeFileSync(new URL(`locales/${lang}${ext}`, pkg), text);
  out(".js", `export default ${table};\n`);
  out(".cjs", `module.exports = ${table};\n`);
  const doc = `/** The validation messages in ${lang}: pass it as the \`locale\` option. */\n`;
  out(".d.ts", `import type { Locale } from "../browser/index.js";\n${doc}declare const locale: Locale;\nexport default locale;\n`);
  out(".d.cts", `import type { Locale } from "../node/whatsjet.js";\n${doc}declare const locale: Locale;\nexport = locale;\n`);
}
cpSync(new URL("README.md", root), new URL("README.md", pkg));
cpSync(new URL("LICENSE", root), new URL("LICENSE", pkg));
console.log(`pkg/: ${name}@${crate.version}`);
