/**
 * The settlement against what was paid (the books, v3; replaces the agreement year's final
 * settlement): what the year's result says is due against every paid source (a-conto plans,
 * payments files, earlier settlements of the same year), combined by summing.
 *
 * - Per payer→payee and component (`lines`, the detail): due = Σ flows, paid = Σ payments in that
 *   direction with that component (a payment whose component is not known has its own line,
 *   component null), difference = due − paid. Directions are never mixed here.
 * - Per counterparty {a, b}, a before b in party order (`counterparties`, what each ledger
 *   reconciles): due = Σ due a→b − Σ due b→a, paid likewise, remaining = due − paid; positive:
 *   a still pays b, negative: b still pays a.
 * - Per party: net (the result), paid net = received − paid over all paid sources,
 *   remaining = net − paid net; Σ remaining = 0.
 * - Unit-price care, invoiced as it is given: in `invoiced` mode each unit-price line's paid is
 *   topped up to its due (what the sources paid for it counts first), and the line says so.
 * - Final payments under the netting: bilateral, one per counterparty with remaining ≠ 0;
 *   multilateral, the fewest transfers that bring every party's remaining to zero.
 * - A forecast result settled as a forecast: per counterparty also what the a-conto plans paid
 *   through the forecast's month (`paidToDate`) and what remains of them (`planRemaining`).
 *
 * Every invariant is checked before the settlement is returned; one that breaks throws
 * SettlementInvariantError and nothing is written.
 */
import { COMPONENTS, type Component } from "../model/calculate.js";
import { formatOre } from "../model/decimal.js";
import { InputError } from "../model/diagnostics.js";
import { MAX_RESULT_ORE } from "../model/limits.js";
import { balancesAfter, maxTransfers, pairTransfers, settlementTransfers, type NettingKind, type PairBalance, type Transfer } from "../model/transfers.js";
import type { Decision } from "../model/tariff.js";
import { phrase } from "../model/phrases.js";

/** What the settlement needs of a year's result: parties by index, flows and net positions. */
export interface SettlementResult {
  year: number;
  parties: string[];
  /** each flow; its component when the result names it (results of vardavtal always do) */
  flows: { payer: number; payee: number; amount: bigint; component?: Component; label?: string | null }[];
  /** per party index, öre */
  net: bigint[];
  /** the result's netting (its tariff's); absent in results written before v3: bilateral */
  netting?: NettingKind;
  /** present when the result is a forecast */
  forecast?: { through: string; factor?: string };
  /** the decision of the result's tariff, when its file names one (null: none) */
  decision?: Decision | null;
}

/** A party as a payments file may name it: its id, its name or one of its aliases (case-insensitive). */
export interface PartyNames {
  id: string;
  name?: string;
  aliases?: readonly string[];
}

/** One payment made (or planned): `payer` paid `payee` `amount` öre; parties are indexes into the result's parties. */
export interface Payment {
  payer: number;
  payee: number;
  /** öre (may be negative: a refund) */
  amount: bigint;
}

/** The kind of a paid source: an a-conto plan (paid as planned), a payments file, an earlier settlement of the same year. */
export type PaidSourceKind = "acconto" | "payments" | "settlement";

/** One paid source as the settlement records it. */
export interface PaidSource {
  kind: PaidSourceKind;
  file: string;
  sha256?: string;
}

/** One payment counted as paid, with what is known of it. */
export interface PaidItem extends Payment {
  /** what it pays for; null when a payments file's `avser` names no component (unassigned for the pair) */
  component: Component | null;
  label?: string | null;
  /** ISO date, when the source gives one */
  date?: string;
  /** the payment's text (`avser`), or what a plan or settlement line is */
  note?: string;
  /** index into the settlement's sources */
  source: number;
  /** the line of the source it comes from (payments files) */
  line?: number;
  /** an a-conto plan's line: its twelve monthly parts (Σ = amount) */
  months?: bigint[];
}

/** One payer→payee and component of the settlement, öre. */
export interface SettlementLine {
  payer: number;
  payee: number;
  /** null: payments whose component is not known */
  component: Component | null;
  due: bigint;
  /** paid in this direction for this component (invoiced unit-price care included) */
  paid: bigint;
  difference: bigint;
  /** unit-price care counted as invoiced: the part of `paid` that is not from a source (0 otherwise) */
  invoiced: bigint;
}

