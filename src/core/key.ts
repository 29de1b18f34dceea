/**
 * The distribution key (fördelningsnyckel), model.md step 1: shares from population
 * (from the tariff, or from a population file that then wins) or decided fixed shares.
 * Shares are exact rationals: weight / Σ weights.
 */
import { pow10, rational, type Rational } from "./decimal.js";
import { DiagnosticBag, type Location } from "./diagnostics.js";
import type { CompiledTariff } from "./tariff.js";
import { areaKey, nearestName } from "./names.js";

export interface DistributionKey {
  basis: "population" | "fixed";
  /** per party index; population counts, or fixed shares over 10^scale */
  weights: bigint[];
  totalWeight: bigint;
  /** per party index, when the basis is population */
  population?: bigint[];
  /** where the population came from */
  populationSource?: { kind: "tariff" } | { kind: "file"; file: string };
  /** the date the counts refer to, when known */
  date?: string;
  shares: Rational[];
}

/** Population given for an override: per party id or alias, with the position of each value. */
export interface PopulationInput {
  /** label for messages and reports, e.g. the file name */
  file: string;
  entries: { party: string; population: bigint; at?: Location; partyAt?: Location }[];
  /** parties whose rows were present but invalid (already reported): not reported again as missing */
  invalid?: string[];
  date?: string;
}

export function resolveKey(tariff: CompiledTariff, override: PopulationInput | undefined, bag: DiagnosticBag): DistributionKey | undefined {
  const n = tariff.parties.length;
  if (tariff.key.basis === "fixed") {
    if (override) bag.warning("POPULATION_UNUSED", { basis: "fixed" }, { file: override.file, line: 1, column: 1 });
    const weights = tariff.key.weights;
    const totalWeight = pow10(tariff.key.scale);
    return { basis: "fixed", weights, totalWeight, date: tariff.key.date, shares: weights.map((w) => rational(w, totalWeight)) };
  }

  let population: (bigint | undefined)[];
  let populationSource: DistributionKey["populationSource"];
  let date = tariff.key.date;
  if (override) {
    population = Array.from({ length: n }, () => undefined);
    const firstLine: number[] = [];
    for (const e of override.entries) {
      const i = tariff.resolveParty(e.party);
      if (i === undefined) {
        bag.error("UNKNOWN_PARTY", unknownPartyParams(tariff, e.party), e.partyAt ?? e.at ?? { file: override.file, line: 1, column: 1 });
        continue;
      }
      if (population[i] !== undefined) {
        bag.error("DUPLICATE_PARTY", { party: tariff.parties[i]?.id ?? e.party, first: firstLine[i] ?? "?" }, e.partyAt ?? e.at ?? { file: override.file });
        continue;
      }
      population[i] = e.population;
      firstLine[i] = e.at?.line ?? 0;
    }
    const invalid = new Set((override.invalid ?? []).map((p) => tariff.resolveParty(p)));
    population.forEach((p, i) => {
      if (p === undefined && !invalid.has(i)) bag.error("MISSING_PARTY", { party: tariff.parties[i]?.id ?? String(i) }, { file: override.file, line: 1, column: 1 });
    });
    populationSource = { kind: "file", file: override.file };
    if (override.date) date = override.date;
  } else if (tariff.population) {
    population = tariff.population;
    populationSource = { kind: "tariff" };
  } else {
    bag.error("TARIFF_NO_POPULATION", { parties: tariff.parties.map((p) => p.id).join(", ") }, { file: tariff.fileName, line: 1, column: 1 });
    return undefined;
  }
  if (population.some((p) => p === undefined)) return undefined;
  const weights = population as bigint[];
  const totalWeight = weights.reduce((a, b) => a + b, 0n);
  if (totalWeight <= 0n) {
    bag.error("ZERO_POPULATION", {}, { file: override?.file ?? tariff.fileName, line: 1, column: 1 });
    return undefined;
  }
  return {
    basis: "population",
    weights,
    totalWeight,
    population: weights,
    populationSource,
    date,
    shares: weights.map((w) => rational(w, totalWeight)),
  };
}

export function knownParties(tariff: CompiledTariff): string {
  return tariff.parties.map((p) => [p.id, ...p.aliases].join("/")).join(", ");
}

/** The parameters of UNKNOWN_PARTY: the text, the known names and, when one is close, the party meant. */
export function unknownPartyParams(tariff: CompiledTariff, text: string): { text: string; known: string; suggestion?: string } {
  const names = tariff.parties.flatMap((p) => [p.id, p.name, ...p.aliases]);
  const near = nearestName(areaKey(text), names);
  const party = near === undefined ? undefined : tariff.parties[tariff.resolveParty(near) ?? tariff.parties.findIndex((p) => p.name === near)];
  return { text, known: knownParties(tariff), ...(party ? { suggestion: party.id } : {}) };
}

/** The population key of a tariff, also when its key is fixed (for the `key` command's comparison). */
export function populationKeyOf(tariff: CompiledTariff, override: PopulationInput | undefined, bag: DiagnosticBag): DistributionKey | undefined {
  if (tariff.key.basis === "population") return resolveKey(tariff, override, bag);
  const asPopulation: CompiledTariff = { ...tariff, key: { basis: "population", date: tariff.key.date } };
  return resolveKey(asPopulation, override, bag);
}
