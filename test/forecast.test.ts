/** The forecast (model.md, "Forecast"): rows after the cut-off skipped and counted, sums scaled exactly. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastFactor } from "../src/core/model/calculate.js";
import { resultToJson } from "../src/contracts/result-json.js";
import { calculateFiles } from "../src/node/run.js";
import { FIXTURES, runMain, tempDir } from "./helpers.js";
import { asDecided } from "./decided.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const CASES = ["case000", "case001", "case002", "case003", "case004"].map((c) => join(FIXTURES, "spec", "generated", c));

function ore(text: string): bigint {
  const [i, f] = text.split(".");
  return BigInt(`${i}${f}`);
}

describe("forecast", () => {
  it("the factor counts days from 1 January to the cut-off, both included", () => {
    expect(forecastFactor(2025, "2025-08-31")).toMatchObject({ daysInYear: 365, daysThrough: 243, factor: { num: 365n, den: 243n } });
    expect(forecastFactor(2025, "2025-04-30")).toMatchObject({ daysThrough: 120, factor: { num: 73n, den: 24n } });
    expect(forecastFactor(2024, "2024-12-31")).toMatchObject({ daysInYear: 366, daysThrough: 366, factor: { num: 1n, den: 1n } });
    expect(forecastFactor(2025, "2025-01-01")).toMatchObject({ daysThrough: 1, factor: { num: 365n, den: 1n } });
  });

  it("through 31 December equals the ordinary calculation (every generated case)", async () => {
    for (const dir of [MINI, ...CASES]) {
      const tariff = join(dir, "tariff.json");
      const year = JSON.parse(readFileSync(tariff, "utf8")).year as number;
      const consumption = join(dir, "consumption.csv");
      let plain;
      try {
        plain = resultToJson((await calculateFiles({ tariff, consumption })).result);
      } catch {
        continue; // a case with undated rows has no forecast
      }
      let forecast;
      try {
        forecast = resultToJson((await calculateFiles({ tariff, consumption, through: `${year}-12-31` })).result);
      } catch (e) {
        expect(String(e)).toContain("NO_DATE_FORECAST");
        continue;
      }
      expect(forecast.flows).toEqual(plain.flows);
      expect(forecast.net).toEqual(plain.net);
      expect(forecast.forecast?.factor).toBe("1/1");
    }
  });

  it("scales each pair's consumption exactly before rounding, and leaves annual amounts alone (property over cut-offs)", async () => {
    const tariff = join(MINI, "tariff.json");
    const consumption = join(MINI, "consumption.csv");
    const base = (await calculateFiles({ tariff, consumption })).result;
    const fs = base.fixedShare;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 364 }), async (day) => {
        const through = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
        const run = await calculateFiles({ tariff, consumption, through }).catch((e: unknown) => {
          expect(String((e as Error).message)).toContain("NO_ROWS_COUNTED"); // a cut-off before the first row
          return undefined;
        });
        if (!run) return;
        const { result } = run;
        const f = result.forecast!;
        expect(f.daysThrough).toBe(day + 1);
        for (const p of result.pairs) {
          // independent: value × 0.35 × 365/days in 10⁻⁸ SEK → öre, half away from zero
          const num = p.value.fixed_variable * (fs.den - fs.num) * 365n;
          const den = fs.den * 1_000_000n * BigInt(day + 1);
          const abs = num < 0n ? -num : num;
          const rounded = (2n * abs + den) / (2n * den);
          expect(p.variable).toBe(num < 0n ? -rounded : rounded);
        }
        const annual = (r: typeof base) => r.flows.filter((x) => ["fixed", "fixed_only", "solidarity"].includes(x.component));
        expect(annual(result)).toEqual(annual(base));
      }),
      { seed: 12, numRuns: 40 },
    );
  });

  it("through the command: PROGNOS on stdout, forecast and afterThrough in the JSON", async () => {
    const out = tempDir();
    const r = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--through", "2025-04-30", "--json", join(out, "p.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("PROGNOS för helåret 2025");
    const json = JSON.parse(readFileSync(join(out, "p.json"), "utf8"));
    expect(json.forecast).toEqual({ through: "2025-04-30", factor: "73/24", daysInYear: 365, daysThrough: 120 });
    expect(json.skipped.afterThrough).toBeGreaterThan(0);
    expect(json.net.reduce((a: bigint, n: { amount: string }) => a + ore(n.amount), 0n)).toBe(0n);
  });
});

describe("the forecast's workbook", () => {
  it("says PROGNOS, scales by the factor cells, and recalculates to the same öre", async () => {
    const { haveLibreOffice, compareRecalculated } = await import("./helpers.js");
    const ExcelJS = (await import("exceljs")).default;
    const out = tempDir();
    const file = join(out, "prognos.xlsx");
    // a decided copy of the bundled tariff: no draft banner above the title
    const decided = join(out, "tariff-2025.json");
    writeFileSync(decided, JSON.stringify(asDecided(readFileSync(join(FIXTURES, "..", "..", "tariffs", "2025.json"), "utf8"))));
    const r = await runMain(["calculate", "--tariff", decided, "--consumption", join(FIXTURES, "..", "..", "examples", "2025", "konsumtion-2025.csv"), "--through", "2025-08-31", "--xlsx", file, "--json", join(out, "p.json")]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const name of ["Sammanfattning", "Avräkning", "Vårdavtal", "Parametrar"]) {
      expect(String(wb.getWorksheet(name)!.getCell(1, 1).value), name).toContain("PROGNOS 2025-08-31");
    }
    const json = JSON.parse(readFileSync(join(out, "p.json"), "utf8"));
    const care = wb.getWorksheet("Vårdavtal")!;
    const variable = care.getCell(3, 10).value as { formula: string; result: number };
    expect(variable.formula).toMatch(/\*'Parametrar'!\$D\$\d+\/'Parametrar'!\$D\$\d+,2\)$/);
    const pair = json.pairs[0];
    expect(variable.result.toFixed(2)).toBe(pair.variable);
    if (haveLibreOffice) {
      const { diffs, formulas } = await compareRecalculated(file);
      expect(formulas).toBeGreaterThan(100);
      expect(diffs).toEqual([]);
    }
  });
});
