/**
 * The comparison of two results (model.md, "Comparison"): per party net A, B and change = B − A;
 * per party and component (received − paid) A, B, change; per flow (payer, payee, component,
 * label) A, B, change, a flow missing on one side counting as 0; per seller→buyer pair (the money
 * of the care agreement: fixed + variable + unit price) and per area of care (the consumption
 * value) where both results carry them. Σ change of the nets = 0 is checked at run time, with
 * every other sum the comparison shows. The split of each party's change into effects is in
 * effects.ts; a comparison carries it when it could be made.
 */
import { formatOre } from "../model/decimal.js";
import { COMPONENTS, type CalculationResult, type Component } from "../model/calculate.js";
import { areaCells } from "../model/consumption.js";
import { areaKey } from "../model/names.js";
import type { CareModel } from "../model/tariff-schema.js";
import type { Effects } from "./effects.js";
import type { TariffFile } from "../model/tariff-schema.js";
import type { Decision } from "../model/tariff.js";
import { type ScenarioRecord } from "./scenario-record.js";

/** One result as the comparison reads it: parties by id, flows with what they are. */
export interface ComparableResult {
  year: number;
  title?: string;
  /** the status of the tariff the result was computed from, when it was set */
  tariffStatus?: TariffFile["status"];
  /** the decision of the tariff (null: it names none) */
  decision?: Decision | null;
  /** present for a forecast: its cut-off date */
  forecastThrough?: string;
  /** present for a scenario: what was set, as text lines ("fixedShare = 0.60") */
  scenario?: string[];
  /** present for a scenario: what was set and changed, the scenario file's content with it */
  scenarioRecord?: ScenarioRecord;
  parties: string[];
  flows: { payer: string; payee: string; component: Component; label: string | null; amount: bigint }[];
  /** per party (index of `parties`), öre */
  net: bigint[];
  /** per seller→buyer pair: fixed + variable + unit price, öre (when the result carries pairs) */
  pairs?: { seller: string; buyer: string; total: bigint }[];
  /** per area of care and pair: the counted consumption (value in 10⁻⁸ SEK), when the result carries it */
  areas?: { area: string; seller: string; buyer: string; model: CareModel; rows: number; value: bigint }[];
}

export interface Change {
  a: bigint;
  b: bigint;
  /** b − a */
  change: bigint;
}

export interface ComparisonSide {
  year: number;
  title?: string;
  tariffStatus?: TariffFile["status"];
  decision?: Decision | null;
  forecastThrough?: string;
  scenario?: string[];
  scenarioRecord?: ScenarioRecord;
  /** the file it was read from, when it was */
  file?: string;
}

/**
 * Result B against result A (model.md, "Comparison"): each side's year, title and file; per party
 * net A, B and change = B − A; per party and component; per flow (payer, payee, component, label);
 * per pair and area where both results carry them; the effects; and the checks (Σ change of the
 * nets is 0, components and flows sum to each party's change). Öre as bigint; parties by index
 * into `parties` (ids). {@link comparisonToJson} writes it as `vardavtal-comparison/1`.
 */
export interface Comparison {
  a: ComparisonSide;
  b: ComparisonSide;
  /** A's parties in A's order, then B's that A does not have */
  parties: string[];
  /** per party index */
  net: Change[];
  /** per party and component where either side has a flow of it */
  components: (Change & { party: number; component: Component })[];
  flows: (Change & { payer: number; payee: number; component: Component; label: string | null })[];
  /** when both results carry pairs */
  pairs?: (Change & { seller: number; buyer: number })[];
  /** when both results carry areas: consumption value in 10⁻⁸ SEK, rows */
  areas?: (Change & { area: string; seller: number; buyer: number; model: string; rowsA: number; rowsB: number })[];
  effects?: Effects;
  checks: { id: string; holds: boolean; figures: Record<string, string> }[];
}

export class ComparisonInvariantError extends Error {
  constructor(readonly failed: Comparison["checks"]) {
    super(`comparison invariant: ${failed.map((c) => `${c.id} ${JSON.stringify(c.figures)}`).join("; ")}`);
    this.name = "ComparisonInvariantError";
  }
}

