/**
 * vardavtal: the money between the regions of a Swedish healthcare region under their yearly
 * agreement. This entry is pure (no file or network access, no `node:` import): it runs in Node,
 * in a browser and in a Web Worker. File adapters are in `vardavtal/node`, the Excel workbooks in
 * `vardavtal/xlsx`.
 *
 * Every call (`calculate`, `calculateCsv`, `checkKey`, `acconto`, `settle`, `propose`, `compare`,
 * `explain`, `overview`) is async and resolves to `{ value, warnings }` (an Outcome); bad input rejects with
 * `InputError` carrying every diagnostic, or, wrapped in `safe(…)`, gives `{ ok: false,
 * diagnostics }`. What one call returns, the next takes as it is.
 *
 * @packageDocumentation
 */
export { calculate, calculateCsv, checkKey, acconto, settle, propose, compare, explain, overview, safe, resultToJson } from "./api.js";
export type { Outcome, SafeOutcome, CsvOutcome, SettleOutcome, ProposeOutcome, ResultInput, PlanInput, WrittenJson, CalculateInput, ResultJson, AccontoInput, SettleInput, ProposeInput, ExplainInput, OverviewInput } from "./api.js";
export type { Overview, OverviewCheck } from "./core/year/overview.js";
export type { Explanation, ExplainLine } from "./core/analysis/explain.js";
export type { ExplanationText, ExplainLineText } from "./text/explain.js";
export type { Comparison } from "./core/analysis/compare.js";
export type { CalculationResult, Check, Component, Flow, PairDetail, Split, FixedAmounts, GrantAmounts, Forecast } from "./core/model/calculate.js";
export { InvariantError } from "./core/model/calculate.js";
export type { ConsumptionRow, ConsumptionSummary, AreaTotals, RowPosition } from "./core/model/consumption.js";
export type { DistributionKey, PopulationInput } from "./core/model/key.js";
export { loadTariff } from "./core/model/tariff.js";
export type { CompiledTariff, Party } from "./core/model/tariff.js";
export type { TariffFile, TariffInput, CareModel } from "./core/model/tariff-schema.js";
export type { Transfer } from "./core/model/transfers.js";
export { RESULT_FORMAT } from "./contracts/result-json.js";
export type { InputFileInfo, ResultMeta } from "./contracts/result-json.js";
export { InputError } from "./core/model/diagnostics.js";
export type { Diagnostic, Location, Code, Lang } from "./core/model/diagnostics.js";
export { formatOre } from "./core/model/decimal.js";
export type { AccontoPlan, AccontoLine, AccontoTransfer } from "./core/year/acconto.js";
export type { Settlement, SettlementPair, SettlementParty, Payment } from "./core/year/settlement.js";
export type { SheetSource, SheetTable, SheetRow, SheetValue } from "./read/sheet.js";
export type { Proposal, ReferenceDerivation, BaseResult } from "./core/year/proposal.js";
export type { Rational, ScaledDecimal } from "./core/model/decimal.js";
export type { KeyCheckResult, ItemCheck, PartyLine } from "./core/year/keycheck.js";
export { bytesSource, blobSource } from "./read/runs.js";
export type { CsvInput, TariffSource, CalculateCsvInput, CsvRun, CheckKeyInput, BlobLike } from "./read/runs.js";
export type { ByteSource, OpenedBytes } from "./read/csv.js";
export type { Sha256Hasher } from "./read/sha256.js";
export { comparisonToJson } from "./contracts/comparison.js";
export { accontoToJson } from "./contracts/acconto.js";
export { keyCheckToJson } from "./contracts/keycheck.js";
export { settlementToJson } from "./contracts/settlement.js";
export { explanationToJson } from "./contracts/explanation.js";
export { overviewToJson } from "./contracts/overview.js";
export { renderDiagnostic } from "./text/diagnostics.js";
