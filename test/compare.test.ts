/**
 * The real `vardavtal compare` and `calculate --set/--scenario/--baseline` on real files: the
 * comparison's figures against an independent recomputation from the two result files, the
 * scenario written next to its baseline, the workbook reproducible and recalculated by LibreOffice
 * to exactly its cached figures, and the effects refused with a warning when a file lacks what
 * they need.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, resealed, cellOre, compareRecalculated, findRow, flowSums, formulaOf, haveLibreOffice, loadWorkbook, ore, runMain, sheetNamed, tempDir, type CliRun } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const base = ["--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv")];
const read = (f: string) => JSON.parse(readFileSync(f, "utf8"));

interface Row {
  party?: string;
  payer?: string;
  payee?: string;
  component?: string;
  label?: string | null;
  a: string;
  b: string;
  change: string;
}

describe("vardavtal compare", () => {
  const out = tempDir();
  const a = join(out, "a.json");
  const s = join(out, "s.json");
  let scenario: CliRun;
  beforeAll(async () => {
    expect((await runMain(["calculate", ...base, "--json", a])).code).toBe(0);
    scenario = await runMain(["calculate", ...base, "--set", "fixedShare=0.60", "--set", "solidarity.RCC.amount=150000", "--set", "references.RÖ>RKL.amount=900000", "--baseline", "--json", s, "--xlsx", join(out, "s.xlsx"), "--csv-dir", join(out, "csv")]);
  });

  it("a scenario says so, lists what was set, and writes the comparison with its baseline next to it", () => {
    expect(scenario.code, scenario.stderr).toBe(0);
    expect(scenario.stdout).toContain("SCENARIO");
    expect(scenario.stdout).toContain("--set fixedShare=0.60");
    expect(scenario.stdout).toContain("Förändringen uppdelad i effekter");
    const json = read(s);
    expect(json.scenario.set).toEqual([
      { path: "fixedShare", value: "0.60", target: "$.fixedShare", was: '"0.65"' },
      { path: "solidarity.RCC.amount", value: "150000", target: "$.solidarity[0].amount", was: '"100000.00"' },
      { path: "references.RÖ>RKL.amount", value: "900000", target: "$.references[1].amount", was: '"800000.00"' },
    ]);
    // the summary says each change in words, old value and new
    expect(scenario.stdout).toContain("Fast andel ändrad från 65 % till 60 % (--set fixedShare=0.60)");
    expect(scenario.stdout).toContain("references.RÖ>RKL.amount ändrad från 800 000,00 till 900 000 (--set references.RÖ>RKL.amount=900000)");
    expect(json.fixedShare).toBe("0.60");
    const cmp = read(join(out, "s-jamforelse.json"));
    expect(cmp.format).toBe("vardavtal-comparison/1");
    expect(cmp.b.scenario).toEqual(["fixedShare = 0.60", "solidarity.RCC.amount = 150000", "references.RÖ>RKL.amount = 900000"]);
    // the effects: the fixed share, the reference and the budget each in their own group, summing to the change
    for (const p of cmp.effects.parties) {
      const total = ["key", "fixedShare", "references", "pricesAndBudgets", "consumption"].reduce((x, g) => x + ore(p[g]), 0n);
      expect(total).toBe(ore(p.change));
      expect([p.key, p.consumption]).toEqual(["0.00", "0.00"]);
    }
    expect(cmp.effects.parties.find((p: { party: string }) => p.party === "RKL").references).not.toBe("0.00");
    for (const f of ["comparison-net.csv", "comparison-flows.csv", "comparison-effects.csv", "flows.csv"]) expect(readFileSync(join(out, "csv", f)).length).toBeGreaterThan(0);
  });

  it("compare A.json B.json: every change is B − A of the two files, independently recomputed; the same as the baseline's comparison", async () => {
    const c = join(out, "c.json");
    const r = await runMain(["compare", a, s, "--json", c]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/RJL\s+-811 459,43\s+-/);
    const cmp = read(c);
    const ja = read(a);
    const jb = read(s);
    const fa = flowSums(ja.flows);
    const fb = flowSums(jb.flows);
    for (const f of cmp.flows as Row[]) {
      const k = `${f.payer}→${f.payee} ${f.component} ${f.label ?? ""}`;
      expect([ore(f.a), ore(f.b), ore(f.change)]).toEqual([BigInt(fa[k] ?? "0"), BigInt(fb[k] ?? "0"), BigInt(fb[k] ?? "0") - BigInt(fa[k] ?? "0")]);
    }
    expect(Object.keys({ ...fa, ...fb }).length).toBe((cmp.flows as Row[]).filter((f) => f.a !== "0.00" || f.b !== "0.00").length);
    let total = 0n;
    for (const n of cmp.net as Row[]) {
      const netOf = (j: { net: { party: string; amount: string }[] }): bigint => ore(j.net.find((x) => x.party === n.party)?.amount ?? "0.00");
      expect(ore(n.change)).toBe(netOf(jb) - netOf(ja));
      total += ore(n.change);
    }
    expect(total).toBe(0n);
    // the effects from the two files equal those of the baseline run (no point price changed)
    const baseline = read(join(out, "s-jamforelse.json"));
    expect(cmp.net).toEqual(baseline.net);
    expect(cmp.flows).toEqual(baseline.flows);
    expect(cmp.effects.parties).toEqual(baseline.effects.parties);
    expect(cmp.checks.every((x: { holds: boolean }) => x.holds)).toBe(true);
  });

  it("says clearly when the effects cannot be split (a file without its areas), and still compares", async () => {
    const bare = read(s);
    delete bare.areas;
    const f = join(out, "bare.json");
    // sealed again: the digest would refuse the edit first (RESULT_EDITED); this is the check behind it
    writeFileSync(f, JSON.stringify(resealed(bare)));
    const r = await runMain(["compare", a, f, "--json", join(out, "bare-c.json"), "--lang", "en"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning[EFFECTS_INCOMPLETE]");
    expect(r.stdout).toMatch(/The change cannot be split into effects: \S*bare.json lacks areas/);
    expect(r.stdout).not.toMatch(/cannot be split.*cannot be split/);
    expect(read(join(out, "bare-c.json")).effects.available).toBe(false);
    expect((await runMain(["compare", a, f, "--strict"])).code).toBe(2);
  });

  it("writes a reproducible workbook: differences as formulas, largest change first; LibreOffice recalculates every formula to the öre", async () => {
    const x1 = join(out, "c1.xlsx");
    const x2 = join(out, "c2.xlsx");
    const env = { SOURCE_DATE_EPOCH: "1735689600" };
    expect((await runMain(["compare", a, s, "--xlsx", x1], undefined, env)).code).toBe(0);
    expect((await runMain(["compare", a, s, "--xlsx", x2], undefined, env)).code).toBe(0);
    expect(readFileSync(x1).equals(readFileSync(x2))).toBe(true);
    const wb = await loadWorkbook(x1);
    const flows = sheetNamed(wb, "Flöden");
    const changes: bigint[] = [];
    for (let row = 4; flows.getCell(row, 1).value; row++) {
      expect(formulaOf(flows.getCell(row, 7))).toBe(`ROUND(F${row}-E${row},2)`);
      changes.push(cellOre(flows.getCell(row, 7)));
    }
    const abs = (v: bigint): bigint => (v < 0n ? -v : v);
    for (let k = 1; k < changes.length; k++) expect(abs(changes[k - 1] as bigint) >= abs(changes[k] as bigint)).toBe(true);
    const summary = sheetNamed(wb, "Jämförelse");
    const rjl = findRow(summary, "RJL");
    expect(formulaOf(summary.getCell(rjl, 2))).toContain("SUMPRODUCT(EXACT(");
    const cmp = read(join(out, "s-jamforelse.json"));
    expect(cellOre(summary.getCell(rjl, 4))).toBe(ore(cmp.net[0].change));
    if (haveLibreOffice) {
      const { diffs, formulas } = await compareRecalculated(x1);
      expect(formulas).toBeGreaterThan(20);
      expect(diffs).toEqual([]);
    }
  });

  it("a scenario file (JSON merge patch) gives the same result as the same values set with --set", async () => {
    const patch = join(out, "patch.json");
    writeFileSync(patch, JSON.stringify({ fixedShare: "0.60", solidarity: [{ unit: "RCC", host: "RÖ", amount: "150000" }], references: [{ seller: "RÖ", buyer: "RJL", amount: "1000000.00" }, { seller: "RÖ", buyer: "RKL", amount: "900000" }] }));
    const p = join(out, "p.json");
    const r = await runMain(["calculate", ...base, "--scenario", patch, "--json", p]);
    expect(r.code, r.stderr).toBe(0);
    expect(read(p).flows).toEqual(read(s).flows);
    expect(read(p).scenario.patch.file).toBe(patch);
  });

  it("--baseline without a scenario is a usage error", async () => {
    const r = await runMain(["calculate", ...base, "--baseline"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--baseline kräver --set eller --scenario");
  });
});
