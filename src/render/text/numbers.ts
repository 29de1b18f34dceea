/** Shares as percent and counts grouped by thousands, for the text tables. */
import { formatRational, groupedInteger } from "../../core/model/decimal.js";
import type { Lang } from "../../text/messages.js";

export function percent(num: bigint, den: bigint, decimals: number, lang: Lang): string {
  const text = formatRational({ num: num * 100n, den }, decimals, decimals);
  return `${lang === "sv" ? text.replace(".", ",") : text} %`;
}

export function formatCount(n: number | bigint, lang: Lang): string {
  return groupedInteger(String(n), lang);
}
