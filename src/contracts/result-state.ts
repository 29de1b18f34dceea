/**
 * A result file read back into the models the comparison and the effects work on: what a
 * `vardavtal-result/1` carries (flows, pairs, areas, key, splits) as a ComparableResult, and the
 * inputs of the calculation rebuilt from it and checked against the file's own flows.
 */
import { resultFromSummary, type Component } from "../core/model/calculate.js";
import { addToCell, type AreaTotals, type ConsumptionSummary } from "../core/model/consumption.js";
import { parseCanonicalDecimal, parseMoney, pow10, rational, rescale } from "../core/model/decimal.js";
import { InputError, type Diagnostic } from "../core/model/diagnostics.js";
import { phrase, type Phrase } from "../core/model/phrases.js";
import type { DistributionKey } from "../core/model/key.js";
import { areaKey, partyKey } from "../core/model/names.js";
import type { CompiledTariff, FixedOnlyEntry, GrantEntry, SolidarityEntry } from "../core/model/tariff.js";
import type { TariffFile } from "../core/model/tariff-schema.js";
import { scenarioTexts, type ComparableResult } from "../core/analysis/compare.js";
import type { EffectState } from "../core/analysis/effects.js";
import type { ReadResult, ResultDetail } from "./result-input.js";
import { valueUnits } from "../core/model/decimal.js";

function warning(code: Diagnostic["code"], params: Diagnostic["params"], file?: string): Diagnostic {
  return { severity: "warning", code, params, ...(file !== undefined ? { file, line: 1, column: 1 } : {}) };
}

/** What the comparison reads of a result file (readResultDetail). */
export function comparableFromFile(result: ReadResult, detail: ResultDetail): ComparableResult {
  const money = (s: string): bigint => parseMoney(s) ?? 0n; // checked by the reader
  const scenarioLines = detail.scenario ? scenarioTexts(detail.scenario) : undefined;
  return {
    year: result.year,
    ...(detail.title !== undefined ? { title: detail.title } : {}),
    ...(result.tariffStatus ? { tariffStatus: result.tariffStatus } : {}),
    ...(result.decision !== undefined ? { decision: result.decision } : {}),
    ...(result.forecastThrough !== undefined ? { forecastThrough: result.forecastThrough } : {}),
    ...(scenarioLines && detail.scenario ? { scenario: scenarioLines, scenarioRecord: detail.scenario } : {}),
    parties: result.parties,
    flows: detail.flows.map((f) => ({ payer: f.payer, payee: f.payee, component: f.component, label: f.label, amount: money(f.amount) })),
    net: result.net,
    ...(detail.pairs && detail.pairs.every((p) => p.total !== undefined) ? { pairs: detail.pairs.map((p) => ({ seller: p.seller, buyer: p.buyer, total: money(p.total as string) })) } : {}),
    ...(detail.areas ? { areas: detail.areas.map((a) => ({ area: a.area, seller: a.seller, buyer: a.buyer, model: a.model, rows: a.rows, value: valueUnits(a.value) })) } : {}),
  };
}

/**
 * The inputs of a result, rebuilt from what its file carries (key, fixed share, pairs, areas,
 * splits, grants), and checked: the calculation on them must give the file's flows to the öre.
 * A file that does not carry them (or was changed) gives a warning saying what is missing.
 */
