/**
 * vardavtal/xlsx: the Excel workbooks the command line writes with `--xlsx`, as bytes. Only this
 * entry loads exceljs (an optional dependency: install it beside vardavtal to use this entry).
 * Every workbook is a view of a checked result: its formulas recompute the figures from the
 * cells, with the exact figure as the cached value, and no input text is part of a formula.
 *
 * @example
 * ```ts
 * import { calculate } from "vardavtal";
 * import { resultWorkbook } from "vardavtal/xlsx";
 * const { value } = await calculate({ tariff, consumption });
 * const bytes = await resultWorkbook(value, { lang: "sv", inputs: [], version: "1" }); // a Uint8Array
 * await fs.writeFile("rapport.xlsx", bytes);
 * ```
 *
 * Every workbook is returned as a `Uint8Array` (in Node a Buffer, which is one): the entry's types
 * need neither `@types/node` nor exceljs's, so a browser project compiles against it as it is.
 *
 * @packageDocumentation
 */
import type { AccontoPlan } from "./core/year/acconto.js";
import type { CalculationResult } from "./core/model/calculate.js";
import type { KeyCheckResult } from "./core/year/keycheck.js";
import type { BaseResult, Proposal } from "./core/year/proposal.js";
import type { Settlement } from "./core/year/settlement.js";
import type { Comparison } from "./core/analysis/compare.js";
import type { ScenarioRecord } from "./core/analysis/scenario-record.js";
import type { Lang } from "./core/model/codes.js";
import type { ScaledDecimal } from "./core/model/decimal.js";
import type { CompiledTariff, Decision } from "./core/model/tariff.js";
import type { InputFileInfo } from "./contracts/result-json.js";
import type { Overview } from "./core/year/overview.js";
import * as acconto from "./render/xlsx/acconto.js";
import * as compare from "./render/xlsx/compare.js";
import * as keycheck from "./render/xlsx/keycheck.js";
import * as proposal from "./render/xlsx/proposal.js";
import * as report from "./render/xlsx/report.js";
import * as settlement from "./render/xlsx/settlement.js";
import * as overview from "./render/xlsx/overview.js";
import { DiagnosticBag, InputError } from "./core/model/diagnostics.js";
import type { SheetSource } from "./read/sheet.js";
import { readSheet } from "./read/xlsx-sheet.js";

/**
 * What every workbook records on its parameter sheet: `lang` ("sv" or "en") for the sheet names,
 * headings and number formats; `inputs` the input files (name, size, SHA-256; `[]` for none);
 * `version` the tool's version; `runAt` the time of the run (ISO; default SOURCE_DATE_EPOCH when
 * set, else now), so that the same `runAt` gives byte-identical workbooks.
 */
export interface WorkbookOptions {
  /** "sv" or "en": sheet names, headings and number formats */
  lang: Lang;
  /** the input files (name, size, SHA-256); `[]` for none */
  inputs: InputFileInfo[];
  /** the tool's version */
  version: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now */
  runAt?: string;
}

/** The options of {@link resultWorkbook}: as {@link WorkbookOptions}, plus a banner and the scenario, when the result is one. */
export interface ReportOptions extends WorkbookOptions {
  /** more lines for the banner on every sheet, e.g. a scenario's "SCENARIO: …" and what was set */
  banner?: string[];
  /** the scenario the result was computed with: the explanations name it as the source of what it replaced */
  scenario?: ScenarioRecord;
}

/**
 * The year's result as the workbook `calculate --xlsx` writes ("Vårdavtal 2025"): summary,
 * settlement, care agreement per pair, solidarity and fixed-only splits, the key, consumption per
 * area, checks and parameters.
 *
 * @returns the .xlsx file's bytes
 * @example
 * ```ts
 * const bytes = await resultWorkbook(result, { lang: "sv", inputs, version: "0.1.0", runAt: "2026-01-15T08:00:00Z" });
 * ```
 */
export function resultWorkbook(result: CalculationResult, options: ReportOptions): Promise<Uint8Array> {
  return report.resultWorkbook(result, options);
}

/** The options of {@link accontoWorkbook}: as {@link WorkbookOptions}. */
export type AccontoWorkbookOptions = WorkbookOptions;

/**
 * The a-conto plan as the workbook `acconto --xlsx` writes: the annual amounts and their twelve
 * monthly parts per payer, payee and component, the monthly net positions and transfers.
 *
 * @example
 * ```ts
 * import { acconto } from "vardavtal";
 * const bytes = await accontoWorkbook((await acconto({ tariff })).value, { lang: "sv", inputs: [], version: "0.1.0" });
 * ```
 */
export function accontoWorkbook(plan: AccontoPlan, options: AccontoWorkbookOptions): Promise<Uint8Array> {
  return acconto.accontoWorkbook(plan, options);
}

/**
 * The options of {@link settlementWorkbook}: as {@link WorkbookOptions}, plus `resultFile` (the
 * result's name). The payments and their sources are the settlement's own.
 */
export interface SettlementWorkbookOptions extends WorkbookOptions {
  /** the result file's name */
  resultFile: string;
  /** the status of the tariff the result was calculated with (absent: decided); an illustrative or proposed one puts a banner on every sheet */
  tariffStatus?: "decided" | "proposal" | "illustrative";
  /** the decision of the tariff, as the result file names it (null or absent: none) */
  decision?: Decision | null;
}

