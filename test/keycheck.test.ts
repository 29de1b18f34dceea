/** model.md "Key compliance": the bundled example to the öre, and the properties that must hold. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateAmounts } from "../src/core/model/allocate.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { checkKey, type CostInput } from "../src/core/year/keycheck.js";
import { resolveKey } from "../src/core/model/key.js";
import { loadTariff } from "../src/core/model/tariff.js";
import ExcelJS from "exceljs";
import { FIXTURES, ROOT, compareRecalculated, haveLibreOffice, runMain, tempDir } from "./helpers.js";
import { keyCheckToJson } from "../src/contracts/keycheck.js";

const tariff = loadTariff(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"));
const key = resolveKey(tariff, undefined, new DiagnosticBag());
if (!key) throw new Error("no key");
const PARTIES = ["RJL", "RKL", "RÖ"];

function run(costs: CostInput[], tolerance = 0n) {
  const r = checkKey(tariff, key as NonNullable<typeof key>, costs, tolerance, new DiagnosticBag());
  if (!r) throw new Error("rejected");
  return r;
}

const costArb = fc.record({ item: fc.constantFrom("RCC", "CSD", "RCSO", "SKR stöd"), party: fc.constantFrom(...PARTIES), amount: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 10n }) });

describe("check-key properties", () => {
  it("paying exactly allocate(total) gives no deviation and no transfer", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), (total) => {
        const shares = allocateAmounts(total, key.weights);
        const r = run(shares.map((amount, i) => ({ item: "RCC", party: PARTIES[i] as string, amount })));
        expect(r.items[0]?.parties.every((l) => l.deviation === 0n)).toBe(true);
        expect(r.transfers).toEqual([]);
        expect(r.exceeded).toBe(false);
      }),
    );
  });

  it("deviations sum to zero per item; the transfers zero every summed deviation in at most n − 1 payments", () => {
    fc.assert(
      fc.property(fc.array(costArb, { minLength: 1, maxLength: 30 }), (costs) => {
        const r = run(costs);
        for (const it of r.items) expect(it.parties.reduce((a, l) => a + l.deviation, 0n)).toBe(0n);
        const left = r.totals.map((l) => l.deviation);
        for (const t of r.transfers) {
          expect(t.amount > 0n).toBe(true);
          left[t.payer] = (left[t.payer] as bigint) + t.amount;
          left[t.payee] = (left[t.payee] as bigint) - t.amount;
        }
        expect(left.every((x) => x === 0n)).toBe(true);
        expect(r.transfers.length).toBeLessThanOrEqual(2);
        expect(r.checks.every((c) => c.holds)).toBe(true);
      }),
    );
  });

  it("the outcome does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(fc.array(costArb, { minLength: 1, maxLength: 30 }), (costs) => {
        const a = keyCheckToJson(run(costs));
        const b = keyCheckToJson(run([...costs].reverse()));
        const byItem = (x: typeof a) => [...x.items].sort((p, q) => p.item.localeCompare(q.item));
        expect(byItem(b)).toEqual(byItem(a));
        expect(b.totals).toEqual(a.totals);
        expect(b.transfers).toEqual(a.transfers);
      }),
    );
  });

  it("reports a deviation only above the tolerance", () => {
    const r = run([
      { item: "RCC", party: "RJL", amount: 339_078n },
      { item: "RCC", party: "RKL", amount: 226_753n },
      { item: "RCC", party: "RÖ", amount: 434_169n },
    ]);
    expect(r.items[0]?.parties.map((l) => l.deviation)).toEqual([0n, 0n, 0n]);
    const off = [
      { item: "RCC", party: "RJL", amount: 339_079n },
      { item: "RCC", party: "RKL", amount: 226_752n },
      { item: "RCC", party: "RÖ", amount: 434_169n },
    ];
    expect(run(off, 0n).exceeded).toBe(true);
    expect(run(off, 1n).exceeded).toBe(false);
  });
});

describe("vardavtal check-key", () => {
  const dir = join(FIXTURES, "keycheck");

  it("matches the independent recomputation of the example to the öre, and exits 1 on deviations", async () => {
    const out = tempDir();
    const r = await runMain(["check-key", "--tariff", join(dir, "tariff.json"), "--costs", join(dir, "costs.csv"), "--json", join(out, "kc.json")]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("RKL betalar RÖ 173 702,68 kr");
    const json = JSON.parse(readFileSync(join(out, "kc.json"), "utf8"));
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
    expect(json.format).toBe("vardavtal-keycheck/1");
    expect(json.tolerance).toBe("1.00"); // the default: rounding by a few öre is no deviation
    const strip = (l: { party: string; paid: string; expected: string; deviation: string }) => ({ party: l.party, paid: l.paid, expected: l.expected, deviation: l.deviation });
    expect(json.items.map((it: { item: string; total: string; parties: never[] }) => ({ item: it.item, total: it.total, parties: it.parties.map(strip) }))).toEqual(expected.items);
    expect(json.totals.map(strip)).toEqual(expected.totals);
    expect(json.transfers).toEqual([
      { payer: "RKL", payee: "RÖ", amount: "173702.68" },
      { payer: "RJL", payee: "RÖ", amount: "91807.23" },
    ]);
  });

  it("compares what was paid for each solidarity unit with its budget, and says why the example does not pass", async () => {
    const out = tempDir();
    const costs = join(out, "k.csv");
    writeFileSync(costs, "post;part;belopp\nRCC 2025;RJL;6 103 401,20\nRCC 2025;RKL;4 081 559,38\nRCC 2025;RÖ;7 733 480,04\nRCC: extra;RÖ;-100,00\nRCSO-projekt;RJL;100,00\n");
    const r = await runMain(["check-key", "--tariff", "2025", "--costs", costs, "--json", join(out, "kc.json")]);
    expect(r.stdout).toContain("RCC: betalt 17 918 340,62 av budget 18 000 000,00 (skillnad -81 659,38; RCC 2025, RCC: extra)");
    expect(r.stdout).toContain("CSD: ingen post i kostnadsfilen börjar med enhetens namn (budget 4 500 000,00)");
    // "RCSO-projekt" is named after RCSO (a non-letter follows); "RCC" is not a prefix of "RCSO"
    expect(r.stdout).toContain("RCSO: betalt 100,00 av budget 6 500 000,00");
    const json = JSON.parse(readFileSync(join(out, "kc.json"), "utf8"));
    expect(json.budgets[0]).toEqual({ unit: "RCC", budget: "18000000.00", items: ["RCC 2025", "RCC: extra"], paid: "17918340.62", difference: "-81659.38" });
    // the bundled example: its rounding öre pass the default tolerance; the two items that were not carried by the key are named
    const ex = await runMain(["check-key", "--tariff", "2025", "--costs", join(ROOT, "examples", "2025", "gemensamma-kostnader-2025.csv")]);
    expect(ex.code).toBe(1);
    expect(ex.stdout).toContain('avvikelser över toleransen 1,00 kr (markerade med !) i "SKR stödfunktion (50 % resurs)", "Designstudio (projekt)"');
    expect(ex.stdout).toMatch(/RCSO 2025\s+RJL\s+2 204 006,00\s+2 204 005,99\s+0,01\s*\n/); // within the tolerance: no "!"
    expect(ex.stdout).toContain("RCC: betalt 18 000 000,00 av budget 18 000 000,00 (stämmer; RCC 2025)");
  });

  it("exits 0 when every deviation is within the tolerance", async () => {
    const costs = tempDir();
    const file = join(costs, "k.csv");
    writeFileSync(file, "item,party,amount\nRCC,RJL,339077.85\nRCC,RKL,226753.29\nRCC,RÖ,434168.86\n");
    const r = await runMain(["check-key", "--tariff", "2025", "--costs", file, "--tolerance", "0,01", "--lang", "en"]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain("every party carried its share within the tolerance");
  });
});

describe("check-key --xlsx", () => {
  it("writes a workbook whose totals match the JSON result, and that recalculates to the same öre", async () => {
    const dir = join(FIXTURES, "keycheck");
    const out = tempDir();
    const r = await runMain(["check-key", "--tariff", join(dir, "tariff.json"), "--costs", join(dir, "costs.csv"), "--json", join(out, "kc.json"), "--xlsx", join(out, "kc.xlsx")]);
    expect(r.code, r.stderr).toBe(1);
    const json = JSON.parse(readFileSync(join(out, "kc.json"), "utf8"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "kc.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sammanfattning", "Poster", "Parametrar", "Indata"]);
    const ws = wb.getWorksheet("Sammanfattning") as ExcelJS.Worksheet;
    json.totals.forEach((t: { party: string; paid: string; expected: string; deviation: string }, i: number) => {
      const result = (col: number) => ((ws.getCell(7 + i, col).value as { result?: number }).result ?? 0).toFixed(2);
      expect([ws.getCell(7 + i, 1).value, result(3), result(4), result(5)]).toEqual([t.party, t.paid, t.expected, t.deviation]);
    });
    if (haveLibreOffice) {
      const { diffs, formulas } = await compareRecalculated(join(out, "kc.xlsx"));
      expect(diffs).toEqual([]);
      expect(formulas).toBeGreaterThan(50);
    }
  });
});

describe("vardavtal key", () => {
  it("shows a fixed key beside the population key, with the difference in percentage points", async () => {
    const out = tempDir();
    const t = JSON.parse(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"));
    t.key = { basis: "fixed", shares: { RJL: "0.34", RKL: "0.22", RÖ: "0.44" } };
    writeFileSync(join(out, "fixed.json"), JSON.stringify(t));
    const r = await runMain(["key", "--tariff", join(out, "fixed.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("fasta andelar");
    expect(r.stdout).toContain("Befolkningsnyckel");
    // RJL: 34 % fixed against 33.9078 % by population: +0.0922 percentage points
    expect(r.stdout).toMatch(/RJL Region Jönköpings län\s+0,340000000000000\s+34,00 %\s+34,0000 %\s+340 000,00\s+33,9078 %\s+\+0,0922/);
    expect(r.stdout).toMatch(/RKL Region Kalmar län .* -0,6753/); // an ASCII minus: it pastes into Excel as a number
  });
});
