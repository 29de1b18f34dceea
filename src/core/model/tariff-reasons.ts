/**
 * Why a tariff value is wrong, as a coded phrase: the zod schema's messages are phrase codes (its
 * custom issues carry their figures as `params`), zod's own issues and jsonc-parser's syntax errors
 * are mapped here; src/text/ words the phrase in the reader's language.
 */
import type * as z from "zod";
import { PHRASES, phrase, type Phrase, type PhraseCode, type PhraseParams } from "./phrases.js";

const isPhrase = (s: string): s is PhraseCode => (PHRASES as readonly string[]).includes(s);

/** A schema message (a phrase code) with its figures; anything else is passed on as it stands. */
export function reasonOf(code: string, params?: PhraseParams): Phrase {
  return isPhrase(code) ? phrase(code, params) : phrase("text", { text: code });
}

const TYPES = ["string", "number", "int", "boolean", "object", "array", "null", "undefined", "nan"] as const;

function typeName(t: string): Phrase {
  return (TYPES as readonly string[]).includes(t) ? phrase(`type_${t}` as PhraseCode) : phrase("text", { text: t });
}

function received(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && !Number.isInteger(input)) return "number";
  return typeof input;
}

/** A zod issue's reason (unknown keys are reported one by one elsewhere). */
export function issueReason(issue: z.core.$ZodIssue, at: { found: boolean; value?: unknown }): Phrase {
  switch (issue.code) {
    case "invalid_type": {
      if (!at.found) return phrase("required");
      const expected = issue.expected as string;
      if (expected === "int") return phrase("expected_whole_number");
      return phrase("expected_type", { expected: typeName(expected), received: typeName(received(at.value)) });
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "array") return phrase(min === "1" ? "list_min_one" : "list_min", { min });
      if (issue.origin === "string") return phrase("string_min", { min });
      return phrase("too_small", { min });
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "array") return phrase("list_max", { max });
      if (issue.origin === "string") return phrase("at_most_characters", { max });
      return phrase("too_large", { max });
    }
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return phrase(issue.values.length === 1 ? "must_be" : "must_be_one_of", { values });
    }
    case "invalid_union": {
      // zod names the discriminator when no option matches it (the key's "basis", the only union)
      const discriminator = (issue as { discriminator?: string }).discriminator;
      return phrase(discriminator !== undefined ? "unknown_basis" : "invalid_value");
    }
    case "invalid_key":
      return phrase("invalid_key");
    case "custom":
      return reasonOf(issue.message, issue.params as PhraseParams | undefined);
    case "invalid_format":
    case "not_multiple_of":
    case "invalid_element":
    case "unrecognized_keys":
      return reasonOf(issue.message);
  }
  return reasonOf((issue as { message: string }).message);
}

const JSON_ERRORS = [
  "InvalidSymbol",
  "InvalidNumberFormat",
  "PropertyNameExpected",
  "ValueExpected",
  "ColonExpected",
  "CommaExpected",
  "CloseBraceExpected",
  "CloseBracketExpected",
  "EndOfFileExpected",
  "InvalidCommentToken",
  "UnexpectedEndOfComment",
  "UnexpectedEndOfString",
  "UnexpectedEndOfNumber",
  "InvalidUnicode",
  "InvalidEscapeCharacter",
  "InvalidCharacter",
] as const;

/** A JSON syntax error (jsonc-parser's code name), as a phrase that names the code too. */
export function jsonErrorReason(code: string): Phrase {
  return (JSON_ERRORS as readonly string[]).includes(code) ? phrase("json_error", { error: phrase(`json_${code}` as PhraseCode), code }) : phrase("text", { text: code });
}
