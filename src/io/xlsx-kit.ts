/**
 * Small helpers for writing report workbooks with exceljs: typed cells (money, share, count,
 * text), formulas with their cached results, and the layout a finance report needs (bold
 * headers and totals, frozen header rows, autofilter, widths that fit, landscape print fitted
 * to the page width).
 */
import ExcelJS from "exceljs";
import { formatOre, formatRational } from "../core/decimal.js";
import { MAX_RESULT_ORE } from "../core/limits.js";
import type { Lang } from "../core/messages.js";
import type { InputFileInfo } from "../core/result-json.js";
import { runTime } from "./run-time.js";

export { runTime } from "./run-time.js";

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
 * Öre as a cell number. A cell is an IEEE double in every spreadsheet, and spreadsheets show and
 * calculate with 15 significant digits (Excel shows 10015831143175.19 as 10015831143175.2, and
 * LibreOffice's ROUND gives that too). An amount is written only when its decimal has at most 15
 * significant digits and the double carries it exactly: every figure up to MAX_RESULT_ORE
 * (10¹³ kr) does. A larger amount would show a wrong öre: it stops the run, as an internal error
 * (the calculation refuses results beyond MAX_RESULT_ORE before a workbook is written).
 */
export function exactCellNumber(ore: bigint): number {
  const text = formatOre(ore);
  const n = Number(text);
  const significant = (ore < 0n ? -ore : ore).toString().replace(/0+$/, "").length;
  if (significant > 15 || !Number.isFinite(n) || canonical(String(n)) !== canonical(text)) {
    throw new RangeError(`internal: the amount ${text} has more significant digits than a spreadsheet cell shows and calculates with (15; results are bounded by ${formatOre(MAX_RESULT_ORE)})`);
  }
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

/** Characters (UTF-16 units) a cell can hold in Excel. */
export const MAX_CELL_TEXT = 32_767;
/** Characters in a formula, in Excel. */
export const MAX_FORMULA_LENGTH = 8_192;

/**
 * The last line of defence for the cell limits: inputs are bounded (src/core/limits.ts) so no
 * cell text can come near 32 767 characters, and formulas are built from cell references and
 * the program's own constants only. Breaking either is a bug in vardavtal, never an input
 * problem, and would make Excel refuse or silently cut the file: it stops the run instead.
 */
export function checkCellValue(value: Value, where: string): void {
  if (typeof value === "string" && value.length > MAX_CELL_TEXT) {
    throw new Error(`internal: the text of cell ${where} has ${value.length} characters, more than Excel's ${MAX_CELL_TEXT}`);
  }
  if (value !== null && typeof value === "object") {
    if (value.formula.length > MAX_FORMULA_LENGTH) throw new Error(`internal: the formula of cell ${where} has ${value.formula.length} characters, more than Excel's ${MAX_FORMULA_LENGTH}`);
    checkCellValue(value.result, where);
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`internal: cell ${where} would hold ${value}`);
}

/**
 * A text constant of the program (a model name, a component code) inside a formula. Input text
 * (ids, names, areas, labels, items) never goes into formula text: formulas reference the cell
 * that holds it, and compare with EXACT (no wildcards, no operators, case-sensitive).
 */
export function constantLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The sum of `values` over the rows whose `criteria[k]` range equals `criteria[k]` exactly:
 * SUMPRODUCT(EXACT(range,cell)*…*values). Unlike SUMIFS, nothing in the compared text is
 * interpreted (SUMIFS reads `*`, `?`, `~`, leading `=`, `<`, `>` and number-like text in its
 * criteria, and ignores case).
 */
export function sumExact(values: string, criteria: [range: string, cell: string][]): string {
  return `SUMPRODUCT(${[...criteria.map(([range, cell]) => `EXACT(${range},${cell})`), values].join("*")})`;
}

/** Writes a value with a number format into a cell and returns its reference. */
export function put(sheet: Sheet, row: number, col: number, value: Value, numFmt?: string, bold = false): CellRef {
  checkCellValue(value, `'${sheet.name}'!${addr(row, col)}`);
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
    checkCellValue(t, `'${sheet.name}'!${addr(row, col + i)}`);
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
  checkCellValue(text, `'${sheet.name}'!${addr(row, 1)}`);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size };
  // a large title needs a taller row, or it runs into the row below (spreadsheets keep the default height)
  if (size > 12) sheet.getRow(row).height = Math.max(sheet.getRow(row).height ?? 0, Math.ceil(size * 1.5));
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

/** The time of a report: the caller's `runAt` (an ISO timestamp) when given and valid, else runTime(). */
export function reportTime(runAt: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const given = runAt !== undefined ? new Date(runAt) : undefined;
  return given && !Number.isNaN(given.getTime()) ? given : runTime(env);
}

/** A new workbook whose document properties carry `at` (created and modified) and no other time. */
export function newWorkbook(creator: string, at: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = at;
  wb.modified = at;
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

/**
 * The .xlsx bytes. exceljs stamps every ZIP entry with the time of writing; the entries get the
 * workbook's own time instead (wb.modified), so that the same workbook gives the same bytes.
 */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return setZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), wb.modified ?? new Date());
}

/**
 * Sets the modification time of every entry of a ZIP archive (local headers and central
 * directory) to `at`, in place. DOS times have 2-second steps and cover 1980–2107 (clamped).
 * Throws on anything but a plain single-disk archive, which is all exceljs writes.
 */
export function setZipTimes(zip: Buffer, at: Date): Buffer {
  const { time, date } = dosDateTime(at);
  const eocdMin = 22;
  let eocd = -1;
  for (let i = zip.length - eocdMin; i >= Math.max(0, zip.length - eocdMin - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("internal: the workbook is not a ZIP archive");
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("internal: unexpected ZIP central directory");
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error("internal: unexpected ZIP local header");
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

function dosDateTime(at: Date): { time: number; date: number } {
  const year = at.getUTCFullYear();
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 }; // 1980-01-01 00:00:00
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
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

/**
 * The table of a Parametrar sheet: section, item, detail, value, source, one row per tariff value
 * from row 3 (under the caller's title and header). `add` returns the value's cell, for formulas
 * that refer to it; `finish` freezes the header and sets the filter.
 */
export class ParameterTable {
  private row = 3;
  constructor(private readonly sheet: Sheet) {}

  add(section: string, item: string, detail: string, value: string | number | null, numFmt: string | undefined, source: string | undefined): CellRef {
    const P = this.sheet;
    put(P, this.row, 1, section);
    put(P, this.row, 2, item);
    put(P, this.row, 3, detail);
    const c = put(P, this.row, 4, value, numFmt);
    put(P, this.row, 5, source ?? "");
    this.row++;
    return c;
  }

  /** `indentSources`: the source column left-aligned and indented, away from the figures. */
  finish(indentSources = false): void {
    if (indentSources) for (let r = 2; r < this.row; r++) this.sheet.getCell(r, 5).alignment = { horizontal: "left", indent: 1 };
    finishSheet(this.sheet, { freezeRows: 2, filter: { row: 2, from: 1, to: 5, lastRow: this.row - 1 } });
  }
}
