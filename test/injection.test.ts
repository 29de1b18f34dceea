/**
 * Formula injection: names from the inputs (party ids and names, areas, units, cost items) that
 * look like formulas never become formulas, neither in the workbooks (every formula refers to
 * the cell that holds a name, never to the name itself) nor in the CSV files for Excel (text
 * cells that could start a formula get a leading apostrophe, numbers stay numbers).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { csvText } from "../src/render/csv/csv-safe.js";
import { FIXTURES, compareRecalculated, haveLibreOffice, runMain, tempDir } from "./helpers.js";

const HYPERLINK = '=HYPERLINK("http://x","y")';
const PLUS = "+1+1";
const AT = "@SUM(A1)";
const MINUS = "-2+3";
const IDS = ["R-1", "Å_2", "-3"];
const NAMES = [HYPERLINK, PLUS, AT, MINUS];

function injectionTariff(): unknown {
  const t = JSON.parse(readFileSync(join(FIXTURES, "spec", "mini-2025", "tariff.json"), "utf8"));
  t.title = `${PLUS} titel`;
  t.parties = [
    { id: "R-1", name: HYPERLINK },
    { id: "Å_2", name: AT },
    { id: "-3", name: PLUS },
  ];
  t.population = { "R-1": 368856, Å_2: 246667, "-3": 472298 };
  t.pointPrices = [
    { seller: "-3", validFrom: "2025-01-01", price: "71250.00" },
    { seller: "R-1", validFrom: "2025-01-01", price: "64800.00" },
  ];
  t.careRules = [
    { area: HYPERLINK, model: "unit_price" },
    { area: AT, model: "fixed_only" },
  ];
  t.references = [
    { seller: "-3", buyer: "R-1", amount: "1000000.00" },
    { seller: "-3", buyer: "Å_2", amount: "800000.00" },
  ];
  t.fixedOnly = [{ area: AT, host: "-3", total: "120000.00" }];
  t.solidarity = [
    { unit: PLUS, host: "-3", amount: "100000.00" },
    { unit: MINUS, host: "Å_2", amount: "33333.33" },
  ];
  return t;
}

const csvField = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const CONSUMPTION = [
  "datum;säljare;köpare;verksamhet;drg;poäng;belopp",
  `2025-02-03;-3;R-1;${csvField(MINUS)};B03A;2,5;`,
  `2025-03-10;-3;Å_2;${csvField(MINUS)};F06B;4,125;`,
  `2025-04-01;R-1;Å_2;${csvField(HYPERLINK)};;;12 500,00`,
  `2025-05-01;-3;R-1;${csvField(HYPERLINK)};;;7 300,50`,
  `2025-06-01;-3;R-1;${csvField(AT)};;;1 000,00`,
].join("\n");
const COSTS = [
  "post;part;belopp",
  `${csvField(HYPERLINK)};R-1;339 077,85`,
  `${csvField(HYPERLINK)};Å_2;226 753,29`,
  `${csvField(HYPERLINK)};-3;434 168,86`,
  `${csvField(PLUS)};-3;100 000,00`,
  `${csvField(AT)};R-1;50 000,00`,
  `${csvField(AT)};Å_2;10 000,00`,
].join("\n");

/** Every formula of a workbook (the text of its <f> elements, XML entities decoded), per sheet file. */
async function formulasOf(file: string): Promise<{ sheet: string; f: string }[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: { sheet: string; f: string }[] = [];
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async("string");
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) out.push({ sheet: name, f: decodeXml(m[1] ?? "") });
  }
  return out;
}
async function sharedStrings(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return decodeXml((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "");
}
function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
/** The string literals of a formula ("…" with "" for a quote). */
function literals(f: string): string[] {
  return [...f.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? "").replace(/""/g, '"'));
}

let dir = "";
beforeAll(() => {
  dir = tempDir("vardavtal-injection-");
  writeFileSync(join(dir, "tariff.json"), JSON.stringify(injectionTariff(), null, 2));
  writeFileSync(join(dir, "consumption.csv"), CONSUMPTION + "\n");
  writeFileSync(join(dir, "costs.csv"), COSTS + "\n");
});

describe("csvText", () => {
  it("prefixes text that a spreadsheet would read as a formula, and nothing else", () => {
    for (const s of [HYPERLINK, PLUS, AT, MINUS, "-", "=", "\tx", "\rx"]) expect(csvText(s)).toBe(`'${s}`);
    for (const s of ["", "RÖ", "primärvård", "a=b", "1+1", " =x", "'=x", "Å_2"]) expect(csvText(s)).toBe(s);
  });
});

