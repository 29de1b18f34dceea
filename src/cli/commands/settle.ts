/**
 * `vardavtal settle`: the settlement of a year's result against what was paid (the books, v3):
 * one or more paid sources (`--paid`, repeatable: a-conto plans, payments files, an earlier
 * settlement of the same year), per counterparty due, paid and remaining, the final payments
 * under the netting, and optionally the ledger lines of the final payments. A forecast result is
 * settled only with `--forecast` (the forecast of the final settlement). Computed in the core;
 * this is the shell.
 */
import { draftLines } from "../../render/text/summary.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import type { Lang } from "../../text/messages.js";
import { readResultJson } from "../../contracts/result-input.js";
import { finalSettlement, type Settlement, type UnitPriceMode } from "../../core/year/settlement.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { readFailure } from "../../read/csv.js";
import { readPaidSources, type PaidSourceBytes } from "../../read/paid-sources.js";
import { nodeSha256, readTextFile } from "../../node/files.js";
import { csvText } from "../../render/csv/csv-safe.js";
import { excelCsv, formatSek, oreForExcelCsv, textTable, type PendingFile } from "../../render/format.js";
import { assertOutputPaths, failOnWarnings, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { loadXlsx } from "../load-xlsx.js";
import { paymentSourceText, settlementToJson } from "../../contracts/settlement.js";
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

export const SETTLEMENT_CSV_FILES = ["settlement-counterparties.csv", "settlement-lines.csv", "settlement-pairs.csv", "settlement-parties.csv", "settlement-payments.csv", "settlement-transfers.csv"] as const;

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
  const result = resultText ? readResultJson(resultText.text, args.result, bag) : undefined;
  if (result?.forecastThrough !== undefined && !args.forecast) bag.error("SETTLE_FORECAST", { through: result.forecastThrough }, { file: args.result, line: 1, column: 1 });
  if (result?.scenario) bag.error("SETTLE_SCENARIO", {}, { file: args.result, line: 1, column: 1 });
  const infos: InputFileInfo[] = resultText ? [resultText.info] : [];
  const bytes: PaidSourceBytes[] = [];
  for (const file of paidFiles) {
    try {
      bytes.push({ name: file, bytes: readFileSync(file), sha256: nodeSha256 });
    } catch (e) {
      bag.error("FILE_READ", { reason: readFailure(e) }, { file, line: 1, column: 1 });
    }
  }
  const read = result ? await readPaidSources(result, bytes, bag) : undefined;
  const tariff = args.tariff ? loadTariffArg(args.tariff, bag) : undefined;
  bag.throwIfErrors();
  if (!result || !read) return;
  infos.push(...read.infos);
  const settlement = finalSettlement(result, read.items, paidFiles[0] ?? "<paid>", { sources: read.sources, forecast: args.forecast === true, ...(args.unitPrice ? { unitPrice: args.unitPrice } : {}) });
  for (const c of settlement.counterparties) {
    if (c.withoutFlow && c.paid !== 0n) bag.warning("PAYMENT_WITHOUT_FLOW", { payer: result.parties[c.paid > 0n ? c.a : c.b] ?? "", payee: result.parties[c.paid > 0n ? c.b : c.a] ?? "", amount: { ore: c.paid < 0n ? -c.paid : c.paid } }, { file: paidFiles[0] ?? "", line: 1, column: 1 });
  }
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

function words(lang: Lang) {
  const sv = lang === "sv";
  return {
    due: sv ? "Att betala" : "Due",
    paid: sv ? "Betalt" : "Paid",
    difference: sv ? "Skillnad" : "Difference",
    paidNet: sv ? "Netto betalt" : "Paid net",
    remaining: sv ? "Kvar att reglera" : "Remaining",
    a: sv ? "Part A" : "Party A",
    b: sv ? "Part B" : "Party B",
    dueAB: sv ? "Att betala A→B" : "Due A→B",
    paidAB: sv ? "Betalt A→B" : "Paid A→B",
    remainingAB: sv ? "Kvar A→B" : "Remaining A→B",
    paidToDate: sv ? "Betalt hittills" : "Paid to date",
    planRemaining: sv ? "Kvar av planen" : "Plan remaining",
    invoiced: sv ? "Styckpris fakturerat löpande" : "Unit price invoiced as given",
    unassigned: sv ? "(ej fördelad)" : "(unassigned)",
    date: sv ? "Datum" : "Date",
    note: sv ? "Avser" : "Note",
    source: sv ? "Källa" : "Source",
    kind: sv ? "Slag" : "Kind",
    forecast: sv ? "Prognos" : "Forecast",
  };
}

/** "RKL betalar RJL 1 831 930,05 kr" for a counterparty's remaining, or "kvitt". */
function remainingPhrase(s: Settlement, c: Settlement["counterparties"][number], lang: Lang): string {
  const id = (i: number): string => s.parties[i] ?? String(i);
  if (c.remaining === 0n) return lang === "sv" ? `${id(c.a)} och ${id(c.b)} är kvitt` : `${id(c.a)} and ${id(c.b)} are square`;
  const [payer, payee, amount] = c.remaining > 0n ? [c.a, c.b, c.remaining] : [c.b, c.a, -c.remaining];
  return t(lang, "transfer_line", { payer: id(payer), payee: id(payee), amount: formatSek(amount, lang) });
}

export function settlementCsvFiles(s: Settlement, dir: string, lang: Lang): PendingFile[] {
  const id = (i: number): string => csvText(s.parties[i] ?? String(i));
  const w = words(lang);
  const component = (c: Settlement["lines"][number]["component"]): string => (c === null ? w.unassigned : componentName(c, lang));
  const forecastCols = s.counterparties.some((c) => c.paidToDate !== undefined);
  return [
    {
      path: join(dir, "settlement-counterparties.csv"),
      data: excelCsv(
        [w.a, w.b, w.dueAB, w.paidAB, w.remainingAB, w.invoiced, ...(forecastCols ? [w.paidToDate, w.planRemaining] : []), t(lang, "netting_column"), ...(s.forecast ? [w.forecast] : [])],
        s.counterparties.map((c) => [
          id(c.a),
          id(c.b),
          oreForExcelCsv(c.due),
          oreForExcelCsv(c.paid),
          oreForExcelCsv(c.remaining),
          oreForExcelCsv(c.unitPriceInvoiced),
          ...(forecastCols ? [oreForExcelCsv(c.paidToDate ?? 0n), oreForExcelCsv(c.planRemaining ?? 0n)] : []),
          csvText(nettingWords(s.netting, lang, true)),
          ...(s.forecast ? [`${lang === "sv" ? "PROGNOS t.o.m." : "FORECAST through"} ${s.forecast.through}`] : []),
        ]),
      ),
    },
    {
      path: join(dir, "settlement-lines.csv"),
      data: excelCsv(
        [t(lang, "payer"), t(lang, "payee"), t(lang, "component"), lang === "sv" ? "Kod" : "Code", w.due, w.paid, w.difference, w.invoiced],
        s.lines.map((l) => [id(l.payer), id(l.payee), csvText(component(l.component)), l.component ?? "", oreForExcelCsv(l.due), oreForExcelCsv(l.paid), oreForExcelCsv(l.difference), oreForExcelCsv(l.invoiced)]),
      ),
    },
    { path: join(dir, "settlement-pairs.csv"), data: excelCsv([t(lang, "payer"), t(lang, "payee"), w.due, w.paid, w.difference], s.pairs.map((p) => [id(p.payer), id(p.payee), oreForExcelCsv(p.due), oreForExcelCsv(p.paid), oreForExcelCsv(p.difference)])) },
    { path: join(dir, "settlement-parties.csv"), data: excelCsv([t(lang, "party"), t(lang, "net"), w.paidNet, w.remaining], s.totals.map((x, i) => [id(i), oreForExcelCsv(x.net), oreForExcelCsv(x.paidNet), oreForExcelCsv(x.remaining)])) },
    {
      path: join(dir, "settlement-payments.csv"),
      data: excelCsv(
        [t(lang, "payer"), t(lang, "payee"), t(lang, "amount"), w.date, w.note, t(lang, "component"), w.source, w.kind],
        s.payments.map((p) => [id(p.payer), id(p.payee), oreForExcelCsv(p.amount), p.date ?? "", csvText(p.note ?? p.label ?? ""), csvText(component(p.component)), csvText(paymentSourceText(s, p)), s.sources[p.source]?.kind ?? ""]),
      ),
    },
    { path: join(dir, "settlement-transfers.csv"), data: excelCsv([t(lang, "payer"), t(lang, "payee"), t(lang, "amount"), t(lang, "netting_column")], s.transfers.map((x) => [id(x.payer), id(x.payee), oreForExcelCsv(x.amount), csvText(nettingWords(s.netting, lang, true))])) },
  ];
}

export function settlementText(s: Settlement, lang: Lang, tariffStatus?: string): string {
  const sv = lang === "sv";
  const id = (i: number): string => s.parties[i] ?? String(i);
  const w = words(lang);
  const out: string[] = [];
  if (s.forecast) {
    out.push(sv ? `PROGNOS för slutregleringen ${s.year}: resultatet är en prognos till och med ${s.forecast.through}, uppräknad till helår; a conto räknas som betalt för hela året` : `FORECAST of the final settlement ${s.year}: the result is a forecast through ${s.forecast.through}, scaled to the whole year; the a conto counts as paid for the whole year`);
  } else out.push(`${sv ? "Slutreglering" : "Final settlement"} ${s.year}`);
  out.push(...draftLines(tariffStatus, lang));
  out.push(nettingWords(s.netting, lang));
  const kinds: Record<string, [string, string]> = { acconto: ["a conto-plan, betalt enligt plan", "a-conto plan, paid as planned"], payments: ["betalningar", "payments"], settlement: ["tidigare slutreglering (efterreglering)", "earlier settlement (correction)"] };
  out.push(`${sv ? "Betalt enligt" : "Paid as in"}: ${s.sources.map((x) => `${x.file} (${(kinds[x.kind] ?? ["", ""])[sv ? 0 : 1]})`).join("; ")}`);
  out.push(
    s.unitPrice === "invoiced"
      ? sv ? "Styckpris: fakturerat löpande, räknas som betalt (= att betala)" : "Unit price: invoiced as given, counts as paid (= due)"
      : sv ? "Styckpris: betalt enligt källorna" : "Unit price: paid as the sources say",
  );
  out.push("");
  out.push(sv ? "Per motpart (det varje parts reskontra stämmer av mot):" : "Per counterparty (what each party's ledger reconciles):");
  const forecastCols = s.counterparties.some((c) => c.paidToDate !== undefined);
  const head = [w.a, w.b, w.dueAB, w.paidAB, w.remainingAB, ...(forecastCols ? [w.paidToDate, w.planRemaining] : [])];
  out.push(textTable([head, ...s.counterparties.map((c) => [id(c.a), id(c.b), formatSek(c.due, lang), formatSek(c.paid, lang), formatSek(c.remaining, lang), ...(forecastCols ? [formatSek(c.paidToDate ?? 0n, lang), formatSek(c.planRemaining ?? 0n, lang)] : [])])], head.map((_, i) => i > 1)));
  for (const c of s.counterparties) {
    const invoiced = c.unitPriceInvoiced !== 0n ? (sv ? ` (styckpris fakturerat löpande: ${formatSek(c.unitPriceInvoiced, lang)} kr)` : ` (unit price invoiced as given: SEK ${formatSek(c.unitPriceInvoiced, lang)})`) : "";
    out.push(`  ${id(c.a)}–${id(c.b)}: ${remainingPhrase(s, c, lang)}${invoiced}`);
  }
  out.push("");
  out.push(textTable([[t(lang, "party"), t(lang, "net"), w.paidNet, w.remaining], ...s.totals.map((x, i) => [id(i), formatSek(x.net, lang), formatSek(x.paidNet, lang), formatSek(x.remaining, lang)])], [false, true, true, true]));
  out.push("");
  out.push(sv ? `Slutliga betalningar (${nettingWords(s.netting, lang, true)}):` : `Final payments (${nettingWords(s.netting, lang, true)}):`);
  if (s.transfers.length === 0) out.push("  " + t(lang, "no_transfers"));
  for (const x of s.transfers) out.push("  " + t(lang, "transfer_line", { payer: id(x.payer), payee: id(x.payee), amount: formatSek(x.amount, lang) }));
  return out.join("\n") + "\n";
}
