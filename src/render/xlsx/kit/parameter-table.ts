import { put, type CellRef, type Sheet } from "./cells.js";
import { finishSheet } from "./layout.js";

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
