/** `vardavtal-acconto/1`: the a-conto plan as JSON (docs/filformat.md). */
import type { AccontoPlan } from "../core/year/acconto.js";
import { formatOre } from "../core/model/decimal.js";
import { decisionJson } from "./result-json.js";
import { withDigest } from "./digest.js";

export const ACCONTO_FORMAT = "vardavtal-acconto/1";

/** The plan as `vardavtal-acconto/1` (formats.md, v2): amounts as strings with two decimals. */
export function accontoToJson(plan: AccontoPlan, meta: { tool?: { name: string; version: string } } = {}) {
  const id = (i: number): string => plan.tariff.parties[i]?.id ?? String(i);
  return withDigest({
    format: ACCONTO_FORMAT,
    year: plan.year,
    title: plan.title,
    variable: plan.variable,
    netting: plan.netting,
    unit: formatOre(plan.unit),
    parties: plan.tariff.parties.map((p) => p.id),
    lines: plan.lines.map((l) => ({ payer: id(l.payer), payee: id(l.payee), component: l.component, label: l.label, annual: formatOre(l.annual), months: l.months.map(formatOre) })),
    net: plan.net.map((months, i) => ({ party: id(i), annual: formatOre(plan.annualNet[i] ?? 0n), months: months.map(formatOre) })),
    transfers: plan.transfers.map((t) => ({ month: t.month, payer: id(t.payer), payee: id(t.payee), amount: formatOre(t.amount) })),
    checks: plan.checks.filter((c) => !c.holds).length === 0 ? { holds: true, count: plan.checks.length } : { holds: false, failed: plan.checks.filter((c) => !c.holds) },
    decision: decisionJson(plan.tariff.decision),
    ...(meta.tool ? { tool: meta.tool } : {}),
  });
}
