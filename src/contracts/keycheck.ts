/** `vardavtal-keycheck/1`: the key check as JSON (docs/filformat.md). */
import type { KeyCheckResult, PartyLine } from "../core/year/keycheck.js";
import { formatOre, shareText } from "../core/model/decimal.js";
import { withDigest } from "./digest.js";

export const KEYCHECK_FORMAT = "vardavtal-keycheck/1";

/**
 * The key check as `vardavtal-keycheck/1` (the contract `check-key --json` writes): money as
 * strings with two decimals, parties by id, no bigint.
 *
 * @param meta the tool and the input files to record (optional)
 * @example
 * ```ts
 * const { value } = await checkKey({ tariff: { name: "2025.json", data: tariffText }, costs: { name: "kostnader.csv", data: csvText } });
 * const json = keyCheckToJson(value);
 * json.transfers; // [{ payer: "RKL", payee: "RÖ", amount: "…" }, …]
 * ```
 */
export function keyCheckToJson(r: KeyCheckResult, meta: { tool?: { name: string; version: string }; inputs?: unknown[] } = {}) {
  const id = (i: number): string => r.tariff.parties[i]?.id ?? String(i);
  const partyLine = (l: PartyLine, i: number) => ({ party: id(i), paid: formatOre(l.paid), expected: formatOre(l.expected), deviation: formatOre(l.deviation), exceedsTolerance: l.exceeds });
  return withDigest({
    format: KEYCHECK_FORMAT,
    year: r.tariff.year,
    tolerance: formatOre(r.tolerance),
    keyBasis: r.key.basis,
    key: r.tariff.parties.map((p, i) => ({ party: p.id, ...(r.key.population ? { population: Number(r.key.population[i]) } : {}), share: shareText(r.key.weights[i] ?? 0n, r.key.totalWeight) })),
    items: r.items.map((it) => ({ item: it.item, total: formatOre(it.total), parties: it.parties.map(partyLine) })),
    totals: r.totals.map(partyLine),
    transfers: r.transfers.map((t) => ({ payer: id(t.payer), payee: id(t.payee), amount: formatOre(t.amount) })),
    deviationsAboveTolerance: r.exceeded,
    budgets: r.budgets.map((b) => ({ unit: b.unit, budget: formatOre(b.budget), items: b.items, paid: formatOre(b.paid), difference: formatOre(b.difference) })),
    checks: r.checks,
    ...(meta.tool ? { tool: meta.tool } : {}),
    ...(meta.inputs ? { inputs: meta.inputs } : {}),
  });
}
