/**
 * `vardavtal explain`: the chain behind every flow of the worked example ends in the flow's own
 * amount, its exact value rounds to it, and it names the figures it comes from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explainAll, explainFlow } from "../src/core/analysis/explain.js";
import { componentNames, explanationText, explanationWords, listText } from "../src/text/explain.js";
import { calculateFiles } from "../src/node/run.js";
import { FIXTURES, runMain, tempDir } from "./helpers.js";
import { moneyText } from "../src/text/diagnostics.js";

const MINI = join(FIXTURES, "spec", "mini-2025");

describe("explain", () => {
  it("writes a list as the language does", () => {
    expect([listText([], "sv"), listText(["RJL"], "sv"), listText(["RJL", "RKL"], "sv"), listText(["RJL", "RKL", "RÖ"], "en")]).toEqual(["", "RJL", "RJL och RKL", "RJL, RKL and RÖ"]);
  });

  it("every flow's chain ends in its amount, and its exact value rounds to it (half away from zero)", async () => {
    const run = await calculateFiles({ tariff: join(MINI, "tariff.json"), consumption: join(MINI, "consumption.csv") });
    const all = explainAll(run.result).map((e) => explanationWords(e, "en"));
    expect(all.length).toBe(run.result.flows.length);
    all.forEach((e, k) => {
      const f = run.result.flows[k];
      expect(e.amount).toBe(f?.amount);
      const last = e.lines[e.lines.length - 1]?.text ?? "";
      expect(last).toContain(moneyText(f?.amount ?? 0n, "en"));
      const step = e.lines.find((l) => l.kind === "exact");
      if (step) {
        // the exact value as a fraction of öre: a rounded flow is it rounded half away from zero,
        // a part of a split is its floor or its ceiling (largest remainder)
        const [num = 0n, den = 1n] = String(step.values.ore).split("/").map(BigInt);
        const floor = num >= 0n ? num / den : -((-num + den - 1n) / den);
        const amount = f?.amount ?? 0n;
        if (e.lines.some((l) => l.kind === "rounded")) expect(amount).toBe(num >= 0n ? (2n * num + den) / (2n * den) : -((-2n * num + den) / (2n * den)));
        else expect([floor, floor + (num % den === 0n ? 0n : 1n)]).toContain(amount);
        // the text shows it grouped like the money, with at most 10 decimals, and says when they are cut
        const shown = String(step.values.exact);
        const decimals = BigInt((shown.split(".")[1] ?? "").length);
        if (step.values.cut === false) expect(BigInt(shown.replace(".", "")) * 100n * den).toBe(num * 10n ** decimals);
        else expect(step.text).toContain("rounded to 10 decimals here");
      }
    });
  });

  it("names the rows, the rule, the prices and the share; a net position lists its flows", async () => {
    const run = await calculateFiles({ tariff: join(MINI, "tariff.json"), consumption: join(MINI, "consumption.csv") });
    const v = explainFlow(run.result, "RJL>RÖ variable");
    if ("code" in v) throw new Error(v.code);
    const text = explanationText(explanationWords(v, "sv")).join("\n");
    expect(text).toContain("neurokirurgi: 2 rader, värde 358 125,00 kr");
    expect(text).toContain("poängpriser RÖ: 2025-01-01 71 250,00 kr; 2025-07-01 72 000,00 kr");
    expect(text).toContain("rörlig andel: 1 − 0,65");
    expect(text).toContain("exakt: 125 343,75 kr");
    const s = explainFlow(run.result, "rkl>rö solidarity rcc");
    if ("code" in s) throw new Error(s.code);
    expect(explanationText(explanationWords(s, "sv")).join("\n")).toMatch(/fördelat med största-restmetoden: golv [\d ]+,\d\d kr; \d öre kvar efter golven går till de största resterna, 1 av dem till RKL/);
    const n = explainFlow(run.result, "net RKL");
    if ("code" in n) throw new Error(n.code);
    expect(n.amount).toBe(run.result.net[1]);
    const bad = explainFlow(run.result, "RJL>RÖ grant");
    expect("code" in bad && bad.code).toBe("EXPLAIN_FLOW");
  });

  it("takes the components by the words the reports print, in either language, and says the rule in words", async () => {
    const run = await calculateFiles({ tariff: join(MINI, "tariff.json"), consumption: join(MINI, "consumption.csv") });
    const byCode = explainFlow(run.result, "RJL>RÖ variable");
    if ("code" in byCode) throw new Error(byCode.code);
    for (const name of ["RJL>RÖ rörlig", "RJL>RÖ Rörlig ersättning", "RJL → RÖ  rörlig  ersättning", "RJL>RÖ Variable"]) {
      const v = explainFlow(run.result, name, { componentNames: componentNames() });
      if ("code" in v) throw new Error(`${name}: ${v.code}`);
      expect(v.figure).toEqual(byCode.figure);
      expect(v.amount).toBe(byCode.amount);
    }
    const only = explainFlow(run.result, "RKL>RÖ endast fast klinisk genetik", { componentNames: componentNames() });
    if ("code" in only) throw new Error(only.code);
    expect(only.figure).toEqual({ payer: "RKL", payee: "RÖ", component: "fixed_only", label: "klinisk genetik" });
    // without the words, only the codes
    expect("code" in explainFlow(run.result, "RJL>RÖ rörlig")).toBe(true);
    const text = explanationText(explanationWords(byCode, "sv")).join("\n");
    expect(text).toContain("(ingen vårdregel, alltså fast och rörlig ersättning)");
    expect(text).toMatch(/konsumtion med fast och rörlig ersättning, säljare RÖ, köpare RJL: /);
    expect(text).not.toMatch(/careRules|→|Fast och rörlig/);
  });

  it("prints the chain and writes it as JSON", async () => {
    const out = join(tempDir(), "e.json");
    const r = await runMain(["explain", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "RKL>RÖ fixed_only klinisk genetik", "--json", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("RKL betalar RÖ: endast fast ersättning klinisk genetik");
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect([json.format, json.amount]).toEqual(["vardavtal-explanation/1", "27210.40"]);
  });
});
