/**
 * vardavtal/node: the calculation from files (CSV and JSON), as the command line does it, and
 * the outputs it writes. Safe to bundle: the bundled tariffs are compiled in, and the fast
 * reader falls back to the general reader when its worker threads cannot start. Every call has
 * the shape of `vardavtal`'s: it resolves to `{ value, warnings, … }` and rejects with
 * `InputError` carrying every problem. For the other inputs (payments, joint costs), give
 * `fileSource(path)` to `settle` or `checkKey` of `vardavtal`.
 *
 * @packageDocumentation
 */
import type { CalculationResult } from "../core/model/calculate.js";
import { DiagnosticBag, InputError, sortDiagnostics, type Diagnostic } from "../core/model/diagnostics.js";
import type { PopulationInput } from "../core/model/key.js";
import type { CompiledTariff } from "../core/model/tariff.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { calculateFiles as filesCalculate, loadPopulationArg, loadTariffArg, type FileRun, type FileRunOptions } from "./run.js";

export { FAST_THRESHOLD } from "./run.js";
export type { FileRunOptions } from "./run.js";
export { fileSource } from "./files.js";
export { resultCsvFiles } from "../render/csv/result-csv.js";
export { writeFilesAtomically } from "./atomic-write.js";
export type { PendingFile } from "./atomic-write.js";
export { bundledYears, TARIFFS_DIR, EXAMPLES_DIR } from "./paths.js";

/**
 * What the calls of this entry resolve to: the value, its warnings (odd but allowed; render each
 * with `renderDiagnostic`) and a description of each file read (name, size, SHA-256, encoding,
 * which reader), the shape of `vardavtal`'s Outcome plus `inputs`.
 */
export interface FileOutcome<T> {
  /** the checked value */
  value: T;
  /** odd but allowed, sorted by file, line and column */
  warnings: Diagnostic[];
  /** each file read, for `resultToJson(value, { inputs })` and the workbooks */
  inputs: InputFileInfo[];
}

/** What {@link calculateFiles} resolves to: the result, and for a scenario what was set and the baseline. */
export interface FileRunOutcome extends FileOutcome<CalculationResult> {
  /** present for a scenario: what was set */
  scenario?: FileRun["scenario"];
  /** present with `baseline`: the tariff as it stands, and the scenario compared with it */
  baseline?: FileRun["baseline"];
}

/**
 * `vardavtal calculate` over files: reads the tariff (a path, or a year meaning the bundled
 * tariff), the consumption CSV (the fast reader for large files) and the population, reports
 * every problem, and resolves to the checked result with a description of each file.
 *
 * @throws InputError with every problem of every file, each with file, line and column.
 * @example
 * ```ts
 * import { resultToJson } from "vardavtal";
 * import { calculateFiles } from "vardavtal/node";
 * const { value, inputs, warnings } = await calculateFiles({ tariff: "2025", consumption: "konsumtion-2025.csv" });
 * console.log(resultToJson(value, { inputs }).net, warnings.length);
 * ```
 */
export async function calculateFiles(options: FileRunOptions): Promise<FileRunOutcome> {
  const run = await filesCalculate(options);
  return { value: run.result, warnings: sortDiagnostics(run.result.warnings), inputs: run.inputs, ...(run.scenario ? { scenario: run.scenario } : {}), ...(run.baseline ? { baseline: run.baseline } : {}) };
}

/**
 * A tariff file (`vardavtal-tariff/1`, JSON), or the bundled tariff of a year ("2025"),
 * validated and compiled: `value` is a tariff every call of `vardavtal` takes as it is.
 *
 * @throws InputError with every problem of the file, each with line and column.
 * @example
 * ```ts
 * import { acconto } from "vardavtal";
 * import { readTariffFile } from "vardavtal/node";
 * const { value: tariff } = await readTariffFile("tariffs/2026-forslag.json");
 * const { value: plan } = await acconto({ tariff });
 * ```
 */
export async function readTariffFile(pathOrYear: string): Promise<FileOutcome<CompiledTariff>> {
  const bag = new DiagnosticBag();
  const loaded = await loadTariffArg(pathOrYear, bag);
  bag.throwIfErrors();
  if (!loaded) throw new InputError(bag.items);
  return { value: loaded.tariff, warnings: sortDiagnostics([...loaded.tariff.warnings, ...bag.warnings]), inputs: [loaded.info] };
}

/**
 * A population file (CSV: part;befolkning[;datum], or an SCB export), read as `--population`
 * reads it: `value` is the population per party, with positions, for `calculate`'s and
 * `acconto`'s `population`.
 *
 * @throws InputError with every problem of the file, each with line and column.
 * @example
 * ```ts
 * import { calculate } from "vardavtal";
 * import { readPopulationFile } from "vardavtal/node";
 * const { value: population } = await readPopulationFile("befolkning-2024-12-31.csv");
 * const { value } = await calculate({ tariff, consumption, population });
 * ```
 */
export async function readPopulationFile(path: string): Promise<FileOutcome<PopulationInput>> {
  const bag = new DiagnosticBag();
  const read = await loadPopulationArg(path, bag);
  bag.throwIfErrors();
  if (!read.population || !read.info) throw new InputError(bag.items);
  return { value: read.population, warnings: sortDiagnostics(bag.warnings), inputs: [read.info] };
}
