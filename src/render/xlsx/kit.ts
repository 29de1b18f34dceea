/**
 * Small helpers for writing report workbooks with exceljs: typed cells (money, share, count,
 * text), formulas with their cached results, and the layout a finance report needs (bold
 * headers and totals, frozen header rows, autofilter, widths that fit, landscape print fitted
 * to the page width).
 */
import { workbookWord, type WorkbookWord } from "../../text/workbook-words.js";
import ExcelJS from "exceljs";
import { formatOre, formatRational } from "../../core/model/decimal.js";
import { MAX_RESULT_ORE } from "../../core/model/limits.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { readerName, roleName } from "../labels.js";
import { runTime } from "../run-time.js";
import type { Decision } from "../../core/model/tariff.js";
import { decisionText, dw } from "../../text/decided-words.js";

export { runTime } from "../run-time.js";

export type Sheet = ExcelJS.Worksheet;

/** Text longer than this wraps instead of widening its column. */
const LONG_TEXT = 40;

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

const HEADER_FILL = "FFDCE6F1";
const BANNER_FILL = "FFFFC7CE";
const BANNER_FONT = "FF9C0006";
/** Default row height (points) of a row whose height is not set. */
const ROW_HEIGHT = 15;
/** A4 in inches. */
const PAGE = { long: 11.69, short: 8.27 };
/** The scale of a sheet too wide to fit one page width at 8 points (11-point text prints at 8.25). */
const WIDE_SCALE = 0.75;
/** The smallest print scale of a sheet fitted to a page: 11-point text prints at 8 points. */
export const MIN_PRINT_SCALE = 8 / 11;

/** How each finished sheet prints: its scale, and whether on one page. */
const PRINT = new WeakMap<Sheet, { scale: number; onePage: boolean }>();

function isHeaderCell(cell: ExcelJS.Cell): boolean {
  const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
  return fill?.fgColor?.argb === HEADER_FILL;
}

/** The number a cell shows, if it shows one. */
function numberOf(cell: ExcelJS.Cell): number | undefined {
  const v = cell.value as Value | undefined;
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "formula" in v) {
    if (typeof v.result === "number") return v.result;
    // exceljs keeps no cached result of 0: a formula with a number format shows a figure
    if (v.result === undefined && cell.numFmt) return 0;
  }
  return undefined;
}

/**
 * The text a number format shows for `n` (formats of the kit: `#,##0.00`, `0.0000%`,
 * `0.00####`, `#,##0`, `0`…), to size columns so that no figure is shown as ###.
 */
