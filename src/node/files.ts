/**
 * The input readers over files: a ByteSource for a path (streamed, hashed with `node:crypto`),
 * and the readers of `src/read/inputs.ts` taking a path, as the command line uses them.
 */
import { readFileSync, statSync } from "node:fs";
import type { ConsumptionAccumulator } from "../core/model/consumption.js";
import type { DiagnosticBag, Location } from "../core/model/diagnostics.js";
import type { PopulationInput } from "../core/model/key.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import type { Payment } from "../core/year/settlement.js";
import type { CompiledTariff } from "../core/model/tariff.js";
import { readCsv, readFailure, type CsvInfo, type CsvRecord, type ReadOptions } from "../read/csv.js";
import { hashedText, readConsumption, readCosts, readPayments, readPopulation, type CostRow, type HashedFile } from "../read/inputs.js";
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

/** Streams a consumption file into the accumulator. */
export function readConsumptionFile(file: string, acc: ConsumptionAccumulator, bag: DiagnosticBag, options: ReadOptions = {}): Promise<CsvInfo> {
  return readConsumption(fileSource(file), acc, bag, options);
}

/** Reads a population file (part; befolkning; datum). */
export function readPopulationFile(file: string, bag: DiagnosticBag): Promise<{ population: PopulationInput; info: CsvInfo }> {
  return readPopulation(fileSource(file), bag);
}

/** Reads a joint-costs file (post; part; belopp) for check-key. */
export function readCostsFile(file: string, bag: DiagnosticBag): Promise<{ rows: CostRow[]; info: CsvInfo }> {
  return readCosts(fileSource(file), bag);
}

/** Reads a payments file (betalare; mottagare; belopp; datum; avser) for the final settlement. */
export function readPaymentsFile(file: string, parties: readonly string[], bag: DiagnosticBag): Promise<{ payments: (Payment & { at: Location })[]; info: CsvInfo }> {
  return readPayments(fileSource(file), parties, bag);
}

/** A file's size in bytes, 0 when it cannot be read (the reader reports that). */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
