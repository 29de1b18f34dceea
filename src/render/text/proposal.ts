/** A proposal as `vardavtal propose` prints it. Pure, so the offline page shows the same text. */
import type { CompiledTariff } from "../../core/model/tariff.js";
import type { BaseResult, Proposal } from "../../core/year/proposal.js";
import type { Lang } from "../../text/messages.js";
import { t } from "../../text/i18n.js";
import { formatSek, textTable } from "../format.js";

/** The reference amounts before and after, and the year factor of prices and budgets. */
export function proposalText(proposal: Proposal, tariff: CompiledTariff, results: BaseResult[], lang: Lang): string {
  const sv = lang === "sv";
  const id = (i: number): string => tariff.parties[i]?.id ?? String(i);
  const out: string[] = [];
  out.push(`${proposal.tariff.title} (${proposal.year})`);
  out.push(`${sv ? "Basår" : "Base years"}: ${results.map((r) => r.year).join(", ")}; ${sv ? "avrundning" : "rounding"}: ${formatSek(proposal.roundTo, lang)} kr`);
  out.push("");
  const head = [t(lang, "seller"), t(lang, "buyer"), `${sv ? "Referensbelopp" : "Reference"} ${proposal.year - 1}`, `${sv ? "Förslag" : "Proposed"} ${proposal.year}`, sv ? "Förändring" : "Change"];
  const rows = proposal.references.map((r) => [id(r.seller), id(r.buyer), r.previous === undefined ? "–" : formatSek(r.previous, lang), formatSek(r.reference, lang), r.previous === undefined ? "" : formatSek(r.reference - r.previous, lang)]);
  out.push(textTable([head, ...rows], [false, false, true, true, true]));
  out.push("");
  out.push(`${sv ? "Poängpriser, budgetar och fasta belopp" : "Point prices, budgets and fixed amounts"} × ${proposal.yearFactor.num}/${proposal.yearFactor.den}`);
  return out.join("\n") + "\n";
}