export function shownNumber(n: number, fmt: string | undefined): string {
  const section = (fmt ?? "General").split(";")[0] ?? "General";
  if (section === "General") return String(n);
  const percent = section.includes("%");
  const grouped = section.includes(",");
  const dec = /\.([0#]+)/.exec(section)?.[1] ?? "";
  const minDec = (dec.match(/0/g) ?? []).length;
  // spreadsheets show at most 15 significant digits
  const v = Number((percent ? n * 100 : n).toPrecision(15));
  const intDigits = Math.max(1, Math.trunc(Math.abs(v)).toString().length);
  let text = Math.abs(v).toFixed(Math.max(0, Math.min(dec.length, 15 - intDigits, 20)));
  if (text.includes(".")) {
    const [int = "", frac = ""] = text.split(".");
    let f = frac;
    while (f.length > minDec && f.endsWith("0")) f = f.slice(0, -1);
    text = f.length > 0 ? `${int}.${f}` : int;
  }
  if (grouped) text = text.replace(/^\d+/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  return `${v < 0 ? "-" : ""}${text}${percent ? "%" : ""}`;
}

/**
 * A column's width in points as printed. A width counts digits of the workbook's font: 7 px in
 * Excel's Calibri, 9.3 px in DejaVu Sans, which LibreOffice uses where Calibri is not installed.
 * Print layouts are chosen for the wider, so that both print at 8 points or more.
 */
function columnPoints(width: number | undefined): number {
  return ((width ?? 9.14) * RENDER_DIGIT_PX + 5) * 0.75;
}
/** Widths are estimated: a sheet is fitted to the page width when it prints this much above 8 points. */
const WIDTH_MARGIN = 1.03;
/** The widest digit (px at 96 dpi) a spreadsheet lays a column width out with. */
const RENDER_DIGIT_PX = 9.3;

/** The estimated lines a text needs in `width` characters of the default font at `size`. */
function linesFor(text: string, width: number, size = 11, bold = false): number {
  const perLine = Math.max(4, (width - 1) * (11 / size) / (bold ? 1.3 : 1));
  let lines = 0;
  for (const para of text.split("\n")) lines += Math.max(1, Math.ceil(para.length / perLine));
  return lines;
}

function lineHeight(size = 11): number {
  return Math.ceil(size * 1.3 + 1);
}

function mergedRanges(sheet: Sheet): { top: number; left: number; bottom: number; right: number }[] {
  // exceljs keeps its merged ranges by master cell, in the order they were made (as shiftRows
  // uses them too); `sheet.model` would list the same ranges but first rebuild every row's model.
  const merges = (sheet as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  return Object.values(merges).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}

/** The column widths prose wraps at, tried in turn until the sheet prints at 8 points or more. */
const PROSE_WIDTHS = [LONG_TEXT, 32, 26, 22];
/** A word without spaces (a hash, a path) longer than this wraps within its column. */
const LONG_WORD = 36;

/** What finishSheet was told about a sheet, for its print layout when the workbook is written. */
interface PrintOptions {
  /** the first columns that name a row (repeated on every page of a sheet printed over pages across) */
  labelColumns: number;
  freezeRows?: number;
  /** a page turned one way whatever fits larger (the overview: landscape, as the year's page is shown) */
  orientation?: "landscape" | "portrait";
}
const PRINT_OPTIONS = new WeakMap<Sheet, PrintOptions>();

/**
 * The layout of a finished sheet: column widths that fit the figures (no ###) and texts, headers
 * that wrap instead of widening a column and that align right over figures, a gap between a
 * figure and a text right of it, rows tall enough for wrapped and merged texts, prose wrapped
 * narrower when that lets the sheet print on the page width at 8 points or more, header rows
 * repeated on every printed page. How it prints (fitted, or over pages with `labelColumns`
 * repeated) is chosen when the workbook is written (printLayout, keepTablesTogether), from its
 * final widths and heights.
 */
export function finishSheet(sheet: Sheet, opts: { freezeRows?: number; filter?: { row: number; from: number; to: number; lastRow: number }; labelColumns?: number; orientation?: "landscape" | "portrait" } = {}): void {
  sameDecimals(sheet);
  // the widest prose that lets the sheet fit the page width; none does: prose at its usual width
  const printed = (widths: number[]): number => widths.reduce((a, w, i) => (i > 0 ? a + columnPoints(Math.min(w, 70)) : a), 0);
  const room = printable(sheet, "landscape").width / (MIN_PRINT_SCALE * WIDTH_MARGIN);
  const prose = PROSE_WIDTHS.find((p) => printed(sizeColumns(sheet, p, false)) <= room) ?? LONG_TEXT;
  sizeColumns(sheet, prose, true);
  fitMergedTexts(sheet);
  alignBesideFigures(sheet);
  if (opts.freezeRows) sheet.views = [{ state: "frozen", ySplit: opts.freezeRows, xSplit: 0 }];
  if (opts.filter && opts.filter.lastRow > opts.filter.row) {
    sheet.autoFilter = { from: { row: opts.filter.row, column: opts.filter.from }, to: { row: opts.filter.lastRow, column: opts.filter.to } };
  }
  PRINT_OPTIONS.set(sheet, { labelColumns: opts.labelColumns ?? 1, ...(opts.freezeRows ? { freezeRows: opts.freezeRows } : {}), ...(opts.orientation ? { orientation: opts.orientation } : {}) });
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false, margins: { ...MARGINS } };
  if (opts.freezeRows) sheet.pageSetup.printTitlesRow = `1:${opts.freezeRows}`;
  // the page number stands alone at the right ("Sida 2 / 5" would not be shorter): never within a figure
  sheet.headerFooter = { oddFooter: `&L${sheet.name.replace(/&/g, "&&")}&R&P / &N` };
}

/**
 * One number format per column: exact values (FORMATS.value, up to 8 decimals) are shown in their
 * column with as many decimals as its most precise figure needs (at least 2), so that no figure
 * with three decimals stands over one with two.
 */
function sameDecimals(sheet: Sheet): void {
  const cells = new Map<number, ExcelJS.Cell[]>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.numFmt !== FORMATS.value) return;
      cells.set(col, [...(cells.get(col) ?? []), cell]);
    });
  });
  for (const list of cells.values()) {
    let decimals = 2;
    for (const cell of list) {
      const n = numberOf(cell);
      if (n === undefined) continue;
      decimals = Math.max(decimals, (shownNumber(n, FORMATS.value).split(".")[1] ?? "").length);
    }
    const zeros = "0".repeat(decimals);
    for (const cell of list) cell.numFmt = `#,##0.${zeros};[Red]-#,##0.${zeros}`;
  }
}

