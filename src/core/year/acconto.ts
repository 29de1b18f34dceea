/**
 * The a-conto plan (the agreement year's "A-conto plan", months as in the books, v3): from one
 * tariff and its key, the year's a-conto per (payer, payee, component, label), each paid as 11
 * equal parts in whole units (the tariff's `acconto.unit`, default 1 kr) and December the rest,
 * and per month the net positions and the payments under the tariff's netting (one per pair of
 * parties, or the fewest through one another). `fixed`, `fixed_only` and `solidarity` are exactly as in
 * step 3; `variable` is preliminary, round((1 − fixedShare) × reference), as if consumption equals
 * the reference (it can be left out); `unit_price` is billed as care happens and has no a conto.
 */
import { annualFlows, sortFlows, type Component, type Flow } from "../model/calculate.js";
import { formatOre, roundHalfAwayFromZero } from "../model/decimal.js";
import { InputError } from "../model/diagnostics.js";
import { MAX_RESULT_ORE } from "../model/limits.js";
import type { DistributionKey } from "../model/key.js";
import type { CompiledTariff } from "../model/tariff.js";
import { balancesAfter, maxTransfers, nettedTransfers, type NettingKind, type Transfer } from "../model/transfers.js";

export const MONTHS = 12;

/** One a-conto line: an annual amount and its 12 monthly parts (öre). */
export interface AccontoLine {
  payer: number;
  payee: number;
  component: Component;
  label: string | null;
  /** öre */
  annual: bigint;
  /** öre per month, January first: January–November equal whole multiples of the unit, December the rest; they sum to `annual` */
  months: bigint[];
}

/** One transfer of an a-conto month: a {@link Transfer} (öre) in month 1–12. */
export interface AccontoTransfer extends Transfer {
  /** 1–12 */
  month: number;
}

/**
 * The a-conto plan of a year (what `acconto` returns): the year's advance payments per payer,
 * payee and component, each in 12 monthly parts, with the monthly net positions and the fewest
 * transfers per month. Amounts are öre (`bigint`); parties are indexes into `tariff.parties`.
 * Write it as JSON with `accontoToJson`.
 *
 * @example
 * ```ts
 * const { value: plan } = await acconto({ tariff });
 * plan.transfers.filter((t) => t.month === 1); // January's payments
 * ```
 */
export interface AccontoPlan {
  year: number;
  title: string;
  tariff: CompiledTariff;
  key: DistributionKey;
  /** whether the preliminary variable a conto is included */
  variable: boolean;
  /** how each month's payments are netted (the tariff's `netting`) */
  netting: NettingKind;
  /** the unit of the monthly parts, öre (the tariff's `acconto.unit`; 100 = whole kronor) */
  unit: bigint;
  lines: AccontoLine[];
  /** per party index, per month (öre): received − paid */
  net: bigint[][];
  /** per party index: the year's net (Σ months) */
  annualNet: bigint[];
  transfers: AccontoTransfer[];
  checks: { id: string; holds: boolean; figures: Record<string, string> }[];
}

/** An a-conto plan broke one of its own invariants: a bug, never bad input; nothing is written. */
export class AccontoInvariantError extends Error {
  constructor(readonly failed: AccontoPlan["checks"]) {
    super(`invariant broken (a-conto): ${failed.map((c) => `${c.id} ${JSON.stringify(c.figures)}`).join("; ")}`);
    this.name = "AccontoInvariantError";
  }
}

/**
 * Splits an annual amount `a` (öre) into 12 monthly parts: January–November each
 * `p = floor(a / 12 / u) × u`, December `a − 11 × p`, with `u` the unit in öre (default 100, whole
 * kronor). A negative amount (never made by a tariff, but a plan is a general tool) is split as
 * its absolute value with every part negated, so that the months still sum to it.
 */
export function monthlyParts(annual: bigint, unit = 100n): bigint[] {
  if (unit <= 0n) throw new RangeError(`accontoUnit ${unit} <= 0`);
  if (annual < 0n) return monthlyParts(-annual, unit).map((m) => -m);
  const part = (annual / (12n * unit)) * unit;
  return [...new Array<bigint>(MONTHS - 1).fill(part), annual - 11n * part];
}

