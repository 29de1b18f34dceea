/**
 * A party's ledger lines as the CSV its books import (`--ledger-dir`, bokforing-RKL-2026.csv):
 * datum;motpart;motpartskod;typ;komponent;konto;kostnadsställe;belopp;text;referens, in the
 * Swedish Excel dialect of every CSV output (; decimal comma, BOM, CRLF). The column names are
 * the books' own (Swedish) in either language; the text says what the line is.
 */
import type { LedgerLine } from "../../core/year/ledger.js";
import type { Lang } from "../../text/messages.js";
import { componentName } from "../../text/i18n.js";
import { oreForExcelCsv } from "../format.js";
import { excelCsv } from "./excel-csv.js";
import { monthName } from "../labels.js";
import { csvText } from "./csv-safe.js";

export const LEDGER_COLUMNS = ["datum", "motpart", "motpartskod", "typ", "komponent", "konto", "kostnadsställe", "belopp", "text", "referens"] as const;

/** "A conto mars 2026 – fast ersättning, överenskommelse 2026, Samverkansnämnden 2025-12-08 § 12" */
export function ledgerText(l: LedgerLine, lang: Lang): string {
  const sv = lang === "sv";
  const what =
    l.what.kind === "acconto"
      ? `${sv ? "A conto" : "A conto"} ${monthName(l.what.month, lang)} ${l.year}`
      : l.what.kind === "settlement"
        ? `${sv ? "Slutreglering" : "Final settlement"} ${l.year}`
        : `${sv ? "Prognos slutreglering" : "Forecast of the final settlement"} ${l.year} (${sv ? "t.o.m." : "through"} ${l.what.through})`;
  const component = l.component === null ? (sv ? "ej fördelad betalning" : "unassigned payment") : componentName(l.component, lang).toLowerCase();
  const decision = l.decision ? `, ${l.decision.body} ${l.decision.date} ${l.decision.paragraph}` : "";
  return `${what} – ${component}, ${sv ? "överenskommelse" : "agreement"} ${l.year}${decision}`;
}

export function ledgerCsv(lines: readonly LedgerLine[], lang: Lang = "sv"): string {
  const sv = lang === "sv";
  return excelCsv(
    [...LEDGER_COLUMNS],
    lines.map((l) => [
      l.date,
      csvText(l.counterparty),
      csvText(l.counterpartyCode ?? ""),
      l.kind === "income" ? (sv ? "intäkt" : "income") : sv ? "kostnad" : "cost",
      csvText(l.component === null ? "" : componentName(l.component, lang)),
      csvText(l.account ?? ""),
      csvText(l.costCentre ?? ""),
      oreForExcelCsv(l.amount),
      csvText(ledgerText(l, lang)),
      csvText(l.reference),
    ]),
  );
}
