/**
 * `vardavtal demo`'s input: the example year's consumption, generated (src/read/example-year.ts)
 * into the demo's folder rather than shipped in the package (it was most of the tarball). The
 * controller finds it beside the reports and can open it in Excel.
 */
import { join } from "node:path";
import type { Lang } from "../text/messages.js";
import { exampleConsumptionCsv } from "../read/example-year.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { assertOutputPaths } from "./outputs.js";

/** The file name of the example year's consumption. */
const EXAMPLE_CONSUMPTION = "konsumtion-2025.csv";

/**
 * Writes the example year's consumption into `dir` (as `--out` names it in messages) and returns
 * its path. A folder that cannot be written is reported as for any output (InputError), with
 * the same checks the run makes next (`--out` must be a folder or absent).
 */
export function writeExampleConsumption(dir: string, lang: Lang): string {
  const path = join(dir, EXAMPLE_CONSUMPTION);
  assertOutputPaths({ inputs: [], files: [{ option: "--out", path }], dirs: [{ option: "--out", path: dir }] }, lang);
  writeFilesAtomically([{ path, data: exampleConsumptionCsv(), option: "--out" }], { lang });
  return path;
}
