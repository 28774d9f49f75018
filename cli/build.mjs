// Bundles the command-line tool into pkg/bin/whatsjet.mjs: its npm
// libraries (csv-parse, csv-stringify) go inside, so the package keeps no
// runtime dependencies; the package's own Node build stays outside, loaded
// from ../node/whatsjet.js at run time.

import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const outfile = `${root}pkg/bin/whatsjet.mjs`;

await build({
  entryPoints: [`${root}cli/whatsjet.mjs`],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "inline",
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
