/**
 * Where a figure comes from: the chain behind one flow or net position of a checked result, read
 * from the result model itself (never a second calculation): the rows counted per area with their
 * counts and values, the point prices and their dates, the care rule that chose the model, the
 * share applied, the exact value before rounding and the rounding step, or for a split by the key
 * the largest-remainder step (model.md, `allocate`), and where each value comes from: the tariff's
 * `source` texts, the population file, or the scenario that replaced the value.
 * `explainFlow` answers one figure ("RJL>RÖ variable", "RKL>RÖ solidarity RCC", "net RKL");
 * `explainAll` gives the chain of every flow, for a report.
 */
import { COMPONENTS, type CalculationResult, type Component, type Flow } from "../model/calculate.js";
import { areaCells, ruleFor, type AreaCell } from "../model/consumption.js";
import { formatOre, formatRational, rational, type Rational } from "../model/decimal.js";
import { type Diagnostic } from "../model/diagnostics.js";
import { phrase } from "../model/phrases.js";
import { areaKey } from "../model/names.js";
import { formatPath } from "../model/tariff-compile.js";
import type { CareModel } from "../model/tariff-schema.js";
import { formatValueSek } from "../model/decimal.js";
import { type ScenarioRecord } from "./scenario-record.js";

type Value = string | number | boolean | null;

/** The steps of a chain; src/text/ (the catalogues' section `explain`) words each. */
export const EXPLAIN_STEPS = [
  "scenario", "flow", "net", "receives", "pays", "total", "reference", "noReference", "fixedShare", "variableShare", "area", "ruleNone", "ruleIs", "sum",
  "prices", "price", "forecast", "exact", "rounded", "split", "keyShare", "allocated", "allocatedNegative", "allocatedWhole", "decided", "source", "sourceScenario",
  "sourcePopulationFile", "cut", "noDate", "basis_population", "basis_fixed", "ruleSellers",
] as const;
export type ExplainStep = (typeof EXPLAIN_STEPS)[number];

/**
 * A value a step names, as a value: money in öre, a decimal text (grouped as the language writes
 * numbers), a component or a care model by its code, a step inside the step, or a list of them.
 */
export type StepParam =
  | string
  | number
  | { ore: bigint }
  | { decimal: string }
  | { component: Component }
  | { model: CareModel }
  | { step: ExplainStep; params?: Record<string, StepParam> }
  | { join: StepParam[]; separator: string }
  /** a list as the language writes one ("RJL, RKL och RÖ") */
  | { list: StepParam[] };

/** One step of the chain: what it is, its values for the words, how deep it sits, and its figures. */
export interface ExplainLine {
  depth: number;
  kind: ExplainStep;
  /** the values its words name */
  params: Record<string, StepParam>;
  /** the step's figures as values (amounts in SEK with two decimals, shares and exact values as decimal texts) */
  values: Record<string, Value>;
}

/** The chain behind one figure of a result (what `explain` gives): its title, amount (öre), the figure named, and the steps. */
export interface Explanation {
  /** the figure explained: a flow ("flow") or a net position ("net"), with its values */
  title: { step: "flow" | "net"; params: Record<string, StepParam> };
  /** the figure, öre */
  amount: bigint;
  /** which figure: a flow, or a party's net position */
  figure: { payer: string; payee: string; component: Component; label: string | null } | { net: string };
  /** present when the result is a scenario: what was set */
  scenario?: ScenarioRecord;
  lines: ExplainLine[];
}

export interface ExplainOptions {
  /** the scenario the result was computed with: its lines and the sources of the values it replaced */
  scenario?: ScenarioRecord;
  /** components by the words a reader uses for them, lower case ("rörlig ersättning" → "variable"), besides their codes */
  componentNames?: ReadonlyMap<string, Component>;
}

/** Decimals an exact value is shown with; one that needs more is rounded there, and says so. */
const EXACT_DECIMALS = 10;
const SHARE_DECIMALS = 15;



export function explainAll(r: CalculationResult, options: ExplainOptions = {}): Explanation[] {
  // the consumption per area once for every flow, not once per flow
  const cells = areaCells(r.consumption, r.parties.length);
  return r.flows.map((f) => explainOne(r, f, options, cells));
}

