import { workbookWord, type WorkbookWord } from "../../../text/workbook-words.js";
import type { Lang } from "../../../text/messages.js";
import type { InputFileInfo } from "../../../contracts/result-json.js";
import { readerName, roleName } from "../../labels.js";
import { FORMATS, header, put, title, type Sheet } from "./cells.js";
import { finishSheet } from "./layout.js";

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
