/**
 * The workbook writers, loaded only when `--xlsx` asks for one: exceljs is an optional
 * dependency, so a package installed with `npm install --omit=optional` has none. Then `--xlsx`
 * is a usage error (XLSX_UNAVAILABLE, exit 2, nothing written), never a stack trace.
 */
import { InputError } from "../core/model/diagnostics.js";
import { isExceljsMissing } from "../node/table-files.js";

export { isExceljsMissing } from "../node/table-files.js";

type Xlsx = typeof import("../xlsx.js");

/**
 * `vardavtal/xlsx`, or InputError XLSX_UNAVAILABLE naming `option` when exceljs is missing.
 *
 * @param importer the import to make (tests give one that fails)
 */
export async function loadXlsx(option = "--xlsx", importer: () => Promise<Xlsx> = () => import("../xlsx.js")): Promise<Xlsx> {
  try {
    return await importer();
  } catch (e) {
    if (!isExceljsMissing(e)) throw e;
    throw new InputError([{ severity: "error", code: "XLSX_UNAVAILABLE", params: { option }, file: option, line: 1, column: 1 }]);
  }
}