/**
 * The chain behind one figure, named as "PAYER>PAYEE COMPONENT [LABEL]" or "net PARTY" (party ids
 * or aliases; components by their codes, fixed, variable, unit_price, fixed_only, solidarity,
 * grant, or by `options.componentNames`). A name that matches nothing is an EXPLAIN_FLOW error (returned, not thrown).
 */
export function explainFlow(r: CalculationResult, spec: string, options: ExplainOptions = {}): Explanation | Diagnostic {
  const fail = (reason: ReturnType<typeof phrase>): Diagnostic => ({ severity: "error", code: "EXPLAIN_FLOW", params: { text: spec, reason }, file: "FLOW", line: 1, column: 1 });
  const party = (t: string): number | undefined => r.tariff.resolveParty(t);
  const net = /^\s*(?:net|netto)\s+(.+?)\s*$/i.exec(spec);
  if (net) {
    const p = party(net[1] as string);
    if (p === undefined) return fail(phrase("explain_not_party", { name: net[1] as string }));
    return explainNet(r, p, options);
  }
  const m = /^\s*(.+?)\s*(?:>|→|->)\s*(\S+)\s+(\S+)\s*(.*?)\s*$/.exec(spec);
  if (!m) return fail(phrase("explain_syntax"));
  const payer = party(m[1] as string);
  const payee = party(m[2] as string);
  if (payer === undefined || payee === undefined) return fail(phrase("explain_not_party", { name: (payer === undefined ? m[1] : m[2]) as string }));
  const named = componentNamed(`${m[3] ?? ""} ${m[4] ?? ""}`, options.componentNames);
  if (!named) return fail(phrase("explain_component", { list: COMPONENTS.join(", ") }));
  const { component, label } = named;
  const flow = r.flows.find((f) => f.payer === payer && f.payee === payee && f.component === component && areaKey(f.label ?? "") === areaKey(label));
  if (!flow) {
    const there = r.flows.filter((f) => f.payer === payer && f.payee === payee).map((f) => `${f.component}${f.label ? ` ${f.label}` : ""}`);
    return fail(phrase("explain_flows", { pair: `${r.parties[payer]?.id}>${r.parties[payee]?.id}`, list: there.join(", ") || phrase("none") }));
  }
  return explainOne(r, flow, options);
}

/**
 * The component a flow's name begins with, by its code ("variable") or by one of `names` (the
 * reports' words, e.g. "rörlig ersättning", "rörlig"), the longest that fits; the rest is the label.
 */
function componentNamed(text: string, names: ReadonlyMap<string, Component> = new Map()): { component: Component; label: string } | undefined {
  const words = text.trim().replace(/\s+/g, " ");
  const lower = words.toLowerCase();
  let best: { component: Component; length: number } | undefined;
  const candidates: [string, Component][] = [...COMPONENTS.map((c): [string, Component] => [c, c]), ...names];
  for (const [name, component] of candidates) {
    const n = name.trim().replace(/\s+/g, " ").toLowerCase();
    if (n === "" || !(lower === n || lower.startsWith(`${n} `))) continue;
    if (!best || n.length > best.length) best = { component, length: n.length };
  }
  return best ? { component: best.component, label: words.slice(best.length).trim() } : undefined;
}

function flowTitle(r: CalculationResult, f: Flow): { step: "flow"; params: Record<string, StepParam> } {
  return { step: "flow", params: { payer: r.parties[f.payer]?.id ?? "", payee: r.parties[f.payee]?.id ?? "", component: { component: f.component }, label: f.label ? ` ${f.label}` : "" } };
}

/** A rational as a decimal text with at most `decimals` decimals, and whether it had to be rounded to fit them. */
function decimalOf(x: Rational, minDecimals: number, decimals: number): { text: string; cut: boolean } {
  const red = rational(x.num, x.den);
  let exact = false;
  for (let k = 0, scaled = red.num; k <= decimals; k++, scaled *= 10n) if (scaled % red.den === 0n) exact = true;
  return { text: formatRational(red, minDecimals, decimals), cut: !exact };
}