/**
 * Column widths, wraps and row heights for the sheet's texts, prose wrapped at `prose` characters;
 * with `apply` false only the widths, the sheet untouched.
 */
function sizeColumns(sheet: Sheet, prose: number, apply: boolean): number[] {
  const widths: number[] = [];
  const wrapped: { row: number; col: number; text: string }[] = [];
  const headers: { row: number; col: number; text: string }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged) {
        // a merged text spans its columns and wraps: it does not set their widths
        if (apply) cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
        return;
      }
      const v = cell.value as Value;
      let len: number;
      const num = numberOf(cell);
      if (v === null || v === undefined) len = 0;
      else if (num !== undefined) len = shownNumber(num, cell.numFmt).length + (cell.font?.bold ? 2 : 1);
      else if (typeof v === "object" && "result" in v) len = String(v.result).length;
      else {
        const text = String(v);
        if (isHeaderCell(cell)) {
          headers.push({ row: Number(row.number), col, text });
          return; // sized below, after the figures under it
        }
        const word = !text.includes(" ");
        // a long word (a hash, a path) is wider than the digits a column width counts
        len = text.length > 20 && word ? Math.ceil(text.length * 1.1) : text.length;
        if ((len > prose && !word) || (len > LONG_WORD && word && cell.font?.size === undefined)) {
          // long prose (sources, messages) wraps in a column of readable width, a long word
          // within its column; the row grows below
          if (apply) cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
          wrapped.push({ row: Number(cell.row), col, text });
          len = word ? LONG_WORD : prose;
        }
      }
      if (cell.font?.size && cell.font.size > 12) len = Math.min(len, 12); // titles overflow into empty cells
      widths[col] = Math.max(widths[col] ?? 8, len + 2);
    });
  });
  // Headers: as wide as the figures below; a longer header wraps on two or three lines.
  const headerLines = new Map<number, number>();
  for (const h of headers) {
    const have = widths[h.col] ?? 8;
    const need = Math.ceil(h.text.length * 1.3) + 2; // bold (wider still where a serif stands in), and a gap to the next header
    let width = Math.max(have, need);
    if (need > have && h.text.includes(" ")) {
      // wrapped on at most three lines, as wide as the figures below when they allow it
      const longest = Math.max(...h.text.split(/\s+/).map((x) => x.length));
      width = Math.min(need, Math.max(have, Math.ceil(longest * 1.3) + 2, Math.ceil(h.text.length / 3) + 4));
    }
    // two headers over figures side by side, both aligned right: a header that a narrower font
    // would show on one line, filling its column, gets the room of one line and a gap, so that it
    // never runs into the header left of it
    const overFigures = (col: number): boolean => col >= 1 && numberOf(sheet.getCell(h.row + 1, col)) !== undefined;
    const oneLine = Math.ceil(h.text.length * 0.95) + 2;
    if (h.col > 1 && overFigures(h.col) && overFigures(h.col - 1) && h.text.length * 0.8 <= width && width < oneLine) width = oneLine;
    widths[h.col] = Math.min(width, 70);
    const lines = linesFor(h.text, widths[h.col] ?? width, 11, true);
    if (lines > 1 && apply) {
      const cell = sheet.getCell(h.row, h.col);
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: "bottom" };
    }
    headerLines.set(h.row, Math.max(headerLines.get(h.row) ?? 1, lines));
  }
  if (!apply) return widths;
  widths.forEach((w, i) => {
    if (i > 0) sheet.getColumn(i).width = Math.min(w, 70);
  });
  for (const [row, n] of headerLines) if (n > 1) sheet.getRow(row).height = Math.max(sheet.getRow(row).height ?? 0, n * lineHeight(11));
  // Spreadsheets do not grow a row for wrapped text on their own when a file is opened: set heights.
  const lines = new Map<number, number>();
  for (const c of wrapped) lines.set(c.row, Math.max(lines.get(c.row) ?? 1, linesFor(c.text, sheet.getColumn(c.col).width ?? prose)));
  for (const [row, n] of lines) if (n > 1) sheet.getRow(row).height = Math.max(sheet.getRow(row).height ?? 0, n * lineHeight(11));
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (!lines.has(Number(row.number))) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.alignment = { ...cell.alignment, vertical: "top" };
    });
  });
  // a column of prose is indented, so that it never touches the column left of it
  const proseColumns = new Set(wrapped.map((c) => c.col).filter((c) => c > 1));
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (proseColumns.has(col) && typeof cell.value === "string" && !cell.isMerged && cell.alignment?.horizontal === undefined) cell.alignment = { ...cell.alignment, horizontal: "left", indent: 1 };
    });
  });
  return widths;
}

