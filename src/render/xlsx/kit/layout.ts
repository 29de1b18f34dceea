/**
 * The layout of a finished sheet (finishSheet): one number format per column, column widths that
 * fit the figures and texts, headers and prose that wrap, rows tall enough for them, alignment
 * beside figures, frozen header rows, the filter, and the page setup its print layout starts from.
 */
import type ExcelJS from "exceljs";
import { FORMATS, HEADER_FILL, type Sheet, type Value } from "./cells.js";
import { mergedRanges } from "./exceljs-model.js";
import { MARGINS, MIN_PRINT_SCALE, WIDTH_MARGIN, columnPoints, lineHeight, linesFor, printable } from "./measure.js";
import { rememberPrintOptions } from "./print.js";

/** Text longer than this wraps instead of widening its column. */
const LONG_TEXT = 40;
/** The column widths prose wraps at, tried in turn until the sheet prints at 8 points or more. */
const PROSE_WIDTHS = [LONG_TEXT, 32, 26, 22];
/** A word without spaces (a hash, a path) longer than this wraps within its column. */
const LONG_WORD = 36;

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
  rememberPrintOptions(sheet, { labelColumns: opts.labelColumns ?? 1, ...(opts.freezeRows ? { freezeRows: opts.freezeRows } : {}), ...(opts.orientation ? { orientation: opts.orientation } : {}) });
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
