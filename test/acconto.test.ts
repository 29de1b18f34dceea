/** The a-conto plan's core (model.md, "A-conto plan"): monthly parts and the plan's figures. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accontoPlan, monthlyParts } from "../src/core/year/acconto.js";
import { calculate } from "../src/core/model/calculate.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { resolveKey, type DistributionKey } from "../src/core/model/key.js";
import { loadTariff } from "../src/core/model/tariff.js";
import { FIXTURES } from "./helpers.js";
import { accontoToJson } from "../src/contracts/acconto.js";

const MINI = join(FIXTURES, "spec", "mini-2025");

describe("monthly parts", () => {
  it("sum to the annual amount; January–November equal whole units, December the rest (v3)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom(1n, 100n, 1000n, 100_000n), (annual, unit) => {
        const months = monthlyParts(annual, unit);
        expect(months).toHaveLength(12);
        expect(months.reduce((a, b) => a + b, 0n)).toBe(annual);
        const abs = annual < 0n ? -annual : annual;
        const p = months[0]! < 0n ? -months[0]! : months[0]!;
        for (let k = 1; k < 11; k++) expect(months[k]).toBe(months[0]);
        expect(p % unit).toBe(0n);
        expect(p).toBe((abs / 12n / unit) * unit);
      }),
      { seed: 10, numRuns: 2000 },
    );
    expect(monthlyParts(397_800_000_00n)).toEqual(new Array(12).fill(33_150_000_00n));
    expect(monthlyParts(1_234_567_89n)).toEqual([...new Array(11).fill(102_880_00n), 1_234_567_89n - 11n * 102_880_00n]);
    expect(monthlyParts(13n, 1n)).toEqual([1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 2n]);
    expect(monthlyParts(-13n, 1n)).toEqual([-1n, -1n, -1n, -1n, -1n, -1n, -1n, -1n, -1n, -1n, -1n, -2n]);
  });
});

describe("the a-conto plan of a tariff", () => {
  const tariff = loadTariff(readFileSync(join(MINI, "tariff.json"), "utf8"));
  const key = resolveKey(tariff, undefined, new DiagnosticBag()) as DistributionKey;

  it("has the settlement's fixed, fixed-only and solidarity flows exactly, a preliminary variable, no unit price", async () => {
    const plan = accontoPlan(tariff, key);
    const result = await calculate({ tariff, consumption: [{ year: "2025", seller: "RÖ", buyer: "RJL", area: "primärvård", amount: "1.00" }] });
    const annual = (c: string) => plan.lines.filter((l) => l.component === c).map((l) => [l.payer, l.payee, l.label, l.annual]);
    const flows = (c: string) => result.flows.filter((f) => f.component === c).map((f) => [f.payer, f.payee, f.label, f.amount]);
    for (const c of ["fixed", "fixed_only", "solidarity"]) expect(annual(c)).toEqual(flows(c));
    expect(annual("unit_price")).toEqual([]);
    const fs = tariff.fixedShare;
    for (const r of tariff.references) {
      const v = plan.lines.find((l) => l.component === "variable" && l.payer === r.buyer && l.payee === r.seller);
      // round((1 − 0.65) × reference), half away from zero
      const exact = (fs.den - fs.num) * r.amount;
      const rounded = (2n * exact + fs.den) / (2n * fs.den);
      expect(v?.annual).toBe(rounded);
    }
    expect(accontoPlan(tariff, key, { variable: false }).lines.some((l) => l.component === "variable")).toBe(false);
  });

  it("nets sum to zero every month and the transfers settle them", () => {
    const plan = accontoPlan(tariff, key);
    for (let k = 0; k < 12; k++) expect(plan.net.reduce((a, row) => a + row[k]!, 0n)).toBe(0n);
    expect(plan.checks.every((c) => c.holds)).toBe(true);
    const json = accontoToJson(plan);
    expect(json.format).toBe("vardavtal-acconto/1");
    expect(json.lines[0]!.months).toHaveLength(12);
    expect(json.transfers.every((t) => t.month >= 1 && t.month <= 12)).toBe(true);
  });
});

describe("vardavtal acconto", () => {
  it("writes the plan as JSON and CSV for Excel and prints it, exactly as the core computes it", async () => {
    const { runMain, tempDir } = await import("./helpers.js");
    const { readFileSync: read } = await import("node:fs");
    const out = tempDir();
    const r = await runMain(["acconto", "--tariff", join(MINI, "tariff.json"), "--json", join(out, "a.json"), "--csv-dir", join(out, "csv")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("A conto-plan: Räkneexempel 2025 (små belopp)\n");
    // the months as a table, one column per payer and payee; every line within 100 columns
    expect(r.stdout).toMatch(/Månad\s+RJL betalar RÖ\s+RKL betalar RÖ\n\s+januari\s+[\d ]+,\d\d\s+[\d ]+,\d\d\n/);
    for (const line of r.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain("Endast fast ersättning: klinisk   40 689,34");
    const json = JSON.parse(read(join(out, "a.json"), "utf8"));
    const tariff = loadTariff(read(join(MINI, "tariff.json"), "utf8"));
    const key = resolveKey(tariff, undefined, new DiagnosticBag()) as DistributionKey;
    expect(json.lines).toEqual(accontoToJson(accontoPlan(tariff, key)).lines);
    const csv = read(join(out, "csv", "acconto-lines.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("\ufeffBetalare;Mottagare;Komponent;Kod;Avser;Årsbelopp;januari;februari;mars;april;maj;juni;juli;augusti;september;oktober;november;december");
    const noVar = await runMain(["acconto", "--tariff", join(MINI, "tariff.json"), "--no-variable", "--json", join(out, "b.json")]);
    expect(noVar.code, noVar.stderr).toBe(0);
    expect(JSON.parse(read(join(out, "b.json"), "utf8")).lines.some((l: { component: string }) => l.component === "variable")).toBe(false);
  });

  it("refuses to write over its tariff", async () => {
    const { runMain, tempDir } = await import("./helpers.js");
    const { copyFileSync, readFileSync: read } = await import("node:fs");
    const out = tempDir();
    copyFileSync(join(MINI, "tariff.json"), join(out, "t.json"));
    const before = read(join(out, "t.json"));
    const r = await runMain(["acconto", "--tariff", join(out, "t.json"), "--json", join(out, "t.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[OUTPUT_IS_INPUT]");
    expect(read(join(out, "t.json"))).toEqual(before);
  });
});
