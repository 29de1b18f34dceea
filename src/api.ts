/**
 * The embedder's entry points where the core's own signatures are too internal: a tariff taken as
 * `unknown` (a JSON import, a parsed object, JSON text) and validated at run time, the a-conto
 * plan from a tariff alone, the final settlement and next year's proposal over the JSON that
 * vardavtal wrote, and the result JSON's named type.
 */
import { compareResultTexts } from "./contracts/compare-files.js";
import type { Comparison } from "./core/analysis/compare.js";
import { calculate as coreCalculate, compileTariffInput, populationInput, type CalculateInput as CoreCalculateInput, type CalculationResult } from "./core/model/calculate.js";
import { accontoPlan, type AccontoPlan } from "./core/year/acconto.js";
import type { ScaledDecimal } from "./core/model/decimal.js";
import { DiagnosticBag, InputError, sortDiagnostics, type Diagnostic } from "./core/model/diagnostics.js";
import { resolveKey } from "./core/model/key.js";
import { parseLocaleNumber } from "./core/model/numbers.js";
import { proposeTariff, type BaseResult, type Proposal } from "./core/year/proposal.js";
import { readBaseResult, readResultJson } from "./contracts/result-input.js";
import { resultToJson as coreResultToJson, type ResultMeta } from "./contracts/result-json.js";
import { finalSettlement, type Payment, type Settlement, type UnitPriceMode } from "./core/year/settlement.js";
import { readPaidSources, type PaidSourceBytes } from "./read/paid-sources.js";
import { loadTariff, type CompiledTariff } from "./core/model/tariff.js";
import type { CsvInput } from "./read/runs.js";

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

/** A JSON input vardavtal wrote: its text or bytes, or the parsed object (e.g. from {@link resultToJson}). */
function jsonText(value: unknown, file: string, what: string, bag: DiagnosticBag): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch (e) {
    bag.error("RESULT_FILE", { what, reason: e instanceof Error ? e.message : String(e) }, { file, line: 1, column: 1 });
    return undefined;
  }
}

/** What {@link settle} takes: the year's result and what was paid (one or more sources, combined by summing). */
export interface SettleInput {
  /** the year's result (`vardavtal-result/1`): {@link resultToJson}'s object, or the JSON text or bytes `calculate --json` wrote */
  result: unknown;
  /** paid as planned: the year's a-conto plan (`vardavtal-acconto/1`), {@link accontoToJson}'s object or its JSON text */
  plan?: unknown;
  /** the payments actually made, as CSV (betalare;mottagare;belopp, optionally datum, avser and år); amounts in kronor with two decimals at most */
  payments?: CsvInput;
  /** an earlier settlement of the same year (`vardavtal-settlement/1`): what it found due counts as paid (a correction) */
  earlier?: unknown;
  /** how unit-price care counts: invoiced (paid = due; the default when no payments are given) or as the payments say */
  unitPrice?: UnitPriceMode;
  /** settle a forecast result as the forecast of the final settlement (a forecast is refused without it) */
  forecast?: boolean;
}

/** What {@link settle} returns. */
export interface SettleRun {
  /** the checked settlement (öre as bigint, parties by index into `settlement.parties`) */
  settlement: Settlement;
  /** the payments counted as paid, in the order read (also `settlement.payments`) */
  payments: Payment[];
  /** odd but allowed, e.g. PAYMENT_WITHOUT_FLOW, PAYMENTS_OTHER_YEAR (render with `renderDiagnostic`) */
  warnings: Diagnostic[];
}

/**
 * The settlement of a year (`vardavtal settle`): what was due by the year's result against what
 * was paid, per counterparty, per payer→payee and component and per party, and the final payments
 * under the result's netting. Pure: give it the JSON the year's calculation, a-conto plan and an
 * earlier settlement wrote (or the objects), and/or the payments as CSV text or bytes.
 *
 * @throws InputError with every problem: a result, plan or settlement that is not what vardavtal
 * wrote, a forecast without `forecast: true`, a source of another year, a payment between unknown
 * parties or dated outside the year and the year after, identical payment rows, no paid source.
 * @example
 * ```ts
 * import { acconto, accontoToJson, calculate, resultToJson, settle, settlementToJson } from "vardavtal";
 *
 * const result = resultToJson(await calculate({ tariff, consumption }));
 * const plan = accontoToJson(acconto({ tariff }));
 * const { settlement } = await settle({ result, plan });
 * settlementToJson(settlement).counterparties; // [{ a: "RJL", b: "RKL", due: "…", paid: "…", remaining: "…" }, …]
 * ```
 */
