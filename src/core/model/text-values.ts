/**
 * Text values read from inputs (parties, areas, cost items, tariff names): what makes one
 * unusable. Control characters (C0, C1, NUL, DEL), invisible format characters (a BOM, zero-width
 * and bidirectional marks, soft hyphen), line and paragraph separators and lone surrogates would
 * make a second area or party that looks like the first; a value of only whitespace of any kind
 * is no value. Tab is allowed only around the value, where it is trimmed.
 */
import { MAX_NAME_LENGTH } from "./limits.js";
import type { Phrase } from "./phrases.js";

export type TextProblem =
  | { kind: "control"; /** 0-based offset in the text */ offset: number; codePoint: number }
  | { kind: "blank" }
  | { kind: "too_long"; length: number; max: number };

const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const BLANK = /^[\s\p{Z}]*$/u;
const EDGE_TABS = /^[ \t]+|[ \t]+$/g;

/** Why `text` cannot be used as a name, or undefined when it can. */
export function textProblem(text: string, max: number = MAX_NAME_LENGTH): TextProblem | undefined {
  if (BLANK.test(text)) return { kind: "blank" };
  const inner = text.replace(EDGE_TABS, (m) => " ".repeat(m.length));
  const m = FORBIDDEN.exec(inner);
  if (m) return { kind: "control", offset: m.index, codePoint: inner.codePointAt(m.index) ?? 0 };
  if (text.length > max) return { kind: "too_long", length: text.length, max };
  return undefined;
}

/** A code point as U+XXXX. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Where a diagnostic goes: a bag (structurally, to keep this module free of imports). */
interface Reporter {
  error(code: "MISSING_VALUE" | "BAD_TEXT" | "TEXT_TOO_LONG", params: Record<string, string | number | Phrase>, at?: object): void;
}

/**
 * Checks a name read from an input and reports its problem (blank → MISSING_VALUE, a control or
 * format character → BAD_TEXT at that character, too long → TEXT_TOO_LONG). `at(offset)` gives
 * the position of a character of the text. Returns true when the text can be used.
 */
export function checkName(bag: Reporter, text: unknown, what: string | Phrase, at: (offset: number) => object): text is string {
  const problem = typeof text === "string" ? textProblem(text) : ({ kind: "blank" } as const);
  if (!problem) return true;
  if (problem.kind === "blank") bag.error("MISSING_VALUE", { what }, at(0));
  else if (problem.kind === "control") bag.error("BAD_TEXT", { char: codePointName(problem.codePoint), what }, at(problem.offset));
  else bag.error("TEXT_TOO_LONG", { what, length: problem.length, max: problem.max }, at(0));
  return false;
}
