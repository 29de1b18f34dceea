/** State grants passed on (model.md, "State grants passed on"): the recipient pays the others. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accontoPlan } from "../src/core/year/acconto.js";
import { calculate, type CalculationResult } from "../src/core/model/calculate.js";
import { InputError } from "../src/core/model/diagnostics.js";
import { loadTariff } from "../src/core/model/tariff.js";
import { FIXTURES, demoRun, runMain, tempDir } from "./helpers.js";
import { renderDiagnostic } from "../src/text/diagnostics.js";

const PARTIES = ["RJL", "RKL", "RÖ"];
const MINI = join(FIXTURES, "spec", "mini-2025");
const ROW = { year: "2025", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", amount: "100.00" };

function ore(o: bigint): string {
  const neg = o < 0n;
  const a = (neg ? -o : o).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${a.slice(0, -2)}.${a.slice(-2)}`;
}

interface GrantSpec {
  recipient: number;
  amount: bigint;
  amounts?: (bigint | undefined)[];
}

function tariffWith(population: number[], grants: GrantSpec[]): string {
  const t = JSON.parse(readFileSync(join(MINI, "tariff.json"), "utf8"));
  t.population = Object.fromEntries(PARTIES.map((p, i) => [p, population[i]]));
  t.grants = grants.map((g, k) => ({
    name: `Statsbidrag ${k}`,
    recipient: PARTIES[g.recipient],
    amount: ore(g.amount),
    ...(g.amounts ? { amounts: Object.fromEntries(g.amounts.flatMap((a, i) => (a === undefined ? [] : [[PARTIES[i], ore(a)]]))) } : {}),
  }));
  return JSON.stringify(t);
}

/**
 * An independent reading of the rule: by the key, exact shares amount × p / Σp, floors, the öre
 * left to the largest remainders (ties to the party first in the list); by decided amounts, each
 * amount. The recipient pays every other party; its own part is no flow.
 */
function expectedGrantFlows(population: number[], g: GrantSpec): Map<number, bigint> {
  const out = new Map<number, bigint>();
  if (g.amounts) {
    g.amounts.forEach((a, i) => {
      if (a !== undefined && a !== 0n && i !== g.recipient) out.set(i, a);
    });
    return out;
  }
  const total = population.reduce((a, b) => a + BigInt(b), 0n);
  const exact = population.map((p) => g.amount * BigInt(p));
  const floors = exact.map((x) => x / total);
  let left = g.amount - floors.reduce((a, b) => a + b, 0n);
  const order = population.map((_, i) => i).sort((a, b) => {
    const ra = exact[a]! % total;
    const rb = exact[b]! % total;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  const parts = [...floors];
  for (const i of order) if (left-- > 0n) parts[i]! += 1n;
  parts.forEach((p, i) => {
    if (i !== g.recipient && p !== 0n) out.set(i, p);
  });
  return out;
}

const grantArb: fc.Arbitrary<GrantSpec> = fc
  .record({ recipient: fc.nat(2), amount: fc.bigInt({ min: 0n, max: 10n ** 11n }), decided: fc.boolean(), cuts: fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 3, maxLength: 3 }), omit: fc.nat(3) })
  .map((r) => {
    if (!r.decided) return { recipient: r.recipient, amount: r.amount };
    // decided amounts summing to at most the grant
    const sum = r.cuts.reduce((a, b) => a + b, 0n) || 1n;
    const amounts = r.cuts.map((c, i) => (i === r.omit ? undefined : (r.amount * c) / (sum * 2n)));
    return { recipient: r.recipient, amount: r.amount, amounts };
  });

