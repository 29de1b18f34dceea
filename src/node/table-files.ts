/**
 * Table inputs given on the command line: a CSV file, or an Excel workbook (`FILE.xlsx`, its
 * first sheet, or `FILE.xlsx#Blad`, the sheet Blad). A workbook is read with exceljs, an optional
 * dependency imported here only when an input is one; without it the run stops with
 * XLSX_READ_UNAVAILABLE (exit 2), never a stack trace.
 */
import { readFileSync } from "node:fs";
import type { ConsumptionAccumulator } from "../core/model/consumption.js";
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import type { PopulationInput } from "../core/model/key.js";
import { emptyInfo, readFailure, type CsvInfo, type ReadOptions } from "../read/csv.js";
import { readConsumption, readCosts, readPopulation, type CostRow, type TableSource } from "../read/inputs.js";
import { fileSource, nodeSha256 } from "./files.js";
import { tableArg } from "./table-arg.js";

export { tableArg };

/** Whether an import failed because the package exceljs is not installed (not some other fault). */
export function isExceljsMissing(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && typeof message === "string" && /['"]exceljs['"/]/.test(message);
}

type SheetReader = typeof import("../read/xlsx-sheet.js");

/**
 * The table input an argument names: a CSV file as a streamed ByteSource, a workbook's sheet
 * read whole (its cells typed). Problems (an unreadable file, a missing sheet, no exceljs) go to
 * the bag and give undefined.
 *
 * @param importer the import of the sheet reader (tests give one that fails)
 */
export async function tableSource(arg: string, bag: DiagnosticBag, importer: () => Promise<SheetReader> = () => import("../read/xlsx-sheet.js")): Promise<TableSource | undefined> {
  const { file, sheet, workbook } = tableArg(arg);
  if (!workbook) return fileSource(arg);
  const at = { file, line: 1, column: 1 };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    bag.error("FILE_READ", { reason: readFailure(e) }, at);
    return undefined;
  }
  let reader: SheetReader;
  try {
    reader = await importer();
  } catch (e) {
    if (!isExceljsMissing(e)) throw e;
    bag.error("XLSX_READ_UNAVAILABLE", {}, at);
    return undefined;
  }
  const table = await reader.readSheet(file, bytes, bag, { ...(sheet !== undefined ? { sheet } : {}), sha256: nodeSha256 });
  return table ? { table } : undefined;
}

/** The info of an input that could not be read at all (already reported). */
function unreadable(path: string): CsvInfo {
  return { ...emptyInfo(path), readable: false };
}

/** Streams a consumption file (CSV, or a workbook's sheet) into the accumulator. */
export async function readConsumptionFile(path: string, acc: ConsumptionAccumulator, bag: DiagnosticBag, options: ReadOptions = {}): Promise<CsvInfo> {
  const source = await tableSource(path, bag);
  return source ? readConsumption(source, acc, bag, options) : unreadable(path);
}

/** Reads a population file (part; befolkning; datum, or an SCB export; CSV or a workbook's sheet). */
export async function readPopulationFile(path: string, bag: DiagnosticBag): Promise<{ population: PopulationInput; info: CsvInfo }> {
  const source = await tableSource(path, bag);
  return source ? readPopulation(source, bag) : { population: { file: path, entries: [] }, info: unreadable(path) };
}

/** Reads a joint-costs file (post; part; belopp; CSV or a workbook's sheet) for check-key. */
export async function readCostsFile(path: string, bag: DiagnosticBag): Promise<{ rows: CostRow[]; info: CsvInfo }> {
  const source = await tableSource(path, bag);
  return source ? readCosts(source, bag) : { rows: [], info: unreadable(path) };
}
