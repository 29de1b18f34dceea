/**
 * Regressions from the review of compare, scenarios and explain, through the real command:
 * every one was a silent or misleading answer before.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, tempDir } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const base = ["--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv")];
const POP = join(FIXTURES, "bad", "SET_POPULATION_FILE", "population.csv");

describe("a scenario that changes the population while --population gives it", () => {
  it("is an error in calculate and explain, pointing at the --set; nothing is written", () => {
    const out = tempDir();
    const json = join(out, "x.json");
    const c = runCli(["calculate", ...base, "--population", POP, "--set", "population.RKL=300000", "--baseline", "--json", json]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("--set:1:1: error[SET_POPULATION_FILE]");
    expect(c.stdout).toBe("");
    const e = runCli(["explain", ...base, "--population", POP, "--set", "population.RKL=300000", "RKL>RÖ solidarity RCC"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("--set:1:1: error[SET_POPULATION_FILE]");
    // without --population the same --set changes the money
    const ok = runCli(["calculate", ...base, "--set", "population.RKL=300000", "--json", json]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).key.find((k: { party: string }) => k.party === "RKL").population).toBe(300000);
  });
});

describe("--set takes one value each time", () => {
  it("a flow after --set is the flow, not a second --set; repeated --set still gives them all", () => {
    const e = runCli(["explain", ...base, "--set", "fixedShare=0.5", "--set", "solidarity.RCC.amount=150000", "RKL>RÖ solidarity RCC"]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toContain("RKL betalar RÖ: solidarisk finansiering RCC");
    expect(e.stdout).toContain("150 000,00 kr");
    const one = runCli(["calculate", ...base, "--set", "fixedShare=0.5"]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain("--set fixedShare=0.5");
    const json = join(tempDir(), "s.json");
    const two = runCli(["calculate", ...base, "--set", "fixedShare=0.5", "--set=solidarity.RCC.amount=150000", "--json", json]);
    expect(two.code, two.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).scenario.set.map((s: { path: string }) => s.path)).toEqual(["fixedShare", "solidarity.RCC.amount"]);
  });
});

describe("a scenario file is kept in what it produced", () => {
  it("the result and the comparison's B side hold the patch itself, its sha256 and the changed paths; the summary lists them", () => {
    const out = tempDir();
    const patch = join(out, "p.json");
    const text = '{ "fixedShare": "0.5", "solidarity": [ { "unit": "RCC", "host": "RÖ", "amount": "150000.00" } ] }\n';
    writeFileSync(patch, text);
    const s = join(out, "s.json");
    const r = runCli(["calculate", ...base, "--scenario", patch, "--set", "references.RÖ>RKL.amount=900000", "--baseline", "--json", s]);
    expect(r.code, r.stderr).toBe(0);
    const sha = createHash("sha256").update(text).digest("hex");
    const record = JSON.parse(readFileSync(s, "utf8")).scenario;
    expect(record).toEqual({
      set: [{ path: "references.RÖ>RKL.amount", value: "900000" }],
      changed: ["$.fixedShare", "$.solidarity", "$.references[1].amount"],
      patch: { file: patch, sha256: sha, content: JSON.parse(text), changed: ["$.fixedShare", "$.solidarity"] },
    });
    expect(r.stdout).toContain(`scenariofil: ${patch} (sha256 ${sha})`);
    expect(r.stdout).toContain("ändrade värden: $.fixedShare, $.solidarity, $.references[1].amount");
    const cmp = JSON.parse(readFileSync(join(out, "s-jamforelse.json"), "utf8"));
    expect(cmp.b.scenarioRecord).toEqual(record);
    expect(cmp.b.scenario[0]).toBe(`--scenario ${patch}: $.fixedShare, $.solidarity`);
    // compare reads it back from the result file
    const a = join(out, "a.json");
    expect(runCli(["calculate", ...base, "--json", a]).code).toBe(0);
    const c = join(out, "c.json");
    const cr = runCli(["compare", a, s, "--json", c]);
    expect(cr.code, cr.stderr).toBe(0);
    expect(JSON.parse(readFileSync(c, "utf8")).b.scenarioRecord).toEqual(record);
  });
});