const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** The printable width and height of an A4 page (points) in an orientation, within the sheet's margins. */
function printable(sheet: Sheet, orientation: "landscape" | "portrait"): { width: number; height: number } {
  const m = sheet.pageSetup.margins ?? MARGINS;
  const [w, h] = orientation === "landscape" ? [PAGE.long, PAGE.short] : [PAGE.short, PAGE.long];
  return { width: (w - m.left - m.right) * 72, height: (h - m.top - m.bottom) * 72 };
}

/** The last column that holds something of its own (not the rest of a text merged from its left). */
function usedColumns(sheet: Sheet): number {
  let last = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > last && (!cell.isMerged || cell.master === cell)) last = col;
    });
  });
  return last;
}

/** The sheet's width in points as printed, columns 1…`to`. */
function sheetWidth(sheet: Sheet, to = usedColumns(sheet)): number {
  let total = 0;
  for (let c = 1; c <= to; c++) total += columnPoints(sheet.getColumn(c).width);
  return total;
}

/** The scale at which the sheet's columns fit one page width. */
function widthScale(sheet: Sheet, orientation: "landscape" | "portrait"): number {
  return Math.min(1, printable(sheet, orientation).width / Math.max(sheetWidth(sheet), 1));
}

/** The sheet's height in points as printed (rows without a height at the default). */
function sheetHeight(sheet: Sheet): number {
  let total = 0;
  for (let r = 1; r <= sheet.rowCount; r++) total += sheet.getRow(r).height || ROW_HEIGHT;
  return total;
}

/**
 * How a finished sheet prints, from its final widths: landscape fitted to the page width when
 * that keeps its 11-point text at 8 points or more; else over pages across at a readable scale,
 * its label columns repeated on every page (and the texts above its tables kept within them, so
 * that no page shows a cut title). Returns the columns the banner is kept within (0: fitted).
 */
function printLayout(sheet: Sheet): number {
  const opts = PRINT_OPTIONS.get(sheet) ?? { labelColumns: 1 };
  const ps = sheet.pageSetup;
  const fit = widthScale(sheet, "landscape");
  if (opts.orientation !== "landscape" && widthScale(sheet, "portrait") >= 1) {
    // a narrow sheet prints upright, at full size, more rows to a page
    sheet.pageSetup.orientation = "portrait";
    PRINT.set(sheet, { scale: 1, onePage: false });
    return 0;
  }
  if (fit >= MIN_PRINT_SCALE * WIDTH_MARGIN) {
    PRINT.set(sheet, { scale: fit, onePage: false });
    return 0;
  }
  // Too wide to read on one page width: printed at a readable scale over several pages across,
  // the first columns (what names each row) repeated on each.
  const labels = Math.max(1, Math.min(opts.labelColumns, sheet.columnCount));
  sheet.pageSetup = { ...ps, fitToPage: false, scale: Math.round(WIDE_SCALE * 100), pageOrder: "overThenDown", printTitlesColumn: `A:${colLetter(labels)}` };
  PRINT.set(sheet, { scale: WIDE_SCALE, onePage: false });
  return keepWithinLabels(sheet, labels);
}

/**
 * On a sheet printed over pages across, a text merged from the label columns over the columns
 * right of them (a title, a note) is merged over the label columns only and wraps there: every
 * page repeats it whole instead of cut at the page's edge. Label columns too narrow for that keep
 * the texts within the first page's columns instead. Returns the columns the texts are kept in.
 */
