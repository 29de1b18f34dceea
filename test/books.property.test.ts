/**
 * The books (v3) as properties: netting per counterparty, a-conto months in whole units, the
 * settlement against what was paid (every kind of paid source, both nettings, forecasts) and the
 * ledger lines, on generated tariffs, results and payments. Each property is the rule as the model
 * states it, recomputed here in the plainest way and compared with the library's figures.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accontoPlan, monthlyParts } from "../src/core/year/acconto.js";
import { accontoLedger, settlementLedger } from "../src/core/year/ledger.js";
import { finalSettlement, monthsPaidThrough, type PaidItem, type PaidSource, type SettlementResult } from "../src/core/year/settlement.js";
import { COMPONENTS, type Component } from "../src/core/model/calculate.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { resolveKey, type DistributionKey } from "../src/core/model/key.js";
import { loadTariff } from "../src/core/model/tariff.js";
import { bilateralTransfers, balancesAfter, settlementTransfers } from "../src/core/model/transfers.js";
import { FIXTURES } from "./helpers.js";

const MINI = JSON.parse(readFileSync(join(FIXTURES, "spec", "mini-2025", "tariff.json"), "utf8")) as Record<string, unknown>;
const N = 3;
const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

const flowArb = fc.record({
  payer: fc.integer({ min: 0, max: N - 1 }),
  payee: fc.integer({ min: 0, max: N - 1 }),
  component: fc.constantFrom<Component>(...COMPONENTS),
  amount: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 11n }),
}).filter((f) => f.payer !== f.payee && f.amount !== 0n);

/** A result of generated flows, with its net positions. */
function resultOf(flows: { payer: number; payee: number; component: Component; amount: bigint }[], netting: "bilateral" | "multilateral"): SettlementResult {
  const net = [0n, 0n, 0n];
  for (const f of flows) {
    net[f.payee] = (net[f.payee] as bigint) + f.amount;
    net[f.payer] = (net[f.payer] as bigint) - f.amount;
  }
  return { year: 2025, parties: ["RJL", "RKL", "RÖ"], flows: flows.map((f) => ({ ...f, label: null })), net, netting };
}

/** Σ a→b − Σ b→a per pair, as the model says: the plainest recomputation. */
function pairSums(moves: readonly { payer: number; payee: number; amount: bigint }[]): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (let a = 0; a < N; a++)
    for (let b = a + 1; b < N; b++)
      m.set(`${a}-${b}`, sum(moves.filter((x) => x.payer === a && x.payee === b).map((x) => x.amount)) - sum(moves.filter((x) => x.payer === b && x.payee === a).map((x) => x.amount)));
  return m;
}

