/**
 * The column a CSV file of a what-if scenario ends with (columns are only ever added at the end):
 * "Scenario" on the header, and on every row what was set, so that each file says it is a
 * scenario even when it is opened on its own.
 */
import type { Lang } from "../../text/messages.js";
import { excelCsv } from "./excel-csv.js";
import { csvText } from "./csv-safe.js";

/** excelCsv, with the scenario's column added at the end when `scenario` names what was set. */
export function scenarioCsv(lang: Lang, scenario: string | undefined): (header: string[], rows: (string | number)[][]) => string {
  if (scenario === undefined) return excelCsv;
  const cell = csvText(scenario);
  return (header, rows) => excelCsv([...header, "Scenario"], rows.map((r) => [...r, cell]));
}
