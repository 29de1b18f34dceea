/**
 * Small helpers for writing report workbooks with exceljs: typed cells (money, share, count,
 * text), formulas with their cached results, and the layout a finance report needs (bold
 * headers and totals, frozen header rows, autofilter, widths that fit, landscape print fitted
 * to the page width).
 */
import ExcelJS from "exceljs";
import { formatOre, formatRational } from "../core/decimal.js";
import type { Lang } from "../core/messages.js";
import type { InputFileInfo } from "../core/result-json.js";

export type Sheet = ExcelJS.Worksheet;

/** Text longer than this wraps instead of widening its column. */
const LONG_TEXT = 48;

export const FORMATS = {
  money: '#,##0.00;[Red]-#,##0.00',
  value: '#,##0.00######;[Red]-#,##0.00######',
  count: "#,##0",
  share: "0.000000%",
  shareExact: "0.000000000000000",
  percent2: "0.00%",
  factor: "0.00####",
} as const;

/**
 * Öre as a cell number. A cell is an IEEE double in every spreadsheet; this checks that the
 * double carries the exact decimal (its shortest text is the amount itself), so the number
 * written to the file is the amount to the öre. Amounts beyond 2⁵³ öre would fail here, loudly.
 */
export function exactCellNumber(ore: bigint): number {
  const text = formatOre(ore);
  const n = Number(text);
  if (!Number.isFinite(n) || canonical(String(n)) !== canonical(text)) throw new RangeError(`amount ${text} cannot be held exactly in a cell`);
  return n;
}

/** Party i's share of a key (weight / total weight) as a cell number, from its exact decimal. */
export function shareCellNumber(key: { weights: readonly bigint[]; totalWeight: bigint }, i: number): number {
  return decimalCellNumber(formatRational({ num: key.weights[i] ?? 0n, den: key.totalWeight }, 15, 17));
}

/** A decimal text (e.g. a consumption value with 8 decimals) as the nearest cell number. */
export function decimalCellNumber(text: string): number {
  return Number(text);
}

function canonical(s: string): string {
  let t = s.startsWith("-0.") || s === "-0" ? s.slice(1) : s;
  if (t.includes(".")) t = t.replace(/0+$/, "").replace(/\.$/, "");
  return t;
}

export interface CellRef {
  sheet: Sheet;
  row: number;
  col: number;
}

export function colLetter(col: number): string {
  let s = "";
  while (col > 0) {
    const m = (col - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    col = Math.floor((col - 1) / 26);
  }
  return s;
}

export function addr(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetter(col)}$${row}` : `${colLetter(col)}${row}`;
}

/** A reference usable in a formula on another sheet: 'Vårdavtal'!E5 */
export function ref(c: CellRef, from?: Sheet, absolute = false): string {
  const a = addr(c.row, c.col, absolute);
  return from === c.sheet ? a : `'${c.sheet.name.replace(/'/g, "''")}'!${a}`;
}

export function rangeRef(sheet: Sheet, r1: number, c1: number, r2: number, c2: number, from?: Sheet): string {
  const a = `${addr(r1, c1, true)}:${addr(r2, c2, true)}`;
  return from === sheet ? a : `'${sheet.name.replace(/'/g, "''")}'!${a}`;
}

type Value = string | number | null | { formula: string; result: number | string };

/** Writes a value with a number format into a cell and returns its reference. */
export function put(sheet: Sheet, row: number, col: number, value: Value, numFmt?: string, bold = false): CellRef {
  const cell = sheet.getCell(row, col);
  cell.value = value as ExcelJS.CellValue;
  if (numFmt) cell.numFmt = numFmt;
  if (bold) cell.font = { bold: true };
  return { sheet, row, col };
}

export function money(sheet: Sheet, row: number, col: number, ore: bigint, bold = false): CellRef {
  return put(sheet, row, col, exactCellNumber(ore), FORMATS.money, bold);
}

/** A money formula with its cached result (the library's exact figure). */
export function moneyFormula(sheet: Sheet, row: number, col: number, formula: string, ore: bigint, bold = false): CellRef {
  return put(sheet, row, col, { formula, result: exactCellNumber(ore) }, FORMATS.money, bold);
}

export function formula(sheet: Sheet, row: number, col: number, f: string, result: number | string, numFmt?: string, bold = false): CellRef {
  return put(sheet, row, col, { formula: f, result }, numFmt, bold);
}

export function header(sheet: Sheet, row: number, titles: string[], col = 1): void {
  titles.forEach((t, i) => {
    const cell = sheet.getCell(row, col + i);
    cell.value = t;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { vertical: "middle", wrapText: false };
  });
}

/** A title in column A; with `span`, merged over that many columns so that it never gets cut. */
export function title(sheet: Sheet, row: number, text: string, size = 14, span = 0): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size };
  if (span > 1) sheet.mergeCells(row, 1, row, span);
}

