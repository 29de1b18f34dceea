/**
 * The final settlement (model.md, "Final settlement"): what was due by the year's result against
 * what was paid. Per ordered pair payer→payee of the result's flows: due = Σ flows payer→payee,
 * paid = Σ payments payer→payee − Σ payments payee→payer, difference = due − paid. Per party:
 * net (from the result), paid net = received − paid in the payments, remaining = net − paid net
 * (Σ remaining = 0). The settlement is the fewest transfers that bring every remaining to zero.
 * A payment between two parties with no flow between them in either direction gets a pair of its
 * own (due 0) and is reported; it counts in the parties' paid net all the same.
 */
import { formatOre } from "../model/decimal.js";
import { InputError } from "../model/diagnostics.js";
import { MAX_RESULT_ORE } from "../model/limits.js";
import { balancesAfter, settlementTransfers, type Transfer } from "../model/transfers.js";
import type { Decision } from "../model/tariff.js";

/** What the settlement needs of a year's result: parties by index, flows and net positions. */
export interface SettlementResult {
  year: number;
  parties: string[];
  flows: { payer: number; payee: number; amount: bigint }[];
  /** per party index, öre */
  net: bigint[];
  /** the decision of the result's tariff, when its file names one (null: none) */
  decision?: Decision | null;
}

/** One payment made (or planned): `payer` paid `payee` `amount` öre; parties are indexes into the result's parties. */
export interface Payment {
  payer: number;
  payee: number;
  /** öre (may be negative: a refund) */
  amount: bigint;
}

/** One ordered pair payer→payee of the settlement, öre: due by the result, paid (net of payments back), difference = due − paid. */
export interface SettlementPair {
  payer: number;
  payee: number;
  due: bigint;
  paid: bigint;
  difference: bigint;
  /** no flow between the two parties in the result: only payments */
  withoutFlow: boolean;
}

/** One party's figures in the settlement, öre: net position by the result, paid net (received − paid), remaining = net − paid net. */
export interface SettlementParty {
  net: bigint;
  paidNet: bigint;
  remaining: bigint;
}

/**
 * The final settlement of a year (what `settle` returns): per pair due, paid and difference, per
 * party net, paid net and remaining, and the fewest transfers that bring every remaining to zero.
 * Amounts are öre (`bigint`); parties are indexes into `parties` (ids). Its invariants (Σ net = 0,
 * Σ remaining = 0, the transfers settle) are checked before it is returned. Write it as JSON with
 * `settlementToJson`.
 */
export interface Settlement {
  year: number;
  /** party ids, as in the result */
  parties: string[];
  pairs: SettlementPair[];
  /** per party index */
  totals: SettlementParty[];
  transfers: Transfer[];
  checks: { id: string; holds: boolean; figures: Record<string, string> }[];
  /** the decision of the result's tariff, as the result names it (null: none) */
  decision?: Decision | null;
}

export class SettlementInvariantError extends Error {
  constructor(readonly failed: Settlement["checks"]) {
    super(`settlement invariant broken: ${failed.map((c) => `${c.id} ${JSON.stringify(c.figures)}`).join("; ")}`);
    this.name = "SettlementInvariantError";
  }
}

/** The final settlement of a result against payments; checks its invariants and throws if one breaks. */
export function finalSettlement(result: SettlementResult, payments: readonly Payment[], file = "<payments>"): Settlement {
  const n = result.parties.length;
  // Every figure the settlement shows is bounded by Σ |flows| + Σ |payments|.
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  const gross = [...result.flows, ...payments].reduce((a, f) => a + abs(f.amount), 0n);
  if (gross > MAX_RESULT_ORE) {
    throw new InputError([{ severity: "error", code: "TOTAL_TOO_LARGE", params: { what: "Σ |flöden och betalningar / flows and payments|", amount: { ore: gross }, max: { ore: MAX_RESULT_ORE } }, file, line: 1, column: 1 }]);
  }
  const cell = (p: number, q: number): number => p * n + q;
  const due = new Map<number, bigint>();
  for (const f of result.flows) due.set(cell(f.payer, f.payee), (due.get(cell(f.payer, f.payee)) ?? 0n) + f.amount);
  const paidGross = new Map<number, bigint>();
  for (const p of payments) paidGross.set(cell(p.payer, p.payee), (paidGross.get(cell(p.payer, p.payee)) ?? 0n) + p.amount);

  const pairKeys = new Set(due.keys());
  for (const k of paidGross.keys()) {
    const p = Math.floor(k / n);
    const q = k % n;
    if (!due.has(cell(p, q)) && !due.has(cell(q, p))) pairKeys.add(k);
  }
  const pairs: SettlementPair[] = [...pairKeys]
    .sort((a, b) => a - b)
    .map((k) => {
      const payer = Math.floor(k / n);
      const payee = k % n;
      const d = due.get(k) ?? 0n;
      const paid = (paidGross.get(k) ?? 0n) - (paidGross.get(cell(payee, payer)) ?? 0n);
      return { payer, payee, due: d, paid, difference: d - paid, withoutFlow: !due.has(k) && !due.has(cell(payee, payer)) };
    });

  const paidNet = result.parties.map(() => 0n);
  for (const p of payments) {
    paidNet[p.payee] = (paidNet[p.payee] as bigint) + p.amount;
    paidNet[p.payer] = (paidNet[p.payer] as bigint) - p.amount;
  }
  const totals = result.parties.map((_, i) => {
    const net = result.net[i] ?? 0n;
    return { net, paidNet: paidNet[i] as bigint, remaining: net - (paidNet[i] as bigint) };
  });
  const transfers = settlementTransfers(totals.map((t) => t.remaining));
  const settlement: Settlement = { year: result.year, parties: result.parties, pairs, totals, transfers, checks: [], ...(result.decision !== undefined ? { decision: result.decision } : {}) };
  const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
  const remaining = totals.map((t) => t.remaining);
  const after = balancesAfter(remaining, transfers);
  settlement.checks = [
    { id: "net_sums_to_zero", holds: sum(totals.map((t) => t.net)) === 0n, figures: { sum: formatOre(sum(totals.map((t) => t.net))) } },
    { id: "remaining_sums_to_zero", holds: sum(remaining) === 0n, figures: { sum: formatOre(sum(remaining)) } },
    { id: "transfers_settle", holds: after.every((x) => x === 0n) && transfers.length <= Math.max(0, n - 1), figures: { transfers: String(transfers.length) } },
  ];
  const failed = settlement.checks.filter((c) => !c.holds);
  if (failed.length > 0) throw new SettlementInvariantError(failed);
  return settlement;
}
