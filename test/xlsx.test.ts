/**
 * The Excel report: read back and compared figure by figure to the JSON result; every formula
 * recalculated by LibreOffice (headless) gives exactly the cached value; aggregates only.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { calculate, type CalculationResult } from "../src/core/model/calculate.js";
import { formatOre } from "../src/core/model/decimal.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { resolveKey } from "../src/core/model/key.js";
import { checkKey } from "../src/core/year/keycheck.js";
import { MAX_INPUT_ORE, MAX_RESULT_ORE } from "../src/core/model/limits.js";
import { loadTariff } from "../src/core/model/tariff.js";
import { keyCheckWorkbook } from "../src/render/xlsx/keycheck.js";
import { MAX_CELL_TEXT, MAX_FORMULA_LENGTH, exactCellNumber, formula, header, put, title } from "../src/render/xlsx/kit/cells.js";
import { newWorkbook } from "../src/render/xlsx/kit/workbook.js";
import { resultWorkbook } from "../src/render/xlsx/report.js";
import { FIXTURES, bannerRows, compareRecalculated, uncachedFormulas, haveLibreOffice, recalculate, runMain, tempDir } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");

type Cell = ExcelJS.Cell;
async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
/** The value a cell shows: a formula's cached result, or the plain value. */
function shown(c: Cell): unknown {
  const v = c.value as unknown;
  if (v && typeof v === "object" && "formula" in (v as object)) return (v as { result?: unknown }).result;
  if (v && typeof v === "object" && "sharedFormula" in (v as object)) return (v as { result?: unknown }).result;
  return v;
}
function hasFormula(c: Cell): boolean {
  const v = c.value as unknown;
  return Boolean(v && typeof v === "object" && ("formula" in (v as object) || "sharedFormula" in (v as object)));
}
/** Money cell → öre, checking the cell is numeric and carries the exact amount. */
function cellOre(c: Cell): bigint {
  // exceljs reads a formula's cached <v>0</v> back as no result; the file has it (checked below).
  const v = hasFormula(c) && shown(c) === undefined ? 0 : shown(c);
  expect(typeof v, `${c.address} is numeric`).toBe("number");
  const text = (v as number).toFixed(2);
  expect(Number(text), `${c.address} holds exactly ${text}`).toBe(v);
  return BigInt(text.replace(".", ""));
}
const ore = (s: string): bigint => BigInt(s.replace(".", ""));

/** Rows of a sheet as [row number, first cell text] to find blocks by their titles. */
function findRow(ws: ExcelJS.Worksheet, text: string, col = 1, after = 1): number {
  for (let r = after; r <= ws.rowCount; r++) if (String(shown(ws.getCell(r, col)) ?? "") === text) return r;
  throw new Error(`«${text}» not found in ${ws.name}`);
}

let dir = "";
let wb: ExcelJS.Workbook;
let json: {
  parties: string[];
  net: { party: string; amount: string }[];
  transfers: { payer: string; payee: string; amount: string }[];
  flows: { payer: string; payee: string; component: string; label: string | null; amount: string }[];
  componentTotals: Record<string, string>;
  pairs: { seller: string; buyer: string; reference: string | null; fixed: string; variable: string; unitPrice: string; total: string }[];
  splits: { kind: string; label: string; parts: { party: string; base: string; extra: string; amount: string }[] }[];
  key: { party: string; share: string }[];
};

beforeAll(async () => {
  dir = tempDir();
  const r = await runMain(["demo", "--out", dir]);
  expect(r.code, r.stderr).toBe(0);
  wb = await load(join(dir, "rapport-2025.xlsx"));
  json = JSON.parse(readFileSync(join(dir, "resultat-2025.json"), "utf8"));
});

