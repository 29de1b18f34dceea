/**
 * How each finished sheet prints, chosen when the workbook is written from its final widths and
 * heights: fitted to the page width, upright, or over pages across with its label columns
 * repeated (printLayout); page breaks that keep each table together, and a signed first sheet on
 * one page (keepTablesTogether).
 */
import { colLetter, type Sheet } from "./cells.js";
import { mergedRanges } from "./exceljs-model.js";
import { MIN_PRINT_SCALE, PAGE, ROW_HEIGHT, WIDE_SCALE, WIDTH_MARGIN, columnPoints, lineHeight, linesFor, printable, sheetHeight, usedColumns, widthScale } from "./measure.js";

/** How each finished sheet prints: its scale, and whether on one page. */
const PRINT = new WeakMap<Sheet, { scale: number; onePage: boolean }>();

/** What finishSheet was told about a sheet, for its print layout when the workbook is written. */
interface PrintOptions {
  /** the first columns that name a row (repeated on every page of a sheet printed over pages across) */
  labelColumns: number;
  freezeRows?: number;
  /** a page turned one way whatever fits larger (the overview: landscape, as the year's page is shown) */
  orientation?: "landscape" | "portrait";
}
const PRINT_OPTIONS = new WeakMap<Sheet, PrintOptions>();

/** Remembers what finishSheet was told about a sheet, for its print layout. */
export function rememberPrintOptions(sheet: Sheet, opts: PrintOptions): void {
  PRINT_OPTIONS.set(sheet, opts);
}

/** Sheets that end with a signature block (fitted to one page when they can be, see keepTablesTogether). */
const SIGNED = new WeakSet<Sheet>();

/** Marks a sheet that ends with a signature block (signatureBlock). */
export function markSigned(sheet: Sheet): void {
  SIGNED.add(sheet);
}

/**
 * How a finished sheet prints, from its final widths: landscape fitted to the page width when
 * that keeps its 11-point text at 8 points or more; else over pages across at a readable scale,
 * its label columns repeated on every page (and the texts above its tables kept within them, so
 * that no page shows a cut title). Returns the columns the banner is kept within (0: fitted).
 */
export function printLayout(sheet: Sheet): number {
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

/**
 * Page breaks that keep each table together: a table (a sub-title, its header and rows, up to the
 * next empty row) that does not fit below what is already on a page starts a new page; a table
 * longer than a page at least keeps its title, header and first rows together. Estimated from the
 * row heights and the print scale (every spreadsheet breaks pages a little differently).
 */
export function keepTablesTogether(sheet: Sheet): void {
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
