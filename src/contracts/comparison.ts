/** `vardavtal-comparison/1`: the comparison of two results as JSON (docs/filformat.md). */
import type { Change, Comparison, ComparisonSide } from "../core/analysis/compare.js";
import { formatOre, formatValueSek } from "../core/model/decimal.js";
import { warningJson } from "./result-json.js";
import { withDigest } from "./digest.js";

export const COMPARISON_FORMAT = "vardavtal-comparison/1";

/** The comparison as `vardavtal-comparison/1` (formats.md, v2): amounts as strings with two decimals. */
export function comparisonToJson(c: Comparison, meta: { tool?: { name: string; version: string } } = {}) {
  const id = (i: number): string => c.parties[i] ?? String(i);
  const side = (s: ComparisonSide) => ({
    year: s.year,
    // what the side is: a forecast (calculate --through: its values are full-year values), a scenario or an outcome
    kind: s.forecastThrough !== undefined ? "forecast" : s.scenario ? "scenario" : "outcome",
    title: s.title ?? null,
    ...(s.file !== undefined ? { file: s.file } : {}),
    ...(s.forecastThrough !== undefined ? { forecast: { through: s.forecastThrough } } : {}),
    ...(s.scenario ? { scenario: s.scenario } : {}),
    ...(s.scenarioRecord ? { scenarioRecord: s.scenarioRecord } : {}),
  });
  const ch = (x: Change) => ({ a: formatOre(x.a), b: formatOre(x.b), change: formatOre(x.change) });
  const e = c.effects;
  return withDigest({
    format: COMPARISON_FORMAT,
    a: side(c.a),
    b: side(c.b),
    parties: c.parties,
    net: c.net.map((n, i) => ({ party: id(i), ...ch(n) })),
    components: c.components.map((x) => ({ party: id(x.party), component: x.component, ...ch(x) })),
    flows: c.flows.map((f) => ({ payer: id(f.payer), payee: id(f.payee), component: f.component, label: f.label, ...ch(f) })),
    ...(c.pairs ? { pairs: c.pairs.map((p) => ({ seller: id(p.seller), buyer: id(p.buyer), ...ch(p) })) } : {}),
    ...(c.areas ? { areas: c.areas.map((x) => ({ area: x.area, seller: id(x.seller), buyer: id(x.buyer), model: x.model, rowsA: x.rowsA, rowsB: x.rowsB, a: formatValueSek(x.a), b: formatValueSek(x.b), change: formatValueSek(x.change) })) } : {}),
    ...(e
      ? {
          effects: e.available
            ? { available: true, order: e.groups, pricesInConsumption: e.pricesInConsumption, parties: e.parties.map((p, i) => ({ party: id(i), change: formatOre(p.change), ...Object.fromEntries(e.groups.map((g, k) => [g, formatOre(p.effects[k] ?? 0n)])) })) }
            : { available: false, ...warningJson(e.reason) },
        }
      : {}),
    checks: c.checks,
    ...(meta.tool ? { tool: meta.tool } : {}),
  });
}
