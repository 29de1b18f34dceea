/**
 * `vardavtal overview`: the year on one page. The model equals its inputs to the öre (property
 * tests over random years), refuses inputs of other years, parties or tariffs each with its
 * reason, and never returns an overview that breaks a check; the JSON reads back as it was
 * written; the real command on real files writes a one-page A4 landscape workbook whose Mkr are
 * formulas of the exact kronor on sheet two.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import type { Decision } from "../src/core/model/tariff.js";
import { buildOverview, OverviewInvariantError, type OverviewSource } from "../src/core/year/overview.js";
import { overviewFromJson, overviewToJson } from "../src/contracts/overview.js";
import { mkrTenths, mkrText, overviewText } from "../src/render/text/overview.js";
import { barLength, barStep } from "../src/render/xlsx/overview.js";
import { FIXTURES, resealedText, runCli, runMain, tempDir } from "./helpers.js";

const DECISION: Decision = { body: "Samverkansnämnden", date: "2024-12-09", paragraph: "§ 12" };

/** Amounts per party that sum to 0 (net positions, remaining), up to ±10¹² öre each. */
const zeroSum = (n: number) =>
  fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { minLength: n - 1, maxLength: n - 1 }).map((xs) => [...xs, -xs.reduce((a, b) => a + b, 0n)]);

/** A random year's inputs: a plan, 0–3 forecasts of distinct dates, maybe a result, maybe its settlement. */
const year = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    year: fc.integer({ min: 2000, max: 2099 }),
    plan: zeroSum(n),
    forecasts: fc.uniqueArray(fc.record({ month: fc.integer({ min: 1, max: 11 }), net: zeroSum(n) }), { maxLength: 3, selector: (f) => f.month }),
    result: fc.option(zeroSum(n), { nil: undefined }),
    remaining: fc.option(zeroSum(n), { nil: undefined }),
    decided: fc.boolean(),
    status: fc.constantFrom(undefined, "decided", "proposal", "illustrative"),
  }),
);

type Year = { n: number; year: number; plan: bigint[]; forecasts: { month: number; net: bigint[] }[]; result: bigint[] | undefined; remaining: bigint[] | undefined; decided: boolean; status?: "decided" | "proposal" | "illustrative" };

function sources(y: Year): { plan: OverviewSource; forecasts: OverviewSource[]; result?: OverviewSource; settlement?: OverviewSource } {
  const parties = ["RJL", "RKL", "RÖ", "RS", "RH"].slice(0, y.n);
  const common = { year: y.year, parties, title: "Överenskommelse", decision: y.decided ? DECISION : null };
  const end = (m: number): string => new Date(Date.UTC(y.year, m, 0)).toISOString().slice(0, 10);
  return {
    plan: { kind: "plan", file: "plan.json", ...common, amounts: y.plan },
    forecasts: y.forecasts.map((f, k) => ({ kind: "forecast", file: `prognos-${k}.json`, ...common, through: end(f.month), ...(y.status ? { tariffStatus: y.status } : {}), amounts: f.net })),
    ...(y.result ? { result: { kind: "result" as const, file: "resultat.json", ...common, tariffStatus: "decided", amounts: y.result } } : {}),
    ...(y.result && y.remaining ? { settlement: { kind: "settlement" as const, file: "slutreglering.json", ...common, title: undefined, amounts: y.remaining, net: y.result } } : {}),
  } as ReturnType<typeof sources>;
}

