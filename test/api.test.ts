/** The package as an embedder sees it: `import … from "vardavtal"` (the built package, via its exports map). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

describe("the npm package", () => {
  it("runs the README's embedding example", async () => {
    const { calculate, resultToJson } = await import("vardavtal");
    const rows = [
      { date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" },
      { date: "2025-04-01", seller: "RJL", buyer: "RKL", area: "psykiatri", amount: "12500.00" },
    ];
    const result = await calculate({ tariff: readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"), consumption: rows });
    const json = resultToJson(result);
    expect(json.net.reduce((a, n) => a + BigInt(n.amount.replace(".", "")), 0n)).toBe(0n);
    // RJL pays RKL the psykiatri visit in full (unit price)
    expect(json.flows).toContainEqual({ payer: "RKL", payee: "RJL", component: "unit_price", label: null, amount: "12500.00" });
    // and 35 % of 2.5 × 71 250 to RÖ
    expect(json.flows).toContainEqual({ payer: "RJL", payee: "RÖ", component: "variable", label: null, amount: "62343.75" });
  });

  it("reports every bad row with its position through InputError", async () => {
    const { calculate, InputError, renderDiagnostic } = await import("vardavtal");
    const rows = (async function* () {
      yield { year: 2025, seller: "RÖ", buyer: "Skåne", area: "x", amount: "1" };
      yield { year: 2025, seller: "RÖ", buyer: "RJL", area: "x", amount: "1,001" };
    })();
    const err = await calculate({ tariff: readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"), consumption: rows }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.diagnostics.map((d: { code: string; line: number }) => `${d.line} ${d.code}`)).toEqual(["1 UNKNOWN_PARTY", "2 TOO_MANY_DECIMALS"]);
    expect(renderDiagnostic(err.diagnostics[0], "en")).toMatch(/^<consumption>:1:1: error\[UNKNOWN_PARTY\]: unknown party "Skåne"/);
  });

  it("exports the file adapters and the JSON Schema", async () => {
    const node = await import("vardavtal/node");
    expect(node.bundledYears()).toEqual([2025, 2026]);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.exports["./schema/tariff.schema.json"]).toBe("./schema/vardavtal-tariff-1.schema.json");
  });
});