describe("state grants passed on", () => {
  it("flows equal an independent recomputation; Σ net = 0; key parts within one öre of the exact share (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 900_000 }), { minLength: 3, maxLength: 3 }), fc.array(grantArb, { minLength: 1, maxLength: 4 }), async (population, grants) => {
        const r: CalculationResult = await calculate({ tariff: tariffWith(population, grants), consumption: [ROW] });
        expect(r.net.reduce((a, b) => a + b, 0n)).toBe(0n);
        grants.forEach((g, k) => {
          const flows = r.flows.filter((f) => f.component === "grant" && f.label === `Statsbidrag ${k}`);
          expect(flows.every((f) => f.payer === g.recipient)).toBe(true);
          expect(new Map(flows.map((f) => [f.payee, f.amount]))).toEqual(expectedGrantFlows(population, g));
          const split = r.splits.find((s) => s.kind === "grant" && s.label === `Statsbidrag ${k}`);
          if (!g.amounts) {
            for (const p of split!.parts) {
              // |part − exact| < 1 öre, exactly: |part·den − num| < den
              const diff = p.amount * p.exact.den - p.exact.num;
              expect((diff < 0n ? -diff : diff) < p.exact.den).toBe(true);
            }
          } else {
            const given = r.grantAmounts.find((x) => x.label === `Statsbidrag ${k}`)!;
            const passedOn = [...expectedGrantFlows(population, g).values()].reduce((a, b) => a + b, 0n);
            expect(given.retained).toBe(g.amount - passedOn);
          }
        });
        expect(r.componentTotals.grant).toBe(r.flows.filter((f) => f.component === "grant").reduce((a, f) => a + f.amount, 0n));
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it("is annual: in the a-conto plan in 12 parts, and not scaled by a forecast", async () => {
    const tariff = loadTariff(tariffWith([368_856, 246_667, 472_298], [{ recipient: 2, amount: 250_000_000n }, { recipient: 0, amount: 90_000_000n, amounts: [undefined, 30_000_000n, 25_000_000n] }]));
    const plan = accontoPlan(tariff, (await calculate({ tariff, consumption: [ROW] })).key);
    const lines = plan.lines.filter((l) => l.component === "grant");
    expect(lines.map((l) => [l.payer, l.payee, l.annual])).toEqual([
      [0, 1, 30_000_000n],
      [0, 2, 25_000_000n],
      [2, 0, 84_769_461n],
      [2, 1, 56_688_325n],
    ]);
    for (const l of lines) expect(l.months.reduce((a, b) => a + b, 0n)).toBe(l.annual);
    const out = tempDir();
    const file = join(out, "t.json");
    (await import("node:fs")).writeFileSync(file, tariffWith([368_856, 246_667, 472_298], [{ recipient: 2, amount: 250_000_000n }]));
    const full = await runMain(["calculate", "--tariff", file, "--consumption", join(MINI, "consumption.csv"), "--json", join(out, "a.json")]);
    const fc2 = await runMain(["calculate", "--tariff", file, "--consumption", join(MINI, "consumption.csv"), "--through", "2025-06-30", "--json", join(out, "b.json")]);
    expect([full.code, fc2.code], full.stderr + fc2.stderr).toEqual([0, 0]);
    const grantsOf = (f: string) => JSON.parse(readFileSync(join(out, f), "utf8")).flows.filter((x: { component: string }) => x.component === "grant");
    expect(grantsOf("b.json")).toEqual(grantsOf("a.json"));
  });

  it("bad grants are errors at their JSON position: unknown recipient, amounts above the grant, three decimals", () => {
    const t = JSON.parse(readFileSync(join(MINI, "tariff.json"), "utf8"));
    t.grants = [
      { name: "A", recipient: "RXX", amount: "100.00" },
      { name: "B", recipient: "RÖ", amount: "100.00", amounts: { RJL: "60.00", RKL: "40.01" } },
      { name: "C", recipient: "RÖ", amount: "100.001" },
      { name: "a", recipient: "RÖ", amount: "1.00" },
    ];
    let errors: string[] = [];
    try {
      loadTariff(JSON.stringify(t, null, 2), "t.json");
    } catch (e) {
      errors = (e as InputError).diagnostics.map((d) => renderDiagnostic(d, "en"));
    }
    expect(errors.some((e) => /^t\.json:\d+:\d+: error\[TARIFF_SCHEMA\]: \$\.grants\[2\]\.amount/.test(e))).toBe(true);
    // the schema error stops the run before the content is checked: check the rest without it
    t.grants.splice(2, 1);
    try {
      loadTariff(JSON.stringify(t, null, 2), "t.json");
    } catch (e) {
      errors = (e as InputError).diagnostics.map((d) => renderDiagnostic(d, "en"));
    }
    expect(errors).toEqual([
      expect.stringMatching(/^t\.json:\d+:\d+: error\[TARIFF_UNKNOWN_PARTY\]: \$\.grants\[0\]\.recipient: unknown party "RXX"/),
      expect.stringMatching(/^t\.json:\d+:\d+: error\[TARIFF_GRANT_EXCEEDS\]: \$\.grants\[1\]\.amounts: the amounts per party sum to SEK 100\.01, more than the grant of SEK 100\.00/),
      expect.stringMatching(/^t\.json:\d+:\d+: error\[TARIFF_DUPLICATE\]: \$\.grants\[2\]\.name/),
    ] as unknown as string[]);
  });

  it("the bundled tariff's grants reach the summary, the JSON and the workbook", async () => {
    const { out, ...r } = await demoRun();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Statsbidrag vidarebefordrat +3 714 577,86/);
    const json = JSON.parse(readFileSync(join(out, "resultat-2025.json"), "utf8"));
    expect(json.componentTotals.grant).toBe("3714577.86");
    expect(json.grants.map((g: { basis: string; passedOn: string; retained: string }) => [g.basis, g.passedOn, g.retained])).toEqual([
      ["key", "1414577.86", "1085422.14"],
      ["amounts", "2300000.00", "1700000.00"],
    ]);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "rapport-2025.xlsx"));
    const a = wb.getWorksheet("Flöden")!;
    let linked = 0;
    a.eachRow((row) => {
      if (row.getCell(3).value === "Statsbidrag vidarebefordrat") {
        const v = row.getCell(5).value as { formula?: string };
        expect(v.formula, `row ${row.number}`).toBeDefined();
        linked++;
      }
    });
    expect(linked).toBe(4);
  });
});