function keepWithinLabels(sheet: Sheet, labels: number): number {
  let room = 0;
  for (let c = 1; c <= labels; c++) room += sheet.getColumn(c).width ?? 9.14;
  if (room < 24) {
    // label columns too narrow to hold a title: the texts are kept within the first page's columns
    const width = printable(sheet, "landscape").width / WIDE_SCALE;
    let used = 0;
    let k = 0;
    while (k < usedColumns(sheet) && used + columnPoints(sheet.getColumn(k + 1).width) <= width) used += columnPoints(sheet.getColumn(++k).width);
    labels = Math.max(k, labels);
  }
  for (const m of mergedRanges(sheet)) {
    if (m.top !== m.bottom || m.left > labels || m.right <= labels) continue;
    const cell = sheet.getCell(m.top, m.left);
    const value = cell.value;
    sheet.unMergeCells(m.top, m.left, m.bottom, m.right);
    if (m.left < labels) sheet.mergeCells(m.top, m.left, m.top, labels);
    const c = sheet.getCell(m.top, m.left);
    c.value = value;
    c.alignment = { ...c.alignment, wrapText: true, vertical: "top" };
    let w = 0;
    for (let k = m.left; k <= labels; k++) w += sheet.getColumn(k).width ?? 9.14;
    const size = c.font?.size ?? 11;
    const row = sheet.getRow(m.top);
    row.height = Math.max(row.height ?? 0, linesFor(String(value ?? ""), w, size, Boolean(c.font?.bold)) * lineHeight(size) + (size > 12 ? 4 : 0));
  }
  return labels;
}

/** Merged texts (titles, notes) get rows tall enough for the lines they wrap to. */
function fitMergedTexts(sheet: Sheet): void {
  for (const m of mergedRanges(sheet)) {
    if (m.top !== m.bottom) continue;
    const cell = sheet.getCell(m.top, m.left);
    const v = cell.value;
    if (typeof v !== "string" || v === "") continue;
    let width = 0;
    for (let c = m.left; c <= m.right; c++) width += sheet.getColumn(c).width ?? 9.14;
    const size = cell.font?.size ?? 11;
    const n = linesFor(v, width, size, Boolean(cell.font?.bold));
    const need = n * lineHeight(size) + (size > 12 ? 4 : 0);
    const row = sheet.getRow(m.top);
    if (n > 1 || size > 12) row.height = Math.max(row.height ?? 0, need);
    if (n > 1 && size <= 12) {
      // the figures beside a wrapped label stand level with its first line
      row.eachCell({ includeEmpty: false }, (c) => {
        if (!c.isMerged) c.alignment = { ...c.alignment, vertical: "top" };
      });
    }
  }
}

/**
 * Headers over figures align right, with the figures; a text right of a figure (a source, a
 * status, a remark) is indented so that the two never touch; a figure written as text (an exact
 * share) aligns right like the figures.
 */
function alignBesideFigures(sheet: Sheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cell.value as Value;
      const text = typeof v === "string" || (v !== null && typeof v === "object" && typeof v.result === "string");
      if (!text || cell.isMerged) return;
      if (cell.alignment?.horizontal !== undefined) return;
      if (isHeaderCell(cell)) {
        const below = sheet.getCell(Number(row.number) + 1, col);
        if (numberOf(below) !== undefined || below.alignment?.horizontal === "right") {
          // a wrapped header keeps off its neighbour on the left even when a line fills the column
          cell.alignment = { ...cell.alignment, horizontal: "right", ...(cell.alignment?.wrapText ? { indent: 1 } : {}) };
          return;
        }
      }
      if (col > 1) {
        const left = row.getCell(col - 1);
        const leftRight = numberOf(left) !== undefined || left.alignment?.horizontal === "right";
        if (leftRight) cell.alignment = { ...cell.alignment, horizontal: "left", indent: 1 };
      }
    });
  });
}

// ---------------------------------------------------------------- decision and signatures

/** Sheets that end with a signature block (fitted to one page when they can be, see keepTablesTogether). */
const SIGNED = new WeakSet<Sheet>();

/** A decision as the signature block names it; several (a comparison's A and B) each with a label. */
export type DecisionLine = Decision | null | undefined | readonly { label: string; decision: Decision | null | undefined }[];

/**
 * Ends a workbook's first sheet: the decision the figures rest on ("Beslutad av
 * Samverkansnämnden 2025-12-08 § 12", or that the tariff is not decided), then the signature
 * block, Upprättad av / Datum and Granskad av / Datum, with lines to sign on. Called after
 * `finishSheet`: it uses the sheet's column widths and only widens a column too narrow for its
 * label. The block is a few rows under the figures, so it prints on their page; a sheet that fits
 * one page (fitted when the workbook is written) keeps it there.
 */
