/**
 * The words of the comparison's reports (summary, CSV, workbook), in Swedish (default) and
 * English. Below `io` and `cli`, so that every view of a comparison uses one text; the words the
 * other reports share (party, payer, component …) are in src/text/i18n.ts.
 */
import type { Lang } from "./messages.js";
import type { EffectGroup } from "../core/analysis/effects.js";

const WORDS = {
  comparison: ["Jämförelse", "Comparison"],
  heading: ["Jämförelse: {a} → {b}", "Comparison: {a} → {b}"],
  sideA: ["A", "A"],
  sideB: ["B", "B"],
  change: ["Förändring", "Change"],
  net: ["Nettoposition", "Net position"],
  netA: ["Netto A", "Net A"],
  netB: ["Netto B", "Net B"],
  rowsA: ["Rader A", "Rows A"],
  rowsB: ["Rader B", "Rows B"],
  total: ["Summa", "Total"],
  forecast: ["prognos t.o.m. {through}", "forecast through {through}"],
  scenario: ["SCENARIO", "SCENARIO"],
  scenarioSet: ["Scenario: tariffens värden ersatta: {list}", "Scenario: tariff values replaced: {list}"],
  effects: ["Förändringen uppdelad i effekter (summerar exakt till förändringen)", "The change split into effects (they sum exactly to the change)"],
  effectsOrder: [
    "Varje grupp av indata ändras från A till B en i taget, i ordningen nyckel, fast andel, referensbelopp, priser och budgetar, konsumtion; en effekt mäts med grupperna före den redan ändrade.",
    "Each group of inputs is changed from A to B one at a time, in the order key, fixed share, reference amounts, prices and budgets, consumption; an effect is measured with the groups before it already changed.",
  ],
  effectsPrices: [
    "Poängpriser ingår i konsumtionens värden i resultatfilerna och räknas därför som konsumtion.",
    "Point prices are part of the consumption values in result files and therefore count as consumption.",
  ],

  largestFlows: ["Största förändringar per flöde", "Largest changes per flow"],
  perComponent: ["Per part och komponent", "Per party and component"],
  perFlow: ["Per flöde", "Per flow"],
  perPair: ["Per par (A → B)", "Per pair (A → B)"],
  perPairNote: ["Säljare → köpare: fast + rörlig + styckpris", "Seller → buyer: fixed + variable + unit price"],
  perArea: ["Per verksamhet och par: konsumtionens värde (kr, avrundat till öre)", "Per area and pair: consumption value (SEK, rounded to the öre)"],
  noChange: ["Ingen förändring.", "No change."],
  check: ["Kontroll", "Check"],
  deviation: ["Avvikelse", "Deviation"],
  checkNetZero: ["Förändringarna av nettopositionerna summerar till 0", "The changes of the net positions sum to 0"],
  checkEffects: ["Effekterna summerar till förändringen", "The effects sum to the change"],
  ok: ["OK", "OK"],
  fail: ["FEL", "FAIL"],
  inputs: ["Indata", "Inputs"],
  runAt: ["Körd", "Run at"],
  tool: ["Verktyg", "Tool"],
  effect_key: ["Fördelningsnyckel", "Key"],
  effect_fixedShare: ["Fast andel", "Fixed share"],
  effect_references: ["Referensbelopp", "Reference amounts"],
  effect_pricesAndBudgets: ["Priser och budgetar", "Prices and budgets"],
  effect_consumption: ["Konsumtion", "Consumption"],
} as const satisfies Record<string, readonly [string, string]>;

export type CompareWord = keyof typeof WORDS;

/** A word of the comparison's reports, with {placeholders} filled. */
export function cw(lang: Lang, key: CompareWord, params: Record<string, string | number> = {}): string {
  return WORDS[key][lang === "sv" ? 0 : 1].replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/** Why the effects are not shown: the warning's own text (it says the change cannot be split), as a sentence. */
export function effectsUnavailable(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

export function effectName(lang: Lang, g: EffectGroup): string {
  return cw(lang, `effect_${g}`);
}

/** How a side of a comparison is named in a heading: "2025 Överenskommelse 2025 (SCENARIO)". */
export function sideName(lang: Lang, s: { year: number; title?: string; forecastThrough?: string; scenario?: string[]; file?: string }): string {
  const extras = [...(s.forecastThrough ? [cw(lang, "forecast", { through: s.forecastThrough })] : []), ...(s.scenario ? [cw(lang, "scenario")] : [])];
  return `${s.title ?? s.file ?? ""} (${s.year}${extras.length > 0 ? `, ${extras.join(", ")}` : ""})`;
}
