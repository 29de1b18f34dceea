/**
 * The comparison (model.md, "Comparison") and the effects as properties on random tariffs and
 * consumption, every result going through its JSON file as `vardavtal compare` reads it:
 * compare(A, A) is all zeros; compare(A, B) = −compare(B, A); Σ change of the nets is 0; every
 * change equals an independent recomputation from the two results' flows; the effects sum exactly
 * to each party's change; a scenario that sets values to what the tariff has gives the same result,
 * and `--set fixedShare=x` gives what a tariff written with x gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalculationResult } from "../src/core/model/calculate.js";
import { compareResults, type Comparison } from "../src/core/analysis/compare.js";
import type { ConsumptionRow } from "../src/core/model/consumption.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { decomposeEffects, type EffectState } from "../src/core/analysis/effects.js";
import { readResultDetail } from "../src/contracts/result-input.js";
import { resultToJson } from "../src/contracts/result-json.js";
import { applyScenario, scenarioComparison } from "../src/core/analysis/scenario.js";
import { loadTariff, type CompiledTariff } from "../src/core/model/tariff.js";
import type { TariffInput } from "../src/core/model/tariff-schema.js";
import { calculateRows, flowSums, ore } from "./helpers.js";
import { comparableFromFile, stateFromResultFile } from "../src/contracts/result-state.js";

const PARTIES = ["RJL", "RKL", "RÖ"];
const AREAS = ["neurokirurgi", "primärvård", "psykiatri", "klinisk genetik", "ortopedi"];

const money = (maxOre: bigint, allowNegative = false) =>
  fc.bigInt({ min: allowNegative ? -maxOre : 0n, max: maxOre }).map((o) => {
    const neg = o < 0n;
    const a = (neg ? -o : o).toString().padStart(3, "0");
    return `${neg ? "-" : ""}${a.slice(0, -2)}.${a.slice(-2)}`;
  });

const tariffArb: fc.Arbitrary<TariffInput> = fc
  .record({
    population: fc.tuple(fc.integer({ min: 1, max: 900_000 }), fc.integer({ min: 0, max: 900_000 }), fc.integer({ min: 0, max: 900_000 })),
    fixedKey: fc.boolean(),
    fixedShare: fc.constantFrom("0.65", "0.6", "0.7", "0", "1", "0.333"),
    refs: fc.array(fc.tuple(fc.nat(2), fc.nat(2), money(10n ** 10n)), { maxLength: 6 }),
    solidarity: fc.array(money(10n ** 9n, true), { maxLength: 3 }),
    fixedTotal: money(10n ** 9n),
    fixedAmounts: fc.tuple(money(10n ** 8n), money(10n ** 8n)),
    grant: money(10n ** 8n),
    price: fc.constantFrom("71250.00", "64800.55", "60000.00"),
  })
  .map((r) => {
    const seen = new Set<string>();
    const references = r.refs.filter(([s, b]) => s !== b && !seen.has(`${s}${b}`) && seen.add(`${s}${b}`)).map(([s, b, amount]) => ({ seller: PARTIES[s] as string, buyer: PARTIES[b] as string, amount }));
    return {
      format: "vardavtal-tariff/1" as const,
      year: 2025,
      title: "property",
      parties: PARTIES.map((id) => ({ id, name: id })),
      key: r.fixedKey ? { basis: "fixed" as const, shares: { RJL: "0.3391", RKL: "0.2268", RÖ: "0.4341" } } : { basis: "population" as const },
      population: { RJL: r.population[0], RKL: r.population[1], RÖ: r.population[2] },
      fixedShare: r.fixedShare,
      pointPrices: PARTIES.map((seller) => ({ seller, validFrom: "2025-01-01", price: r.price })),
      careRules: [
        { area: "primärvård", model: "unit_price" as const },
        { area: "psykiatri", sellers: ["RJL", "RKL"], model: "unit_price" as const },
        { area: "klinisk genetik", model: "fixed_only" as const },
      ],
      references,
      fixedOnly: [
        { area: "klinisk genetik", host: "RÖ", total: r.fixedTotal },
        { area: "brännskadevård", host: "RÖ", amounts: { RJL: r.fixedAmounts[0], RKL: r.fixedAmounts[1] } },
      ],
      solidarity: r.solidarity.map((amount, i) => ({ unit: `U${i}`, host: PARTIES[i % 3] as string, amount })),
      grants: [
        { name: "Processmedel", recipient: "RÖ", amount: r.grant },
        { name: "NPO", recipient: "RJL", amount: "900000.00", amounts: { RKL: "300000.00", RÖ: "250000.00" } },
      ],
    };
  });

const rowArb: fc.Arbitrary<ConsumptionRow> = fc
  .record({ s: fc.nat(2), b: fc.nat(2), area: fc.constantFrom(...AREAS), month: fc.integer({ min: 1, max: 12 }), byAmount: fc.boolean(), amount: money(10n ** 8n, true), points: fc.integer({ min: 0, max: 50_000_000 }) })
  .map((r) => ({
    date: `2025-${String(r.month).padStart(2, "0")}-15`,
    seller: PARTIES[r.s] as string,
    buyer: PARTIES[r.b] as string,
    area: r.area,
    ...(r.byAmount ? { amount: r.amount } : { points: (r.points / 1e6).toFixed(6) }),
  }));

interface Run {
  state: EffectState;
  result: CalculationResult;
}

function run(tariff: TariffInput | CompiledTariff, rows: readonly ConsumptionRow[]): Run {
  const { tariff: t, key, consumption, result } = calculateRows(tariff, rows);
  return { state: { tariff: t, key, consumption }, result };
}

/** What `vardavtal compare A.json B.json` computes: both results read back from their JSON. */
function compareFiles(a: CalculationResult, b: CalculationResult): { c: Comparison; ja: ReturnType<typeof resultToJson>; jb: ReturnType<typeof resultToJson> } {
  const ja = resultToJson(a);
  const jb = resultToJson(b);
  const bag = new DiagnosticBag();
  const ra = readResultDetail(JSON.stringify(ja), "a.json", bag);
  const rb = readResultDetail(JSON.stringify(jb), "b.json", bag);
  bag.throwIfErrors();
  if (!ra || !rb) throw new Error("unreadable");
  const sa = stateFromResultFile(ra.result, ra.detail, "a.json");
  const sb = stateFromResultFile(rb.result, rb.detail, "b.json");
  if ("code" in sa) throw new Error(`A: ${sa.code} ${JSON.stringify(sa.params)}`);
  if ("code" in sb) throw new Error(`B: ${sb.code} ${JSON.stringify(sb.params)}`);
  const effects = decomposeEffects(sa, sb, { consumptionMovesWith: "consumption", expected: { a: ra.result.net, b: rb.result.net } });
  return { c: compareResults(comparableFromFile(ra.result, ra.detail), comparableFromFile(rb.result, rb.detail), { effects }), ja, jb };
}

