/** The words of the command line and the reports, in Swedish (default) and English. */
import type { Component } from "../core/model/calculate.js";
import type { Lang } from "./messages.js";

const TEXTS = {
  component_fixed: ["Fast ersättning", "Fixed"],
  component_variable: ["Rörlig ersättning", "Variable"],
  component_unit_price: ["Styckpris", "Unit price"],
  component_fixed_only: ["Endast fast ersättning", "Fixed only"],
  component_solidarity: ["Solidarisk finansiering", "Solidarity"],
  component_grant: ["Statsbidrag vidarebefordrat", "State grants passed on"],
  model_fixed_variable: ["Fast och rörlig", "Fixed and variable"],
  model_unit_price: ["Styckpris", "Unit price"],
  model_excluded: ["Utanför avtalet", "Excluded"],
  model_fixed_only: ["Endast fast", "Fixed only"],
  party: ["Part", "Party"],
  population: ["Befolkning", "Population"],
  share: ["Andel", "Share"],
  net: ["Nettoposition", "Net position"],
  receives: ["Får", "Receives"],
  pays: ["Betalar", "Pays"],
  payer: ["Betalare", "Payer"],
  payee: ["Mottagare", "Payee"],
  seller: ["Säljare", "Seller"],
  buyer: ["Köpare", "Buyer"],
  area: ["Verksamhet", "Area"],
  model: ["Modell", "Model"],
  component: ["Komponent", "Component"],
  label: ["Avser", "Label"],
  amount: ["Belopp", "Amount"],
  rows: ["Rader", "Rows"],
  value: ["Värde", "Value"],
  total: ["Summa", "Total"],
  transfers: ["Reglering (betalningar som nollställer nettopositionerna)", "Settlement (payments that settle the net positions)"],
  netting_bilateral: ["Avräkning per motpart: en betalning per par av regioner", "Netted per counterparty: one payment per pair of regions"],
  netting_multilateral: ["Avräkning genom varandra (multilateralt): så få betalningar som möjligt", "Netted through one another (multilateral): the fewest payments"],
  netting_short_bilateral: ["per motpart", "per counterparty"],
  netting_short_multilateral: ["genom varandra (multilateralt)", "through one another (multilateral)"],
  netting_column: ["Avräkning", "Netting"],
  transfer_line: ["{payer} betalar {payee} {amount} kr", "{payer} pays {payee} SEK {amount}"],
  no_transfers: ["Inga betalningar behövs.", "No payments are needed."],
  components: ["Per komponent", "Per component"],
  key_basis_population: ["befolkning", "population"],
  key_basis_fixed: ["fasta andelar", "fixed shares"],
  key_line: ["Fördelningsnyckel: {basis} ({source})", "Distribution key: {basis} ({source})"],
  key_source_tariff: ["tariffen", "the tariff"],
  rows_line: [
    "Rader: {read} lästa, {counted} räknade, {otherYear} annat år, {ownRegion} egen region",
    "Rows: {read} read, {counted} counted, {otherYear} other year, {ownRegion} own region",
  ],
  warnings: ["Varningar", "Warnings"],
  forecast_line: [
    "PROGNOS för helåret {year}: konsumtionen till och med {through} ({days} dagar) uppräknad × {daysInYear}/{days}; fasta belopp gäller helår",
    "FORECAST for the whole year {year}: consumption through {through} ({days} days) scaled × {daysInYear}/{days}; fixed amounts are annual",
  ],
  after_through_line: ["Rader efter {through}: {count} (räknas inte i prognosen)", "Rows after {through}: {count} (not counted in the forecast)"],
  draft_illustrative: ["UTKAST – illustrativa belopp: tariffen är inte beslutad (status \"illustrative\")", "DRAFT – illustrative amounts: the tariff is not decided (status \"illustrative\")"],
  draft_proposal: ["FÖRSLAG – ej beslutade belopp (tariffens status \"proposal\")", "PROPOSAL – amounts not decided (the tariff's status \"proposal\")"],
  written: ["Skrev {file}", "Wrote {file}"],
  errors_found: ["{count} fel i indata; inget skrevs.", "{count} error(s) in the input; nothing was written."],
  progress: ["läser {file}: {pct} %", "reading {file}: {pct} %"],
  internal_error: ["internt fel (en kontroll av resultatet slog fel; inget skrevs): {message}", "internal error (a check of the result failed; nothing was written): {message}"],
} satisfies Record<string, [string, string]>;

export type TextKey = keyof typeof TEXTS;

/** How payments are netted, in words: the sentence, or (`short`) the few words for a column. */
export function nettingWords(netting: "bilateral" | "multilateral", lang: Lang, short = false): string {
  return t(lang, short ? `netting_short_${netting}` : `netting_${netting}`);
}

/** A component of the flows in words, e.g. "Fast ersättning" / "Fixed". */
export function componentName(component: Component, lang: Lang): string {
  return t(lang, `component_${component}`);
}

export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  const s = TEXTS[key][lang === "sv" ? 0 : 1];
  return s.replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k])));
}
