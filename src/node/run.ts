/**
 * The calculation from files: the CSV and JSON adapters around the pure core. Used by the
 * command line, and exported as `vardavtal/node` for tools that work with files.
 */
import { settle, type CalculationResult } from "../core/calculate.js";
import { ConsumptionAccumulator, checkConsumption, type ConsumptionSummary } from "../core/consumption.js";
import { DiagnosticBag, InputError } from "../core/diagnostics.js";
import { resolveKey, type PopulationInput } from "../core/key.js";
import type { CompiledTariff } from "../core/tariff.js";
import type { InputFileInfo } from "../core/result-json.js";
import { csvInfoToInput } from "../io/inputs.js";
import { fileSize, readConsumptionFile, readPopulationFile, readTariffFile } from "./files.js";
import type { CsvInfo } from "../io/csv.js";
import { readConsumptionFast, type FastOptions, type FastOutcome } from "./fast-reader.js";
import { bundledYears, loadBundledTariff, resolveTariffArg } from "./paths.js";
import { isoDateYear } from "../core/numbers.js";

/** Files from this size on are read by the fast reader when `reader` is "auto". */
export const FAST_THRESHOLD = 8 << 20;

/** What {@link calculateFiles} reads: file paths (or a bundled tariff's year) and how. */
export interface FileRunOptions {
  /** a path, or a year meaning the bundled tariff */
  tariff: string;
  consumption: string;
  population?: string;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /**
   * How to read the consumption file: "fast" (byte-level, on every core; hands over to the
   * general reader when it meets anything it does not fully understand), "general", or "auto"
   * (fast for files of 8 MiB and more). The result is the same either way.
   */
  reader?: "auto" | "fast" | "general";
  /** fast-reader tuning, for tests and benchmarks */
  fast?: FastOptions;
  /**
   * A forecast's cut-off date (ISO, in the tariff's year): rows dated after it are skipped and
   * counted, and the consumption sums are scaled to the whole year. Read by the general reader.
   */
  through?: string;
}

/** What {@link calculateFiles} returns: the checked result and a description of each input file (name, size, SHA-256, how it was read). */
export interface FileRun {
  result: CalculationResult;
  /** for `resultToJson(result, { inputs })` */
  inputs: InputFileInfo[];
}

/** Loads the tariff given as a path or a bundled year; errors go to the bag. */
export function loadTariffArg(arg: string, bag: DiagnosticBag): { tariff: CompiledTariff; info: InputFileInfo } | undefined {
  const resolved = resolveTariffArg(arg);
  if ("missingYear" in resolved) {
    bag.error("TARIFF_NOT_BUNDLED", { year: resolved.missingYear, years: bundledYears().join(", ") || "–" }, { file: arg, line: 1, column: 1 });
    return undefined;
  }
  if (resolved.bundled !== undefined) return loadBundledTariff(resolved.bundled, resolved.path, bag);
  return readTariffFile(resolved.path, bag);
}

/**
 * Reads a population file (CSV: party;population[;date], or an SCB export) for `--population`;
 * no path gives nothing. Errors go to the bag, with their positions.
 *
 * @returns the population (per party id, to give to `calculate`) and the file's description
 */
export async function loadPopulationArg(path: string | undefined, bag: DiagnosticBag): Promise<{ population?: PopulationInput; info?: InputFileInfo }> {
  if (!path) return {};
  const p = await readPopulationFile(path, bag);
  return { population: p.population, info: csvInfoToInput("population", p.info) };
}

/**
 * Reads every input, reports every problem (throws InputError carrying all of them), and returns
 * the checked result with a description of each input file.
 */
export async function calculateFiles(options: FileRunOptions): Promise<FileRun> {
  const bag = new DiagnosticBag();
  const t = loadTariffArg(options.tariff, bag);
  const pop = await loadPopulationArg(options.population, bag);
  if (!t) {
    bag.throwIfErrors();
    throw new InputError(bag.items);
  }
  const key = resolveKey(t.tariff, pop.population, bag);
  if (key && pop.population && key.basis === "population") {
    bag.warning("POPULATION_FROM_FILE", { file: pop.population.file }, { file: pop.population.file, line: 1, column: 1 });
  }
  const through = options.through;
  if (through !== undefined && isoDateYear(through) !== t.tariff.year) bag.error("BAD_THROUGH", { text: through, year: t.tariff.year }, { file: "--through", line: 1, column: 1 });
  // The fast reader has no cut-off: a forecast is read by the general reader.
  const reader = through !== undefined ? "general" : (options.reader ?? "auto");
  let fast: FastOutcome | undefined;
  if (!bag.hasErrors && (reader === "fast" || (reader === "auto" && fileSize(options.consumption) >= FAST_THRESHOLD))) {
    fast = await readConsumptionFast(options.consumption, t.tariff, { ...options.fast, onProgress: options.onProgress });
  }
  let summary: ConsumptionSummary;
  let info: CsvInfo;
  if (fast?.ok) {
    ({ summary, info } = fast);
  } else {
    const acc = new ConsumptionAccumulator(t.tariff, bag, options.consumption, { through });
    info = await readConsumptionFile(options.consumption, acc, bag, { onProgress: options.onProgress });
    summary = acc.summary;
  }
  if (!bag.hasErrors) checkConsumption(t.tariff, summary, bag, options.consumption);
  bag.throwIfErrors();
  if (!key) throw new InputError(bag.items);
  const result = settle(t.tariff, key, summary, bag.warnings, { through });
  const consumptionInfo: InputFileInfo = { ...csvInfoToInput("consumption", info), reader: fast?.ok ? "fast" : fast ? `general (${fast.reason})` : "general" };
  const inputs = [t.info, consumptionInfo, ...(pop.info ? [pop.info] : [])];
  return { result, inputs };
}