const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
const rowsArb = fc.array(rowArb, { maxLength: 40 });

describe("compare: properties", () => {
  it("compare(A, A) is all zeros, effects included", () => {
    fc.assert(
      fc.property(tariffArb, rowsArb, (t, rows) => {
        const a = run(t, rows).result;
        const { c } = compareFiles(a, a);
        expect([...c.net, ...c.components, ...c.flows, ...(c.pairs ?? []), ...(c.areas ?? [])].every((x) => x.change === 0n)).toBe(true);
        expect(c.effects?.available).toBe(true);
        if (c.effects?.available) expect(c.effects.parties.flatMap((p) => p.effects).every((e) => e === 0n)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("compare(A, B) = −compare(B, A); Σ change of the nets = 0; each change is the independent B − A of the flows; the effects sum exactly to each party's change", () => {
    fc.assert(
      fc.property(tariffArb, tariffArb, rowsArb, rowsArb, (ta, tb, rowsA, rowsB) => {
        const a = run(ta, rowsA).result;
        const b = run(tb, rowsB).result;
        const { c: ab, ja, jb } = compareFiles(a, b);
        const { c: ba } = compareFiles(b, a);
        expect(sum(ab.net.map((n) => n.change))).toBe(0n);
        expect(ab.net.map((n) => n.change)).toEqual(ba.net.map((n) => -n.change));
        const flowKey = (f: { payer: number; payee: number; component: string; label: string | null }): string => `${f.payer}|${f.payee}|${f.component}|${f.label}`;
        const reverse = new Map(ba.flows.map((f) => [flowKey(f), f.change]));
        for (const f of ab.flows) expect(reverse.get(flowKey(f))).toBe(-f.change);
        // independent: B − A from the files' flows, summed by (payer, payee, component, label)
        const sa = flowSums(ja.flows);
        const sb = flowSums(jb.flows);
        const id = (i: number): string => ab.parties[i] as string;
        for (const f of ab.flows) {
          const k = `${id(f.payer)}→${id(f.payee)} ${f.component} ${f.label ?? ""}`;
          expect(f.change).toBe(BigInt(sb[k] ?? "0") - BigInt(sa[k] ?? "0"));
        }
        ab.parties.forEach((p, i) => {
          const netOf = (j: typeof ja): bigint => ore(j.net.find((n) => n.party === p)?.amount ?? "0.00");
          expect(ab.net[i]?.change).toBe(netOf(jb) - netOf(ja));
        });
        expect(ab.effects?.available).toBe(true);
        if (ab.effects?.available) ab.effects.parties.forEach((p, i) => expect(sum(p.effects)).toBe(ab.net[i]?.change));
        expect(ab.checks.every((x) => x.holds)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("a scenario that sets values to what the tariff has gives the same result", () => {
    fc.assert(
      fc.property(tariffArb, rowsArb, (t, rows) => {
        const base = loadTariff(t);
        const set = [`fixedShare=${t.fixedShare}`, ...(t.solidarity ?? []).map((u) => `solidarity.${u.unit}.amount=${u.amount}`), ...(t.references ?? []).map((r) => `references.${r.seller}>${r.buyer}.amount=${r.amount}`), `key.basis=${t.key.basis}`];
        const { tariff } = applyScenario(base, { set });
        const a = run(base, rows).result;
        const b = run(tariff, rows).result;
        expect(resultToJson(b)).toEqual(resultToJson(a));
      }),
      { numRuns: 40 },
    );
  });

  it("--set fixedShare=x gives what a tariff written with x gives; the scenario's comparison and effects add up", () => {
    fc.assert(
      fc.property(tariffArb, rowsArb, fc.constantFrom("0.60", "0.5", "1", "0", "0.123456"), (t, rows, x) => {
        const base = loadTariff(t);
        const { tariff, record } = applyScenario(base, { set: [`fixedShare=${x}`] });
        expect(record.set).toEqual([{ path: "fixedShare", value: x, target: "$.fixedShare", was: JSON.stringify(t.fixedShare) }]);
        expect(record.changed).toEqual(["$.fixedShare"]);
        const scenario = run(tariff, rows);
        const written = run({ ...t, fixedShare: x }, rows);
        expect(scenario.result.flows).toEqual(written.result.flows);
        const baseline = run(base, rows);
        const c = scenarioComparison({ ...baseline.state, result: baseline.result }, { ...scenario.state, result: scenario.result }, record);
        expect(c.effects?.available).toBe(true);
        if (c.effects?.available) {
          c.effects.parties.forEach((p, i) => {
            expect(sum(p.effects)).toBe(c.net[i]?.change);
            // only the fixed share changed: every other group has no effect
            p.effects.forEach((e, k) => {
              if (c.effects?.available && c.effects.groups[k] !== "fixedShare") expect(e).toBe(0n);
            });
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
