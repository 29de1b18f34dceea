/**
 * Ledger lines (bokföringsunderlag, the books v3): for each party, what its own books record
 * against each other party, per month of the a-conto plan and for the settlement, one line per
 * counterparty and component. Income (the party is payee) is positive and cost (payer) negative:
 * a party's lines for a month sum to its a-conto net position that month, and its settlement
 * lines to its remaining. When a party both receives and pays for one component with one
 * counterparty, the line is what is left between them (its sign says income or cost), so that each
 * line has one reference. Accounts, cost centre and counterparty codes come from the tariff's
 * `accounting` (empty when not given). No words here: the text of a line is the renderer's.
 */
import { COMPONENTS, type Component } from "../model/calculate.js";
import { formatOre } from "../model/decimal.js";
import type { CompiledTariff, Decision, PartyAccounting } from "../model/tariff.js";
import { MONTHS, type AccontoPlan } from "./acconto.js";
import type { Settlement } from "./settlement.js";

/** One line of a party's ledger. */
export interface LedgerLine {
  /** ISO date: the month's last day (a conto), or the settlement's date */
  date: string;
  /** the counterparty's id */
  counterparty: string;
  /** the counterparty's code in this party's books, when the tariff gives one */
  counterpartyCode?: string;
  kind: "income" | "cost";
  /** null: settlement payments whose component was not known */
  component: Component | null;
  /** the party's own account for the component and kind, when the tariff gives one */
  account?: string;
  costCentre?: string;
  /** öre: positive for income, negative for cost */
  amount: bigint;
  /** a stable reference: AC-2026-03-RKL-RÖ-fixed (a conto), SL-2026-RKL-RÖ-fixed (settlement), PR-… (forecast of the settlement) */
  reference: string;
  /** what the line is: an a-conto month (1–12), the settlement, or the forecast of the settlement (through a date) */
  what: { kind: "acconto"; month: number } | { kind: "settlement" } | { kind: "forecast"; through: string };
  year: number;
  decision?: Decision;
}

/** One party's ledger. */
export interface PartyLedger {
  /** party index */
  party: number;
  id: string;
  lines: LedgerLine[];
}

/** Each party's ledger; `checks` hold that every party's lines sum to its figure (month net, remaining). */
export interface Ledger {
  parties: PartyLedger[];
  checks: { id: string; holds: boolean; figures: Record<string, string> }[];
}

/** A ledger broke one of its own invariants: a bug, never bad input; nothing is written. */
export class LedgerInvariantError extends Error {
  constructor(readonly failed: Ledger["checks"]) {
    super(`invariant broken (ledger): ${failed.map((c) => `${c.id} ${JSON.stringify(c.figures)}`).join("; ")}`);
    this.name = "LedgerInvariantError";
  }
}

function checked(ledger: Ledger): Ledger {
  const failed = ledger.checks.filter((c) => !c.holds);
  if (failed.length > 0) throw new LedgerInvariantError(failed);
  return ledger;
}

/** The ledger file of a party: `bokforing-RKL-2026.csv`. */
export function ledgerFileName(party: string, year: number): string {
  return `bokforing-${party}-${year}.csv`;
}

