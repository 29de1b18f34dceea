/**
 * Flows, net positions and settlement (model.md, steps 3–4), and the run-time invariants.
 * `resultFromSummary` turns summed consumption into the checked result model; `calculate` is the
 * whole pipeline for embedders: tariff + rows (+ population) in, result out.
 */
import { phrase, type Phrase } from "./phrases.js";
import { isoDateYear } from "./numbers.js";
import { allocate, type AllocationPart } from "./allocate.js";
import { VALUE_UNITS_PER_ORE, formatOre, rational, roundHalfAwayFromZero, type Rational } from "./decimal.js";
import { DiagnosticBag, InputError, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { MAX_RESULT_ORE } from "./limits.js";
import { ConsumptionAccumulator, checkConsumption, type ConsumptionRow, type ConsumptionSummary } from "./consumption.js";
import { resolveKey, type DistributionKey, type PopulationInput } from "./key.js";
import { loadTariff, type CompiledTariff, type Party } from "./tariff.js";
import type { CareModel, TariffInput } from "./tariff-schema.js";
import { balancesAfter, maxTransfers, nettedTransfers, type NettingKind, type Transfer } from "./transfers.js";

export const COMPONENTS = ["fixed", "variable", "unit_price", "fixed_only", "solidarity", "grant"] as const;
/**
 * What a flow pays for: `fixed` (the fixed share of a pair's reference amount), `variable` (the
 * variable share of the consumption value), `unit_price` (points × point price), `fixed_only`
 * (an area financed by fixed amounts only), `solidarity` (a jointly financed unit), `grant`
 * (a state grant passed on).
 */
export type Component = (typeof COMPONENTS)[number];
export const MODELS: readonly CareModel[] = ["fixed_variable", "unit_price", "excluded", "fixed_only"];

/**
 * One payment of the year's result: `payer` pays `payee` `amount` öre for `component`. Parties
 * are indexes into {@link CalculationResult.parties}; `resultToJson` writes them as ids and the
 * amount as a decimal string.
 *
 * @example
 * ```ts
 * const flow = result.flows[0];
 * `${result.parties[flow.payer].id} → ${result.parties[flow.payee].id}: ${formatOre(flow.amount)} kr`;
 * // "RJL → RÖ: 62343.75 kr"
 * ```
 */
export interface Flow {
  /** party index */
  payer: number;
  /** party index */
  payee: number;
  component: Component;
  /** the solidarity unit, fixed-only area or grant the flow belongs to; null for care flows */
  label: string | null;
  /** öre; negative when credits exceed charges (never turned around) */
  amount: bigint;
}

/** One seller→buyer pair of the care agreement, with every figure behind its flows. */
export interface PairDetail {
  seller: number;
  buyer: number;
  /** öre, when the tariff has a reference amount for the pair */
  reference?: bigint;
  /** round(fixedShare × reference), öre */
  fixed: bigint;
  /** consumption value per model, 10⁻⁸ SEK */
  value: Record<CareModel, bigint>;
  rows: Record<CareModel, number>;
  /** round((1 − fixedShare) × value.fixed_variable), öre */
  variable: bigint;
  /** round(value.unit_price), öre */
  unitPrice: bigint;
  /** fixed + variable + unit price, öre */
  total: bigint;
}

/**
 * One split of an amount by the key: a solidarity unit or a fixed-only total (every party but the
 * host pays its part to the host), or a state grant (the recipient, `host` here, pays every other
 * party its part).
 */
export interface Split {
  kind: "solidarity" | "fixed_only" | "grant";
  label: string;
  host: number;
  total: bigint;
  parts: AllocationPart[];
  source?: string;
}

/** A state grant passed on by decided amounts per party; what is not passed on stays with the recipient. */
export interface GrantAmounts {
  label: string;
  recipient: number;
  /** the grant, öre */
  total: bigint;
  amounts: (bigint | undefined)[];
  /** total − Σ amounts of the other parties: what stays with the recipient, öre */
  retained: bigint;
  source?: string;
}

/** A fixed-only entry with amounts per buyer. */
export interface FixedAmounts {
  label: string;
  host: number;
  amounts: (bigint | undefined)[];
  source?: string;
}

/**
 * One invariant of the model checked on every result (Σ net = 0, the transfers settle, the flows
 * match the component totals, …). A result is only returned when every check holds; otherwise
 * {@link InvariantError} is thrown with the failed ones.
 */
export interface Check {
  id: "allocation_sums" | "allocation_bounds" | "shares_sum_to_one" | "net_sums_to_zero" | "transfers_settle" | "transfers_count" | "flows_match_components" | "value_by_model";
  holds: boolean;
  /** the figures that show it, as text (exact) */
  figures: Record<string, string>;
}

/** A forecast (model.md, "Forecast"): consumption through `through`, scaled to the whole year. */
export interface Forecast {
  /** ISO cut-off date in the tariff's year */
  through: string;
  /** days_in_year / days_through_D, exact (reduced) */
  factor: Rational;
  daysInYear: number;
  daysThrough: number;
}

/** The days of a year, and the days from 1 January to `date` (both counted). */
export function forecastFactor(year: number, through: string): Forecast {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInYear = leap ? 366 : 365;
  const [y, m, d] = through.split("-").map(Number) as [number, number, number];
  const daysThrough = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return { through, factor: rational(BigInt(daysInYear), BigInt(daysThrough)), daysInYear, daysThrough };
}

/**
 * The checked result of one year, as `calculate` returns it. Every amount is öre as a `bigint`
 * (exact; 100 öre = 1 kr); parties are referred to by their index in `parties`. It holds bigints
 * and Maps, so write it with `resultToJson` (the `vardavtal-result/1` contract) rather than
 * `JSON.stringify`.
 *
 * @example
 * ```ts
 * const { value: result } = await calculate({ tariff, consumption });
 * for (const t of result.transfers) {
 *   console.log(result.parties[t.payer].id, "→", result.parties[t.payee].id, formatOre(t.amount));
 * }
 * ```
 */
export interface CalculationResult {
  year: number;
  title: string;
  /** where the tariff's figures come from (a decision, a protocol), as the tariff says */
  source?: string;
  /** the parties (regions) in the tariff's order; every index in the result points here */
  parties: Party[];
  tariff: CompiledTariff;
  /** the distribution key used for solidarity, fixed-only areas and grants */
  key: DistributionKey;
  /** the fixed share of the reference amounts (e.g. 65/100), exact */
  fixedShare: Rational;
  consumption: ConsumptionSummary;
  /** each seller→buyer pair of the care agreement with every figure behind its flows */
  pairs: PairDetail[];
  splits: Split[];
  fixedAmounts: FixedAmounts[];
  grantAmounts: GrantAmounts[];
  /** every payment of the year, sorted */
  flows: Flow[];
  /** Σ flows per component, öre */
  componentTotals: Record<Component, bigint>;
  /** per party index, öre: received − paid */
  net: bigint[];
  /** how the payments are netted (the tariff's `netting`): one per pair of parties, or the fewest through one another */
  netting: NettingKind;
  /**
   * the payments that settle every net position under the netting: bilateral (the default), one
   * per pair of parties {A, B}, Σ flows A→B − Σ flows B→A, in party order; multilateral, the
   * fewest (at most parties − 1)
   */
  transfers: Transfer[];
  /** consumption rows not counted: another year, within a party's own region, after a forecast's cut-off */
  skipped: { otherYear: number; ownRegion: number; afterThrough: number };
  /** present for a forecast: every consumption sum was scaled by its factor before step 3 */
  forecast?: Forecast;
  /** what is odd but allowed in the inputs (render with `renderDiagnostic`) */
  warnings: Diagnostic[];
  /** the invariants checked (all hold) */
  checks: Check[];
}

/** A result broke an invariant of model.md. It is a bug, never bad input; nothing is written. */
export class InvariantError extends Error {
  constructor(readonly failed: Check[]) {
    super(`invariant broken: ${failed.map((c) => `${c.id} ${JSON.stringify(c.figures)}`).join("; ")}`);
    this.name = "InvariantError";
  }
}

function emptyByModel<T>(v: T): Record<CareModel, T> {
  return { fixed_variable: v, unit_price: v, excluded: v, fixed_only: v };
}

/** Flows in the order of every report: payer, payee, component, label. */
export function sortFlows<F extends { payer: number; payee: number; component: Component; label: string | null }>(flows: F[]): F[] {
  const componentOrder = (c: Component): number => COMPONENTS.indexOf(c);
  return flows.sort((x, y) => x.payer - y.payer || x.payee - y.payee || componentOrder(x.component) - componentOrder(y.component) || (x.label ?? "").localeCompare(y.label ?? "", "sv"));
}

/**
 * The flows that do not depend on consumption (step 3): fixed-only entries (amounts per buyer,
 * or a total split by the key) and solidarity units split by the key, each party but the host
 * paying its part to the host. Zero parts and a host's own part make no flow.
 */
export function annualFlows(tariff: CompiledTariff, key: DistributionKey): { splits: Split[]; fixedAmounts: FixedAmounts[]; grantAmounts: GrantAmounts[]; flows: Flow[] } {
  const splits: Split[] = [];
  const fixedAmounts: FixedAmounts[] = [];
  const grantAmounts: GrantAmounts[] = [];
  const flows: Flow[] = [];
  const push = (payer: number, payee: number, component: Component, label: string, amount: bigint): void => {
    if (amount !== 0n && payer !== payee) flows.push({ payer, payee, component, label, amount });
  };
  for (const f of tariff.fixedOnly) {
    if (f.total !== undefined) {
      const parts = allocate(f.total, key.weights);
      splits.push({ kind: "fixed_only", label: f.area, host: f.host, total: f.total, parts, source: f.source });
      parts.forEach((part, i) => push(i, f.host, "fixed_only", f.area, part.amount));
    } else if (f.amounts) {
      fixedAmounts.push({ label: f.area, host: f.host, amounts: f.amounts, source: f.source });
      f.amounts.forEach((amount, i) => push(i, f.host, "fixed_only", f.area, amount ?? 0n));
    }
  }
  for (const u of tariff.solidarity) {
    const parts = allocate(u.amount, key.weights);
    splits.push({ kind: "solidarity", label: u.unit, host: u.host, total: u.amount, parts, source: u.source });
    parts.forEach((part, i) => push(i, u.host, "solidarity", u.unit, part.amount));
  }
  // State grants: the recipient passes the state's money on, by the key or by decided amounts.
  for (const g of tariff.grants) {
    if (g.amounts) {
      const passedOn = g.amounts.reduce<bigint>((a, x, i) => a + (i === g.recipient ? 0n : (x ?? 0n)), 0n);
      grantAmounts.push({ label: g.name, recipient: g.recipient, total: g.amount, amounts: g.amounts, retained: g.amount - passedOn, source: g.source });
      g.amounts.forEach((amount, i) => push(g.recipient, i, "grant", g.name, amount ?? 0n));
    } else {
      const parts = allocate(g.amount, key.weights);
      splits.push({ kind: "grant", label: g.name, host: g.recipient, total: g.amount, parts, source: g.source });
      parts.forEach((part, i) => push(g.recipient, i, "grant", g.name, part.amount));
    }
  }
  return { splits, fixedAmounts, grantAmounts, flows };
}

/** Steps 3–4 on summed consumption; checks every invariant and throws InvariantError if one breaks. */
export function resultFromSummary(tariff: CompiledTariff, key: DistributionKey, consumption: ConsumptionSummary, warnings: Diagnostic[] = [], options: { through?: string } = {}): CalculationResult {
  const n = tariff.parties.length;
  const fs = tariff.fixedShare;
  const forecast = options.through !== undefined ? forecastFactor(tariff.year, options.through) : undefined;
  // The consumption factor: 1, or days_in_year / days_through for a forecast (applied exactly before rounding).
  const cf = forecast?.factor ?? rational(1n, 1n);
  const warn = new DiagnosticBag();

  // Per pair: reference, consumption per model.
  const pairs: PairDetail[] = [];
  const pairAt = new Map<number, PairDetail>();
  const pair = (s: number, b: number): PairDetail => {
    let p = pairAt.get(s * n + b);
    if (!p) {
      p = { seller: s, buyer: b, fixed: 0n, value: emptyByModel(0n), rows: emptyByModel(0), variable: 0n, unitPrice: 0n, total: 0n };
      pairAt.set(s * n + b, p);
    }
    return p;
  };
  for (const r of tariff.references) pair(r.seller, r.buyer).reference = r.amount;
  for (const a of consumption.areas) {
    for (const [cell, c] of a.cells) {
      const s = Math.floor(cell / n);
      const b = cell % n;
      if (c.rows === 0 || s === b) continue;
      const model = a.models[s] as CareModel;
      const p = pair(s, b);
      p.value[model] += c.value;
      p.rows[model] += c.rows;
    }
  }

  const flows: Flow[] = [];
  const push = (payer: number, payee: number, component: Component, label: string | null, amount: bigint): void => {
    if (amount !== 0n && payer !== payee) flows.push({ payer, payee, component, label, amount });
  };
  for (const p of [...pairAt.values()].sort((x, y) => x.seller - y.seller || x.buyer - y.buyer)) {
    if (p.reference !== undefined) p.fixed = roundHalfAwayFromZero(fs.num * p.reference, fs.den);
    p.variable = roundHalfAwayFromZero((fs.den - fs.num) * p.value.fixed_variable * cf.num, fs.den * VALUE_UNITS_PER_ORE * cf.den);
    p.unitPrice = roundHalfAwayFromZero(p.value.unit_price * cf.num, VALUE_UNITS_PER_ORE * cf.den);
    p.total = p.fixed + p.variable + p.unitPrice;
    if (p.reference === undefined && p.rows.fixed_variable > 0) {
      warn.warning("NO_REFERENCE", {
        seller: tariff.parties[p.seller]?.id ?? "",
        buyer: tariff.parties[p.buyer]?.id ?? "",
        value: { ore: roundHalfAwayFromZero(p.value.fixed_variable, VALUE_UNITS_PER_ORE) },
      }, { file: tariff.fileName });
    }
    push(p.buyer, p.seller, "fixed", null, p.fixed);
    push(p.buyer, p.seller, "variable", null, p.variable);
    push(p.buyer, p.seller, "unit_price", null, p.unitPrice);
    pairs.push(p);
  }

  const annual = annualFlows(tariff, key);
  const { splits, fixedAmounts, grantAmounts } = annual;
  flows.push(...annual.flows);
  sortFlows(flows);

  const net = tariff.parties.map(() => 0n);
  const componentTotals: Record<Component, bigint> = { fixed: 0n, variable: 0n, unit_price: 0n, fixed_only: 0n, solidarity: 0n, grant: 0n };
  for (const f of flows) {
    net[f.payee] = (net[f.payee] as bigint) + f.amount;
    net[f.payer] = (net[f.payer] as bigint) - f.amount;
    componentTotals[f.component] += f.amount;
  }
  const transfers = nettedTransfers(tariff.netting, n, flows, net);

  const result: CalculationResult = {
    year: tariff.year,
    title: tariff.title,
    source: tariff.source,
    parties: tariff.parties,
    tariff,
    key,
    fixedShare: fs,
    consumption,
    pairs,
    splits,
    fixedAmounts,
    grantAmounts,
    flows,
    componentTotals,
    net,
    netting: tariff.netting,
    transfers,
    skipped: { ...consumption.skipped },
    ...(forecast ? { forecast } : {}),
    warnings: sortDiagnostics([...tariff.warnings, ...warnings, ...warn.items]),
    checks: [],
  };
  const tooLarge = magnitudeErrors(result);
  if (tooLarge.length > 0) throw new InputError(tooLarge);
  result.checks = checkInvariants(result);
  const failed = result.checks.filter((c) => !c.holds);
  if (failed.length > 0) throw new InvariantError(failed);
  return result;
}

/**
 * Figures beyond MAX_RESULT_ORE (10¹³ kr) are refused as input errors: no real agreement comes
 * near, and a spreadsheet cell could no longer hold them to the öre.
 */
function magnitudeErrors(r: CalculationResult): Diagnostic[] {
  const bag = new DiagnosticBag();
  const id = (i: number): string => r.parties[i]?.id ?? String(i);
  const check = (what: string | Phrase, ore: bigint): void => {
    if (ore > MAX_RESULT_ORE || ore < -MAX_RESULT_ORE) bag.error("TOTAL_TOO_LARGE", { what, amount: { ore }, max: { ore: MAX_RESULT_ORE } }, { file: r.tariff.fileName, line: 1, column: 1 });
  };
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  for (const p of r.pairs) check(phrase("seller_buyer", { seller: id(p.seller), buyer: id(p.buyer) }), p.total + roundHalfAwayFromZero(p.value.excluded + p.value.fixed_only, VALUE_UNITS_PER_ORE));
  for (const c of COMPONENTS) check(phrase(`component_${c}`), r.componentTotals[c]);
  r.net.forEach((v, i) => check(id(i), v));
  // Every sum a report shows is bounded by one of these: all flows, all references, all consumption.
  check(phrase("sum_of_flows"), r.flows.reduce((a, f) => a + abs(f.amount), 0n));
  check(phrase("sum_of_references"), r.pairs.reduce((a, p) => a + abs(p.reference ?? 0n), 0n));
  let consumption = 0n;
  for (const p of r.pairs) for (const m of MODELS) consumption += abs(p.value[m]);
  check(phrase("sum_of_consumption"), roundHalfAwayFromZero(consumption, VALUE_UNITS_PER_ORE));
  return bag.items;
}

/** Every invariant of model.md, recomputed on the finished result. */
export function checkInvariants(r: CalculationResult): Check[] {
  const checks: Check[] = [];
  const n = r.parties.length;
  const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

  // The key's shares sum to exactly 1.
  const totalWeight = sum(r.key.weights);
  checks.push({ id: "shares_sum_to_one", holds: totalWeight === r.key.totalWeight && totalWeight > 0n, figures: { weights: totalWeight.toString(), denominator: r.key.totalWeight.toString() } });

  // Every split: parts sum to the total; each part is the floor or ceiling of its exact share.
  for (const s of r.splits) {
    const parts = sum(s.parts.map((p) => p.amount));
    checks.push({ id: "allocation_sums", holds: parts === s.total, figures: { split: s.label, total: formatOre(s.total), parts: formatOre(parts) } });
    const bounded = s.parts.every((p) => {
      const lo = p.exact.num >= 0n ? p.exact.num / p.exact.den : -((-p.exact.num + p.exact.den - 1n) / p.exact.den);
      const exactInt = p.exact.num % p.exact.den === 0n;
      return p.amount === lo || (!exactInt && p.amount === lo + 1n);
    });
    checks.push({ id: "allocation_bounds", holds: bounded, figures: { split: s.label } });
  }

  // Flows add up to the component totals; the pair figures give the care flows.
  const byComponent: Record<string, bigint> = {};
  for (const f of r.flows) byComponent[f.component] = (byComponent[f.component] ?? 0n) + f.amount;
  const pairTotal = sum(r.pairs.map((p) => p.total));
  const careFlows = (byComponent.fixed ?? 0n) + (byComponent.variable ?? 0n) + (byComponent.unit_price ?? 0n);
  checks.push({ id: "flows_match_components", holds: pairTotal === careFlows, figures: { pairs: formatOre(pairTotal), flows: formatOre(careFlows) } });

  // Every counted row sits in exactly one model: area sums = model sums.
  let areaValue = 0n;
  for (const a of r.consumption.areas) for (const [cell, c] of a.cells) if (Math.floor(cell / n) !== cell % n) areaValue += c.value;
  let modelValue = 0n;
  for (const p of r.pairs) for (const m of MODELS) modelValue += p.value[m];
  checks.push({ id: "value_by_model", holds: areaValue === modelValue, figures: { areas: areaValue.toString(), models: modelValue.toString() } });

  // Net positions sum to zero.
  const netSum = sum(r.net);
  checks.push({ id: "net_sums_to_zero", holds: netSum === 0n, figures: { sum: formatOre(netSum) } });

  // Transfers settle every net position: bilateral, at most one per pair of parties and each
  // between the two parties of a pair; multilateral, in at most n − 1 payments.
  const after = balancesAfter(r.net, r.transfers);
  checks.push({ id: "transfers_settle", holds: after.every((x) => x === 0n) && r.transfers.every((t) => t.amount > 0n), figures: { remaining: after.map(formatOre).join(" ") } });
  const max = maxTransfers(r.netting, n);
  const pairsOnce = new Set(r.transfers.map((t) => Math.min(t.payer, t.payee) * n + Math.max(t.payer, t.payee))).size === r.transfers.length;
  checks.push({ id: "transfers_count", holds: r.transfers.length <= max && pairsOnce, figures: { transfers: String(r.transfers.length), max: String(max), netting: r.netting } });
  return checks;
}

export interface CalculateInput {
  /** a compiled tariff, a tariff object, or the tariff's JSON text */
  tariff: CompiledTariff | TariffInput | string;
  consumption: Iterable<ConsumptionRow> | AsyncIterable<ConsumptionRow>;
  /** overrides the tariff's population: per party id or alias, or a PopulationInput with positions */
  population?: PopulationInput | Record<string, number | bigint>;
  /** a forecast: the rows up to and including this date (ISO, in the tariff's year), scaled to the whole year (`--through`) */
  through?: string;
}

function isCompiled(t: unknown): t is CompiledTariff {
  return typeof t === "object" && t !== null && "resolveParty" in t && "fileName" in t;
}

export function compileTariffInput(t: CalculateInput["tariff"]): CompiledTariff {
  return isCompiled(t) ? t : loadTariff(t);
}

export function populationInput(p: CalculateInput["population"]): PopulationInput | undefined {
  if (p === undefined) return undefined;
  if ("entries" in p && Array.isArray((p as PopulationInput).entries)) return p as PopulationInput;
  return {
    file: "<population>",
    entries: Object.entries(p as Record<string, number | bigint>).map(([party, v]) => {
      if (typeof v === "number" && !Number.isSafeInteger(v)) throw new InputError([{ severity: "error", code: "BAD_POPULATION", params: { text: String(v) }, file: "<population>" }]);
      return { party, population: BigInt(v) };
    }),
  };
}

/**
 * The whole calculation: validates the tariff, resolves the key, reads every row, settles.
 * Throws InputError with every problem found (all rows are read first), or InvariantError.
 */
export async function calculate(input: CalculateInput): Promise<CalculationResult> {
  const tariff = compileTariffInput(input.tariff);
  const bag = new DiagnosticBag();
  const key = resolveKey(tariff, populationInput(input.population), bag);
  const through = input.through;
  if (through !== undefined && isoDateYear(through) !== tariff.year) bag.error("BAD_THROUGH", { text: through, year: tariff.year }, { file: "--through", line: 1, column: 1 });
  bag.throwIfErrors();
  const acc = new ConsumptionAccumulator(tariff, bag, undefined, through !== undefined ? { through } : {});
  for await (const row of input.consumption) acc.add(row);
  if (!bag.hasErrors) checkConsumption(tariff, acc.summary, bag, "<consumption>");
  bag.throwIfErrors();
  return resultFromSummary(tariff, key as DistributionKey, acc.summary, bag.warnings, through !== undefined ? { through } : {});
}
