/**
 * The two catalogues (sv.ts, en.ts) and one way to read them: `t(lang, "section.key", params)`
 * fills a text's {placeholders}; `phraseText` words a coded phrase of the core (core/model/phrases.ts).
 */
import type { Lang } from "../core/model/codes.js";
import type { Phrase, PhraseCode, PhraseParams } from "../core/model/phrases.js";
import { en } from "./en.js";
import { sv, type Catalogue } from "./sv.js";

export type { Catalogue } from "./sv.js";

export const CATALOGUES: Record<Lang, Catalogue> = { sv, en };

// Every phrase the core can pass has words (and the catalogue has no other phrase: test/text-catalogue.test.ts).
const _everyPhrase: Record<PhraseCode, string> = sv.phrases;
void _everyPhrase;

/** A key of the catalogues: "section.key", e.g. "words.written" or "checks.net_sums_to_zero". */
export type TextKey = { [S in keyof Catalogue]: `${S & string}.${keyof Catalogue[S] & string}` }[keyof Catalogue];

/** The {placeholders} of a text filled from `params`; one without a value stays as it is. */
export function fillText(text: string, params: Record<string, string | number | bigint> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));
}

/** A catalogue's text in the language asked for, its {placeholders} filled. */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number | bigint> = {}): string {
  const dot = key.indexOf(".");
  const section = CATALOGUES[lang][key.slice(0, dot) as keyof Catalogue] as Record<string, string>;
  return fillText(section[key.slice(dot + 1)] as string, params);
}

/** Whether a value is a coded phrase. */
export function isPhrase(v: unknown): v is Phrase {
  return typeof v === "object" && v !== null && typeof (v as { phrase?: unknown }).phrase === "string";
}

/** A coded phrase in words; a value that is a phrase itself is worded too. */
export function phraseText(p: Phrase, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? ({} as PhraseParams))) params[k] = isPhrase(v) ? phraseText(v, lang) : v;
  return fillText(CATALOGUES[lang].phrases[p.phrase], params);
}
