#!/usr/bin/env node
// Writes schema/vardavtal-tariff-1.schema.json from the zod schema (run after `npm run build`).
// A test checks that the committed file is what this writes.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tariffJsonSchema } from "../dist/core/tariff-schema.js";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schema", "vardavtal-tariff-1.schema.json");
writeFileSync(out, JSON.stringify(tariffJsonSchema(), null, 2) + "\n");
console.log(`wrote ${out}`);
