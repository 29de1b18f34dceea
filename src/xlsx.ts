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
 * const bytes = await resultWorkbook(await calculate({ tariff, consumption }), { lang: "sv", inputs: [], version: "1" });
 * await fs.writeFile("rapport.xlsx", bytes);
 * ```
 *
 * @packageDocumentation
 */
import type { AccontoPlan } from "./core/year/acconto.js";
import type { CalculationResult } from "./core/model/calculate.js";
import type { KeyCheckResult } from "./core/year/keycheck.js";
import type { Proposal } from "./core/year/proposal.js";
import type { Settlement } from "./core/year/settlement.js";
import type { Comparison } from "./core/analysis/compare.js";
import type { Overview } from "./core/year/overview.js";
import * as acconto from "./render/xlsx/acconto.js";
import * as compare from "./render/xlsx/compare.js";
import * as keycheck from "./render/xlsx/keycheck.js";
import * as proposal from "./render/xlsx/proposal.js";
import * as report from "./render/xlsx/report.js";
import * as settlement from "./render/xlsx/settlement.js";
import * as overview from "./render/xlsx/overview.js";

/**
 * What every workbook records on its parameter sheet: `lang` ("sv" or "en") for the sheet names,
 * headings and number formats; `inputs` the input files (name, size, SHA-256; `[]` for none);
 * `version` the tool's version; `runAt` the time of the run (ISO; default SOURCE_DATE_EPOCH when
 * set, else now), so that the same `runAt` gives byte-identical workbooks.
 */
export type ReportOptions = report.ReportOptions;

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
export function resultWorkbook(result: CalculationResult, options: ReportOptions): Promise<Buffer> {
  return report.resultWorkbook(result, options);
}

/** The options of {@link accontoWorkbook}: as {@link ReportOptions}. */
export type AccontoWorkbookOptions = acconto.AccontoWorkbookOptions;

/**
 * The a-conto plan as the workbook `acconto --xlsx` writes: the annual amounts and their twelve
 * monthly parts per payer, payee and component, the monthly net positions and transfers.
 *
 * @example
 * ```ts
 * import { acconto } from "vardavtal";
 * const bytes = await accontoWorkbook(acconto({ tariff }), { lang: "sv", inputs: [], version: "0.1.0" });
 * ```
 */
export function accontoWorkbook(plan: AccontoPlan, options: AccontoWorkbookOptions): Promise<Buffer> {
  return acconto.accontoWorkbook(plan, options);
}

/** A payment as the settlement workbook lists it: a {@link Payment} (öre) with a note saying where it came from. */
export type ListedPayment = settlement.ListedPayment;

/**
 * The options of {@link settlementWorkbook}: as {@link ReportOptions}, plus `payments` (the
 * payments counted as paid, listed with a check that each pair's paid recomputes from them; from
 * `settle`'s `payments`), `paidFrom` (an a-conto plan or a payments file, and its name) and
 * `resultFile` (the result's name).
 */
export type SettlementWorkbookOptions = settlement.SettlementWorkbookOptions;

/**
 * The final settlement as the workbook `settle --xlsx` writes ("Slutreglering"): per party net,
 * paid net, remaining and the final payments; per pair due, paid and difference; the payments.
 *
 * @example
 * ```ts
 * import { settle } from "vardavtal";
 * const { settlement, payments } = await settle({ result, plan });
 * const bytes = await settlementWorkbook(settlement, { lang: "sv", inputs: [], version: "0.1.0", payments, paidFrom: { kind: "plan", file: "acconto-2025.json" }, resultFile: "resultat-2025.json" });
 * ```
 */
export function settlementWorkbook(s: Settlement, options: SettlementWorkbookOptions): Promise<Buffer> {
  return settlement.settlementWorkbook(s, options);
}

/** The options of {@link keyCheckWorkbook}: as {@link ReportOptions}. */
export type KeyCheckWorkbookOptions = Parameters<typeof keycheck.keyCheckWorkbook>[1];

/**
 * The key check as the workbook `check-key --xlsx` writes: per party and item paid, expected and
 * deviation against the tolerance, the transfers that even it out, and the solidarity budgets.
 *
 * @example
 * ```ts
 * import { checkKey } from "vardavtal";
 * const { result, inputs } = await checkKey({ tariff: { name: "2025.json", data: tariffText }, costs: { name: "kostnader.csv", data: csvText } });
 * const bytes = await keyCheckWorkbook(result, { lang: "sv", inputs, version: "0.1.0" });
 * ```
 */
export function keyCheckWorkbook(result: KeyCheckResult, options: KeyCheckWorkbookOptions): Promise<Buffer> {
  return keycheck.keyCheckWorkbook(result, options);
}

/**
 * The options of {@link proposalWorkbook}: as {@link ReportOptions}, plus what the proposal was
 * made from (`propose` returns them): `tariff` (the current tariff, compiled), `results` (the base
 * results in the order given) and `index` (the index per year).
 */
export type ProposalWorkbookOptions = proposal.ProposalWorkbookOptions;

/**
 * The proposal as the workbook `propose --xlsx` writes: how each reference amount was derived
 * from the base years (as formulas), the factors and the proposed prices.
 *
 * @example
 * ```ts
 * import { propose } from "vardavtal";
 * const run = propose({ tariff, results: [result2024, result2025], index: { 2025: "3,1", 2026: "2,8" } });
 * const bytes = await proposalWorkbook(run.proposal, { lang: "sv", inputs: [], version: "0.1.0", tariff: run.tariff, results: run.results, index: run.index });
 * ```
 */
export function proposalWorkbook(p: Proposal, options: ProposalWorkbookOptions): Promise<Buffer> {
  return proposal.proposalWorkbook(p, options);
}

/**
 * The options of the comparison workbook: `lang`, `inputs` (the two result files), `version` and
 * `runAt` as for every workbook.
 */
export type ComparisonWorkbookOptions = compare.ComparisonWorkbookOptions;

/**
 * Two results side by side as the workbook `compare --xlsx` writes: per party net A, B and change
 * (formulas over both results' flows), per component, per flow, per pair and area, and the change
 * split into effects, largest change first.
 *
 * @example
 * ```ts
 * import { compare } from "vardavtal";
 * import { comparisonWorkbook } from "vardavtal/xlsx";
 * const bytes = await comparisonWorkbook(compare(a, b).comparison, { lang: "sv", inputs: [], version: "1" });
 * ```
 */
export function comparisonWorkbook(c: Comparison, options: ComparisonWorkbookOptions): Promise<Buffer> {
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
export function overviewWorkbook(o: Overview, options: OverviewWorkbookOptions): Promise<Buffer> {
  return overview.overviewWorkbook(o, options);
}
