/** The a-conto plan as `vardavtal acconto` prints it. Pure, so the offline page shows the same text. */
import { MONTHS, type AccontoPlan } from "../../core/year/acconto.js";
import type { Lang } from "../../text/messages.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
import { accontoUnitWords, formatSek, textTable } from "../format.js";
import { monthName } from "../labels.js";

/** The plan on the terminal: the annual lines with January's part, then each month's payments. */
export function accontoText(plan: AccontoPlan, lang: Lang): string {
  const sv = lang === "sv";
  const id = (i: number): string => plan.tariff.parties[i]?.id ?? String(i);
  const out: string[] = [];
  out.push(`${sv ? "A conto-plan" : "A-conto plan"} ${plan.year}: ${plan.title}`);
  out.push(plan.variable ? (sv ? "Rörlig ersättning a conto: (1 − fast andel) × referensbelopp" : "Variable a conto: (1 − fixed share) × reference amount") : sv ? "Utan rörlig ersättning a conto (--no-variable)" : "Without a variable a conto (--no-variable)");
  out.push("");
  out.push(sv ? `Månadsdelar: januari–november lika i ${accontoUnitWords(plan.unit, lang)}, december resten` : `Monthly parts: January–November equal in ${accontoUnitWords(plan.unit, lang)}, December the rest`);
  out.push("");
  const head = [t(lang, "payer"), t(lang, "payee"), t(lang, "component"), t(lang, "label"), sv ? "Årsbelopp" : "Annual", sv ? "Jan–nov per månad" : "Jan–Nov per month", sv ? "December" : "December"];
  const rows = plan.lines.map((l) => [id(l.payer), id(l.payee), componentName(l.component, lang), l.label ?? "", formatSek(l.annual, lang), formatSek(l.months[0] ?? 0n, lang), formatSek(l.months[MONTHS - 1] ?? 0n, lang)]);
  out.push(textTable([head, ...rows], [false, false, false, false, true, true, true]));
  out.push("");
  out.push(sv ? "Nettoposition per part (år):" : "Net position per party (year):");
  out.push(textTable(plan.annualNet.map((v, i) => ["  " + id(i), formatSek(v, lang)]), [false, true]));
  out.push("");
  out.push(sv ? "Betalningar per månad (som nollställer månadens nettopositioner):" : "Payments per month (settling the month's net positions):");
  out.push("  " + nettingWords(plan.netting, lang));
  for (let m = 1; m <= MONTHS; m++) {
    const ts = plan.transfers.filter((x) => x.month === m);
    const text = ts.length === 0 ? t(lang, "no_transfers") : ts.map((x) => t(lang, "transfer_line", { payer: id(x.payer), payee: id(x.payee), amount: formatSek(x.amount, lang) })).join("; ");
    out.push(`  ${monthName(m, lang)}: ${text}`);
  }
  return out.join("\n") + "\n";
}
