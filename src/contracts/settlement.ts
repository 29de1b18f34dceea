/** `vardavtal-settlement/1`: the final settlement as JSON (docs/filformat.md). */
import type { Settlement } from "../core/year/settlement.js";
import { formatOre } from "../core/model/decimal.js";
import { decisionJson } from "./result-json.js";

/**
 * The settlement as `vardavtal-settlement/1`, the contract `settle --json` writes: money as
 * strings with two decimals, parties by id, no bigint.
 *
 * @example
 * ```ts
 * const { settlement } = await settle({ result, plan });
 * settlementToJson(settlement).parties; // [{ party: "RJL", net: "…", paidNet: "…", remaining: "…" }, …]
 * ```
 */
export function settlementToJson(s: Settlement, meta: { tool?: { name: string; version: string } } = {}) {
  const id = (i: number): string => s.parties[i] ?? String(i);
  return {
    format: "vardavtal-settlement/1",
    year: s.year,
    pairs: s.pairs.map((p) => ({ payer: id(p.payer), payee: id(p.payee), due: formatOre(p.due), paid: formatOre(p.paid), difference: formatOre(p.difference), ...(p.withoutFlow ? { withoutFlow: true } : {}) })),
    parties: s.totals.map((t, i) => ({ party: id(i), net: formatOre(t.net), paidNet: formatOre(t.paidNet), remaining: formatOre(t.remaining) })),
    transfers: s.transfers.map((t) => ({ payer: id(t.payer), payee: id(t.payee), amount: formatOre(t.amount) })),
    // the decision of the result's tariff, as its file names it (null: none)
    decision: decisionJson(s.decision ?? undefined),
    ...(meta.tool ? { tool: meta.tool } : {}),
  };
}