describe("calculate with names that look like formulas", () => {
  let out = "";
  beforeAll(async () => {
    out = tempDir("vardavtal-injection-out-");
    const r = await runMain(["calculate", "--tariff", join(dir, "tariff.json"), "--consumption", join(dir, "consumption.csv"), "--xlsx", join(out, "r.xlsx"), "--csv-dir", join(out, "csv"), "--json", join(out, "r.json")]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
  });

  it("puts no input text into any formula of the workbook", async () => {
    const formulas = await formulasOf(join(out, "r.xlsx"));
    expect(formulas.length).toBeGreaterThan(200);
    for (const { sheet, f } of formulas) {
      for (const text of [...NAMES, ...IDS, "HYPERLINK", "SUM(A1)"]) expect(f, `${sheet}: ${f}`).not.toContain(text);
      expect(f, `${sheet}: ${f}`).not.toMatch(/SUMIFS|COUNTIFS|SUMIF\(|COUNTIF\(|AVERAGEIFS|MATCH\(|LOOKUP/);
    }
    // the only literals are the program's own constants: component codes, model names, statuses
    const allowed = new Set(["fixed", "variable", "unit_price", "fixed_only", "solidarity", "grant", "Fast och rörlig", "Styckpris", "Utanför avtalet", "Endast fast", "OK", "FEL"]);
    for (const { f } of formulas) for (const l of literals(f)) expect(allowed.has(l), `literal "${l}" in ${f}`).toBe(true);
    // the names are there, as text
    const strings = await sharedStrings(join(out, "r.xlsx"));
    for (const text of [...NAMES, ...IDS]) expect(strings).toContain(text);
  });

  it("shows the names as text cells, and the figures equal the JSON result", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "r.xlsx"));
    const json = JSON.parse(readFileSync(join(out, "r.json"), "utf8"));
    const ws = wb.getWorksheet("Sammanfattning") as ExcelJS.Worksheet;
    json.parties.forEach((p: string, i: number) => {
      expect(ws.getCell(8 + i, 1).value).toBe(p);
      expect(ws.getCell(8 + i, 2).type).toBe(ExcelJS.ValueType.String);
      const net = ws.getCell(8 + i, 6).value as { result?: number };
      expect((net.result ?? 0).toFixed(2)).toBe(json.net[i].amount);
    });
    expect(ws.getCell(8, 2).value).toBe(HYPERLINK);
  });

  it.skipIf(!haveLibreOffice)("recalculates to the cached value of every formula", async () => {
    const { diffs, formulas } = await compareRecalculated(join(out, "r.xlsx"));
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(200);
  });

  it("neutralises text cells of the CSV files and leaves numbers alone", () => {
    const read = (name: string): string[][] => parse(readFileSync(join(out, "csv", name), "utf8").replace(/^\uFEFF/, ""), { delimiter: ";" });
    const flows = read("flows.csv").slice(1);
    const labels = new Set(flows.map((f) => f[3]));
    expect(labels).toContain(`'${AT}`);
    expect(labels).toContain(`'${PLUS}`);
    expect(labels).toContain(`'${MINUS}`);
    for (const f of flows) {
      expect(f[0]).not.toBe("-3");
      expect(f[4], "amount").toMatch(/^-?\d+,\d{2}$/);
    }
    expect(flows.some((f) => f[0] === "'-3" || f[1] === "'-3")).toBe(true);
    const areas = read("areas.csv").slice(1);
    expect(new Set(areas.map((a) => a[0]))).toEqual(new Set([`'${HYPERLINK}`, `'${MINUS}`, `'${AT}`]));
    const net = read("net.csv").slice(1);
    expect(net.map((n) => n[0])).toEqual(["R-1", "Å_2", "'-3"]);
    expect(net.some((n) => n[1]?.startsWith("-"))).toBe(true); // a negative number, not prefixed
    for (const n of net) expect(n[1]).toMatch(/^-?\d+,\d{2}$/);
    for (const file of ["flows.csv", "net.csv", "transfers.csv", "key.csv", "areas.csv"]) {
      for (const row of read(file).slice(1)) for (const cell of row) if (/^[=+@\t\r]/.test(cell)) throw new Error(`${file}: ${cell}`);
    }
  });
});

describe("check-key with items that look like formulas", () => {
  let out = "";
  beforeAll(async () => {
    out = tempDir("vardavtal-injection-kc-");
    const r = await runMain(["check-key", "--tariff", join(dir, "tariff.json"), "--costs", join(dir, "costs.csv"), "--xlsx", join(out, "kc.xlsx"), "--json", join(out, "kc.json")]);
    expect([0, 1], r.stderr + r.stdout).toContain(r.code);
  });

  it("puts no input text into any formula of the workbook", async () => {
    const formulas = await formulasOf(join(out, "kc.xlsx"));
    expect(formulas.length).toBeGreaterThan(20);
    for (const { sheet, f } of formulas) for (const text of [...NAMES, ...IDS, "HYPERLINK", "SUM(A1)"]) expect(f, `${sheet}: ${f}`).not.toContain(text);
    for (const { f } of formulas) for (const l of literals(f)) expect(["OK", "FEL", "!", ""], `literal "${l}" in ${f}`).toContain(l);
    const strings = await sharedStrings(join(out, "kc.xlsx"));
    for (const text of [HYPERLINK, PLUS, AT, ...IDS]) expect(strings).toContain(text);
  });

  it.skipIf(!haveLibreOffice)("recalculates to the cached value of every formula", async () => {
    const { diffs, formulas } = await compareRecalculated(join(out, "kc.xlsx"));
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(20);
  });
});