export function signatureBlock(sheet: Sheet, lang: Lang, decision: DecisionLine): void {
  SIGNED.add(sheet);
  // a little more of the page for the one page it prints on
  sheet.pageSetup.margins = { left: 0.35, right: 0.35, top: 0.45, bottom: 0.5, header: 0.2, footer: 0.25 };
  const lines = Array.isArray(decision)
    ? (decision as readonly { label: string; decision: Decision | null | undefined }[]).map((d) => `${d.label}: ${decisionText(d.decision, lang)}`)
    : [decisionText(decision as Decision | null | undefined, lang)];
  const width = (c: number): number => sheet.getColumn(c).width ?? 9.14;
  const labels = [dw(lang, "preparedBy"), dw(lang, "reviewedBy")];
  // column A holds the labels; the line to sign on runs over the next columns for at least 28
  // characters; then "Datum" and its line, at least 14 characters
  if (width(1) < Math.max(...labels.map((l) => l.length)) + 2) sheet.getColumn(1).width = Math.max(...labels.map((l) => l.length)) + 2;
  let c = 2;
  let signEnd = 2;
  for (let w = width(2); w < 28 && c < 12; ) w += width(++c);
  signEnd = c;
  const dateLabel = signEnd + 1;
  if (width(dateLabel) < dw(lang, "date").length + 2) sheet.getColumn(dateLabel).width = dw(lang, "date").length + 2;
  let dateEnd = dateLabel + 1;
  for (let w = width(dateEnd); w < 14 && dateEnd < dateLabel + 6; ) w += width(++dateEnd);
  const span = Math.max(dateEnd, sheet.columnCount);
  let spanWidth = 0;
  for (let k = 1; k <= span; k++) spanWidth += width(k);

  let r = sheet.rowCount + 2;
  for (const text of lines) {
    checkCellValue(text, `'${sheet.name}'!${addr(r, 1)}`);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { vertical: "top", wrapText: true };
    sheet.mergeCells(r, 1, r, span);
    sheet.getRow(r).height = linesFor(text, spanWidth, 11, true) * lineHeight(11) + 2;
    r++;
  }
  r++;
  for (const label of labels) {
    const row = sheet.getRow(r);
    row.height = 30; // room to sign above the line
    const put1 = (col: number, text: string): void => {
      const cell = sheet.getCell(r, col);
      cell.value = text;
      cell.alignment = { vertical: "bottom", horizontal: col === 1 ? "left" : "right", ...(col === 1 ? {} : { indent: 1 }) };
    };
    put1(1, label);
    put1(dateLabel, dw(lang, "date"));
    for (let k = 2; k <= signEnd; k++) sheet.getCell(r, k).border = { bottom: { style: "thin" } };
    for (let k = dateLabel + 1; k <= dateEnd; k++) sheet.getCell(r, k).border = { bottom: { style: "thin" } };
    r++;
  }
}

// ---------------------------------------------------------------- banner and page breaks

const BANNERS = new WeakMap<ExcelJS.Workbook, string[]>();
/** Cells whose text is a cell reference ('Vårdavtal'!E5) that must follow the rows it names. */
const REF_TEXTS = new WeakMap<Sheet, Set<string>>();

/**
 * Lines shown in a coloured banner at the top of every sheet of the workbook (and on every printed
 * page): "UTKAST – illustrativa belopp" for an illustrative tariff, a scenario's assumptions. May be
 * called at any time before `workbookBuffer`; the sheets are built as if the banner were not there
 * and move down under it when the workbook is written (formulas and references follow).
 */
export function addBanner(wb: ExcelJS.Workbook, lines: readonly string[]): void {
  const add = lines.filter((l) => l.trim() !== "");
  if (add.length === 0) return;
  for (const l of add) checkCellValue(l, "banner");
  BANNERS.set(wb, [...(BANNERS.get(wb) ?? []), ...add]);
}

/** A cell showing where another cell is ('Vårdavtal'!E5), kept right when rows move. */
export function putRef(sheet: Sheet, row: number, col: number, target: CellRef): CellRef {
  const c = put(sheet, row, col, ref(target));
  let set = REF_TEXTS.get(sheet);
  if (!set) REF_TEXTS.set(sheet, (set = new Set()));
  set.add(addr(row, col));
  return c;
}

const CELL_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![0-9A-Za-z_(!.])/g;

/**
 * A formula (or a reference text) with every row number moved down by `k`, outside string
 * literals ("…") and quoted sheet names ('…'). Used when every sheet of a workbook moves down by
 * the same number of rows, so that references across sheets move alike.
 */
