/** A proposal as `vardavtal propose` prints it. Pure, so the offline page shows the same text. */
import type { CompiledTariff } from "../../core/model/tariff.js";
import type { BaseResult, Proposal } from "../../core/year/proposal.js";
import type { Lang } from "../../text/messages.js";
import { t } from "../../text/i18n.js";
import { formatRational, formatScaled, groupedDecimal, type ScaledDecimal } from "../../core/model/decimal.js";
import { formatSek, textTable } from "../format.js";
import { draftLines, titleWithYear } from "../labels.js";

/** The reference amounts before and after, and the year factor of prices and budgets (with next year's index). */
export function proposalText(proposal: Proposal, tariff: CompiledTariff, results: BaseResult[], index: ReadonlyMap<number, ScaledDecimal>, lang: Lang): string {
  const sv = lang === "sv";
  const id = (i: number): string => tariff.parties[i]?.id ?? String(i);
  const out: string[] = [];
  out.push(titleWithYear(proposal.tariff.title, proposal.year));
  out.push(...draftLines("proposal", lang));
  out.push(`${sv ? "Basår" : "Base years"}: ${results.map((r) => (r.scenario ? `${r.year} (SCENARIO: ${r.scenario.join("; ")})` : String(r.year))).join(", ")}; ${sv ? "avrundning" : "rounding"}: ${formatSek(proposal.roundTo, lang)} kr`);
  out.push("");
  const head = [t(lang, "seller"), t(lang, "buyer"), `${sv ? "Referensbelopp" : "Reference"} ${proposal.year - 1}`, `${sv ? "Förslag" : "Proposed"} ${proposal.year}`, sv ? "Förändring" : "Change"];
  const rows = proposal.references.map((r) => [id(r.seller), id(r.buyer), r.previous === undefined ? "–" : formatSek(r.previous, lang), formatSek(r.reference, lang), r.previous === undefined ? "" : formatSek(r.reference - r.previous, lang)]);
  out.push(textTable([head, ...rows], [false, false, true, true, true]));
  out.push("");
  const pct = index.get(proposal.year);
  const factorText = groupedDecimal(formatRational(proposal.yearFactor, 0, 15), lang);
  const indexText = pct ? ` (index ${proposal.year}: ${groupedDecimal(formatScaled(pct.units, pct.scale), lang)} %)` : "";
  out.push(`${sv ? "Poängpriser, budgetar och fasta belopp" : "Point prices, budgets and fixed amounts"} × ${factorText}${indexText}`);
  return out.join("\n") + "\n";
}
