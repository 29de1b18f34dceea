/** Help that teaches: examples for every command, the consumption columns, options typed and explained. */
import { describe, expect, it } from "vitest";
import { runMain } from "./helpers.js";

const COMMANDS = ["calculate", "acconto", "settle", "propose", "key", "check-key", "check-tariff", "compare", "explain", "demo"];

describe("--help", () => {
  it("every command has examples, in Swedish and in English", async () => {
    for (const command of COMMANDS) {
      const sv = await runMain([command, "--help"]);
      expect(sv.code, command).toBe(0);
      expect(sv.stdout, command).toContain("Exempel:");
      expect(sv.stdout, command).toContain(`vardavtal ${command}`);
      const en = await runMain([command, "--help", "--lang", "en"]);
      expect(en.stdout, command).toContain("Examples:");
    }
  });

  it("calculate --help lists the consumption columns and explains --reader in plain words", async () => {
    const r = await runMain(["calculate", "--help"]);
    for (const column of ["säljare / saljare / seller", "köpare / kopare / buyer", "verksamhet / area", "poäng / poang / points", "belopp / amount", "år / ar / year", "datum / date"]) expect(r.stdout).toContain(column);
    expect(r.stdout).toContain("resultatet blir detsamma");
    expect(r.stdout).toContain('utan "kr"');
  });

  it("number options are shown as numbers and still read the Swedish way", async () => {
    expect((await runMain(["check-key", "--help"])).stdout).toMatch(/--tolerance[^\n]*\n?[^\n]*\[tal\]/);
    expect((await runMain(["key", "--help", "--lang", "en"])).stdout).toMatch(/--amount[^\n]*\n?[^\n]*\[number\]/);
    const r = await runMain(["key", "--tariff", "2025", "--amount", "1 000,50"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("summa 1 000,50");
    const bad = await runMain(["key", "--tariff", "2025", "--amount", "12x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--amount:1:1: error[BAD_NUMBER]: "12x"');
  });

  it("suggests the command meant", async () => {
    const r = await runMain(["calcualte", "--tariff", "2025"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('vardavtal:1:1: error[USAGE]: okänt kommando "calcualte". Menade du calculate?');
    expect((await runMain(["chek-key", "--lang", "en"])).stderr).toContain("Did you mean check-key?");
  });
});
