/**
 * `acconto --csv-dir`: the a-conto plan as CSV files for Swedish Excel (one line per a conto
 * with its months, the nets per month, the monthly payments). Pure: no `node:` import, so the
 * offline page writes the same files.
 */
import { MONTHS, type AccontoPlan } from "../../core/year/acconto.js";
import type { Lang } from "../../text/messages.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
import { joinPath, oreForExcelCsv, type PendingFile } from "../format.js";
import { excelCsv } from "./excel-csv.js";
import { monthName } from "../labels.js";
import { csvText } from "./csv-safe.js";

export const ACCONTO_CSV_FILES = ["acconto-lines.csv", "acconto-net.csv", "acconto-transfers.csv"] as const;

/** The plan for Swedish Excel: one line per a conto with its months, nets per month, transfers. */
export function accontoCsvFiles(plan: AccontoPlan, dir: string, lang: Lang): PendingFile[] {
  const id = (i: number): string => csvText(plan.tariff.parties[i]?.id ?? String(i));
  const months = Array.from({ length: MONTHS }, (_, k) => monthName(k + 1, lang));
  return [
    {
      path: joinPath(dir, "acconto-lines.csv"),
      data: excelCsv(
        [t(lang, "payer"), t(lang, "payee"), t(lang, "component"), lang === "sv" ? "Kod" : "Code", t(lang, "label"), lang === "sv" ? "Årsbelopp" : "Annual", ...months],
        plan.lines.map((l) => [id(l.payer), id(l.payee), componentName(l.component, lang), l.component, csvText(l.label ?? ""), oreForExcelCsv(l.annual), ...l.months.map(oreForExcelCsv)]),
      ),
    },
    {
      path: joinPath(dir, "acconto-net.csv"),
      data: excelCsv([t(lang, "party"), lang === "sv" ? "År" : "Year", ...months], plan.net.map((row, i) => [id(i), oreForExcelCsv(plan.annualNet[i] ?? 0n), ...row.map(oreForExcelCsv)])),
    },
    {
      path: joinPath(dir, "acconto-transfers.csv"),
      data: excelCsv(
        [lang === "sv" ? "Månad" : "Month", t(lang, "payer"), t(lang, "payee"), t(lang, "amount"), lang === "sv" ? "Månadsnamn" : "Month name", t(lang, "netting_column")],
        plan.transfers.map((x) => [String(x.month), id(x.payer), id(x.payee), oreForExcelCsv(x.amount), monthName(x.month, lang), csvText(nettingWords(plan.netting, lang, true))]),
      ),
    },
  ];
}
