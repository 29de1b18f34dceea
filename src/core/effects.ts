/**
 * The change of each party's net position split into effects that add up exactly to it. The
 * inputs of a result fall into five groups, changed from A to B one at a time in this fixed order:
 *
 *   1. key: the key's basis, shares, population and date;
 *   2. fixedShare: the fixed share;
 *   3. references: the reference amounts;
 *   4. pricesAndBudgets: point prices and care rules, solidarity budgets, fixed-only entries and
 *      state grants;
 *   5. consumption: the counted consumption (and the year and a forecast's cut-off).
 *
 * State k has groups 1..k from B and the rest from A; it is computed by the calculation itself
 * (`settle`), so every state is a result the model could give. The effect of group k on a party
 * is net_k − net_{k−1}: the effects telescope, so they sum exactly to net_B − net_A, to the öre.
 * The order matters (an effect is measured with the groups before it already at B), which is why
 * it is fixed and documented.
 *
 * From two result files the consumption values already carry their point prices, so a change of
 * point prices counts as consumption there; from a tariff and its scenario (the same consumption
 * priced by both tariffs) prices move with group 4.
 */
import { settle, type Component } from "./calculate.js";
import { addToCell, type AreaTotals, type ConsumptionSummary } from "./consumption.js";
import { parseCanonicalDecimal, parseMoney, pow10, rational, rescale } from "./decimal.js";
import { InputError, type Diagnostic, type Localized } from "./diagnostics.js";
import { COMPONENT_WORDS } from "./explain.js";
import type { DistributionKey } from "./key.js";
import { areaKey, partyKey } from "./names.js";
import type { ReadResult, ResultDetail } from "./result-input.js";
import type { CompiledTariff, FixedOnlyEntry, GrantEntry, SolidarityEntry } from "./tariff.js";
import type { TariffFile } from "./tariff-schema.js";
import { valueUnits } from "./compare.js";

export const EFFECT_GROUPS = ["key", "fixedShare", "references", "pricesAndBudgets", "consumption"] as const;
export type EffectGroup = (typeof EFFECT_GROUPS)[number];

/** Everything a result is computed from. */
export interface EffectState {
  tariff: CompiledTariff;
  key: DistributionKey;
  consumption: ConsumptionSummary;
  /** a forecast's cut-off date */
  through?: string;
}

export type Effects =
  | {
      available: true;
      groups: readonly EffectGroup[];
      /** true when point prices are part of the consumption values (two result files) */
      pricesInConsumption: boolean;
      /** per party index of the comparison: the change and its effects, one per group */
      parties: { change: bigint; effects: bigint[] }[];
    }
  | { available: false; reason: Diagnostic };

function warning(code: Diagnostic["code"], params: Diagnostic["params"], file?: string): Diagnostic {
  return { severity: "warning", code, params, ...(file !== undefined ? { file, line: 1, column: 1 } : {}) };
}

/** State k: groups 1..k from B, the rest from A. */
function mix(a: EffectState, b: EffectState, k: number, consumptionMovesWith: EffectGroup): EffectState {
  const fromB = (g: EffectGroup): boolean => EFFECT_GROUPS.indexOf(g) < k;
  const t: CompiledTariff = { ...a.tariff };
  let key = a.key;
  if (fromB("key")) {
    t.key = b.tariff.key;
    t.population = b.tariff.population;
    key = b.key;
  }
  if (fromB("fixedShare")) {
    t.fixedShare = b.tariff.fixedShare;
    t.fixedShareText = b.tariff.fixedShareText;
  }
  if (fromB("references")) t.references = b.tariff.references;
  if (fromB("pricesAndBudgets")) {
    t.pointPrices = b.tariff.pointPrices;
    t.careRules = b.tariff.careRules;
    t.solidarity = b.tariff.solidarity;
    t.fixedOnly = b.tariff.fixedOnly;
    t.grants = b.tariff.grants;
    t.areas = b.tariff.areas;
  }
  let through = a.through;
  if (fromB("consumption")) {
    t.year = b.tariff.year;
    through = b.through;
  }
  const consumption = fromB(consumptionMovesWith) ? b.consumption : a.consumption;
  return { tariff: t, key, consumption, ...(through !== undefined ? { through } : {}) };
}

function netOf(s: EffectState): bigint[] {
  return settle(s.tariff, s.key, s.consumption, [], s.through !== undefined ? { through: s.through } : {}).net;
}

/**
 * The effects of changing A into B, group by group. `consumptionMovesWith`: the group whose step
 * switches the consumption summary ("pricesAndBudgets" when both summaries are the same rows priced
 * by each side's tariff, "consumption" when they are two results' values). `expected` are the net
 * positions of A and B as the results give them: every state is checked against them at the ends.
 */
