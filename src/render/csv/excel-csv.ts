import { stringify } from "csv-stringify/sync";

/** CSV that Swedish Excel opens as numbers: semicolons, decimal comma, UTF-8 with BOM, CRLF. */
export function excelCsv(header: string[], rows: (string | number)[][]): string {
  return stringify([header, ...rows], { delimiter: ";", bom: true, record_delimiter: "windows" });
}
