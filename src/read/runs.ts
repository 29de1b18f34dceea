/**
 * The calculation and the key check from CSV and JSON bytes, wherever they come from (files in
 * a browser, buffers, a Node file through `fileSource`): the same readers, checks and messages as
 * the command line. No `node:` import. Every problem is collected and thrown as one InputError.
 */
import { resultFromSummary, type CalculationResult } from "../core/model/calculate.js";
import { ConsumptionAccumulator, checkConsumption, type ConsumptionSummary } from "../core/model/consumption.js";
import { applyScenario } from "../core/analysis/scenario.js";
import type { ScenarioRecord } from "../core/analysis/scenario-record.js";
import { DiagnosticBag, InputError, type Diagnostic } from "../core/model/diagnostics.js";
import { DEFAULT_TOLERANCE, checkKey, type KeyCheckResult } from "../core/year/keycheck.js";
import { resolveKey } from "../core/model/key.js";
import { isoDateYear } from "../core/model/numbers.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import type { CompiledTariff } from "../core/model/tariff.js";
import { bytesSource, type ByteSource, type CsvInfo } from "./csv.js";

export { bytesSource };
import { csvInfoToInput, hashedText, readConsumption, readCosts, readPopulation, tableName, type TableSource } from "./inputs.js";
import { tariffFromText } from "./tariff-text.js";
import type { FastOutcome } from "./fast/common.js";
import type { SheetSource } from "./sheet.js";

/**
 * A table input: a ByteSource or a name with its text or bytes (CSV), or a sheet of a workbook
 * (`readSheetSource` of `vardavtal/xlsx`).
 */
export type CsvInput = ByteSource | SheetSource | { name: string; data: string | Uint8Array };

/** A tariff input: the file's name with its JSON text or bytes (positions and hash as for a file). */
export interface TariffSource {
  name: string;
  data: string | Uint8Array;
}

function source(input: CsvInput): TableSource {
  return "open" in input || "table" in input ? input : bytesSource(input.name, input.data);
}

/** Compiles a tariff file's text or bytes; errors (with file:line:column) go to the bag. */
export function loadTariffSource(t: TariffSource, bag: DiagnosticBag): { tariff: CompiledTariff; info: InputFileInfo } | undefined {
  const bytes = typeof t.data === "string" ? new TextEncoder().encode(t.data) : t.data;
  return tariffFromText(hashedText(t.name, "tariff", bytes), bag);
}

/** What `calculateCsv` reads. */
export interface CalculateCsvInput {
  tariff: TariffSource;
  consumption: CsvInput;
  population?: CsvInput;
  /** a forecast's cut-off date (ISO, in the tariff's year), as `--through` */
  through?: string;
  /** called now and then with the consumption bytes read so far and its size */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /** a scenario on the tariff, as `--set PATH=VALUE` (repeatable) and `--scenario FILE` (a JSON merge patch) */
  scenario?: { set: readonly string[]; patch?: TariffSource };
  /**
   * reads the consumption instead of the general reader (the page's fast reader, for files of
   * FAST_THRESHOLD bytes and more, as the command line's "auto"): a summary and the file's
   * description, or why the general reader must read it
   */
  fast?: (tariff: CompiledTariff) => Promise<FastOutcome>;
}

/** A checked result with a description of each input (name, bytes, SHA-256, encoding, rows). */
export interface CsvRun {
  result: CalculationResult;
  inputs: InputFileInfo[];
  /** present for a scenario: what was set */
  scenario?: ScenarioRecord;
}

/**
 * `vardavtal calculate` over bytes: reads every input, reports every problem (throws InputError
 * carrying all of them), and returns the checked result with a description of each input.
 */
