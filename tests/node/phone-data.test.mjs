// The phone number table (src/validate/phone/data.rs) is what
// scripts/phone-data.mjs writes from the pinned libphonenumber metadata:
// a hand edit, or a generator change without regenerating, fails here.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("src/validate/phone/data.rs is what scripts/phone-data.mjs writes", () => {
  const run = spawnSync(process.execPath, ["scripts/phone-data.mjs", "--check"], { cwd: root, encoding: "utf8" });
  assert.equal(run.stderr, "");
  assert.equal(run.status, 0);
});
