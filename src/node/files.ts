/**
 * The input readers over files: a ByteSource for a path (streamed, hashed with `node:crypto`),
 * and the small JSON files read whole. The table readers taking a path (CSV or a workbook's
 * sheet) are in `table-files.ts`.
 */
import { readFileSync, statSync } from "node:fs";
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import type { CompiledTariff } from "../core/model/tariff.js";
import { readCsv, readFailure, type CsvInfo, type CsvRecord, type ReadOptions } from "../read/csv.js";
import { hashedText, type HashedFile } from "../read/inputs.js";
import { tariffFromText } from "../read/tariff-text.js";
import { fileSource, nodeSha256 } from "./source.js";

export { fileSource, nodeSha256 } from "./source.js";

/** Streams a CSV file as batches of records (header first); see `readCsv`. */
export function readCsvFile(file: string, bag: DiagnosticBag, info: CsvInfo, options: ReadOptions = {}): AsyncGenerator<CsvRecord[]> {
  return readCsv(fileSource(file), bag, info, options);
}

/** Reads a small text file whole (a tariff, a result JSON), with its hash. */
export function readTextFile(file: string, role: InputFileInfo["role"], bag: DiagnosticBag): HashedFile | undefined {
  try {
    return hashedText(file, role, readFileSync(file), nodeSha256);
  } catch (e) {
    bag.error("FILE_READ", { reason: readFailure(e) }, { file, line: 1, column: 1 });
    return undefined;
  }
}

/** Loads a tariff file; errors (with positions) go to the bag. */
export function readTariffFile(file: string, bag: DiagnosticBag): { tariff: CompiledTariff; info: InputFileInfo } | undefined {
  const f = readTextFile(file, "tariff", bag);
  return f && tariffFromText(f, bag);
}

/** A file's size in bytes, 0 when it cannot be read (the reader reports that). */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
