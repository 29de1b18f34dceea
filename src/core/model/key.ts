/**
 * The distribution key (fördelningsnyckel), model.md step 1: shares from population
 * (from the tariff, or from a population file that then wins) or decided fixed shares.
 * Shares are exact rationals: weight / Σ weights.
 */
import { pow10, rational, type Rational } from "./decimal.js";
import { DiagnosticBag, type Location } from "./diagnostics.js";
import type { CompiledTariff, Party } from "./tariff.js";
import { nearestName, partyKey } from "./names.js";
import { phrase } from "./phrases.js";

/**
 * The distribution key of a year (fördelningsnyckel): each party's share of the jointly financed
 * amounts, from population counts (the tariff's or a population file's) or from fixed shares in
 * the tariff. `shares` are exact fractions; amounts are split by the largest remainder method so
 * that the parts sum to the whole to the öre.
 */
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
  /** where the date stands (its first row), for a date after the agreement year */
  dateAt?: Location;
  /**
   * A table with one column per year (as SCB exports it): the key takes the column of its date's
   * year, or the latest, and says which. `entries` is then empty. A value that is not a valid
   * population is undefined here and reported only if its column is taken.
   */
  years?: { year: number; column: string; entries: { party: string; population: bigint | undefined; text: string; at?: Location; partyAt?: Location }[] }[];
}

/** "05 Östergötlands län" → "Östergötlands län": SCB writes a region with its county code. */
const COUNTY_CODE = /^\d{2}\s+(.+)$/;

/**
 * A region's name as a population file writes it, resolved to a party: its id or an alias;
 * else without SCB's county code ("05 Östergötlands län"); else without " län" and a genitive s
 * ("Östergötlands län" → "Östergötland"), or with "Region " before it.
 */
function resolveRegion(tariff: CompiledTariff, text: string): number | undefined {
  const direct = tariff.resolveParty(text);
  if (direct !== undefined) return direct;
  const bare = COUNTY_CODE.exec(text.trim())?.[1] ?? text.trim();
  const tries = [bare];
  const lan = /^(.+?)\s+län$/i.exec(bare)?.[1];
  if (lan) tries.push(lan, lan.replace(/s$/, ""), `Region ${lan.replace(/s$/, "")}`, `Region ${lan} län`);
  for (const name of tries) {
    const i = tariff.resolveParty(name);
    if (i !== undefined) return i;
  }
  return undefined;
}

type YearEntry = NonNullable<PopulationInput["years"]>[number]["entries"][number];

/** The entries of a population file: its one column, or the year column the key takes (reported as a warning). */
function populationEntries(tariff: CompiledTariff, override: PopulationInput, bag: DiagnosticBag): { entries: (PopulationInput["entries"][number] | YearEntry)[]; invalid: string[]; date?: string } {
  if (!override.years || override.years.length === 0) return { entries: override.entries, invalid: override.invalid ?? [], date: override.date };
  const keyYear = tariff.key.date ? Number(tariff.key.date.slice(0, 4)) : undefined;
  const latest = override.years.reduce((a, b) => (b.year > a.year ? b : a));
  const chosen = override.years.find((y) => y.year === keyYear) ?? latest;
  const why =
    chosen.year === keyYear
      ? phrase("key_column_key_date", { date: tariff.key.date ?? "", column: chosen.column })
      : keyYear !== undefined
        ? phrase("key_column_latest_missing", { year: keyYear, latest: chosen.year, column: chosen.column })
        : phrase("key_column_latest_no_date", { latest: chosen.year, column: chosen.column });
  bag.warning("POPULATION_YEAR_COLUMN", { column: chosen.column, year: chosen.year, why, columns: override.years.map((y) => y.column).join(", ") }, { file: override.file, line: 1, column: 1 });
  // a value that is not a population is reported below, once its region is known to be a party
  return { entries: chosen.entries, invalid: [], date: `${chosen.year}-12-31` };
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
    const chosen = populationEntries(tariff, override, bag);
    const otherRegions: string[] = [];
    for (const e of chosen.entries) {
      const i = resolveRegion(tariff, e.party);
      if (i === undefined && (COUNTY_CODE.test(e.party.trim()) || /^riket$/i.test(e.party.trim()))) {
        // SCB's table of every county (or the whole country): the other regions are not parties.
        otherRegions.push(e.party.trim());
        continue;
      }
      if (e.population === undefined) {
        bag.error("BAD_POPULATION", { text: "text" in e ? e.text : "" }, e.at ?? { file: override.file, line: 1, column: 1 });
        if (i !== undefined) chosen.invalid.push(e.party);
        continue;
      }
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
    if (otherRegions.length > 0) bag.warning("POPULATION_OTHER_REGIONS", { count: otherRegions.length, regions: otherRegions.join(", ") }, { file: override.file, line: 1, column: 1 });
    const invalid = new Set(chosen.invalid.map((p) => resolveRegion(tariff, p)));
    population.forEach((p, i) => {
      if (p === undefined && !invalid.has(i)) bag.error("MISSING_PARTY", { party: tariff.parties[i]?.id ?? String(i) }, { file: override.file, line: 1, column: 1 });
    });
    populationSource = { kind: "file", file: override.file };
    // The file's date, or none: a file without dates does not borrow the tariff's.
    date = chosen.date;
    // A key is counted at a date up to the agreement year's end, never after it.
    if (date !== undefined && Number(date.slice(0, 4)) > tariff.year) {
      bag.error("POPULATION_DATE_AFTER_YEAR", { date, year: tariff.year }, override.dateAt ?? { file: override.file, line: 1, column: 1 });
    }
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

function knownParties(tariff: CompiledTariff): string {
  return tariff.parties.map((p) => [p.id, ...p.aliases].join("/")).join(", ");
}

/** The parameters of UNKNOWN_PARTY: the text, the known names and, when one is close, the party meant. */
export function unknownPartyParams(tariff: CompiledTariff, text: string): { text: string; known: string; suggestion?: string } {
  // every id, name and alias, with the party it names
  const owner = new Map<string, Party>();
  for (const p of tariff.parties) for (const name of [p.id, p.name, ...p.aliases]) if (!owner.has(name)) owner.set(name, p);
  const near = nearestName(partyKey(text), [...owner.keys()]);
  const party = near === undefined ? undefined : owner.get(near);
  return { text, known: knownParties(tariff), ...(party ? { suggestion: party.id } : {}) };
}

/** The population key of a tariff, also when its key is fixed (for the `key` command's comparison). */
export function populationKeyOf(tariff: CompiledTariff, override: PopulationInput | undefined, bag: DiagnosticBag): DistributionKey | undefined {
  if (tariff.key.basis === "population") return resolveKey(tariff, override, bag);
  const asPopulation: CompiledTariff = { ...tariff, key: { basis: "population", date: tariff.key.date } };
  return resolveKey(asPopulation, override, bag);
}