/** One ordered pair payer→payee (all components), öre: due, paid and difference in that direction. */
export interface SettlementPair {
  payer: number;
  payee: number;
  due: bigint;
  paid: bigint;
  difference: bigint;
  /** no flow between the two parties in the result: only payments */
  withoutFlow: boolean;
}

/** One counterparty pair {a, b} (a before b), öre: positive figures run from a to b. */
export interface SettlementCounterparty {
  a: number;
  b: number;
  due: bigint;
  paid: bigint;
  /** due − paid: positive, a still pays b; negative, b still pays a */
  remaining: bigint;
  /** unit-price care counted as invoiced over the pair (a→b minus b→a), 0 when none */
  unitPriceInvoiced: bigint;
  /** no flow between the two in the result: only payments */
  withoutFlow: boolean;
  /** forecast with an a-conto plan: the plan's months through the forecast's month (a→b minus b→a) */
  paidToDate?: bigint;
  /** forecast with an a-conto plan: the plan's later months */
  planRemaining?: bigint;
}

/** One party's figures in the settlement, öre: net position by the result, paid net (received − paid), remaining = net − paid net. */
export interface SettlementParty {
  net: bigint;
  paidNet: bigint;
  remaining: bigint;
}

/** How unit-price care counts: as invoiced when given (paid = due), or as what the sources paid. */
export type UnitPriceMode = "invoiced" | "unpaid";

/**
 * The settlement of a year (what `settle` returns). Amounts are öre (`bigint`); parties are
 * indexes into `parties` (ids). Its invariants are checked before it is returned. Write it as
 * JSON with `settlementToJson`.
 */
export interface Settlement {
  year: number;
  /** party ids, as in the result */
  parties: string[];
  netting: NettingKind;
  /** present when this is the forecast of the final settlement; `month` = the last month of the plan counted as paid to date (0–12) */
  forecast?: { through: string; factor?: string; month: number };
  sources: PaidSource[];
  unitPrice: UnitPriceMode;
  lines: SettlementLine[];
  /** per directed pair (all components): the v2 view, kept */
  pairs: SettlementPair[];
  counterparties: SettlementCounterparty[];
  /** per party index */
  totals: SettlementParty[];
  /** every payment counted, in the order of the sources */
  payments: PaidItem[];
  /** the final payments under the netting */
  transfers: Transfer[];
  checks: { id: string; holds: boolean; figures: Record<string, string> }[];
  /** the decision of the result's tariff, as the result names it (null: none) */
  decision?: Decision | null;
}

export class SettlementInvariantError extends Error {
  constructor(readonly failed: Settlement["checks"]) {
    super(`invariant broken (settlement): ${failed.map((c) => `${c.id} ${JSON.stringify(c.figures)}`).join("; ")}`);
    this.name = "SettlementInvariantError";
  }
}

/** Options of {@link finalSettlement}. */
export interface SettlementOptions {
  /** the paid sources the items' `source` indexes point into (default: one payments source) */
  sources?: PaidSource[];
  /** default: invoiced when every source is an a-conto plan or a settlement, else unpaid */
  unitPrice?: UnitPriceMode;
  /** settle a forecast result as the forecast of the final settlement (else a forecast is the caller's to refuse) */
  forecast?: boolean;
}

/**
 * The month through which an a-conto plan counts as paid at a forecast's date: the date's month
 * when the date is that month's last day, else the month before (0 in January before the 31st).
 */
export function monthsPaidThrough(through: string): number {
  const [y, m, d] = through.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d === last ? m : m - 1;
}

const componentOrder = (c: Component | null): number => (c === null ? COMPONENTS.length : COMPONENTS.indexOf(c));

