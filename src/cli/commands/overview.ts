/**
 * `vardavtal overview`: the year on one page for the finance director. Reads the a-conto plan,
 * the forecasts, the outcome and the settlement (each a file vardavtal wrote), refuses inputs of
 * different years, parties or tariffs, and writes the overview as JSON (`vardavtal-overview/1`)
 * and as a one-page workbook; prints it in Mkr. Computed in the core (core/year/overview.ts);
 * this is the shell. Returns the exit code: 0, or 3 when the overview broke one of its checks
 * (then nothing is written).
 */
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { OverviewInvariantError } from "../../core/year/overview.js";
import { overviewFromTexts, overviewToJson, type NamedText } from "../../contracts/overview.js";
import type { PendingFile } from "../../render/format.js";
import { overviewText } from "../../render/text/overview.js";
import { readTextFile } from "../../node/files.js";
import { assertOutputPaths, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { t } from "../../text/i18n.js";
import type { Lang } from "../../text/messages.js";
import type { Io } from "../io.js";
import { loadXlsx } from "../load-xlsx.js";

export interface OverviewArgs {
  /** the a-conto plan (acconto --json) */
  plan: string;
  /** forecasts (calculate --through … --json), any number */
  forecast?: string[];
  /** the year's result (calculate --json) */
  result?: string;
  /** the settlement (settle --json) */
  settlement?: string;
  json?: string;
  xlsx?: string;
}

export async function overviewCommand(args: OverviewArgs, io: Io, lang: Lang): Promise<number> {
  const forecasts = args.forecast ?? [];
  const inputs: PathArg[] = [
    { option: "--plan", path: args.plan },
    ...forecasts.map((path) => ({ option: "--forecast", path })),
    ...(args.result ? [{ option: "--result", path: args.result }] : []),
    ...(args.settlement ? [{ option: "--settlement", path: args.settlement }] : []),
  ];
  const planned: PathArg[] = [];
  if (args.json) planned.push({ option: "--json", path: args.json });
  if (args.xlsx) planned.push({ option: "--xlsx", path: args.xlsx });
  assertOutputPaths({ inputs, files: planned, dirs: [] }, lang);

  // every file is read and checked before any is compared, so that all errors show in one run
  const bag = new DiagnosticBag();
  const read = (file: string): NamedText | undefined => {
    const f = readTextFile(file, "result", bag);
    return f ? { name: file, text: f.text } : undefined;
  };
  let overview;
  try {
    overview = overviewFromTexts({ plan: read(args.plan), forecasts: forecasts.map(read), ...(args.result ? { result: read(args.result) } : {}), ...(args.settlement ? { settlement: read(args.settlement) } : {}) }, bag);
  } catch (e) {
    if (!(e instanceof OverviewInvariantError)) throw e;
    io.stderr(t(lang, "internal_error", { message: e.message }) + "\n");
    return 3;
  }
  if (!overview) return 0;

  const files: PendingFile[] = [];
  if (args.json) files.push({ path: args.json, option: "--json", data: JSON.stringify(overviewToJson(overview, { tool: { name: "vardavtal", version: packageVersion() } }), null, 2) + "\n" });
  if (args.xlsx) {
    const { overviewWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    files.push({ path: args.xlsx, option: "--xlsx", data: await overviewWorkbook(overview, { lang, version: packageVersion() }) });
  }
  writeOutputs(files, inputs, [], lang);
  io.stdout(overviewText(overview, lang));
  for (const f of [args.json, args.xlsx]) if (f) io.stderr(t(lang, "written", { file: f }) + "\n");
  return 0;
}
