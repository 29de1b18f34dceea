/**
 * `vardavtal propose`: next year's tariff from this year's, results of earlier years and an
 * index per year (model.md, "Proposal"). Computed in the core; the new tariff is loaded again
 * before it is written, so that a proposal always passes the same validation as any tariff.
 */
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { readTextFile } from "../../node/files.js";
import { type PendingFile } from "../../render/format.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { loadPopulationArg, loadTariffArg } from "../../node/run.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { proposeRun } from "../../read/propose-run.js";
import { proposalText } from "../../render/text/proposal.js";
import { loadXlsx } from "../load-xlsx.js";
import { renderDiagnostic } from "../../text/diagnostics.js";
import { proposalNotes } from "../../text/proposal-notes.js";

export interface ProposeArgs {
  tariff: string;
  results: string[];
  index: string[];
  population?: string;
  roundTo?: string;
  out: string;
  /** the workbook that shows how the proposal was derived */
  xlsx?: string;
  strict?: boolean;
}


export async function proposeCommand(args: ProposeArgs, io: Io, lang: Lang): Promise<void> {
  const inputs: PathArg[] = [...tariffInput(args.tariff), ...args.results.map((r) => ({ option: "--results", path: r })), ...(args.population ? [{ option: "--population", path: args.population }] : [])];
  const outputs: PathArg[] = [{ option: "--out", path: args.out }, ...(args.xlsx ? [{ option: "--xlsx", path: args.xlsx }] : [])];
  assertOutputPaths({ inputs, files: outputs, dirs: [] }, lang);

  const bag = new DiagnosticBag();
  const loaded = await loadTariffArg(args.tariff, bag);
  const pop = await loadPopulationArg(args.population, bag);
  const resultTexts: { name: string; text: string }[] = [];
  const resultInfos: InputFileInfo[] = [];
  if (loaded) {
    for (const file of args.results) {
      const text = readTextFile(file, "result", bag);
      if (text) {
        resultTexts.push({ name: file, text: text.text });
        resultInfos.push(text.info);
      }
    }
  }
  const { proposal, results, index, text } = proposeRun({ tariff: loaded?.tariff, results: resultTexts, index: args.index, population: pop.population, roundTo: args.roundTo, notes: proposalNotes(lang), lang, out: args.out }, bag);
  if (!loaded) return;
  const warnings = sortDiagnostics([...loaded.tariff.warnings, ...bag.warnings]);
  if (args.strict) failOnWarnings(warnings);
  const files: PendingFile[] = [{ path: args.out, option: "--out", data: text }];
  if (args.xlsx) {
    const { proposalWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    const inputInfos = [loaded.info, ...resultInfos, ...(pop.info ? [pop.info] : [])];
    files.push({ path: args.xlsx, option: "--xlsx", data: await proposalWorkbook(proposal, { lang, inputs: inputInfos, version: packageVersion(), tariff: loaded.tariff, results, index }) });
  }
  writeOutputs(files, inputs, [], lang);
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");

  io.stdout(proposalText(proposal, loaded.tariff, results, index, lang));
  for (const f of files) io.stderr(t(lang, "written", { file: f.path }) + "\n");
}
