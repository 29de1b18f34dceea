/** The a-conto plan as `vardavtal acconto` prints it. Pure, so the offline page shows the same text. */
import { MONTHS, type AccontoPlan } from "../../core/year/acconto.js";
import type { Lang } from "../../text/messages.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
import { accontoUnitWords, formatSek, textTable, wrapColumn } from "../format.js";
import { draftLines, monthName, titleWithYear } from "../labels.js";

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
