/**
 * The words of the decision trail (who decided the tariff), the signature block that ends the
 * first sheet of every workbook, and the year's overview (`vardavtal overview`), in Swedish
 * (default) and English.
 */
import type { Lang } from "./messages.js";
import type { Decision } from "../core/model/tariff.js";
import { CATALOGUES, fillText } from "./catalogue.js";
import type { sv } from "./sv.js";

export type DecidedWord = keyof typeof sv.decided;

/** A word of the decision trail or the overview, with `{name}` filled in from `params` (the catalogues' section `decided`). */
export function dw(lang: Lang, key: DecidedWord, params: Record<string, string | number> = {}): string {
  return fillText(CATALOGUES[lang].decided[key], params);
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