/** The last day of a month, ISO. */
export function monthEnd(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const order = (c: Component | null): number => (c === null ? COMPONENTS.length : COMPONENTS.indexOf(c));

/** The ledger's accounting data for one party: accounts, cost centre and codes (all optional). */
function booking(accounting: PartyAccounting | undefined, component: Component | null, kind: "income" | "cost", counterparty: number) {
  const account = component === null ? undefined : accounting?.accounts[component]?.[kind];
  const code = accounting?.counterpartyCodes[counterparty];
  return { ...(account ? { account } : {}), ...(accounting?.costCentre ? { costCentre: accounting.costCentre } : {}), ...(code ? { counterpartyCode: code } : {}) };
}

/**
 * Lines of one party from signed amounts per (counterparty, component): positive income, negative
 * cost, zero left out; in counterparty order, then component order.
 */
function partyLines(p: number, ids: readonly string[], amounts: Map<string, { q: number; c: Component | null; amount: bigint }>, base: Omit<LedgerLine, "counterparty" | "kind" | "component" | "amount" | "reference">, prefix: string, accounting: PartyAccounting | undefined): LedgerLine[] {
  return [...amounts.values()]
    .filter((x) => x.amount !== 0n)
    .sort((x, y) => x.q - y.q || order(x.c) - order(y.c))
    .map((x) => {
      const kind = x.amount > 0n ? "income" : "cost";
      return { ...base, counterparty: ids[x.q] ?? String(x.q), kind, component: x.c, ...booking(accounting, x.c, kind, x.q), amount: x.amount, reference: `${prefix}-${ids[p]}-${ids[x.q]}-${x.c ?? "unassigned"}` };
    });
}

function add(m: Map<string, { q: number; c: Component | null; amount: bigint }>, q: number, c: Component | null, amount: bigint): void {
  const k = `${q}|${c ?? ""}`;
  const e = m.get(k) ?? { q, c, amount: 0n };
  e.amount += amount;
  m.set(k, e);
}

/** Every party's ledger lines of the a-conto plan: per month, counterparty and component. */
export function accontoLedger(plan: AccontoPlan): Ledger {
  const tariff = plan.tariff;
  const ids = tariff.parties.map((p) => p.id);
  const parties: PartyLedger[] = [];
  const checks: Ledger["checks"] = [];
  ids.forEach((id, p) => {
    const lines: LedgerLine[] = [];
    for (let k = 0; k < MONTHS; k++) {
      const amounts = new Map<string, { q: number; c: Component | null; amount: bigint }>();
      for (const l of plan.lines) {
        const m = l.months[k] ?? 0n;
        if (l.payee === p && l.payer !== p) add(amounts, l.payer, l.component, m);
        if (l.payer === p && l.payee !== p) add(amounts, l.payee, l.component, -m);
      }
      const month = k + 1;
      const base = { date: monthEnd(plan.year, month), what: { kind: "acconto" as const, month }, year: plan.year, ...(tariff.decision ? { decision: tariff.decision } : {}) };
      const monthLines = partyLines(p, ids, amounts, base, `AC-${plan.year}-${String(month).padStart(2, "0")}`, tariff.accounting?.[p]);
      const sum = monthLines.reduce((a, x) => a + x.amount, 0n);
      const net = plan.net[p]?.[k] ?? 0n;
      checks.push({ id: "ledger_month_is_net", holds: sum === net, figures: { party: id, month: String(month), lines: formatOre(sum), net: formatOre(net) } });
      lines.push(...monthLines);
    }
    parties.push({ party: p, id, lines });
  });
  return checked({ parties, checks });
}

/**
 * Every party's ledger lines of a settlement: per counterparty and component what remains
 * (due − paid, from the party's side), dated `date` (the day the settlement is made). A forecast
 * of the settlement gives the accrual (references PR-…).
 */
export function settlementLedger(s: Settlement, options: { date: string; tariff?: CompiledTariff }): Ledger {
  const ids = s.parties;
  // the tariff's accounting is matched by party id (the result's parties are the tariff's)
  const accountingOf = (p: number): PartyAccounting | undefined => {
    const t = options.tariff;
    if (!t?.accounting) return undefined;
    const i = t.parties.findIndex((x) => x.id === ids[p]);
    const a = i >= 0 ? t.accounting[i] : undefined;
    if (!a) return undefined;
    // counterparty codes by the tariff's index → by the settlement's
    return { ...a, counterpartyCodes: ids.map((id) => a.counterpartyCodes[t.parties.findIndex((x) => x.id === id)]) };
  };
  const parties: PartyLedger[] = [];
  const checks: Ledger["checks"] = [];
  const what: LedgerLine["what"] = s.forecast ? { kind: "forecast", through: s.forecast.through } : { kind: "settlement" };
  const prefix = `${s.forecast ? "PR" : "SL"}-${s.year}`;
  ids.forEach((id, p) => {
    const amounts = new Map<string, { q: number; c: Component | null; amount: bigint }>();
    for (const l of s.lines) {
      if (l.payee === p && l.payer !== p) add(amounts, l.payer, l.component, l.difference);
      if (l.payer === p && l.payee !== p) add(amounts, l.payee, l.component, -l.difference);
    }
    const base = { date: options.date, what, year: s.year, ...(options.tariff?.decision ? { decision: options.tariff.decision } : {}) };
    const lines = partyLines(p, ids, amounts, base, prefix, accountingOf(p));
    const sum = lines.reduce((a, x) => a + x.amount, 0n);
    const remaining = s.totals[p]?.remaining ?? 0n;
    checks.push({ id: "ledger_settlement_is_remaining", holds: sum === remaining, figures: { party: id, lines: formatOre(sum), remaining: formatOre(remaining) } });
    parties.push({ party: p, id, lines });
  });
  return checked({ parties, checks });
}
