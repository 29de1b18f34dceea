/** The final settlement's core (model.md, "Final settlement"). */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accontoPlan } from "../src/core/year/acconto.js";
import { calculateFiles } from "../src/node/run.js";
import { finalSettlement, type Payment, type SettlementResult } from "../src/core/year/settlement.js";
import { FIXTURES } from "./helpers.js";
import { settlementToJson } from "../src/contracts/settlement.js";

const MINI = join(FIXTURES, "spec", "mini-2025");

const parties = ["RJL", "RKL", "RÖ"];
const flowArb = fc.record({ payer: fc.nat(2), payee: fc.nat(2), amount: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }) }).filter((f) => f.payer !== f.payee);
const resultArb = fc.array(flowArb, { maxLength: 12 }).map((flows): SettlementResult => {
  const net = parties.map(() => 0n);
  for (const f of flows) {
    net[f.payee]! += f.amount;
    net[f.payer]! -= f.amount;
  }
  return { year: 2025, parties, flows, net };
});

describe("final settlement", () => {
  it("Σ remaining = 0, and paying the payments then the transfers leaves every party at its net (property)", () => {
    fc.assert(
      fc.property(resultArb, fc.array(flowArb, { maxLength: 12 }), (result, payments: Payment[]) => {
        const s = finalSettlement(result, payments);
        expect(s.totals.reduce((a, t) => a + t.remaining, 0n)).toBe(0n);
        const position = parties.map(() => 0n);
        for (const p of [...payments, ...s.transfers]) {
          position[p.payee]! += p.amount;
          position[p.payer]! -= p.amount;
        }
        expect(position).toEqual(result.net);
        for (const pair of s.pairs) expect(pair.difference).toBe(pair.due - pair.paid);
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  it("paid as planned: the a-conto plan's lines as payments, then the settlement's transfers, give the result's net", async () => {
    const { result } = await calculateFiles({ tariff: join(MINI, "tariff.json"), consumption: join(MINI, "consumption.csv"), reader: "general" });
    const plan = accontoPlan(result.tariff, result.key);
    const s = finalSettlement(
      { year: result.year, parties: result.parties.map((p) => p.id), flows: result.flows, net: result.net },
      plan.lines.map((l) => ({ payer: l.payer, payee: l.payee, amount: l.annual })),
    );
    const position = result.parties.map(() => 0n);
    for (const p of [...plan.lines.map((l) => ({ payer: l.payer, payee: l.payee, amount: l.annual })), ...s.transfers]) {
      position[p.payee]! += p.amount;
      position[p.payer]! -= p.amount;
    }
    expect(position).toEqual(result.net);
    const json = settlementToJson(s);
    expect(json.format).toBe("vardavtal-settlement/1");
    expect(json.parties.map((p) => p.party)).toEqual(["RJL", "RKL", "RÖ"]);
  });

  it("a payment between parties without any flow gets its own pair and still counts", () => {
    const result: SettlementResult = { year: 2025, parties, flows: [{ payer: 0, payee: 2, amount: 1000n }], net: [-1000n, 0n, 1000n] };
    const s = finalSettlement(result, [{ payer: 1, payee: 0, amount: 50n }]);
    expect(s.pairs.map((p) => [p.payer, p.payee, p.due, p.paid, p.withoutFlow])).toEqual([
      [0, 2, 1000n, 0n, false],
      [1, 0, 0n, 50n, true],
    ]);
    expect(s.totals.map((t) => t.remaining)).toEqual([-1050n, 50n, 1000n]);
  });
});
