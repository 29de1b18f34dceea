/**
 * `vardavtal compare A.json B.json`: two results (two years, a scenario and its baseline, a
 * forecast and the final figures) side by side, with the change of every figure and, when both
 * files carry the inputs behind their flows, the change of each party split into effects.
 * Computed in the core (compare.ts, effects.ts); this is the shell.
 */
import { loadXlsx } from "../load-xlsx.js";
import { join } from "node:path";
import { type Comparison } from "../../core/analysis/compare.js";
import { compareResultTexts } from "../../contracts/compare-files.js";
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { COMPARISON_CSV_FILES, comparisonCsvFiles } from "../../render/csv/compare-csv.js";
import { readTextFile } from "../../node/files.js";
import type { PendingFile } from "../../render/format.js";
import { comparisonText } from "../../render/text/compare.js";
import { assertOutputPaths, failOnWarnings, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { comparisonToJson } from "../../contracts/comparison.js";
import { renderDiagnostic } from "../../text/diagnostics.js";

export interface CompareArgs {
  a: string;
  b: string;
  json?: string;
  csvDir?: string;
  xlsx?: string;
  strict?: boolean;
}

export async function compareCommand(args: CompareArgs, io: Io, lang: Lang): Promise<void> {
  const inputs: PathArg[] = [
    { option: "A", path: args.a },
    { option: "B", path: args.b },
  ];
  const planned: PathArg[] = [];
  if (args.json) planned.push({ option: "--json", path: args.json });
  if (args.csvDir) for (const name of COMPARISON_CSV_FILES) planned.push({ option: "--csv-dir", path: join(args.csvDir, name) });
  if (args.xlsx) planned.push({ option: "--xlsx", path: args.xlsx });
  const dirs = args.csvDir ? [{ option: "--csv-dir", path: args.csvDir }] : [];
  assertOutputPaths({ inputs, files: planned, dirs }, lang);

  const bag = new DiagnosticBag();
  const read = [args.a, args.b].map((file) => {
    const text = readTextFile(file, "result", bag);
    return text ? { text: text.text, file, info: text.info } : undefined;
  });
  bag.throwIfErrors();
  const [a, b] = read;
  if (!a || !b) return;
  const compared = compareResultTexts(a, b, bag);
  bag.throwIfErrors();
  if (!compared) return;
  const { comparison, warnings } = compared;
  if (args.strict) failOnWarnings(warnings);

  const files = await comparisonFiles(comparison, { json: args.json, csvDir: args.csvDir, xlsx: args.xlsx }, lang, [a.info, b.info]);
  writeOutputs(files, inputs, dirs, lang);
  for (const w of sortDiagnostics(warnings)) io.stderr(renderDiagnostic(w, lang) + "\n");
  io.stdout(comparisonText(comparison, lang));
  for (const f of [args.json, args.csvDir, args.xlsx]) if (f) io.stderr(t(lang, "written", { file: f }) + "\n");
}

/** The files of a comparison: JSON, CSV for Excel, the workbook (each when asked for). */
export async function comparisonFiles(c: Comparison, out: { json?: string; csvDir?: string; xlsx?: string }, lang: Lang, inputs: InputFileInfo[], labels: { json?: string; csvDir?: string; xlsx?: string } = {}): Promise<PendingFile[]> {
  const files: PendingFile[] = [];
  if (out.json) files.push({ path: out.json, option: labels.json ?? "--json", data: JSON.stringify(comparisonToJson(c, { tool: { name: "vardavtal", version: packageVersion() } }), null, 2) + "\n" });
  if (out.csvDir) files.push(...comparisonCsvFiles(c, out.csvDir, lang).map((f) => ({ ...f, option: labels.csvDir ?? "--csv-dir" })));
  if (out.xlsx) {
    const { comparisonWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    files.push({ path: out.xlsx, option: labels.xlsx ?? "--xlsx", data: await comparisonWorkbook(c, { lang, inputs, version: packageVersion() }) });
  }
  return files;
}

export { comparisonText };
