/**
 * The words live in one catalogue per language (src/text/sv.ts, en.ts): both have every key with the
 * same {placeholders}, every code, phrase and explanation step of the core has words, and the
 * core's coded values are worded the same way they were before they became codes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/core/model/codes.js";
import { PHRASES, phrase, type Phrase, type PhraseCode } from "../src/core/model/phrases.js";
import { EXPLAIN_STEPS } from "../src/core/analysis/explain.js";
import { COMPONENTS } from "../src/core/model/calculate.js";
import { groupedDecimal } from "../src/core/model/decimal.js";
import { tariffSchema } from "../src/core/model/tariff-schema.js";
import { CATALOGUES, phraseText, t, type TextKey } from "../src/text/catalogue.js";
import { decimalText, messageText, renderDiagnostic } from "../src/text/diagnostics.js";
import { MESSAGES } from "../src/text/messages.js";
import { tariffJsonSchema } from "../src/contracts/tariff-json-schema.js";
import { ROOT, runMain, tempDir } from "./helpers.js";

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
    // every code has words in both languages, in the catalogues
    for (const code of CODES) for (const lang of ["sv", "en"] as const) expect(MESSAGES[code]?.[lang]?.trim(), `${lang} ${code}`).toBeTruthy();
    for (const code of Object.keys(CATALOGUES.sv.messages)) expect(CODES as readonly string[], code).toContain(code);
    for (const code of Object.keys(CATALOGUES.sv.messages) as (keyof typeof CATALOGUES.sv.messages)[]) expect(MESSAGES[code].en, code).toBe(CATALOGUES.en.messages[code]);
    for (const code of [...Object.keys(CATALOGUES.sv.hints), ...Object.keys(CATALOGUES.sv.suggestionHints)]) expect(CODES as readonly string[], code).toContain(code);
    expect(Object.keys(CATALOGUES.sv.phrases).sort()).toEqual([...PHRASES].sort());
    expect(Object.keys(CATALOGUES.sv.explain).sort()).toEqual([...EXPLAIN_STEPS].sort());
    // every component has its names (the reports', the short one a reader may type) and nothing else
    const short = Object.keys(CATALOGUES.sv.words).filter((k) => k.startsWith("componentShort_")).map((k) => k.slice("componentShort_".length));
    expect(short.sort()).toEqual([...COMPONENTS].sort());
    for (const c of COMPONENTS) expect([CATALOGUES.sv.words[`component_${c}`], CATALOGUES.en.words[`component_${c}`]].every((w) => w.trim() !== "")).toBe(true);
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

  it("the commands say the core's coded reasons in words, in each language (whole stderr, exit 2)", async () => {
    const dir = tempDir();
    const t2025 = JSON.parse(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"));
    Object.assign(t2025, { year: "2025", references: 5 });
    t2025.parties[0].aliases = [1];
    t2025.parties[1].aliases = Array(30).fill("a");
    t2025.population.RJL = -3;
    t2025.pointPrices[0] = true;
    t2025.careRules[0].model = "x";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(t2025, null, 2));
    const sv = await runMain(["check-tariff", "--tariff", "bad.json"], dir);
    expect(sv.code).toBe(2);
    expect(sv.stderr).toBe(
      [
        "bad.json:4:11: error[TARIFF_SCHEMA]: $.year: väntade ett tal, fick text",
        "bad.json:17:9: error[TARIFF_SCHEMA]: $.parties[0].aliases[0]: väntade text, fick ett tal",
        "bad.json:23:18: error[TARIFF_SCHEMA]: $.parties[1].aliases: listan får ha högst 20 poster",
        "bad.json:74:12: error[TARIFF_SCHEMA]: $.population.RJL: för litet: minst 0",
        "bad.json:81:5: error[TARIFF_SCHEMA]: $.pointPrices[0]: väntade ett objekt { … }, fick sant/falskt",
        'bad.json:104:16: error[TARIFF_SCHEMA]: $.careRules[0].model: ska vara ett av "fixed_variable", "unit_price", "excluded", "fixed_only"',
        "bad.json:137:17: error[TARIFF_SCHEMA]: $.references: väntade en lista [ … ], fick ett tal",
        "7 fel i indata; inget skrevs.",
        "",
      ].join("\n"),
    );
    writeFileSync(join(dir, "comma.json"), '{"a": 1 "b": 2}');
    const en = await runMain(["check-tariff", "--tariff", "comma.json", "--lang", "en"], dir);
    expect([en.code, en.stderr]).toEqual([2, "comma.json:1:9: error[TARIFF_JSON]: invalid JSON: a comma , was expected (is a comma missing between two values?) (CommaExpected)\n1 error(s) in the input; nothing was written.\n"]);
    writeFileSync(join(dir, "c.csv"), "säljare;köpare;verksamhet;belopp;datum\nRÖ;RJL;neurokirurgi;100;2025-01-01\n");
    const set = await runMain(["calculate", "--tariff", "2025", "--consumption", "c.csv", "--set", "a..b=1", "--set", "key.shares.XX=0.1", "--set", "__proto__.x=1", "--set", "fixedShare.x=1"], dir);
    expect(set.code).toBe(2);
    for (const line of [
      "--set:1:1: error[SET_UNKNOWN_PATH]: a..b: finns inte i tariffen (en tom del mellan punkter)",
      '--set:2:1: error[SET_UNKNOWN_PATH]: key.shares.XX: finns inte i tariffen ("XX" är inte en part i tariffen)',
      "--set:3:1: error[SET_UNKNOWN_PATH]: __proto__.x: finns inte i tariffen (reserverat namn)",
      "--set:4:1: error[SET_UNKNOWN_PATH]: fixedShare.x: finns inte i tariffen ($.fixedShare är ett enskilt värde, inte en lista eller ett objekt)",
    ])
      expect(set.stderr).toContain(line);
    writeFileSync(join(dir, "s.json"), "[1, 2]");
    const patch = await runMain(["calculate", "--tariff", "2025", "--consumption", "c.csv", "--scenario", "s.json", "--lang", "en"], dir);
    expect([patch.code, patch.stderr]).toEqual([2, "s.json:1:1: error[SCENARIO_PATCH]: a scenario must be a JSON object of the tariff values that change (a JSON merge patch, RFC 7386), not an array\n1 error(s) in the input; nothing was written.\n"]);
  });
});
