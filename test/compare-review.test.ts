/**
 * Regressions from the review of compare, scenarios and explain, through the real command:
 * every one was a silent or misleading answer before.
 */
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
