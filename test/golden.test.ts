/**
 * Golden tests: the worked examples of the spec (copied into test/fixtures/spec), to the öre,
 * through the file adapter (the same code path as the command line).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultToJson } from "../src/contracts/result-json.js";
import { calculateFiles } from "../src/node/run.js";
import { formatOre } from "../src/core/model/decimal.js";
import { bilateralTransfers, settlementTransfers } from "../src/core/model/transfers.js";
import { FIXTURES, flowSums, ore, sharesClose } from "./helpers.js";

interface Expected {
  year: number;
  parties: string[];
  key: { party: string; population?: number; share: string }[];
  flows: { payer: string; payee: string; component: string; label: string | null; amount: string }[];
  net: { party: string; amount: string }[];
  skipped: { otherYear: number; ownRegion: number };
  transfers?: { payer: string; payee: string; amount: string }[];
}

function argsOf(dir: string): { tariff: string; consumption: string; population?: string } {
  const command = readFileSync(join(dir, "command.txt"), "utf8");
  const population = /--population (\S+)/.exec(command)?.[1];
  return { tariff: join(dir, "tariff.json"), consumption: join(dir, "consumption.csv"), population: population ? join(dir, population) : undefined };
}

const cases = [
  { name: "mini-2025", dir: join(FIXTURES, "spec", "mini-2025"), args: (d: string) => ({ tariff: join(d, "tariff.json"), consumption: join(d, "consumption.csv") }) },
  ...readdirSync(join(FIXTURES, "spec", "generated"))
    .filter((d) => d.startsWith("case"))
    .map((d) => ({ name: `generated/${d}`, dir: join(FIXTURES, "spec", "generated", d), args: argsOf })),
];

describe("worked examples match to the öre", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const expected = JSON.parse(readFileSync(join(c.dir, "expected-result.json"), "utf8")) as Expected;
      const run = await calculateFiles(c.args(c.dir));
      const actual = resultToJson(run.result);
      expect(actual.format).toBe("vardavtal-result/1");
      expect(actual.year).toBe(expected.year);
      expect(actual.parties).toEqual(expected.parties);
      expect(flowSums(actual.flows)).toEqual(flowSums(expected.flows));
      expect(actual.net).toEqual(expected.net);
      expect(actual.skipped).toEqual(expected.skipped);
      expect(actual.key.map((k) => [k.party, k.population])).toEqual(expected.key.map((k) => [k.party, k.population]));
      actual.key.forEach((k, i) => expect(sharesClose(k.share, expected.key[i]?.share ?? ""), `${k.share} vs ${expected.key[i]?.share}`).toBe(true));
      // The worked examples' transfers are the fewest (multilateral, the v1 rule); v3 nets per
      // counterparty by default: one payment per pair, Σ flows a→b − Σ flows b→a.
      const idx = new Map(actual.parties.map((p, i) => [p, i]));
      const id = (i: number) => actual.parties[i] ?? "";
      const money = (t: { payer: number; payee: number; amount: bigint }) => ({ payer: id(t.payer), payee: id(t.payee), amount: formatOre(t.amount) });
      if (expected.transfers) expect(settlementTransfers(actual.net.map((x) => ore(x.amount))).map(money)).toEqual(expected.transfers);
      const moves = expected.flows.map((f) => ({ payer: idx.get(f.payer) ?? -1, payee: idx.get(f.payee) ?? -1, amount: ore(f.amount) }));
      expect(actual.netting).toBe("bilateral");
      expect(actual.transfers).toEqual(bilateralTransfers(actual.parties.length, moves).map(money));
      // Transfers settle every net position, at most one per pair.
      const left = new Map(actual.net.map((x) => [x.party, ore(x.amount)]));
      for (const t of actual.transfers) {
        expect(ore(t.amount) > 0n).toBe(true);
        left.set(t.payer, (left.get(t.payer) ?? 0n) + ore(t.amount));
        left.set(t.payee, (left.get(t.payee) ?? 0n) - ore(t.amount));
      }
      expect([...left.values()].every((v) => v === 0n)).toBe(true);
      expect(actual.transfers.length).toBeLessThanOrEqual((actual.parties.length * (actual.parties.length - 1)) / 2);
    });
  }

  it("mini-2025 shows the exact Hamilton split of klinisk genetik from its README", async () => {
    const d = join(FIXTURES, "spec", "mini-2025");
    const run = await calculateFiles({ tariff: join(d, "tariff.json"), consumption: join(d, "consumption.csv") });
    const split = run.result.splits.find((s) => s.label === "klinisk genetik");
    expect(split?.parts.map((p) => [p.base, p.extra, p.amount])).toEqual([
      [4068934n, 0n, 4068934n],
      [2721039n, 1n, 2721040n],
      [5210026n, 0n, 5210026n],
    ]);
  });
});
