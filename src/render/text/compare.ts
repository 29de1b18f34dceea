/** A comparison as `vardavtal compare` prints it. Pure, so the offline page shows the same text. */
import { sideScenarioText } from "../../text/scenario-lines.js";
import { bySizeOfChange, type Comparison } from "../../core/analysis/compare.js";
import { cw, effectName, effectsUnavailable, sideLabels } from "../../text/compare-words.js";
import { draftLines } from "../labels.js";
import { leastDecided } from "../../core/model/tariff-format.js";
import type { Lang } from "../../text/messages.js";
import { componentName, t } from "../../text/i18n.js";
import { messageText } from "../../text/diagnostics.js";
import { formatSek, textTable } from "../format.js";

/** The summary a comparison prints on stdout, in the style of `calculate`. */
export function comparisonText(c: Comparison, lang: Lang): string {
  const id = (i: number): string => c.parties[i] ?? String(i);
  const sek = (x: bigint): string => formatSek(x, lang);
  const out: string[] = [];
  // the sides by their short names (as the table's columns), the agreement once below them
  const side = sideLabels(lang, c);
  out.push(cw(lang, "heading", { a: side.a, b: side.b }));
  const titleA = c.a.title ?? c.a.file ?? "";
  const titleB = c.b.title ?? c.b.file ?? "";
  out.push(titleA === titleB ? titleA : `${side.a}: ${titleA}; ${side.b}: ${titleB}`);
  // a side computed from an illustrative (or proposed) tariff makes the comparison a draft, as on the workbook
  out.push(...draftLines(leastDecided([c.a.tariffStatus, c.b.tariffStatus]), lang));
  for (const s of [c.a, c.b]) if (s.scenario) out.push(cw(lang, "scenarioSet", { list: sideScenarioText(s, lang) }));
  out.push("");
  const abc = [side.a, side.b, cw(lang, "change")];
  out.push(textTable([[t(lang, "party"), ...abc], ...c.net.map((n, i) => [id(i), sek(n.a), sek(n.b), sek(n.change)])], [false, true, true, true]));
  const e = c.effects;
  if (e?.available) {
    out.push("");
    out.push(cw(lang, "effects") + ":");
    const head = [t(lang, "party"), ...e.groups.map((g) => effectName(lang, g)), cw(lang, "change")];
    out.push(textTable([head, ...e.parties.map((p, i) => [id(i), ...p.effects.map(sek), sek(p.change)])], head.map((_, i) => i > 0)));
    out.push(cw(lang, "effectsOrder", side));
    if (e.pricesInConsumption) out.push(cw(lang, "effectsPrices"));
  } else if (e) {
    out.push("");
    out.push(effectsUnavailable(messageText(e.reason, lang)));
  }
  out.push("");
  out.push(cw(lang, "largestFlows") + ":");
  const changed = bySizeOfChange(c.flows.filter((f) => f.change !== 0n)).slice(0, 10);
  if (changed.length === 0) out.push("  " + cw(lang, "noChange"));
  else {
    const rows = changed.map((f) => [`  ${id(f.payer)} → ${id(f.payee)}`, componentName(f.component, lang) + (f.label ? `: ${f.label}` : ""), sek(f.a), sek(f.b), sek(f.change)]);
    out.push(textTable([["", t(lang, "component"), side.a, side.b, cw(lang, "change")], ...rows], [false, false, true, true, true]));
  }
  return out.join("\n") + "\n";
}