/** The a-conto plan of a tariff with its key; checks its invariants and throws if one breaks. */
export function accontoPlan(tariff: CompiledTariff, key: DistributionKey, options: { variable?: boolean } = {}): AccontoPlan {
  const variable = options.variable ?? true;
  const fs = tariff.fixedShare;
  const flows: Flow[] = [];
  for (const r of tariff.references) {
    const fixed = roundHalfAwayFromZero(fs.num * r.amount, fs.den);
    if (fixed !== 0n) flows.push({ payer: r.buyer, payee: r.seller, component: "fixed", label: null, amount: fixed });
    const prelim = roundHalfAwayFromZero((fs.den - fs.num) * r.amount, fs.den);
    if (variable && prelim !== 0n) flows.push({ payer: r.buyer, payee: r.seller, component: "variable", label: null, amount: prelim });
  }
  flows.push(...annualFlows(tariff, key).flows);
  sortFlows(flows);
  // Every figure the plan shows is bounded by Σ |annual|: refused beyond what a result may hold.
  const gross = flows.reduce((a, f) => a + (f.amount < 0n ? -f.amount : f.amount), 0n);
  if (gross > MAX_RESULT_ORE) {
    throw new InputError([{ severity: "error", code: "TOTAL_TOO_LARGE", params: { what: "Σ |a conto|", amount: { ore: gross }, max: { ore: MAX_RESULT_ORE } }, file: tariff.fileName, line: 1, column: 1 }]);
  }
  const lines: AccontoLine[] = flows.map((f) => ({ payer: f.payer, payee: f.payee, component: f.component, label: f.label, annual: f.amount, months: monthlyParts(f.amount, tariff.accontoUnit) }));

  const n = tariff.parties.length;
  const net = tariff.parties.map(() => new Array<bigint>(MONTHS).fill(0n));
  for (const l of lines) {
    l.months.forEach((m, k) => {
      (net[l.payee] as bigint[])[k] = ((net[l.payee] as bigint[])[k] as bigint) + m;
      (net[l.payer] as bigint[])[k] = ((net[l.payer] as bigint[])[k] as bigint) - m;
    });
  }
  const transfers: AccontoTransfer[] = [];
  for (let k = 0; k < MONTHS; k++) {
    const moves = lines.map((l) => ({ payer: l.payer, payee: l.payee, amount: l.months[k] as bigint }));
    for (const t of nettedTransfers(tariff.netting, n, moves, net.map((row) => row[k] as bigint))) transfers.push({ month: k + 1, ...t });
  }
  const plan: AccontoPlan = {
    year: tariff.year,
    title: tariff.title,
    tariff,
    key,
    variable,
    netting: tariff.netting,
    unit: tariff.accontoUnit,
    lines,
    net,
    annualNet: net.map((row) => row.reduce((a, b) => a + b, 0n)),
    transfers,
    checks: [],
  };
  plan.checks = checkAcconto(plan, n);
  const failed = plan.checks.filter((c) => !c.holds);
  if (failed.length > 0) throw new AccontoInvariantError(failed);
  return plan;
}

/** The plan's invariants, recomputed on the finished plan. */
export function checkAcconto(plan: AccontoPlan, n: number): AccontoPlan["checks"] {
  const checks: AccontoPlan["checks"] = [];
  const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
  for (const l of plan.lines) {
    // January–November equal, whole multiples of the unit, the largest such not above a twelfth; December the rest
    const first = l.months[0] ?? 0n;
    const abs = l.annual < 0n ? -l.annual : l.annual;
    const p = first < 0n ? -first : first;
    const equal = l.months.slice(0, MONTHS - 1).every((m) => m === first) && p % plan.unit === 0n && 12n * p <= abs && 12n * (p + plan.unit) > abs;
    checks.push({ id: "months_sum_to_annual", holds: l.months.length === MONTHS && sum(l.months) === l.annual && equal, figures: { annual: formatOre(l.annual), months: formatOre(sum(l.months)), part: formatOre(first) } });
  }
  for (let k = 0; k < MONTHS; k++) {
    const month = plan.net.map((row) => row[k] as bigint);
    checks.push({ id: "net_sums_to_zero", holds: sum(month) === 0n, figures: { month: String(k + 1), sum: formatOre(sum(month)) } });
    const ts = plan.transfers.filter((t) => t.month === k + 1);
    const after = balancesAfter(month, ts);
    checks.push({ id: "transfers_settle", holds: after.every((x) => x === 0n) && ts.length <= maxTransfers(plan.netting, n) && ts.every((t) => t.amount > 0n), figures: { month: String(k + 1), transfers: String(ts.length), netting: plan.netting } });
  }
  return checks;
}
