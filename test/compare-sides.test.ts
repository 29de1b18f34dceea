/**
 * The sides of a comparison by name (issue 19, issue 21): a forecast is "Prognos t.o.m. DATE"
 * against the year's "Utfall", a scenario "Scenario" against "Tariff 2025" (or "Beslut 2025" for a
 * decided tariff), two years by their years; never "Netto A / Netto B" nor a file's path, in the
 * summary, the CSV files, the workbook and the JSON contract (`kind` and `forecast.through`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sideLabels } from "../src/text/compare-words.js";
import { ROOT, loadWorkbook, runMain, sheetNamed, tempDir } from "./helpers.js";

const CONSUMPTION = join(ROOT, "examples", "2025", "konsumtion-2025.csv");

describe("side names", () => {
  it("forecast, outcome, scenario, decided or not, years; equal names told apart", () => {
    const y = (year: number, more: object = {}) => ({ year, ...more });
    expect(sideLabels("sv", { a: y(2025, { forecastThrough: "2025-08-31" }), b: y(2025) })).toEqual({ a: "Prognos t.o.m. 2025-08-31", b: "Utfall 2025" });
    expect(sideLabels("en", { a: y(2025, { forecastThrough: "2025-08-31" }), b: y(2025) })).toEqual({ a: "Forecast through 2025-08-31", b: "Outcome 2025" });
    expect(sideLabels("sv", { a: y(2025, { tariffStatus: "decided" }), b: y(2025, { scenario: ["fixedShare = 0.60"] }) })).toEqual({ a: "Beslut 2025", b: "Scenario" });
    expect(sideLabels("sv", { a: y(2025, { tariffStatus: "illustrative" }), b: y(2025, { scenario: ["x"] }) })).toEqual({ a: "Tariff 2025", b: "Scenario" });
    expect(sideLabels("sv", { a: y(2024), b: y(2025) })).toEqual({ a: "2024", b: "2025" });
    expect(sideLabels("sv", { a: y(2025), b: y(2025) })).toEqual({ a: "2025 (A)", b: "2025 (B)" });
    expect(sideLabels("sv", { a: y(2025, { forecastThrough: "2025-04-30" }), b: y(2025, { forecastThrough: "2025-08-31" }) })).toEqual({ a: "Prognos t.o.m. 2025-04-30", b: "Prognos t.o.m. 2025-08-31" });
  });
});

describe("compare of a forecast with the outcome says which side is the forecast, everywhere", () => {
  let dir = "";
  let stdout = "";
  beforeAll(async () => {
    dir = tempDir("vardavtal-compare-sides-");
    for (const [name, extra] of [["utfall.json", []], ["prognos.json", ["--through", "2025-08-31"]]] as const) {
      const r = await runMain(["calculate", "--tariff", "2025", "--consumption", CONSUMPTION, ...extra, "--json", join(dir, name)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const r = await runMain(["compare", join(dir, "prognos.json"), join(dir, "utfall.json"), "--json", join(dir, "c.json"), "--csv-dir", join(dir, "csv"), "--xlsx", join(dir, "c.xlsx")], ROOT, { SOURCE_DATE_EPOCH: "1767225600" });
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
  }, 120_000);

  it("the summary's columns", () => {
    expect(stdout).toMatch(/^Part +Prognos t\.o\.m\. 2025-08-31 +Utfall 2025 +Förändring$/m);
    expect(stdout).toContain("ändras från Prognos t.o.m. 2025-08-31 till Utfall 2025 en i taget");
    expect(stdout).not.toMatch(/Netto A|Netto B/);
    expect(stdout).not.toContain(dir);
  });

  it("the CSV files' headers", () => {
    expect(readFileSync(join(dir, "csv", "comparison-net.csv"), "utf8").split("\r\n")[0]).toBe("\uFEFFPart;Prognos t.o.m. 2025-08-31;Utfall 2025;Förändring");
    expect(readFileSync(join(dir, "csv", "comparison-areas.csv"), "utf8").split("\r\n")[0]).toBe("\uFEFFVerksamhet;Säljare;Köpare;Modell;Rader Prognos t.o.m. 2025-08-31;Rader Utfall 2025;Prognos t.o.m. 2025-08-31;Utfall 2025;Förändring");
  });

  it("the workbook: the sides named on the summary (the file by its name only), in the column headings and the decision lines", async () => {
    const wb = await loadWorkbook(join(dir, "c.xlsx"));
    const s = sheetNamed(wb, "Jämförelse");
    // the rows naming the sides (under the banner and the title)
    const named = (label: string): string | undefined => {
      // one line per side, "Prognos t.o.m. 2025-08-31: <the result>, <its file>"
      for (let row = 1; row <= 10; row++) {
        const text = String(s.getCell(row, 1).value);
        if (text.startsWith(`${label}: `)) return text.slice(label.length + 2);
      }
      return undefined;
    };
    expect(named("Prognos t.o.m. 2025-08-31")).toMatch(/\(2025, prognos t\.o\.m\. 2025-08-31\), prognos\.json$/);
    expect(named("Utfall 2025")).toMatch(/\(2025\), utfall\.json$/);
    const texts: string[] = [];
    s.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    expect(texts).toContain("Prognos t.o.m.\n2025-08-31"); // the heading, its date on a line of its own
    expect(texts).toContain("Utfall 2025");
    expect(texts.some((t) => t.startsWith("Prognos t.o.m. 2025-08-31: "))).toBe(true); // whose decision
    expect(texts.some((t) => t.includes(dir))).toBe(false);
    expect(texts.filter((t) => /^(Netto )?[AB]$|Netto [AB]/.test(t))).toEqual([]);
  });

  it("the JSON: kind and the forecast's date on its side", () => {
    const c = JSON.parse(readFileSync(join(dir, "c.json"), "utf8"));
    expect(c.a).toMatchObject({ year: 2025, kind: "forecast", forecast: { through: "2025-08-31" } });
    expect(c.b).toMatchObject({ year: 2025, kind: "outcome" });
    expect(c.b.forecast).toBeUndefined();
  });

  it("a scenario against a decided tariff: Beslut 2025 and Scenario", async () => {
    const tariff = JSON.parse(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"));
    const decided = JSON.stringify({ ...tariff, status: "decided", decision: { body: "Samverkansnämnden", date: "2024-12-09", paragraph: "§ 12" } }).replace(/illustrativ/gi, "beslutad");
    writeFileSync(join(dir, "beslutad.json"), decided);
    const r = await runMain(["calculate", "--tariff", join(dir, "beslutad.json"), "--consumption", CONSUMPTION, "--set", "fixedShare=0.60", "--baseline", "--json", join(dir, "s.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Part +Beslut 2025 +Scenario +Förändring$/m);
    const c = JSON.parse(readFileSync(join(dir, "s-jamforelse.json"), "utf8"));
    expect([c.a.kind, c.b.kind]).toEqual(["outcome", "scenario"]);
  });
});
