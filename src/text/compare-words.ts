/**
 * The words of the comparison's reports (summary, CSV, workbook): the catalogues' section
 * `compare`; the words the other reports share (party, payer, component …) are in section `words`.
 */
import type { Lang } from "./messages.js";
import type { EffectGroup } from "../core/analysis/effects.js";
import { CATALOGUES, fillText } from "./catalogue.js";
import type { sv } from "./sv.js";

export type CompareWord = keyof typeof sv.compare;

/** A word of the comparison's reports, with {placeholders} filled. */
export function cw(lang: Lang, key: CompareWord, params: Record<string, string | number> = {}): string {
  return fillText(CATALOGUES[lang].compare[key], params);
}

/** Why the effects are not shown: the warning's own text (it says the change cannot be split), as a sentence. */
export function effectsUnavailable(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

export function effectName(lang: Lang, g: EffectGroup): string {
  return cw(lang, `effect_${g}`);
}

/** What a side's short name needs to know of it (and of the other side). */
interface Side {
  year: number;
  forecastThrough?: string;
  scenario?: string[];
  tariffStatus?: string;
  decision?: unknown;
}

/**
 * The short names of a comparison's sides, for column headings in every report: a forecast
 * "Prognos t.o.m. 2025-08-31", a scenario "Scenario", the tariff a scenario is compared with
 * "Beslut 2025" (a decided tariff) or "Tariff 2025", the outcome a forecast is compared with
 * "Utfall 2025", else the year ("2024", "2025"). Two sides that would get the same name are told
 * apart by (A) and (B).
 */
export function sideLabels(lang: Lang, c: { a: Side; b: Side }): { a: string; b: string } {
  const one = (s: Side, other: Side): string => {
    if (s.forecastThrough) return cw(lang, "sideForecast", { through: s.forecastThrough });
    if (s.scenario) return cw(lang, "sideScenario");
    if (other.scenario && other.year === s.year) return cw(lang, s.decision || s.tariffStatus === "decided" ? "sideDecided" : "sideTariff", { year: s.year });
    if (other.forecastThrough && other.year === s.year) return cw(lang, "sideOutcome", { year: s.year });
    return cw(lang, "sideYear", { year: s.year });
  };
  const a = one(c.a, c.b);
  const b = one(c.b, c.a);
  return a === b ? { a: `${a} (A)`, b: `${b} (B)` } : { a, b };
}

/** How a side of a comparison is named in a heading: "2025 Överenskommelse 2025 (SCENARIO)". */
export function sideName(lang: Lang, s: { year: number; title?: string; forecastThrough?: string; scenario?: string[]; file?: string }): string {
  const extras = [...(s.forecastThrough ? [cw(lang, "forecast", { through: s.forecastThrough })] : []), ...(s.scenario ? [cw(lang, "scenario")] : [])];
  return `${s.title ?? s.file ?? ""} (${s.year}${extras.length > 0 ? `, ${extras.join(", ")}` : ""})`;
}
