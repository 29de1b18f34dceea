/**
 * Numbers as Swedish and English spreadsheets write them (formats.md, "Numbers"):
 * decimal comma or point; thousands separators space, no-break space (U+00A0) or narrow
 * no-break space (U+202F) between groups of three digits; a leading "-" or "−" (U+2212);
 * no exponent. The result is an exact integer of 10^-maxDecimals units.
 */

export type NumberProblem = "BAD_NUMBER" | "TOO_MANY_DECIMALS";

export type NumberParse =
  | { ok: true; units: bigint }
  | { ok: false; problem: NumberProblem; /** 0-based offset in the text */ offset: number };

const SPACE = 0x20;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const TAB = 0x09;

function isThousandsSeparator(c: number): boolean {
  return c === SPACE || c === NBSP || c === NNBSP;
}
function isTrimmable(c: number): boolean {
  return c === SPACE || c === NBSP || c === NNBSP || c === TAB;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function parseLocaleNumber(text: string, maxDecimals: number): NumberParse {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text.charCodeAt(start))) start++;
  while (end > start && isTrimmable(text.charCodeAt(end - 1))) end--;
  if (start === end) return { ok: false, problem: "BAD_NUMBER", offset: 0 };
  // No number anyone writes is this long; refusing it keeps BigInt parsing cheap.
  if (end - start > 64) return { ok: false, problem: "BAD_NUMBER", offset: 64 };

  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 0x2d /* - */ || first === 0x2212 /* − */) {
    negative = true;
    i++;
  }
  let digits = "";
  let groupLength = 0;
  let sawSeparator = false;
  // Integer part: digits, optionally grouped by thousands separators.
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      digits += text[i];
      groupLength++;
      i++;
    } else if (isThousandsSeparator(c)) {
      if (groupLength === 0) return { ok: false, problem: "BAD_NUMBER", offset: i - start };
      if (sawSeparator ? groupLength !== 3 : groupLength > 3) {
        return { ok: false, problem: "BAD_NUMBER", offset: i - start };
      }
      sawSeparator = true;
      groupLength = 0;
      i++;
    } else {
      break;
    }
  }
  if (digits.length === 0 || groupLength === 0) return { ok: false, problem: "BAD_NUMBER", offset: i - start };
  if (sawSeparator && groupLength !== 3) return { ok: false, problem: "BAD_NUMBER", offset: i - start };

  let decimals = "";
  if (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 0x2c /* , */ && c !== 0x2e /* . */) return { ok: false, problem: "BAD_NUMBER", offset: i - start };
    i++;
    const decimalStart = i;
    while (i < end && isDigit(text.charCodeAt(i))) {
      decimals += text[i];
      i++;
    }
    if (i < end || decimals.length === 0) return { ok: false, problem: "BAD_NUMBER", offset: i - start };
    if (decimals.length > maxDecimals) {
      return { ok: false, problem: "TOO_MANY_DECIMALS", offset: decimalStart + maxDecimals - start };
    }
  }
  const units = BigInt(digits + decimals.padEnd(maxDecimals, "0"));
  return { ok: true, units: negative ? -units : units };
}

/** Offset of the first non-blank character of a field, to point at the value itself. */
export function leadingBlank(text: string): number {
  let i = 0;
  while (i < text.length && isTrimmable(text.charCodeAt(i))) i++;
  return i;
}

/** True when the text holds nothing but blanks. */
export function isBlank(text: string | undefined): boolean {
  if (text === undefined) return true;
  for (let i = 0; i < text.length; i++) if (!isTrimmable(text.charCodeAt(i))) return false;
  return true;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates an ISO calendar date (YYYY-MM-DD); returns its year or undefined. */
export function isoDateYear(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days ? y : undefined;
}

/**
 * The parameters of BAD_NUMBER: the text, and when it is a number with a currency written beside it
 * ("1 234,50 kr", "SEK 100", "100:-"), the number alone as a suggestion.
 */
export function badNumberParams(text: string, decimals = 2): { text: string; suggestion?: string } {
  const t = text.trim();
  const m = /^(?:(?:SEK|kr)\.?\s*)?(.*?\d)\s*(?:kr\.?|kronor|SEK|:-)?$/i.exec(t);
  const bare = m?.[1]?.trim();
  if (bare === undefined || bare === t || !parseLocaleNumber(bare, decimals).ok) return { text: t };
  return { text: t, suggestion: bare };
}
