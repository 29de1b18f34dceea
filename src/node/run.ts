/**
 * The calculation from files: the CSV and JSON adapters around the pure core. Used by the
 * command line, and exported as `vardavtal/node` for tools that work with files.
 */
import { resultFromSummary, type CalculationResult } from "../core/model/calculate.js";
import { ConsumptionAccumulator, checkConsumption, type ConsumptionSummary } from "../core/model/consumption.js";
import { DiagnosticBag, InputError } from "../core/model/diagnostics.js";
import { resolveKey } from "../core/model/key.js";
import type { CompiledTariff } from "../core/model/tariff.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { csvInfoToInput } from "../read/inputs.js";
import { fileSize, readTextFile } from "./files.js";
import { readConsumptionFile, tableArg } from "./table-files.js";
import { loadPopulationArg, loadTariffArg } from "./tariff-arg.js";
import { applyScenario, scenarioComparison } from "../core/analysis/scenario.js";
import type { Comparison } from "../core/analysis/compare.js";
import type { CsvInfo } from "../read/csv.js";
import { readConsumptionFast, type FastOptions, type FastOutcome } from "./fast/reader.js";
import { isoDateYear } from "../core/model/numbers.js";
import { type ScenarioRecord } from "../core/analysis/scenario-record.js";

import { FAST_THRESHOLD } from "../read/fast/stream.js";

/** Files from this size on are read by the fast reader when `reader` is "auto". */
export { FAST_THRESHOLD };

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
  /** a scenario: `--set PATH=VALUE` arguments and/or a scenario file (a JSON merge patch on the tariff) */
  scenario?: { set?: readonly string[]; file?: string };
  /** with a scenario: compute the tariff as it stands too, and compare the scenario with it */
  baseline?: boolean;
}

/** What {@link calculateFiles} returns: the checked result and a description of each input file (name, size, SHA-256, how it was read). */
export interface FileRun {
  result: CalculationResult;
  /** for `resultToJson(result, { inputs })` */
  inputs: InputFileInfo[];
  /** present for a scenario: what was set */
  scenario?: ScenarioRecord;
  /** present with `baseline`: the tariff as it stands, and the scenario compared with it */
  baseline?: { result: CalculationResult; comparison: Comparison };
}

export { loadPopulationArg, loadTariffArg } from "./tariff-arg.js";

/**
 * Reads every input, reports every problem (throws InputError carrying all of them), and returns
 * the checked result with a description of each input file.
 */
export async function calculateFiles(options: FileRunOptions): Promise<FileRun> {
  const bag = new DiagnosticBag();
  const t = await loadTariffArg(options.tariff, bag);
  const pop = await loadPopulationArg(options.population, bag);
  if (!t) {
    bag.throwIfErrors();
    throw new InputError(bag.items);
  }
  // A scenario: the tariff with named values replaced, validated as a tariff file is.
  let tariff = t.tariff;
  let scenario: ScenarioRecord | undefined;
  let patchInfo: InputFileInfo | undefined;
  if (options.scenario) {
    const patch = options.scenario.file !== undefined ? readTextFile(options.scenario.file, "scenario", bag) : undefined;
    patchInfo = patch?.info;
    if (options.scenario.file === undefined || patch) {
      try {
        ({ tariff, record: scenario } = applyScenario(t.tariff, { set: options.scenario.set ?? [], ...(options.population !== undefined ? { populationFile: options.population } : {}), ...(patch && options.scenario.file !== undefined ? { patch: { file: options.scenario.file, text: patch.text, sha256: patch.info.sha256 } } : {}) }));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        bag.absorb(e.diagnostics);
      }
    }
  }
  const key = resolveKey(tariff, pop.population, bag);
  if (key && pop.population && key.basis === "population") {
    bag.warning("POPULATION_FROM_FILE", { file: pop.population.file }, { file: pop.population.file, line: 1, column: 1 });
  }
  const through = options.through;
  if (through !== undefined && isoDateYear(through) !== tariff.year) bag.error("BAD_THROUGH", { text: through, year: tariff.year }, { file: "--through", line: 1, column: 1 });
  // The fast reader has no cut-off: a forecast is read by the general reader.
  const reader = through !== undefined ? "general" : (options.reader ?? "auto");
  let fast: FastOutcome | undefined;
  let info: CsvInfo | undefined;
  const summarize = async (priced: CompiledTariff, errors: DiagnosticBag): Promise<ConsumptionSummary> => {
    fast = undefined;
    if (!errors.hasErrors && !tableArg(options.consumption).workbook && (reader === "fast" || (reader === "auto" && fileSize(options.consumption) >= FAST_THRESHOLD))) {
      fast = await readConsumptionFast(options.consumption, priced, { ...options.fast, onProgress: options.onProgress });
    }
    if (fast?.ok) {
      info = fast.info;
      return fast.summary;
    }
    const acc = new ConsumptionAccumulator(priced, errors, options.consumption, { through });
    info = await readConsumptionFile(options.consumption, acc, errors, { onProgress: options.onProgress });
    return acc.summary;
  };
  // With a baseline the same rows are counted by the tariff as it stands first (its problems are the file's).
  const baseBag = new DiagnosticBag();
  const baseSummary = options.baseline && scenario && !bag.hasErrors ? await summarize(t.tariff, baseBag) : undefined;
  bag.absorb(baseBag.errors);
  const summary = bag.hasErrors && baseSummary ? baseSummary : await summarize(tariff, bag);
  if (!bag.hasErrors) checkConsumption(tariff, summary, bag, options.consumption);
  bag.throwIfErrors();
  if (!key || !info) throw new InputError(bag.items);
  const result = resultFromSummary(tariff, key, summary, bag.warnings, { through });
  const consumptionInfo: InputFileInfo = { ...csvInfoToInput("consumption", info), reader: fast?.ok ? "fast" : fast ? `general (${fast.reason})` : "general" };
  const inputs = [t.info, consumptionInfo, ...(pop.info ? [pop.info] : []), ...(patchInfo ? [patchInfo] : [])];
  let baseline: FileRun["baseline"];
  if (baseSummary && scenario) {
    const baseKey = resolveKey(t.tariff, pop.population, new DiagnosticBag());
    if (!baseKey) throw new InputError(bag.items);
    const a = { tariff: t.tariff, key: baseKey, consumption: baseSummary, ...(through !== undefined ? { through } : {}) };
    const baseResult = resultFromSummary(t.tariff, baseKey, baseSummary, [], { through });
    baseline = { result: baseResult, comparison: scenarioComparison({ ...a, result: baseResult }, { tariff, key, consumption: summary, ...(through !== undefined ? { through } : {}), result }, scenario, { a: t.info.file, b: "scenario" }) };
  }
  return { result, inputs, ...(scenario ? { scenario } : {}), ...(baseline ? { baseline } : {}) };
}
