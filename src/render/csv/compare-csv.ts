/**
 * The comparison as CSV for Swedish Excel (semicolons, decimal comma, UTF-8 with BOM): net per
 * party, per party and component, per flow, and, when the comparison has them, the effects, the
 * pairs and the areas. A view of the checked comparison, in its order (flows as every report
 * orders them; the workbook sorts by size of change).
 */
import { sideScenarioText } from "../../text/scenario-lines.js";
import type { Comparison } from "../../core/analysis/compare.js";
import { cw, effectName, sideLabels } from "../../text/compare-words.js";
import { t as cliText } from "../../text/i18n.js";
import type { Lang } from "../../text/messages.js";
import { csvText } from "./csv-safe.js";
import { scenarioCsv } from "./scenario-column.js";
import { decimalComma, joinPath, oreForExcelCsv, type PendingFile } from "../format.js";
import { formatValueSek } from "../../core/model/decimal.js";

/** Every name `--csv-dir` may write for a comparison (checked before the run). */
export const COMPARISON_CSV_FILES = ["comparison-net.csv", "comparison-components.csv", "comparison-flows.csv", "comparison-effects.csv", "comparison-pairs.csv", "comparison-areas.csv"] as const;

export function comparisonCsvFiles(c: Comparison, dir: string, lang: Lang): PendingFile[] {
  // a side that is a scenario: every file ends with a column that says which, and what was set
  const names = sideLabels(lang, c);
  const sides = [[names.a, c.a], [names.b, c.b]] as const;
  // which side is the scenario is named only when both are
  const both = sides.every(([, s]) => s.scenario);
  const scenario = sides.filter(([, s]) => s.scenario).map(([k, s]) => `${both ? `${k}: ` : ""}${cw(lang, "scenarioSet", { list: sideScenarioText(s, lang) }).replace(/^Scenario/, "SCENARIO")}`);
  const csv = scenarioCsv(lang, scenario.length > 0 ? scenario.join(" | ") : undefined);
  const id = (i: number): string => csvText(c.parties[i] ?? String(i));
  const m = oreForExcelCsv;
  const side = sideLabels(lang, c);
  const abc = [side.a, side.b, cw(lang, "change")];
  const files: PendingFile[] = [
    { path: joinPath(dir, "comparison-net.csv"), data: csv([cliText(lang, "party"), ...abc], c.net.map((n, i) => [id(i), m(n.a), m(n.b), m(n.change)])) },
    { path: joinPath(dir, "comparison-components.csv"), data: csv([cliText(lang, "party"), cliText(lang, "component"), ...abc], c.components.map((x) => [id(x.party), x.component, m(x.a), m(x.b), m(x.change)])) },
    {
      path: joinPath(dir, "comparison-flows.csv"),
      data: csv([cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "component"), cliText(lang, "label"), ...abc], c.flows.map((f) => [id(f.payer), id(f.payee), f.component, csvText(f.label ?? ""), m(f.a), m(f.b), m(f.change)])),
    },
  ];
  const e = c.effects;
  if (e?.available) {
    files.push({ path: joinPath(dir, "comparison-effects.csv"), data: csv([cliText(lang, "party"), cw(lang, "change"), ...e.groups.map((g) => effectName(lang, g))], e.parties.map((p, i) => [id(i), m(p.change), ...p.effects.map(m)])) });
  }
  if (c.pairs) files.push({ path: joinPath(dir, "comparison-pairs.csv"), data: csv([cliText(lang, "seller"), cliText(lang, "buyer"), ...abc], c.pairs.map((p) => [id(p.seller), id(p.buyer), m(p.a), m(p.b), m(p.change)])) });
  if (c.areas) {
    const v = (x: bigint): string => decimalComma(formatValueSek(x));
    files.push({
      path: joinPath(dir, "comparison-areas.csv"),
      data: csv([cliText(lang, "area"), cliText(lang, "seller"), cliText(lang, "buyer"), cliText(lang, "model"), cw(lang, "rows", { side: side.a }), cw(lang, "rows", { side: side.b }), ...abc], c.areas.map((x) => [csvText(x.area), id(x.seller), id(x.buyer), x.model, x.rowsA, x.rowsB, v(x.a), v(x.b), v(x.change)])),
    });
  }
  return files;
}
