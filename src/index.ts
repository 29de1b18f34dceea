/**
 * vardavtal: the money between the regions of a Swedish healthcare region under their yearly
 * agreement. This entry is pure (no file or network access, no `node:` import): it runs in Node,
 * in a browser and in a Web Worker. File adapters are in `vardavtal/node`, the Excel workbooks in
 * `vardavtal/xlsx`.
 *
 * @packageDocumentation
 */
export { calculate, resultToJson, acconto, settle, propose, compare } from "./api.js";
export type { CalculateInput, ResultJson, AccontoInput, SettleInput, SettleRun, ProposeInput, ProposeRun, CompareRun } from "./api.js";
export { comparisonToJson } from "./core/compare.js";
export type { Comparison } from "./core/compare.js";
export type { CalculationResult, Check, Component, Flow, PairDetail, Split, FixedAmounts, GrantAmounts, Forecast } from "./core/calculate.js";
export { InvariantError } from "./core/calculate.js";
export type { ConsumptionRow, ConsumptionSummary, AreaTotals, RowPosition } from "./core/consumption.js";
export type { DistributionKey, PopulationInput } from "./core/key.js";
export { loadTariff } from "./core/tariff.js";
export type { CompiledTariff, Party } from "./core/tariff.js";
export type { TariffFile, TariffInput, CareModel } from "./core/tariff-schema.js";
export type { Transfer } from "./core/transfers.js";
export { RESULT_FORMAT } from "./core/result-json.js";
export type { InputFileInfo, ResultMeta } from "./core/result-json.js";
export { InputError, renderDiagnostic } from "./core/diagnostics.js";
export type { Diagnostic, Location, Code, Lang } from "./core/diagnostics.js";
export { formatOre } from "./core/decimal.js";
export { accontoToJson } from "./core/acconto.js";
export type { AccontoPlan, AccontoLine, AccontoTransfer } from "./core/acconto.js";
export { keyCheckToJson } from "./core/keycheck.js";
export { settlementToJson } from "./core/settlement.js";
export type { Settlement, SettlementPair, SettlementParty, Payment } from "./core/settlement.js";
export type { Proposal, ReferenceDerivation, BaseResult } from "./core/proposal.js";
export type { Rational, ScaledDecimal } from "./core/decimal.js";
export type { KeyCheckResult, ItemCheck, PartyLine } from "./core/keycheck.js";
export { calculateCsv, checkKeyCsv as checkKey, bytesSource, blobSource } from "./io/runs.js";
export type { CsvInput, TariffSource, CalculateCsvInput, CsvRun, CheckKeyInput, BlobLike } from "./io/runs.js";
export type { ByteSource, OpenedBytes } from "./io/csv.js";
export type { Sha256Hasher } from "./io/sha256.js";
