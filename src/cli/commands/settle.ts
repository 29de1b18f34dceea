/**
 * `vardavtal settle`: the settlement of a year's result against what was paid (the books, v3):
 * one or more paid sources (`--paid`, repeatable: a-conto plans, payments files, an earlier
 * settlement of the same year), per counterparty due, paid and remaining, the final payments
 * under the netting, and optionally the ledger lines of the final payments. A forecast result is
 * settled only with `--forecast` (the forecast of the final settlement). Computed in the core;
 * this is the shell.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import type { Lang } from "../../text/messages.js";
import { type UnitPriceMode } from "../../core/year/settlement.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { readFailure } from "../../read/csv.js";
import type { PaidSourceBytes } from "../../read/paid-sources.js";
import { settleRun } from "../../read/settle-run.js";
import { nodeSha256, readTextFile } from "../../node/files.js";
import { tableArg, tableSource } from "../../node/table-files.js";
import { type PendingFile } from "../../render/format.js";
import { assertOutputPaths, failOnWarnings, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { loadXlsx } from "../load-xlsx.js";
import { settlementToJson } from "../../contracts/settlement.js";
import { SETTLEMENT_CSV_FILES, settlementCsvFiles } from "../../render/csv/settlement-csv.js";
import { settlementText } from "../../render/text/settlement.js";
import { renderDiagnostic } from "../../text/diagnostics.js";
import { settlementLedger, ledgerFileName } from "../../core/year/ledger.js";
import { ledgerCsv } from "../../render/csv/ledger-csv.js";
import { runTime } from "../../render/run-time.js";
import { loadTariffArg } from "../../node/run.js";
import { tariffInput } from "../../node/outputs.js";

export interface SettleArgs {
  result: string;
  /** one or more paid sources (a-conto plan, payments CSV, earlier settlement); a single string is one source */
  paid: string | string[];
  /** settle a forecast result as the forecast of the final settlement */
  forecast?: boolean;
  /** how unit-price care counts (default: invoiced when only plans and settlements are given) */
  unitPrice?: UnitPriceMode;
  json?: string;
  csvDir?: string;
  /** the settlement as an Excel workbook */
  xlsx?: string;
  /** one ledger CSV per party for the final payments */
  ledgerDir?: string;
  /** the year's tariff (file or year), for the ledger's accounts, counterparty codes and decision */
  tariff?: string;
  strict?: boolean;
}


export async function settleCommand(args: SettleArgs, io: Io, lang: Lang): Promise<void> {
  const paidFiles = Array.isArray(args.paid) ? args.paid : [args.paid];
  const inputs: PathArg[] = [{ option: "--result", path: args.result }, ...paidFiles.map((path) => ({ option: "--paid", path })), ...(args.tariff ? tariffInput(args.tariff) : [])];
  const planned: PathArg[] = [];
  if (args.json) planned.push({ option: "--json", path: args.json });
  if (args.csvDir) for (const name of SETTLEMENT_CSV_FILES) planned.push({ option: "--csv-dir", path: join(args.csvDir, name) });
  if (args.xlsx) planned.push({ option: "--xlsx", path: args.xlsx });
  const dirs = [...(args.csvDir ? [{ option: "--csv-dir", path: args.csvDir }] : []), ...(args.ledgerDir ? [{ option: "--ledger-dir", path: args.ledgerDir }] : [])];

  const bag = new DiagnosticBag();
  const resultText = readTextFile(args.result, "result", bag);
  const bytes: PaidSourceBytes[] = [];
  for (const file of paidFiles) {
    if (tableArg(file).workbook) {
      // a payments workbook: its sheet, read with exceljs (loaded only now)
      const source = await tableSource(file, bag);
      if (source && "table" in source) bytes.push({ name: source.table.name, bytes: new Uint8Array(0), table: source.table });
      continue;
    }
    try {
      bytes.push({ name: file, bytes: readFileSync(file), sha256: nodeSha256 });
    } catch (e) {
      bag.error("FILE_READ", { reason: readFailure(e) }, { file, line: 1, column: 1 });
    }
  }
  const tariff = args.tariff ? await loadTariffArg(args.tariff, bag) : undefined;
  const { settlement, result, infos: paidInfos } = await settleRun({ result: resultText ? { name: args.result, text: resultText.text } : undefined, paid: bytes, forecast: args.forecast, unitPrice: args.unitPrice }, bag);
  const infos: InputFileInfo[] = [...(resultText ? [resultText.info] : []), ...paidInfos];
  const warnings = sortDiagnostics(bag.warnings);
  if (args.strict) failOnWarnings(warnings);

  // The ledger of the final payments: dated the day of the run (SOURCE_DATE_EPOCH when set).
  const ledger = args.ledgerDir ? settlementLedger(settlement, { date: runTime().toISOString().slice(0, 10), ...(tariff ? { tariff: tariff.tariff } : {}) }) : undefined;
  if (args.ledgerDir && ledger) for (const party of ledger.parties) planned.push({ option: "--ledger-dir", path: join(args.ledgerDir, ledgerFileName(party.id, settlement.year)) });
  assertOutputPaths({ inputs, files: planned, dirs }, lang);

  const files: PendingFile[] = [];
  if (args.json) files.push({ path: args.json, option: "--json", data: JSON.stringify(settlementToJson(settlement, { tool: { name: "vardavtal", version: packageVersion() } }), null, 2) + "\n" });
  if (args.csvDir) files.push(...settlementCsvFiles(settlement, args.csvDir, lang).map((f) => ({ ...f, option: "--csv-dir" })));
  if (args.xlsx) {
    const { settlementWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    const data = await settlementWorkbook(settlement, { lang, inputs: infos, version: packageVersion(), resultFile: args.result, tariffStatus: result.tariffStatus, decision: result.decision });
    files.push({ path: args.xlsx, option: "--xlsx", data });
  }
  if (args.ledgerDir && ledger) for (const party of ledger.parties) files.push({ path: join(args.ledgerDir, ledgerFileName(party.id, settlement.year)), option: "--ledger-dir", data: ledgerCsv(party.lines, lang) });
  writeOutputs(files, inputs, dirs, lang);
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
  io.stdout(settlementText(settlement, lang, result.tariffStatus));
  for (const f of [args.json, args.csvDir, args.xlsx, args.ledgerDir]) if (f) io.stderr(t(lang, "written", { file: f }) + "\n");
}

