/**
 * The banner over every sheet of a workbook (UTKAST, a scenario's assumptions), written when the
 * workbook is written: the sheets are built without it and move down under it, their formulas and
 * the cells that show a reference (putRef) following.
 */
import type ExcelJS from "exceljs";
import { addr, checkCellValue, put, ref, type CellRef, type Sheet } from "./cells.js";
import { shiftRows } from "./exceljs-model.js";
import { lineHeight, linesFor, usedColumns } from "./measure.js";

const BANNER_FILL = "FFFFC7CE";
const BANNER_FONT = "FF9C0006";
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

/** The banner lines of a workbook (addBanner), none when it has no banner. */
export function bannerLines(wb: ExcelJS.Workbook): string[] {
  return BANNERS.get(wb) ?? [];
}

/** Moves every row of a sheet down by `k`, the reference texts (putRef) with them. */
export function moveRowsDown(sheet: Sheet, k: number): void {
  shiftRows(sheet, k, REF_TEXTS.get(sheet) ?? new Set<string>());
  REF_TEXTS.delete(sheet);
}

/**
 * Writes the banner into rows 1… of a sheet whose content starts below them, over its columns (or,
 * on a sheet printed over pages across, over the `labels` columns: those repeated on every page,
 * or the first page's).
 */
export function writeBanner(sheet: Sheet, lines: readonly string[], labels = 0): void {
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
