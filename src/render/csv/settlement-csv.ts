/** `settle --csv-dir`: the settlement as CSV files for Swedish Excel. Pure: the offline page writes the same files. */
import type { Settlement } from "../../core/year/settlement.js";
import type { Lang } from "../../text/messages.js";
import { paymentSourceText } from "../../contracts/settlement.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
import { joinPath, oreForExcelCsv, type PendingFile } from "../format.js";
import { excelCsv } from "./excel-csv.js";
import { words } from "../text/settlement.js";
import { csvText } from "./csv-safe.js";

export const SETTLEMENT_CSV_FILES = ["settlement-counterparties.csv", "settlement-lines.csv", "settlement-pairs.csv", "settlement-parties.csv", "settlement-payments.csv", "settlement-transfers.csv"] as const;

export function settlementCsvFiles(s: Settlement, dir: string, lang: Lang): PendingFile[] {
  const id = (i: number): string => csvText(s.parties[i] ?? String(i));
  const w = words(lang);
  const component = (c: Settlement["lines"][number]["component"]): string => (c === null ? w.unassigned : componentName(c, lang));
  const forecastCols = s.counterparties.some((c) => c.paidToDate !== undefined);
  return [
    {
      path: joinPath(dir, "settlement-counterparties.csv"),
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
      path: joinPath(dir, "settlement-lines.csv"),
      data: excelCsv(
        [t(lang, "payer"), t(lang, "payee"), t(lang, "component"), lang === "sv" ? "Kod" : "Code", w.due, w.paid, w.difference, w.invoiced],
        s.lines.map((l) => [id(l.payer), id(l.payee), csvText(component(l.component)), l.component ?? "", oreForExcelCsv(l.due), oreForExcelCsv(l.paid), oreForExcelCsv(l.difference), oreForExcelCsv(l.invoiced)]),
      ),
    },
    { path: joinPath(dir, "settlement-pairs.csv"), data: excelCsv([t(lang, "payer"), t(lang, "payee"), w.due, w.paid, w.difference], s.pairs.map((p) => [id(p.payer), id(p.payee), oreForExcelCsv(p.due), oreForExcelCsv(p.paid), oreForExcelCsv(p.difference)])) },
    { path: joinPath(dir, "settlement-parties.csv"), data: excelCsv([t(lang, "party"), t(lang, "net"), w.paidNet, w.remaining], s.totals.map((x, i) => [id(i), oreForExcelCsv(x.net), oreForExcelCsv(x.paidNet), oreForExcelCsv(x.remaining)])) },
    {
      path: joinPath(dir, "settlement-payments.csv"),
      data: excelCsv(
        [t(lang, "payer"), t(lang, "payee"), t(lang, "amount"), w.date, w.note, t(lang, "component"), w.source, w.kind],
        s.payments.map((p) => [id(p.payer), id(p.payee), oreForExcelCsv(p.amount), p.date ?? "", csvText(p.note ?? p.label ?? ""), csvText(component(p.component)), csvText(paymentSourceText(s, p)), s.sources[p.source]?.kind ?? ""]),
      ),
    },
    { path: joinPath(dir, "settlement-transfers.csv"), data: excelCsv([t(lang, "payer"), t(lang, "payee"), t(lang, "amount"), t(lang, "netting_column")], s.transfers.map((x) => [id(x.payer), id(x.payee), oreForExcelCsv(x.amount), csvText(nettingWords(s.netting, lang, true))])) },
  ];
}
