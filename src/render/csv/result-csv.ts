/**
 * `--csv-dir`: the result as CSV files that Swedish Excel opens as numbers (semicolons, decimal
 * comma, UTF-8 with BOM). Column headers follow `--lang`; component and model codes stay as in
 * the JSON contract so that tools can filter on them, and their names in words follow in a column
 * added at the end (columns are only ever added at the end, never renamed or moved). Areas are
 * listed in the report's order; money has two decimals, an exact value that is not whole öre has
 * its own column beside the rounded one.
 *
 * Every text column (ids, codes, labels, areas) goes through csvText, so that a name such as
 * `=HYPERLINK(…)` from a tariff or a consumption file is shown as text, never run as a formula;
 * number columns are written as numbers.
 */
import type { CalculationResult } from "../../core/model/calculate.js";
import { areaCells } from "../../core/model/consumption.js";
import { VALUE_UNITS_PER_ORE, formatRational, roundHalfAwayFromZero } from "../../core/model/decimal.js";
import type { Lang } from "../../text/messages.js";
import { componentName, nettingWords, t } from "../../text/i18n.js";
import { csvText } from "./csv-safe.js";
import { scenarioCsv } from "./scenario-column.js";
import { scenarioChanges } from "../../text/scenario-lines.js";
import type { ScenarioRecord } from "../../core/analysis/scenario-record.js";
import { cw } from "../../text/compare-words.js";
import { decimalComma, joinPath, oreForExcelCsv, type PendingFile } from "../format.js";
import { reportAreaOrder } from "../labels.js";
import { shareText, formatValueSek } from "../../core/model/decimal.js";

/**
 * The result as the CSV files `--csv-dir` writes (flows, net positions, transfers, pairs, …) for
 * Swedish Excel: semicolons, decimal comma, UTF-8 with BOM, headers in `lang`. Returns the files
 * to write (paths under `dir`); nothing is written. Write them with `writeFilesAtomically`.
 *
 * @example
 * ```ts
 * writeFilesAtomically(resultCsvFiles(result, "ut", "sv"));
 * // a scenario (calculate --set): every file ends with a column "Scenario" saying what was set
 * writeFilesAtomically(resultCsvFiles(result, "ut", "sv", { scenario }));
 * ```
 */
export function resultCsvFiles(r: CalculationResult, dir: string, lang: Lang, options: { scenario?: ScenarioRecord } = {}): PendingFile[] {
  // a scenario's files each end with a column that says so, with what was set
  const csv = scenarioCsv(lang, options.scenario ? cw(lang, "scenarioSet", { list: scenarioChanges(options.scenario, lang).join("; ") }).replace(/^Scenario/, "SCENARIO") : undefined);
  const id = (i: number): string => csvText(r.parties[i]?.id ?? String(i));
  const added = (k: "componentName" | "modelName" | "percent"): string => t(lang, `column_${k}`);
  const files: PendingFile[] = [];
  files.push({
    path: joinPath(dir, "flows.csv"),
    data: csv(
      [t(lang, "payer"), t(lang, "payee"), t(lang, "component"), t(lang, "label"), t(lang, "amount"), added("componentName")],
      r.flows.map((f) => [id(f.payer), id(f.payee), csvText(f.component), csvText(f.label ?? ""), oreForExcelCsv(f.amount), csvText(componentName(f.component, lang))]),
    ),
  });
  files.push({
    path: joinPath(dir, "net.csv"),
    data: csv([t(lang, "party"), t(lang, "net")], r.net.map((v, i) => [id(i), oreForExcelCsv(v)])),
  });
  files.push({
    path: joinPath(dir, "transfers.csv"),
    data: csv([t(lang, "payer"), t(lang, "payee"), t(lang, "amount"), t(lang, "netting_column")], r.transfers.map((x) => [id(x.payer), id(x.payee), oreForExcelCsv(x.amount), csvText(nettingWords(r.netting, lang, true))])),
  });
  files.push({
    path: joinPath(dir, "key.csv"),
    data: csv(
      [t(lang, "party"), t(lang, "population"), t(lang, "share"), added("percent")],
      r.parties.map((p, i) => [
        id(i),
        r.key.population ? String(r.key.population[i]) : "",
        decimalComma(shareText(r.key.weights[i] ?? 0n, r.key.totalWeight)),
        decimalComma(formatRational({ num: (r.key.weights[i] ?? 0n) * 100n, den: r.key.totalWeight }, 4, 4)),
      ]),
    ),
  });
  const areaRows = areaCells(r.consumption, r.parties.length)
    .sort(reportAreaOrder)
    .map((c) => [
    csvText(c.area.area),
    id(c.seller),
    id(c.buyer),
    csvText(c.model),
    String(c.rows),
    decimalComma(formatValueSek(c.value)),
    oreForExcelCsv(roundHalfAwayFromZero(c.value, VALUE_UNITS_PER_ORE)),
    csvText(t(lang, `model_${c.model}`)),
  ]);
  files.push({
    path: joinPath(dir, "areas.csv"),
    data: csv([t(lang, "area"), t(lang, "seller"), t(lang, "buyer"), t(lang, "model"), t(lang, "rows"), t(lang, "value"), t(lang, "value_rounded"), added("modelName")], areaRows),
  });
  return files;
}