describe("the Excel report (vardavtal demo)", () => {
  it("links every flow to the chain behind it on Förklaringar, whose figure is the flow's amount", () => {
    const flows = wb.getWorksheet("Flöden") as ExcelJS.Worksheet;
    const explain = wb.getWorksheet("Förklaringar") as ExcelJS.Worksheet;
    let head = 1;
    while (String(flows.getCell(head, 1).value ?? "") !== "Betalare") head++;
    expect(String(flows.getCell(head, 7).value)).toBe("Förklaring");
    json.flows.forEach((f, k) => {
      const row = head + 1 + k;
      const link = String(flows.getCell(row, 7).value);
      const m = /^'Förklaringar'!A(\d+)$/.exec(link);
      expect(m, link).not.toBeNull();
      const at = Number(m?.[1]);
      expect(String(explain.getCell(at, 1).value)).toContain(`${f.payer} betalar ${f.payee}`);
      expect(Number(explain.getCell(at, 2).value).toFixed(2)).toBe(Number(f.amount).toFixed(2));
      expect(String(explain.getCell(at + 1, 1).value).length).toBeGreaterThan(10); // the chain follows
    });
  });

  it("has the ten sheets, Swedish by default", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sammanfattning", "Avräkning", "Flöden", "Vårdavtal", "Per verksamhet", "Fördelningsnyckel", "Kontroller", "Parametrar", "Förklaringar", "Indata"]);
  });

  it("shows the same net positions, transfers and component totals as the JSON result", () => {
    const ws = wb.getWorksheet("Sammanfattning") as ExcelJS.Worksheet;
    const o = bannerRows(ws);
    json.parties.forEach((p, i) => {
      expect(shown(ws.getCell(o + 8 + i, 1))).toBe(p);
      expect(cellOre(ws.getCell(o + 8 + i, 6))).toBe(ore(json.net[i]?.amount ?? ""));
      expect(hasFormula(ws.getCell(o + 8 + i, 6))).toBe(true);
    });
    const tRow = findRow(ws, "Betalare") + 1;
    json.transfers.forEach((t, k) => {
      expect([shown(ws.getCell(tRow + k, 1)), shown(ws.getCell(tRow + k, 2))]).toEqual([t.payer, t.payee]);
      expect(cellOre(ws.getCell(tRow + k, 3))).toBe(ore(t.amount));
    });
    const cRow = findRow(ws, "Komponent") + 1;
    const names: Record<string, string> = { fixed: "Fast ersättning", variable: "Rörlig ersättning", unit_price: "Styckpris", fixed_only: "Endast fast ersättning", solidarity: "Solidarisk finansiering", grant: "Statsbidrag vidarebefordrat" };
    Object.entries(json.componentTotals).forEach(([code, amount], k) => {
      expect(shown(ws.getCell(cRow + k, 1))).toBe(names[code]);
      expect(cellOre(ws.getCell(cRow + k, 2))).toBe(ore(amount));
    });
  });

  it("lists every flow with a formula pointing at its source figure", () => {
    const ws = wb.getWorksheet("Flöden") as ExcelJS.Worksheet;
    const head = findRow(ws, "Betalare");
    const names: Record<string, string> = { "Fast ersättning": "fixed", "Rörlig ersättning": "variable", Styckpris: "unit_price", "Endast fast ersättning": "fixed_only", "Solidarisk finansiering": "solidarity", "Statsbidrag vidarebefordrat": "grant" };
    const flows = json.flows.map((f, k) => {
      const row = head + 1 + k;
      const c = ws.getCell(row, 5);
      expect(hasFormula(c), `${c.address} has a formula`).toBe(true);
      // the cell named in "Från" is the one the formula reads
      expect((c.value as { formula: string }).formula).toBe(String(shown(ws.getCell(row, 6))));
      return { payer: shown(ws.getCell(row, 1)), payee: shown(ws.getCell(row, 2)), component: names[String(shown(ws.getCell(row, 3)))], label: shown(ws.getCell(row, 4)) || null, amount: (Number(cellOre(c)) / 100).toFixed(2) };
    });
    expect(flows).toEqual(json.flows);
  });

  it("shows every seller→buyer figure of the care agreement, fixed as a ROUND formula", () => {
    const ws = wb.getWorksheet("Vårdavtal") as ExcelJS.Worksheet;
    const o = bannerRows(ws);
    json.pairs.forEach((p, k) => {
      const row = o + 3 + k;
      expect([shown(ws.getCell(row, 1)), shown(ws.getCell(row, 2))]).toEqual([p.seller, p.buyer]);
      expect(cellOre(ws.getCell(row, 5))).toBe(ore(p.fixed));
      expect(cellOre(ws.getCell(row, 10))).toBe(ore(p.variable));
      expect(cellOre(ws.getCell(row, 11))).toBe(ore(p.unitPrice));
      expect(cellOre(ws.getCell(row, 12))).toBe(ore(p.total));
      if (p.reference !== null) {
        expect(cellOre(ws.getCell(row, 3))).toBe(ore(p.reference));
        expect((ws.getCell(row, 5).value as { formula: string }).formula).toBe(`ROUND(D${row}*C${row},2)`);
      }
    });
  });

  it("shows the key and, for every split, the rounded-down part, the öre moved and the part", () => {
    const ws = wb.getWorksheet("Fördelningsnyckel") as ExcelJS.Worksheet;
    const o = bannerRows(ws);
    // the share in percent (4 decimals shown) is the cell number of the exact share; beside it the exact fraction
    json.key.forEach((k, i) => {
      expect(ws.getCell(o + 3 + i, 3).numFmt).toBe("0.0000%");
      expect(Math.abs((shown(ws.getCell(o + 3 + i, 3)) as number) - Number(k.share))).toBeLessThan(1e-15);
      expect(String(shown(ws.getCell(o + 3 + i, 4)))).toMatch(/^[\d ]+\/[\d ]+$/);
    });
    for (const s of json.splits) {
      const kind = s.kind === "solidarity" ? "Solidarisk finansiering" : s.kind === "grant" ? "Statsbidrag vidarebefordrat" : "Endast fast ersättning";
      const role = s.kind === "grant" ? "mottagare" : "Värd";
      let titleRow = 0;
      for (let r = 1; r <= ws.rowCount && !titleRow; r++) if (String(shown(ws.getCell(r, 1)) ?? "").startsWith(`${s.label}: ${kind}, ${role} `)) titleRow = r;
      expect(titleRow, s.label).toBeGreaterThan(0);
      const row = titleRow + 2;
      s.parts.forEach((p, i) => {
        expect(shown(ws.getCell(row + i, 1))).toBe(p.party);
        expect(cellOre(ws.getCell(row + i, 4))).toBe(ore(p.base));
        expect(cellOre(ws.getCell(row + i, 5))).toBe(ore(p.extra));
        expect(cellOre(ws.getCell(row + i, 6))).toBe(ore(p.amount));
      });
    }
  });

  it("passes every check on the Kontroller sheet, and sets up print and filters", () => {
    const ws = wb.getWorksheet("Kontroller") as ExcelJS.Worksheet;
    let statuses = 0;
    for (let r = 3; r <= ws.rowCount; r++) {
      const s = shown(ws.getCell(r, 5)) ?? shown(ws.getCell(r, 3));
      if (s === "OK" || s === "FEL") {
        statuses++;
        expect(s, `row ${r}: ${shown(ws.getCell(r, 1))}`).toBe("OK");
      }
    }
    expect(statuses).toBeGreaterThan(10);
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup.orientation).toBe("landscape");
      expect(sheet.pageSetup.fitToWidth).toBe(1);
    }
    expect((wb.getWorksheet("Flöden") as ExcelJS.Worksheet).autoFilter).toBeTruthy();
    expect((wb.getWorksheet("Parametrar") as ExcelJS.Worksheet).views[0]?.state).toBe("frozen");
  });

  it("stores a cached result with every formula", async () => {
    const { formulas, uncached, sheets } = await uncachedFormulas(join(dir, "rapport-2025.xlsx"));
    expect(sheets).toBe(10);
    expect(uncached).toEqual([]);
    expect(formulas).toBeGreaterThan(300);
  });

  it("names every tariff value with its source, and every input file with its hash", () => {
    const ps = wb.getWorksheet("Parametrar") as ExcelJS.Worksheet;
    let withSource = 0;
    for (let r = 3; r <= ps.rowCount; r++) if (String(shown(ps.getCell(r, 5)) ?? "").length > 0) withSource++;
    expect(withSource).toBeGreaterThan(20);
    const inputs = wb.getWorksheet("Indata") as ExcelJS.Worksheet;
    const o = bannerRows(inputs);
    expect(String(shown(inputs.getCell(o + 3, 3)))).toMatch(/^[0-9a-f]{64}$/);
    expect(String(shown(inputs.getCell(o + 4, 4)))).toContain("utf-8");
  });
});

