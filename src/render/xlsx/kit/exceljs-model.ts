/**
 * The two places that reach into exceljs's private model: its merged ranges by master cell, and
 * the move of every row of a sheet (exceljs has no public way to move rows with their formulas,
 * merges, frozen panes and filter). Kept here, together, so that an exceljs upgrade is checked in
 * one file.
 */
import type ExcelJS from "exceljs";
import type { Sheet } from "./cells.js";
import { shiftFormulaRows } from "./formula.js";

/** The merged ranges of a sheet, in the order they were made. */
export function mergedRanges(sheet: Sheet): { top: number; left: number; bottom: number; right: number }[] {
  // exceljs keeps its merged ranges by master cell, in the order they were made (as shiftRows
  // uses them too); `sheet.model` would list the same ranges but first rebuild every row's model.
  const merges = (sheet as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  return Object.values(merges).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
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

/**
 * Moves every row of a sheet down by `k`: cells, formulas, merges, heights, views, filter, print
 * titles; the texts at `refTexts` (addresses of cells that show a reference) move like formulas.
 */
export function shiftRows(sheet: Sheet, k: number, refTexts: ReadonlySet<string>): void {
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
}
