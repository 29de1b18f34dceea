/** `vardavtal-settlement/1`: the settlement against what was paid, as JSON (docs/filformat.md, docs/avrakning.md). */
import type { Settlement } from "../core/year/settlement.js";
import { formatOre } from "../core/model/decimal.js";
import { decisionJson } from "./result-json.js";
import { withDigest } from "./digest.js";

/** Where a payment came from, as the settlement shows it: "betalningar.csv:4", or the source's file. */
export function paymentSourceText(s: Settlement, p: Settlement["payments"][number]): string {
  const file = s.sources[p.source]?.file ?? "";
  const base = file.split(/[\\/]/).pop() ?? file;
  return p.line !== undefined ? `${base}:${p.line}` : base;
}

/**
 * The settlement as `vardavtal-settlement/1`, the contract `settle --json` writes: money as
 * strings with two decimals, parties by id, no bigint. The v2 fields (`pairs`, `parties`,
 * `transfers`) are kept; `pairs` are per direction (paid in that direction only), `transfers` are
 * the final payments under the netting.
 *
 * @example
 * ```ts
 * const { value } = await settle({ result, plan });
 * settlementToJson(value).counterparties; // [{ a: "RJL", b: "RKL", due: "…", paid: "…", remaining: "…" }, …]
 * ```
 */
export function settlementToJson(s: Settlement, meta: { tool?: { name: string; version: string } } = {}) {
  const id = (i: number): string => s.parties[i] ?? String(i);
  return withDigest({
    format: "vardavtal-settlement/1",
    year: s.year,
    netting: s.netting,
    forecast: s.forecast ? { through: s.forecast.through, ...(s.forecast.factor ? { factor: s.forecast.factor } : {}), planMonthsToDate: s.forecast.month } : null,
    sources: s.sources.map((x) => ({ kind: x.kind, file: x.file, ...(x.sha256 ? { sha256: x.sha256 } : {}) })),
    unitPrice: s.unitPrice,
    lines: s.lines.map((l) => ({
      payer: id(l.payer),
      payee: id(l.payee),
      component: l.component,
      label: null,
      due: formatOre(l.due),
      paid: formatOre(l.paid),
      difference: formatOre(l.difference),
      ...(l.component === "unit_price" && s.unitPrice === "invoiced" ? { invoiced: formatOre(l.invoiced) } : {}),
    })),
    counterparties: s.counterparties.map((c) => ({
      a: id(c.a),
      b: id(c.b),
      due: formatOre(c.due),
      paid: formatOre(c.paid),
      remaining: formatOre(c.remaining),
      ...(s.unitPrice === "invoiced" && c.unitPriceInvoiced !== 0n ? { unitPriceInvoiced: formatOre(c.unitPriceInvoiced) } : {}),
      ...(c.paidToDate !== undefined ? { paidToDate: formatOre(c.paidToDate) } : {}),
      ...(c.planRemaining !== undefined ? { planRemaining: formatOre(c.planRemaining) } : {}),
      ...(c.withoutFlow ? { withoutFlow: true } : {}),
    })),
    pairs: s.pairs.map((p) => ({ payer: id(p.payer), payee: id(p.payee), due: formatOre(p.due), paid: formatOre(p.paid), difference: formatOre(p.difference), ...(p.withoutFlow ? { withoutFlow: true } : {}) })),
    parties: s.totals.map((t, i) => ({ party: id(i), net: formatOre(t.net), paidNet: formatOre(t.paidNet), remaining: formatOre(t.remaining) })),
    payments: s.payments.map((p) => ({
      payer: id(p.payer),
      payee: id(p.payee),
      amount: formatOre(p.amount),
      date: p.date ?? null,
      note: p.note ?? null,
      component: p.component,
      ...(p.label ? { label: p.label } : {}),
      source: paymentSourceText(s, p),
      kind: s.sources[p.source]?.kind ?? "payments",
    })),
    transfers: s.transfers.map((t) => ({ payer: id(t.payer), payee: id(t.payee), amount: formatOre(t.amount) })),
    checks: s.checks.every((c) => c.holds) ? { holds: true, count: s.checks.length } : { holds: false, failed: s.checks.filter((c) => !c.holds) },
    // the decision of the result's tariff, as its file names it (null: none)
    decision: decisionJson(s.decision ?? undefined),
    ...(meta.tool ? { tool: meta.tool } : {}),
  });
}
