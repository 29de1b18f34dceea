/**
 * Messages a controller reads (issue 19): identical errors grouped with their rows (`--all-errors`
 * prints each), an unknown flag named with the one meant, and a title line above a CSV header or a
 * total row at the bottom of an export named for what it is. Properties of the grouping; the real
 * command on real files, bad ones included.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/core/model/diagnostics.js";
import { groupDiagnostics, renderDiagnostics, rowList, LINES_SHOWN } from "../src/text/diagnostic-groups.js";
import { renderDiagnostic } from "../src/text/diagnostics.js";
import { acceptedNames, editDistance, nearestName, unknownFlags } from "../src/cli/unknown-flags.js";
import { demoRun, runMain, tempDir } from "./helpers.js";

const diagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  severity: fc.constantFrom("error" as const, "warning" as const),
  code: fc.constantFrom("BAD_NUMBER" as const, "UNKNOWN_PARTY" as const, "BAD_DATE" as const),
  params: fc.record({ text: fc.constantFrom("1 000 kr", "x", "2025-13-01"), known: fc.constant("RJL, RKL, RÖ") }),
  file: fc.constantFrom("a.csv", "b.csv"),
  line: fc.integer({ min: 1, max: 200 }),
  column: fc.integer({ min: 1, max: 40 }),
  field: fc.option(fc.record({ index: fc.integer({ min: 0, max: 3 }), name: fc.constantFrom("belopp", "datum") }), { nil: undefined }),
}).map((d) => (d.field === undefined ? (({ field: _f, ...rest }) => rest)(d) : d) as Diagnostic);

describe("grouping identical errors", () => {
  it("every diagnostic is in exactly one group, in the order given; a group's members share code, file, severity and column", () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 60 }), (ds) => {
        const groups = groupDiagnostics(ds);
        const flat = groups.flatMap((g) => g.members);
        expect(flat.length).toBe(ds.length);
        expect(new Set(flat).size).toBe(ds.length);
        for (const g of groups) {
          const [first, ...rest] = g.members;
          for (const m of rest) {
            expect([m.severity, m.code, m.file, m.field?.index]).toEqual([first?.severity, first?.code, first?.file, first?.field?.index]);
            expect(ds.indexOf(m)).toBeGreaterThan(ds.indexOf(first as Diagnostic));
          }
        }
        // groups stand where their first member stood
        const firsts = groups.map((g) => ds.indexOf(g.members[0] as Diagnostic));
        expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
      }),
    );
  });

  it("grouped output is one entry per group, its first member in full; --all-errors is each diagnostic as before", () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 40 }), fc.constantFrom("sv" as const, "en" as const), (ds, lang) => {
        expect(renderDiagnostics(ds, lang, true)).toEqual(ds.map((d) => renderDiagnostic(d, lang)));
        const grouped = renderDiagnostics(ds, lang);
        const groups = groupDiagnostics(ds);
        expect(grouped.length).toBe(groups.length);
        grouped.forEach((text, i) => {
          const g = groups[i];
          expect(text.startsWith(renderDiagnostic(g?.members[0] as Diagnostic, lang))).toBe(true);
          if ((g?.members.length ?? 0) > 1) expect(text).toContain("--all-errors");
        });
      }),
    );
  });

  it("names the first rows and the last", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 100 }), (raw) => {
        const lines = [...raw].sort((a, b) => a - b);
        const text = rowList(lines);
        if (lines.length <= LINES_SHOWN + 1) expect(text).toBe(lines.join(", "));
        else expect(text).toBe(`${lines.slice(0, LINES_SHOWN).join(", ")}, … ${lines[lines.length - 1] as number}`);
      }),
    );
  });

  it("the real command: 72 rows with kr give one entry, --all-errors every one", async () => {
    const dir = tempDir();
    const file = join(dir, "kr.csv");
    writeFileSync(file, ["datum;säljare;köpare;verksamhet;belopp", ...Array.from({ length: 72 }, (_v, i) => `2025-03-01;RÖ;RJL;neurokirurgi;${i + 1} 000 kr`), "2025-03-02;RÖ;Växjö;neurokirurgi;100"].join("\n") + "\n");
    const out = join(dir, "r.json");
    const grouped = await runMain(["calculate", "--tariff", "2025", "--consumption", file, "--json", out]);
    expect(grouped.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const lines = grouped.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`${file}:2:38: error[BAD_NUMBER]: "1 000 kr" är inget giltigt tal (kolumn E, belopp)`);
    expect(lines[2]).toBe("  samma slags fel på 72 rader: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … 73 (alla visas med --all-errors)");
    expect(lines.some((l) => l.startsWith(`${file}:74:`) && l.includes("UNKNOWN_PARTY"))).toBe(true); // the other error is not hidden
    expect(lines[lines.length - 1]).toBe("73 fel i indata; inget skrevs.");
    expect(lines.length).toBeLessThan(10);
    const all = await runMain(["calculate", "--tariff", "2025", "--consumption", file, "--all-errors"]);
    expect(all.code).toBe(2);
    expect(all.stderr.split("\n").filter((l) => /error\[BAD_NUMBER\]/.test(l))).toHaveLength(72);
    const en = await runMain(["calculate", "--tariff", "2025", "--consumption", file, "--lang", "en"]);
    expect(en.stderr).toContain("  the same kind of error on 72 rows: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … 73 (--all-errors shows each)");
  });
});

describe("an unknown flag names the one meant", () => {
  it("edit distance is a metric on small words; a name one edit away is found", () => {
    const word = fc.stringMatching(/^[a-z-]{0,8}$/);
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
    const known = ["tariff", "consumption", "population", "json", "xlsx", "csv-dir", "through", "strict", "lang"];
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.nat(), fc.constantFrom("drop", "double"), (name, at, how) => {
        const i = at % name.length;
        const typo = how === "drop" ? name.slice(0, i) + name.slice(i + 1) : name.slice(0, i + 1) + name.slice(i);
        const found = nearestName(typo, known);
        expect(found).toBeDefined();
        expect(editDistance(typo, found as string)).toBeLessThanOrEqual(1);
      }),
    );
    expect(nearestName("xyz", known)).toBeUndefined();
  });

  it("accepted names: aliases, --no- for booleans, camelCase; unknown ones once each, in order", () => {
    const accepted = acceptedNames(["tariff", "csv-dir", "variable", "help"], { help: ["h"] }, ["variable"]);
    expect(unknownFlags(["acconto", "--tariff=2025", "--no-variable", "--csvDir", "x", "--tarif", "1", "--tarif", "--", "--later"], accepted)).toEqual([{ flag: "tarif", suggestion: "tariff" }]);
  });

  it("the real command: --tarif 2025", async () => {
    const r = await runMain(["key", "--tarif", "2025"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("vardavtal:1:1: error[USAGE]: okänd flagga --tarif, menade du --tariff?\n  tips: se 'vardavtal --help' eller 'vardavtal <kommando> --help'\n");
    const en = await runMain(["calculate", "--tariff", "2025", "--consumtion", "k.csv", "--lang", "en", "--bogus"]);
    expect(en.code).toBe(2);
    expect(en.stderr.split("\n")[0]).toBe("vardavtal:1:1: error[USAGE]: unknown option --consumtion, did you mean --consumption?; unknown option --bogus");
    // without a command, that one is needed is what is said
    expect((await runMain(["--tarif", "2025"])).stderr).toMatch(/kommando/);
  });
});

describe("what an export carries besides its table", () => {
  it("an SCB export with a title line (and a blank line) above the header: the title is named, nothing else about the header", async () => {
    const dir = tempDir();
    const pop = join(dir, "scb.csv");
    writeFileSync(pop, 'Folkmängd efter region, ålder och år\n\nregion;2024\n05 Östergötlands län;472446\n06 Jönköpings län;370009\n08 Kalmar län;246352\n');
    const r = await runMain(["key", "--tariff", "2025", "--population", pop]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${pop}:1:1: error[CSV_TITLE_LINE]: kolumnrubrikerna står på rad 3, och ovanför står något som ser ut som en titel: "Folkmängd efter region, ålder och år"\n  tips: ta bort raderna 1–2 så att rubrikraden kommer först`);
    expect(r.stderr).not.toContain("MISSING_COLUMN");
    // a header that is wrong, with no header below it, is still the missing column
    writeFileSync(pop, "x;y\n1;2\n");
    expect((await runMain(["key", "--tariff", "2025", "--population", pop])).stderr).toContain("error[MISSING_COLUMN]");
  });

  it("a ledger export of payments with a total row at the bottom: the row is named, nothing written", async () => {
    const dir = tempDir();
    const demo = await demoRun();
    expect(demo.code, demo.stderr).toBe(0);
    const paid = join(dir, "betalningar.csv");
    writeFileSync(paid, "betalare;mottagare;belopp\nRJL;RÖ;500 000 000,00\nRKL;RÖ;400 000 000,00\nTotalt;;900 000 000,00\n");
    const out = join(dir, "s.json");
    const r = await runMain(["settle", "--result", join(demo.out, "resultat-2025.json"), "--paid", paid, "--json", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${paid}:4:1: error[CSV_TOTAL_ROW]: raden ser ut som en summarad: den börjar med "Totalt" (kolumn A, betalare)\n  tips: ta bort summaraden: vardavtal summerar raderna själv, och en summarad skulle räknas som en rad till\n1 fel i indata; inget skrevs.\n`);
    expect(existsSync(out)).toBe(false);
  });
});
