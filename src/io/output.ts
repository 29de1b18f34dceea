/**
 * Writing results: every file goes to a temporary name beside its target and is renamed into
 * place only when all of them were produced, so a failed run leaves no half-written file and
 * does not touch an older one.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { stringify } from "csv-stringify/sync";

export interface PendingFile {
  path: string;
  data: Buffer | string;
}

/** Writes all files atomically: temp files first, then renames. Nothing is renamed if a write fails. */
export function writeFilesAtomically(files: PendingFile[]): void {
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${Date.now()}.tmp`);
      writeFileSync(tmp, f.data);
      temps.push({ tmp, path: f.path });
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.tmp, t.path);
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

/** CSV that Swedish Excel opens as numbers: semicolons, decimal comma, UTF-8 with BOM, CRLF. */
export function excelCsv(header: string[], rows: (string | number)[][]): string {
  return stringify([header, ...rows], { delimiter: ";", bom: true, record_delimiter: "windows" });
}

/** Öre for people: "1 234 567,89" (space as thousands separator). */
export function formatSek(ore: bigint, lang: "sv" | "en" = "sv"): string {
  const neg = ore < 0n;
  const a = (neg ? -ore : ore).toString().padStart(3, "0");
  const int = a.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",");
  return `${neg ? "−" : ""}${int}${lang === "sv" ? "," : "."}${a.slice(-2)}`;
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
