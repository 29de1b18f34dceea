/**
 * The plain formats every view shares: money for people ("1 234 567,89") and for Swedish Excel
 * ("-1234,56"), CSV that Swedish Excel opens, a text table, and the file a view hands to the
 * writer. Pure: no `node:` import.
 */

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
  const neg = ore < 0n;
  const a = (neg ? -ore : ore).toString().padStart(3, "0");
  const int = a.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",");
  // An ASCII minus: U+2212 pastes into Excel as text, not as a number.
  return `${neg ? "-" : ""}${int}${lang === "sv" ? "," : "."}${a.slice(-2)}`;
}

/** The a-conto unit in words: "hela kronor" for 1 kr, "hela öre" for 0,01 kr, else "multiplar av 1 000,00 kr". */
export function accontoUnitWords(unit: bigint, lang: "sv" | "en" = "sv"): string {
  if (unit === 100n) return lang === "sv" ? "hela kronor" : "whole kronor";
  if (unit === 1n) return lang === "sv" ? "hela öre" : "whole öre";
  return lang === "sv" ? `multiplar av ${formatSek(unit, lang)} kr` : `multiples of SEK ${formatSek(unit, lang)}`;
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

/**
 * A file's path in an output folder, without `node:path` (views run in a browser too): the name
 * alone for no folder, else the folder and the name with one separator between them.
 */
export function joinPath(dir: string, name: string): string {
  if (dir === "") return name;
  return /[/\\]$/.test(dir) ? dir + name : `${dir}/${name}`;
}