describe("the report in English, and its size", () => {
  it("is English with --lang en", async () => {
    const out = tempDir();
    const r = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--xlsx", join(out, "r.xlsx"), "--lang", "en"]);
    expect(r.code, r.stderr).toBe(0);
    const en = await load(join(out, "r.xlsx"));
    expect(en.worksheets.map((w) => w.name)).toEqual(["Summary", "Settlement", "Flows", "Care agreement", "Per area of care", "Distribution key", "Checks", "Parameters", "Explanations", "Inputs"]);
  });

  it("holds aggregates only: 1 000 times the rows make no bigger workbook", async () => {
    const out = tempDir();
    const lines = readFileSync(join(MINI, "consumption.csv"), "utf8").trimEnd().split("\n");
    const big = [lines[0], ...Array.from({ length: 1000 }, () => lines.slice(1)).flat()].join("\n") + "\n";
    writeFileSync(join(out, "big.csv"), big);
    const small = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--xlsx", join(out, "small.xlsx")]);
    const large = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(out, "big.csv"), "--xlsx", join(out, "large.xlsx")]);
    expect([small.code, large.code]).toEqual([0, 0]);
    const a = statSync(join(out, "small.xlsx")).size;
    const b = statSync(join(out, "large.xlsx")).size;
    expect(b / a).toBeLessThan(1.05);
  });
});