describe("netting per counterparty", () => {
  it("bilateral: one payment per pair with a non-zero balance, Σ a→b − Σ b→a, in party order; both nettings settle every net position", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 30 }), (flows) => {
        const r = resultOf(flows, "bilateral");
        const ts = bilateralTransfers(N, flows);
        const expected = [...pairSums(flows).entries()].filter(([, v]) => v !== 0n).map(([k, v]) => {
          const [a, b] = k.split("-").map(Number) as [number, number];
          return v > 0n ? { payer: a, payee: b, amount: v } : { payer: b, payee: a, amount: -v };
        });
        expect(ts).toEqual(expected);
        expect(balancesAfter(r.net, ts).every((x) => x === 0n)).toBe(true);
        const fewest = settlementTransfers(r.net);
        expect(balancesAfter(r.net, fewest).every((x) => x === 0n)).toBe(true);
        expect(fewest.length).toBeLessThanOrEqual(N - 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a-conto months in whole units", () => {
  it("sum to the annual amount; January–November equal multiples of the unit, floor(a/12/u)·u; December the rest", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (a, u) => {
        const m = monthlyParts(a, u);
        expect(sum(m)).toBe(a);
        for (let k = 0; k < 11; k++) expect(m[k]).toBe((a / 12n / u) * u);
        expect((m[0] as bigint) % u).toBe(0n);
        expect(m[11]).toBe(a - 11n * (m[0] as bigint));
        expect((m[11] as bigint) >= 0n).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  const tariffArb = fc.record({
    refs: fc.array(fc.record({ seller: fc.constantFrom("RJL", "RKL", "RÖ"), buyer: fc.constantFrom("RJL", "RKL", "RÖ"), amount: fc.integer({ min: 0, max: 10 ** 9 }) }), { maxLength: 6 }),
    unit: fc.constantFrom("0.01", "1", "1000"),
    netting: fc.constantFrom("bilateral", "multilateral"),
    rcc: fc.integer({ min: 0, max: 10 ** 8 }),
    // the regions that give their own accounts (the others' lines keep the columns empty)
    accounted: fc.subarray(["RJL", "RKL", "RÖ"]),
  });
  /** A region's own account for a component and kind, as the generated tariff gives it. */
  const accountOf = (party: string, c: Component, kind: "income" | "cost"): string => `${kind === "income" ? 3 : 4}${["RJL", "RKL", "RÖ"].indexOf(party)}${COMPONENTS.indexOf(c)}0`;
  const accountingOf = (parties: readonly string[]) =>
    Object.fromEntries(
      parties.map((p) => [
        p,
        {
          accounts: Object.fromEntries(COMPONENTS.map((c) => [c, { income: accountOf(p, c, "income"), cost: accountOf(p, c, "cost") }])),
          costCentre: `KS-${p}`,
          counterpartyCodes: Object.fromEntries(["RJL", "RKL", "RÖ"].filter((q) => q !== p).map((q) => [q, `MP-${q}`])),
        },
      ]),
    );
  const compile = (t: typeof tariffArb extends fc.Arbitrary<infer T> ? T : never) => {
    const seen = new Set<string>();
    const references = t.refs.filter((r) => r.seller !== r.buyer && !seen.has(r.seller + r.buyer) && seen.add(r.seller + r.buyer)).map((r) => ({ seller: r.seller, buyer: r.buyer, amount: `${(r.amount / 100).toFixed(2)}` }));
    const tariff = loadTariff({ ...MINI, references, netting: t.netting, acconto: { unit: t.unit }, solidarity: [{ unit: "RCC", host: "RÖ", amount: `${(t.rcc / 100).toFixed(2)}` }], ...(t.accounted.length > 0 ? { accounting: accountingOf(t.accounted) } : {}) });
    return { tariff, key: resolveKey(tariff, undefined, new DiagnosticBag()) as DistributionKey };
  };

  it("a plan's lines, months and payments under either netting; each party's ledger lines for a month sum to its net that month, each on the region's own account when the tariff has accounting", () => {
    fc.assert(
      fc.property(tariffArb, (t) => {
        const { tariff, key } = compile(t);
        const plan = accontoPlan(tariff, key);
        const u = tariff.accontoUnit;
        for (const l of plan.lines) {
          expect(sum(l.months)).toBe(l.annual);
          for (let k = 1; k < 11; k++) expect(l.months[k]).toBe(l.months[0]);
          expect((l.months[0] as bigint) % u).toBe(0n);
        }
        for (let k = 0; k < 12; k++) {
          const moves = plan.lines.map((l) => ({ payer: l.payer, payee: l.payee, amount: l.months[k] as bigint }));
          const ts = plan.transfers.filter((x) => x.month === k + 1);
          expect(balancesAfter(plan.net.map((row) => row[k] as bigint), ts).every((x) => x === 0n)).toBe(true);
          if (t.netting === "bilateral") expect(ts.map(({ payer, payee, amount }) => ({ payer, payee, amount }))).toEqual(bilateralTransfers(N, moves));
          else expect(ts.length).toBeLessThanOrEqual(N - 1);
        }
        const ledger = accontoLedger(plan);
        for (const p of ledger.parties) {
          for (let month = 1; month <= 12; month++) {
            const lines = p.lines.filter((l) => l.what.kind === "acconto" && l.what.month === month);
            expect(sum(lines.map((l) => l.amount))).toBe(plan.net[p.party]?.[month - 1]);
            for (const l of lines) expect(l.amount > 0n ? l.kind === "income" : l.kind === "cost").toBe(true);
            // with accounting: every line on the region's own account for its component and kind, its cost centre and the counterparty's code
            const id = ["RJL", "RKL", "RÖ"][p.party] as string;
            for (const l of lines) {
              if (t.accounted.includes(id)) expect([l.account, l.costCentre, l.counterpartyCode]).toEqual([accountOf(id, l.component as Component, l.kind), `KS-${id}`, `MP-${l.counterparty}`]);
              else expect([l.account, l.costCentre, l.counterpartyCode]).toEqual([undefined, undefined, undefined]);
            }
            expect(new Set(lines.map((l) => l.reference)).size).toBe(lines.length);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});

/** Paid items from generated payments: some with a component, some unassigned. */
const paymentArb = fc.record({
  payer: fc.integer({ min: 0, max: N - 1 }),
  payee: fc.integer({ min: 0, max: N - 1 }),
  component: fc.option(fc.constantFrom<Component>(...COMPONENTS), { nil: null }),
  amount: fc.bigInt({ min: -(10n ** 8n), max: 10n ** 11n }),
}).filter((p) => p.payer !== p.payee);

describe("the settlement against what was paid", () => {
  it("Σ remaining = 0; each party's remaining = the signed sum of its counterparties'; counterparties and lines as the model recomputes them", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 25 }), fc.array(paymentArb, { maxLength: 25 }), fc.constantFrom("bilateral" as const, "multilateral" as const), fc.constantFrom("invoiced" as const, "unpaid" as const), (flows, pays, netting, unitPrice) => {
        const r = resultOf(flows, netting);
        const items: PaidItem[] = pays.map((p) => ({ ...p, source: 0 }));
        const s = finalSettlement(r, items, "p.csv", { sources: [{ kind: "payments", file: "p.csv" }], unitPrice });
        expect(sum(s.totals.map((t) => t.remaining))).toBe(0n);
        // per counterparty: due and paid recomputed from the model's words
        const invoiced = (payer: number, payee: number): bigint => {
          if (unitPrice !== "invoiced") return 0n;
          const due = sum(flows.filter((f) => f.payer === payer && f.payee === payee && f.component === "unit_price").map((f) => f.amount));
          const paid = sum(pays.filter((p) => p.payer === payer && p.payee === payee && p.component === "unit_price").map((p) => p.amount));
          return due - paid;
        };
        const dues = pairSums(flows);
        const paids = pairSums(pays);
        for (const c of s.counterparties) {
          const k = `${c.a}-${c.b}`;
          expect(c.due).toBe(dues.get(k));
          expect(c.paid).toBe((paids.get(k) ?? 0n) + invoiced(c.a, c.b) - invoiced(c.b, c.a));
          expect(c.remaining).toBe(c.due - c.paid);
        }
        s.totals.forEach((t, p) => {
          const fromPairs = sum(s.counterparties.map((c) => (c.b === p ? c.remaining : c.a === p ? -c.remaining : 0n)));
          expect(t.remaining).toBe(fromPairs);
          expect(t.net).toBe(r.net[p]);
        });
        // the final payments under the netting settle every party
        expect(balancesAfter(s.totals.map((t) => t.remaining), s.transfers).every((x) => x === 0n)).toBe(true);
        if (netting === "bilateral") expect(s.transfers.length).toBe(s.counterparties.filter((c) => c.remaining !== 0n).length);
        // directions are never mixed in the lines
        for (const l of s.lines) {
          expect(l.paid - l.invoiced).toBe(sum(pays.filter((p) => p.payer === l.payer && p.payee === l.payee && p.component === l.component).map((p) => p.amount)));
          expect(l.due).toBe(sum(flows.filter((f) => f.payer === l.payer && f.payee === l.payee && f.component === l.component).map((f) => f.amount)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("paying the plan and then the final payments leaves every counterparty (bilateral) and every party (both nettings) at 0", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 25 }), fc.array(paymentArb, { maxLength: 15 }), fc.constantFrom("bilateral" as const, "multilateral" as const), (flows, pays, netting) => {
        const r = resultOf(flows, netting);
        const sources: PaidSource[] = [{ kind: "payments", file: "p.csv" }, { kind: "payments", file: "final.csv" }];
        const first = finalSettlement(r, pays.map((p) => ({ ...p, source: 0 })), "p.csv", { sources, unitPrice: "unpaid" });
        const finals: PaidItem[] = first.transfers.map((t) => ({ ...t, component: null, source: 1 }));
        const again = finalSettlement(r, [...pays.map((p) => ({ ...p, source: 0 })), ...finals], "p.csv", { sources, unitPrice: "unpaid" });
        expect(again.totals.every((t) => t.remaining === 0n)).toBe(true);
        expect(again.transfers).toEqual([]);
        if (netting === "bilateral") expect(again.counterparties.every((c) => c.remaining === 0n)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("a correction against an earlier settlement of the same result is all zeros", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 25 }), fc.constantFrom("bilateral" as const, "multilateral" as const), (flows, netting) => {
        const r = resultOf(flows, netting);
        // what the earlier settlement found due, per payer→payee and component, counts as paid
        const earlier = finalSettlement(r, [], "plan.json", { sources: [{ kind: "acconto", file: "plan.json" }] });
        const items: PaidItem[] = earlier.lines.filter((l) => l.due !== 0n).map((l) => ({ payer: l.payer, payee: l.payee, amount: l.due, component: l.component, source: 0 }));
        const s = finalSettlement(r, items, "s.json", { sources: [{ kind: "settlement", file: "s.json" }] });
        expect(s.unitPrice).toBe("invoiced");
        expect(s.lines.every((l) => l.difference === 0n && l.invoiced === 0n)).toBe(true);
        expect(s.counterparties.every((c) => c.remaining === 0n)).toBe(true);
        expect(s.totals.every((t) => t.remaining === 0n)).toBe(true);
        expect(s.transfers).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("a forecast with a plan: paid to date is the plan's months through the forecast's month, plan remaining the rest; the settlement ledger sums to each party's remaining", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 15 }), fc.array(fc.record({ payer: fc.integer({ min: 0, max: 2 }), payee: fc.integer({ min: 0, max: 2 }), annual: fc.bigInt({ min: 0n, max: 10n ** 11n }) }).filter((p) => p.payer !== p.payee), { maxLength: 8 }), fc.date({ min: new Date(Date.UTC(2025, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true }), (flows, lines, d) => {
        const through = d.toISOString().slice(0, 10);
        const r = { ...resultOf(flows, "bilateral"), forecast: { through } };
        const items: PaidItem[] = lines.map((l) => ({ payer: l.payer, payee: l.payee, amount: l.annual, component: "fixed", source: 0, months: monthlyParts(l.annual) }));
        const s = finalSettlement(r, items, "plan.json", { sources: [{ kind: "acconto", file: "plan.json" }], forecast: true });
        const m = monthsPaidThrough(through);
        const [y, mo, day] = through.split("-").map(Number) as [number, number, number];
        const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
        expect(m).toBe(day === lastDay ? mo : mo - 1);
        expect(s.forecast?.month).toBe(m);
        for (const c of s.counterparties) {
          const toDate = (a: number, b: number) => sum(items.filter((p) => p.payer === a && p.payee === b).map((p) => sum((p.months as bigint[]).slice(0, m))));
          const all = (a: number, b: number) => sum(items.filter((p) => p.payer === a && p.payee === b).map((p) => p.amount));
          expect(c.paidToDate).toBe(toDate(c.a, c.b) - toDate(c.b, c.a));
          expect(c.planRemaining).toBe(all(c.a, c.b) - all(c.b, c.a) - (c.paidToDate as bigint));
        }
        const ledger = settlementLedger(s, { date: "2025-09-15" });
        for (const p of ledger.parties) {
          expect(sum(p.lines.map((l) => l.amount))).toBe(s.totals[p.party]?.remaining);
          for (const l of p.lines) expect(l.reference.startsWith("PR-2025-")).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
