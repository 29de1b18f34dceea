/**
 * What the commands need beyond yargs and the words: the tariff (and its schema, zod), the
 * readers, the calculation, the writers. `main` loads this module only when a command runs, so
 * `vardavtal --help`, `--version` and a usage error answer without loading any of it.
 */
export { InvariantError } from "../core/model/calculate.js";
export { ComparisonInvariantError } from "../core/analysis/compare.js";
export { resultToJson } from "../contracts/result-json.js";
export { CONSUMPTION_COLUMNS } from "../read/inputs.js";
export { assertOutputPaths, CSV_DIR_FILES, failOnWarnings, tariffInput, writeOutputs } from "../node/outputs.js";
export { EXAMPLES_DIR, packageVersion } from "../node/paths.js";
export { calculateFiles } from "../node/run.js";
export { scenarioLines } from "../text/scenario-lines.js";
export { TARIFF_SCHEMA_FILE } from "../core/model/tariff-schema.js";
export { summaryText } from "../render/text/summary.js";
export { loadXlsx } from "./load-xlsx.js";