/** What the comparison reads of a freshly computed result (calculate --baseline). */
export function comparableFromCalculation(r: CalculationResult, scenario?: ScenarioRecord): ComparableResult {
  const id = (i: number): string => r.parties[i]?.id ?? String(i);
  return {
    year: r.year,
    title: r.title,
    ...(r.tariff.file.status ? { tariffStatus: r.tariff.file.status } : {}),
    decision: r.tariff.decision ?? null,
    ...(r.forecast ? { forecastThrough: r.forecast.through } : {}),
    ...(scenario ? { scenario: scenarioTexts(scenario), scenarioRecord: scenario } : {}),
    parties: r.parties.map((p) => p.id),
    flows: r.flows.map((f) => ({ payer: id(f.payer), payee: id(f.payee), component: f.component, label: f.label, amount: f.amount })),
    net: [...r.net],
    pairs: r.pairs.map((p) => ({ seller: id(p.seller), buyer: id(p.buyer), total: p.total })),
    areas: areaCells(r.consumption, r.parties.length).map((c) => ({ area: c.area.area, seller: id(c.seller), buyer: id(c.buyer), model: c.model, rows: c.rows, value: c.value })),
  };
}

function change(a: bigint, b: bigint): Change {
  return { a, b, change: b - a };
}

/** Sums by a text key, keeping the first-seen order of keys. */
function sums<T>(items: readonly T[], key: (x: T) => string, value: (x: T) => bigint): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0n) + value(x));
  return m;
}

/** A scenario as the text lines a comparison names its side by. */
export function scenarioTexts(scenario: ScenarioRecord): string[] {
  const patch = scenario.patch;
  return [...(patch ? [`--scenario ${patch.file}${patch.changed.length > 0 ? `: ${patch.changed.join(", ")}` : ""}`] : []), ...scenario.set.map((s) => `${s.path} = ${s.value}`)];
}

/** Compares two results; checks that the changes add up and throws ComparisonInvariantError if not. */
export function compareResults(a: ComparableResult, b: ComparableResult, options: { fileA?: string; fileB?: string; effects?: Effects } = {}): Comparison {
  const parties = [...a.parties, ...b.parties.filter((p) => !a.parties.includes(p))];
  const index = new Map(parties.map((p, i) => [p, i]));
  const at = (p: string): number => index.get(p) as number;
  const netOf = (r: ComparableResult, p: string): bigint => {
    const i = r.parties.indexOf(p);
    return i < 0 ? 0n : (r.net[i] ?? 0n);
  };
  const net = parties.map((p) => change(netOf(a, p), netOf(b, p)));

  // Flows by (payer, payee, component, label): sums of each side, a flow missing on one side is 0.
  const flowKey = (f: ComparableResult["flows"][number]): string => JSON.stringify([at(f.payer), at(f.payee), COMPONENTS.indexOf(f.component), f.label]);
  const fa = sums(a.flows, flowKey, (f) => f.amount);
  const fb = sums(b.flows, flowKey, (f) => f.amount);
  const flows = [...new Set([...fa.keys(), ...fb.keys()])]
    .map((k) => {
      const [payer, payee, c, label] = JSON.parse(k) as [number, number, number, string | null];
      return { payer, payee, component: COMPONENTS[c] as Component, label, ...change(fa.get(k) ?? 0n, fb.get(k) ?? 0n) };
    })
    .sort((x, y) => x.payer - y.payer || x.payee - y.payee || COMPONENTS.indexOf(x.component) - COMPONENTS.indexOf(y.component) || (x.label ?? "").localeCompare(y.label ?? "", "sv"));

  // Per party and component: received − paid, from the compared flows.
  const comp = new Map<string, Change & { party: number; component: Component }>();
  for (const f of flows) {
    for (const [party, sign] of [[f.payee, 1n], [f.payer, -1n]] as const) {
      const k = `${party}|${f.component}`;
      const c = comp.get(k) ?? { party, component: f.component, a: 0n, b: 0n, change: 0n };
      c.a += sign * f.a;
      c.b += sign * f.b;
      c.change += sign * f.change;
      comp.set(k, c);
    }
  }
  const components = [...comp.values()].sort((x, y) => x.party - y.party || COMPONENTS.indexOf(x.component) - COMPONENTS.indexOf(y.component));

  let pairs: Comparison["pairs"];
  if (a.pairs && b.pairs) {
    const key = (p: { seller: string; buyer: string }): string => JSON.stringify([at(p.seller), at(p.buyer)]);
    const pa = sums(a.pairs, key, (p) => p.total);
    const pb = sums(b.pairs, key, (p) => p.total);
    pairs = [...new Set([...pa.keys(), ...pb.keys()])]
      .map((k) => {
        const [seller, buyer] = JSON.parse(k) as [number, number];
        return { seller, buyer, ...change(pa.get(k) ?? 0n, pb.get(k) ?? 0n) };
      })
      .sort((x, y) => x.seller - y.seller || x.buyer - y.buyer);
  }

  let areas: Comparison["areas"];
  if (a.areas && b.areas) {
    // Areas match as the tariff matches them (case, blanks); the name shown is A's spelling, else B's.
    const key = (x: { area: string; seller: string; buyer: string }): string => JSON.stringify([areaKey(x.area), at(x.seller), at(x.buyer)]);
    type Cell = { area: string; model: string; rowsA: number; rowsB: number; a: bigint; b: bigint };
    const cells = new Map<string, Cell>();
    for (const [side, list] of [["a", a.areas], ["b", b.areas]] as const) {
      for (const x of list) {
        const k = key(x);
        const c = cells.get(k) ?? { area: x.area, model: x.model, rowsA: 0, rowsB: 0, a: 0n, b: 0n };
        if (side === "a") {
          c.a += x.value;
          c.rowsA += x.rows;
        } else {
          c.b += x.value;
          c.rowsB += x.rows;
          if (c.model !== x.model) c.model = `${c.model} → ${x.model}`;
        }
        cells.set(k, c);
      }
    }
    areas = [...cells.entries()]
      .map(([k, c]) => {
        const [, seller, buyer] = JSON.parse(k) as [string, number, number];
        return { area: c.area, seller, buyer, model: c.model, rowsA: c.rowsA, rowsB: c.rowsB, ...change(c.a, c.b) };
      })
      .sort((x, y) => areaKey(x.area).localeCompare(areaKey(y.area), "sv") || x.seller - y.seller || x.buyer - y.buyer);
  }

  const comparison: Comparison = {
    a: { year: a.year, title: a.title, tariffStatus: a.tariffStatus, decision: a.decision, forecastThrough: a.forecastThrough, scenario: a.scenario, scenarioRecord: a.scenarioRecord, file: options.fileA },
    b: { year: b.year, title: b.title, tariffStatus: b.tariffStatus, decision: b.decision, forecastThrough: b.forecastThrough, scenario: b.scenario, scenarioRecord: b.scenarioRecord, file: options.fileB },
    parties,
    net,
    components,
    flows,
    ...(pairs ? { pairs } : {}),
    ...(areas ? { areas } : {}),
    ...(options.effects ? { effects: options.effects } : {}),
    checks: [],
  };
  comparison.checks = comparisonChecks(comparison);
  const failed = comparison.checks.filter((c) => !c.holds);
  if (failed.length > 0) throw new ComparisonInvariantError(failed);
  return comparison;
}

