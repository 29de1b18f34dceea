/** The package as an embedder sees it: `import … from "vardavtal"` (the built package, via its exports map). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

describe("the npm package", () => {
  it("runs the README's embedding example", async () => {
    const { calculate, resultToJson } = await import("vardavtal");
    const rows = [
      { date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" },
      { date: "2025-04-01", seller: "RJL", buyer: "RKL", area: "psykiatri", amount: "12500.00" },
    ];
    const result = await calculate({ tariff: readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"), consumption: rows });
    const json = resultToJson(result);
    expect(json.net.reduce((a, n) => a + BigInt(n.amount.replace(".", "")), 0n)).toBe(0n);
    // RJL pays RKL the psykiatri visit in full (unit price)
    expect(json.flows).toContainEqual({ payer: "RKL", payee: "RJL", component: "unit_price", label: null, amount: "12500.00" });
    // and 35 % of 2.5 × 71 250 to RÖ
    expect(json.flows).toContainEqual({ payer: "RJL", payee: "RÖ", component: "variable", label: null, amount: "62343.75" });
  });

  it("reports every bad row with its position through InputError", async () => {
    const { calculate, InputError, renderDiagnostic } = await import("vardavtal");
    const rows = (async function* () {
      yield { year: 2025, seller: "RÖ", buyer: "Skåne", area: "x", amount: "1" };
      yield { year: 2025, seller: "RÖ", buyer: "RJL", area: "x", amount: "1,001" };
    })();
    const err = await calculate({ tariff: readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"), consumption: rows }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.diagnostics.map((d: { code: string; line: number }) => `${d.line} ${d.code}`)).toEqual(["1 UNKNOWN_PARTY", "2 TOO_MANY_DECIMALS"]);
    expect(renderDiagnostic(err.diagnostics[0], "en")).toMatch(/^<consumption>:1:1: error\[UNKNOWN_PARTY\]: unknown party "Skåne"/);
  });

  it("exports the file adapters and the JSON Schema", async () => {
    const node = await import("vardavtal/node");
    expect(node.bundledYears()).toEqual([2025, 2026]);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.exports["./schema/tariff.schema.json"]).toBe("./schema/vardavtal-tariff-1.schema.json");
  });
});

describe("the year's commands for embedders", () => {
  const MINI = join(ROOT, "test", "fixtures", "spec", "mini-2025");
  const tariffText = readFileSync(join(MINI, "tariff.json"), "utf8");

  async function miniResult() {
    const { calculateCsv, resultToJson } = await import("vardavtal");
    const { result } = await calculateCsv({ tariff: { name: "tariff.json", data: tariffText }, consumption: { name: "consumption.csv", data: readFileSync(join(MINI, "consumption.csv")) } });
    return resultToJson(result);
  }

  it("settle: the same settlement as `vardavtal settle`, from the plan and from payments", async () => {
    const { acconto, accontoToJson, settle, settlementToJson } = await import("vardavtal");
    const { runMain, tempDir } = await import("./helpers.js");
    const { writeFileSync } = await import("node:fs");
    const dir = tempDir();
    const result = await miniResult();
    const plan = accontoToJson(acconto({ tariff: tariffText }));
    writeFileSync(join(dir, "r.json"), JSON.stringify(result));
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    const payments = "betalare;mottagare;belopp\nRJL;RÖ;100 000,00\nRKL;RJL;2 500,50\n";
    writeFileSync(join(dir, "paid.csv"), payments);
    for (const [paid, input] of [["plan.json", { plan }], ["paid.csv", { payments: { name: "paid.csv", data: payments } }]] as const) {
      const cli = await runMain(["settle", "--result", join(dir, "r.json"), "--paid", join(dir, paid), "--json", join(dir, `s-${paid}.json`)]);
      expect(cli.code, cli.stderr).toBe(0);
      const { tool: _tool, ...expected } = JSON.parse(readFileSync(join(dir, `s-${paid}.json`), "utf8"));
      const run = await settle({ result: JSON.stringify(result), ...input });
      expect(settlementToJson(run.settlement)).toEqual(expected);
      expect(run.settlement.totals.reduce((a, t) => a + t.remaining, 0n)).toBe(0n);
    }
    // paid as planned: the payments are the plan's annual amounts
    const run = await settle({ result, plan });
    expect(run.payments.map((p) => p.amount)).toEqual(plan.lines.map((l) => BigInt(l.annual.replace(".", ""))));
  });

  it("settle: every problem as InputError (a payment to an unknown party, neither plan nor payments, a plan of another year)", async () => {
    const { InputError, settle } = await import("vardavtal");
    const result = await miniResult();
    const bad = await settle({ result, payments: { name: "paid.csv", data: "betalare;mottagare;belopp\nRJL;Skåne;1,00\n" } }).catch((e) => e);
    expect(bad).toBeInstanceOf(InputError);
    expect(bad.diagnostics.map((d: { file: string; line: number; code: string }) => `${d.file}:${d.line} ${d.code}`)).toEqual(["paid.csv:2 UNKNOWN_PARTY"]);
    const none = await settle({ result }).catch((e) => e);
    expect(none.diagnostics.map((d: { code: string }) => d.code)).toEqual(["USAGE"]);
    const forecast = await settle({ result: { ...result, forecast: { through: "2025-06-30" } }, payments: { name: "p.csv", data: "betalare;mottagare;belopp\n" } }).catch((e) => e);
    expect(forecast.diagnostics.map((d: { code: string }) => d.code)).toContain("SETTLE_FORECAST");
  });

  it("propose: the same tariff as `vardavtal propose`, and a bad index named", async () => {
    const { propose, InputError } = await import("vardavtal");
    const { runMain, tempDir } = await import("./helpers.js");
    const { writeFileSync } = await import("node:fs");
    const dir = tempDir();
    const result = await miniResult();
    writeFileSync(join(dir, "r.json"), JSON.stringify(result));
    const cli = await runMain(["propose", "--tariff", join(MINI, "tariff.json"), "--results", join(dir, "r.json"), "--index", "2026=2,8", "--round-to", "1000", "--out", join(dir, "t26.json")]);
    expect(cli.code, cli.stderr).toBe(0);
    const run = propose({ tariff: tariffText, results: [result], index: { 2026: "2,8" }, roundTo: 100_000n });
    expect(JSON.stringify(run.proposal.tariff, null, 2) + "\n").toBe(readFileSync(join(dir, "t26.json"), "utf8"));
    expect([run.proposal.year, run.proposal.tariff.status, run.results.length, run.index.get(2026)]).toEqual([2026, "proposal", 1, { units: 28n, scale: 1 }]);
    const bad = (() => {
      try {
        return propose({ tariff: tariffText, results: [result], index: { 2026: "2,8 procent" } });
      } catch (e) {
        return e;
      }
    })() as InstanceType<typeof InputError>;
    expect(bad).toBeInstanceOf(InputError);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["BAD_INDEX"]);
  });
});

describe("compare for embedders", () => {
  it("gives the same comparison as the command line, and refuses what is not a result", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { compare, comparisonToJson, InputError } = await import("../src/index.js");
    const { ROOT, runMain, tempDir } = await import("./helpers.js");
    const dir = tempDir();
    const mini = join(ROOT, "test", "fixtures", "spec", "mini-2025");
    expect((await runMain(["calculate", "--tariff", join(mini, "tariff.json"), "--consumption", join(mini, "consumption.csv"), "--json", join(dir, "a.json")])).code).toBe(0);
    expect((await runMain(["calculate", "--tariff", join(mini, "tariff.json"), "--consumption", join(mini, "consumption.csv"), "--set", "fixedShare=0.60", "--json", join(dir, "b.json")])).code).toBe(0);
    const cli = await runMain(["compare", join(dir, "a.json"), join(dir, "b.json"), "--json", join(dir, "c.json")]);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(join(dir, "c.json"), "utf8"));
    const got = comparisonToJson(compare(readFileSync(join(dir, "a.json"), "utf8"), JSON.parse(readFileSync(join(dir, "b.json"), "utf8"))).comparison);
    expect(got.net).toEqual(expected.net);
    expect(got.flows).toEqual(expected.flows);
    expect(got.components).toEqual(expected.components);
    expect(() => compare({ format: "nope" }, "{}")).toThrow(InputError);
  });
});
