/** The words of the command line and the reports (the catalogues' section `words`), by key. */
import type { Component } from "../core/model/calculate.js";
import type { Lang } from "./messages.js";
import { CATALOGUES, fillText } from "./catalogue.js";
import type { sv } from "./sv.js";

export type TextKey = keyof typeof sv.words;

/** How payments are netted, in words: the sentence, or (`short`) the few words for a column. */
export function nettingWords(netting: "bilateral" | "multilateral", lang: Lang, short = false): string {
  return t(lang, short ? `netting_short_${netting}` : `netting_${netting}`);
}

/** A component of the flows in words, e.g. "Fast ersättning" / "Fixed". */
export function componentName(component: Component, lang: Lang): string {
  return t(lang, `component_${component}`);
}

export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return fillText(CATALOGUES[lang].words[key], params);
}
