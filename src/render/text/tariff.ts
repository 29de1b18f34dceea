/** A tariff as `vardavtal check-tariff` prints it. Pure, so the offline page shows the same text. */
import { formatRational, parseMoney, shareText } from "../../core/model/decimal.js";
import type { Lang } from "../../text/messages.js";
import { areaKey } from "../../core/model/names.js";
import type { CompiledTariff } from "../../core/model/tariff-compile.js";
import { formatSek, textTable } from "../format.js";
import { statusBanner, statusName, titleWithYear } from "../labels.js";
import { t, type TextKey } from "../../text/i18n.js";
import { formatCount } from "./numbers.js";
import { decisionText } from "../../text/decided-words.js";

/** The closing line: valid, and how many warnings. */
export function tariffValidText(tariff: CompiledTariff, lang: Lang): string {
  const sv = lang === "sv";
  return (sv ? "Tariffen är giltig" : "The tariff is valid") + (tariff.warnings.length > 0 ? (sv ? ` (${tariff.warnings.length} varning${tariff.warnings.length === 1 ? "" : "ar"})` : ` (${tariff.warnings.length} warning${tariff.warnings.length === 1 ? "" : "s"})`) : "") + ".\n";
}

/** Decimal text of a share string in the language's way ("0,65 (65 %)"). */
function shareWords(text: string, lang: Lang): string {
  const [int = "0", frac = ""] = text.split(".");
  const num = BigInt(int + frac);
  const den = 10n ** BigInt(frac.length);
  const pct = formatRational({ num: num * 100n, den }, 0, 4); // exact, at most 4 decimals
  return `${lang === "sv" ? text.replace(".", ",") : text} (${lang === "sv" ? pct.replace(".", ",") : pct} %)`;
}