export async function settle(input: SettleInput): Promise<SettleRun> {
  const bag = new DiagnosticBag();
  const resultFile = "<result>";
  const what = "vardavtal-result/1";
  const resultText = jsonText(input.result, resultFile, what, bag);
  const result = resultText === undefined ? undefined : readResultJson(resultText, resultFile, bag);
  if (result?.forecastThrough !== undefined && !input.forecast) bag.error("SETTLE_FORECAST", { through: result.forecastThrough }, { file: resultFile, line: 1, column: 1 });
  if (input.plan === undefined && input.payments === undefined && input.earlier === undefined) {
    bag.error("USAGE", { message: "settle: give plan, payments or earlier (one or more)" }, { file: "<settle>", line: 1, column: 1 });
  }
  const sources: PaidSourceBytes[] = [];
  const encode = (name: string, value: unknown, format: string): void => {
    const text = jsonText(value, name, format, bag);
    if (text !== undefined) sources.push({ name, bytes: new TextEncoder().encode(text) });
  };
  if (input.plan !== undefined) encode("<plan>", input.plan, "vardavtal-acconto/1");
  if (input.earlier !== undefined) encode("<settlement>", input.earlier, "vardavtal-settlement/1");
  if (input.payments !== undefined) {
    const p = input.payments;
    if ("open" in p) {
      // a ByteSource: its bytes gathered (payments files are small)
      const opened = await p.open(1 << 20);
      const chunks: Uint8Array[] = [];
      for await (const c of opened.chunks) chunks.push(c);
      const bytes = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      sources.push({ name: p.name, bytes });
    } else sources.push({ name: p.name, bytes: typeof p.data === "string" ? new TextEncoder().encode(p.data) : p.data });
  }
  const read = result ? await readPaidSources(result, sources, bag) : undefined;
  bag.throwIfErrors();
  if (!result || !read) throw new InputError(bag.items);
  const settlement = finalSettlement(result, read.items, sources[0]?.name ?? "<paid>", { sources: read.sources, forecast: input.forecast === true, ...(input.unitPrice ? { unitPrice: input.unitPrice } : {}) });
  for (const c of settlement.counterparties) {
    if (c.withoutFlow && c.paid !== 0n) bag.warning("PAYMENT_WITHOUT_FLOW", { payer: result.parties[c.paid > 0n ? c.a : c.b] ?? "", payee: result.parties[c.paid > 0n ? c.b : c.a] ?? "", amount: { ore: c.paid < 0n ? -c.paid : c.paid } }, { file: sources[0]?.name ?? "", line: 1, column: 1 });
  }
  return { settlement, payments: read.items.map(({ payer, payee, amount }) => ({ payer, payee, amount })), warnings: sortDiagnostics(bag.warnings) };
}

/** What {@link compare} returns. */
export interface CompareRun {
  /** B against A: per party, component, flow, pair and area A, B and change = B − A (öre as bigint), and the effects */
  comparison: Comparison;
  /** EFFECTS_* when the change cannot be split into effects (the comparison is still complete) */
  warnings: Diagnostic[];
}

/**
 * Two results compared (`vardavtal compare`): two years, a scenario and its baseline, a forecast
 * and the final figures. Change = B − A per party, per party and component, per flow (a flow on
 * one side only counts 0 on the other) and per pair and area; the change of each party split into
 * effects (key, fixed share, references, prices and budgets, consumption) that add up exactly.
 * Σ change of the nets is 0, checked. Pure: give it the JSON `calculate --json` wrote, or
 * {@link resultToJson}'s objects.
 *
 * @throws InputError when either is not a valid `vardavtal-result/1`.
 * @example
 * ```ts
 * import { calculate, compare, comparisonToJson, resultToJson } from "vardavtal";
 * const a = resultToJson(await calculate({ tariff: tariff2024, consumption: rows2024 }));
 * const b = resultToJson(await calculate({ tariff: tariff2025, consumption: rows2025 }));
 * comparisonToJson(compare(a, b).comparison).net; // [{ party: "RJL", a: "…", b: "…", change: "…" }, …]
 * ```
 */
export function compare(a: unknown, b: unknown): CompareRun {
  const bag = new DiagnosticBag();
  const what = "vardavtal-result/1";
  const textA = jsonText(a, "<A>", what, bag);
  const textB = jsonText(b, "<B>", what, bag);
  const run = textA !== undefined && textB !== undefined ? compareResultTexts({ text: textA, file: "<A>" }, { text: textB, file: "<B>" }, bag) : undefined;
  bag.throwIfErrors();
  if (!run) throw new InputError(bag.items);
  return { comparison: run.comparison, warnings: sortDiagnostics(run.warnings) };
}

