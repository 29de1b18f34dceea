/**
 * Issue 23, item 2 and item 1's second half: every JSON vardavtal computes carries an integrity
 * digest over its content, and every reader refuses a file that no longer gives it (changed by
 * hand: RESULT_EDITED) or has none (RESULT_NO_DIGEST), per contract kind, with nothing written;
 * and a what-if scenario is marked in everything derived from it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, checkDigest, digestOf, withDigest } from "../src/contracts/digest.js";
import { overviewFromJson } from "../src/contracts/overview.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { FIXTURES, loadWorkbook, resealed, runMain, tempDir } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");

type Json = Record<string, unknown> & { digest?: string };
const readJson = (file: string): Json => JSON.parse(readFileSync(file, "utf8")) as Json;
const writeJson = (file: string, doc: unknown): string => {
  writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
  return file;
};
/** "1234.50" + whole kronor, exactly (öre as bigint). */
const plusKr = (amount: string, kr: bigint): string => {
  const ore = BigInt(amount.replace(".", "")) + kr * 100n;
  const sign = ore < 0n ? "-" : "";
  const a = (ore < 0n ? -ore : ore).toString().padStart(3, "0");
  return `${sign}${a.slice(0, -2)}.${a.slice(-2)}`;
};
const MKR = 1_000_000n;

describe("the digest", () => {
  it("is the SHA-256 of the canonical form: keys sorted, no whitespace, the digest itself left out", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "å"], c: { y: "1.00", x: undefined } })).toBe('{"a":[true,null,"å"],"b":1,"c":{"y":"1.00"}}');
    // the empty document's canonical form is "{}": SHA-256("{}")
    expect(digestOf({})).toBe("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(digestOf({ digest: "anything" })).toBe(digestOf({}));
    const doc = withDigest({ format: "vardavtal-result/1", year: 2025 });
    expect(Object.keys(doc).at(-1)).toBe("digest");
    expect(checkDigest(doc)).toEqual({ state: "ok" });
    expect(checkDigest({ format: "vardavtal-result/1" })).toEqual({ state: "missing" });
    expect(checkDigest({ ...doc, year: 2024 }).state).toBe("changed");
    expect(checkDigest({ ...doc, digest: 12 }).state).toBe("changed");
  });

  it("holds through any re-formatting (indentation, key order, escapes) and breaks on any change of a value (property)", () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      node: fc.oneof({ depthSize: "small" }, tie("leaf"), fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => k !== "digest"), value, { minKeys: 1, maxKeys: 6 }), fc.integer({ min: 0, max: 4 }), (doc, indent) => {
        const sealed = withDigest(doc);
        // written reversed and re-indented, read back: the same content, the same digest
        const reversed = Object.fromEntries(Object.entries(sealed).reverse());
        const back = JSON.parse(JSON.stringify(reversed, null, indent)) as Record<string, unknown>;
        expect(checkDigest(back)).toEqual({ state: "ok" });
        // one value changed: the digest no longer holds
        const key = Object.keys(doc)[0] as string;
        const changed = { ...back, [key]: JSON.stringify(back[key]) === '"x"' ? "y" : "x" };
        expect(checkDigest(changed).state).toBe("changed");
      }),
      { numRuns: 200, seed: 23 },
    );
  });
});