describe("the overview model", () => {
  it("is a draft when any input is one: the least decided status of the inputs, in the summary's UTKAST line", () => {
    fc.assert(
      fc.property(year, (y) => {
        const o = buildOverview(sources(y), new DiagnosticBag());
        if (!o) throw new Error("no overview");
        const named = [...(y.forecasts.length > 0 && y.status ? [y.status] : []), ...(y.result ? ["decided" as const] : [])];
        const expected = (["illustrative", "proposal", "decided"] as const).find((s) => named.includes(s));
        expect(o.tariffStatus).toBe(expected);
        const text = overviewText(o, "sv");
        expect(text.includes("UTKAST – illustrativa belopp")).toBe(expected === "illustrative");
        expect(text.includes("FÖRSLAG – ej beslutade belopp")).toBe(expected === "proposal");
      }),
      { numRuns: 50 },
    );
  });

  it("equals its inputs to the öre: the plan, every forecast (by date), the outcome, the remaining (property)", () => {
    fc.assert(
      fc.property(year, (y) => {
        const input = sources(y);
        const o = buildOverview(input, new DiagnosticBag());
        expect(o).toBeDefined();
        if (!o) return;
        expect(o.plan).toEqual(y.plan);
        const byDate = [...input.forecasts].sort((a, b) => ((a.through ?? "") < (b.through ?? "") ? -1 : 1));
        expect(o.forecasts.map((f) => [f.through, f.net])).toEqual(byDate.map((f) => [f.through, f.amounts]));
        expect(o.outcome).toEqual(y.result);
        expect(o.remaining).toEqual(y.result ? y.remaining : undefined);
        expect(o.decision).toEqual(y.decided ? DECISION : null);
        expect(o.checks.every((c) => c.holds)).toBe(true);
        // the dates ascend
        const dates = o.forecasts.map((f) => f.through);
        expect(dates).toEqual([...dates].sort());
      }),
    );
  });

  it("refuses a file of another year, other parties or another tariff, naming that file (property)", () => {
    const faults = ["year", "parties", "title", "decision", "kind"] as const;
    fc.assert(
      fc.property(year, fc.constantFrom(...faults), (y, fault) => {
        const input = sources({ ...y, result: y.result ?? y.plan });
        const bad = input.result as OverviewSource;
        if (fault === "year") bad.year = y.year + 1;
        if (fault === "parties") bad.parties = [...bad.parties].reverse();
        if (fault === "title") bad.title = "En annan överenskommelse";
        if (fault === "decision") bad.decision = y.decided ? { ...DECISION, paragraph: "§ 13" } : DECISION;
        if (fault === "kind") bad.through = `${y.year}-08-31`;
        const bag = new DiagnosticBag();
        expect(buildOverview(input, bag)).toBeUndefined();
        const code = { year: "OVERVIEW_YEAR", parties: "OVERVIEW_PARTIES", title: "OVERVIEW_TARIFF", decision: "OVERVIEW_DECISION", kind: "OVERVIEW_FORECAST_RESULT" }[fault];
        expect(bag.errors.map((d) => [d.code, d.file])).toEqual([[code, "resultat.json"]]);
      }),
    );
  });

  it("refuses a settlement of another outcome", () => {
    const input = sources({ n: 3, year: 2025, plan: [-5n, -5n, 10n], forecasts: [], result: [-3n, -4n, 7n], remaining: [1n, -1n, 0n], decided: true });
    (input.settlement as OverviewSource).net = [-4n, -3n, 7n];
    const bag = new DiagnosticBag();
    expect(buildOverview(input, bag)).toBeUndefined();
    expect(bag.errors.map((d) => [d.code, d.file, d.params.party])).toEqual([["OVERVIEW_SETTLEMENT", "slutreglering.json", "RJL"]]);
  });

  it("never returns an overview whose net positions do not sum to 0", () => {
    fc.assert(
      fc.property(year, fc.bigInt({ min: 1n, max: 10n ** 9n }), (y, off) => {
        const input = sources(y);
        input.plan.amounts = [...y.plan.slice(0, -1), (y.plan[y.plan.length - 1] as bigint) + off];
        expect(() => buildOverview(input, new DiagnosticBag())).toThrow(OverviewInvariantError);
      }),
      { numRuns: 30 },
    );
  });
});

