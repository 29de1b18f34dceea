/**
 * The words live in one catalogue per language (src/text/sv.ts, en.ts): both have every key with the
 * same {placeholders}, every code, phrase and explanation step of the core has words, and the
 * core's coded values are worded the same way they were before they became codes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/core/model/codes.js";
import { PHRASES, phrase, type Phrase, type PhraseCode } from "../src/core/model/phrases.js";
import { EXPLAIN_STEPS } from "../src/core/analysis/explain.js";
import { groupedDecimal } from "../src/core/model/decimal.js";
import { tariffSchema } from "../src/core/model/tariff-schema.js";
import { CATALOGUES, phraseText, t, type TextKey } from "../src/text/catalogue.js";
import { decimalText, messageText, renderDiagnostic } from "../src/text/diagnostics.js";
import { MESSAGES } from "../src/text/messages.js";
import { tariffJsonSchema } from "../src/contracts/tariff-json-schema.js";
import { ROOT } from "./helpers.js";

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();

describe("the catalogues", () => {
  it("have the same sections and keys in Swedish and English, with the same placeholders, none empty", () => {
    const { sv, en } = CATALOGUES;
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const section of Object.keys(sv) as (keyof typeof sv)[]) {
      const s = sv[section] as Record<string, string>;
      const e = en[section] as Record<string, string>;
      expect(Object.keys(e).sort(), section).toEqual(Object.keys(s).sort());
      for (const key of Object.keys(s)) {
        expect(placeholders(e[key] as string), `${section}.${key}`).toEqual(placeholders(s[key] as string));
        expect((s[key] as string).trim(), `sv ${section}.${key}`).not.toBe("");
        expect((e[key] as string).trim(), `en ${section}.${key}`).not.toBe("");
      }
    }
  });

  it("word every code, hint, phrase and explanation step of the core, and nothing else", () => {
    expect(Object.keys(CATALOGUES.sv.messages).sort()).toEqual([...CODES].sort());
    for (const code of CODES) expect(MESSAGES[code].sv, code).toBe(CATALOGUES.sv.messages[code]);
    for (const code of [...Object.keys(CATALOGUES.sv.hints), ...Object.keys(CATALOGUES.sv.suggestionHints)]) expect(CODES as readonly string[], code).toContain(code);
    expect(Object.keys(CATALOGUES.sv.phrases).sort()).toEqual([...PHRASES].sort());
    expect(Object.keys(CATALOGUES.sv.explain).sort()).toEqual([...EXPLAIN_STEPS].sort());
  });

  it("word every description key of the tariff schema, Swedish then English", () => {
    const keys = new Set<string>();
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") for (const [k, v] of Object.entries(n)) (k === "description" && typeof v === "string" ? keys.add(v) : walk(v));
    };
    walk(z.toJSONSchema(tariffSchema, { io: "input", unrepresentable: "any" }));
    expect([...keys].sort()).toEqual(Object.keys(CATALOGUES.sv.schema).sort());
    const published = JSON.parse(readFileSync(join(ROOT, "schema", "vardavtal-tariff-1.schema.json"), "utf8"));
    expect(published).toEqual(JSON.parse(JSON.stringify(tariffJsonSchema())));
    expect(published.properties.year.description).toBe(`${CATALOGUES.sv.schema.year}\n\n${CATALOGUES.en.schema.year}`);
  });

  it("t() fills a text's placeholders and leaves one without a value", () => {
    expect(t("sv", "words.written", { file: "a.json" })).toBe("Skrev a.json");
    expect(t("en", "words.written" as TextKey)).toBe("Wrote {file}");
    expect(t("en", "checks.net_sums_to_zero")).toBe("The net positions sum to 0");
  });

  it("words a phrase with phrases inside it, in the message of its code", () => {
    const reason = phrase("expected_type", { expected: phrase("type_string"), received: phrase("type_number") });
    expect(phraseText(reason, "sv")).toBe("väntade text, fick ett tal");
    expect(phraseText(reason, "en")).toBe("expected a string, received a number");
    const d = { severity: "error" as const, code: "TARIFF_SCHEMA" as const, params: { path: "$.year", reason }, file: "t.json", line: 4, column: 11 };
    expect(renderDiagnostic(d, "en")).toBe("t.json:4:11: error[TARIFF_SCHEMA]: $.year: expected a string, received a number");
    expect(messageText({ code: "TARIFF_JSON", params: { reason: phrase("json_error", { error: phrase("json_CommaExpected"), code: "CommaExpected" }) } }, "sv")).toBe(
      "ogiltig JSON: ett kommatecken , väntades (saknas det ett komma mellan två värden?) (CommaExpected)",
    );
  });

  it("words any phrase with any values: every placeholder filled, control characters shown, in both languages", () => {
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer());
    fc.assert(
      fc.property(fc.constantFrom(...PHRASES), fc.dictionary(fc.constantFrom("text", "max", "min", "path", "name", "list", "values", "field", "type", "count", "date", "year", "party"), value), (code: PhraseCode, params) => {
        const needed = placeholders(CATALOGUES.sv.phrases[code]);
        const full: Record<string, string | number> = Object.fromEntries(needed.map((k) => [k, params[k] ?? "x"]));
        for (const lang of ["sv", "en"] as const) {
          const p: Phrase = phrase(code, full);
          const text = phraseText(p, lang);
          for (const k of needed) expect(text.includes(`{${k}}`) && !String(full[k]).includes(`{${k}}`)).toBe(false);
          const shown = messageText({ code: "TARIFF_SCHEMA", params: { path: "$", reason: p } }, lang);
          expect(shown).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
      }),
    );
  });

  it("groups a decimal as the core does (text takes only types from core)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), fc.constantFrom("sv" as const, "en" as const), (units, scale, lang) => {
        const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
        const text = `${units < 0n ? "-" : ""}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
        expect(decimalText(text, lang)).toBe(groupedDecimal(text, lang));
      }),
    );
    for (const odd of ["", "abc", "1.2.3", "-"]) for (const lang of ["sv", "en"] as const) expect(decimalText(odd, lang)).toBe(groupedDecimal(odd, lang));
  });
});
