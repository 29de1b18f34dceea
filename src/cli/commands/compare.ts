/**
 * `vardavtal compare A.json B.json`: two results (two years, a scenario and its baseline, a
 * forecast and the final figures) side by side, with the change of every figure and, when both
 * files carry the inputs behind their flows, the change of each party split into effects.
 * Computed in the core (compare.ts, effects.ts); this is the shell.
 */
import { sideScenarioText } from "../../text/scenario-lines.js";
import { loadXlsx } from "../load-xlsx.js";
import { join } from "node:path";
import { bySizeOfChange, type Comparison } from "../../core/analysis/compare.js";
import { compareResultTexts } from "../../contracts/compare-files.js";
import { cw, effectName, effectsUnavailable, sideLabels, sideName } from "../../text/compare-words.js";
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { COMPARISON_CSV_FILES, comparisonCsvFiles } from "../../render/csv/compare-csv.js";
import { readTextFile } from "../../node/files.js";
import { formatSek, textTable, type PendingFile } from "../../render/format.js";
import { assertOutputPaths, failOnWarnings, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { componentName, t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { comparisonToJson } from "../../contracts/comparison.js";
import { messageText, renderDiagnostic } from "../../text/diagnostics.js";

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

/** The summary a comparison prints on stdout, in the style of `calculate`. */
export function comparisonText(c: Comparison, lang: Lang): string {
  const id = (i: number): string => c.parties[i] ?? String(i);
  const sek = (x: bigint): string => formatSek(x, lang);
  const out: string[] = [];
  out.push(cw(lang, "heading", { a: sideName(lang, c.a), b: sideName(lang, c.b) }));
  for (const s of [c.a, c.b]) if (s.scenario) out.push(cw(lang, "scenarioSet", { list: sideScenarioText(s, lang) }));
  out.push("");
  const side = sideLabels(lang, c);
  const abc = [side.a, side.b, cw(lang, "change")];
  out.push(textTable([[t(lang, "party"), ...abc], ...c.net.map((n, i) => [id(i), sek(n.a), sek(n.b), sek(n.change)])], [false, true, true, true]));
  const e = c.effects;
  if (e?.available) {
    out.push("");
    out.push(cw(lang, "effects") + ":");
    const head = [t(lang, "party"), ...e.groups.map((g) => effectName(lang, g)), cw(lang, "change")];
    out.push(textTable([head, ...e.parties.map((p, i) => [id(i), ...p.effects.map(sek), sek(p.change)])], head.map((_, i) => i > 0)));
    out.push(cw(lang, "effectsOrder", side));
    if (e.pricesInConsumption) out.push(cw(lang, "effectsPrices"));
  } else if (e) {
    out.push("");
    out.push(effectsUnavailable(messageText(e.reason, lang)));
  }
  out.push("");
  out.push(cw(lang, "largestFlows") + ":");
  const changed = bySizeOfChange(c.flows.filter((f) => f.change !== 0n)).slice(0, 10);
  if (changed.length === 0) out.push("  " + cw(lang, "noChange"));
  else {
    const rows = changed.map((f) => [`  ${id(f.payer)} → ${id(f.payee)}`, componentName(f.component, lang) + (f.label ? `: ${f.label}` : ""), sek(f.a), sek(f.b), sek(f.change)]);
    out.push(textTable([["", t(lang, "component"), side.a, side.b, cw(lang, "change")], ...rows], [false, false, true, true, true]));
  }
  return out.join("\n") + "\n";
}
