/**
 * Regressions from the review of compare, scenarios and explain, through the real command:
 * every one was a silent or misleading answer before.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, resealed, findRow, loadWorkbook, runMain, sheetNamed, tempDir } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const base = ["--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv")];
const POP = join(FIXTURES, "bad", "SET_POPULATION_FILE", "population.csv");
const EXAMPLES = join(FIXTURES, "..", "..", "examples", "2025");

describe("a scenario that changes the population while --population gives it", () => {
  it("is an error in calculate and explain, pointing at the --set; nothing is written", async () => {
    const out = tempDir();
    const json = join(out, "x.json");
    const c = await runMain(["calculate", ...base, "--population", POP, "--set", "population.RKL=300000", "--baseline", "--json", json]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("--set:1:1: error[SET_POPULATION_FILE]");
    expect(c.stdout).toBe("");
    const e = await runMain(["explain", ...base, "--population", POP, "--set", "population.RKL=300000", "RKL>RÖ solidarity RCC"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("--set:1:1: error[SET_POPULATION_FILE]");
    // without --population the same --set changes the money
    const ok = await runMain(["calculate", ...base, "--set", "population.RKL=300000", "--json", json]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).key.find((k: { party: string }) => k.party === "RKL").population).toBe(300000);
  });
});

describe("a --set that breaks a rule whose message carries öre", () => {
  it("is an error at the --set (no stack trace); the tariff's own warning keeps its place", async () => {
    const json = join(tempDir(), "g.json");
    const r = await runMain(["calculate", "--tariff", "2025", "--consumption", join(EXAMPLES, "konsumtion-2025.csv"), "--set", "grants.0.amount=1000.00", "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--set:1:1: error[TARIFF_GRANT_EXCEEDS]");
    expect(r.stderr).not.toMatch(/TypeError|at applyScenario/);
    expect(r.stderr).not.toContain("--set:1:1: warning[TARIFF_ILLUSTRATIVE]");
    expect(r.stderr).toMatch(/2025\.json:\d+:\d+: warning\[TARIFF_ILLUSTRATIVE\]/);
  });
});

describe("--set takes one value each time", () => {
  it("a flow after --set is the flow, not a second --set; repeated --set still gives them all", async () => {
    const e = await runMain(["explain", ...base, "--set", "fixedShare=0.5", "--set", "solidarity.RCC.amount=150000", "RKL>RÖ solidarity RCC"]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toContain("RKL betalar RÖ: solidarisk finansiering RCC");
    expect(e.stdout).toContain("150 000,00 kr");
    const one = await runMain(["calculate", ...base, "--set", "fixedShare=0.5"]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain("--set fixedShare=0.5");
    const json = join(tempDir(), "s.json");
    const two = await runMain(["calculate", ...base, "--set", "fixedShare=0.5", "--set=solidarity.RCC.amount=150000", "--json", json]);
    expect(two.code, two.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).scenario.set.map((s: { path: string }) => s.path)).toEqual(["fixedShare", "solidarity.RCC.amount"]);
  });
});

describe("a scenario file is kept in what it produced", () => {
  it("the result and the comparison's B side hold the patch itself, its sha256 and the changed paths; the summary lists them", async () => {
    const out = tempDir();
    const patch = join(out, "p.json");
    const text = '{ "fixedShare": "0.5", "solidarity": [ { "unit": "RCC", "host": "RÖ", "amount": "150000.00" } ] }\n';
    writeFileSync(patch, text);
    const s = join(out, "s.json");
    const r = await runMain(["calculate", ...base, "--scenario", patch, "--set", "references.RÖ>RKL.amount=900000", "--baseline", "--json", s]);
    expect(r.code, r.stderr).toBe(0);
    const sha = createHash("sha256").update(text).digest("hex");
    const record = JSON.parse(readFileSync(s, "utf8")).scenario;
    expect(record).toEqual({
      set: [{ path: "references.RÖ>RKL.amount", value: "900000", target: "$.references[1].amount", was: '"800000.00"' }],
      changed: ["$.fixedShare", "$.solidarity", "$.references[1].amount"],
      patch: { file: patch, sha256: sha, content: JSON.parse(text), changed: ["$.fixedShare", "$.solidarity"] },
    });
    expect(r.stdout).toContain(`scenariofil: ${patch} (sha256 ${sha})`);
    // the file's changes by their place in the tariff, each --set in words with the value it replaced
    expect(r.stdout).toContain("ändrade värden i tariffen: $.fixedShare, $.solidarity");
    expect(r.stdout).toContain("references.RÖ>RKL.amount ändrad från 800 000,00 till 900 000 (--set references.RÖ>RKL.amount=900000)");
    const cmp = JSON.parse(readFileSync(join(out, "s-jamforelse.json"), "utf8"));
    expect(cmp.b.scenarioRecord).toEqual(record);
    expect(cmp.b.scenario[0]).toBe(`--scenario ${patch}: $.fixedShare, $.solidarity`);
    // compare reads it back from the result file
    const a = join(out, "a.json");
    expect((await runMain(["calculate", ...base, "--json", a])).code).toBe(0);
    const c = join(out, "c.json");
    const cr = await runMain(["compare", a, s, "--json", c]);
    expect(cr.code, cr.stderr).toBe(0);
    expect(JSON.parse(readFileSync(c, "utf8")).b.scenarioRecord).toEqual(record);
  });
});

describe("explain says where each value comes from", () => {
  it("marks a scenario and gives the scenario as the source of a value it replaced, not the tariff's", async () => {
    const json = join(tempDir(), "e.json");
    const r = await runMain(["explain", ...base, "--set", "fixedShare=0.5", "RJL>RÖ variable", "--json", json]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[1]).toBe("  SCENARIO: tariffens värden ersatta, inte det beslutade utfallet: --set fixedShare=0.5");
    const share = lines.findIndex((l) => l.includes("rörlig andel: 1 − 0,5"));
    expect(lines[share + 1]).toBe("    källa: scenario, --set fixedShare=0.5");
    // the tariff's own source (here its root `source`, which stands for the fixed share) is not shown for the replaced share
    expect(r.stdout).not.toContain(JSON.parse(readFileSync(join(MINI, "tariff.json"), "utf8")).source);
    const e = JSON.parse(readFileSync(json, "utf8"));
    expect(e.scenario.set).toEqual([{ path: "fixedShare", value: "0.5", target: "$.fixedShare", was: '"0.65"' }]);
    expect(e.figure).toEqual({ payer: "RJL", payee: "RÖ", component: "variable", label: null });
    const exact = e.lines.find((l: { kind: string }) => l.kind === "exact");
    expect(exact.values).toMatchObject({ cut: false });
    expect(e.lines.find((l: { kind: string }) => l.kind === "sourceScenario").values).toMatchObject({ scenario: true, origin: "--set fixedShare=0.5" });
    // without a scenario: no SCENARIO line, and the JSON says so
    const plain = await runMain(["explain", ...base, "RJL>RÖ variable", "--json", json]);
    expect(plain.stdout).not.toContain("SCENARIO");
    expect(JSON.parse(readFileSync(json, "utf8")).scenario).toBeNull();
  });

  it("gives the population file as the key's source, and a fixed key from a scenario as the scenario's", async () => {
    const example = ["--tariff", "2025", "--consumption", join(EXAMPLES, "konsumtion-2025.csv")];
    const tariffKeySource = "Befolkningsnyckel: folkmängd per 2023-12-31 (SCB)";
    const t = await runMain(["explain", ...example, "RKL>RÖ solidarity RCC"]);
    expect(t.stdout).toContain(`källa: ${tariffKeySource}`);
    const f = await runMain(["explain", ...example, "--population", join(EXAMPLES, "befolkning-2024-12-31.csv"), "RKL>RÖ solidarity RCC"]);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toContain(`källa: befolkningen i ${join(EXAMPLES, "befolkning-2024-12-31.csv")} (2024-12-31), som ersätter tariffens`);
    expect(f.stdout).not.toContain(tariffKeySource);
    expect((await runMain(["explain", ...base, "--population", POP, "RKL>RÖ solidarity RCC"])).stdout).toContain(`källa: befolkningen i ${POP} (utan datum), som ersätter tariffens`);
    const s = await runMain(["explain", ...base, "--set", "key.basis=fixed", "--set", "key.shares.RJL=0.3", "--set", "key.shares.RKL=0.3", "--set", "key.shares.RÖ=0.4", "RKL>RÖ solidarity RCC"]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain("källa: scenario, --set key.basis=fixed; --set key.shares.RJL=0.3; --set key.shares.RKL=0.3; --set key.shares.RÖ=0.4");
    expect(s.stdout).not.toContain("befolkning");
  });

  it("says a split by the key is allocated by the largest remainder (not rounded), and shows exact values grouped, saying when they are cut", async () => {
    const r = await runMain(["explain", ...base, "RKL>RÖ solidarity RCC"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("avrundat till öre");
    expect(r.stdout).toMatch(/fördelat med största-restmetoden: golv 22 675,32 kr; 2 öre kvar efter golven går till de största resterna, 1 av dem till RKL: 22 675,33 kr/);
    expect(r.stdout).toMatch(/exakt: 22 675,3\d+ kr( \(avrundat till 10 decimaler här\))?/);
    expect(r.stdout).toMatch(/RKLs andel: 0,\d+ \(avrundat till 15 decimaler här\)/);
    // a price list with two prices of one source names the source once
    const v = await runMain(["explain", ...base, "RJL>RÖ variable"]);
    const priceAt = v.stdout.split("\n").findIndex((l) => l.includes("poängpriser RÖ"));
    const after = v.stdout.split("\n").slice(priceAt + 1).filter((l) => l.startsWith("    källa:"));
    expect(new Set(after).size).toBe(after.length);
  });
});

describe("Swedish messages say it in Swedish", () => {
  const out = tempDir();
  const a = join(out, "a.json");
  beforeAll(async () => {
    expect((await runMain(["calculate", ...base, "--json", a])).code).toBe(0);
  });
  const result = () => JSON.parse(readFileSync(a, "utf8"));
  const write = (name: string, data: unknown): string => {
    const f = join(out, name);
    writeFileSync(f, typeof data === "string" ? data : JSON.stringify(data, null, 2));
    return f;
  };

  it("a result file that is not JSON, has a wrong type, or was changed: RESULT_FILE in Swedish, a syntax error at its place", async () => {
    const bad = await runMain(["compare", a, write("bad.json", '{\n  "format": å }')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bad.json:2:13: error[RESULT_FILE]: inte en giltig vardavtal-result/1-fil: ogiltigt tecken (InvalidSymbol)");
    const typed = result();
    typed.flows[0].payer = 5;
    expect((await runMain(["compare", a, write("typed.json", typed)])).stderr).toContain("typed.json har ändrats för hand efter att vardavtal skrev den");
    // behind the digest (recomputed by hand), the checks of the content still hold
    expect((await runMain(["compare", a, write("typed.json", resealed(typed))])).stderr).toContain("$.flows[0].payer: väntade text, fick ett tal");
    const changed = result();
    changed.net[0].amount = "1.00";
    const c = await runMain(["compare", a, write("changed.json", resealed(changed))]);
    expect(c.stderr).toMatch(/nettopositionen för RJL \(1\.00\) är inte vad dess flöden ger \(-?\d+\.\d\d\): filen har ändrats efter att den skrevs/);
    expect((await runMain(["compare", a, join(out, "changed.json"), "--lang", "en"])).stderr).toContain("the net position of RJL (1.00) is not what its flows give");
    for (const r of [bad, c]) expect(r.stderr).not.toMatch(/Unexpected token|Invalid input|is not what/);
  });

  it("a scenario file that is not JSON, or has __proto__: the tariff's Swedish reasons", async () => {
    const r = await runMain(["calculate", ...base, "--scenario", write("p.json", '{ "fixedShare": "0.5" ')]);
    expect(r.stderr).toContain("p.json:1:23: error[TARIFF_JSON]: ogiltig JSON: en avslutande } väntades (CloseBraceExpected)");
    const proto = await runMain(["calculate", ...base, "--scenario", write("proto.json", '{ "__proto__": { "x": 1 } }')]);
    expect(proto.stderr).toContain("proto.json:1:3: error[TARIFF_SCHEMA]: $.__proto__: reserverad nyckel");
  });

  it("effects refused: the flow named in Swedish, the same parties in another order said so, the reason said once", async () => {
    const tampered = result();
    const f = tampered.flows.find((x: { component: string }) => x.component === "variable");
    const cents = (s: string, d: number): string => (Math.round(Number(s) * 100) + d).toString().replace(/(\d\d)$/, ".$1");
    f.amount = cents(f.amount, 1);
    for (const n of tampered.net) if (n.party === f.payee) n.amount = cents(n.amount, 1);
    for (const n of tampered.net) if (n.party === f.payer) n.amount = cents(n.amount, -1);
    const edited = await runMain(["compare", a, write("m.json", tampered)]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain("error[RESULT_EDITED]");
    // with the digest recomputed by hand, the effects still refuse to split what the inputs do not give
    const m = await runMain(["compare", a, write("m.json", resealed(tampered))]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stderr).toContain(`warning[EFFECTS_MISMATCH]`);
    expect(m.stdout).toContain(`(${f.payer}→${f.payee} rörlig ersättning: `);
    expect(m.stdout).not.toContain("variable");
    const reordered = result();
    reordered.parties = [reordered.parties[1], reordered.parties[0], reordered.parties[2]];
    const o = await runMain(["compare", a, write("o.json", resealed(reordered))]);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stdout).toContain("Förändringen kan inte delas upp i effekter: resultaten har samma parter men i olika ordning (RJL, RKL, RÖ mot RKL, RJL, RÖ)");
    expect(o.stdout).not.toMatch(/delas upp.*delas upp/);
  });
});

describe("--set values and paths are read as the docs say", () => {
  const errors = async (...set: string[]): Promise<string[]> => {
    const r = await runMain(["calculate", ...base, ...set.flatMap((s) => ["--set", s])]);
    expect(r.code).toBe(2);
    return r.stderr.split("\n").filter((l) => /error\[/.test(l));
  };

  it("says bad JSON is bad JSON, a whole number is expected, and reports a problem once", async () => {
    expect(await errors('careRules.psykiatri.sellers=["RJL"')).toEqual(["--set:1:35: error[TARIFF_JSON]: ogiltig JSON: en avslutande ] väntades (CloseBracketExpected)"]);
    expect(await errors("population.RJL=1.5")).toEqual(["--set:1:16: error[TARIFF_SCHEMA]: $.population.RJL: väntade ett heltal"]);
    expect(await errors("population.RJL=99999999999999999999")).toHaveLength(1);
  });

  it("unknown keys are the tariff's unknown key, unknown entries SET_UNKNOWN_PATH; the hint names an unambiguous point price", async () => {
    for (const s of ["bogus=1", "FixedShare=0.5", "solidarity.RCC.bogus=1"]) expect((await errors(s))[0]).toMatch(/error\[TARIFF_SCHEMA\]: \$\.\S+: okänd nyckel/);
    const r = await runMain(["calculate", ...base, "--set", "solidarity.XYZ.amount=1"]);
    expect(r.stderr).toContain("--set:1:1: error[SET_UNKNOWN_PATH]");
    expect(r.stderr).toContain("pointPrices.RÖ@2025-07-01.price");
    expect(r.stderr).not.toMatch(/pointPrices\.RÖ\.price/);
  });

  it("null removes the value (then the validation speaks); a zero population points at the --set", async () => {
    expect(await errors("title=null")).toEqual(["--set:1:1: error[TARIFF_SCHEMA]: $.title: saknas men krävs"]);
    const zero = await errors("population.RJL=0", "population.RKL=0", "population.RÖ=0");
    expect(zero).toHaveLength(1);
    expect(zero[0]).toMatch(/^--set:\d:\d+: error\[ZERO_POPULATION\]/);
  });

  it("compare without B and explain without a figure say what is missing", async () => {
    const c = await runMain(["compare", "a.json"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("error[USAGE]: compare behöver två resultatfiler, A och B");
    const e = await runMain(["explain", ...base]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("error[USAGE]: explain behöver beloppet som ska förklaras");
  });
});

describe("the comparison workbook in Swedish", () => {
  it("names the care models in Swedish, keeps the titles whole, and aligns the deviation header with its figures", async () => {
    const out = tempDir();
    const r = await runMain(["calculate", ...base, "--set", "fixedShare=0.6", "--baseline", "--xlsx", join(out, "s.xlsx")]);
    expect(r.code, r.stderr).toBe(0);
    const wb = await loadWorkbook(join(out, "s-jamforelse.xlsx"));
    const v = sheetNamed(wb, "Verksamheter");
    const models = new Set<string>();
    for (let row = 4; row <= v.rowCount; row++) models.add(String(v.getCell(row, 4).value));
    expect(models.size).toBeGreaterThan(1);
    for (const m of models) expect(["Endast fast", "Fast och rörlig", "Styckpris", "Utanför avtalet"]).toContain(m);
    const p = sheetNamed(wb, "Par");
    expect(p.getCell(1, 1).value).toBe("Per par: Tariff 2025 → Scenario"); // the sides by name, not A and B
    expect(p.getCell(2, 1).value).toBe("Säljare → köpare: fast + rörlig + styckpris");
    // the summary's long title gets the height of the lines it wraps to
    const s = sheetNamed(wb, "Jämförelse");
    const width = [1, 2, 3, 4, 5, 6, 7, 8].reduce((x, c) => x + (s.getColumn(c).width ?? 9), 0);
    const needed = Math.ceil((String(s.getCell(1, 1).value).length * 1.6 * 1.15) / (width - 1));
    expect(s.getRow(1).height).toBeGreaterThanOrEqual(needed * 23);
    // the checks have their own sheet (the first sheet prints on one page with its signatures)
    const checks = sheetNamed(wb, "Kontroller");
    const check = findRow(checks, "Kontroll", 1, findRow(checks, "Kontroll") + 1);
    expect(checks.getCell(check, 3).value).toBe("Avvikelse");
    expect(checks.getCell(check, 3).alignment?.horizontal).toBe("right");
  });
});