export function stateFromResultFile(result: ReadResult, detail: ResultDetail, file: string): EffectState | Diagnostic {
  const missing = (what: string | Phrase): Diagnostic => warning("EFFECTS_INCOMPLETE", { file, what }, file);
  const n = result.parties.length;
  const index = new Map(result.parties.map((p, i) => [p, i]));
  const at = (p: string): number => index.get(p) as number;
  if (!detail.key || detail.key.length !== n) return missing("key");
  if (detail.fixedShare === undefined) return missing("fixedShare");
  if (!detail.pairs) return missing("pairs");
  if (!detail.areas) return missing("areas");
  if (!detail.splits) return missing("splits");
  const hasGrantFlows = detail.flows.some((f) => f.component === "grant");
  if (!detail.grants && hasGrantFlows) return missing("grants");

  // The key: population counts when the file has them, else the decided shares (exact decimals summing to 1).
  let key: DistributionKey;
  let keySpec: CompiledTariff["key"];
  const ordered = result.parties.map((p) => detail.key?.find((k) => k.party === p));
  if (ordered.some((k) => k === undefined)) return missing("key");
  if (detail.keyBasis !== "fixed" && ordered.every((k) => k?.population !== undefined)) {
    const weights = ordered.map((k) => BigInt(k?.population ?? 0));
    const totalWeight = weights.reduce((x, y) => x + y, 0n);
    if (totalWeight <= 0n) return missing("key");
    key = { basis: "population", weights, totalWeight, population: weights, populationSource: { kind: "tariff" }, shares: weights.map((w) => rational(w, totalWeight)) };
    keySpec = { basis: "population" };
  } else {
    const decimals = ordered.map((k) => parseCanonicalDecimal(k?.share ?? ""));
    const scale = Math.max(0, ...decimals.map((d) => d?.scale ?? 0));
    const weights = decimals.map((d) => (d ? (rescale(d, scale) ?? 0n) : 0n));
    const totalWeight = pow10(scale);
    if (weights.reduce((x, y) => x + y, 0n) !== totalWeight) return missing("key");
    key = { basis: "fixed", weights, totalWeight, shares: weights.map((w) => rational(w, totalWeight)) };
    keySpec = { basis: "fixed", weights, scale, shares: ordered.map((k) => k?.share ?? "0") };
  }
  const fsDecimal = parseCanonicalDecimal(detail.fixedShare);
  if (!fsDecimal) return missing("fixedShare");

  const references = detail.pairs.filter((p) => p.reference !== undefined && p.reference !== null).map((p) => ({ seller: at(p.seller), buyer: at(p.buyer), amount: parseMoney(p.reference as string) ?? 0n }));
  const solidarity: SolidarityEntry[] = [];
  const fixedOnly: FixedOnlyEntry[] = [];
  const grants: GrantEntry[] = [];
  for (const s of detail.splits) {
    const total = parseMoney(s.total) ?? 0n;
    if (s.kind === "solidarity") solidarity.push({ unit: s.label, host: at(s.host), amount: total });
    else if (s.kind === "fixed_only") fixedOnly.push({ area: s.label, host: at(s.host), total });
    else grants.push({ name: s.label, recipient: at(s.host), amount: total });
  }
  // Fixed-only amounts per buyer and grants by decided amounts are in the file as their flows.
  const flowsOf = (component: Component, label: string) => detail.flows.filter((f) => f.component === component && f.label === label);
  const splitLabels = new Set(detail.splits.filter((s) => s.kind === "fixed_only").map((s) => s.label));
  for (const label of new Set(detail.flows.filter((f) => f.component === "fixed_only" && f.label !== null && !splitLabels.has(f.label)).map((f) => f.label as string))) {
    const flows = flowsOf("fixed_only", label);
    const hosts = new Set(flows.map((f) => f.payee));
    if (hosts.size !== 1) return missing(`fixedOnly "${label}"`);
    const amounts: (bigint | undefined)[] = result.parties.map(() => undefined);
    for (const f of flows) amounts[at(f.payer)] = (amounts[at(f.payer)] ?? 0n) + (parseMoney(f.amount) ?? 0n);
    fixedOnly.push({ area: label, host: at(flows[0]?.payee as string), amounts });
  }
  for (const g of (detail.grants ?? []).filter((x) => x.basis === "amounts")) {
    const amounts: (bigint | undefined)[] = result.parties.map(() => undefined);
    for (const f of flowsOf("grant", g.name)) amounts[at(f.payee)] = (amounts[at(f.payee)] ?? 0n) + (parseMoney(f.amount) ?? 0n);
    grants.push({ name: g.name, recipient: at(g.recipient), amount: parseMoney(g.amount) ?? 0n, amounts });
  }

  const areas = new Map<string, AreaTotals>();
  for (const x of detail.areas) {
    const k = areaKey(x.area);
    let totals = areas.get(k);
    if (!totals) {
      totals = { area: x.area, key: k, models: result.parties.map(() => "fixed_variable"), known: true, cells: new Map() };
      areas.set(k, totals);
    }
    totals.models[at(x.seller)] = x.model;
    // a forecast is recomputed from its values to date (its `value` is the full-year value)
    addToCell(totals, at(x.seller) * n + at(x.buyer), valueUnits(x.valueToDate ?? x.value), x.rows);
  }
  const consumption: ConsumptionSummary = { rowsRead: 0, rowsCounted: 0, skipped: { otherYear: 0, ownRegion: 0, afterThrough: 0 }, areas: [...areas.values()] };

  const parties = result.parties.map((id) => ({ id, name: id, aliases: [] }));
  const lookup = new Map(result.parties.map((p, i) => [partyKey(p), i]));
  const fileView = { format: "vardavtal-tariff/1", year: result.year, title: detail.title ?? "", parties: parties.map((p) => ({ id: p.id, name: p.name })), key: { basis: keySpec.basis }, fixedShare: detail.fixedShare, pointPrices: [], careRules: [], references: [], fixedOnly: [], solidarity: [], grants: [] } as unknown as TariffFile;
  const tariff: CompiledTariff = {
    fileName: file,
    warnings: [],
    file: fileView,
    year: result.year,
    title: detail.title ?? "",
    parties,
    key: keySpec,
    fixedShare: rational(fsDecimal.units, pow10(fsDecimal.scale)),
    fixedShareText: detail.fixedShare,
    pointPrices: parties.map(() => []),
    careRules: [],
    references,
    fixedOnly,
    solidarity,
    grants,
    areas: [],
    netting: "bilateral",
    accontoUnit: 100n,
    resolveParty: (text) => lookup.get(partyKey(text)),
  };
  const state: EffectState = { tariff, key, consumption, ...(result.forecastThrough !== undefined ? { through: result.forecastThrough } : {}) };

  // The check: the calculation on the rebuilt inputs gives the file's flows, every one to the öre.
  let flows: { payer: number; payee: number; component: Component; label: string | null; amount: bigint }[];
  try {
    flows = resultFromSummary(tariff, key, consumption, [], state.through !== undefined ? { through: state.through } : {}).flows;
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof Error && e.name === "InvariantError")) throw e;
    return missing(phrase("recompute_beyond_bounds"));
  }
  const named = new Map<string, Phrase>();
  const sumsOf = (list: { payer: number; payee: number; component: Component; label: string | null; amount: bigint }[]): Map<string, bigint> => {
    const m = new Map<string, bigint>();
    for (const f of list) {
      const k = `${result.parties[f.payer]}→${result.parties[f.payee]} ${f.component} ${f.label ?? ""}`;
      named.set(k, phrase("flow_of", { payer: result.parties[f.payer] ?? "", payee: result.parties[f.payee] ?? "", component: phrase(`component_${f.component}`), label: f.label ? ` ${f.label}` : "" }));
      m.set(k, (m.get(k) ?? 0n) + f.amount);
    }
    for (const [k, v] of m) if (v === 0n) m.delete(k);
    return m;
  };
  const mine = sumsOf(flows);
  const theirs = sumsOf(detail.flows.map((f) => ({ payer: at(f.payer), payee: at(f.payee), component: f.component, label: f.label, amount: parseMoney(f.amount) ?? 0n })));
  for (const k of new Set([...mine.keys(), ...theirs.keys()])) {
    if (mine.get(k) !== theirs.get(k)) return warning("EFFECTS_MISMATCH", { file, what: named.get(k) ?? k, inFile: { ore: theirs.get(k) ?? 0n }, recomputed: { ore: mine.get(k) ?? 0n } }, file);
  }
  return state;
}