describe.skipIf(!haveLibreOffice)("LibreOffice recalculation", () => {
  it("really recalculates (a wrong cached value is replaced)", async () => {
    const d = tempDir();
    const w = new ExcelJS.Workbook();
    w.addWorksheet("x").getCell("A1").value = { formula: "1+1", result: 3 };
    await w.xlsx.writeFile(join(d, "probe.xlsx"));
    const back = await load(recalculate(join(d, "probe.xlsx")));
    expect(shown((back.getWorksheet("x") as ExcelJS.Worksheet).getCell("A1"))).toBe(2);
  });

  it("gives exactly the cached value for every formula of the report", async () => {
    const { diffs, formulas } = await compareRecalculated(join(dir, "rapport-2025.xlsx"));
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(300);
  });
});

describe("figures near the limits", () => {
  const abs = (v: bigint): bigint => (v < 0n ? -v : v);
  let r: CalculationResult;
  let file = "";
  beforeAll(async () => {
    // Every figure the workbook shows, the grand totals included, stays within 10¹³ kr; the largest
    // come near it: every amount just under the input bound of 10¹² kr, Σ flows just over 9 · 10¹² kr.
    const t = JSON.parse(readFileSync(join(MINI, "tariff.json"), "utf8"));
    t.references = [
      { seller: "RÖ", buyer: "RJL", amount: "999999999999.99" },
      { seller: "RÖ", buyer: "RKL", amount: "0.01" },
    ];
    const row = (area: string, amount: string) => ({ year: "2025", seller: "RÖ", buyer: "RJL", area, amount });
    r = await calculate({
      tariff: t,
      // (no öre flow crossing the 9 · 10¹² kr one: under bilateral netting its 0,01 kr transfer is summed with
      // the 9 · 10¹² kr net in the workbook's reconciliation, beyond what a spreadsheet's doubles hold to the öre)
      consumption: [row("neurokirurgi", "999999999999.97"), ...Array.from({ length: 8 }, () => row("primärvård", "999999999999.99"))],
    });
    file = join(tempDir(), "big.xlsx");
    writeFileSync(file, await resultWorkbook(r, { lang: "sv", inputs: [], version: "test" }));
  });

  it("the result comes near 10¹³ kr without passing MAX_RESULT_ORE", () => {
    const all = r.flows.reduce((a, f) => a + f.amount, 0n);
    const largest = [all, ...r.net, ...r.flows.map((f) => f.amount), ...Object.values(r.componentTotals)].reduce((a, v) => (abs(v) > a ? abs(v) : a), 0n);
    expect(largest).toBeGreaterThan((MAX_RESULT_ORE * 9n) / 10n);
    expect(largest).toBeLessThanOrEqual(MAX_RESULT_ORE);
  });

  it("every money cell read back holds the exact figure", async () => {
    const wb = await load(file);
    const m = wb.getWorksheet("Sammanfattning") as ExcelJS.Worksheet;
    r.parties.forEach((_, i) => expect(cellOre(m.getCell(8 + i, 6))).toBe(r.net[i]));
    const a = wb.getWorksheet("Flöden") as ExcelJS.Worksheet;
    const head = findRow(a, "Betalare");
    r.flows.forEach((f, k) => expect(cellOre(a.getCell(head + 1 + k, 5))).toBe(f.amount));
    const c = wb.getWorksheet("Vårdavtal") as ExcelJS.Worksheet;
    r.pairs.forEach((p, k) => {
      expect([cellOre(c.getCell(3 + k, 5)), cellOre(c.getCell(3 + k, 10)), cellOre(c.getCell(3 + k, 11)), cellOre(c.getCell(3 + k, 12))]).toEqual([p.fixed, p.variable, p.unitPrice, p.total]);
    });
    const checks = wb.getWorksheet("Kontroller") as ExcelJS.Worksheet;
    for (let row = 3; row <= checks.rowCount; row++) {
      const s = shown(checks.getCell(row, 5)) ?? shown(checks.getCell(row, 3));
      if (s === "FEL") throw new Error(`check failed on row ${row}: ${String(shown(checks.getCell(row, 1)))}`);
    }
  });

  it("a cell holds every amount up to MAX_RESULT_ORE exactly, and refuses one it would show wrongly", () => {
    for (const v of [MAX_RESULT_ORE, MAX_RESULT_ORE - 1n, -(MAX_RESULT_ORE - 1n), MAX_RESULT_ORE - 3n, 999999999999901n, 1n, -1n, 0n, 123456789012345n]) {
      const n = exactCellNumber(v);
      expect(n.toFixed(2), String(v)).toBe(formatOre(v));
      expect(BigInt(Math.round(n * 100))).toBe(v);
    }
    // 16 significant digits: a spreadsheet shows 10000000000000.0 for the first
    for (const v of [MAX_RESULT_ORE + 1n, 1001583114317519n, -(MAX_RESULT_ORE + 7n), 2n ** 53n + 1n]) expect(() => exactCellNumber(v), String(v)).toThrow(RangeError);
  });

  it.skipIf(!haveLibreOffice)("recalculates to the same öre", async () => {
    const { diffs, formulas } = await compareRecalculated(file);
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(200);
  });

  it("the check-key workbook holds a tolerance of MAX_INPUT_ORE and costs near the limit exactly", async () => {
    const tariff = loadTariff(readFileSync(join(MINI, "tariff.json"), "utf8"));
    const bag = new DiagnosticBag();
    const key = resolveKey(tariff, undefined, bag);
    if (!key) throw new Error("no key");
    const costs = [
      { item: "A", party: "RJL", amount: MAX_INPUT_ORE },
      { item: "A", party: "RKL", amount: MAX_INPUT_ORE - 1n },
      { item: "A", party: "RÖ", amount: 7n },
      { item: "B", party: "RÖ", amount: MAX_INPUT_ORE - 3n },
      { item: "B", party: "RKL", amount: -(MAX_INPUT_ORE - 5n) },
    ];
    const kc = checkKey(tariff, key, costs, MAX_INPUT_ORE, bag);
    if (!kc) throw new Error(JSON.stringify(bag.errors));
    const kcFile = join(tempDir(), "kc.xlsx");
    writeFileSync(kcFile, await keyCheckWorkbook(kc, { lang: "sv", inputs: [], version: "test" }));
    const wb = await load(kcFile);
    const s = wb.getWorksheet("Sammanfattning") as ExcelJS.Worksheet;
    expect(cellOre(s.getCell(2, 2))).toBe(MAX_INPUT_ORE);
    kc.totals.forEach((l, i) => {
      expect([cellOre(s.getCell(7 + i, 3)), cellOre(s.getCell(7 + i, 4)), cellOre(s.getCell(7 + i, 5))]).toEqual([l.paid, l.expected, l.deviation]);
    });
    if (haveLibreOffice) expect((await compareRecalculated(kcFile)).diffs).toEqual([]);
  });
});

describe("the cell limits of Excel", () => {
  it("refuses to write a text longer than 32 767 characters (a bug: inputs are bounded), and writes one of that length", () => {
    const ws = newWorkbook("test", new Date(0)).addWorksheet("x");
    const long = "x".repeat(MAX_CELL_TEXT + 1);
    expect(() => put(ws, 1, 1, long)).toThrow(/internal: the text of cell 'x'!A1 has 32768 characters/);
    expect(() => title(ws, 2, long)).toThrow(/32768 characters/);
    expect(() => header(ws, 3, ["ok", long])).toThrow(/'x'!B3/);
    expect(() => formula(ws, 4, 1, "1", long)).toThrow(/32768 characters/);
    expect(() => formula(ws, 5, 1, "1+".repeat(MAX_FORMULA_LENGTH / 2) + "1", 0)).toThrow(/formula of cell 'x'!A5/);
    expect(ws.getCell(1, 1).value).toBeNull();
    put(ws, 6, 1, "y".repeat(MAX_CELL_TEXT));
    expect(String(ws.getCell(6, 1).value).length).toBe(MAX_CELL_TEXT);
  });
});
