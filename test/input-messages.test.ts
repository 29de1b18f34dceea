/**
 * Messages a controller can act on, through the real command: the column named as Excel names it,
 * "menade du" for a party, the currency hint, the headers found, and SCB's population tables.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain, tempDir } from "./helpers.js";
import { columnLetter } from "../src/text/diagnostics.js";

function file(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("messages on the consumption file", () => {
  it("name the column as Excel does, suggest the party meant and the number without its currency", async () => {
    const dir = tempDir();
    const csv = file(dir, "k.csv", "år;säljare;köpare;verksamhet;poäng;datum;belopp\n2025;RÖ;RJL;kardiologi;1,5;2025-03-01;12 5x0,00\n2025;RÖ;Region Kalmar;kardiologi;1,5;2025-03-01;\n2025;RÖ;RKL;kardiologi;1,5;2025-03-01;1 234,50 kr\n");
    const r = await runMain(["calculate", "--tariff", "2025", "--consumption", csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('k.csv:2:43: error[BAD_NUMBER]: "12 5x0,00" är inget giltigt tal (kolumn G, belopp)');
    expect(r.stderr).toContain('k.csv:3:9: error[UNKNOWN_PARTY]: okänd part "Region Kalmar" (kolumn C, köpare)\n  tips: menade du RKL?');
    expect(r.stderr).toContain('error[BAD_NUMBER]: "1 234,50 kr" är inget giltigt tal (kolumn G, belopp)\n  tips: ta bort valutan: skriv bara talet, 1 234,50');
    const en = await runMain(["calculate", "--tariff", "2025", "--consumption", csv, "--lang", "en"]);
    expect(en.stderr).toContain('"12 5x0,00" is not a valid number (column G, belopp)');
    expect(en.stderr).toContain("hint: did you mean RKL?");
  });

  it("MISSING_COLUMN lists the headers the file has", async () => {
    const dir = tempDir();
    const csv = file(dir, "k.csv", "år;säljare;kund;verksamhet;poäng\n2025;RÖ;RJL;kardiologi;1,5\n");
    const r = await runMain(["calculate", "--tariff", "2025", "--consumption", csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[MISSING_COLUMN]: kolumnen köpare saknas (rubrikraden har "år", "säljare", "kund", "verksamhet", "poäng")');
  });

  it("letters columns past Z as Excel does", () => {
    expect([0, 6, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "G", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("population files as SCB exports them", () => {
  it("county codes, Folkmängd and quoted fields", async () => {
    const dir = tempDir();
    const pop = file(dir, "scb.csv", '"Region";"Folkmängd"\n"05 Östergötlands län";"472 298"\n"06 Jönköpings län";"368 856"\n"08 Kalmar län";"246 667"\n');
    const r = await runMain(["key", "--tariff", "2025", "--population", pop]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/RÖ Region Östergötland\s+472 298/);
    // a file without dates does not borrow the tariff's date for its label
    expect(r.stdout).toContain(`Fördelningsnyckel: befolkning (${pop})\n`);
  });

  it("one column per year: the key date's year is taken and named; other counties are skipped with a warning", async () => {
    const dir = tempDir();
    const pop = file(
      dir,
      "scb.csv",
      '"region";"ålder";"2022";"2023";"2024"\n"01 Stockholms län";"totalt";"2 454 821";"2 462 000";".."\n"05 Östergötlands län";"totalt";"471 000";"472298";"473 000"\n"06 Jönköpings län";"totalt";"367 000";"368856";"370009"\n"08 Kalmar län";"totalt";"246 000";"246667";".."\n',
    );
    const r = await runMain(["key", "--tariff", "2025", "--population", pop]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Fördelningsnyckel: befolkning (${pop}, 2023-12-31)`);
    expect(r.stdout).toMatch(/RKL Region Kalmar län\s+246 667/);
    expect(r.stderr).toContain("warning[POPULATION_YEAR_COLUMN]: befolkningsfilen har en kolumn per år (2022, 2023, 2024): nyckeln tar kolumnen 2023, folkmängden per nyckeldatumet 2023-12-31");
    expect(r.stderr).toContain("warning[POPULATION_OTHER_REGIONS]");
    expect(r.stderr).toContain("01 Stockholms län");
    // the 2026 tariff's key date is 2024-12-31: the 2024 column, whose ".." is then an error at its cell
    const r26 = await runMain(["key", "--tariff", "2026", "--population", pop]);
    expect(r26.code).toBe(2);
    expect(r26.stderr).not.toContain("scb.csv:2:"); // Stockholm's ".." is not the agreement's business
    expect(r26.stderr).toContain('scb.csv:5:45: error[BAD_POPULATION]: ".." är ingen giltig befolkning (ett heltal ≥ 0) (kolumn E, 2024)');
  });

  it("a file without the key date's year says which year it lacks and which population is used", async () => {
    const dir = tempDir();
    const pop = file(dir, "scb.csv", '"region";"2022";"2023"\n"05 Östergötlands län";"471 000";"472298"\n"06 Jönköpings län";"367 000";"368856"\n"08 Kalmar län";"246 000";"246667"\n');
    const r = await runMain(["key", "--tariff", "2026", "--population", pop]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning[POPULATION_YEAR_COLUMN]: befolkningsfilen har en kolumn per år (2022, 2023): filen har ingen kolumn för nyckelns år 2024; folkmängden per 2023-12-31 (kolumnen 2023) används");
    const en = await runMain(["key", "--tariff", "2026", "--population", pop, "--lang", "en"]);
    expect(en.stderr).toContain("the file has no column for the key's year 2024; the population on 2023-12-31 (the column 2023) is used");
  });
});
