/**
 * The real `vardavtal` command on real files: the worked example, the demo, every bad-input
 * fixture (exit 2, every error at its file:line:column, nothing written, older output untouched).
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../src/text/messages.js";
import { FIXTURES, ROOT, demoRun, flowSums, runMain, tempDir } from "./helpers.js";
import { CODES } from "../src/core/model/codes.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const BAD = join(FIXTURES, "bad");

interface BadCase {
  args: string[];
  expected: string[];
}

describe("vardavtal calculate", () => {
  it("computes the worked example, writes JSON and CSV for Excel, prints a summary", async () => {
    const out = tempDir();
    const r = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--json", join(out, "r.json"), "--csv-dir", join(out, "csv")]);
    expect(r.stderr).not.toContain("error[");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("RJL betalar RÖ 822 724,87 kr");
    expect(r.stdout).toContain(" -811 459,43"); // an ASCII minus: it pastes into Excel as a number
    const json = JSON.parse(readFileSync(join(out, "r.json"), "utf8"));
    const expected = JSON.parse(readFileSync(join(MINI, "expected-result.json"), "utf8"));
    expect(flowSums(json.flows)).toEqual(flowSums(expected.flows));
    expect(json.net).toEqual(expected.net);
    expect(json.inputs.map((i: { role: string }) => i.role)).toEqual(["tariff", "consumption"]);
    const flows = readFileSync(join(out, "csv", "flows.csv"));
    expect([...flows.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = flows.toString("utf8");
    expect(text).toContain("RJL;RÖ;fixed;;650000,00;Fast ersättning\r\n"); // the name follows the code, in a column added at the end
    expect(readFileSync(join(out, "csv", "net.csv"), "utf8")).toContain("RÖ;1495477,79");
    for (const f of ["key.csv", "areas.csv", "transfers.csv"]) expect(existsSync(join(out, "csv", f))).toBe(true);
  });

  it("speaks English with --lang en", async () => {
    const r = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("RJL pays RÖ SEK 822,724.87");
    const bad = await runMain(["calculate", "--tariff", join(BAD, "BAD_NUMBER", "tariff.json"), "--consumption", join(BAD, "BAD_NUMBER", "consumption.csv"), "--lang", "en"]);
    expect(bad.stderr).toContain('is not a valid number');
    expect(bad.stderr).toContain("nothing was written");
  });

  it("takes a year for a bundled tariff", async () => {
    const r = await runMain(["calculate", "--tariff", "2025", "--consumption", join(MINI, "consumption.csv")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Överenskommelse 2025, Sydöstra sjukvårdsregionen");
  });
});

/**
 * Each fixture pins the whole stderr, in Swedish (stderr.txt) and English (stderr.en.txt), and
 * the exit code (exit-code.txt), as hledger's error tests do: a changed message is a visible diff.
 * `npm run test:golden` (UPDATE_GOLDEN=1) rewrites them from what the command prints now. In the
 * files the run's temporary folder reads $OUT and the repository $ROOT.
 */
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === "1";