/** The sums a comparison shows, recomputed: they must all hold before anything is written. */
export function comparisonChecks(c: Comparison): Comparison["checks"] {
  const sum = (xs: readonly bigint[]): bigint => xs.reduce((x, y) => x + y, 0n);
  const checks: Comparison["checks"] = [];
  const netChange = sum(c.net.map((n) => n.change));
  checks.push({ id: "net_changes_sum_to_zero", holds: netChange === 0n, figures: { sum: formatOre(netChange) } });
  c.parties.forEach((p, i) => {
    const n = c.net[i] as Change;
    const fromComponents = sum(c.components.filter((x) => x.party === i).map((x) => x.change));
    const fromFlows = sum(c.flows.map((f) => (f.payee === i ? f.change : 0n) - (f.payer === i ? f.change : 0n)));
    checks.push({ id: "components_sum_to_net_change", holds: fromComponents === n.change && fromFlows === n.change && n.change === n.b - n.a, figures: { party: p, net: formatOre(n.change), components: formatOre(fromComponents), flows: formatOre(fromFlows) } });
  });
  if (c.effects?.available) {
    c.effects.parties.forEach((e, i) => {
      const total = sum(e.effects);
      const n = c.net[i]?.change ?? 0n;
      checks.push({ id: "effects_sum_to_change", holds: total === n && e.change === n, figures: { party: c.parties[i] ?? "", effects: formatOre(total), change: formatOre(n) } });
    });
  }
  return checks;
}

/** Rows sorted by the size of their change, largest first (ties: the order they came in). */
export function bySizeOfChange<T extends { change: bigint }>(rows: readonly T[]): T[] {
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      const d = abs(y.r.change) - abs(x.r.change);
      return d > 0n ? 1 : d < 0n ? -1 : x.i - y.i;
    })
    .map((x) => x.r);
}
