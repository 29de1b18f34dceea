/**
 * vardavtal: the pure core. Parsed data in, a checked result model out; no file or network access.
 * File adapters are in `vardavtal/node`.
 */
export { calculate, settle, checkInvariants, InvariantError, COMPONENTS, MODELS } from "./core/calculate.js";
export type { CalculateInput, CalculationResult, Check, Component, Flow, PairDetail, Split, FixedAmounts } from "./core/calculate.js";
export { ConsumptionAccumulator, CONSUMPTION_FIELDS, modelFor } from "./core/consumption.js";
export type { ConsumptionRow, ConsumptionSummary, RowPosition, AreaTotals } from "./core/consumption.js";
export { allocate, allocateAmounts } from "./core/allocate.js";
export type { AllocationPart } from "./core/allocate.js";
export { resolveKey, populationKeyOf } from "./core/key.js";
export type { DistributionKey, PopulationInput } from "./core/key.js";
export { loadTariff, areaKey } from "./core/tariff.js";
export type { CompiledTariff, Party } from "./core/tariff.js";
export { tariffSchema, tariffJsonSchema, TARIFF_FORMAT } from "./core/tariff-schema.js";
export type { TariffFile, TariffInput, CareModel } from "./core/tariff-schema.js";
export { settlementTransfers } from "./core/transfers.js";
export type { Transfer } from "./core/transfers.js";
export { resultToJson, RESULT_FORMAT } from "./core/result-json.js";
export type { InputFileInfo, ResultMeta } from "./core/result-json.js";
export { DiagnosticBag, InputError, renderDiagnostic, messageText } from "./core/diagnostics.js";
export type { Diagnostic, Location } from "./core/diagnostics.js";
export { MESSAGES, CODES } from "./core/messages.js";
export type { Code, Lang } from "./core/messages.js";
export { formatOre, parseMoney, roundHalfAwayFromZero } from "./core/decimal.js";
export { parseLocaleNumber } from "./core/numbers.js";