export function shiftFormulaRows(f: string, k: number): string {
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < f.length) {
        if (f[j] === ch) {
          if (f[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < f.length && f[j] !== '"' && f[j] !== "'") j++;
    out += f.slice(i, j).replace(CELL_REF, (_m, pre: string, d1: string, col: string, d2: string, row: string) => `${pre}${d1}${col}${d2}${Number(row) + k}`);
    i = j;
  }
  return out;
}

const shiftAddress = (a: string, k: number): string => a.replace(/(\$?)(\d+)$/, (_m, d: string, r: string) => `${d}${Number(r) + k}`);
const shiftRange = (a: string, k: number): string => a.split(":").map((x) => shiftAddress(x, k)).join(":");

interface CellModel {
  address: string;
  type: number;
  formula?: string;
  master?: string;
  value?: unknown;
}

/** Moves every row of a sheet down by `k`: cells, formulas, merges, heights, views, filter, print titles. */
function shiftRows(sheet: Sheet, k: number): void {
  const refTexts = REF_TEXTS.get(sheet) ?? new Set<string>();
  const model = sheet.model as unknown as {
    rows: { number: number; cells: CellModel[] }[];
    merges: string[];
    mergeCells?: string[];
    autoFilter?: unknown;
    views?: { state?: string; ySplit?: number; xSplit?: number; topLeftCell?: string }[];
  };
  for (const row of model.rows) {
    row.number += k;
    for (const c of row.cells) {
      if (refTexts.has(c.address) && typeof c.value === "string") c.value = shiftFormulaRows(c.value, k);
      c.address = shiftAddress(c.address, k);
      if (c.master) c.master = shiftAddress(c.master, k);
      if (c.formula) c.formula = shiftFormulaRows(c.formula, k);
    }
  }
  model.mergeCells = model.merges.map((m) => shiftRange(m, k));
  const f = model.autoFilter as { from: { row: number }; to: { row: number } } | string | undefined;
  if (typeof f === "string") model.autoFilter = shiftRange(f, k);
  else if (f && typeof f === "object") model.autoFilter = { ...f, from: { ...f.from, row: f.from.row + k }, to: { ...f.to, row: f.to.row + k } };
  (sheet as unknown as { _merges: object })._merges = {};
  sheet.model = model as unknown as ExcelJS.WorksheetModel;
  for (const v of sheet.views) {
    if (v.state === "frozen" && (v as { ySplit?: number }).ySplit) {
      const fz = v as { ySplit: number; topLeftCell?: string };
      fz.ySplit += k;
      if (fz.topLeftCell) fz.topLeftCell = shiftAddress(fz.topLeftCell, k);
    }
  }
  REF_TEXTS.delete(sheet);
}

/**
 * Writes the banner into rows 1… of a sheet whose content starts below them, over its columns (or,
 * on a sheet printed over pages across, over the `labels` columns: those repeated on every page,
 * or the first page's).
 */
function writeBanner(sheet: Sheet, lines: readonly string[], labels = 0): void {
  const span = labels > 0 ? labels : Math.max(usedColumns(sheet), 4);
  let width = 0;
  for (let c = 1; c <= span; c++) width += sheet.getColumn(c).width ?? 9.14;
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: true, size: 12, color: { argb: BANNER_FONT } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: BANNER_FILL } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { top: { style: "thin", color: { argb: BANNER_FONT } }, bottom: { style: "thin", color: { argb: BANNER_FONT } } };
    sheet.mergeCells(i + 1, 1, i + 1, span);
    sheet.getRow(i + 1).height = linesFor(text, width, 12, true) * lineHeight(12) + 4;
  });
  const titles = sheet.pageSetup.printTitlesRow;
  const m = titles ? /^(\d+):(\d+)$/.exec(titles) : null;
  const k = lines.length + 1;
  // the banner is repeated on every printed page, with the rows already repeated
  sheet.pageSetup.printTitlesRow = m ? `1:${Number(m[2]) + k}` : `1:${lines.length}`;
}

/**
 * Page breaks that keep each table together: a table (a sub-title, its header and rows, up to the
 * next empty row) that does not fit below what is already on a page starts a new page; a table
 * longer than a page at least keeps its title, header and first rows together. Estimated from the
 * row heights and the print scale (every spreadsheet breaks pages a little differently).
 */
