/**
 * A sheet of an Excel workbook as a table input (formats.md v3: every table may be an `.xlsx`,
 * the first sheet or `FILE.xlsx#Blad`, positions `FILE.xlsx#Blad!C12`). Pure: the cells come
 * typed (text, number, date, boolean, error) from `readSheet` of `vardavtal/xlsx`, which alone
 * loads exceljs; here they become the records the CSV readers check, with the same columns and
 * the same checks.
 *
 * A number cell is a binary double. Its value is taken as the shortest decimal that reads back
 * as the same double (what Excel shows with 15 significant digits or fewer), never through a
 * float sum; a cell with more than 15 significant digits (0,1 + 0,2 computed by a formula) is not
 * the value Excel shows and is refused (XLSX_NOT_EXACT) instead of rounded. The decimal text then
 * goes through the column's own check: money at most 2 decimals, points at most 6.
 */
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import type { CsvRecord } from "./csv.js";

/** A cell's value as the workbook holds it (a formula's cached result in its place). */
export type SheetValue = string | number | boolean | Date | null | { error: string };

/** One row of a sheet: its number and its cells from column A (`values[0]`) on. */
export interface SheetRow {
  row: number;
  values: SheetValue[];
}

/** A sheet read from a workbook, with the workbook's bytes and hash. */
export interface SheetTable {
  /** the name messages and the result give the input: `betalningar.xlsx#Blad1` */
  name: string;
  /** the workbook's path or file name */
  file: string;
  /** the sheet's name */
  sheet: string;
  /** the workbook's size and SHA-256 */
  bytes: number;
  sha256: string;
  /** the workbook counts dates from 1904 (old Mac Excel) */
  date1904: boolean;
  rows: SheetRow[];
}

/** A table input that is a sheet (the readers take it where they take a CSV ByteSource). */
export interface SheetSource {
  table: SheetTable;
}

/** Significant digits of a decimal text ("0.0012300" → 3, "1200" → 2). */
function significantDigits(text: string): number {
  const digits = text.replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "");
  return digits.length;
}

/**
 * A number cell's value as a plain decimal text ("1234.5", "-0.05"; no exponent): the shortest
 * decimal that is this double. `exact` is false when it has more than 15 significant digits, the
 * precision Excel shows and keeps: such a value is not what the cell shows.
 */
export function numberCellText(n: number): { text: string; exact: boolean } {
  if (!Number.isFinite(n)) return { text: String(n), exact: false };
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  let text = s;
  if (m) {
    const [, sign = "", int = "", frac = "", expText = "0"] = m;
    const exp = Number(expText);
    const digits = int + frac;
    const point = int.length + exp;
    if (point <= 0) text = `${sign}0.${"0".repeat(-point)}${digits}`;
    else if (point >= digits.length) text = `${sign}${digits}${"0".repeat(point - digits.length)}`;
    else text = `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  if (text === "-0") text = "0";
  return { text, exact: significantDigits(text) <= 15 };
}

/** An ISO date from a UTC day count since 1970-01-01. */
function isoFromDays(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An Excel date serial as an ISO date, or undefined when it is no whole day: 1 = 1900-01-01
 * (60 is Excel's 1900-02-29, a day that did not exist), or 0 = 1904-01-01 in a 1904 workbook.
 */
export function serialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isInteger(serial) || serial < (date1904 ? 0 : 1) || serial > 2_958_465) return undefined;
  if (date1904) return isoFromDays(serial - 24_107);
  if (serial === 60) return undefined;
  return isoFromDays(serial < 60 ? serial - 25_568 : serial - 25_569);
}

/** A date cell as an ISO date; a time of day is kept ("2025-03-31 14:30"), which no date column takes. */
export function dateCellText(d: Date): string {
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time.slice(0, time.endsWith(":00") ? 5 : 8)}`;
}

/** A cell as text, numbers as their exact decimal (see {@link numberCellText}). */
function cellText(v: SheetValue): { text: string; exact: boolean } {
  if (v === null) return { text: "", exact: true };
  if (typeof v === "string") return { text: v, exact: true };
  if (typeof v === "number") return numberCellText(v);
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", exact: true };
  if (v instanceof Date) return { text: Number.isNaN(v.getTime()) ? "" : dateCellText(v), exact: true };
  return { text: v.error, exact: true };
}

/** A record of a sheet: a CSV record whose fields are cells (line = row, column = the cell's column). */
export interface SheetRecord extends CsvRecord {
  cells: SheetValue[];
}

/**
 * The sheet's rows as records: one field per cell from column A, trailing empty cells left out
 * (a sheet has no delimiters to count; the reader pads a short row to the header's width).
 */
export function sheetRecords(table: SheetTable): SheetRecord[] {
  return table.rows.map((r) => {
    let width = r.values.length;
    while (width > 0 && isEmpty(r.values[width - 1] ?? null)) width--;
    const cells = r.values.slice(0, width).map((v) => v ?? null);
    return {
      line: r.row,
      fields: cells.map((v) => cellText(v).text),
      lines: cells.map(() => r.row),
      columns: cells.map((_, k) => k + 1),
      cells,
    };
  });
}

function isEmpty(v: SheetValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

export function isSheetRecord(r: CsvRecord): r is SheetRecord {
  return Array.isArray((r as Partial<SheetRecord>).cells);
}

/**
 * A data record of a sheet made ready for the column checks: padded to the header's width; a
 * number in the date column read as a date serial; a number that is not exact in a column the
 * table reads (`used`) refused (XLSX_NOT_EXACT, the record is not read further).
 */
export function finishSheetRecord(r: SheetRecord, options: { width: number; dateIndex: number | undefined; date1904: boolean; file: string; header: readonly string[]; used: ReadonlySet<number> }, bag: DiagnosticBag): void {
  // Cells beyond the header that hold something are kept (the field count check names them); empty ones were cut.
  while (r.fields.length < options.width) {
    r.fields.push("");
    r.lines.push(r.line);
    r.columns.push(r.fields.length);
    r.cells.push(null);
  }
  r.cells.forEach((v, k) => {
    if (typeof v !== "number") return;
    if (k === options.dateIndex) {
      const iso = serialDate(v, options.date1904);
      r.fields[k] = iso ?? numberCellText(v).text;
      return;
    }
    const n = numberCellText(v);
    if (n.exact || !options.used.has(k)) return; // a column the table does not read is not looked at
    bag.error("XLSX_NOT_EXACT", { text: n.text }, { file: options.file, line: r.line, column: k + 1, field: { index: k, name: (options.header[k] ?? "").trim() } });
    r.broken = true;
  });
}
