#!/usr/bin/env node
// Writes schema/vardavtal-tariff-1.schema.json, and the same file beside the bundled tariffs (their
// "$schema" names it, so a tariff copied with `check-tariff --write-schema` keeps a working schema),
// from the zod schema (run after `npm run build`). A test checks that the committed files are what this writes.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TARIFF_SCHEMA_FILE, tariffJsonSchema } from "../dist/contracts/tariff-json-schema.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
for (const dir of ["schema", "tariffs"]) {
  const out = join(root, dir, TARIFF_SCHEMA_FILE);
  writeFileSync(out, JSON.stringify(tariffJsonSchema(), null, 2) + "\n");
  console.log(`wrote ${out}`);
}
