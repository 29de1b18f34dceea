/**
 * Diagnostics in words: `FILE:LINE:COLUMN: error[CODE]: message`, with the hint on the next line,
 * in Swedish (default) or English. The core says what is wrong with a code and its parameters;
 * this module says it in the reader's language.
 */
import type { Diagnostic, FieldRef, Params } from "../core/model/diagnostics.js";
import type { Lang } from "../core/model/codes.js";
import { MESSAGES } from "./messages.js";
import { CATALOGUES, isPhrase, phraseText, t } from "./catalogue.js";

/** A 0-based column position as Excel names the column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A code point as U+XXXX. */
function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Text for a message: control and format characters (including ESC) shown as ⟨U+001B⟩, so that
 * echoing an input never sends escape sequences to a terminal or hides characters.
 */
export function escapeForMessage(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu, (ch) => `⟨${codePointName(ch.codePointAt(0) ?? 0)}⟩`);
}

/** A value echoed in a message is cut after 120 characters (a whole over-long field helps no one). */
function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** A file-system error in words, with its code for those who search for it ("filen finns inte (ENOENT)"). */
export function fileProblemText(errno: string, lang: Lang): string {
  const words = (CATALOGUES[lang].fileProblems as Record<string, string>)[errno];
  // an errno (ENOENT) is shown for whoever searches for it; a browser's DOMException name is not
  return words !== undefined ? (/^E[A-Z]+$/.test(errno) ? `${words} (${errno})` : words) : errno;
}

/** Whether fileProblemText has words for this error code. */
export function knownFileProblem(errno: string): boolean {
  return Object.hasOwn(CATALOGUES.sv.fileProblems, errno);
}

/** Öre as a message writes money: "−" never (an ASCII minus pastes as a number), grouped thousands. */
export function moneyText(ore: bigint, lang: Lang): string {
  const neg = ore < 0n;
  const digits = (neg ? -ore : ore).toString().padStart(3, "0");
  const int = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",");
  return `${neg ? "-" : ""}${int}${lang === "sv" ? "," : "."}${digits.slice(-2)}`;
}

/** A decimal text ("-1234.5") as the language writes numbers ("-1 234,5" / "-1,234.5"), as core's groupedDecimal does. */
export function decimalText(text: string, lang: Lang): string {
  const [int = "", frac] = text.split(".");
  const grouped = /^-?\d+$/.test(int) ? int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",") : int;
  return frac === undefined ? grouped : `${grouped}${lang === "sv" ? "," : "."}${frac}`;
}

export function fill(template: string, params: Params, lang: Lang = "sv"): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === "object") {
      if ("ore" in v) return moneyText(v.ore, lang);
      if ("errno" in v) return escapeForMessage(knownFileProblem(v.errno) ? fileProblemText(v.errno, lang) : shorten(v.detail ?? v.errno));
      if (isPhrase(v)) return escapeForMessage(shorten(phraseText(v, lang)));
      return escapeForMessage(shorten(v[lang]));
    }
    return escapeForMessage(shorten(String(v)));
  });
}

export function messageText(d: Pick<Diagnostic, "code" | "params"> & { field?: FieldRef; file?: string }, lang: Lang): string {
  const entry = MESSAGES[d.code];
  const text = fill(entry[lang], d.params, lang);
  if (!d.field) return text;
  // a workbook's cell names its column already: only the header is added
  if (d.file !== undefined && isSheetPosition(d.file)) return `${text} (${escapeForMessage(shorten(d.field.name))})`;
  return `${text} (${t(lang, "labels.column")} ${columnLetter(d.field.index)}, ${escapeForMessage(shorten(d.field.name))})`;
}

export function hintText(d: Pick<Diagnostic, "code" | "params">, lang: Lang): string | undefined {
  const entry = MESSAGES[d.code] as { hint?: { sv: string; en: string }; suggestionHint?: { sv: string; en: string } };
  const hint = d.params.suggestion !== undefined && entry.suggestionHint ? entry.suggestionHint : entry.hint;
  return hint ? fill(hint[lang], d.params, lang) : undefined;
}

/** Whether a position's file is a sheet of a workbook (`….xlsx#Blad1`), where positions are cells. */
function isSheetPosition(file: string): boolean {
  return /\.xls[xm]#./i.test(file);
}

/**
 * Where a diagnostic points: `FILE:LINE:COLUMN`, or for a sheet of a workbook the cell,
 * `FILE.xlsx#Blad!C12` (the column is the value's column, its offset into the text left out).
 */
export function positionText(d: Pick<Diagnostic, "file" | "line" | "column" | "field">): string {
  const file = escapeForMessage(d.file || "-");
  if (d.file && isSheetPosition(d.file)) return `${file}!${columnLetter(d.field ? d.field.index : (d.column ?? 1) - 1)}${d.line ?? 1}`;
  return `${file}:${d.line ?? 1}:${d.column ?? 1}`;
}

/** One diagnostic as text, with its hint on the next line where there is one. */
export function renderDiagnostic(d: Diagnostic, lang: Lang = "sv"): string {
  const where = positionText(d);
  // the severity stays in English in both languages, as compilers write it (tools match on it)
  const severity = d.severity === "error" ? "error" : "warning";
  let text = `${where}: ${severity}[${d.code}]: ${messageText(d, lang)}`;
  const hint = hintText(d, lang);
  if (hint) text += `\n  ${t(lang, "labels.hint")}: ${hint}`;
  return text;
}