/** The tariff's content as the controller reads it: the same order as the tariff file. */
export function describeTariff(tr: CompiledTariff, lang: Lang): string {
  const sv = lang === "sv";
  const f = tr.file;
  const ids = tr.parties.map((p) => p.id);
  const idOf = (i: number): string => ids[i] ?? String(i);
  const out: string[] = [];
  const section = (title: string): void => {
    out.push("", title);
  };
  out.push(titleWithYear(tr.title, tr.year));
  // a draft is named by its banner, as on every workbook; a decided tariff by its status
  const status = f.status ? (statusBanner(f.status, lang)[0] ?? statusName(f.status, lang)) : sv ? "inte angiven (räknas som beslutad)" : "not given (taken as decided)";
  out.push(`${sv ? "Status" : "Status"}: ${status}`);
  // who decided it, when and under which paragraph (required for "decided")
  out.push(`${sv ? "Beslut" : "Decision"}: ${decisionText(tr.decision, lang)}`);
  if (tr.source) out.push(`${sv ? "Källa" : "Source"}: ${tr.source}`);

  section(sv ? `Parter (${tr.parties.length})` : `Parties (${tr.parties.length})`);
  out.push(textTable([[t(lang, "party"), sv ? "Namn" : "Name", sv ? "Alias" : "Aliases"], ...tr.parties.map((p) => [p.id, p.name, p.aliases.join(", ")])], [false, false, false]));

  section(sv ? "Fördelningsnyckel" : "Distribution key");
  const basis = t(lang, tr.key.basis === "population" ? "key_basis_population" : "key_basis_fixed");
  out.push(`${sv ? "Grund" : "Basis"}: ${basis}${f.key.date ? `, ${f.key.date}` : ""}${f.key.source ? ` (${f.key.source})` : ""}`);
  if (f.key.basis === "fixed") {
    const shares = f.key.shares as Record<string, string>;
    out.push(textTable([[t(lang, "party"), t(lang, "share")], ...ids.map((id) => [id, shareWords(shares[id] ?? "0", lang)])], [false, true]));
  }
  if (tr.population) {
    const total = tr.population.reduce((a, b) => a + b, 0n);
    out.push(
      textTable(
        [[t(lang, "party"), t(lang, "population"), t(lang, "share")], ...tr.population.map((p, i) => [idOf(i), formatCount(p, lang), total > 0n ? `${(sv ? shareText(p, total).replace(".", ",") : shareText(p, total))}` : "-"])],
        [false, true, true],
      ),
    );
  }

  section(sv ? "Fast andel av referensbeloppet" : "Fixed share of the reference amount");
  out.push(shareWords(f.fixedShare, lang) + (f.sources?.fixedShare ? ` (${f.sources.fixedShare})` : ""));

  section(sv ? `Poängpriser (${f.pointPrices.length})` : `Point prices (${f.pointPrices.length})`);
  if (f.pointPrices.length > 0) {
    out.push(textTable([[t(lang, "seller"), sv ? "Gäller från" : "Valid from", sv ? "Kr per poäng" : "SEK per point"], ...f.pointPrices.map((p) => [p.seller, p.validFrom, formatSek(toOre(p.price), lang)])], [false, false, true]));
  }

  section(sv ? `Vårdregler (${f.careRules.length}); övriga verksamheter: fast och rörlig ersättning` : `Care rules (${f.careRules.length}); other areas: fixed and variable`);
  if (f.careRules.length > 0) {
    out.push(textTable([[t(lang, "area"), t(lang, "model"), sv ? "Säljare" : "Sellers"], ...f.careRules.map((r) => [r.area, t(lang, `model_${r.model}` as TextKey), r.sellers ? r.sellers.join(", ") : sv ? "alla" : "all"])], [false, false, false]));
  }

  section(sv ? `Referensbelopp (${f.references.length})` : `Reference amounts (${f.references.length})`);
  if (f.references.length > 0) {
    const sum = f.references.reduce((a, r) => a + toOre(r.amount), 0n);
    out.push(textTable([[t(lang, "seller"), t(lang, "buyer"), sv ? "Belopp (kr)" : "Amount (SEK)"], ...f.references.map((r) => [r.seller, r.buyer, formatSek(toOre(r.amount), lang)]), [t(lang, "total"), "", formatSek(sum, lang)]], [false, false, true]));
  }

  if (f.fixedOnly.length > 0) {
    section(sv ? `Endast fast ersättning (${f.fixedOnly.length})` : `Fixed only (${f.fixedOnly.length})`);
    out.push(
      textTable(
        [[t(lang, "area"), sv ? "Värd" : "Host", sv ? "Belopp (kr)" : "Amount (SEK)"], ...f.fixedOnly.map((x) => [x.area, x.host, x.total !== undefined ? `${formatSek(toOre(x.total), lang)} ${sv ? "(fördelas med nyckeln)" : "(split by the key)"}` : Object.entries(x.amounts ?? {}).filter(([k]) => k !== "source").map(([k, v]) => `${k} ${formatSek(toOre(String(v)), lang)}`).join(", ")])],
        [false, false, true],
      ),
    );
  }

  section(sv ? `Solidariskt finansierade enheter: budgetar (${f.solidarity.length})` : `Jointly financed units: budgets (${f.solidarity.length})`);
  if (f.solidarity.length > 0) {
    out.push(textTable([[sv ? "Enhet" : "Unit", sv ? "Värd" : "Host", sv ? "Budget (kr)" : "Budget (SEK)"], ...f.solidarity.map((u) => [u.unit, u.host, formatSek(toOre(u.amount), lang)])], [false, false, true]));
  }

  if (f.grants.length > 0) {
    section(sv ? `Statsbidrag som förs vidare (${f.grants.length})` : `State grants passed on (${f.grants.length})`);
    out.push(textTable([[sv ? "Statsbidrag" : "Grant", sv ? "Mottagare" : "Recipient", sv ? "Belopp (kr)" : "Amount (SEK)", sv ? "Fördelning" : "Split"], ...f.grants.map((g) => [g.name, g.recipient, formatSek(toOre(g.amount), lang), g.amounts ? (sv ? "beslutade belopp per part" : "decided amounts per party") : sv ? "med nyckeln" : "by the key"])], [false, false, true, false]));
  }

  // the areas the tariff knows: its list and its care rules' areas, compared as everywhere (areaKey)
  const known = new Set([...tr.areas, ...f.careRules.map((r) => r.area)].map(areaKey)).size;
  section(`${sv ? "Kända verksamhetsområden" : "Known areas of care"}: ${formatCount(known, lang)}`);
  out.push("");
  return out.join("\n");
}

/** A validated tariff money string ("1234.50") in öre. */
const toOre = (text: string): bigint => parseMoney(text) ?? 0n;