describe("every reader refuses a file changed by hand, per contract kind (nothing written)", () => {
  let dir = "";
  const files = { result: "", forecast: "", plan: "", settlement: "", overview: "", comparison: "", keycheck: "", explanation: "" };
  beforeAll(async () => {
    dir = tempDir();
    // the tariff a proposal: the result carries tariffStatus, the draft banner the hostile edit removed
    const tariff = readJson(join(MINI, "tariff.json"));
    writeJson(join(dir, "tariff.json"), { ...tariff, status: "proposal" });
    writeFileSync(join(dir, "consumption.csv"), readFileSync(join(MINI, "consumption.csv")));
    const run = async (...args: string[]): Promise<void> => {
      const r = await runMain(args, dir);
      expect(r.code, r.stderr).toBe(0);
    };
    const base = ["--tariff", "tariff.json", "--consumption", "consumption.csv"];
    await run("calculate", ...base, "--json", "result.json");
    await run("calculate", ...base, "--through", "2025-06-30", "--json", "forecast.json");
    await run("acconto", "--tariff", "tariff.json", "--json", "plan.json");
    await run("settle", "--result", "result.json", "--paid", "plan.json", "--json", "settlement.json");
    await run("overview", "--plan", "plan.json", "--result", "result.json", "--settlement", "settlement.json", "--json", "overview.json");
    await run("compare", "forecast.json", "result.json", "--json", "comparison.json");
    await run("explain", ...base, "net RJL", "--json", "explanation.json");
    writeFileSync(join(dir, "costs.csv"), "post;part;belopp\nRCC 2025;RJL;100,00\nRCC 2025;RKL;50,00\n");
    const key = await runMain(["check-key", "--tariff", "tariff.json", "--costs", "costs.csv", "--json", "keycheck.json"], dir);
    expect([0, 1], key.stderr).toContain(key.code);
    for (const k of Object.keys(files) as (keyof typeof files)[]) files[k] = join(dir, `${k}.json`);
  });

  it("every JSON the commands wrote carries a digest that holds", () => {
    for (const [kind, file] of Object.entries(files)) {
      const doc = readJson(file);
      expect(doc.digest, kind).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(checkDigest(doc), kind).toEqual({ state: "ok" });
      expect(Object.keys(doc).at(-1), kind).toBe("digest");
    }
  });

  /** Runs a command that must refuse `file` with `code`, at the file's digest (or 1:1), writing nothing. */
  const refused = async (args: string[], file: string, code: "RESULT_EDITED" | "RESULT_NO_DIGEST"): Promise<void> => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
    const outArgs = args[0] === "propose" ? ["--out", out] : ["--json", out];
    for (const lang of ["sv", "en"] as const) {
      const r = await runMain([...args, ...outArgs, "--lang", lang], dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      const name = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // which file: in the place and again in the words
      const line = new RegExp(`^${name}:\\d+:\\d+: error\\[${code}\\]: ${name} `, "m");
      expect(r.stderr, r.stderr).toMatch(line);
      if (code === "RESULT_EDITED") expect(r.stderr).toContain(lang === "sv" ? "har ändrats för hand efter att vardavtal skrev den" : "was changed by hand after vardavtal wrote it");
      else expect(r.stderr).toContain(lang === "sv" ? "saknar kontrollsumma" : "has no digest");
      expect(r.stderr).toContain(lang === "sv" ? "räkna om filen från dess indata" : "recompute the file from its inputs");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  };

  it("a result: a flow moved by 1 Mkr, the nets moved to match, tariffStatus removed (the issue's case)", async () => {
    const doc = readJson(files.result) as Json & { flows: { payer: string; payee: string; amount: string }[]; net: { party: string; amount: string }[] };
    const f = doc.flows[0] as { payer: string; payee: string; amount: string };
    f.amount = plusKr(f.amount, MKR);
    for (const n of doc.net) if (n.party === f.payee) n.amount = plusKr(n.amount, MKR);
    for (const n of doc.net) if (n.party === f.payer) n.amount = plusKr(n.amount, -MKR);
    expect(doc.tariffStatus).toBe("proposal");
    delete doc.tariffStatus;
    const edited = writeJson(join(dir, "edited-result.json"), doc);
    // every reader of a result
    await refused(["settle", "--result", edited, "--paid", files.plan], edited, "RESULT_EDITED");
    await refused(["compare", files.result, edited], edited, "RESULT_EDITED");
    await refused(["overview", "--plan", files.plan, "--result", edited], edited, "RESULT_EDITED");
    await refused(["propose", "--tariff", join(dir, "tariff.json"), "--results", edited, "--index", "2026=3"], edited, "RESULT_EDITED");
    const { digest: _d, ...bare } = doc;
    const unsealed = writeJson(join(dir, "unsealed-result.json"), bare);
    await refused(["settle", "--result", unsealed, "--paid", files.plan], unsealed, "RESULT_NO_DIGEST");
    await refused(["compare", unsealed, files.result], unsealed, "RESULT_NO_DIGEST");
    // the library refuses it alike, as the object and as text
    const { settle, InputError } = await import("../src/index.js");
    for (const result of [doc as unknown as { format: string }, JSON.stringify(doc)]) {
      const e = await settle({ result, plan: readFileSync(files.plan, "utf8") }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InstanceType<typeof InputError>).diagnostics.map((d) => d.code)).toEqual(["RESULT_EDITED"]);
    }
  });

  it("a forecast: its net moved, read as a forecast by the overview", async () => {
    const doc = readJson(files.forecast) as Json & { net: { amount: string }[] };
    (doc.net[0] as { amount: string }).amount = plusKr((doc.net[0] as { amount: string }).amount, MKR);
    (doc.net[1] as { amount: string }).amount = plusKr((doc.net[1] as { amount: string }).amount, -MKR);
    const edited = writeJson(join(dir, "edited-forecast.json"), doc);
    await refused(["overview", "--plan", files.plan, "--forecast", edited], edited, "RESULT_EDITED");
  });

  it("an a-conto plan: a line moved by 1 Mkr, December and the net moved to match", async () => {
    const doc = readJson(files.plan) as Json & { lines: { payer: string; payee: string; annual: string; months: string[] }[]; net: { party: string; annual: string }[] };
    const l = doc.lines[0] as { payer: string; payee: string; annual: string; months: string[] };
    l.annual = plusKr(l.annual, MKR);
    l.months[11] = plusKr(l.months[11] as string, MKR);
    for (const n of doc.net) if (n.party === l.payee) n.annual = plusKr(n.annual, MKR);
    for (const n of doc.net) if (n.party === l.payer) n.annual = plusKr(n.annual, -MKR);
    const edited = writeJson(join(dir, "edited-plan.json"), doc);
    await refused(["settle", "--result", files.result, "--paid", edited], edited, "RESULT_EDITED");
    await refused(["overview", "--plan", edited, "--result", files.result], edited, "RESULT_EDITED");
    const { digest: _d, ...bare } = doc;
    const unsealed = writeJson(join(dir, "unsealed-plan.json"), bare);
    await refused(["settle", "--result", files.result, "--paid", unsealed], unsealed, "RESULT_NO_DIGEST");
  });

  it("a settlement: what was due moved by 1 Mkr (an earlier settlement as paid, and in the overview)", async () => {
    const doc = readJson(files.settlement) as Json & { lines: { due: string }[]; parties: { remaining: string }[] };
    (doc.lines[0] as { due: string }).due = plusKr((doc.lines[0] as { due: string }).due, MKR);
    (doc.parties[0] as { remaining: string }).remaining = plusKr((doc.parties[0] as { remaining: string }).remaining, MKR);
    (doc.parties[1] as { remaining: string }).remaining = plusKr((doc.parties[1] as { remaining: string }).remaining, -MKR);
    const edited = writeJson(join(dir, "edited-settlement.json"), doc);
    await refused(["settle", "--result", files.result, "--paid", edited], edited, "RESULT_EDITED");
    await refused(["overview", "--plan", files.plan, "--result", files.result, "--settlement", edited], edited, "RESULT_EDITED");
    // behind the digest (recomputed by hand, found by the year's fuzz): what remains no longer sums
    // to zero; refused as a changed file, not an internal error of the overview
    const forged = readJson(files.settlement) as Json & { parties: { remaining: string }[] };
    (forged.parties[2] as { remaining: string }).remaining = plusKr((forged.parties[2] as { remaining: string }).remaining, 0n).replace(/\d$/, (d) => String((Number(d) + 9) % 10));
    const f = writeJson(join(dir, "forged-settlement.json"), resealed(forged));
    const r = await runMain(["overview", "--plan", files.plan, "--result", files.result, "--settlement", f, "--json", join(dir, "never.json")], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/forged-settlement\.json:1:1: error\[RESULT_FILE\]: .*remaining summerar till -?0\.0\d, inte 0/);
    expect(existsSync(join(dir, "never.json"))).toBe(false);
  });

  it("an overview: a plan figure moved by 1 Mkr is refused when read back; a comparison's and the others' digests break alike", () => {
    const doc = readJson(files.overview) as Json & { parties: { plan: string }[] };
    (doc.parties[0] as { plan: string }).plan = plusKr((doc.parties[0] as { plan: string }).plan, MKR);
    (doc.parties[1] as { plan: string }).plan = plusKr((doc.parties[1] as { plan: string }).plan, -MKR);
    const bag = new DiagnosticBag();
    expect(overviewFromJson(JSON.stringify(doc, null, 2), "overview.json", bag)).toBeUndefined();
    expect(bag.errors.map((d) => [d.code, d.line])).toEqual([["RESULT_EDITED", JSON.stringify(doc, null, 2).split("\n").findIndex((l) => l.includes('"digest"')) + 1]]);
    const whole = new DiagnosticBag();
    expect(overviewFromJson(readFileSync(files.overview, "utf8"), "overview.json", whole)).toBeDefined();
    expect(whole.errors).toEqual([]);
    // the comparison, the key check and the explanation are not read back, but carry the same digest
    const cmp = readJson(files.comparison) as Json & { net: { change: string }[] };
    (cmp.net[0] as { change: string }).change = plusKr((cmp.net[0] as { change: string }).change, MKR);
    expect(checkDigest(cmp).state).toBe("changed");
  });
});

