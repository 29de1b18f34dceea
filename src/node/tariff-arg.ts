/**
 * `--tariff` and `--population` of a command: a path, or a year meaning a bundled tariff. A
 * bundled tariff validated at build time compiles without the tariff schema (zod), and a tariff
 * file loads the schema only when it is read, so `key` and `check-tariff` on a bundled tariff
 * start without it.
 */
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import type { CompiledTariff } from "../core/model/tariff-compile.js";
import type { PopulationInput } from "../core/model/key.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import type { HashedFile } from "../read/hashed-text.js";
import { bundledTariffFile, bundledYears, compileBundledTariff, resolveTariffArg } from "./paths.js";

/** The tariff of `--tariff` (a path or a bundled year), resolved: the bundled tariff's text, a path to read, or nothing (the error is in the bag). */
export function tariffArgSource(arg: string, bag: DiagnosticBag): { year: number; file: HashedFile } | { path: string } | undefined {
  const resolved = resolveTariffArg(arg);
  if ("missingYear" in resolved) {
    bag.error("TARIFF_NOT_BUNDLED", { year: resolved.missingYear, years: bundledYears().join(", ") || "–" }, { file: arg, line: 1, column: 1 });
    return undefined;
  }
  const file = resolved.bundled !== undefined ? bundledTariffFile(resolved.bundled, resolved.path) : undefined;
  return resolved.bundled !== undefined && file ? { year: resolved.bundled, file } : { path: resolved.path };
}

/** Loads the tariff given as a path or a bundled year; errors go to the bag. Loads zod only for a tariff that was not validated at build time. */
export async function loadTariffArg(arg: string, bag: DiagnosticBag): Promise<{ tariff: CompiledTariff; info: InputFileInfo } | undefined> {
  const source = tariffArgSource(arg, bag);
  if (!source) return undefined;
  if ("year" in source) {
    const compiled = compileBundledTariff(source.year, source.file, bag);
    if (compiled !== "unvalidated") return compiled;
    return (await import("../read/tariff-text.js")).tariffFromText(source.file, bag);
  }
  return (await import("./files.js")).readTariffFile(source.path, bag);
}

/**
 * Reads a population file (CSV: party;population[;date], or an SCB export) for `--population`;
 * no path gives nothing. Errors go to the bag, with their positions.
 *
 * @returns the population (per party id, to give to `calculate`) and the file's description
 */
export async function loadPopulationArg(path: string | undefined, bag: DiagnosticBag): Promise<{ population?: PopulationInput; info?: InputFileInfo }> {
  if (!path) return {};
  const [{ csvInfoToInput }, { readPopulationFile }] = await Promise.all([import("../read/inputs.js"), import("./table-files.js")]); // the readers, only for a file (CSV or a workbook's sheet)
  const p = await readPopulationFile(path, bag);
  return { population: p.population, info: csvInfoToInput("population", p.info) };
}
