// Writes pkg/package.json: pkg-template/package.json owns name, exports,
// files and sideEffects; Cargo.toml owns version, description, license and
// repository. Also marks the module type of each build and copies the
// browser entry, README and LICENSE.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";

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
  repository: { type: "git", url: crate.repository },
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
cpSync(new URL("README.md", root), new URL("README.md", pkg));
cpSync(new URL("LICENSE", root), new URL("LICENSE", pkg));
console.log(`pkg/: ${name}@${crate.version}`);
