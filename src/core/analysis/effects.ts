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
 * (`resultFromSummary`), so every state is a result the model could give. The effect of group k on a party
 * is net_k − net_{k−1}: the effects telescope, so they sum exactly to net_B − net_A, to the öre.
 * The order matters (an effect is measured with the groups before it already at B), which is why
 * it is fixed and documented.
 *
 * From two result files the consumption values already carry their point prices, so a change of
 * point prices counts as consumption there; from a tariff and its scenario (the same consumption
 * priced by both tariffs) prices move with group 4.
 */
import { resultFromSummary, type Component } from "../model/calculate.js";
import { addToCell, type AreaTotals, type ConsumptionSummary } from "../model/consumption.js";
import { parseCanonicalDecimal, parseMoney, pow10, rational, rescale } from "../model/decimal.js";
import { InputError, type Diagnostic } from "../model/diagnostics.js";
import { phrase } from "../model/phrases.js";
import type { DistributionKey } from "../model/key.js";
import { areaKey, partyKey } from "../model/names.js";
import type { CompiledTariff, FixedOnlyEntry, GrantEntry, SolidarityEntry } from "../model/tariff.js";
import type { TariffFile } from "../model/tariff-schema.js";
import { valueUnits } from "../model/decimal.js";

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
  return resultFromSummary(s.tariff, s.key, s.consumption, [], s.through !== undefined ? { through: s.through } : {}).net;
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
    const how = phrase(sameSet ? "parties_other_order" : "parties_different");
    return { available: false, reason: warning("EFFECTS_PARTIES", { how, a: ids(a).join(", "), b: ids(b).join(", ") }, options.fileB) };
  }
  const nets: bigint[][] = [];
  try {
    for (let k = 0; k <= EFFECT_GROUPS.length; k++) nets.push(netOf(mix(a, b, k, options.consumptionMovesWith)));
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof Error && e.name === "InvariantError")) throw e;
    return { available: false, reason: warning("EFFECTS_INCOMPLETE", { file: options.fileB ?? "B", what: phrase("step_beyond_bounds") }, options.fileB) };
  }
  // The ends must be A and B themselves, party by party.
  for (const [side, got, want, file] of [["A", nets[0], options.expected.a, options.fileA], ["B", nets[EFFECT_GROUPS.length], options.expected.b, options.fileB]] as const) {
    const i = a.tariff.parties.findIndex((_, j) => got?.[j] !== want[j]);
    if (i >= 0) return { available: false, reason: warning("EFFECTS_MISMATCH", { file: file ?? side, what: phrase("net_of", { party: ids(a)[i] ?? "" }), inFile: { ore: want[i] ?? 0n }, recomputed: { ore: got?.[i] ?? 0n } }, file) };
  }
  const parties = a.tariff.parties.map((_, i) => ({
    change: (options.expected.b[i] ?? 0n) - (options.expected.a[i] ?? 0n),
    effects: EFFECT_GROUPS.map((_, k) => ((nets[k + 1] as bigint[])[i] ?? 0n) - ((nets[k] as bigint[])[i] ?? 0n)),
  }));
  return { available: true, groups: EFFECT_GROUPS, pricesInConsumption: options.consumptionMovesWith === "consumption", parties };
}