describe("vardavtal-overview/1", () => {
  it("reads back exactly what it wrote (property)", () => {
    fc.assert(
      fc.property(year, (y) => {
        const o = buildOverview(sources(y), new DiagnosticBag());
        if (!o) throw new Error("no overview");
        const json = overviewToJson(o, { tool: { name: "vardavtal", version: "0" } });
        const bag = new DiagnosticBag();
        const back = overviewFromJson(JSON.stringify(json, null, 2), "o.json", bag);
        expect(bag.errors).toEqual([]);
        expect(back).toEqual(o);
        // and what it writes is what the contract says: amounts as strings with two decimals
        for (const p of json.parties) for (const v of [p.plan, ...p.forecasts.map((f) => f.net)]) expect(v).toMatch(/^-?\d+\.\d{2}$/);
      }),
    );
  });

  it("refuses a hand-edited file at its path", () => {
    const text = '{ "format": "vardavtal-overview/1", "year": 2025, "decision": null, "parties": [ { "party": "RJL", "plan": "12", "forecasts": [], "outcome": null, "remaining": null } ], "forecasts": [], "sources": [] }';
    const unsealed = new DiagnosticBag();
    expect(overviewFromJson(text, "o.json", unsealed)).toBeUndefined();
    expect(unsealed.errors.map((d) => d.code)).toEqual(["RESULT_NO_DIGEST"]);
    // with a digest that holds, the schema behind it names the field
    const bag = new DiagnosticBag();
    expect(overviewFromJson(resealedText(text), "o.json", bag)).toBeUndefined();
    expect(bag.errors.map((d) => d.code)).toEqual(["RESULT_FILE"]);
    expect(JSON.stringify(bag.errors[0]?.params)).toContain("$.parties[0].plan");
  });
});

describe("Mkr and bars", () => {
  it("Mkr with one decimal is the öre rounded half away from zero (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (ore) => {
        const t = mkrTenths(ore);
        const diff = t * 10_000_000n - ore;
        expect(diff <= 5_000_000n && diff >= -5_000_000n).toBe(true);
        if (diff === 5_000_000n || diff === -5_000_000n) expect(t < 0n === ore < 0n || t === 0n).toBe(true);
        expect(mkrText(ore, "en").replace(/,/g, "")).toBe(`${t < 0n ? "-" : ""}${(t < 0n ? -t : t) / 10n}.${(t < 0n ? -t : t) % 10n}`);
      }),
    );
    expect(mkrText(103150868295n, "sv")).toBe("1 031,5");
    expect(mkrText(-56467276480n, "sv")).toBe("-564,7");
    expect(mkrText(-4999999n, "en")).toBe("0.0");
    expect(mkrText(-5000000n, "en")).toBe("-0.1");
  });

  it("every bar fits its side of the zero line, the largest nearly fills it, and a non-zero amount shows (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 7n), max: 10n ** 7n }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 4, max: 30 }), (tenths, cells) => {
        const max = tenths.reduce((a, t) => (t < 0n ? (-t > a ? -t : a) : t > a ? t : a), 0n);
        const step = barStep(max > 0n ? max : 1n, cells);
        expect(step * BigInt(cells) >= max).toBe(true);
        for (const t of tenths) {
          const len = barLength(t, step, cells);
          expect(len).toBeLessThanOrEqual(cells);
          if (t !== 0n) expect(len).toBeGreaterThanOrEqual(1);
        }
        // the scale is no coarser than needed: the largest bar fills more than a fifth of its side
        if (max > BigInt(cells)) expect(barLength(max, step, cells) * 5).toBeGreaterThan(cells);
      }),
    );
  });
});