export function decomposeEffects(a: EffectState, b: EffectState, options: { consumptionMovesWith: "pricesAndBudgets" | "consumption"; expected: { a: bigint[]; b: bigint[] }; fileA?: string; fileB?: string }): Effects {
  const ids = (s: EffectState): string[] => s.tariff.parties.map((p) => p.id);
  if (ids(a).join("\u0000") !== ids(b).join("\u0000")) {
    const sameSet = [...ids(a)].sort().join("\u0000") === [...ids(b)].sort().join("\u0000");
    const how = sameSet ? { sv: "samma parter men i olika ordning", en: "the same parties in another order" } : { sv: "olika parter", en: "different parties" };
    return { available: false, reason: warning("EFFECTS_PARTIES", { how, a: ids(a).join(", "), b: ids(b).join(", ") }, options.fileB) };
  }
  const nets: bigint[][] = [];
  try {
    for (let k = 0; k <= EFFECT_GROUPS.length; k++) nets.push(netOf(mix(a, b, k, options.consumptionMovesWith)));
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof Error && e.name === "InvariantError")) throw e;
    return { available: false, reason: warning("EFFECTS_INCOMPLETE", { file: options.fileB ?? "B", what: { sv: "ett steg från A som går att räkna (ett belopp utanför gränserna)", en: "a computable step from A (a figure beyond the bounds)" } }, options.fileB) };
  }
  // The ends must be A and B themselves, party by party.
  for (const [side, got, want, file] of [["A", nets[0], options.expected.a, options.fileA], ["B", nets[EFFECT_GROUPS.length], options.expected.b, options.fileB]] as const) {
    const i = a.tariff.parties.findIndex((_, j) => got?.[j] !== want[j]);
    if (i >= 0) return { available: false, reason: warning("EFFECTS_MISMATCH", { file: file ?? side, what: { sv: `nettoposition ${ids(a)[i] ?? ""}`, en: `net ${ids(a)[i] ?? ""}` }, inFile: { ore: want[i] ?? 0n }, recomputed: { ore: got?.[i] ?? 0n } }, file) };
  }
  const parties = a.tariff.parties.map((_, i) => ({
    change: (options.expected.b[i] ?? 0n) - (options.expected.a[i] ?? 0n),
    effects: EFFECT_GROUPS.map((_, k) => ((nets[k + 1] as bigint[])[i] ?? 0n) - ((nets[k] as bigint[])[i] ?? 0n)),
  }));
  return { available: true, groups: EFFECT_GROUPS, pricesInConsumption: options.consumptionMovesWith === "consumption", parties };
}

/**
 * The inputs of a result, rebuilt from what its file carries (key, fixed share, pairs, areas,
 * splits, grants), and checked: the calculation on them must give the file's flows to the öre.
 * A file that does not carry them (or was changed) gives a warning saying what is missing.
 */
export function stateFromResultFile(result: ReadResult, detail: ResultDetail, file: string): EffectState | Diagnostic {
  const missing = (what: string | Localized): Diagnostic => warning("EFFECTS_INCOMPLETE", { file, what }, file);
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
    addToCell(totals, at(x.seller) * n + at(x.buyer), valueUnits(x.value), x.rows);
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
    resolveParty: (text) => lookup.get(partyKey(text)),
  };
  const state: EffectState = { tariff, key, consumption, ...(result.forecastThrough !== undefined ? { through: result.forecastThrough } : {}) };

  // The check: the calculation on the rebuilt inputs gives the file's flows, every one to the öre.
  let flows: { payer: number; payee: number; component: Component; label: string | null; amount: bigint }[];
  try {
    flows = settle(tariff, key, consumption, [], state.through !== undefined ? { through: state.through } : {}).flows;
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof Error && e.name === "InvariantError")) throw e;
    return missing({ sv: "tal som går att räkna om (ett belopp utanför gränserna)", en: "figures that can be computed again (a figure beyond the bounds)" });
  }
  const named = new Map<string, Localized>();
  const sumsOf = (list: { payer: number; payee: number; component: Component; label: string | null; amount: bigint }[]): Map<string, bigint> => {
    const m = new Map<string, bigint>();
    for (const f of list) {
      const k = `${result.parties[f.payer]}→${result.parties[f.payee]} ${f.component} ${f.label ?? ""}`;
      const name = (lang: 0 | 1): string => `${result.parties[f.payer]}→${result.parties[f.payee]} ${COMPONENT_WORDS[f.component][lang]}${f.label ? ` ${f.label}` : ""}`;
      named.set(k, { sv: name(0), en: name(1) });
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
