#!/usr/bin/env node
// Used by `npm run bench`: the fast reader's phases on one file, in this process (built package).
import { readConsumptionFast } from "../dist/node/fast/reader.js";
import { readTariffFile } from "../dist/node/files.js";
import { DiagnosticBag } from "../dist/core/model/diagnostics.js";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tariff = readTariffFile(join(root, "tariffs", "2025.json"), new DiagnosticBag())?.tariff;
const phases = [];
const t0 = performance.now();
const r = await readConsumptionFast(process.argv[2], tariff, { onPhase: (name, ms) => phases.push(`${name} ${(ms / 1000).toFixed(2)} s`) });
const total = (performance.now() - t0) / 1000;
console.log(`${phases.join(", ")}; fast reader in all ${total.toFixed(2)} s${r.ok ? "" : ` (handed over: ${r.reason})`}`);
