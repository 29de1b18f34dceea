/**
 * Why a tariff value is wrong, in Swedish and English. The zod schema and the tariff compiler say
 * it in English (their messages are also the JSON Schema's and the library's); here each reason
 * becomes a `Localized` parameter so that `--lang sv` reads Swedish throughout.
 */
import type * as z from "zod";
import type { Localized } from "./diagnostics.js";

const both = (sv: string, en: string): Localized => ({ sv, en });

/** Fixed reasons, by their English text (the schema's messages and the compiler's). */
const FIXED: Record<string, Localized> = {
  "must not be empty or blank": both("får inte vara tom eller bara blanksteg", "must not be empty or blank"),
  'expected an amount in SEK as a string with at most 12 digits before and 2 after the point (below 10¹² kr), e.g. "1234.50"': both(
    'väntade ett belopp i kronor som text med högst 12 siffror före och 2 efter punkten (under 10¹² kr), t.ex. "1234.50"',
    'expected an amount in SEK as a string with at most 12 digits before and 2 after the point (below 10¹² kr), e.g. "1234.50"',
  ),
  "must not be negative": both("får inte vara negativt", "must not be negative"),
  'expected a share between 0 and 1 as a decimal string, e.g. "0.65"': both(
    'väntade en andel mellan 0 och 1 som decimaltal i text, t.ex. "0.65"',
    'expected a share between 0 and 1 as a decimal string, e.g. "0.65"',
  ),
  "expected a date YYYY-MM-DD": both("väntade ett datum ÅÅÅÅ-MM-DD", "expected a date YYYY-MM-DD"),
  "not a calendar date": both("inget datum som finns i kalendern", "not a calendar date"),
  "a party id is letters (å, ä, ö included), digits, - and _ only": both(
    "ett part-id består bara av bokstäver (å, ä, ö också), siffror, - och _",
    "a party id is letters (å, ä, ö included), digits, - and _ only",
  ),
  'give exactly one of "total" and "amounts"': both('ange exakt ett av "total" och "amounts"', 'give exactly one of "total" and "amounts"'),
  "reserved key": both("reserverad nyckel", "reserved key"),
  "unknown key": both("okänd nyckel (stavfel? se docs/tariff.md)", "unknown key (a typo? see docs/tariff.md)"),
  required: both("saknas men krävs", "required"),
  "required: every party needs a share": both("saknas: varje part behöver en andel", "required: every party needs a share"),
  "required: every party needs a population": both("saknas: varje part behöver en folkmängd", "required: every party needs a population"),
  "seller and buyer are the same party": both("säljare och köpare är samma part", "seller and buyer are the same party"),
  empty: both("filen är tom", "the file is empty"),
};

/** Reasons with figures in them, by a pattern over the English text. */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => Localized][] = [
  [/^forbidden character (.+) at offset (\d+)$/, (m) => both(`otillåtet tecken ${m[1]} vid position ${m[2]}`, m[0])],
  [/^(\d+) characters; at most (\d+)$/, (m) => both(`${m[1]} tecken; högst ${m[2]}`, m[0])],
  [/^more keys than parties \(at most (\d+)\)$/, (m) => both(`fler nycklar än parter (högst ${m[1]})`, m[0])],
  [/^at most (\d+) characters$/, (m) => both(`högst ${m[1]} tecken`, m[0])],
  [/^reserved word: a party id may not be (.+)$/, (m) => both(`reserverat ord: ett part-id får inte vara ${m[1]}`, m[0])],
  [/^reserved word: an alias may not be (.+)$/, (m) => both(`reserverat ord: ett alias får inte vara ${m[1]}`, m[0])],
  [/^nested more than (\d+) levels deep$/, (m) => both(`nästlad djupare än ${m[1]} nivåer`, m[0])],
];

/** A reason given in English by the schema or the compiler, in both languages. */
export function reasonOf(english: string): Localized {
  const fixed = FIXED[english];
  if (fixed) return fixed;
  for (const [re, make] of PATTERNS) {
    const m = english.match(re);
    if (m) return make(m);
  }
  return both(english, english);
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ["text", "a string"],
  number: ["ett tal", "a number"],
  int: ["ett heltal", "a whole number"],
  boolean: ["sant/falskt", "a boolean"],
  object: ["ett objekt { … }", "an object { … }"],
  array: ["en lista [ … ]", "a list [ … ]"],
  null: ["null", "null"],
  undefined: ["inget värde", "nothing"],
  nan: ["NaN", "NaN"],
};

