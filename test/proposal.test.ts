/** The proposal for next year (model.md, "Proposal"). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { indexFactor, proposeTariff, roundTo, type BaseResult } from "../src/core/year/proposal.js";
import { resultToJson } from "../src/contracts/result-json.js";
import { readBaseResult } from "../src/contracts/result-input.js";
import { loadTariff } from "../src/core/model/tariff.js";
import { calculateFiles } from "../src/node/run.js";
import { FIXTURES } from "./helpers.js";
import { parseIndex } from "../src/read/propose-run.js";
import { proposalNotes } from "../src/text/proposal-notes.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const tariff = loadTariff(readFileSync(join(MINI, "tariff.json"), "utf8"), "tariff.json");
const n = tariff.parties.length;

describe("the proposal's arithmetic", () => {
  it("parses an index as the command line writes it, exactly", () => {
    expect(parseIndex("2024=2,9")).toEqual({ year: 2024, percent: { units: 29n, scale: 1 } });
    expect(parseIndex("2025=3.1")).toEqual({ year: 2025, percent: { units: 31n, scale: 1 } });
    expect(parseIndex("2026=2,8 %")).toEqual({ year: 2026, percent: { units: 28n, scale: 1 } });
    expect(parseIndex("2024=-0,5")).toEqual({ year: 2024, percent: { units: -5n, scale: 1 } });
    expect(parseIndex("2024=3")).toEqual({ year: 2024, percent: { units: 3n, scale: 0 } });
    for (const bad of ["2024", "24=3", "2024=3,1,2", "2024=abc", "2024=3e2"]) expect(parseIndex(bad), bad).toBeUndefined();
    expect(indexFactor({ units: 31n, scale: 1 })).toEqual({ num: 1031n, den: 1000n });
  });

  it("round_to rounds half away from zero to a multiple of the unit", () => {
    expect(roundTo({ num: 150_000n, den: 1n }, 100_000n)).toBe(200_000n); // 1 500 kr → 2 000 kr
    expect(roundTo({ num: 149_999n, den: 1n }, 100_000n)).toBe(100_000n);
    expect(roundTo({ num: -150_000n, den: 1n }, 100_000n)).toBe(-200_000n);
    expect(roundTo({ num: 5n, den: 2n }, 1n)).toBe(3n);
  });

  it("one base year, index 0 and unit 0,01 kr reproduce that year's fixed_variable values as references (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.bigInt({ min: 0n, max: 10n ** 17n })), { maxLength: 6 }), (cells) => {
        const values = new Map<number, bigint>();
        for (const [s, b, v] of cells) if (s !== b) values.set(s * n + b, v * 1_000_000n); // whole öre
        const bag = new DiagnosticBag();
        const p = proposeTariff({ notes: proposalNotes("sv"), tariff, results: [{ file: "r.json", year: 2024, values }], index: new Map([[2025, { units: 0n, scale: 0 }], [2026, { units: 0n, scale: 0 }]]) }, bag);
        expect(bag.errors).toEqual([]);
        const got = new Map(p!.references.map((r) => [r.seller * n + r.buyer, r.reference]));
        const expected = new Map([...values].filter(([, v]) => v !== 0n).map(([c, v]) => [c, v / 1_000_000n]));
        expect(got).toEqual(expected);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it("means uprated base values exactly, rounds once, and uprates prices and budgets by next year's index", () => {
    // RÖ→RJL: 2023 value 100 000,00 kr; 2024 value 110 000,005 kr (points × price can leave öre fractions)
    const cell = 2 * n + 0;
    const results: BaseResult[] = [
      { file: "a.json", year: 2023, values: new Map([[cell, 100_000_00n * 1_000_000n]]) },
      { file: "b.json", year: 2024, values: new Map([[cell, 11_000_000_500_000n], [0 * n + 1, 5_00n * 1_000_000n]]) },
    ];
    const index = new Map([
      [2024, { units: 29n, scale: 1 }],
      [2025, { units: 31n, scale: 1 }],
      [2026, { units: 28n, scale: 1 }],
    ]);
    const bag = new DiagnosticBag();
    const p = proposeTariff({ notes: proposalNotes("sv"), tariff, results, index }, bag)!;
    // (100 000 × 1,029 × 1,031 × 1,028 + 110 000,005 × 1,031 × 1,028) / 2, exactly, then to the öre
    const r = p.references.find((x) => x.seller === 2 && x.buyer === 0)!;
    expect(r.reference).toBe(11_282_295n); // 112 822,95 kr (exactly 112 822,95124967 kr before rounding)
    // a pair present in one base year only counts 0 in the other: (0 + 5,00 × 1,031 × 1,028) / 2
    expect(p.references.find((x) => x.seller === 0 && x.buyer === 1)?.reference).toBe(265n);
    expect(p.tariff.status).toBe("proposal");
    expect(p.tariff.year).toBe(2026);
    const price = p.tariff.pointPrices.find((x) => x.seller === "RÖ")!;
    // RÖ's price in force at the end of 2025 is 72 000,00 kr (from 2025-07-01): × 1,028
    expect([price.validFrom, price.price]).toEqual(["2026-01-01", "74016.00"]);
    expect(bag.warnings.map((w) => w.code)).toContain("PROPOSE_KEY_KEPT");
    // the proposal is a valid tariff
    expect(() => loadTariff(JSON.stringify(p.tariff))).not.toThrow();
  });

  it("a missing index is an error naming the year", () => {
    const bag = new DiagnosticBag();
    proposeTariff({ notes: proposalNotes("sv"), tariff, results: [{ file: "a.json", year: 2023, values: new Map() }], index: new Map([[2026, { units: 1n, scale: 0 }]]) }, bag);
    expect(bag.errors.map((e) => [e.code, e.params.year])).toEqual([
      ["PROPOSE_NO_INDEX", 2024],
      ["PROPOSE_NO_INDEX", 2025],
    ]);
  });

  it("reads a base year from a result file as calculate writes it", async () => {
    const { result } = await calculateFiles({ tariff: join(MINI, "tariff.json"), consumption: join(MINI, "consumption.csv") });
    const text = JSON.stringify(resultToJson(result));
    const bag = new DiagnosticBag();
    const base = readBaseResult(text, "r.json", tariff.parties.map((p) => p.id), bag)!;
    expect(bag.errors).toEqual([]);
    for (const pr of result.pairs) expect(base.values.get(pr.seller * n + pr.buyer)).toBe(pr.value.fixed_variable);
  });
});

describe("vardavtal propose", () => {
  it("writes next year's tariff, valid, with status proposal and every derived value's source", async () => {
    const { runMain, tempDir } = await import("./helpers.js");
    const out = tempDir();
    const r25 = join(out, "r25.json");
    expect((await runMain(["calculate", "--tariff", "2025", "--consumption", join(FIXTURES, "..", "..", "examples", "2025", "konsumtion-2025.csv"), "--json", r25])).code).toBe(0);
    const pop = join(out, "pop.csv");
    (await import("node:fs")).writeFileSync(pop, "part;befolkning;datum\nRJL;370009;2024-12-31\nRKL;246352;2024-12-31\nRÖ;472446;2024-12-31\n");
    const r = await runMain(["propose", "--tariff", "2025", "--results", r25, "--index", "2026=2,8", "--round-to", "1000", "--population", pop, "--out", join(out, "t26.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Förslag: Överenskommelse 2026");
    const t = JSON.parse(readFileSync(join(out, "t26.json"), "utf8"));
    expect([t.format, t.year, t.status, t.key.date, t.population.RJL]).toEqual(["vardavtal-tariff/1", 2026, "proposal", "2024-12-31", 370009]);
    for (const ref of t.references) {
      expect(ref.source).toMatch(/^Förslag 2026: medelvärdet .* för 2025, uppräknat med index till 2026 \(2026 2,8 %\), avrundat till 1 000,00 kr$/);
      expect(BigInt(ref.amount.replace(".", "")) % 100_000n).toBe(0n); // a multiple of 1 000 kr
    }
    for (const u of t.solidarity) expect(u.source).toMatch(/^Förslag 2026: [\d ,]+ kr \(2025\) × \(1 \+ 2,8 %\), avrundat till öre/);
    // it is a tariff like any other: the key command reads it
    const key = await runMain(["key", "--tariff", join(out, "t26.json")]);
    expect(key.code, key.stderr).toBe(0);
    expect(key.stdout).toContain("2024-12-31");
  });
});