export async function calculateCsv(input: CalculateCsvInput): Promise<CsvRun> {
  const bag = new DiagnosticBag();
  const t = loadTariffSource(input.tariff, bag);
  const pop = input.population ? await readPopulation(source(input.population), bag) : undefined;
  if (!t) {
    bag.throwIfErrors();
    throw new InputError(bag.items);
  }
  // A scenario: the tariff with named values replaced, validated as a tariff file is.
  let tariff = t.tariff;
  let scenario: ScenarioRecord | undefined;
  let patchInfo: InputFileInfo | undefined;
  if (input.scenario) {
    const p = input.scenario.patch;
    const patch = p ? hashedText(p.name, "scenario", typeof p.data === "string" ? new TextEncoder().encode(p.data) : p.data) : undefined;
    patchInfo = patch?.info;
    try {
      ({ tariff, record: scenario } = applyScenario(t.tariff, { set: input.scenario.set, ...(input.population ? { populationFile: tableName(source(input.population)) } : {}), ...(patch && p ? { patch: { file: p.name, text: patch.text, sha256: patch.info.sha256 } } : {}) }));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bag.absorb(e.diagnostics);
    }
  }
  const key = resolveKey(tariff, pop?.population, bag);
  if (key && pop && key.basis === "population") {
    bag.warning("POPULATION_FROM_FILE", { file: pop.population.file }, { file: pop.population.file, line: 1, column: 1 });
  }
  const through = input.through;
  if (through !== undefined && isoDateYear(through) !== tariff.year) bag.error("BAD_THROUGH", { text: through, year: tariff.year }, { file: "--through", line: 1, column: 1 });
  const consumption = source(input.consumption);
  // The fast reader has no cut-off: a forecast is read by the general reader.
  const fast = !bag.hasErrors && through === undefined && input.fast ? await input.fast(tariff) : undefined;
  let summary: ConsumptionSummary;
  let info: CsvInfo;
  if (fast?.ok) ({ summary, info } = fast);
  else {
    const acc = new ConsumptionAccumulator(tariff, bag, tableName(consumption), { through });
    info = await readConsumption(consumption, acc, bag, { onProgress: input.onProgress });
    summary = acc.summary;
  }
  if (!bag.hasErrors) checkConsumption(tariff, summary, bag, tableName(consumption));
  bag.throwIfErrors();
  if (!key) throw new InputError(bag.items);
  const result = resultFromSummary(tariff, key, summary, bag.warnings, { through });
  const inputs = [t.info, { ...csvInfoToInput("consumption", info), reader: fast?.ok ? "fast" : fast ? `general (${fast.reason})` : "general" }, ...(pop ? [csvInfoToInput("population", pop.info)] : []), ...(patchInfo ? [patchInfo] : [])];
  return { result, inputs, ...(scenario ? { scenario } : {}) };
}

/** What `checkKeyCsv` reads. */
export interface CheckKeyInput {
  tariff: TariffSource;
  /** joint costs: post; part; belopp */
  costs: CsvInput;
  population?: CsvInput;
  /** allowed deviation per party and item, in öre (default DEFAULT_TOLERANCE, 1 kr) */
  tolerance?: bigint;
}

/**
 * `vardavtal check-key` over bytes: joint costs against the decided key. Throws InputError with
 * every problem; the result's `exceeded` says whether a deviation is above the tolerance;
 * `warnings` are the tariff's and the inputs' (what the command line prints).
 */
export async function checkKeyCsv(input: CheckKeyInput): Promise<{ result: KeyCheckResult; inputs: InputFileInfo[]; warnings: Diagnostic[] }> {
  const bag = new DiagnosticBag();
  const t = loadTariffSource(input.tariff, bag);
  const pop = input.population ? await readPopulation(source(input.population), bag) : undefined;
  const costsSource = source(input.costs);
  const costs = await readCosts(costsSource, bag);
  const key = t ? resolveKey(t.tariff, pop?.population, bag) : undefined;
  const result = t && key ? checkKey(t.tariff, key, costs.rows, input.tolerance ?? DEFAULT_TOLERANCE, bag, tableName(costsSource)) : undefined;
  bag.throwIfErrors();
  if (!t || !result) throw new InputError(bag.items);
  const inputs = [t.info, csvInfoToInput("costs", costs.info), ...(pop ? [csvInfoToInput("population", pop.info)] : [])];
  return { result, inputs, warnings: [...t.tariff.warnings, ...bag.warnings] };
}

/** The part of a Blob (a browser File) that `blobSource` uses. */
export interface BlobLike {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
  /** the whole blob (a Blob has it; read only when the blob is empty, see blobSource) */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

/**
 * A Blob (a File picked in a browser, or Node's Blob) as a ByteSource, read slice by slice so
 * that memory does not grow with the file.
 */
export function blobSource(name: string, blob: BlobLike): ByteSource {
  return {
    name,
    open: (chunkSize) => ({
      size: blob.size,
      chunks: (async function* () {
        // a browser gives a picked file that was deleted since as empty: reading it whole says so (NotFoundError)
        if (blob.size === 0) await blob.arrayBuffer?.();
        for (let at = 0; at < blob.size; at += chunkSize) yield new Uint8Array(await blob.slice(at, Math.min(at + chunkSize, blob.size)).arrayBuffer());
      })(),
    }),
  };
}
