/**
 * Key compliance (model.md, "Key compliance"): did each party carry its share of the joint costs
 * by the decided key? Per item: total = Σ paid, expected = allocate(total, key),
 * deviation = paid − expected; per party the sums; the fewest transfers that bring every party's
 * summed deviation to zero.
 */
import { allocate, type AllocationPart } from "../model/allocate.js";
import { abs, formatOre } from "../model/decimal.js";
import { DiagnosticBag, type Location } from "../model/diagnostics.js";
import { unknownPartyParams, type DistributionKey } from "../model/key.js";
import { MAX_RESULT_ORE } from "../model/limits.js";
import type { CompiledTariff } from "../model/tariff.js";
import { balancesAfter, settlementTransfers, type Transfer } from "../model/transfers.js";

export { DEFAULT_TOLERANCE } from "./tolerance.js";

export interface CostInput {
  item: string;
  party: string;
  /** öre */
  amount: bigint;
  at?: { item?: Location; party?: Location; amount?: Location };
}

/** One party's figures in a key check, öre: what it paid, what the key says it should have, and the difference. */
export interface PartyLine {
  paid: bigint;
  expected: bigint;
  /** paid − expected */
  deviation: bigint;
  /** |deviation| > tolerance */
  exceeds: boolean;
}

/** One jointly financed cost item of a key check: its total (öre), split by the key, against what each party paid. */
export interface ItemCheck {
  item: string;
  /** Σ paid, öre */
  total: bigint;
  rows: number;
  parts: AllocationPart[];
  parties: PartyLine[];
}

/**
 * The key check (`checkKey`, `vardavtal check-key`): did each party carry its share of the joint
 * costs by the decided key? Per item and in total, each party's paid, expected and deviation
 * (öre), whether a deviation is above the tolerance, the transfers that even it out, and each
 * solidarity unit's budget against what was paid. Write it as JSON with {@link keyCheckToJson}.
 */
export interface KeyCheckResult {
  tariff: CompiledTariff;
  key: DistributionKey;
  /** öre */
  tolerance: bigint;
  items: ItemCheck[];
  totals: PartyLine[];
  transfers: Transfer[];
  /** some deviation (per item or in total) is above the tolerance */
  exceeded: boolean;
  /** each solidarity unit of the tariff: its budget against what was paid for items named after it */
  budgets: BudgetCheck[];
  checks: { id: string; holds: boolean; figures: Record<string, string> }[];
}

/** What was paid for a jointly financed unit (items whose name begins with the unit's, e.g. "RCC 2025") against its budget. */
export interface BudgetCheck {
  unit: string;
  /** öre */
  budget: bigint;
  /** the cost items counted for the unit */
  items: string[];
  /** öre: Σ paid over those items */
  paid: bigint;
  /** öre: paid − budget */
  difference: bigint;
}

/** Whether a cost item is named after a unit: the unit's name, then the end or a non-letter ("RCC 2025", "RCC: drift"). */
function itemOfUnit(item: string, unit: string): boolean {
  const i = item.normalize("NFC").trim().toLowerCase();
  const u = unit.normalize("NFC").trim().toLowerCase();
  return i.startsWith(u) && (i.length === u.length || !/[\p{L}\p{N}]/u.test(i.charAt(u.length)));
}

function line(paid: bigint, expected: bigint, tolerance: bigint): PartyLine {
  const deviation = paid - expected;
  return { paid, expected, deviation, exceeds: abs(deviation) > tolerance };
}

