/** vardavtal/node: the calculation from files (CSV and JSON), as the command line does it. */
export { calculateFiles, loadTariffArg, loadPopulationArg } from "./run.js";
export type { FileRun, FileRunOptions } from "./run.js";
export { readConsumptionFile, readPopulationFile, readTariffFile } from "./files.js";
export { resultCsvFiles } from "../io/result-csv.js";
export { writeFilesAtomically } from "../io/output.js";
export { bundledYears, TARIFFS_DIR, EXAMPLES_DIR } from "./paths.js";