/** The settlement of a result against what was paid; checks its invariants and throws if one breaks. */
export function finalSettlement(result: SettlementResult, paid: readonly (Payment | PaidItem)[], file = "<payments>", options: SettlementOptions = {}): Settlement {
  const n = result.parties.length;
  const sources = options.sources ?? [{ kind: "payments" as const, file }];
  const items: PaidItem[] = paid.map((p) => ("source" in p ? p : { ...p, component: null, source: 0 }));
  const unitPrice: UnitPriceMode = options.unitPrice ?? (sources.every((s) => s.kind !== "payments") ? "invoiced" : "unpaid");
  const netting: NettingKind = result.netting ?? "bilateral";
  // Every figure the settlement shows is bounded by Σ |flows| + Σ |payments| (twice with the invoiced unit price).
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  const gross = [...result.flows, ...items].reduce((a, f) => a + abs(f.amount), 0n) + result.flows.reduce((a, f) => a + (f.component === "unit_price" ? abs(f.amount) : 0n), 0n);
  if (gross > MAX_RESULT_ORE) {
    throw new InputError([{ severity: "error", code: "TOTAL_TOO_LARGE", params: { what: phrase("flows_and_payments"), amount: { ore: gross }, max: { ore: MAX_RESULT_ORE } }, file, line: 1, column: 1 }]);
  }

  // Lines per payer→payee and component.
  const lineAt = new Map<string, SettlementLine>();
  const line = (payer: number, payee: number, component: Component | null): SettlementLine => {
    const k = `${payer}|${payee}|${component ?? ""}`;
    let l = lineAt.get(k);
    if (!l) {
      l = { payer, payee, component, due: 0n, paid: 0n, difference: 0n, invoiced: 0n };
      lineAt.set(k, l);
    }
    return l;
  };
  const hasFlow = new Set<number>();
  for (const f of result.flows) {
    line(f.payer, f.payee, f.component ?? null).due += f.amount;
    hasFlow.add(Math.min(f.payer, f.payee) * n + Math.max(f.payer, f.payee));
  }
  for (const p of items) if (p.payer !== p.payee) line(p.payer, p.payee, p.component).paid += p.amount;
  if (unitPrice === "invoiced") {
    for (const l of lineAt.values()) {
      if (l.component !== "unit_price") continue;
      l.invoiced = l.due - l.paid;
      l.paid = l.due;
    }
  }
  // every line comes from a flow or a payment, so every one is shown (a refund that nets to 0 too)
  const lines = [...lineAt.values()]
    .map((l) => ({ ...l, difference: l.due - l.paid }))
    .sort((x, y) => x.payer - y.payer || x.payee - y.payee || componentOrder(x.component) - componentOrder(y.component));

  // Per directed pair (the v2 view): the lines summed over components.
  const pairAt = new Map<number, SettlementPair>();
  for (const l of lines) {
    const k = l.payer * n + l.payee;
    const p = pairAt.get(k) ?? { payer: l.payer, payee: l.payee, due: 0n, paid: 0n, difference: 0n, withoutFlow: !hasFlow.has(Math.min(l.payer, l.payee) * n + Math.max(l.payer, l.payee)) };
    p.due += l.due;
    p.paid += l.paid;
    p.difference += l.difference;
    pairAt.set(k, p);
  }
  const pairs = [...pairAt.entries()].sort((x, y) => x[0] - y[0]).map(([, p]) => p);

  // Per counterparty {a, b}: signed from a to b.
  const cpAt = new Map<number, SettlementCounterparty>();
  const counterparty = (x: number, y: number): { c: SettlementCounterparty; sign: bigint } => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    let c = cpAt.get(a * n + b);
    if (!c) {
      c = { a, b, due: 0n, paid: 0n, remaining: 0n, unitPriceInvoiced: 0n, withoutFlow: !hasFlow.has(a * n + b) };
      cpAt.set(a * n + b, c);
    }
    return { c, sign: x === a ? 1n : -1n };
  };
  for (const l of lines) {
    const { c, sign } = counterparty(l.payer, l.payee);
    c.due += sign * l.due;
    c.paid += sign * l.paid;
    c.unitPriceInvoiced += sign * l.invoiced;
  }
  const forecast = result.forecast && options.forecast ? { ...result.forecast, month: monthsPaidThrough(result.forecast.through) } : undefined;
  const plans = items.filter((p) => p.months !== undefined && sources[p.source]?.kind === "acconto");
  for (const c of cpAt.values()) c.remaining = c.due - c.paid;
  if (forecast && sources.some((x) => x.kind === "acconto")) {
    for (const c of cpAt.values()) {
      c.paidToDate = 0n;
      c.planRemaining = 0n;
    }
    for (const p of plans) {
      if (p.payer === p.payee) continue;
      const { c, sign } = counterparty(p.payer, p.payee);
      const months = p.months as bigint[];
      const toDate = months.slice(0, forecast.month).reduce((a, m) => a + m, 0n);
      c.paidToDate = (c.paidToDate ?? 0n) + sign * toDate;
      c.planRemaining = (c.planRemaining ?? 0n) + sign * (p.amount - toDate);
    }
  }
  const counterparties = [...cpAt.entries()].sort((x, y) => x[0] - y[0]).map(([, c]) => c);

  // Per party.
  const paidNet = result.parties.map(() => 0n);
  for (const l of lines) {
    paidNet[l.payee] = (paidNet[l.payee] as bigint) + l.paid;
    paidNet[l.payer] = (paidNet[l.payer] as bigint) - l.paid;
  }
  const totals = result.parties.map((_, i) => {
    const net = result.net[i] ?? 0n;
    return { net, paidNet: paidNet[i] as bigint, remaining: net - (paidNet[i] as bigint) };
  });
  const balances: PairBalance[] = counterparties.map((c) => ({ a: c.a, b: c.b, amount: c.remaining }));
  const transfers = netting === "bilateral" ? pairTransfers(balances) : settlementTransfers(totals.map((t) => t.remaining));
  const settlement: Settlement = {
    year: result.year,
    parties: result.parties,
    netting,
    ...(forecast ? { forecast } : {}),
    sources,
    unitPrice,
    lines,
    pairs,
    counterparties,
    totals,
    payments: items,
    transfers,
    checks: [],
    ...(result.decision !== undefined ? { decision: result.decision } : {}),
  };
  settlement.checks = checkSettlement(settlement, result);
  const failed = settlement.checks.filter((c) => !c.holds);
  if (failed.length > 0) throw new SettlementInvariantError(failed);
  return settlement;
}

