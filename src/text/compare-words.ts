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

/** How a side of a comparison is named in a heading: "2025 Överenskommelse 2025 (SCENARIO)". */
export function sideName(lang: Lang, s: { year: number; title?: string; forecastThrough?: string; scenario?: string[]; file?: string }): string {
  const extras = [...(s.forecastThrough ? [cw(lang, "forecast", { through: s.forecastThrough })] : []), ...(s.scenario ? [cw(lang, "scenario")] : [])];
  return `${s.title ?? s.file ?? ""} (${s.year}${extras.length > 0 ? `, ${extras.join(", ")}` : ""})`;
}