/** A tariff-file path and the scenario changes related to it (the value itself, a part of it, or a whole it is in). */
function scenarioOrigins(scenario: ScenarioRecord | undefined, paths: string[]): string[] {
  if (!scenario) return [];
  const related = (c: string, p: string): boolean => c === p || p.startsWith(`${c}.`) || p.startsWith(`${c}[`) || c.startsWith(`${p}.`) || c.startsWith(`${p}[`);
  const out: string[] = [];
  for (const s of scenario.set) if (s.target !== undefined && paths.some((p) => related(s.target as string, p))) out.push(`--set ${s.path}=${s.value}`);
  if (scenario.patch && scenario.patch.changed.some((c) => paths.some((p) => related(c, p)))) out.push(`--scenario ${scenario.patch.file}`);
  return out;
}

class Chain {
  readonly lines: ExplainLine[] = [];
  constructor(private readonly scenario: ScenarioRecord | undefined) {}
  push(depth: number, kind: ExplainStep, params: Record<string, StepParam> = {}, values: Record<string, Value> = {}): void {
    this.lines.push({ depth, kind, params, values });
  }
  /**
   * Where a value comes from: the scenario, when it replaced the value at one of `paths` (or a
   * part or a whole of it); else the tariff's source texts (each once).
   */
  source(depth: number, paths: string[], sources: (string | undefined)[]): void {
    const origins = scenarioOrigins(this.scenario, paths);
    if (origins.length > 0) {
      this.push(depth, "sourceScenario", { origin: origins.join("; ") }, { scenario: true, origin: origins.join("; "), paths: paths.join(", ") });
      return;
    }
    for (const s of [...new Set(sources)]) if (s) this.push(depth, "source", { source: s }, { scenario: false, source: s });
  }
}

function explainNet(r: CalculationResult, p: number, options: ExplainOptions): Explanation {
  const c = new Chain(options.scenario);
  const money = (ore: bigint): StepParam => ({ ore });
  scenarioLine(c, options.scenario);
  for (const f of r.flows) {
    const values = { payer: r.parties[f.payer]?.id ?? "", payee: r.parties[f.payee]?.id ?? "", component: f.component, label: f.label, amount: formatOre(f.amount) };
    if (f.payee === p) c.push(1, "receives", { amount: money(f.amount), flow: flowTitle(r, f) }, values);
    if (f.payer === p) c.push(1, "pays", { amount: money(f.amount), flow: flowTitle(r, f) }, values);
  }
  const amount = r.net[p] ?? 0n;
  c.push(0, "total", { amount: money(amount) }, { amount: formatOre(amount) });
  const party = r.parties[p]?.id ?? "";
  return { title: { step: "net", params: { party } }, amount, figure: { net: party }, ...(options.scenario ? { scenario: options.scenario } : {}), lines: c.lines };
}

function scenarioLine(c: Chain, scenario: ScenarioRecord | undefined): void {
  if (!scenario) return;
  const list = [...(scenario.patch ? [`--scenario ${scenario.patch.file}`] : []), ...scenario.set.map((s) => `--set ${s.path}=${s.value}`)].join("; ");
  c.push(0, "scenario", { list }, { changed: scenario.changed.join(", ") });
}

/** The index of the first entry of a tariff list that matches, as a path ("$.references[2]"), or the list's path. */
function entryPath(list: string, entries: unknown, match: (e: Record<string, unknown>) => boolean): string {
  const k = Array.isArray(entries) ? entries.findIndex((e) => typeof e === "object" && e !== null && match(e as Record<string, unknown>)) : -1;
  return formatPath(k >= 0 ? [list, k] : [list]);
}