/** The settlement's invariants, recomputed on the finished settlement. */
export function checkSettlement(s: Settlement, result: SettlementResult): Settlement["checks"] {
  const n = s.parties.length;
  const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
  const net = s.totals.map((t) => t.net);
  const remaining = s.totals.map((t) => t.remaining);
  // Each party's remaining is the signed sum of its counterparties' (a pays b what is positive).
  const fromCounterparties = s.parties.map(() => 0n);
  for (const c of s.counterparties) {
    fromCounterparties[c.b] = (fromCounterparties[c.b] as bigint) + c.remaining;
    fromCounterparties[c.a] = (fromCounterparties[c.a] as bigint) - c.remaining;
  }
  // The lines give the result's flows and the sources' payments (plus what counts as invoiced).
  const due = sum(s.lines.map((l) => l.due));
  const flows = sum(result.flows.map((f) => f.amount));
  const paidLines = sum(s.lines.map((l) => l.paid - l.invoiced));
  const paidItems = sum(s.payments.filter((p) => p.payer !== p.payee).map((p) => p.amount));
  const after = balancesAfter(remaining, s.transfers);
  const pairsOnce = new Set(s.transfers.map((t) => Math.min(t.payer, t.payee) * n + Math.max(t.payer, t.payee))).size === s.transfers.length;
  return [
    { id: "net_sums_to_zero", holds: sum(net) === 0n, figures: { sum: formatOre(sum(net)) } },
    { id: "remaining_sums_to_zero", holds: sum(remaining) === 0n, figures: { sum: formatOre(sum(remaining)) } },
    { id: "remaining_is_counterparties", holds: remaining.every((r, i) => r === fromCounterparties[i]), figures: { byParty: remaining.map(formatOre).join(" "), byCounterparty: fromCounterparties.map(formatOre).join(" ") } },
    { id: "lines_give_flows_and_payments", holds: due === flows && paidLines === paidItems, figures: { due: formatOre(due), flows: formatOre(flows), paid: formatOre(paidLines), payments: formatOre(paidItems) } },
    { id: "transfers_settle", holds: after.every((x) => x === 0n) && s.transfers.every((t) => t.amount > 0n) && s.transfers.length <= maxTransfers(s.netting, n) && pairsOnce, figures: { transfers: String(s.transfers.length), netting: s.netting } },
  ];
}
