/**
 * The measures a print layout is estimated from: the A4 page and its margins, column widths and
 * row heights in points, the lines a text wraps to, and the scale at which a sheet fits a page.
 */
import type { Sheet } from "./cells.js";

/** Default row height (points) of a row whose height is not set. */
export const ROW_HEIGHT = 15;
/** A4 in inches. */
export const PAGE = { long: 11.69, short: 8.27 };
/** The scale of a sheet too wide to fit one page width at 8 points (11-point text prints at 8.25). */
export const WIDE_SCALE = 0.75;
/** The smallest print scale of a sheet fitted to a page: 11-point text prints at 8 points. */
export const MIN_PRINT_SCALE = 8 / 11;

/**
 * A column's width in points as printed. A width counts digits of the workbook's font: 7 px in
 * Excel's Calibri, 9.3 px in DejaVu Sans, which LibreOffice uses where Calibri is not installed.
 * Print layouts are chosen for the wider, so that both print at 8 points or more.
 */
export function columnPoints(width: number | undefined): number {
  return ((width ?? 9.14) * RENDER_DIGIT_PX + 5) * 0.75;
}
/** Widths are estimated: a sheet is fitted to the page width when it prints this much above 8 points. */
export const WIDTH_MARGIN = 1.03;
/** The widest digit (px at 96 dpi) a spreadsheet lays a column width out with. */
const RENDER_DIGIT_PX = 9.3;

/** The estimated lines a text needs in `width` characters of the default font at `size`. */
export function linesFor(text: string, width: number, size = 11, bold = false): number {
  const perLine = Math.max(4, (width - 1) * (11 / size) / (bold ? 1.3 : 1));
  let lines = 0;
  for (const para of text.split("\n")) lines += Math.max(1, Math.ceil(para.length / perLine));
  return lines;
}

export function lineHeight(size = 11): number {
  return Math.ceil(size * 1.3 + 1);
}

export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** The printable width and height of an A4 page (points) in an orientation, within the sheet's margins. */
export function printable(sheet: Sheet, orientation: "landscape" | "portrait"): { width: number; height: number } {
  const m = sheet.pageSetup.margins ?? MARGINS;
  const [w, h] = orientation === "landscape" ? [PAGE.long, PAGE.short] : [PAGE.short, PAGE.long];
  return { width: (w - m.left - m.right) * 72, height: (h - m.top - m.bottom) * 72 };
}

/** The last column that holds something of its own (not the rest of a text merged from its left). */
export function usedColumns(sheet: Sheet): number {
  let last = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > last && (!cell.isMerged || cell.master === cell)) last = col;
    });
  });
  return last;
}

/** The sheet's width in points as printed, columns 1…`to`. */
export function sheetWidth(sheet: Sheet, to = usedColumns(sheet)): number {
  let total = 0;
  for (let c = 1; c <= to; c++) total += columnPoints(sheet.getColumn(c).width);
  return total;
}

/** The scale at which the sheet's columns fit one page width. */
export function widthScale(sheet: Sheet, orientation: "landscape" | "portrait"): number {
  return Math.min(1, printable(sheet, orientation).width / Math.max(sheetWidth(sheet), 1));
}

/** The sheet's height in points as printed (rows without a height at the default). */
export function sheetHeight(sheet: Sheet): number {
  let total = 0;
  for (let r = 1; r <= sheet.rowCount; r++) total += sheet.getRow(r).height || ROW_HEIGHT;
  return total;
}
