/**
 * `vardavtal settle`: the final settlement of a year's result against what was paid (an a-conto
 * plan, "paid as planned", or a CSV of actual payments). Computed in the core; this is the shell.
 */
import { basename, join } from "node:path";
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import type { Lang } from "../../text/messages.js";
import { readAccontoJson, readResultJson, type PlannedPayment } from "../../contracts/result-input.js";
import { finalSettlement, type Payment, type Settlement } from "../../core/year/settlement.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { csvInfoToInput } from "../../read/inputs.js";
import { readPaymentsFile, readTextFile } from "../../node/files.js";
import type { ListedPayment } from "../../render/xlsx/settlement.js";
import { csvText } from "../../render/csv/csv-safe.js";
import { excelCsv, formatSek, oreForExcelCsv, textTable, type PendingFile } from "../../render/format.js";
import { assertOutputPaths, failOnWarnings, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { componentName, t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { loadXlsx } from "../load-xlsx.js";
import { settlementToJson } from "../../contracts/settlement.js";
import { renderDiagnostic } from "../../text/diagnostics.js";

export interface SettleArgs {
  result: string;
  paid: string;
  json?: string;
  csvDir?: string;
  /** the settlement as an Excel workbook */
  xlsx?: string;
  strict?: boolean;
}

export const SETTLEMENT_CSV_FILES = ["settlement-pairs.csv", "settlement-parties.csv", "settlement-transfers.csv"] as const;

export async function settleCommand(args: SettleArgs, io: Io, lang: Lang): Promise<void> {
  const inputs: PathArg[] = [
    { option: "--result", path: args.result },
    { option: "--paid", path: args.paid },
  ];
  const planned: PathArg[] = [];
  if (args.json) planned.push({ option: "--json", path: args.json });
  if (args.csvDir) for (const name of SETTLEMENT_CSV_FILES) planned.push({ option: "--csv-dir", path: join(args.csvDir, name) });
  if (args.xlsx) planned.push({ option: "--xlsx", path: args.xlsx });
  const dirs = args.csvDir ? [{ option: "--csv-dir", path: args.csvDir }] : [];
  assertOutputPaths({ inputs, files: planned, dirs }, lang);

  const bag = new DiagnosticBag();
  const resultText = readTextFile(args.result, "result", bag);
  const result = resultText ? readResultJson(resultText.text, args.result, bag) : undefined;
  if (result?.forecastThrough !== undefined) bag.error("SETTLE_FORECAST", { through: result.forecastThrough }, { file: args.result, line: 1, column: 1 });
  let payments: Payment[] = [];
  // for the workbook: the payments with where each came from, and the input files
  let listed: ListedPayment[] = [];
  const infos: InputFileInfo[] = resultText ? [resultText.info] : [];
  const paidFromPlan = /\.json$/i.test(args.paid);
  if (result) {
    if (paidFromPlan) {
      const plan = readTextFile(args.paid, "payments", bag);
      const read = plan ? readAccontoJson(plan.text, args.paid, result, bag) : undefined;
      if (read && read.year !== result.year) bag.error("SETTLE_YEAR", { year: result.year, other: read.year }, { file: args.paid, line: 1, column: 1 });
      payments = read?.payments ?? [];
      if (plan) infos.push(plan.info);
      if (args.xlsx && read) listed = planPaymentNotes(read.payments, lang);
    } else {
      const read = await readPaymentsFile(args.paid, result.parties, bag);
      payments = read.payments;
      infos.push(csvInfoToInput("payments", read.info));
      listed = read.payments.map((p) => ({ payer: p.payer, payee: p.payee, amount: p.amount, note: `${basename(p.at.file)}:${p.at.line}` }));
    }
  }
  bag.throwIfErrors();
  if (!result) return;
  const settlement = finalSettlement(result, payments, args.paid);
  for (const p of settlement.pairs) {
    if (p.withoutFlow) bag.warning("PAYMENT_WITHOUT_FLOW", { payer: result.parties[p.payer] ?? "", payee: result.parties[p.payee] ?? "", amount: { ore: p.paid } }, { file: args.paid, line: 1, column: 1 });
  }
  const warnings = sortDiagnostics(bag.warnings);
  if (args.strict) failOnWarnings(warnings);

  const files: PendingFile[] = [];
  if (args.json) files.push({ path: args.json, option: "--json", data: JSON.stringify(settlementToJson(settlement, { tool: { name: "vardavtal", version: packageVersion() } }), null, 2) + "\n" });
  if (args.csvDir) files.push(...settlementCsvFiles(settlement, args.csvDir, lang).map((f) => ({ ...f, option: "--csv-dir" })));
  if (args.xlsx) {
    const { settlementWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    const data = await settlementWorkbook(settlement, { lang, inputs: infos, version: packageVersion(), payments: listed, paidFrom: { kind: paidFromPlan ? "plan" : "payments", file: args.paid }, resultFile: args.result, tariffStatus: result.tariffStatus, decision: result.decision });
    files.push({ path: args.xlsx, option: "--xlsx", data });
  }
  writeOutputs(files, inputs, dirs, lang);
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
  io.stdout(settlementText(settlement, lang));
  for (const f of [args.json, args.csvDir, args.xlsx]) if (f) io.stderr(t(lang, "written", { file: f }) + "\n");
}

/** The plan's payments with what each line is (component and label), for the workbook's list. */
function planPaymentNotes(payments: PlannedPayment[], lang: Lang): ListedPayment[] {
  return payments.map((p) => ({ payer: p.payer, payee: p.payee, amount: p.amount, note: [componentName(p.component, lang), p.label ?? ""].filter((x) => x !== "").join(": ") }));
}

function words(lang: Lang) {
  const sv = lang === "sv";
  return { due: sv ? "Att betala" : "Due", paid: sv ? "Betalt" : "Paid", difference: sv ? "Skillnad" : "Difference", paidNet: sv ? "Netto betalt" : "Paid net", remaining: sv ? "Kvar att reglera" : "Remaining" };
}

export function settlementCsvFiles(s: Settlement, dir: string, lang: Lang): PendingFile[] {
  const id = (i: number): string => csvText(s.parties[i] ?? String(i));
  const w = words(lang);
  return [
    { path: join(dir, "settlement-pairs.csv"), data: excelCsv([t(lang, "payer"), t(lang, "payee"), w.due, w.paid, w.difference], s.pairs.map((p) => [id(p.payer), id(p.payee), oreForExcelCsv(p.due), oreForExcelCsv(p.paid), oreForExcelCsv(p.difference)])) },
    { path: join(dir, "settlement-parties.csv"), data: excelCsv([t(lang, "party"), t(lang, "net"), w.paidNet, w.remaining], s.totals.map((x, i) => [id(i), oreForExcelCsv(x.net), oreForExcelCsv(x.paidNet), oreForExcelCsv(x.remaining)])) },
    { path: join(dir, "settlement-transfers.csv"), data: excelCsv([t(lang, "payer"), t(lang, "payee"), t(lang, "amount")], s.transfers.map((x) => [id(x.payer), id(x.payee), oreForExcelCsv(x.amount)])) },
  ];
}

export function settlementText(s: Settlement, lang: Lang): string {
  const sv = lang === "sv";
  const id = (i: number): string => s.parties[i] ?? String(i);
  const w = words(lang);
  const out: string[] = [];
  out.push(`${sv ? "Slutreglering" : "Final settlement"} ${s.year}`);
  out.push("");
  out.push(textTable([[t(lang, "payer"), t(lang, "payee"), w.due, w.paid, w.difference], ...s.pairs.map((p) => [id(p.payer), id(p.payee), formatSek(p.due, lang), formatSek(p.paid, lang), formatSek(p.difference, lang)])], [false, false, true, true, true]));
  out.push("");
  out.push(textTable([[t(lang, "party"), t(lang, "net"), w.paidNet, w.remaining], ...s.totals.map((x, i) => [id(i), formatSek(x.net, lang), formatSek(x.paidNet, lang), formatSek(x.remaining, lang)])], [false, true, true, true]));
  out.push("");
  out.push(sv ? "Slutliga betalningar (som nollställer det som är kvar):" : "Final payments (settling what remains):");
  if (s.transfers.length === 0) out.push("  " + t(lang, "no_transfers"));
  for (const x of s.transfers) out.push("  " + t(lang, "transfer_line", { payer: id(x.payer), payee: id(x.payee), amount: formatSek(x.amount, lang) }));
  return out.join("\n") + "\n";
}
