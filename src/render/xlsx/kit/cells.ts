/**
 * Typed cells of a report workbook: the number formats, amounts and shares as exact cell numbers,
 * cell addresses and references, the cell limits of Excel, and the writers of one cell (a value,
 * money, a formula with its cached result, a header, a title, a bold total row).
 */
import { columnLetter } from "../../../text/diagnostics.js";
import type ExcelJS from "exceljs";
import { formatOre, formatRational } from "../../../core/model/decimal.js";
import { MAX_RESULT_ORE } from "../../../core/model/limits.js";

export type Sheet = ExcelJS.Worksheet;

/** The fill of a header cell (header), by which the layout knows a header. */
export const HEADER_FILL = "FFDCE6F1";

export const FORMATS = {
  money: '#,##0.00;[Red]-#,##0.00',
  value: '#,##0.00######;[Red]-#,##0.00######',
  count: "#,##0",
  share: "0.0000%",
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

/** A 1-based column number as Excel names the column: 1 → A, 27 → AA. */
export function colLetter(col: number): string {
  return columnLetter(col - 1);
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

/** What a cell holds: a text, a number, nothing, or a formula with its cached result. */
export type Value = string | number | null | { formula: string; result: number | string };

/** Characters (UTF-16 units) a cell can hold in Excel. */
export const MAX_CELL_TEXT = 32_767;
/** Characters in a formula, in Excel. */
export const MAX_FORMULA_LENGTH = 8_192;

/**
 * The last line of defence for the cell limits: inputs are bounded (src/core/model/limits.ts) so no
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
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { vertical: "bottom", wrapText: false };
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