function explainOne(r: CalculationResult, f: Flow, options: ExplainOptions, cells: AreaCell[] = areaCells(r.consumption, r.parties.length)): Explanation {
  const c = new Chain(options.scenario);
  const id = (i: number): string => r.parties[i]?.id ?? String(i);
  const money = (ore: bigint): StepParam => ({ ore });
  const modelName = (model: CareModel): StepParam => ({ model });
  const file = r.tariff.file as unknown as Record<string, unknown>;
  const party = (text: unknown): number | undefined => (typeof text === "string" ? r.tariff.resolveParty(text) : undefined);
  const cutText = (cut: boolean, decimals: number): StepParam => (cut ? { step: "cut", params: { decimals } } : "");
  /** an exact amount in öre as SEK, grouped like the money, with the decimals it needs (at most EXACT_DECIMALS) */
  const exact = (x: Rational): void => {
    const d = decimalOf({ num: x.num, den: x.den * 100n }, 2, EXACT_DECIMALS);
    c.push(0, "exact", { exact: { decimal: d.text }, cut: cutText(d.cut, EXACT_DECIMALS) }, { exact: d.text, cut: d.cut, ore: `${x.num}/${x.den}` });
  };
  const shareOf = (x: Rational): { text: StepParam; cut: boolean; raw: string } => {
    const d = decimalOf(x, 2, SHARE_DECIMALS);
    return { text: { decimal: d.text }, cut: d.cut, raw: d.text };
  };
  const fs = r.fixedShare;
  const fsText: StepParam = { decimal: r.tariff.fixedShareText };
  const fsSource = r.tariff.file.sources?.fixedShare ?? r.source;
  const seller = f.payee;
  const buyer = f.payer;
  const pair = r.pairs.find((p) => p.seller === seller && p.buyer === buyer);
  scenarioLine(c, options.scenario);
  let rounded = true;

  if (f.component === "fixed" && pair) {
    const ref = r.tariff.references.find((x) => x.seller === seller && x.buyer === buyer);
    c.push(0, "reference", { seller: id(seller), buyer: id(buyer), amount: money(pair.reference ?? 0n) }, { seller: id(seller), buyer: id(buyer), amount: formatOre(pair.reference ?? 0n) });
    c.source(1, [entryPath("references", file.references, (e) => party(e.seller) === seller && party(e.buyer) === buyer)], [ref?.source]);
    c.push(0, "fixedShare", { share: fsText }, { share: r.tariff.fixedShareText });
    c.source(1, ["$.fixedShare"], [fsSource]);
    exact(rational(fs.num * (pair.reference ?? 0n), fs.den));
  } else if ((f.component === "variable" || f.component === "unit_price") && pair) {
    const model: CareModel = f.component === "variable" ? "fixed_variable" : "unit_price";
    for (const cell of cells.filter((x) => x.seller === seller && x.buyer === buyer && x.model === model)) {
      const rule = ruleFor(r.tariff, cell.area.key, seller);
      const ruleText: StepParam = rule ? { step: "ruleIs", params: { area: rule.area, sellers: rule.sellers ? { step: "ruleSellers", params: { list: { list: rule.sellers.map(id) } } } : "", model: { model: rule.model } } } : { step: "ruleNone", params: { model: { model: "fixed_variable" } } };
      const value = formatValueSek(cell.value);
      c.push(0, "area", { area: cell.area.area, rows: cell.rows, value: { decimal: value }, rule: ruleText }, { area: cell.area.area, rows: cell.rows, value, model: rule?.model ?? "fixed_variable", rule: rule ? rule.area : null });
      if (rule) c.source(1, [entryPath("careRules", file.careRules, (e) => areaKey(String(e.area)) === rule.areaKey && (e.sellers === undefined) === (rule.sellers === undefined))], [rule.source]);
    }
    const prices = r.tariff.pointPrices[seller] ?? [];
    if (prices.length > 0) {
      c.push(0, "prices", { seller: id(seller), list: { join: prices.map((p): StepParam => ({ step: "price", params: { date: p.validFrom, amount: money(p.price) } })), separator: "; " } }, { seller: id(seller), prices: prices.map((p) => `${p.validFrom} ${formatOre(p.price)}`).join("; ") });
      c.source(
        1,
        prices.map((p) => entryPath("pointPrices", file.pointPrices, (e) => party(e.seller) === seller && e.validFrom === p.validFrom)),
        prices.map((p) => p.source),
      );
    }
    const value = pair.value[model];
    c.push(0, "sum", { model: modelName(model), seller: id(seller), buyer: id(buyer), value: { decimal: formatValueSek(value) } }, { model, seller: id(seller), buyer: id(buyer), value: formatValueSek(value) });
    const cf = r.forecast?.factor ?? rational(1n, 1n);
    if (r.forecast) c.push(0, "forecast", { factor: `${cf.num}/${cf.den}`, through: r.forecast.through }, { factor: `${cf.num}/${cf.den}`, through: r.forecast.through });
    if (f.component === "variable") {
      c.push(0, "variableShare", { share: fsText }, { share: r.tariff.fixedShareText });
      c.source(1, ["$.fixedShare"], [fsSource]);
      exact(rational((fs.den - fs.num) * value * cf.num, fs.den * 1_000_000n * cf.den));
    } else {
      exact(rational(value * cf.num, 1_000_000n * cf.den));
    }
  } else {
    const split = r.splits.find((s) => s.label === f.label && s.kind === f.component);
    const list = f.component === "solidarity" ? "solidarity" : f.component === "grant" ? "grants" : "fixedOnly";
    const nameOf = (e: Record<string, unknown>): unknown => (list === "solidarity" ? e.unit : list === "grants" ? e.name : e.area);
    const entry = entryPath(list, file[list], (e) => areaKey(String(nameOf(e))) === areaKey(f.label ?? ""));
    if (split) {
      rounded = false;
      const p = split.kind === "grant" ? f.payee : f.payer;
      const part = split.parts[p];
      const basis: StepParam = { step: r.key.basis === "population" ? "basis_population" : "basis_fixed" };
      c.push(0, "split", { kind: { component: f.component }, label: split.label, total: money(split.total), basis, host: id(split.host) }, { total: formatOre(split.total), basis: r.key.basis, host: id(split.host) });
      c.source(1, [entry], [split.source]);
      // The key: from the population file when one was given (it replaces the tariff's), else from the tariff or the scenario.
      const fromFile = r.key.basis === "population" && r.key.populationSource?.kind === "file" ? r.key.populationSource.file : undefined;
      if (fromFile !== undefined) c.push(1, "sourcePopulationFile", { file: fromFile, date: r.key.date ?? { step: "noDate" } }, { file: fromFile, date: r.key.date ?? null });
      else c.source(1, r.key.basis === "population" ? ["$.key", "$.population"] : ["$.key"], [r.tariff.key.source]);
      const share = shareOf(r.key.shares[p] ?? rational(0n, 1n));
      c.push(0, "keyShare", { party: id(p), share: share.text, cut: cutText(share.cut, SHARE_DECIMALS) }, { party: id(p), share: share.raw, cut: share.cut });
      if (part) {
        exact(part.exact);
        const negative = split.total < 0n;
        const abs = (x: bigint): bigint => (x < 0n ? -x : x);
        const remainder = abs(split.total) - split.parts.reduce((s, x) => s + abs(x.base), 0n);
        const values = { base: formatOre(part.base), extra: Number(part.extra), remainder: Number(remainder), amount: formatOre(part.amount), negative };
        const params: Record<string, StepParam> = { base: money(abs(part.base)), extra: abs(part.extra).toString(), remainder: remainder.toString(), party: id(p), amount: money(part.amount), positive: money(abs(part.amount)) };
        c.push(0, remainder === 0n ? "allocatedWhole" : negative ? "allocatedNegative" : "allocated", params, values);
      }
    } else {
      rounded = false;
      const p = f.component === "grant" ? f.payee : f.payer;
      const fixed = r.fixedAmounts.find((x) => x.label === f.label);
      const grant = r.grantAmounts.find((x) => x.label === f.label);
      c.push(0, "decided", { party: id(p), amount: money(f.amount) }, { party: id(p), amount: formatOre(f.amount) });
      c.source(1, [entry], [f.component === "grant" ? grant?.source : fixed?.source]);
    }
  }
  if (rounded) c.push(0, "rounded", { amount: money(f.amount) }, { amount: formatOre(f.amount) });
  return {
    title: flowTitle(r, f),
    amount: f.amount,
    figure: { payer: id(f.payer), payee: id(f.payee), component: f.component, label: f.label },
    ...(options.scenario ? { scenario: options.scenario } : {}),
    lines: c.lines,
  };
}