function golden(dir: string, name: string, actual: string): void {
  const file = join(dir, name);
  if (UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing: npm run test:golden writes it`).toBe(true);
  expect(actual, `${file} (npm run test:golden rewrites it)`).toBe(readFileSync(file, "utf8"));
}

describe("bad input: exit 2, every error at its position, nothing written", () => {
  const cases = readdirSync(BAD).filter((d) => existsSync(join(BAD, d, "case.json")));
  for (const name of cases) {
    it(name, async () => {
      const dir = join(BAD, name);
      const c = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as BadCase;
      for (const lang of ["sv", "en"] as const) {
        const out = tempDir();
        const json = join(out, "out.json");
        const extra = c.args[0] === "calculate" ? ["--csv-dir", join(out, "csv")] : [];
        // propose writes its one output with --out (given in the case); every other command takes --json
        const jsonArg = c.args[0] === "propose" ? [] : ["--json", json];
        const r = await runMain([...c.args, ...jsonArg, ...extra, ...(lang === "en" ? ["--lang", "en"] : []), "--all-errors"], dir, { VARDAVTAL_LANG: undefined });
        const stderr = r.stderr.split(out).join("$OUT").split(ROOT).join("$ROOT");
        golden(dir, lang === "sv" ? "stderr.txt" : "stderr.en.txt", stderr);
        golden(dir, "exit-code.txt", `${r.code}\n`);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toBe("");
        // a case may give the Swedish message after the code: in English only the place and code are compared
        for (const e of c.expected) {
          const want = lang === "sv" ? e : e.replace(/\]: .*$/, "]");
          expect(r.stderr, `expected «${want}» in:\n${r.stderr}`).toContain(want);
        }
        // a position is FILE:LINE:COLUMN, or a workbook's cell FILE.xlsx#Blad!C12
        const reported = r.stderr.split("\n").filter((l) => /^\S+(?::\d+:\d+|![A-Z]+\d+): error\[[A-Z_]+\]: /.test(l));
        expect(reported.length, r.stderr).toBe(c.expected.length);
        expect(r.stderr).toMatch(lang === "sv" ? /\d+ fel i indata; inget skrevs\./ : /nothing was written/);
        expect(existsSync(json)).toBe(false);
        expect(existsSync(join(out, "csv"))).toBe(false);
        expect(readdirSync(out)).toEqual([]);
      }
    });
  }

  it("has a fixture for every error code the command line can give", () => {
    const apiOnly = new Set(["BAD_ROW"]);
    const warnings = new Set(CODES.filter((code) => (MESSAGES[code] as { warning?: true }).warning === true));
    // Codes whose inputs are made by the test itself (large files) or are about output paths:
    // test/reliability.test.ts and test/cli-outputs.test.ts run them through the real command,
    // test/package.test.ts XLSX_UNAVAILABLE (the package installed without exceljs),
    // test/xlsx-input.test.ts XLSX_READ_UNAVAILABLE (the sheet reader's import failing as without exceljs),
    // test/demo-folder.int.test.ts DEMO_FOLDER_IN_USE (a folder holding a user's files).
    const elsewhere = new Set(["CSV_RECORD_TOO_LONG", "TOO_MANY_AREAS", "TARIFF_TOO_LARGE", "OUTPUT_IS_INPUT", "OUTPUT_TWICE", "OUTPUT_NOT_FILE", "OUTPUT_WRITE", "XLSX_UNAVAILABLE", "XLSX_READ_UNAVAILABLE", "BAD_SOURCE_DATE_EPOCH", "USAGE", "DEMO_FOLDER_IN_USE"]);
    const missing = CODES.filter((code) => !apiOnly.has(code) && !warnings.has(code) && !elsewhere.has(code) && !cases.includes(code));
    expect(missing).toEqual([]);
  });

  it("documents every error and warning code in docs/felkoder.md", () => {
    const doc = readFileSync(join(FIXTURES, "..", "..", "docs", "felkoder.md"), "utf8");
    expect(CODES.filter((code) => !doc.includes(`### ${code}`))).toEqual([]);
  });

  it("leaves an older output file untouched", async () => {
    const out = tempDir();
    const json = join(out, "resultat.json");
    writeFileSync(json, "older result\n");
    copyFileSync(join(BAD, "BAD_NUMBER", "consumption.csv"), join(out, "consumption.csv"));
    const r = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(out, "consumption.csv"), "--json", json]);
    expect(r.code).toBe(2);
    expect(readFileSync(json, "utf8")).toBe("older result\n");
    expect(readdirSync(out).sort()).toEqual(["consumption.csv", "resultat.json"]);
  });

  it("gives usage errors exit code 2", async () => {
    expect((await runMain(["calculate", "--tariff", "2025"])).code).toBe(2);
    expect((await runMain(["frobnicate"])).code).toBe(2);
    expect((await runMain([])).code).toBe(2);
  });
});

describe("vardavtal demo, key, --help", () => {
  it("runs the bundled example year end to end", async () => {
    const { out, ...r } = await demoRun();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Överenskommelse 2025");
    expect(r.stdout).toMatch(/RJL betalar RÖ [\d ]+,\d\d kr/);
    const json = JSON.parse(readFileSync(join(out, "resultat-2025.json"), "utf8"));
    expect(json.rows.read).toBeGreaterThan(10000);
    expect(json.skipped.otherYear).toBeGreaterThan(0);
    expect(json.skipped.ownRegion).toBeGreaterThan(0);
    expect(json.checks.every((c: { holds: boolean }) => c.holds)).toBe(true);
    expect(existsSync(join(out, "csv", "flows.csv"))).toBe(true);
    // the rest of the year: the a-conto plan, its final settlement, next year's proposal
    const plan = JSON.parse(readFileSync(join(out, "acconto-2025.json"), "utf8"));
    expect([plan.format, plan.year, plan.lines[0].months.length]).toEqual(["vardavtal-acconto/1", 2025, 12]);
    const settlement = JSON.parse(readFileSync(join(out, "slutreglering-2025.json"), "utf8"));
    expect(settlement.parties.map((p: { net: string }) => p.net)).toEqual(json.net.map((n: { amount: string }) => n.amount));
    const proposal = JSON.parse(readFileSync(join(out, "forslag-2026.json"), "utf8"));
    expect([proposal.year, proposal.status, proposal.key.date]).toEqual([2026, "proposal", "2024-12-31"]);
    for (const f of ["rapport-2025.xlsx", "acconto-2025.xlsx", "slutreglering-2025.xlsx"]) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it("shows the key of a bundled tariff and how 1 000 000 kr is split", async () => {
    const r = await runMain(["key", "--tariff", "2025"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0,339077844608626");
    expect(r.stdout).toContain("33,91 %");
    expect(r.stdout).toContain("33,9078 %");
    expect(r.stdout).toContain("339 077,84");
  });

  it("has helpful --help in Swedish and English", async () => {
    const sv = await runMain(["--help"]);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain("Kommandon:");
    expect(sv.stdout).toContain("calculate");
    const en = await runMain(["calculate", "--help", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("--consumption");
    expect(en.stdout).toContain("consumption (CSV, or FILE.xlsx[#Sheet])");
  });
});
