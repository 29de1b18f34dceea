/** The settlement as `vardavtal settle` prints it, and the words its CSV files share. Pure. */
import type { Settlement } from "../../core/year/settlement.js";
import type { Lang } from "../../text/messages.js";
import { nettingWords, t } from "../../text/i18n.js";
import { formatSek, textTable } from "../format.js";
import { draftLines, type TariffStatus } from "../labels.js";

/** The settlement's column words. */
export function words(lang: Lang) {
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

export function settlementText(s: Settlement, lang: Lang, status?: TariffStatus): string {
  const sv = lang === "sv";
  const id = (i: number): string => s.parties[i] ?? String(i);
  const w = words(lang);
  const out: string[] = [];
  if (s.forecast) {
    out.push(sv ? `PROGNOS för slutregleringen ${s.year}: resultatet är en prognos till och med ${s.forecast.through}, uppräknad till helår; a conto räknas som betalt för hela året` : `FORECAST of the final settlement ${s.year}: the result is a forecast through ${s.forecast.through}, scaled to the whole year; the a conto counts as paid for the whole year`);
  } else out.push(`${sv ? "Slutreglering" : "Final settlement"} ${s.year}`);
  out.push(...draftLines(status, lang));
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