/** What {@link propose} takes. */
export interface ProposeInput {
  /** this year's tariff (year Y−1), as for {@link calculate} */
  tariff: unknown;
  /** results of earlier years (`vardavtal-result/1` with `pairs`): {@link resultToJson}'s objects or their JSON text */
  results: unknown[];
  /** the index per year in percent, e.g. `{ 2025: "3,1", 2026: "2.8" }`; every base year after the first and the proposal's year need one */
  index: Record<number, string | number>;
  /** next year's population per party id or alias, to replace the tariff's */
  population?: Record<string, number | bigint>;
  /** the unit the reference amounts are rounded to, öre (default 1n = 0,01 kr; 100_000n rounds to 1 000 kr) */
  roundTo?: bigint;
}

/** What {@link propose} returns: the proposal, and what `proposalWorkbook` needs beside it. */
export interface ProposeRun {
  /** `proposal.tariff` is the new tariff (`vardavtal-tariff/1`, status "proposal"), JSON-safe: write it with `JSON.stringify` */
  proposal: Proposal;
  /** the current tariff, compiled */
  tariff: CompiledTariff;
  /** the base results, in the order given */
  results: BaseResult[];
  /** the index per year, exact */
  index: Map<number, ScaledDecimal>;
  /** the tariff's warnings and the proposal's */
  warnings: Diagnostic[];
}

/** A percentage such as "2,9", "-0.5" or 3.1 as an exact decimal (trailing zeros dropped). */
function percent(value: string | number): ScaledDecimal | undefined {
  const parsed = parseLocaleNumber(String(value).replace(/\s*%\s*$/, "").replace("\u2212", "-"), 6);
  if (!parsed.ok) return undefined;
  let units = parsed.units;
  let scale = 6;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

/**
 * Next year's tariff (`vardavtal propose`): reference amounts from the base years' consumption,
 * each carried to next year by the index; point prices, budgets and fixed amounts by the year's
 * index; the population from `population` when given. The proposal is loaded again as a tariff
 * before it is returned, so it passes the same validation as any tariff.
 *
 * @throws InputError with every problem (a missing index, a base year not before the proposal, …)
 * @example
 * ```ts
 * import { propose } from "vardavtal";
 *
 * const { proposal } = propose({ tariff, results: [result2024, result2025], index: { 2025: "3,1", 2026: "2,8" } });
 * await fs.writeFile("2026-forslag.json", JSON.stringify(proposal.tariff, null, 2) + "\n");
 * ```
 */
export function propose(input: ProposeInput): ProposeRun {
  const tariff = compileTariffInput(input.tariff as CoreCalculateInput["tariff"]);
  const bag = new DiagnosticBag();
  const index = new Map<number, ScaledDecimal>();
  for (const [year, value] of Object.entries(input.index)) {
    const p = percent(value);
    if (!p || !/^\d{4}$/.test(year)) bag.error("BAD_INDEX", { text: `${year}=${value}` }, { file: "<index>", line: 1, column: 1 });
    else index.set(Number(year), p);
  }
  const results: BaseResult[] = [];
  input.results.forEach((r, k) => {
    const file = `<results[${k}]>`;
    const text = jsonText(r, file, "vardavtal-result/1", bag);
    const read = text === undefined ? undefined : readBaseResult(text, file, tariff.parties.map((p) => p.id), bag);
    if (read) results.push(read);
  });
  let population: { file: string; values: bigint[] } | undefined;
  if (input.population !== undefined) {
    const asPopulation = { ...tariff, key: { basis: "population" as const, date: tariff.key.date } };
    const key = resolveKey(asPopulation, populationInput(input.population), bag);
    if (key?.population) population = { file: "<population>", values: key.population };
  }
  bag.throwIfErrors();
  const proposal = proposeTariff({ tariff, results, index, population, roundTo: input.roundTo ?? 1n }, bag);
  bag.throwIfErrors();
  if (!proposal) throw new InputError(bag.items);
  // The proposal must be a valid tariff: a failure here is a bug, never bad input.
  try {
    loadTariff(JSON.stringify(proposal.tariff), "<proposal>");
  } catch (e) {
    throw new Error(`internal: the proposal does not pass the tariff validation: ${String(e)}`);
  }
  return { proposal, tariff, results, index, warnings: sortDiagnostics([...tariff.warnings, ...bag.warnings]) };
}
