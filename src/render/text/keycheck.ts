/** The key check as `vardavtal check-key` prints it. Pure, so the offline page shows the same text. */
import type { KeyCheckResult } from "../../core/year/keycheck.js";
import type { Lang } from "../../text/messages.js";
import { t } from "../../text/i18n.js";
import { formatSek, textTable } from "../format.js";
import { percent } from "./numbers.js";
import { draftLines, titleWithYear } from "../labels.js";

export function keyCheckText(r: KeyCheckResult, lang: Lang): string {
  const sv = lang === "sv";
  const id = (i: number): string => r.tariff.parties[i]?.id ?? String(i);
  const out: string[] = [];
  out.push(`${sv ? "Kontroll av fördelningsnyckel" : "Key compliance check"}: ${titleWithYear(r.tariff.title, r.tariff.year)}`);
  out.push(...draftLines(r.tariff.file.status, lang));
  out.push(
    `${sv ? "Nyckel" : "Key"}: ${r.tariff.parties.map((p, i) => `${p.id} ${percent(r.key.weights[i] ?? 0n, r.key.totalWeight, 4, lang)}`).join(", ")}; ${sv ? "tolerans" : "tolerance"} ${formatSek(r.tolerance, lang)} ${sv ? "kr" : "SEK"}`,
  );
  const head = [sv ? "Post" : "Item", t(lang, "party"), sv ? "Betalt" : "Paid", sv ? "Enligt nyckel" : "By the key", sv ? "Avvikelse" : "Deviation", ""];
  const rows: string[][] = [];
  for (const it of r.items) {
    it.parties.forEach((l, i) => rows.push([i === 0 ? it.item : "", id(i), formatSek(l.paid, lang), formatSek(l.expected, lang), formatSek(l.deviation, lang), l.exceeds ? "!" : ""]));
  }
  r.totals.forEach((l, i) => rows.push([i === 0 ? (sv ? "SUMMA" : "TOTAL") : "", id(i), formatSek(l.paid, lang), formatSek(l.expected, lang), formatSek(l.deviation, lang), l.exceeds ? "!" : ""]));
  out.push("", textTable([head, ...rows], [false, false, true, true, true, false]), "");
  out.push(sv ? "Utjämning (betalningar som nollställer avvikelserna):" : "Balancing transfers (payments that bring the deviations to zero):");
  if (r.transfers.length === 0) out.push("  " + t(lang, "no_transfers"));
  for (const tr of r.transfers) out.push("  " + t(lang, "transfer_line", { payer: id(tr.payer), payee: id(tr.payee), amount: formatSek(tr.amount, lang) }));
  if (r.budgets.length > 0) {
    out.push("", sv ? "Solidariskt finansierade enheter: betalt mot budget i tariffen" : "Jointly financed units: paid against the budget in the tariff");
    for (const b of r.budgets) {
      const diff = b.difference === 0n ? (sv ? "stämmer" : "matches") : `${sv ? "skillnad" : "difference"} ${formatSek(b.difference, lang)}`;
      out.push(
        b.items.length === 0
          ? `  ${b.unit}: ${sv ? "ingen post i kostnadsfilen börjar med enhetens namn" : "no item of the costs file begins with the unit's name"} (${sv ? "budget" : "budget"} ${formatSek(b.budget, lang)})`
          : `  ${b.unit}: ${sv ? "betalt" : "paid"} ${formatSek(b.paid, lang)} ${sv ? "av budget" : "of the budget"} ${formatSek(b.budget, lang)} (${diff}; ${b.items.join(", ")})`,
      );
    }
  }
  out.push("");
  const over = r.items.filter((it) => it.parties.some((l) => l.exceeds));
  out.push(
    r.exceeded
      ? sv
        ? `Resultat: avvikelser över toleransen ${formatSek(r.tolerance, lang)} kr (markerade med !) i ${over.length === 0 ? "summan per part" : over.map((it) => `"${it.item}"`).join(", ")}. Avvikelser på några öre är avrundning; större avvikelser betyder att kostnaden inte burits enligt nyckeln och jämnas ut med betalningarna ovan.`
        : `Outcome: deviations above the tolerance of SEK ${formatSek(r.tolerance, lang)} (marked !) in ${over.length === 0 ? "the sum per party" : over.map((it) => `"${it.item}"`).join(", ")}. Deviations of a few öre are rounding; larger ones mean the cost was not carried by the key and are balanced by the payments above.`
      : sv
        ? `Resultat: alla parter har burit sin andel inom toleransen ${formatSek(r.tolerance, lang)} kr.`
        : `Outcome: every party carried its share within the tolerance of SEK ${formatSek(r.tolerance, lang)}.`,
  );
  return out.join("\n") + "\n";
}
