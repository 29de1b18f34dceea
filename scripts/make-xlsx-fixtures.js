#!/usr/bin/env node
// Writes the Excel fixtures of the table inputs (test/fixtures/xlsx/ and the xlsx cases of
// test/fixtures/bad/): the same tables as the CSV fixtures beside them, with typed cells as Excel
// keeps them (numbers, dates, text), and the bad cases (a number that is not exact, a missing
// sheet, a file that is no workbook, a workbook given as CSV, errors at cells). Deterministic:
// fixed document and ZIP dates. Run: npm run build && node scripts/make-xlsx-fixtures.js (the
// files are committed).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { setZipTimes } from "../dist/render/xlsx/kit/zip.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "test", "fixtures");
const STAMP = new Date(Date.UTC(2026, 0, 1));

/** A date cell's value: UTC midnight of an ISO date. */
const day = (iso) => new Date(`${iso}T00:00:00Z`);
/** The Excel serial (1900 system) of an ISO date. */
const serial = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
/** A CSV number ("1 234,56") as a JS number, for a number cell. */
const num = (text) => Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));

/** A workbook of sheets: [name, rows, { dateColumns }]; dates get a date format. */
async function workbook(file, sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "vardavtal";
  wb.created = STAMP;
  wb.modified = STAMP;
  for (const [name, rows, opts = {}] of sheets) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
    for (const c of opts.dateColumns ?? []) ws.getColumn(c).numFmt = "yyyy-mm-dd";
    for (const c of opts.moneyColumns ?? []) ws.getColumn(c).numFmt = "#,##0.00";
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, setZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), STAMP));
  console.log(`wrote ${file.slice(root.length + 1)}`);
}

const csvRows = (file) =>
  readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(";"));

const out = join(fixtures, "xlsx");

// Consumption (the mini year): dates as date cells, points and amounts as numbers, empty cells empty.
{
  const [header, ...rows] = csvRows(join(fixtures, "spec", "mini-2025", "consumption.csv"));
  await workbook(join(out, "konsumtion-mini-2025.xlsx"), [
    ["Konsumtion", [header, ...rows.map(([d, s, b, v, drg, p, a]) => [day(d), s, b, v, drg || null, p ? num(p) : null, a ? num(a) : null])], { dateColumns: [1], moneyColumns: [7] }],
  ]);
}

// Population: a whole number and a date cell per party.
{
  const [header, ...rows] = csvRows(join(root, "examples", "2025", "befolkning-2024-12-31.csv"));
  await workbook(join(out, "befolkning-2024-12-31.xlsx"), [["Befolkning", [header, ...rows.map(([p, n, d]) => [p, num(n), day(d)])], { dateColumns: [3] }]]);
}

// Joint costs: amounts as numbers, the comment column as text.
{
  const [header, ...rows] = csvRows(join(root, "examples", "2025", "gemensamma-kostnader-2025.csv"));
  await workbook(join(out, "gemensamma-kostnader-2025.xlsx"), [["Kostnader", [header, ...rows.map(([i, p, a, c]) => [i, p, num(a), c ?? null])], { moneyColumns: [3] }]]);
}

// Payments: the rows of test/fixtures/books/betalningar-2025.csv, typed as a ledger export has
// them: the year a number, amounts numbers (one written as text), dates as date cells, one as a
// bare serial number and one as text. A second sheet holds last year's notes.
{
  const [header, ...rows] = csvRows(join(fixtures, "books", "betalningar-2025.csv"));
  const typed = rows.map(([y, payer, payee, amount, date, note], k) => [
    Number(y),
    payer,
    payee,
    k === 4 ? amount : num(amount), // "1 000,00" as text
    k === 5 ? serial(date) : k === 6 ? date : day(date), // a serial number; a text date
    note,
  ]);
  await workbook(join(out, "betalningar-2025.xlsx"), [
    ["Betalningar", [header, ...typed], { dateColumns: [5], moneyColumns: [4] }],
    ["Anteckningar", [["Avstämt mot huvudboken 2026-01-15"], ["Ingen tabell här"]]],
  ]);
}

// The bad cases: the mini result to settle against, payments that fail at cells.
const badResult = readFileSync(join(fixtures, "bad", "PAYMENT_DUPLICATE", "result.json"));
const badCase = (name, args, expected) => {
  const dir = join(fixtures, "bad", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "case.json"), JSON.stringify({ args, expected }, null, 2) + "\n");
  return dir;
};
const PAYMENTS_HEADER = ["betalare", "mottagare", "belopp", "datum", "avser"];

