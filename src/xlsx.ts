/**
 * vardavtal/xlsx: the Excel workbooks the command line writes with `--xlsx`, as bytes. Only this
 * entry loads exceljs (an optional dependency: install it beside vardavtal to use this entry).
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
export { resultWorkbook } from "./io/xlsx-report.js";
export type { ReportOptions } from "./io/xlsx-report.js";
export { accontoWorkbook } from "./io/xlsx-acconto.js";
export type { AccontoWorkbookOptions } from "./io/xlsx-acconto.js";
export { settlementWorkbook } from "./io/xlsx-settlement.js";
export type { SettlementWorkbookOptions } from "./io/xlsx-settlement.js";
export { keyCheckWorkbook } from "./io/xlsx-keycheck.js";
export { proposalWorkbook } from "./io/xlsx-proposal.js";
export type { ProposalWorkbookOptions } from "./io/xlsx-proposal.js";
