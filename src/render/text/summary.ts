/** The summary table a `calculate` run prints on stdout. */
import { COMPONENTS, type CalculationResult } from "../../core/model/calculate.js";
import type { Lang } from "../../text/messages.js";
import { scenarioLines } from "../../text/scenario-lines.js";
import { formatSek, textTable } from "../format.js";
import { draftLines, titleWithYear } from "../labels.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
import { type ScenarioRecord } from "../../core/analysis/scenario-record.js";
import { messageText } from "../../text/diagnostics.js";

import { formatCount, percent } from "./numbers.js";

export { formatCount, percent };

export function summaryText(r: CalculationResult, lang: Lang, scenario?: ScenarioRecord): string {
  const out: string[] = [];
  out.push(titleWithYear(r.title, r.year));
  out.push(...draftLines(r.tariff.file.status, lang));
  out.push(...scenarioLines(scenario, lang));
  if (r.forecast) {
    const f = r.forecast;
    out.push(t(lang, "forecast_line", { through: f.through, year: r.year, days: f.daysThrough, daysInYear: f.daysInYear }));
  }
  const source = r.key.populationSource?.kind === "file" ? r.key.populationSource.file : t(lang, "key_source_tariff");
  out.push(t(lang, "key_line", { basis: t(lang, r.key.basis === "population" ? "key_basis_population" : "key_basis_fixed"), source: r.key.date ? `${source}, ${r.key.date}` : source }));
  out.push("");
  const head = [t(lang, "party"), ...(r.key.population ? [t(lang, "population")] : []), t(lang, "share"), t(lang, "net")];
  const rows = r.parties.map((p, i) => [
    `${p.id} ${p.name}`,
    ...(r.key.population ? [formatCount(r.key.population[i] ?? 0n, lang)] : []),
    percent(r.key.weights[i] ?? 0n, r.key.totalWeight, 4, lang),
    formatSek(r.net[i] ?? 0n, lang),
  ]);
  out.push(textTable([head, ...rows], head.map((_, i) => i > 0)));
  out.push("");
  out.push(t(lang, "transfers") + ":");
  out.push("  " + nettingWords(r.netting, lang));
  if (r.transfers.length === 0) out.push("  " + t(lang, "no_transfers"));
  for (const tr of r.transfers) {
    out.push("  " + t(lang, "transfer_line", { payer: r.parties[tr.payer]?.id ?? "", payee: r.parties[tr.payee]?.id ?? "", amount: formatSek(tr.amount, lang) }));
  }
  out.push("");
  out.push(t(lang, "components") + ":");
  out.push(
    textTable(
      COMPONENTS.map((c) => ["  " + componentName(c, lang), formatSek(r.componentTotals[c], lang)]),
      [false, true],
    ),
  );
  out.push("");
  out.push(t(lang, "rows_line", { read: formatCount(r.consumption.rowsRead, lang), counted: formatCount(r.consumption.rowsCounted, lang), otherYear: formatCount(r.skipped.otherYear, lang), ownRegion: formatCount(r.skipped.ownRegion, lang) }));
  if (r.forecast) out.push(t(lang, "after_through_line", { count: formatCount(r.skipped.afterThrough, lang), through: r.forecast.through }));
  if (r.warnings.length > 0) {
    out.push("");
    out.push(t(lang, "warnings") + ":");
    for (const w of r.warnings) out.push(`  ${w.code}: ${messageText(w, lang)}`);
  }
  return out.join("\n") + "\n";
}
