/**
 * `vardavtal check-tariff` and the tariff's messages in the controller's language: the real
 * command on real files, good and bad.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTariff } from "../src/core/model/tariff.js";
import { InputError } from "../src/core/model/diagnostics.js";
import { ROOT, runMain, tempDir } from "./helpers.js";
import { messageText } from "../src/text/diagnostics.js";
import { asDecided } from "./decided.js";

const BUNDLED = join(ROOT, "tariffs", "2025.json");

describe("check-tariff", () => {
  it("prints what a valid tariff holds and exits 0, warning that the bundled amounts are illustrative", async () => {
    const r = await runMain(["check-tariff", "--tariff", "2025"]);
    expect(r.code, r.stderr).toBe(0);
    for (const heading of ["Status: UTKAST – illustrativa belopp", "Parter (3)", "Fördelningsnyckel", "Fast andel av referensbeloppet", "0,65 (65 %)", "Poängpriser (4)", "Vårdregler (6)", "Referensbelopp (6)", "Solidariskt finansierade enheter: budgetar (4)", "Statsbidrag som förs vidare (2)", "Tariffen är giltig (1 varning)."]) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toMatch(/RCC\s+RÖ\s+18 000 000,00/);
    expect(r.stdout).toMatch(/Summa\s+1 183 900 000,00/);
    expect(r.stderr).toContain("warning[TARIFF_ILLUSTRATIVE]");
    const en = await runMain(["check-tariff", "--tariff", "2025", "--lang", "en"]);
    expect(en.stdout).toContain("Status: DRAFT – illustrative amounts");
    expect(en.stdout).toContain("The tariff is valid (1 warning).");
    // --strict refuses a draft
    expect((await runMain(["check-tariff", "--tariff", "2025", "--strict"])).code).toBe(2);
  });

  it("lists every error of a bad tariff with line and column, in Swedish, and exits 2", async () => {
    const dir = tempDir();
    const file = join(dir, "tariff.json");
    const t = asDecided(readFileSync(BUNDLED, "utf8"));
    t.fixedShare = "65 %";
    t.parties[1].name = 5;
    t.key = { basis: "befolkning" };
    t.careRules[0].modell = "unit_price";
    writeFileSync(file, JSON.stringify(t, null, 2));
    const r = await runMain(["check-tariff", "--tariff", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l.includes("error["));
    expect(lines.every((l) => /^.+tariff\.json:\d+:\d+: error\[TARIFF_SCHEMA\]: /.test(l))).toBe(true);
    expect(r.stderr).toContain('$.fixedShare: väntade en andel mellan 0 och 1 som decimaltal i text, t.ex. "0.65"');
    expect(r.stderr).toContain("$.parties[1].name: väntade text, fick ett tal");
    expect(r.stderr).toContain('$.key.basis: okänt värde på "basis": ska vara "population" eller "fixed"');
    expect(r.stderr).toContain("$.careRules[0].modell: okänd nyckel");
    // nothing English in the Swedish messages
    expect(r.stderr).not.toMatch(/expected|received|Invalid input|unknown key/);
    const en = await runMain(["check-tariff", "--tariff", file, "--lang", "en"]);
    expect(en.stderr).toContain("$.parties[1].name: expected a string, received a number");
    expect(en.stderr).toContain("$.careRules[0].modell: unknown key");
  });

  it("says a JSON syntax error in words", async () => {
    const dir = tempDir();
    const file = join(dir, "tariff.json");
    writeFileSync(file, '{ "format": "vardavtal-tariff/1"\n  "year": 2025 }');
    const r = await runMain(["check-tariff", "--tariff", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("tariff.json:2:3: error[TARIFF_JSON]: ogiltig JSON: ett kommatecken , väntades");
  });

  it("--write-schema puts the JSON Schema beside a copied tariff, so that its $schema resolves", async () => {
    const dir = tempDir();
    const copy = join(dir, "min-tariff.json");
    copyFileSync(BUNDLED, copy);
    const r = await runMain(["check-tariff", "--tariff", copy, "--write-schema", dir]);
    expect(r.code, r.stderr).toBe(0);
    const schemaName = JSON.parse(readFileSync(copy, "utf8")).$schema as string;
    expect(existsSync(join(dir, schemaName))).toBe(true);
    expect(readFileSync(join(dir, schemaName), "utf8")).toBe(readFileSync(join(ROOT, "schema", "vardavtal-tariff-1.schema.json"), "utf8"));
    // the tariff itself is never written
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(BUNDLED, "utf8"));
  });
});

describe("an illustrative tariff in the terminal", () => {
  it("the summary says UTKAST under its title, and the warning says why", async () => {
    const r = await runMain(["calculate", "--tariff", "2025", "--consumption", join(ROOT, "test", "fixtures", "spec", "mini-2025", "consumption.csv")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe('UTKAST – illustrativa belopp: tariffen är inte beslutad (status "illustrative")');
    expect(r.stderr).toContain("warning[TARIFF_ILLUSTRATIVE]");
    const en = await runMain(["calculate", "--tariff", "2025", "--consumption", join(ROOT, "test", "fixtures", "spec", "mini-2025", "consumption.csv"), "--lang", "en"]);
    expect(en.stdout.split("\n")[1]).toBe('DRAFT – illustrative amounts: the tariff is not decided (status "illustrative")');
  });
});

describe("tariff reasons in both languages", () => {
  const reasons = (t: unknown, lang: "sv" | "en"): string[] => {
    try {
      loadTariff(t);
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.diagnostics.filter((d) => d.severity === "error").map((d) => messageText(d, lang));
    }
  };
  const base = () => asDecided(readFileSync(BUNDLED, "utf8"));

  it("translates zod's own issues and the schema's messages", () => {
    const t = base();
    t.year = 2025.5;
    t.parties = [];
    t.pointPrices[0].validFrom = "2025-02-30";
    t.references[0].amount = 12;
    t.solidarity[0].amount = "-1,5";
    const sv = reasons(t, "sv");
    expect(sv).toEqual(
      expect.arrayContaining([
        "$.year: väntade ett heltal",
        "$.parties: listan behöver minst 1 post",
        "$.pointPrices[0].validFrom: inget datum som finns i kalendern",
        "$.references[0].amount: väntade text, fick ett tal",
        '$.solidarity[0].amount: väntade ett belopp i kronor som text med högst 12 siffror före och 2 efter punkten (under 10¹² kr), t.ex. "1234.50"',
      ]),
    );
    for (const text of sv) expect(text).not.toMatch(/expected|Invalid|received|must|Too small/);
    expect(reasons(t, "en")).toEqual(expect.arrayContaining(["$.year: expected a whole number", "$.parties: the list needs at least 1 item", "$.references[0].amount: expected a string, received a number"]));
  });
});
