/**
 * The embedder's entry points where the core's own signatures are too internal: a tariff taken as
 * `unknown` (a JSON import, a parsed object, JSON text) and validated at run time, the a-conto
 * plan from a tariff alone, and the result JSON's named type.
 */
import { calculate as coreCalculate, compileTariffInput, populationInput, type CalculateInput as CoreCalculateInput, type CalculationResult } from "./core/calculate.js";
import { accontoPlan, type AccontoPlan } from "./core/acconto.js";
import { DiagnosticBag, InputError } from "./core/diagnostics.js";
import { resolveKey } from "./core/key.js";
import { resultToJson as coreResultToJson, type ResultMeta } from "./core/result-json.js";

/** What {@link calculate} takes. */
export interface CalculateInput extends Omit<CoreCalculateInput, "tariff"> {
  /**
   * The tariff (`vardavtal-tariff/1`): its JSON text, a parsed or imported object
   * (`import tariff from "vardavtal/tariffs/2025.json" with { type: "json" }`), or a tariff
   * from `loadTariff`. Anything else is refused with InputError (TARIFF_SCHEMA…), the way
   * zod's `parse` refuses it.
   */
  tariff: unknown;
}

/**
 * The whole calculation of one year: validates the tariff, resolves the distribution key, reads
 * every consumption row, computes flows, net positions and settlement transfers, and checks the
 * model's invariants.
 *
 * @throws InputError with every problem found (all rows are read first), each with its position.
 * @throws InvariantError when the result breaks an invariant (a bug, never bad input).
 * @example
 * ```ts
 * import { calculate, resultToJson } from "vardavtal";
 * import tariff from "vardavtal/tariffs/2025.json" with { type: "json" };
 *
 * const result = await calculate({
 *   tariff,
 *   consumption: [{ date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" }],
 * });
 * console.log(resultToJson(result).net); // [{ party: "RJL", amount: "-…" }, …]
 * ```
 */
export function calculate(input: CalculateInput): Promise<CalculationResult> {
  return coreCalculate(input as CoreCalculateInput);
}

/** The JSON-safe result (`vardavtal-result/1`): money as exact decimal strings, no bigint. */
export type ResultJson = ReturnType<typeof coreResultToJson>;

/**
 * The result as `vardavtal-result/1`, the contract the command line writes with `--json`:
 * money as strings with two decimals, shares as decimal strings, no bigint, so `JSON.stringify`
 * writes it as it is.
 *
 * @param meta the tool, the input files and the time to record (all optional)
 * @example
 * ```ts
 * const json = resultToJson(await calculate({ tariff, consumption }));
 * json.transfers; // [{ payer: "RJL", payee: "RÖ", amount: "62343.75" }, …]
 * ```
 */
export function resultToJson(result: CalculationResult, meta: ResultMeta = {}): ResultJson {
  return coreResultToJson(result, meta);
}

/** What {@link acconto} takes. */
export interface AccontoInput {
  /** the tariff, as for {@link calculate} */
  tariff: unknown;
  /** overrides the tariff's population, per party id or alias */
  population?: Record<string, number | bigint>;
  /** include the preliminary variable a conto (default false) */
  variable?: boolean;
}

/**
 * The a-conto plan of a year (`vardavtal acconto`): per payer, payee and component the annual
 * amount and its twelve monthly parts, the monthly net positions and transfers. Write it with
 * {@link accontoToJson}.
 *
 * @throws InputError with every problem in the tariff or the population
 * @example
 * ```ts
 * const plan = acconto({ tariff });
 * accontoToJson(plan).lines[0]; // { payer: "RJL", payee: "RÖ", component: "fixed", annual: "…", months: […] }
 * ```
 */
export function acconto(input: AccontoInput): AccontoPlan {
  const tariff = compileTariffInput(input.tariff as CoreCalculateInput["tariff"]);
  const bag = new DiagnosticBag();
  const key = resolveKey(tariff, populationInput(input.population), bag);
  bag.throwIfErrors();
  if (!key) throw new InputError(bag.items);
  return accontoPlan(tariff, key, { variable: input.variable });
}