function typeName(t: string, lang: 0 | 1): string {
  return TYPE_NAMES[t]?.[lang] ?? t;
}

function received(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && !Number.isInteger(input)) return "number";
  return typeof input;
}

/** A zod issue's reason in both languages (unknown keys are reported one by one elsewhere). */
export function issueReason(issue: z.core.$ZodIssue, at: { found: boolean; value?: unknown }): Localized {
  switch (issue.code) {
    case "invalid_type": {
      if (!at.found) return FIXED.required as Localized;
      const got = received(at.value);
      const expected = issue.expected as string;
      if (expected === "int") return both("väntade ett heltal", "expected a whole number");
      return both(`väntade ${typeName(expected, 0)}, fick ${typeName(got, 0)}`, `expected ${typeName(expected, 1)}, received ${typeName(got, 1)}`);
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "array") return both(`listan behöver minst ${min} ${min === "1" ? "post" : "poster"}`, `the list needs at least ${min} ${min === "1" ? "item" : "items"}`);
      if (issue.origin === "string") return both(`minst ${min} tecken`, `at least ${min} characters`);
      return both(`för litet: minst ${min}`, `too small: at least ${min}`);
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "array") return both(`listan får ha högst ${max} poster`, `the list may have at most ${max} items`);
      if (issue.origin === "string") return both(`högst ${max} tecken`, `at most ${max} characters`);
      return both(`för stort: högst ${max}`, `too large: at most ${max}`);
    }
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return issue.values.length === 1 ? both(`ska vara ${values}`, `must be ${values}`) : both(`ska vara ett av ${values}`, `must be one of ${values}`);
    }
    case "invalid_union": {
      const note = (issue as { note?: string }).note;
      if (note === "No matching discriminator") return both('okänt värde på "basis": ska vara "population" eller "fixed"', 'unknown "basis": must be "population" or "fixed"');
      return both("ogiltigt värde", "invalid value");
    }
    case "invalid_key":
      return both("ogiltig nyckel", "invalid key");
    case "invalid_format":
    case "custom":
    case "not_multiple_of":
    case "invalid_element":
    case "unrecognized_keys":
      return reasonOf(issue.message);
  }
  return reasonOf((issue as { message: string }).message);
}

/** jsonc-parser's syntax error codes in words. */
const JSON_ERRORS: Record<string, [string, string]> = {
  InvalidSymbol: ["ogiltigt tecken", "invalid symbol"],
  InvalidNumberFormat: ["ogiltigt tal", "invalid number format"],
  PropertyNameExpected: ['ett nyckelnamn inom "…" väntades', 'a property name in "…" was expected'],
  ValueExpected: ["ett värde väntades", "a value was expected"],
  ColonExpected: ["ett kolon : väntades", "a colon : was expected"],
  CommaExpected: ["ett kommatecken , väntades (saknas det ett komma mellan två värden?)", "a comma , was expected (is a comma missing between two values?)"],
  CloseBraceExpected: ["en avslutande } väntades", "a closing } was expected"],
  CloseBracketExpected: ["en avslutande ] väntades", "a closing ] was expected"],
  EndOfFileExpected: ["filen borde sluta här", "the file should end here"],
  InvalidCommentToken: ["kommentarer är inte tillåtna i JSON", "comments are not allowed in JSON"],
  UnexpectedEndOfComment: ["kommentaren slutar inte", "the comment does not end"],
  UnexpectedEndOfString: ["texten saknar avslutande \"", "the string has no closing \""],
  UnexpectedEndOfNumber: ["talet slutar oväntat", "the number ends unexpectedly"],
  InvalidUnicode: ["ogiltig \\u-kod", "invalid \\u escape"],
  InvalidEscapeCharacter: ["ogiltig \\-kod i text", "invalid escape character"],
  InvalidCharacter: ["ogiltigt tecken i text (t.ex. en radbrytning inom \"…\")", "invalid character in a string (e.g. a line break inside \"…\")"],
};

/** A JSON syntax error (jsonc-parser's code name) in words. */
export function jsonErrorReason(code: string): Localized {
  const words = JSON_ERRORS[code];
  return words ? both(`${words[0]} (${code})`, `${words[1]} (${code})`) : both(code, code);
}
