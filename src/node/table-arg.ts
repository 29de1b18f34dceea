/**
 * What a table argument on the command line names, without reading anything: kept apart from the
 * readers so that checking output paths loads no CSV reader, schema or workbook library.
 */
import { existsSync } from "node:fs";

const WORKBOOK = /\.xls[xm]$/i;

/**
 * What a table argument names: the file, and the sheet when the argument is `FILE.xlsx#Blad`
 * (a file whose own name holds `#` is taken as it is when it exists).
 */
export function tableArg(arg: string): { file: string; sheet?: string; workbook: boolean } {
  const hash = arg.lastIndexOf("#");
  if (hash > 0 && !existsSync(arg)) {
    const file = arg.slice(0, hash);
    if (WORKBOOK.test(file)) return { file, sheet: arg.slice(hash + 1), workbook: true };
  }
  return { file: arg, workbook: WORKBOOK.test(arg) };
}

