/**
 * `vardavtal demo`'s input: the example year's consumption, generated (src/read/example-year.ts)
 * into the demo's folder rather than shipped in the package (it was most of the tarball). The
 * controller finds it beside the reports and can open it in Excel.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../core/model/diagnostics.js";
import type { Lang } from "../text/messages.js";
import { exampleConsumptionCsv } from "../read/example-year.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { assertOutputPaths } from "./outputs.js";

/** The file name of the example year's consumption. */
const EXAMPLE_CONSUMPTION = "konsumtion-2025.csv";

/** The marker the demo leaves in its folder: a folder holding it was written by the demo. */
export const DEMO_MARKER = ".vardavtal-demo";

/**
 * The demo writes only into a folder that is absent, empty, or one it wrote itself (its marker
 * is there): the names it uses (konsumtion-2025.csv, resultat-2025.json, …) are the names a
 * controller's own year has, and must never be overwritten. Otherwise DEMO_FOLDER_IN_USE names
 * the folder's files.
 */
function assertDemoFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return; // absent (or not a folder: the output checks say so)
  const names = readdirSync(dir).sort();
  if (names.length === 0 || names.includes(DEMO_MARKER)) return;
  const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ", …" : "");
  throw new InputError([{ severity: "error", code: "DEMO_FOLDER_IN_USE", params: { dir, count: names.length, files: shown }, file: "--out", line: 1, column: 1 }]);
}

/**
 * Writes the example year's consumption and the demo's marker into `dir` (as `--out` names it
 * in messages) and returns the consumption's path; refuses a folder the demo did not write. A folder that cannot be written is reported as for any output (InputError), with
 * the same checks the run makes next (`--out` must be a folder or absent).
 */
export function writeExampleConsumption(dir: string, lang: Lang): string {
  const path = join(dir, EXAMPLE_CONSUMPTION);
  const marker = join(dir, DEMO_MARKER);
  assertOutputPaths({ inputs: [], files: [{ option: "--out", path }], dirs: [{ option: "--out", path: dir }] }, lang);
  assertDemoFolder(dir);
  writeFilesAtomically(
    [
      { path, data: exampleConsumptionCsv(), option: "--out" },
      { path: marker, data: "Skriven av vardavtal demo: mappen får skrivas över av nästa demo.\nWritten by vardavtal demo: the next demo may overwrite this folder.\n", option: "--out" },
    ],
    { lang },
  );
  return path;
}