/** Checks joint costs against the key. Unknown parties are reported to the bag (with positions). */
export function checkKey(tariff: CompiledTariff, key: DistributionKey, costs: Iterable<CostInput>, tolerance: bigint, bag: DiagnosticBag, file = "<costs>"): KeyCheckResult | undefined {
  const n = tariff.parties.length;
  const items = new Map<string, { item: string; paid: bigint[]; rows: number }>();
  let rows = 0;
  for (const c of costs) {
    rows++;
    const p = tariff.resolveParty(c.party);
    if (p === undefined) {
      bag.error("UNKNOWN_PARTY", unknownPartyParams(tariff, c.party), c.at?.party ?? { file, line: rows, column: 1 });
      continue;
    }
    // Items are told apart by their text (trimmed, repeated spaces folded), case included.
    const k = c.item.normalize("NFC").trim().replace(/\s+/g, " ");
    let entry = items.get(k);
    if (!entry) {
      entry = { item: c.item.trim().replace(/\s+/g, " "), paid: new Array<bigint>(n).fill(0n), rows: 0 };
      items.set(k, entry);
    }
    entry.paid[p] = (entry.paid[p] as bigint) + c.amount;
    entry.rows++;
  }
  if (rows === 0) bag.error("COSTS_EMPTY", {}, { file, line: 1, column: 1 });
  // Sums beyond a result's bound are refused (no joint cost comes near; a cell could not hold it).
  const sums = [...items.values()].map((e) => ({ what: e.item, total: e.paid.reduce((a, b) => a + abs(b), 0n) }));
  sums.push({ what: "Σ", total: sums.reduce((a, s) => a + s.total, 0n) });
  for (const s of sums) {
    if (s.total > MAX_RESULT_ORE) {
      bag.error("TOTAL_TOO_LARGE", { what: s.what, amount: { ore: s.total }, max: { ore: MAX_RESULT_ORE } }, { file, line: 1, column: 1 });
      break;
    }
  }
  if (bag.hasErrors) return undefined;

  const checks: KeyCheckResult["checks"] = [];
  const itemChecks: ItemCheck[] = [...items.values()].map((e) => {
    const total = e.paid.reduce((a, b) => a + b, 0n);
    const parts = allocate(total, key.weights);
    const parties = e.paid.map((paid, i) => line(paid, parts[i]?.amount ?? 0n, tolerance));
    const devSum = parties.reduce((a, l) => a + l.deviation, 0n);
    checks.push({ id: "item_deviations_sum_to_zero", holds: devSum === 0n, figures: { item: e.item, sum: formatOre(devSum) } });
    checks.push({ id: "allocation_sums", holds: parts.reduce((a, p) => a + p.amount, 0n) === total, figures: { item: e.item, total: formatOre(total) } });
    return { item: e.item, total, rows: e.rows, parts, parties };
  });
  const totals = tariff.parties.map((_, i) => {
    let paid = 0n;
    let expected = 0n;
    for (const it of itemChecks) {
      paid += it.parties[i]?.paid ?? 0n;
      expected += it.parties[i]?.expected ?? 0n;
    }
    return line(paid, expected, tolerance);
  });
  // An overpaid party (deviation > 0) is owed money: it is a creditor of the balancing transfers.
  const deviations = totals.map((l) => l.deviation);
  const transfers = settlementTransfers(deviations);
  const after = balancesAfter(deviations, transfers);
  checks.push({ id: "transfers_settle", holds: after.every((x) => x === 0n), figures: { remaining: after.map(formatOre).join(" ") } });
  checks.push({ id: "transfers_count", holds: transfers.length <= Math.max(0, n - 1), figures: { transfers: String(transfers.length) } });
  const exceeded = itemChecks.some((it) => it.parties.some((l) => l.exceeds)) || totals.some((l) => l.exceeds);
  const budgets: BudgetCheck[] = tariff.solidarity.map((u) => {
    const mine = itemChecks.filter((it) => itemOfUnit(it.item, u.unit));
    const paid = mine.reduce((a, it) => a + it.total, 0n);
    return { unit: u.unit, budget: u.amount, items: mine.map((it) => it.item), paid, difference: paid - u.amount };
  });
  return { tariff, key, tolerance, items: itemChecks, totals, transfers, exceeded, budgets, checks };
}
