/**
 * The words of the decision trail (who decided the tariff), the signature block that ends the
 * first sheet of every workbook, and the year's overview (`vardavtal overview`), in Swedish
 * (default) and English.
 */
import type { Lang } from "./messages.js";
import type { Decision } from "../core/model/tariff.js";

const WORDS = {
  decidedBy: ["Beslutad av {body} {date} {paragraph}", "Decided by {body} {date} {paragraph}"],
  notDecided: ["Inte beslutad: tariffen namnger inget beslut", "Not decided: the tariff names no decision"],
  preparedBy: ["Upprättad av", "Prepared by"],
  reviewedBy: ["Granskad av", "Reviewed by"],
  date: ["Datum", "Date"],
  // the overview
  overview: ["Året i sammandrag {year}", "The year at a glance {year}"],
  overviewSub: ["Nettoposition per region: plus = får, minus = betalar", "Net position per region: plus = receives, minus = pays"],
  region: ["Region", "Region"],
  measure: ["Underlag", "Basis"],
  plan: ["A conto-plan", "A-conto plan"],
  forecast: ["Prognos t.o.m. {through}", "Forecast through {through}"],
  outcome: ["Utfall", "Outcome"],
  scenarioMark: ["{label} (SCENARIO)", "{label} (SCENARIO)"],
  scenarioBase: ["SCENARIO: basåret {year} ({file}) är räknat med ersatta tariffvärden, inte det beslutade utfallet: {list}", "SCENARIO: the base year {year} ({file}) is calculated with tariff values replaced, not the decided outcome: {list}"],
  scenarioLine: ["SCENARIO: {file} är räknad med ersatta tariffvärden, inte det beslutade utfallet: {list}", "SCENARIO: {file} is calculated with tariff values replaced, not the decided outcome: {list}"],
  remaining: ["Kvar att reglera", "Remaining to settle"],
  mkr: ["Mkr", "SEK m"],
  kr: ["Kronor", "SEK"],
  chart: ["Diagram (minus ← 0 → plus)", "Chart (minus ← 0 → plus)"],
  scale: ["Skala: en ruta = {step} Mkr", "Scale: one cell = SEK {step} m"],
  missing: ["–", "–"],
  sheetOverview: ["Översikt", "Overview"],
  sheetExact: ["Kronor", "SEK"],
  sheetInputs: ["Indata", "Inputs"],
  exactTitle: ["Exakta belopp i kronor {year}", "Exact amounts in SEK {year}"],
  exactNote: ["Översiktens Mkr är dessa belopp delade med 1 000 000, med en decimal.", "The overview's SEK m are these amounts divided by 1,000,000, with one decimal."],
  sum: ["Summa (ska vara 0)", "Total (must be 0)"],
  kind: ["Underlag", "Basis"],
  file: ["Fil", "File"],
  tool: ["Verktyg", "Tool"],
  runAt: ["Körd", "Run at"],
  noRemaining: ["ingen slutreglering given", "no settlement given"],
  textTitle: ["Året i sammandrag {year} (Mkr, plus = får, minus = betalar)", "The year at a glance {year} (SEK m, plus = receives, minus = pays)"],
} satisfies Record<string, [string, string]>;

export type DecidedWord = keyof typeof WORDS;

/** A word of the decision trail or the overview, with `{name}` filled in from `params`. */
export function dw(lang: Lang, key: DecidedWord, params: Record<string, string | number> = {}): string {
  const s = WORDS[key][lang === "sv" ? 0 : 1];
  return s.replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k])));
}

/**
 * The decision in one line, as every result and workbook names it: "Beslutad av
 * Samverkansnämnden 2025-12-08 § 12 (RS 2025/123)"; without a decision, that the tariff is not
 * decided.
 */
export function decisionText(d: Decision | null | undefined, lang: Lang): string {
  if (!d) return dw(lang, "notDecided");
  const line = dw(lang, "decidedBy", { body: d.body, date: d.date, paragraph: d.paragraph });
  return d.reference !== undefined && d.reference !== "" ? `${line} (${d.reference})` : line;
}