/**
 * The settlement as the workbook `settle --xlsx` writes ("Slutreglering"): first per
 * counterparty, one block per region as its own ledger sees it, the parties and the final
 * payments under the netting; then per payer, payee and component; the payments.
 *
 * @example
 * ```ts
 * import { settle } from "vardavtal";
 * const { value } = await settle({ result, plan });
 * const bytes = await settlementWorkbook(value, { lang: "sv", inputs: [], version: "0.1.0", resultFile: "resultat-2025.json" });
 * ```
 */
export function settlementWorkbook(s: Settlement, options: SettlementWorkbookOptions): Promise<Uint8Array> {
  return settlement.settlementWorkbook(s, options);
}

/** The options of {@link keyCheckWorkbook}: as {@link WorkbookOptions}. */
export type KeyCheckWorkbookOptions = WorkbookOptions;

/**
 * The key check as the workbook `check-key --xlsx` writes: per party and item paid, expected and
 * deviation against the tolerance, the transfers that even it out, and the solidarity budgets.
 *
 * @example
 * ```ts
 * import { checkKey } from "vardavtal";
 * const { value, inputs } = await checkKey({ tariff: { name: "2025.json", data: tariffText }, costs: { name: "kostnader.csv", data: csvText } });
 * const bytes = await keyCheckWorkbook(value, { lang: "sv", inputs, version: "0.1.0" });
 * ```
 */
export function keyCheckWorkbook(result: KeyCheckResult, options: KeyCheckWorkbookOptions): Promise<Uint8Array> {
  return keycheck.keyCheckWorkbook(result, options);
}

/**
 * The options of {@link proposalWorkbook}: as {@link WorkbookOptions}, plus what the proposal was
 * made from (`propose` returns them): `tariff` (the current tariff, compiled), `results` (the base
 * results in the order given) and `index` (the index per year).
 */
export interface ProposalWorkbookOptions extends WorkbookOptions {
  /** the current tariff (year Y−1) the proposal was made from */
  tariff: CompiledTariff;
  /** the base results, in the order given (as in the proposal's references) */
  results: BaseResult[];
  /** the index per year, in percent, as given */
  index: Map<number, ScaledDecimal>;
}

/**
 * The proposal as the workbook `propose --xlsx` writes: how each reference amount was derived
 * from the base years (as formulas), the factors and the proposed prices.
 *
 * @example
 * ```ts
 * import { propose } from "vardavtal";
 * const run = await propose({ tariff, results: [result2024, result2025], index: { 2025: "3,1", 2026: "2,8" } });
 * const bytes = await proposalWorkbook(run.value, { lang: "sv", inputs: [], version: "0.1.0", tariff: run.tariff, results: run.results, index: run.index });
 * ```
 */
export function proposalWorkbook(p: Proposal, options: ProposalWorkbookOptions): Promise<Uint8Array> {
  return proposal.proposalWorkbook(p, options);
}

/**
 * The options of the comparison workbook: `lang`, `inputs` (the two result files), `version` and
 * `runAt` as for every workbook.
 */
export type ComparisonWorkbookOptions = WorkbookOptions;

/**
 * Two results side by side as the workbook `compare --xlsx` writes: per party net A, B and change
 * (formulas over both results' flows), per component, per flow, per pair and area, and the change
 * split into effects, largest change first.
 *
 * @example
 * ```ts
 * import { compare } from "vardavtal";
 * import { comparisonWorkbook } from "vardavtal/xlsx";
 * const bytes = await comparisonWorkbook((await compare(a, b)).value, { lang: "sv", inputs: [], version: "1" });
 * ```
 */
export function comparisonWorkbook(c: Comparison, options: ComparisonWorkbookOptions): Promise<Uint8Array> {
  return compare.comparisonWorkbook(c, options);
}

/** The options of {@link overviewWorkbook}: `lang`, `version` and `runAt` as for every workbook. */
export type OverviewWorkbookOptions = overview.OverviewWorkbookOptions;

/**
 * The year on one page as the workbook `overview --xlsx` writes ("Översikt", one A4 page in
 * landscape): per region the a-conto plan's net, each forecast's, the outcome's and what remains
 * to settle in Mkr with a bar drawn in cells, and the exact kronor on the sheet "Kronor".
 * The overview is what `vardavtal overview` computes from the year's files (the plan, the
 * forecasts, the result and the settlement).
 */
export function overviewWorkbook(o: Overview, options: OverviewWorkbookOptions): Promise<Uint8Array> {
  return overview.overviewWorkbook(o, options);
}

/**
 * A sheet of an Excel workbook as a table input of `vardavtal`'s readers (`calculateCsv`'s
 * consumption and population, `checkKeyCsv`'s costs, `settle`'s payments): the same columns and
 * checks as a CSV file, numbers read exactly (never through a float sum), dates from date cells or
 * serials, positions `FILE.xlsx#Blad!C12`.
 *
 * @param name the workbook's name as messages give it (e.g. its file name)
 * @param sheet the sheet's name; default: the first sheet
 * @throws InputError XLSX_UNREADABLE (not a workbook) or XLSX_SHEET_MISSING
 * @example
 * ```ts
 * import { settle } from "vardavtal";
 * import { readSheetSource } from "vardavtal/xlsx";
 * const payments = await readSheetSource("betalningar.xlsx", await fs.readFile("betalningar.xlsx"), "Bokförda");
 * const { value } = await settle({ result, plan, payments });
 * ```
 */
export async function readSheetSource(name: string, bytes: Uint8Array, sheet?: string): Promise<SheetSource> {
  const bag = new DiagnosticBag();
  const table = await readSheet(name, bytes, bag, sheet !== undefined ? { sheet } : {});
  bag.throwIfErrors();
  if (!table) throw new InputError(bag.items);
  return { table };
}