{
  // 0,1 + 0,2 by a formula: the cached double 0.30000000000000004, not the 0,30 Excel shows
  const dir = badCase("XLSX_NOT_EXACT", ["settle", "--result", "result.json", "--paid", "paid.xlsx"], ["paid.xlsx#Blad1!C3: error[XLSX_NOT_EXACT]: cellens tal 0.30000000000000004 har fler än 15 värdesiffror"]);
  writeFileSync(join(dir, "result.json"), badResult);
  await workbook(join(dir, "paid.xlsx"), [
    [
      "Blad1",
      [PAYMENTS_HEADER, ["RJL", "RÖ", 100, day("2025-03-31"), "A conto mars"], ["RKL", "RÖ", { formula: "0.1+0.2", result: 0.1 + 0.2 }, day("2025-03-31"), "Rättelse"]],
      { dateColumns: [4] },
    ],
  ]);
}
{
  const dir = badCase("XLSX_SHEET_MISSING", ["settle", "--result", "result.json", "--paid", "paid.xlsx#Blad9"], ['paid.xlsx:1:1: error[XLSX_SHEET_MISSING]: arbetsboken har inget blad "Blad9"; bladen är: Betalningar, Anteckningar']);
  writeFileSync(join(dir, "result.json"), badResult);
  await workbook(join(dir, "paid.xlsx"), [
    ["Betalningar", [PAYMENTS_HEADER, ["RJL", "RÖ", 100, day("2025-03-31"), "A conto mars"]], { dateColumns: [4] }],
    ["Anteckningar", [["-"]]],
  ]);
}
{
  const dir = badCase("XLSX_UNREADABLE", ["settle", "--result", "result.json", "--paid", "paid.xlsx"], ["paid.xlsx:1:1: error[XLSX_UNREADABLE]: filen kan inte läsas som en Excelarbetsbok (xlsx)"]);
  writeFileSync(join(dir, "result.json"), badResult);
  writeFileSync(join(dir, "paid.xlsx"), "betalare;mottagare;belopp\nRJL;RÖ;100,00\n"); // a CSV file named .xlsx
}
{
  // a workbook saved under a .csv name, read as the consumption CSV
  const dir = badCase("CSV_IS_XLSX", ["calculate", "--tariff", "tariff.json", "--consumption", "consumption.csv"], ["consumption.csv:1:1: error[CSV_IS_XLSX]: det här är en Excelfil (xlsx), inte en CSV-fil"]);
  writeFileSync(join(dir, "tariff.json"), readFileSync(join(fixtures, "bad", "BAD_DATE", "tariff.json")));
  await workbook(join(dir, "consumption.csv"), [["Blad1", [["datum", "säljare", "köpare", "verksamhet", "poäng"], [day("2025-02-03"), "RÖ", "RJL", "neurokirurgi", 2.5]]]]);
}
{
  // every check of a payments CSV, at its cell
  const dir = badCase("XLSX_CELLS", ["settle", "--result", "result.json", "--paid", "betalningar.xlsx#Bokförda"], [
    "betalningar.xlsx#Bokförda!C3: error[TOO_MANY_DECIMALS]",
    "betalningar.xlsx#Bokförda!D4: error[BAD_DATE]",
    "betalningar.xlsx#Bokförda!D5: error[PAYMENT_DATE_OUTSIDE]",
    "betalningar.xlsx#Bokförda!B6: error[UNKNOWN_PARTY]",
    "betalningar.xlsx#Bokförda!A8: error[PAYMENT_DUPLICATE]: raden är likadan som rad 7",
  ]);
  writeFileSync(join(dir, "result.json"), badResult);
  await workbook(join(dir, "betalningar.xlsx"), [
    ["Översikt", [["Betalningar 2025, se bladet Bokförda"]]],
    [
      "Bokförda",
      [
        PAYMENTS_HEADER,
        ["Region Jönköpings län", "Östergötland", 100, day("2025-03-31"), "Fast ersättning mars"],
        ["RKL", "RÖ", 12.345, day("2025-03-31"), "A conto mars"],
        ["RKL", "RÖ", 10, new Date(Date.UTC(2025, 3, 30, 14, 30)), "A conto april"],
        ["RKL", "RÖ", 10, day("2023-05-31"), "A conto maj"],
        ["RKL", "Region Skåne", 10, day("2025-06-30"), "A conto juni"],
        ["RJL", "RKL", 25.5, day("2025-07-31"), "Styckpris juli"],
        ["RJL", "RKL", 25.5, day("2025-07-31"), "Styckpris juli"],
      ],
      { dateColumns: [4] },
    ],
  ]);
}
