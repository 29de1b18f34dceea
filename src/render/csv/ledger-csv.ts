/**
 * A party's ledger lines as the CSV its books import (`--ledger-dir`, bokforing-RKL-2026.csv):
 * datum;motpart;motpartskod;typ;komponent;konto;kostnadsställe;belopp;text;referens, in the
 * Swedish Excel dialect of every CSV output (; decimal comma, BOM, CRLF). The column names are
 * the books' own (Swedish) in either language; the text says what the line is.
 */
import type { LedgerLine } from "../../core/year/ledger.js";
import type { Lang } from "../../text/messages.js";
import { componentName, t } from "../../text/i18n.js";
import { oreForExcelCsv } from "../format.js";
import { excelCsv } from "./excel-csv.js";
import { monthName } from "../labels.js";
import { csvText } from "./csv-safe.js";

export const LEDGER_COLUMNS = ["datum", "motpart", "motpartskod", "typ", "komponent", "konto", "kostnadsställe", "belopp", "text", "referens"] as const;

/** The column `typ`: a code the books' import matches on, Swedish in either language like the column names. */
export const LEDGER_KINDS = { income: "intäkt", cost: "kostnad" } as const;

/** "A conto mars 2026 – fast ersättning, överenskommelse 2026, Samverkansnämnden 2025-12-08 § 12" */
export function ledgerText(l: LedgerLine, lang: Lang): string {
  const what =
    l.what.kind === "acconto"
      ? t(lang, "ledger_acconto", { month: monthName(l.what.month, lang), year: l.year })
      : l.what.kind === "settlement"
        ? t(lang, "ledger_settlement", { year: l.year })
        : t(lang, "ledger_forecast", { year: l.year, through: l.what.through });
  const component = l.component === null ? t(lang, "ledger_unassigned") : componentName(l.component, lang).toLowerCase();
  const decision = l.decision ? `, ${l.decision.body} ${l.decision.date} ${l.decision.paragraph}` : "";
  return t(lang, "ledger_text", { what, component, year: l.year, decision });
}

export function ledgerCsv(lines: readonly LedgerLine[], lang: Lang = "sv"): string {
  return excelCsv(
    [...LEDGER_COLUMNS],
    lines.map((l) => [
      l.date,
      csvText(l.counterparty),
      csvText(l.counterpartyCode ?? ""),
      LEDGER_KINDS[l.kind],
      csvText(l.component === null ? "" : componentName(l.component, lang)),
      csvText(l.account ?? ""),
      csvText(l.costCentre ?? ""),
      oreForExcelCsv(l.amount),
      csvText(ledgerText(l, lang)),
      csvText(l.reference),
    ]),
  );
}
