/**
 * The package as an embedder sees it: `import … from "vardavtal"` (the built package, via its
 * exports map). Every call resolves to `{ value, warnings }`; what one call returns the next takes
 * as it is (no JSON round trip by the caller) and gives what the JSON the command line wrote gives;
 * bad input is one InputError with every diagnostic, or `{ ok: false, diagnostics }` through safe.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { FIXTURES, ROOT, resealed, runCli, runMain, tempDir } from "./helpers.js";
import type * as xlsxEntry from "../src/xlsx.js";
import type * as report from "../src/render/xlsx/report.js";
import type * as acconto from "../src/render/xlsx/acconto.js";
import type * as settlement from "../src/render/xlsx/settlement.js";
import type * as proposal from "../src/render/xlsx/proposal.js";
import type * as compareXlsx from "../src/render/xlsx/compare.js";
import type * as keycheck from "../src/render/xlsx/keycheck.js";

const MINI = join(ROOT, "test", "fixtures", "spec", "mini-2025");
const tariffText = readFileSync(join(MINI, "tariff.json"), "utf8");
const ore = (amount: string): bigint => BigInt(amount.replace(".", ""));

describe("the npm package", () => {
  it("runs the README's embedding example", async () => {
    const { calculate, resultToJson } = await import("vardavtal");
    const rows = [
      { date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" },
      { date: "2025-04-01", seller: "RJL", buyer: "RKL", area: "psykiatri", amount: "12500.00" },
    ];
    const { value, warnings } = await calculate({ tariff: readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"), consumption: rows });
    expect(warnings).toEqual(value.warnings);
    const json = resultToJson(value);
    expect(json.net.reduce((a, n) => a + ore(n.amount), 0n)).toBe(0n);
    // RJL pays RKL the psykiatri visit in full (unit price)
    expect(json.flows).toContainEqual({ payer: "RKL", payee: "RJL", component: "unit_price", label: null, amount: "12500.00" });
    // and 35 % of 2.5 × 71 250 to RÖ
    expect(json.flows).toContainEqual({ payer: "RJL", payee: "RÖ", component: "variable", label: null, amount: "62343.75" });
  });

  it("reports every bad row with its position through InputError, or through safe as { ok: false, diagnostics }", async () => {
    const { calculate, InputError, renderDiagnostic, safe } = await import("vardavtal");
    const rows = () =>
      (async function* () {
        yield { year: 2025, seller: "RÖ", buyer: "Skåne", area: "x", amount: "1" };
        yield { year: 2025, seller: "RÖ", buyer: "RJL", area: "x", amount: "1,001" };
      })();
    const err = await calculate({ tariff: readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"), consumption: rows() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const diagnostics = (err as InstanceType<typeof InputError>).diagnostics;
    expect(diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(["1 UNKNOWN_PARTY", "2 TOO_MANY_DECIMALS"]);
    expect(renderDiagnostic(diagnostics[0]!, "en")).toMatch(/^<consumption>:1:1: error\[UNKNOWN_PARTY\]: unknown party "Skåne"/);
    const safely = await safe(calculate({ tariff: readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"), consumption: rows() }));
    expect(safely).toEqual({ ok: false, diagnostics });
    // a tariff that is not one: refused by the call itself (a rejection, never a synchronous throw)
    const notTariff = await safe(calculate({ tariff: { format: "nope" }, consumption: [] }));
    expect(notTariff.ok).toBe(false);
    if (!notTariff.ok) expect(notTariff.diagnostics[0]?.code).toMatch(/^TARIFF_/);
    // anything but bad input goes on as it is: a bug is not a diagnostic
    const bug = new Error("a bug");
    await expect(safe(Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe("vardavtal/node for embedders", () => {
  it("reads a tariff and a population without a DiagnosticBag, as values the calls take", async () => {
    const node = await import("vardavtal/node");
    const { acconto, calculate, resultToJson } = await import("vardavtal");
    expect(node.bundledYears()).toEqual([2025, 2026]);
    expect(Object.keys(node).sort()).toEqual(["EXAMPLES_DIR", "FAST_THRESHOLD", "TARIFFS_DIR", "bundledYears", "calculateFiles", "fileSource", "readPopulationFile", "readTariffFile", "resultCsvFiles", "writeFilesAtomically"]);
    const tariff = await node.readTariffFile("2025");
    // the bundled 2025 tariff holds illustrative amounts, and says so
    expect([tariff.value.year, tariff.inputs[0]?.role, tariff.warnings.map((w) => w.code)]).toEqual([2025, "tariff", ["TARIFF_ILLUSTRATIVE"]]);
    const population = await node.readPopulationFile(join(ROOT, "examples", "2025", "befolkning-2024-12-31.csv"));
    expect(population.inputs[0]?.role).toBe("population");
    const plan = await acconto({ tariff: tariff.value, population: population.value });
    expect(plan.value.year).toBe(2025);
    // the same result as the files read by calculateFiles
    const consumption = join(MINI, "consumption.csv");
    const files = await node.calculateFiles({ tariff: join(MINI, "tariff.json"), consumption });
    const rows = [{ date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" }];
    const fromValue = await calculate({ tariff: (await node.readTariffFile(join(MINI, "tariff.json"))).value, consumption: rows });
    expect(resultToJson(fromValue).flows).toEqual(resultToJson(await calculate({ tariff: tariffText, consumption: rows })).flows);
    expect(files.inputs.map((i) => i.role)).toEqual(["tariff", "consumption"]);
    expect(resultToJson(files.value).net).toEqual(JSON.parse(readFileSync(join(MINI, "expected-result.json"), "utf8")).net);
  });

  it("rejects a bad file with every diagnostic and its position, as the command line reports it", async () => {
    const node = await import("vardavtal/node");
    const { InputError, renderDiagnostic, safe } = await import("vardavtal");
    const bad = join(FIXTURES, "bad", "BAD_POPULATION");
    const err = await node.readPopulationFile(join(bad, "population.csv")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const cli = await runMain(["calculate", "--tariff", join(bad, "tariff.json"), "--consumption", join(bad, "consumption.csv"), "--population", join(bad, "population.csv")]);
    expect(cli.code).toBe(2);
    const rendered = (err as InstanceType<typeof InputError>).diagnostics.map((d) => renderDiagnostic(d, "sv"));
    expect(rendered).toEqual([expect.stringMatching(/population\.csv:3:8: error\[BAD_POPULATION\]/)]);
    expect(cli.stderr.startsWith(rendered.join("\n") + "\n"), cli.stderr).toBe(true);
    const tariff = await safe(node.readTariffFile(join(FIXTURES, "bad", "TARIFF_JSON", "tariff.json")));
    expect(tariff.ok ? [] : tariff.diagnostics.map((d) => d.code)).toEqual(["TARIFF_JSON"]);
    const missing = await safe(node.readTariffFile("1999"));
    expect(missing.ok ? [] : missing.diagnostics.map((d) => d.code)).toEqual(["TARIFF_NOT_BUNDLED"]);
  });
});

async function miniResultJson() {
  const { calculateCsv, resultToJson } = await import("vardavtal");
  const { value } = await calculateCsv({ tariff: { name: "tariff.json", data: tariffText }, consumption: { name: "consumption.csv", data: readFileSync(join(MINI, "consumption.csv")) } });
  return resultToJson(value);
}

describe("the year's calls for embedders", () => {
  it("settle: the same settlement as `vardavtal settle`, from the plan and from payments", async () => {
    const { acconto, accontoToJson, settle, settlementToJson } = await import("vardavtal");
    const dir = tempDir();
    const result = await miniResultJson();
    const plan = accontoToJson((await acconto({ tariff: tariffText })).value);
    writeFileSync(join(dir, "r.json"), JSON.stringify(result));
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    const payments = "betalare;mottagare;belopp\nRJL;RÖ;100 000,00\nRKL;RJL;2 500,50\n";
    writeFileSync(join(dir, "paid.csv"), payments);
    for (const [paid, input] of [["plan.json", { plan }], ["paid.csv", { payments: { name: "paid.csv", data: payments } }]] as const) {
      const cli = await runMain(["settle", "--result", join(dir, "r.json"), "--paid", join(dir, paid), "--json", join(dir, `s-${paid}.json`)]);
      expect(cli.code, cli.stderr).toBe(0);
      // the same but for the sources' names: the embedder's are "<plan>" and the name it gives
      const named = (j: { sources: unknown; payments: { source: string }[] }) => ({ ...j, sources: undefined, digest: undefined, payments: j.payments.map((p) => ({ ...p, source: p.source.replace(/^[^:]*/, "") })) });
      const { tool: _tool, ...expected } = JSON.parse(readFileSync(join(dir, `s-${paid}.json`), "utf8"));
      const run = await settle({ result: JSON.stringify(result), ...input });
      expect(named(settlementToJson(run.value))).toEqual(named(expected));
      expect(run.value.totals.reduce((a, t) => a + t.remaining, 0n)).toBe(0n);
    }
    // paid as planned: the payments are the plan's annual amounts
    const run = await settle({ result, plan });
    expect(run.payments.map((p) => p.amount)).toEqual(plan.lines.map((l) => ore(l.annual)));
  });

  it("settle: the outcomes of calculate and acconto passed as they are (the bigint values, no JSON by the caller)", async () => {
    const { acconto, calculate, settle, settlementToJson, resultToJson, accontoToJson } = await import("vardavtal");
    const rows = [
      { date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" },
      { date: "2025-04-01", seller: "RJL", buyer: "RKL", area: "psykiatri", amount: "12500.00" },
    ];
    const result = await calculate({ tariff: tariffText, consumption: rows });
    const plan = await acconto({ tariff: tariffText });
    const fromOutcomes = await settle({ result, plan });
    const fromValues = await settle({ result: result.value, plan: plan.value });
    const fromJson = await settle({ result: JSON.stringify(resultToJson(result)), plan: new TextEncoder().encode(JSON.stringify(accontoToJson(plan.value))) });
    expect(settlementToJson(fromOutcomes.value)).toEqual(settlementToJson(fromJson.value));
    expect(settlementToJson(fromValues.value)).toEqual(settlementToJson(fromJson.value));
    expect(fromOutcomes.payments).toEqual(fromJson.payments);
    // and the workbooks take the values as they are, and give bytes (a zip: an .xlsx)
    const { resultWorkbook, settlementWorkbook } = await import("vardavtal/xlsx");
    const options = { lang: "sv" as const, inputs: [], version: "test", runAt: "2026-01-15T08:00:00Z" };
    for (const bytes of [await resultWorkbook(result.value, options), await settlementWorkbook(fromOutcomes.value, { ...options, resultFile: "<result>" })]) {
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    }
  });

  it("overview: the same year on one page as `vardavtal overview`, from the outcomes as they are; inputs of another year refused", async () => {
    const { acconto, calculate, settle, overview, overviewToJson, resultToJson, accontoToJson, settlementToJson, InputError } = await import("vardavtal");
    const { overviewFromJson } = await import("../src/contracts/overview.js");
    const rows = [
      { date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" },
      { date: "2025-09-01", seller: "RJL", buyer: "RKL", area: "psykiatri", amount: "12500.00" },
    ];
    const result = await calculate({ tariff: tariffText, consumption: rows });
    const forecast = await calculate({ tariff: tariffText, consumption: rows, through: "2025-04-30" });
    const plan = await acconto({ tariff: tariffText });
    const settlement = await settle({ result, plan });
    const { value } = await overview({ plan, forecasts: [forecast], result, settlement });
    expect(value.outcome).toEqual(result.value.net);
    expect(value.remaining).toEqual(settlement.value.totals.map((t) => t.remaining));
    expect(value.forecasts.map((f) => f.through)).toEqual(["2025-04-30"]);
    // the command line on the same files writes the same overview (but for the files' names)
    const dir = tempDir();
    const files = { plan: accontoToJson(plan.value), f: resultToJson(forecast), r: resultToJson(result), s: settlementToJson(settlement.value) };
    for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(json));
    const cli = runCli(["overview", "--plan", join(dir, "plan.json"), "--forecast", join(dir, "f.json"), "--result", join(dir, "r.json"), "--settlement", join(dir, "s.json"), "--json", join(dir, "o.json")]);
    expect(cli.code, cli.stderr).toBe(0);
    const { tool: _tool, ...expected } = JSON.parse(readFileSync(join(dir, "o.json"), "utf8"));
    const unnamed = (j: { sources: unknown; forecasts: unknown }) => ({ ...j, sources: undefined, forecasts: undefined, digest: undefined }); // the digest covers the files' names
    expect(unnamed(overviewToJson(value))).toEqual(unnamed(expected));
    const { DiagnosticBag } = await import("../src/core/model/diagnostics.js");
    expect(overviewFromJson(JSON.stringify(overviewToJson(value)), "o.json", new DiagnosticBag())).toEqual(value);
    // a plan of another year is refused, naming the file
    const other = { ...files.plan, year: 2024 };
    await expect(overview({ plan: other, result })).rejects.toBeInstanceOf(InputError);
  });

  it("settle: every problem as InputError (a payment to an unknown party, neither plan nor payments, a forecast)", async () => {
    const { InputError, settle } = await import("vardavtal");
    const result = await miniResultJson();
    const bad = await settle({ result, payments: { name: "paid.csv", data: "betalare;mottagare;belopp\nRJL;Skåne;1,00\n" } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InputError);
    const codes = (e: unknown) => (e as InstanceType<typeof InputError>).diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);
    expect(codes(bad)).toEqual(["paid.csv:2 UNKNOWN_PARTY"]);
    expect(codes(await settle({ result }).catch((e: unknown) => e))).toEqual(["<settle>:1 USAGE"]);
    const forecast = resealed({ ...result, forecast: { through: "2025-06-30" } }) as { format: string };
    expect(codes(await settle({ result: forecast, payments: { name: "p.csv", data: "betalare;mottagare;belopp\n" } }).catch((e: unknown) => e))).toContain("<result>:1 SETTLE_FORECAST");
  });

  it("propose: the same tariff as `vardavtal propose`, from the JSON or from calculate's outcome, and a bad index named", async () => {
    const { calculateCsv, propose, InputError, safe } = await import("vardavtal");
    const dir = tempDir();
    const result = await miniResultJson();
    writeFileSync(join(dir, "r.json"), JSON.stringify(result));
    const cli = await runMain(["propose", "--tariff", join(MINI, "tariff.json"), "--results", join(dir, "r.json"), "--index", "2026=2,8", "--round-to", "1000", "--out", join(dir, "t26.json")]);
    expect(cli.code, cli.stderr).toBe(0);
    const run = await propose({ tariff: tariffText, results: [result], index: { 2026: "2,8" }, roundTo: 100_000n });
    expect(JSON.stringify(run.value.tariff, null, 2) + "\n").toBe(readFileSync(join(dir, "t26.json"), "utf8"));
    expect([run.value.year, run.value.tariff.status, run.results.length, run.index.get(2026)]).toEqual([2026, "proposal", 1, { units: 28n, scale: 1 }]);
    const outcome = await calculateCsv({ tariff: { name: "tariff.json", data: tariffText }, consumption: { name: "consumption.csv", data: readFileSync(join(MINI, "consumption.csv")) } });
    const fromOutcome = await propose({ tariff: tariffText, results: [outcome], index: { 2026: "2,8" }, roundTo: 100_000n });
    expect(fromOutcome.value.tariff).toEqual(run.value.tariff);
    const bad = await propose({ tariff: tariffText, results: [result], index: { 2026: "2,8 procent" } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InputError);
    expect((bad as InstanceType<typeof InputError>).diagnostics.map((d) => d.code)).toEqual(["BAD_INDEX"]);
    const safely = await safe(propose({ tariff: tariffText, results: [result], index: { 2026: "2,8 procent" } }));
    expect(safely).toEqual({ ok: false, diagnostics: (bad as InstanceType<typeof InputError>).diagnostics });
  });

  it("explain: the chain `vardavtal explain --json` writes, from calculate's outcome; an unknown figure is EXPLAIN_FLOW", async () => {
    const { calculateCsv, explain, explanationToJson, InputError } = await import("vardavtal");
    const dir = tempDir();
    const result = await calculateCsv({ tariff: { name: join(MINI, "tariff.json"), data: tariffText }, consumption: { name: join(MINI, "consumption.csv"), data: readFileSync(join(MINI, "consumption.csv")) } });
    for (const [flow, lang] of [["RJL>RÖ variable", "sv"], ["net RKL", "en"]] as const) {
      const cli = await runMain(["explain", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--json", join(dir, "e.json"), "--lang", lang, flow]);
      expect(cli.code, cli.stderr).toBe(0);
      const { value, warnings } = await explain({ result, flow, lang });
      expect(explanationToJson(value)).toEqual(JSON.parse(readFileSync(join(dir, "e.json"), "utf8")));
      expect(cli.stdout).toContain(value.lines[0]?.text ?? "-");
      expect(warnings).toEqual(result.warnings);
    }
    const bad = await explain({ result: result.value, flow: "RJL>Skåne fixed" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InputError);
    expect((bad as InstanceType<typeof InputError>).diagnostics.map((d) => d.code)).toEqual(["EXPLAIN_FLOW"]);
  });

  it("checkKey: { value, warnings, inputs } as the other calls", async () => {
    const { checkKey, keyCheckToJson } = await import("vardavtal");
    const costs = readFileSync(join(ROOT, "examples", "2025", "gemensamma-kostnader-2025.csv"));
    const run = await checkKey({ tariff: { name: "2025.json", data: readFileSync(join(ROOT, "tariffs", "2025.json")) }, costs: { name: "kostnader.csv", data: costs } });
    expect(run.inputs.map((i) => i.role)).toEqual(["tariff", "costs"]);
    expect(keyCheckToJson(run.value).format).toBe("vardavtal-keycheck/1");
    expect(Array.isArray(run.warnings)).toBe(true);
  });
});

describe("compare for embedders", () => {
  it("gives the same comparison as the command line, from its files or from calculate's outcomes; refuses what is not a result", async () => {
    const { calculateCsv, compare, comparisonToJson, InputError } = await import("vardavtal");
    const dir = tempDir();
    expect((await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--json", join(dir, "a.json")])).code).toBe(0);
    expect((await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--set", "fixedShare=0.60", "--json", join(dir, "b.json")])).code).toBe(0);
    const cli = await runMain(["compare", join(dir, "a.json"), join(dir, "b.json"), "--json", join(dir, "c.json")]);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(join(dir, "c.json"), "utf8"));
    const got = comparisonToJson((await compare(readFileSync(join(dir, "a.json"), "utf8"), JSON.parse(readFileSync(join(dir, "b.json"), "utf8")))).value);
    expect(got.net).toEqual(expected.net);
    expect(got.flows).toEqual(expected.flows);
    expect(got.components).toEqual(expected.components);
    // two outcomes as they are: the same as their JSON
    const consumption = { name: "consumption.csv", data: readFileSync(join(MINI, "consumption.csv")) };
    const a = await calculateCsv({ tariff: { name: "tariff.json", data: tariffText }, consumption });
    const b = await calculateCsv({ tariff: { name: "tariff.json", data: tariffText.replace(/"fixedShare":\s*"[^"]*"/, '"fixedShare": "0.60"') }, consumption });
    const fromOutcomes = comparisonToJson((await compare(a, b.value)).value);
    expect(fromOutcomes.net).toEqual(expected.net);
    expect(fromOutcomes.flows).toEqual(expected.flows);
    await expect(compare({ format: "nope" }, "{}")).rejects.toThrow(InputError);
  });
});

describe("one shape, whatever form a value travels in (properties)", () => {
  const PARTIES = ["RJL", "RKL", "RÖ"];
  const AREAS = ["neurokirurgi", "psykiatri", "primärvård", "klinisk genetik", "thoraxkirurgi"];
  const row = fc.record({
    seller: fc.constantFrom(...PARTIES),
    buyer: fc.constantFrom(...PARTIES),
    area: fc.constantFrom(...AREAS),
    month: fc.integer({ min: 1, max: 12 }),
    points: fc.integer({ min: 1, max: 500_000 }),
    amount: fc.integer({ min: 1, max: 100_000_000 }),
  });
  const toRow = (r: { seller: string; buyer: string; area: string; month: number; points: number; amount: number }) =>
    r.area === "psykiatri" || r.area === "primärvård"
      ? { date: `2025-${String(r.month).padStart(2, "0")}-15`, seller: r.seller, buyer: r.buyer, area: r.area, amount: `${Math.floor(r.amount / 100)}.${String(r.amount % 100).padStart(2, "0")}` }
      : // points are priced for RÖ and RJL only: another seller's points would be NO_PRICE
        { date: `2025-${String(r.month).padStart(2, "0")}-15`, seller: r.seller === "RKL" ? "RÖ" : r.seller, buyer: r.buyer, area: r.area, points: `${Math.floor(r.points / 1000)},${String(r.points % 1000).padStart(3, "0")}` };

  it("settle and compare give the same figures for an outcome, its value, its JSON object and its JSON text; what remains sums to 0", async () => {
    const { acconto, calculate, compare, comparisonToJson, resultToJson, safe, settle, settlementToJson } = await import("vardavtal");
    const plan = await acconto({ tariff: tariffText });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(row, { maxLength: 6 }), async (rowsA, extra) => {
        const a = await safe(calculate({ tariff: tariffText, consumption: rowsA.map(toRow) }));
        const b = await safe(calculate({ tariff: tariffText, consumption: [...rowsA, ...extra].map(toRow) }));
        if (!a.ok || !b.ok) return; // e.g. no row counted: refused the same way in every form
        const forms = (r: typeof a) => [r, r.value, resultToJson(r.value), JSON.stringify(resultToJson(r.value))] as const;
        const settled = await Promise.all(forms(a).map(async (result) => settlementToJson((await settle({ result, plan })).value)));
        for (const s of settled) expect(s).toEqual(settled[0]);
        expect(settled[0]!.parties.reduce((x, p) => x + ore(p.remaining), 0n)).toBe(0n);
        const formsB = forms(b);
        const compared = await Promise.all(forms(a).map(async (x, k) => comparisonToJson((await compare(x, formsB[k]!)).value)));
        for (const c of compared) expect({ net: c.net, flows: c.flows }).toEqual({ net: compared[0]!.net, flows: compared[0]!.flows });
        expect(compared[0]!.net.reduce((x, n) => x + ore(n.change), 0n)).toBe(0n);
        checked++;
      }),
      { numRuns: 20 },
    );
    expect(checked).toBeGreaterThan(10);
  }, 120_000);

  it("safe gives { ok: false, diagnostics } exactly when the call rejects with InputError, with the same diagnostics", async () => {
    const { calculate, InputError, safe } = await import("vardavtal");
    const bad = fc.record({ seller: fc.constantFrom("RJL", "RJL", "RJL", "Skåne", ""), buyer: fc.constantFrom("RKL", "RÖ"), area: fc.constantFrom("neurokirurgi", "psykiatri"), amount: fc.constantFrom("1.00", "12500.00", "1,50", "1,001", "x") });
    const seen = new Set<boolean>();
    await fc.assert(
      fc.asyncProperty(fc.array(bad, { minLength: 1, maxLength: 4 }), async (rows) => {
        const consumption = rows.map((r) => ({ date: "2025-03-01", ...r }));
        const thrown = await calculate({ tariff: tariffText, consumption }).then(
          (v) => ({ ok: true as const, v }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        const safely = await safe(calculate({ tariff: tariffText, consumption }));
        expect(safely.ok).toBe(thrown.ok);
        seen.add(thrown.ok);
        if (!thrown.ok) {
          expect(thrown.e).toBeInstanceOf(InputError);
          expect(safely).toEqual({ ok: false, diagnostics: (thrown.e as InstanceType<typeof InputError>).diagnostics });
        } else if (safely.ok) expect(safely.value.net).toEqual(thrown.v.value.net);
      }),
      { numRuns: 40 },
    );
    expect([...seen].sort()).toEqual([false, true]);
  });
});

describe("vardavtal/xlsx's option types", () => {
  it("are those the workbooks take (declared in the entry so that its types need neither @types/node nor exceljs)", () => {
    expectTypeOf<xlsxEntry.ReportOptions>().toEqualTypeOf<report.ReportOptions>();
    expectTypeOf<xlsxEntry.AccontoWorkbookOptions>().toEqualTypeOf<acconto.AccontoWorkbookOptions>();
    expectTypeOf<xlsxEntry.SettlementWorkbookOptions>().toEqualTypeOf<settlement.SettlementWorkbookOptions>();
    expectTypeOf<xlsxEntry.ProposalWorkbookOptions>().toEqualTypeOf<proposal.ProposalWorkbookOptions>();
    expectTypeOf<xlsxEntry.ComparisonWorkbookOptions>().toEqualTypeOf<compareXlsx.ComparisonWorkbookOptions>();
    expectTypeOf<xlsxEntry.KeyCheckWorkbookOptions>().toEqualTypeOf<Parameters<typeof keycheck.keyCheckWorkbook>[1]>();
  });
});