describe("a scenario is marked in every output derived from it", () => {
  let dir = "";
  beforeAll(async () => {
    dir = tempDir();
    const base = ["--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv")];
    for (const args of [
      ["calculate", ...base, "--json", "base.json"],
      ["calculate", ...base, "--set", "fixedShare=0.60", "--json", "scenario.json", "--csv-dir", "csv", "--xlsx", "scenario.xlsx"],
      ["calculate", ...base, "--set", "fixedShare=0.60", "--through", "2025-06-30", "--json", "scenario-forecast.json"],
      ["acconto", "--tariff", join(MINI, "tariff.json"), "--json", "plan.json"],
    ]) {
      const r = await runMain(args, dir);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it("calculate --set: the result JSON, the summary and every CSV file (a last column) say so", () => {
    expect(readJson(join(dir, "scenario.json")).scenario).toMatchObject({ set: [{ path: "fixedShare", value: "0.60" }] });
    const csvs = readdirSync(join(dir, "csv"));
    expect(csvs.length).toBeGreaterThan(3);
    for (const name of csvs) {
      const [head, ...rows] = readFileSync(join(dir, "csv", name), "utf8").replace(/^\uFEFF/, "").split("\r\n").filter((l) => l !== "");
      expect(head?.split(";").at(-1), name).toBe("Scenario");
      for (const row of rows) expect(row.endsWith(";SCENARIO: tariffens värden ersatta: fixedShare = 0.60"), `${name}: ${row}`).toBe(true);
    }
  });

  it("compare: JSON, text, CSV and workbook name the side that is a scenario", async () => {
    const r = await runMain(["compare", "base.json", "scenario.json", "--json", "c.json", "--csv-dir", "c", "--xlsx", "c.xlsx"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Scenario: tariffens värden ersatta: fixedShare = 0.60");
    expect((readJson(join(dir, "c.json")).b as { scenario?: string[] }).scenario).toEqual(["fixedShare = 0.60"]);
    for (const name of readdirSync(join(dir, "c"))) expect(readFileSync(join(dir, "c", name), "utf8"), name).toContain(";B: SCENARIO: tariffens värden ersatta: fixedShare = 0.60");
    const wb = await loadWorkbook(join(dir, "c.xlsx"));
    const texts: string[] = [];
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value)))));
    expect(texts.some((t) => t.includes("fixedShare = 0.60"))).toBe(true);
  });

  it("overview: a scenario outcome or forecast is labelled in JSON, text and workbook", async () => {
    const r = await runMain(["overview", "--plan", "plan.json", "--forecast", "scenario-forecast.json", "--result", "scenario.json", "--json", "o.json", "--xlsx", "o.xlsx"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("SCENARIO: scenario.json är räknad med ersatta tariffvärden, inte det beslutade utfallet: fixedShare = 0.60");
    expect(r.stdout).toContain("SCENARIO: scenario-forecast.json är räknad med ersatta tariffvärden");
    expect(r.stdout).toContain("Utfall (SCENARIO)");
    expect(r.stdout).toMatch(/Prognos t\.o\.m\. 2025-06-30 \(SCENARIO\)/);
    const o = readJson(join(dir, "o.json")) as Json & { sources: { kind: string; scenario?: string[] }[] };
    expect(o.sources.map((s) => [s.kind, s.scenario ?? null])).toEqual([["plan", null], ["forecast", ["fixedShare = 0.60"]], ["result", ["fixedShare = 0.60"]]]);
    // read back, the marks stay
    const back = overviewFromJson(readFileSync(join(dir, "o.json"), "utf8"), "o.json", new DiagnosticBag());
    expect(back?.sources.filter((s) => s.scenario).length).toBe(2);
    const wb = await loadWorkbook(join(dir, "o.xlsx"));
    const first = wb.worksheets[0];
    const cells: string[] = [];
    first?.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells.some((t) => t.startsWith("SCENARIO: scenario.json"))).toBe(true);
    expect(cells).toContain("Utfall (SCENARIO)");
  });

  it("propose: a scenario base year warns, and the proposal's sources, stdout and workbook name it", async () => {
    const r = await runMain(["propose", "--tariff", join(MINI, "tariff.json"), "--results", "scenario.json", "--index", "2026=3", "--out", "p.json", "--xlsx", "p.xlsx"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^scenario\.json:1:1: warning\[PROPOSE_SCENARIO_BASE\]: basåret 2025 är ett scenario med ersatta tariffvärden \(fixedShare = 0\.60\)/m);
    expect(r.stdout).toContain("2025 (SCENARIO: fixedShare = 0.60)");
    const p = readJson(join(dir, "p.json")) as Json & { source: string; references: { source: string }[] };
    expect(p.source).toContain("2025 (SCENARIO: fixedShare = 0.60)");
    for (const ref of p.references) expect(ref.source).toContain("(SCENARIO: fixedShare = 0.60)");
    const wb = await loadWorkbook(join(dir, "p.xlsx"));
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells.some((t) => t.startsWith("SCENARIO: basåret 2025 (scenario.json)"))).toBe(true);
    const strict = await runMain(["propose", "--tariff", join(MINI, "tariff.json"), "--results", "scenario.json", "--index", "2026=3", "--out", "p2.json", "--strict"], dir);
    expect(strict.code).toBe(2);
    expect(existsSync(join(dir, "p2.json"))).toBe(false);
  });

  it("explain --set and settle: the explanation names the scenario; a settlement of one is refused", async () => {
    const e = await runMain(["explain", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--set", "fixedShare=0.60", "net RJL", "--json", "e.json"], dir);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toContain("SCENARIO: tariffens värden ersatta, inte det beslutade utfallet: --set fixedShare=0.60");
    expect(readJson(join(dir, "e.json")).scenario).toMatchObject({ set: [{ path: "fixedShare" }] });
    const s = await runMain(["settle", "--result", "scenario.json", "--paid", "plan.json", "--json", "s.json"], dir);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("error[SETTLE_SCENARIO]");
    expect(existsSync(join(dir, "s.json"))).toBe(false);
  });
});