describe("vardavtal overview on real files, run from outside the repository", () => {
  const dir = tempDir("vardavtal-overview-");
  const mini = join(FIXTURES, "spec", "mini-2025");
  copyFileSync(join(mini, "tariff.json"), join(dir, "tariff.json"));
  copyFileSync(join(mini, "consumption.csv"), join(dir, "consumption.csv"));
  const env = { SOURCE_DATE_EPOCH: "1767225600" };
  const run = (args: string[]) => runMain(args, dir, env);
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8"));

  it("writes the year's figures to the öre, the workbook on one A4 page in landscape, and prints it in Mkr", async () => {
    for (const args of [
      ["acconto", "--tariff", "tariff.json", "--json", "plan.json"],
      ["calculate", "--tariff", "tariff.json", "--consumption", "consumption.csv", "--through", "2025-04-30", "--json", "p1.json"],
      ["calculate", "--tariff", "tariff.json", "--consumption", "consumption.csv", "--through", "2025-08-31", "--json", "p2.json"],
      ["calculate", "--tariff", "tariff.json", "--consumption", "consumption.csv", "--json", "r.json"],
      ["settle", "--result", "r.json", "--paid", "plan.json", "--json", "s.json"],
    ]) expect((await run(args)).code, args.join(" ")).toBe(0);
    const r = await run(["overview", "--plan", "plan.json", "--forecast", "p2.json", "--forecast", "p1.json", "--result", "r.json", "--settlement", "s.json", "--json", "o.json", "--xlsx", "o.xlsx"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Året i sammandrag 2025 (Mkr, plus = får, minus = betalar)");
    const o = read("o.json");
    // each region's line: its figures from the JSON, in Mkr, in the order of the columns
    for (const p of o.parties as { party: string; plan: string; forecasts: { net: string }[]; outcome: string; remaining: string }[]) {
      const mkr = (s: string) => mkrText(BigInt(s.replace(".", "")), "sv");
      const line = r.stdout.split("\n").find((l) => l.startsWith(`${p.party} `));
      expect(line?.trim().split(/\s{2,}/).filter((x) => x !== "").slice(1)).toEqual([p.plan, ...p.forecasts.map((f) => f.net), p.outcome, p.remaining].map(mkr));
    }
    const plan = read("plan.json");
    const result = read("r.json");
    const settlement = read("s.json");
    expect(o.format).toBe("vardavtal-overview/1");
    expect(o.parties.map((p: { plan: string }) => p.plan)).toEqual(plan.net.map((p: { annual: string }) => p.annual));
    expect(o.parties.map((p: { outcome: string }) => p.outcome)).toEqual(result.net.map((p: { amount: string }) => p.amount));
    expect(o.parties.map((p: { remaining: string }) => p.remaining)).toEqual(settlement.parties.map((p: { remaining: string }) => p.remaining));
    for (const [k, f] of ["p1.json", "p2.json"].entries()) {
      const forecast = read(f);
      expect(o.parties.map((p: { forecasts: { through: string; net: string }[] }) => p.forecasts[k])).toEqual(forecast.net.map((n: { amount: string }) => ({ through: forecast.forecast.through, net: n.amount })));
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "o.xlsx"));
    const [first, exact] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect([first.name, exact.name]).toEqual(["Översikt", "Kronor"]);
    expect(first.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    // every Mkr figure is a formula of its exact amount on sheet two, and shows that amount in Mkr
    let formulas = 0;
    first.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { formula?: string; result?: number } | null;
        if (!v || typeof v !== "object" || !v.formula) return;
        const m = /^ROUND\('Kronor'!([A-Z]+)(\d+)\/1000000,1\)$/.exec(v.formula);
        expect(m, v.formula).not.toBeNull();
        const target = exact.getCell(`${m?.[1]}${m?.[2]}`).value as number;
        expect(v.result).toBe(Math.round((target / 1e6) * 10) / 10);
        formulas++;
      }),
    );
    expect(formulas).toBe(3 * 5); // three regions: plan, two forecasts, outcome, remaining
    const texts: string[] = [];
    first.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    expect(texts).toContain("Inte beslutad: tariffen namnger inget beslut");
    expect(texts.slice(-4)).toEqual(["Upprättad av", "Datum", "Granskad av", "Datum"]);
  });

  it("has help with examples, in Swedish and in English", async () => {
    const sv = await runMain(["overview", "--help"]);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain("Exempel:");
    expect(sv.stdout).toContain("vardavtal overview --plan acconto-2025.json");
    const en = await runMain(["overview", "--help", "--lang", "en"]);
    expect(en.stdout).toContain("the year on one page for the finance director");
  });

  it("refuses a file that is not one vardavtal wrote, and writes nothing", async () => {
    const r = await run(["overview", "--plan", "consumption.csv", "--json", "bad.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^consumption\.csv:\d+:\d+: error\[RESULT_FILE\]/m);
    expect(r.stderr).not.toContain("    at ");
    expect(() => readFileSync(join(dir, "bad.json"))).toThrow();
  });
});
