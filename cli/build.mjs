// Bundles the command-line tool into pkg/bin/whatsjet.mjs: its npm
// libraries (csv-parse, csv-stringify) go inside, so the package keeps no
// runtime dependencies; the package's own Node build stays outside, loaded
// from ../node/whatsjet.js at run time. Whitespace and comments go (the
// source is cli/); names stay, so a stack trace still reads. The MIT
// licences of the bundled libraries close the file, as they require.

import { chmodSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const outfile = `${root}pkg/bin/whatsjet.mjs`;
const licences = ["csv-parse", "csv-stringify"].map(
  (name) => `${name}:\n${readFileSync(`${root}node_modules/${name}/LICENSE`, "utf8").trim()}`,
);

await build({
  entryPoints: [`${root}cli/whatsjet.mjs`],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "inline",
  footer: { js: `/*!\n${licences.join("\n\n")}\n*/` },
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
