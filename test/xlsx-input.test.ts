/**
 * Table inputs from Excel (formats.md v3: every table may be an `.xlsx`, the first sheet or
 * `FILE.xlsx#Blad`, positions `FILE.xlsx#Blad!C12`). The cells' exact reading (numbers through
 * their shortest decimal, never a float sum; date serials and date cells), and the real command on
 * the committed workbooks of test/fixtures/xlsx/ (made by scripts/make-xlsx-fixtures.js from the
 * CSV fixtures beside them): every input gives what its CSV gives. The bad workbooks are golden
 * cases in test/fixtures/bad/ (XLSX_*, CSV_IS_XLSX), run by test/cli.test.ts.
 */
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { MAX_INPUT_ORE } from "../src/core/model/limits.js";
import { parseLocaleNumber } from "../src/core/model/numbers.js";
import { tableArg, tableSource } from "../src/node/table-files.js";
import { readPayments } from "../src/read/inputs.js";
import { numberCellText, serialDate, type SheetTable, type SheetValue } from "../src/read/sheet.js";
import { renderDiagnostic } from "../src/text/diagnostics.js";
import { FIXTURES, ROOT, runMain, tempDir } from "./helpers.js";

const X = join(FIXTURES, "xlsx");
const EXAMPLES = join(ROOT, "examples", "2025");

describe("a number cell read exactly", () => {
  it("every öre amount up to MAX_INPUT_ORE, typed into a cell (the double nearest to it), reads back as that amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_INPUT_ORE, max: MAX_INPUT_ORE }), (k) => {
        const cell = Number(k) / 100; // what Excel stores for the typed kronor amount
        const n = numberCellText(cell);
        expect(n.exact).toBe(true);
        const p = parseLocaleNumber(n.text, 2);
        expect(p.ok && p.units).toBe(k);
      }),
      { numRuns: 2000 },
    );
  });

  it("any double: the text is exact when it has at most 15 significant digits, and is that double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const n = numberCellText(d);
        expect(n.text).toMatch(/^-?\d+(\.\d+)?$/); // never an exponent
        expect(Number(n.text)).toBe(d === 0 ? 0 : d);
        const significant = n.text.replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "").length;
        expect(n.exact).toBe(significant <= 15);
      }),
      { numRuns: 2000 },
    );
  });

  it("formula noise is refused, small and large numbers are written out, -0 is 0", () => {
    expect(numberCellText(0.1 + 0.2)).toEqual({ text: "0.30000000000000004", exact: false });
    expect(numberCellText(12.345)).toEqual({ text: "12.345", exact: true }); // exact, but 3 decimals: the money check refuses it
    expect(numberCellText(1e-7)).toEqual({ text: "0.0000001", exact: true });
    expect(numberCellText(1.5e21)).toEqual({ text: "1500000000000000000000", exact: true }); // too large: AMOUNT_TOO_LARGE
    expect(numberCellText(-0)).toEqual({ text: "0", exact: true });
    expect(parseLocaleNumber(numberCellText(12.345).text, 2)).toMatchObject({ ok: false, problem: "TOO_MANY_DECIMALS" });
  });

  it("date serials: 1900 system with Excel's 1900-02-29, and the 1904 system", () => {
    expect(serialDate(1, false)).toBe("1900-01-01");
    expect(serialDate(59, false)).toBe("1900-02-28");
    expect(serialDate(60, false)).toBeUndefined(); // Excel's 1900-02-29, a day that did not exist
    expect(serialDate(61, false)).toBe("1900-03-01");
    expect(serialDate(45747, false)).toBe("2025-03-31");
    expect(serialDate(46073, false)).toBe("2026-02-20");
    expect(serialDate(0, true)).toBe("1904-01-01");
    expect(serialDate(45747 - 1462, true)).toBe("2025-03-31");
    expect(serialDate(45747.5, false)).toBeUndefined(); // a time of day is no date
    expect(serialDate(0, false)).toBeUndefined();
  });
});

