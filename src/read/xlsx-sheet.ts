/**
 * Reads one sheet of an `.xlsx` workbook into a SheetTable (typed cells) with exceljs. Imported
 * only by the `vardavtal/xlsx` entry, so exceljs (an optional dependency) loads only when a table
 * input is a workbook; `src/read/sheet.ts` turns the cells into the records every table reader
 * checks.
 */
import ExcelJS from "exceljs";
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import type { SheetTable, SheetValue } from "./sheet.js";
import { sha256, type Sha256Hasher } from "./sha256.js";

/** The cell's value, a formula by its cached result, rich text and links by their text. */
function cellValue(v: ExcelJS.CellValue): SheetValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v !== "object") return null;
  if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
  if ("error" in v && typeof v.error === "string") return { error: v.error };
  if ("formula" in v || "sharedFormula" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in v) return cellValue((v as { text: ExcelJS.CellValue }).text);
  return null;
}

/**
 * The sheet `sheet` (matched as written, else without case) or the workbook's first sheet, with
 * every non-empty row. A file that is no workbook (XLSX_UNREADABLE) or has no such sheet
 * (XLSX_SHEET_MISSING, naming the sheets it has) is reported at the file and gives undefined.
 *
 * @param file the name messages give the workbook (a path or a file name)
 */
export async function readSheet(file: string, bytes: Uint8Array, bag: DiagnosticBag, options: { sheet?: string; sha256?: () => Sha256Hasher } = {}): Promise<SheetTable | undefined> {
  const at = { file, line: 1, column: 1 };
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs takes a Buffer; a Uint8Array over the same memory is one in Node
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    bag.error("XLSX_UNREADABLE", { reason: e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e) }, at);
    return undefined;
  }
  const sheets = wb.worksheets;
  const wanted = options.sheet;
  const ws = wanted === undefined ? sheets[0] : (sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()));
  if (!ws) {
    bag.error("XLSX_SHEET_MISSING", { sheet: wanted ?? "", sheets: sheets.map((s) => s.name).join(", ") || "–" }, at);
    return undefined;
  }
  const rows: SheetTable["rows"] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: SheetValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(cellValue(row.getCell(c).value));
    rows.push({ row: rowNumber, values });
  });
  const h = (options.sha256 ?? sha256)();
  h.update(bytes);
  return { name: `${file}#${ws.name}`, file, sheet: ws.name, bytes: bytes.length, sha256: h.hex(), date1904: wb.properties?.date1904 === true, rows };
}
