/**
 * `vardavtal acconto`: the year's a-conto plan from a tariff (model.md, "A-conto plan"): per
 * payer→payee and component the annual a conto and its 12 monthly parts, per month the net
 * positions and the fewest payments. The plan is computed in the core; this is the shell.
 */
import { draftLines, monthName, titleWithYear } from "../../render/labels.js";
import { join } from "node:path";
import { accontoPlan, MONTHS, type AccontoPlan } from "../../core/year/acconto.js";
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import { resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import { accontoUnitWords, formatSek, oreForExcelCsv, textTable, wrapColumn, type PendingFile } from "../../render/format.js";
import { excelCsv } from "../../render/csv/excel-csv.js";
import { csvText } from "../../render/csv/csv-safe.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { loadPopulationArg, loadTariffArg } from "../../node/run.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
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

export const ACCONTO_CSV_FILES = ["acconto-lines.csv", "acconto-net.csv", "acconto-transfers.csv"] as const;

export async function accontoCommand(args: AccontoArgs, io: Io, lang: Lang): Promise<void> {
  const inputs: PathArg[] = [...tariffInput(args.tariff), ...(args.population ? [{ option: "--population", path: args.population }] : [])];
  const planned: PathArg[] = [];
  if (args.json) planned.push({ option: "--json", path: args.json });
  if (args.csvDir) for (const name of ACCONTO_CSV_FILES) planned.push({ option: "--csv-dir", path: join(args.csvDir, name) });
  if (args.xlsx) planned.push({ option: "--xlsx", path: args.xlsx });
  const dirs = [...(args.csvDir ? [{ option: "--csv-dir", path: args.csvDir }] : []), ...(args.ledgerDir ? [{ option: "--ledger-dir", path: args.ledgerDir }] : [])];

  const bag = new DiagnosticBag();
  const loaded = loadTariffArg(args.tariff, bag);
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

/** The plan for Swedish Excel: one line per a conto with its months, nets per month, transfers. */
export function accontoCsvFiles(plan: AccontoPlan, dir: string, lang: Lang): PendingFile[] {
  const id = (i: number): string => csvText(plan.tariff.parties[i]?.id ?? String(i));
  const months = Array.from({ length: MONTHS }, (_, k) => monthName(k + 1, lang));
  return [
    {
      path: join(dir, "acconto-lines.csv"),
      data: excelCsv(
        [t(lang, "payer"), t(lang, "payee"), t(lang, "component"), lang === "sv" ? "Kod" : "Code", t(lang, "label"), lang === "sv" ? "Årsbelopp" : "Annual", ...months],
        plan.lines.map((l) => [id(l.payer), id(l.payee), componentName(l.component, lang), l.component, csvText(l.label ?? ""), oreForExcelCsv(l.annual), ...l.months.map(oreForExcelCsv)]),
      ),
    },
    {
      path: join(dir, "acconto-net.csv"),
      data: excelCsv([t(lang, "party"), lang === "sv" ? "År" : "Year", ...months], plan.net.map((row, i) => [id(i), oreForExcelCsv(plan.annualNet[i] ?? 0n), ...row.map(oreForExcelCsv)])),
    },
    {
      path: join(dir, "acconto-transfers.csv"),
      data: excelCsv(
        [lang === "sv" ? "Månad" : "Month", t(lang, "payer"), t(lang, "payee"), t(lang, "amount"), lang === "sv" ? "Månadsnamn" : "Month name", t(lang, "netting_column")],
        plan.transfers.map((x) => [String(x.month), id(x.payer), id(x.payee), oreForExcelCsv(x.amount), monthName(x.month, lang), csvText(nettingWords(plan.netting, lang, true))]),
      ),
    },
  ];
}


/** The plan on the terminal: per paying region its annual lines with January's and December's part, then each month's payments. */
export function accontoText(plan: AccontoPlan, lang: Lang): string {
  const sv = lang === "sv";
  const id = (i: number): string => plan.tariff.parties[i]?.id ?? String(i);
  const out: string[] = [];
  out.push(`${sv ? "A conto-plan" : "A-conto plan"}: ${titleWithYear(plan.title, plan.year)}`);
  out.push(...draftLines(plan.tariff.file.status, lang));
  out.push(plan.variable ? (sv ? "Rörlig ersättning a conto: (1 − fast andel) × referensbelopp" : "Variable a conto: (1 − fixed share) × reference amount") : sv ? "Utan rörlig ersättning a conto (--no-variable)" : "Without a variable a conto (--no-variable)");
  out.push("");
  out.push(sv ? `Månadsdelar: januari–november lika i ${accontoUnitWords(plan.unit, lang)} (kolumnen Jan–nov: varje månad), december resten` : `Monthly parts: January–November equal in ${accontoUnitWords(plan.unit, lang)} (the column Jan–Nov: each month), December the rest`);
  out.push("");
  // within 100 columns: the component and what it is for in one column, wrapped
  const head = [t(lang, "payer"), t(lang, "payee"), `${t(lang, "component")}, ${t(lang, "label").toLowerCase()}`, sv ? "Årsbelopp" : "Annual", sv ? "Jan–nov" : "Jan–Nov", sv ? "December" : "December"];
  const rows = plan.lines.map((l) => [id(l.payer), id(l.payee), l.label ? `${componentName(l.component, lang)}: ${l.label}` : componentName(l.component, lang), formatSek(l.annual, lang), formatSek(l.months[0] ?? 0n, lang), formatSek(l.months[MONTHS - 1] ?? 0n, lang)]);
  out.push(textTable([head, ...wrapColumn(rows, 2, 33)], [false, false, false, true, true, true]));
  out.push("");
  out.push(sv ? "Nettoposition per part (år):" : "Net position per party (year):");
  out.push(textTable(plan.annualNet.map((v, i) => ["  " + id(i), formatSek(v, lang)]), [false, true]));
  out.push("");
  out.push(sv ? "Betalningar per månad (som nollställer månadens nettopositioner):" : "Payments per month (settling the month's net positions):");
  out.push("  " + nettingWords(plan.netting, lang));
  // one column per payer and payee when that fits in 100 columns, else one row per payment
  const pairs = [...new Map(plan.transfers.map((x) => [`${x.payer}>${x.payee}`, x] as const)).values()];
  const months = Array.from({ length: MONTHS }, (_, k) => k + 1);
  const wide = textTable(
    [
      [sv ? "Månad" : "Month", ...pairs.map((p) => t(lang, "transfer_pair", { payer: id(p.payer), payee: id(p.payee) }))],
      ...months.map((m) => [monthName(m, lang), ...pairs.map((p) => { const x = plan.transfers.find((y) => y.month === m && y.payer === p.payer && y.payee === p.payee); return x ? formatSek(x.amount, lang) : "–"; })]),
    ],
    [false, ...pairs.map(() => true)],
  );
  const fits = wide.split("\n").every((l) => [...l].length <= 98);
  if (fits && pairs.length > 0) out.push(...wide.split("\n").map((l) => `  ${l}`));
  else
    for (const m of months) {
      const ts = plan.transfers.filter((x) => x.month === m);
      if (ts.length === 0) out.push(`  ${monthName(m, lang)}: ${t(lang, "no_transfers")}`);
      for (const x of ts) out.push(`  ${monthName(m, lang)}: ${t(lang, "transfer_line", { payer: id(x.payer), payee: id(x.payee), amount: formatSek(x.amount, lang) })}`);
    }
  return out.join("\n") + "\n";
}
