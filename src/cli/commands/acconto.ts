/**
 * `vardavtal acconto`: the year's a-conto plan from a tariff (model.md, "A-conto plan"): per
 * payer→payee and component the annual a conto and its 12 monthly parts, per month the net
 * positions and the fewest payments. The plan is computed in the core; this is the shell.
 */
import { join } from "node:path";
import { accontoPlan } from "../../core/year/acconto.js";
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import { resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import type { PendingFile } from "../../render/format.js";
import { ACCONTO_CSV_FILES, accontoCsvFiles } from "../../render/csv/acconto-csv.js";
import { accontoText } from "../../render/text/acconto.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { loadPopulationArg, loadTariffArg } from "../../node/run.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { loadXlsx } from "../load-xlsx.js";
import { accontoToJson } from "../../contracts/acconto.js";
import { accontoLedger, ledgerFileName } from "../../core/year/ledger.js";
import { ledgerCsv } from "../../render/csv/ledger-csv.js";
import { renderDiagnostic } from "../../text/diagnostics.js";

export interface AccontoArgs {
  tariff: string;
  population?: string;
  /** false: no preliminary variable a conto (--no-variable) */
  variable: boolean;
  json?: string;
  csvDir?: string;
  /** the invoicing basis as an Excel workbook */
  xlsx?: string;
  /** one ledger CSV per party: per month, counterparty and component */
  ledgerDir?: string;
  strict?: boolean;
}


export async function accontoCommand(args: AccontoArgs, io: Io, lang: Lang): Promise<void> {
  const inputs: PathArg[] = [...tariffInput(args.tariff), ...(args.population ? [{ option: "--population", path: args.population }] : [])];
  const planned: PathArg[] = [];
  if (args.json) planned.push({ option: "--json", path: args.json });
  if (args.csvDir) for (const name of ACCONTO_CSV_FILES) planned.push({ option: "--csv-dir", path: join(args.csvDir, name) });
  if (args.xlsx) planned.push({ option: "--xlsx", path: args.xlsx });
  const dirs = [...(args.csvDir ? [{ option: "--csv-dir", path: args.csvDir }] : []), ...(args.ledgerDir ? [{ option: "--ledger-dir", path: args.ledgerDir }] : [])];

  const bag = new DiagnosticBag();
  const loaded = await loadTariffArg(args.tariff, bag);
  const pop = await loadPopulationArg(args.population, bag);
  bag.throwIfErrors();
  if (!loaded) return;
  const key = resolveKey(loaded.tariff, pop.population, bag);
  bag.throwIfErrors();
  if (!key) return;
  const warnings = sortDiagnostics([...loaded.tariff.warnings, ...bag.warnings]);
  if (args.strict) failOnWarnings(warnings);
  const plan = accontoPlan(loaded.tariff, key, { variable: args.variable });
  const ledger = args.ledgerDir ? accontoLedger(plan) : undefined;
  if (args.ledgerDir && ledger) for (const p of ledger.parties) planned.push({ option: "--ledger-dir", path: join(args.ledgerDir, ledgerFileName(p.id, plan.year)) });
  assertOutputPaths({ inputs, files: planned, dirs }, lang);

  const files: PendingFile[] = [];
  if (args.json) files.push({ path: args.json, option: "--json", data: JSON.stringify(accontoToJson(plan, { tool: { name: "vardavtal", version: packageVersion() } }), null, 2) + "\n" });
  if (args.csvDir) files.push(...accontoCsvFiles(plan, args.csvDir, lang).map((f) => ({ ...f, option: "--csv-dir" })));
  if (args.xlsx) {
    const { accontoWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    const infos = [loaded.info, ...(pop.info ? [pop.info] : [])];
    files.push({ path: args.xlsx, option: "--xlsx", data: await accontoWorkbook(plan, { lang, inputs: infos, version: packageVersion() }) });
  }
  if (args.ledgerDir && ledger) for (const p of ledger.parties) files.push({ path: join(args.ledgerDir, ledgerFileName(p.id, plan.year)), option: "--ledger-dir", data: ledgerCsv(p.lines, lang) });
  writeOutputs(files, inputs, dirs, lang);
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
  io.stdout(accontoText(plan, lang));
  for (const f of [args.json, args.csvDir, args.xlsx, args.ledgerDir]) if (f) io.stderr(t(lang, "written", { file: f }) + "\n");
}

