/**
 * model.md steps 2–4 as properties on random tariffs and consumption: net positions sum to zero,
 * transfers settle them in at most n − 1 payments, row order does not matter, and a consumption
 * split in two gives the same sums as the whole.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculate, type CalculationResult } from "../src/core/model/calculate.js";
import type { ConsumptionRow } from "../src/core/model/consumption.js";
import type { TariffInput } from "../src/core/model/tariff-schema.js";
import { calculateRows } from "./helpers.js";

const PARTIES = ["RJL", "RKL", "RÖ"];
const AREAS = ["neurokirurgi", "primärvård", "psykiatri", "rättspsykiatri", "klinisk genetik", "ortopedi", "  ORTOPEDI "];

const money = (maxOre: bigint, allowNegative = false) =>
  fc.bigInt({ min: allowNegative ? -maxOre : 0n, max: maxOre }).map((o) => {
    const neg = o < 0n;
    const a = (neg ? -o : o).toString().padStart(3, "0");
    return `${neg ? "-" : ""}${a.slice(0, -2)}.${a.slice(-2)}`;
  });

const tariffArb: fc.Arbitrary<TariffInput> = fc.record({
  population: fc.tuple(fc.integer({ min: 1, max: 900_000 }), fc.integer({ min: 0, max: 900_000 }), fc.integer({ min: 0, max: 900_000 })),
  fixedShare: fc.constantFrom("0.65", "0.7", "0", "1", "0.333"),
  refs: fc.array(fc.tuple(fc.nat(2), fc.nat(2), money(10n ** 11n)), { maxLength: 6 }),
  solidarity: fc.array(money(10n ** 10n, true), { maxLength: 3 }),
  fixedTotal: money(10n ** 10n),
}).map((r) => {
  const seen = new Set<string>();
  const references = r.refs
    .filter(([s, b]) => s !== b && !seen.has(`${s}${b}`) && seen.add(`${s}${b}`))
    .map(([s, b, amount]) => ({ seller: PARTIES[s] as string, buyer: PARTIES[b] as string, amount }));
  return {
    format: "vardavtal-tariff/1" as const,
    year: 2025,
    title: "property",
    parties: PARTIES.map((id) => ({ id, name: id })),
    key: { basis: "population" as const },
    population: { RJL: r.population[0], RKL: r.population[1], RÖ: r.population[2] },
    fixedShare: r.fixedShare,
    pointPrices: [
      { seller: "RÖ", validFrom: "2025-01-01", price: "71250.00" },
      { seller: "RÖ", validFrom: "2025-07-01", price: "72000.55" },
      { seller: "RJL", validFrom: "2024-01-01", price: "64800.00" },
      { seller: "RKL", validFrom: "2025-01-01", price: "63900.13" },
    ],
    careRules: [
      { area: "primärvård", model: "unit_price" as const },
      { area: "psykiatri", sellers: ["RJL", "RKL"], model: "unit_price" as const },
      { area: "rättspsykiatri", model: "excluded" as const },
      { area: "klinisk genetik", model: "fixed_only" as const },
    ],
    references,
    fixedOnly: [{ area: "klinisk genetik", host: "RÖ", total: r.fixedTotal }],
    solidarity: r.solidarity.map((amount, i) => ({ unit: `U${i}`, host: PARTIES[i % 3] as string, amount })),
  };
});

const rowArb: fc.Arbitrary<ConsumptionRow> = fc
  .record({
    s: fc.nat(2),
    b: fc.nat(2),
    area: fc.constantFrom(...AREAS),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.constantFrom(2025, 2025, 2025, 2024),
    byAmount: fc.boolean(),
    amount: money(10n ** 9n, true),
    points: fc.integer({ min: 0, max: 50_000_000 }),
  })
  .map((r) => ({
    date: `${r.year}-${String(r.month).padStart(2, "0")}-15`,
    seller: PARTIES[r.s] as string,
    buyer: PARTIES[r.b] as string,
    area: r.area,
    ...(r.byAmount ? { amount: r.amount } : { points: (r.points / 1e6).toFixed(6).replace(".", ",") }),
  }));

function run(tariff: TariffInput, rows: ConsumptionRow[]): CalculationResult {
  return calculateRows(tariff, rows).result;
}

describe("calculation invariants", () => {
  it("net positions sum to zero and the transfers settle them (one per pair of parties by default, v3)", () => {
    fc.assert(
      fc.property(tariffArb, fc.array(rowArb, { maxLength: 60 }), (tariff, rows) => {
        const r = run(tariff, rows);
        expect(r.net.reduce((a, b) => a + b, 0n)).toBe(0n);
        const left = [...r.net];
        for (const t of r.transfers) {
          left[t.payer] = (left[t.payer] as bigint) + t.amount;
          left[t.payee] = (left[t.payee] as bigint) - t.amount;
        }
        expect(left.every((x) => x === 0n)).toBe(true);
        expect(r.transfers.length).toBeLessThanOrEqual(r.netting === "bilateral" ? 3 : 2);
        expect(r.checks.every((c) => c.holds)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("every split's shares sum to its total", () => {
    fc.assert(
      fc.property(tariffArb, (tariff) => {
        const r = run(tariff, []);
        for (const s of r.splits) expect(s.parts.reduce((a, p) => a + p.amount, 0n)).toBe(s.total);
      }),
      { numRuns: 100 },
    );
  });

  it("the result does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(tariffArb, fc.array(rowArb, { maxLength: 40 }), fc.integer(), (tariff, rows, seed) => {
        const shuffled = [...rows];
        let x = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          const j = x % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as ConsumptionRow, shuffled[i] as ConsumptionRow];
        }
        const a = run(tariff, rows);
        const b = run(tariff, shuffled);
        expect(b.flows).toEqual(a.flows);
        expect(b.net).toEqual(a.net);
        expect(b.skipped).toEqual(a.skipped);
      }),
      { numRuns: 100 },
    );
  });

  it("a consumption file split in two gives the same sums as the whole", () => {
    fc.assert(
      fc.property(tariffArb, fc.array(rowArb, { maxLength: 40 }), fc.nat(), (tariff, rows, cut) => {
        const k = rows.length === 0 ? 0 : cut % (rows.length + 1);
        const whole = run(tariff, rows);
        const first = run(tariff, rows.slice(0, k));
        const second = run(tariff, rows.slice(k));
        // per (seller, buyer, model): whole = first + second
        const sum = new Map<string, bigint>();
        for (const part of [first, second]) {
          for (const p of part.pairs) for (const [m, v] of Object.entries(p.value)) sum.set(`${p.seller}${p.buyer}${m}`, (sum.get(`${p.seller}${p.buyer}${m}`) ?? 0n) + v);
        }
        for (const p of whole.pairs) for (const [m, v] of Object.entries(p.value)) expect(sum.get(`${p.seller}${p.buyer}${m}`) ?? 0n).toBe(v);
        expect(whole.skipped.otherYear).toBe(first.skipped.otherYear + second.skipped.otherYear);
        expect(whole.skipped.ownRegion).toBe(first.skipped.ownRegion + second.skipped.ownRegion);
      }),
      { numRuns: 100 },
    );
  });

  it("values every row exactly: points × the price valid at its date", async () => {
    const tariff = await fc.sample(tariffArb, 1)[0] as TariffInput;
    const r = await calculate({
      tariff,
      consumption: [
        { date: "2025-06-30", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "0,000001" },
        { date: "2025-07-01", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "1,5" },
      ],
    });
    const pair = r.pairs.find((p) => p.seller === 2 && p.buyer === 0);
    // 0.000001 × 71 250.00 + 1.5 × 72 000.55 = 0.07125 + 108 000.825 = 108 000.89625 SEK
    expect(pair?.value.fixed_variable).toBe(10_800_089_625_000n);
  });
});