describe("a sheet read as a payments table (cells as exceljs gives them)", () => {
  const table = (rows: SheetValue[][], date1904 = false): { table: SheetTable } => ({
    table: { name: "b.xlsx#Blad1", file: "b.xlsx", sheet: "Blad1", bytes: 1, sha256: "0".repeat(64), date1904, rows: rows.map((values, k) => ({ row: k + 1, values })) },
  });
  const header = ["betalare", "mottagare", "belopp", "datum", "avser", "moms (beräknad)"];
  const read = async (rows: SheetValue[][], date1904 = false) => {
    const bag = new DiagnosticBag();
    const r = await readPayments(table([header, ...rows], date1904), ["RJL", "RKL", "RÖ"], bag, { year: 2025 });
    return { r, errors: bag.errors.map((d) => renderDiagnostic(d, "sv").split("\n")[0]) };
  };

  it("a number in a column the table does not read is not looked at; one in the amount is refused at its cell", async () => {
    const ok = await read([["RJL", "RÖ", 100.5, new Date(Date.UTC(2025, 2, 31)), "Fast mars", 0.1 + 0.2]]);
    expect(ok.errors).toEqual([]);
    expect(ok.r.payments).toMatchObject([{ payer: 0, payee: 2, amount: 100_50n, date: "2025-03-31", note: "Fast mars", component: "fixed" }]);
    const bad = await read([["RJL", "RÖ", 0.1 + 0.2, null, null]]);
    expect(bad.errors).toEqual(["b.xlsx#Blad1!C2: error[XLSX_NOT_EXACT]: cellens tal 0.30000000000000004 har fler än 15 värdesiffror: det är inte exakt det värde Excel visar (troligen resultatet av en formel) (belopp)"]);
    expect(bad.r.payments).toEqual([]);
  });

  it("dates: a serial in the date column (1900 and 1904 systems), a date cell, text; a serial elsewhere is a number", async () => {
    const { r, errors } = await read([
      ["RJL", "RÖ", 1, 45747, "a"],
      ["RJL", "RÖ", 2, "2026-02-20", "b"],
      ["RJL", "RÖ", 3, new Date(Date.UTC(2025, 11, 31)), "c"],
    ]);
    expect(errors).toEqual([]);
    expect(r.payments.map((p) => p.date)).toEqual(["2025-03-31", "2026-02-20", "2025-12-31"]);
    const m = await read([["RJL", "RÖ", 1, 45747 - 1462, "a"]], true);
    expect(m.r.payments[0]?.date).toBe("2025-03-31");
    const late = await read([["RJL", "RÖ", 1, 45747.75, "a"]]);
    expect(late.errors).toEqual(['b.xlsx#Blad1!D2: error[BAD_DATE]: "45747.75" är inget giltigt datum (ÅÅÅÅ-MM-DD) (datum)']);
  });

  it("short rows are padded, a filled cell beyond the header is a field too many, empty rows are skipped", async () => {
    const { r, errors } = await read([["RJL", "RÖ", 5], [], [null, null, null], ["RKL", "RÖ", 6, null, null, null, "anteckning"]]);
    expect(r.payments.map((p) => p.amount)).toEqual([5_00n]);
    expect(errors).toEqual([expect.stringMatching(/^b\.xlsx#Blad1!G5: error\[CSV_FIELD_COUNT\]/)]);
  });
});

describe("the library: readSheetSource of vardavtal/xlsx feeds the same readers", () => {
  it("calculateCsv with a consumption sheet gives the CSV's result; settle takes a payments sheet; a missing sheet is InputError", async () => {
    const { calculateCsv, settle } = await import("../src/index.js");
    const { readSheetSource } = await import("../src/xlsx.js");
    const mini = join(FIXTURES, "spec", "mini-2025");
    const tariff = { name: "tariff.json", data: readFileSync(join(mini, "tariff.json")) };
    const csv = await calculateCsv({ tariff, consumption: { name: "consumption.csv", data: readFileSync(join(mini, "consumption.csv")) } });
    const sheet = await readSheetSource("konsumtion.xlsx", readFileSync(join(X, "konsumtion-mini-2025.xlsx")));
    expect(sheet.table.name).toBe("konsumtion.xlsx#Konsumtion");
    const xlsx = await calculateCsv({ tariff, consumption: sheet });
    expect(xlsx.value.net).toEqual(csv.value.net);
    expect(xlsx.value.flows).toEqual(csv.value.flows);
    expect(xlsx.inputs[1]).toMatchObject({ file: "konsumtion.xlsx#Konsumtion", encoding: "xlsx", rows: 10 });
    const payments = await readSheetSource("b.xlsx", readFileSync(join(FIXTURES, "bad", "XLSX_SHEET_MISSING", "paid.xlsx")), "Betalningar");
    const s = await settle({ result: csv.value, payments });
    expect(s.value.payments).toMatchObject([{ amount: 100_00n, date: "2025-03-31", note: "A conto mars" }]);
    const err = await readSheetSource("b.xlsx", readFileSync(join(FIXTURES, "bad", "XLSX_SHEET_MISSING", "paid.xlsx")), "Blad9").catch((e) => e);
    expect(err.diagnostics.map((d: { code: string }) => d.code)).toEqual(["XLSX_SHEET_MISSING"]);
  });
});

describe("the argument FILE.xlsx#Blad", () => {
  it("names the workbook and the sheet; a CSV is a CSV; an existing file with # in its name is taken whole", () => {
    expect(tableArg(join(X, "betalningar-2025.xlsx#Betalningar"))).toEqual({ file: join(X, "betalningar-2025.xlsx"), sheet: "Betalningar", workbook: true });
    expect(tableArg(join(X, "betalningar-2025.xlsx"))).toEqual({ file: join(X, "betalningar-2025.xlsx"), workbook: true });
    expect(tableArg("a#b.csv")).toEqual({ file: "a#b.csv", workbook: false });
    expect(tableArg("betalningar.XLSX#Blad 1")).toEqual({ file: "betalningar.XLSX", sheet: "Blad 1", workbook: true });
  });

  it("without exceljs a workbook input is XLSX_READ_UNAVAILABLE at the file, never a stack trace", async () => {
    const bag = new DiagnosticBag();
    const missing = Object.assign(new Error("Cannot find package 'exceljs' imported from /x/dist/read/xlsx-sheet.js"), { code: "ERR_MODULE_NOT_FOUND" });
    const file = join(X, "betalningar-2025.xlsx");
    expect(await tableSource(file, bag, () => Promise.reject(missing))).toBeUndefined();
    expect(bag.items).toEqual([{ severity: "error", code: "XLSX_READ_UNAVAILABLE", params: {}, file, line: 1, column: 1 }]);
    expect(renderDiagnostic(bag.items[0] as never, "sv")).toBe(`${file}:1:1: error[XLSX_READ_UNAVAILABLE]: att läsa en Excelfil kräver paketet exceljs, som inte är installerat\n  tips: installera det med npm install exceljs (ett valfritt beroende av vardavtal), eller spara bladet som "CSV UTF-8" i Excel`);
    // a CSV needs no exceljs
    expect(await tableSource(join(EXAMPLES, "befolkning-2024-12-31.csv"), bag, () => Promise.reject(missing))).toMatchObject({ name: join(EXAMPLES, "befolkning-2024-12-31.csv") });
  });
});

describe("every table input from a workbook gives what its CSV gives", () => {
  let dir = "";
  const json = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));
  const ok = async (args: string[]) => {
    const r = await runMain(args, ROOT, { SOURCE_DATE_EPOCH: "1767225600" });
    expect(r.code, `${args.join(" ")}\n${r.stderr}`).toBe(0);
    return r;
  };
  beforeAll(async () => {
    dir = tempDir("vardavtal-xlsx-input-");
    await ok(["calculate", "--tariff", "2025", "--consumption", join(EXAMPLES, "konsumtion-2025.csv"), "--json", join(dir, "result.json")]);
  }, 120_000);

  it("consumption: the same flows, net positions and transfers; the input recorded as the sheet", async () => {
    const mini = join(FIXTURES, "spec", "mini-2025");
    await ok(["calculate", "--tariff", join(mini, "tariff.json"), "--consumption", join(mini, "consumption.csv"), "--json", join(dir, "c-csv.json")]);
    await ok(["calculate", "--tariff", join(mini, "tariff.json"), "--consumption", join(X, "konsumtion-mini-2025.xlsx"), "--json", join(dir, "c-xlsx.json")]);
    const a = json("c-csv.json");
    const b = json("c-xlsx.json");
    for (const k of ["flows", "net", "transfers", "areas", "key", "skipped"]) expect(b[k], k).toEqual(a[k]);
    expect(b.inputs[1]).toMatchObject({ role: "consumption", file: join(X, "konsumtion-mini-2025.xlsx#Konsumtion"), encoding: "xlsx", rows: 10, reader: "general" });
    expect(b.inputs[1].delimiter).toBeUndefined();
    // the warnings point at cells
    expect(b.warnings.map((w: { code: string }) => w.code).sort()).toEqual(a.warnings.map((w: { code: string }) => w.code).sort());
  });

  it("population: the same key", async () => {
    const csv = await ok(["key", "--tariff", "2025", "--population", join(EXAMPLES, "befolkning-2024-12-31.csv")]);
    const xlsx = await ok(["key", "--tariff", "2025", "--population", join(X, "befolkning-2024-12-31.xlsx")]);
    const body = (s: string) => s.split("\n").filter((l) => !l.startsWith("Fördelningsnyckel:"));
    expect(body(xlsx.stdout)).toEqual(body(csv.stdout));
    expect(xlsx.stdout).toContain("befolkning-2024-12-31.xlsx#Befolkning, 2024-12-31");
  });

  it("joint costs: the same key check", async () => {
    const csv = await runMain(["check-key", "--tariff", "2025", "--costs", join(EXAMPLES, "gemensamma-kostnader-2025.csv"), "--json", join(dir, "k-csv.json")]);
    const xlsx = await runMain(["check-key", "--tariff", "2025", "--costs", join(X, "gemensamma-kostnader-2025.xlsx"), "--json", join(dir, "k-xlsx.json")]);
    expect(xlsx.code).toBe(csv.code);
    const strip = (k: { inputs?: unknown }) => ({ ...k, inputs: undefined, digest: undefined }); // the digest covers the inputs' names
    expect(strip(json("k-xlsx.json"))).toEqual(strip(json("k-csv.json")));
  });

  it("payments: the same settlement, every row with its date (date cell, serial or text) and text; last year's rows skipped and counted", async () => {
    const csv = await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(FIXTURES, "books", "betalningar-2025.csv"), "--json", join(dir, "s-csv.json")]);
    const xlsx = await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(X, "betalningar-2025.xlsx"), "--json", join(dir, "s-xlsx.json")]);
    expect(xlsx.stderr).toContain(`${join(X, "betalningar-2025.xlsx")}#Betalningar!A1: warning[PAYMENTS_OTHER_YEAR]: 2 rader med år 2024 hör till ett annat avtalsår än 2025 och räknas inte (summa 1 250 000,00 kr)`);
    expect(csv.stderr).toContain("(summa 1 250 000,00 kr)");
    const a = json("s-csv.json");
    const b = json("s-xlsx.json");
    for (const k of ["counterparties", "lines", "pairs", "parties", "transfers", "unitPrice", "netting"]) expect(b[k], k).toEqual(a[k]);
    const sourceless = (ps: { source: string }[]) => ps.map(({ source: _s, ...p }) => p);
    expect(sourceless(b.payments)).toEqual(sourceless(a.payments));
    expect(b.payments.map((p: { date: string }) => p.date)).toEqual(["2025-01-31", "2025-01-31", "2025-01-31", "2026-02-20", "2025-06-30"]);
    expect(b.payments[0].source).toBe("betalningar-2025.xlsx#Betalningar:4");
    expect(b.sources).toEqual([{ kind: "payments", file: join(X, "betalningar-2025.xlsx#Betalningar"), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it("the sheet by name (as written or without case) is the first sheet here; another sheet without the columns is MISSING_COLUMN at its cell A1", async () => {
    for (const sheet of ["Betalningar", "betalningar"]) {
      await ok(["settle", "--result", join(dir, "result.json"), "--paid", `${join(X, "betalningar-2025.xlsx")}#${sheet}`, "--json", join(dir, `s-${sheet}.json`)]);
      expect(json(`s-${sheet}.json`).counterparties).toEqual(json("s-xlsx.json").counterparties);
    }
    const r = await runMain(["settle", "--result", join(dir, "result.json"), "--paid", `${join(X, "betalningar-2025.xlsx")}#Anteckningar`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(X, "betalningar-2025.xlsx")}#Anteckningar!A1: error[MISSING_COLUMN]`);
  });

  it("a payments workbook and an a-conto plan together: summed like a CSV and a plan", async () => {
    await ok(["acconto", "--tariff", "2025", "--json", join(dir, "plan.json")]);
    await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--paid", join(FIXTURES, "books", "betalningar-2025.csv"), "--json", join(dir, "both-csv.json")]);
    await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--paid", join(X, "betalningar-2025.xlsx"), "--json", join(dir, "both-xlsx.json")]);
    expect(json("both-xlsx.json").counterparties).toEqual(json("both-csv.json").counterparties);
    expect(json("both-xlsx.json").sources.map((s: { kind: string }) => s.kind)).toEqual(["acconto", "payments"]);
  });

  it("an output over the workbook it reads (FILE.xlsx#Blad) is OUTPUT_IS_INPUT, nothing written", async () => {
    const copy = join(dir, "betalningar.xlsx");
    copyFileSync(join(X, "betalningar-2025.xlsx"), copy);
    const before = readFileSync(copy);
    const r = await runMain(["settle", "--result", join(dir, "result.json"), "--paid", `${copy}#Betalningar`, "--xlsx", copy, "--json", join(dir, "never.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[OUTPUT_IS_INPUT]");
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(existsSync(join(dir, "never.json"))).toBe(false);
  });
});