export function boldRow(sheet: Sheet, row: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = sheet.getCell(row, c);
    cell.font = { bold: true };
    cell.border = { top: { style: "thin" } };
  }
}

/** Column widths that fit the content (within bounds), landscape print fitted to the page width. */
export function finishSheet(sheet: Sheet, opts: { freezeRows?: number; filter?: { row: number; from: number; to: number; lastRow: number } } = {}): void {
  const widths: number[] = [];
  const wrapped: { row: number; col: number; length: number }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged) {
        // a merged text spans its columns and wraps: it does not set their widths
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
        return;
      }
      const v = cell.value as Value;
      let len: number;
      if (v === null || v === undefined) len = 0;
      else if (typeof v === "object" && "result" in v) len = typeof v.result === "number" ? formatNumberWidth(v.result, cell.numFmt) : String(v.result).length;
      else if (typeof v === "number") len = formatNumberWidth(v, cell.numFmt);
      else {
        const text = String(v);
        len = text.length;
        if (len > LONG_TEXT && text.includes(" ")) {
          // long prose (sources, messages) wraps in a column of readable width; its row grows below
          cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
          wrapped.push({ row: Number(cell.row), col, length: len });
          len = LONG_TEXT;
        }
      }
      if (cell.font?.size && cell.font.size > 12) len = Math.min(len, 12); // titles overflow into empty cells
      widths[col] = Math.max(widths[col] ?? 8, len + 2);
    });
  });
  widths.forEach((w, i) => {
    if (i > 0) sheet.getColumn(i).width = Math.min(w, 70);
  });
  // Spreadsheets do not grow a row for wrapped text on their own when a file is opened: set heights.
  const lines = new Map<number, number>();
  for (const c of wrapped) {
    const width = Math.max(10, (sheet.getColumn(c.col).width ?? LONG_TEXT) - 2);
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, Math.ceil((c.length * 1.1) / width)));
  }
  for (const [row, n] of lines) if (n > 1) sheet.getRow(row).height = 13 * n;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (!lines.has(Number(row.number))) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.alignment = { ...cell.alignment, vertical: "top" };
    });
  });
  if (opts.freezeRows) sheet.views = [{ state: "frozen", ySplit: opts.freezeRows, xSplit: 0 }];
  if (opts.filter && opts.filter.lastRow > opts.filter.row) {
    sheet.autoFilter = { from: { row: opts.filter.row, column: opts.filter.from }, to: { row: opts.filter.lastRow, column: opts.filter.to } };
  }
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  if (opts.freezeRows) sheet.pageSetup.printTitlesRow = `1:${opts.freezeRows}`;
  sheet.headerFooter = { oddFooter: `&L${sheet.name}&R&P / &N` };
}

function formatNumberWidth(n: number, fmt: string | undefined): number {
  const digits = Math.abs(Math.trunc(n)).toString().length;
  const groups = Math.floor((digits - 1) / 3);
  if (fmt?.includes("%")) return digits + 9;
  if (fmt === FORMATS.shareExact) return 18;
  if (fmt === FORMATS.value) return digits + groups + 11;
  return digits + groups + (fmt === FORMATS.count ? 1 : 4);
}

export function newWorkbook(creator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const INPUT_WORDS = {
  sv: { title: "Indata", role: "Roll", file: "Fil", encoding: "Kodning", delimiter: "Avgränsare", bytes: "Byte", rows: "Rader", reader: "Läsare" },
  en: { title: "Inputs", role: "Role", file: "File", encoding: "Encoding", delimiter: "Delimiter", bytes: "Bytes", rows: "Rows", reader: "Reader" },
};

/**
 * The inputs sheet of every workbook: each input file with its SHA-256, encoding, delimiter, size
 * and rows, then facts about the run (label, value) below.
 */
export function inputsSheet(sheet: Sheet, lang: Lang, inputs: InputFileInfo[], facts: [string, string | number][]): void {
  const w = INPUT_WORDS[lang];
  title(sheet, 1, w.title, 14, 6);
  header(sheet, 2, [w.role, w.file, "SHA-256", w.encoding, w.delimiter, w.bytes, w.rows, w.reader]);
  inputs.forEach((f, k) => {
    const row = 3 + k;
    put(sheet, row, 1, f.role);
    put(sheet, row, 2, f.file);
    put(sheet, row, 3, f.sha256);
    put(sheet, row, 4, f.encoding ?? "");
    put(sheet, row, 5, f.delimiter === "\t" ? "TAB" : (f.delimiter ?? ""));
    put(sheet, row, 6, f.bytes, FORMATS.count);
    if (f.rows !== undefined) put(sheet, row, 7, f.rows, FORMATS.count);
    put(sheet, row, 8, f.reader ?? "");
  });
  facts.forEach(([label, value], k) => {
    const row = 4 + inputs.length + k;
    put(sheet, row, 1, label, undefined, true);
    put(sheet, row, 2, value, typeof value === "number" ? FORMATS.count : undefined);
  });
  finishSheet(sheet, { freezeRows: 2 });
}
