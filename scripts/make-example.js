#!/usr/bin/env node
// Writes the example year's consumption, examples/2025/konsumtion-2025.csv, from the generator
// that `vardavtal demo` runs (src/read/example-year.ts; deterministic: the same bytes every run).
// The package does not ship the file: demo generates it. Run: npm run example (builds first).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleConsumptionCsv } from "../dist/read/example-year.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const text = exampleConsumptionCsv();
const out = join(root, "examples", "2025", "konsumtion-2025.csv");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text, "utf8");
console.log(`wrote ${out}: ${text.split("\r\n").length - 2} rows`);
