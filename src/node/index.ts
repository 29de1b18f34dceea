/**
 * vardavtal/node: the calculation from files (CSV and JSON), as the command line does it, and
 * the outputs it writes. Safe to bundle: the bundled tariffs are compiled in, and the fast
 * reader falls back to the general reader when its worker threads cannot start.
 *
 * @packageDocumentation
 */
export { calculateFiles, loadTariffArg, loadPopulationArg, FAST_THRESHOLD } from "./run.js";
export type { FileRun, FileRunOptions } from "./run.js";
export { fileSource, readConsumptionFile, readPopulationFile, readTariffFile, readCostsFile, readPaymentsFile } from "./files.js";
export { resultCsvFiles } from "../render/csv/result-csv.js";
export { writeFilesAtomically } from "./atomic-write.js";
export type { PendingFile } from "./atomic-write.js";
export { bundledYears, TARIFFS_DIR, EXAMPLES_DIR } from "./paths.js";
