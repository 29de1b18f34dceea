/**
 * What every command's summary starts with: the title with its year once, and, for a tariff that
 * is not decided, the draft line (issue 19: the UTKAST line in every summary, not only calculate's).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runMain, tempDir } from "./helpers.js";

const DRAFT = 'UTKAST – illustrativa belopp: tariffen är inte beslutad (status "illustrative")';

describe("summaries", () => {
  it("key, check-key, acconto, calculate, settle and compare say UTKAST for the bundled illustrative tariff, with the year once in the title", async () => {
    const out = tempDir();
    const plan = join(out, "plan.json");
    const result = join(out, "r.json");
    const runs = {
      key: await runMain(["key", "--tariff", "2025"]),
      acconto: await runMain(["acconto", "--tariff", "2025", "--json", plan]),
      calculate: await runMain(["calculate", "--tariff", "2025", "--consumption", join(FIXTURES, "spec", "mini-2025", "consumption.csv"), "--json", result]),
      checkKey: await runMain(["check-key", "--tariff", join(FIXTURES, "keycheck", "tariff.json"), "--costs", join(FIXTURES, "keycheck", "costs.csv")]),
    };
    const settle = await runMain(["settle", "--result", result, "--paid", plan]);
    // a comparison of two results of the illustrative tariff: the sides by their short names, the agreement once
    const compare = await runMain(["compare", result, result]);
    expect(compare.stdout.split("\n").slice(0, 2)).toEqual(["Jämförelse: 2025 (A) → 2025 (B)", "Överenskommelse 2025, Sydöstra sjukvårdsregionen"]);
    for (const [name, r] of Object.entries({ ...runs, settle, compare })) {
      if (name === "checkKey") continue; // its tariff is its own (below)
      expect(r.stdout.split("\n").slice(0, 3), `${name}: ${r.stderr}`).toContain(DRAFT);
      expect(r.stdout, name).not.toContain("Överenskommelse 2025, Sydöstra sjukvårdsregionen (2025)");
    }
    const keycheckStatus = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(join(FIXTURES, "keycheck", "tariff.json"), "utf8"))).status as string | undefined;
    if (keycheckStatus === "illustrative") expect(runs.checkKey.stdout).toContain(DRAFT);
    else expect(runs.checkKey.stdout).not.toContain("UTKAST");
  });

  it("a proposal's summary says FÖRSLAG", async () => {
    const out = tempDir();
    const result = join(out, "r.json");
    expect((await runMain(["calculate", "--tariff", "2025", "--consumption", join(FIXTURES, "spec", "mini-2025", "consumption.csv"), "--json", result])).code).toBe(0);
    const r = await runMain(["propose", "--tariff", "2025", "--results", result, "--index", "2026=2,8", "--out", join(out, "p.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("FÖRSLAG – ej beslutade belopp");
    expect(r.stdout).toContain("× 1,028 (index 2026: 2,8 %)");
  });
});
