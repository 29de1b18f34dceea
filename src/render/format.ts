/**
 * The plain formats every view shares: money for people ("1 234 567,89") and for Swedish Excel
 * ("-1234,56"), CSV that Swedish Excel opens, a text table, and the file a view hands to the
 * writer. Pure: no `node:` import.
 */
import { moneyText } from "../text/diagnostics.js";
import { t } from "../text/i18n.js";

/** A file to write: its path and contents (text is written as UTF-8). Written by `writeFilesAtomically`. */
export interface PendingFile {
  path: string;
  data: Uint8Array | string;
  /** the option that named the file (`--json`), for messages; the path when absent */
  option?: string;
}

/** Öre as a Swedish spreadsheet number: decimal comma, no thousands separator ("-1234,56"). */
export function oreForExcelCsv(ore: bigint): string {
  const neg = ore < 0n;
  const a = (neg ? -ore : ore).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${a.slice(0, -2)},${a.slice(-2)}`;
}

/** A decimal text ("0.339077844608626", "-12.5") with a decimal comma. */
export function decimalComma(text: string): string {
  return text.replace(".", ",");
}


/** Öre for people: "1 234 567,89" (space as thousands separator). */
export function formatSek(ore: bigint, lang: "sv" | "en" = "sv"): string {
  // as a message writes money: an ASCII minus (U+2212 pastes into Excel as text, not as a number)
  return moneyText(ore, lang);
}

/** The a-conto unit in words: "hela kronor" for 1 kr, "hela öre" for 0,01 kr, else "multiplar av 1 000,00 kr". */
export function accontoUnitWords(unit: bigint, lang: "sv" | "en" = "sv"): string {
  if (unit === 100n) return t(lang, "acconto_unit_kronor");
  if (unit === 1n) return t(lang, "acconto_unit_ore");
  return t(lang, "acconto_unit_multiple", { amount: formatSek(unit, lang) });
}

/** A plain text table, columns padded; numbers right-aligned. */
export function textTable(rows: string[][], rightAlign: boolean[] = []): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => {
          const pad = " ".repeat((widths[i] ?? 0) - [...c].length);
          return rightAlign[i] ? pad + c : c + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** A text cut into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * Table rows whose column `col` is wrapped at `width`: a row's further lines repeat nothing but
 * the wrapped text, so that a terminal table keeps within its width.
 */
export function wrapColumn(rows: string[][], col: number, width: number): string[][] {
  return rows.flatMap((r) => {
    const [first = "", ...rest] = wrapText(r[col] ?? "", width);
    return [r.map((c, i) => (i === col ? first : c)), ...rest.map((t) => r.map((_, i) => (i === col ? t : "")))];
  });
}

/**
 * A file's path in an output folder, without `node:path` (views run in a browser too): the name
 * alone for no folder, else the folder and the name with one separator between them.
 */
export function joinPath(dir: string, name: string): string {
  if (dir === "") return name;
  return /[/\\]$/.test(dir) ? dir + name : `${dir}/${name}`;
}