function keepTablesTogether(sheet: Sheet): void {
  const scale = PRINT.get(sheet)?.scale ?? 1;
  const ps = sheet.pageSetup;
  const m = ps.margins ?? { top: 0.6, bottom: 0.6 };
  const page = (((ps.orientation === "portrait" ? PAGE.long : PAGE.short) - m.top - m.bottom) * 72) / scale;
  const last = sheet.rowCount;
  // Every row gets its height written out, so that every spreadsheet lays the pages out alike
  // (LibreOffice's default rows are lower than Excel's 15 points).
  for (let r = 1; r <= last; r++) if (!sheet.getRow(r).height) sheet.getRow(r).height = ROW_HEIGHT;
  const height = (r: number): number => sheet.getRow(r).height || ROW_HEIGHT;
  const empty = (r: number): boolean => !sheet.getRow(r).hasValues;
  const titleRows = /^(\d+):(\d+)$/.exec(ps.printTitlesRow ?? "");
  const repeatTo = titleRows ? Number(titleRows[2]) : 0;
  let repeat = 0;
  for (let r = 1; r <= repeatTo; r++) repeat += height(r);
  const total = sheetHeight(sheet);
  if (SIGNED.has(sheet)) {
    // a first sheet that ends with its signature block prints on one page, figures and
    // signatures together, in the orientation where it is largest, when that keeps its
    // 11-point text at 8 points or more
    const scaleIn = (o: "landscape" | "portrait"): number => Math.min(widthScale(sheet, o), printable(sheet, o).height / Math.max(total, 1), 1);
    const best = PRINT_OPTIONS.get(sheet)?.orientation ?? (scaleIn("portrait") > scaleIn("landscape") ? "portrait" : "landscape");
    if (ps.fitToPage && scaleIn(best) >= MIN_PRINT_SCALE) {
      sheet.pageSetup.orientation = best;
      sheet.pageSetup.fitToHeight = 1;
      PRINT.set(sheet, { scale: scaleIn(best), onePage: true });
      return;
    }
  }
  if (ps.fitToPage && total <= page * 1.15 && Math.min(scale, (page * scale) / total) >= MIN_PRINT_SCALE) {
    // a sheet a little longer than a page prints on one page, a little smaller, never with a stray last page
    ps.fitToHeight = 1;
    PRINT.set(sheet, { scale: Math.min(scale, (page * scale) / total), onePage: true });
    return;
  }
  let y = 0;
  for (let r = 1; r <= last; r++) {
    const first = sheet.getCell(r, 1);
    const startsTable = r > repeatTo && r > 1 && first.font?.size === 12 && typeof first.value === "string" && empty(r - 1);
    if (startsTable) {
      let end = r;
      while (end + 1 <= last && !empty(end + 1)) end++;
      let need = 0;
      for (let q = r; q <= end; q++) need += height(q);
      if (need > page - repeat) {
        need = 0;
        for (let q = r; q <= Math.min(end, r + 4); q++) need += height(q);
      }
      if (y + need > page && y > repeat) {
        sheet.getRow(r - 1).addPageBreak();
        y = repeat;
      }
    }
    const h = height(r);
    if (y + h > page) y = repeat;
    y += h;
  }
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
  const banner = BANNERS.get(wb) ?? [];
  for (const sheet of wb.worksheets) {
    const labels = printLayout(sheet);
    if (banner.length > 0) {
      shiftRows(sheet, banner.length + 1);
      writeBanner(sheet, banner, labels);
    }
    keepTablesTogether(sheet);
  }
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

/**
 * The inputs sheet of every workbook: each input file with its SHA-256, encoding, delimiter, size
 * and rows, then facts about the run (label, value) below.
 */
export function inputsSheet(sheet: Sheet, lang: Lang, inputs: InputFileInfo[], facts: [string, string | number][]): void {
  const w = (k: WorkbookWord): string => workbookWord(lang, k);
  title(sheet, 1, w("inputs"), 14, 6);
  header(sheet, 2, [w("role"), w("inputs_file"), "SHA-256", w("encoding"), w("delimiter"), w("bytes"), w("rows"), w("reader")]);
  inputs.forEach((f, k) => {
    const row = 3 + k;
    put(sheet, row, 1, roleName(f.role, lang));
    put(sheet, row, 2, f.file);
    put(sheet, row, 3, f.sha256);
    put(sheet, row, 4, f.encoding ?? "");
    put(sheet, row, 5, f.delimiter === "\t" ? "TAB" : (f.delimiter ?? ""));
    put(sheet, row, 6, f.bytes, FORMATS.count);
    if (f.rows !== undefined) put(sheet, row, 7, f.rows, FORMATS.count);
    put(sheet, row, 8, readerName(f.reader, lang));
  });
  facts.forEach(([label, value], k) => {
    const row = 4 + inputs.length + k;
    put(sheet, row, 1, label, undefined, true);
    put(sheet, row, 2, value, typeof value === "number" ? FORMATS.count : undefined);
    sheet.getCell(row, 2).alignment = { horizontal: "left" }; // a list of facts: figures beside their labels
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
