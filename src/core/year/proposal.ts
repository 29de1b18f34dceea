/**
 * The proposal for next year's agreement (model.md, "Proposal"): from the current tariff (year
 * Y−1), results of earlier years and an index per year, next year's tariff.
 *
 * - F(y) = Π_{k=y+1..Y} (1 + index(k)/100), the uprating from base year y to Y.
 * - reference(s→b) = round_to((Σ_r value_r(s→b) × F(year_r)) / n): the mean over the n base
 *   results of their fixed_variable value for the pair, uprated; a result without the pair counts
 *   as 0; a pair with no value in any base result gets no reference.
 * - Point prices in force at the end of Y−1, solidarity budgets and fixed-only amounts:
 *   × (1 + index(Y)/100), rounded to the öre; prices valid from Y-01-01.
 * - Population from a population file when given (its date becomes the key date), else kept.
 * - What is carried into next year (the books, v3): state grants are decided per year and are not
 *   carried (PROPOSE_GRANT_DROPPED names each); a value copied unchanged keeps its source prefixed
 *   "Oförändrad från överenskommelse Y−1: "; the key's source is written anew; the decision is not
 *   carried (a proposal is not decided).
 * Everything else is copied; the new tariff has `"status": "proposal"` and every derived value's
 * `source` says how it was derived. All arithmetic is exact (rationals), rounding only as stated.
 */
import { formatOre, formatScaled, roundHalfAwayFromZero, type Rational, type ScaledDecimal } from "../model/decimal.js";
import { DiagnosticBag } from "../model/diagnostics.js";
import type { CompiledTariff } from "../model/tariff.js";
import type { TariffFile } from "../model/tariff-schema.js";

/** One base year's result: its year and the fixed_variable value per seller→buyer cell (10⁻⁸ SEK). */
export interface BaseResult {
  file: string;
  year: number;
  /** the result was a forecast (through this date) */
  forecastThrough?: string;
  /** the result was a what-if scenario (calculate --set/--scenario): what was set, as text lines */
  scenario?: string[];
  /** seller*n+buyer → value in 10⁻⁸ SEK */
  values: Map<number, bigint>;
}

export interface ProposalInput {
  tariff: CompiledTariff;
  results: BaseResult[];
  /** year → index in percent (e.g. 3.1 = { units: 31n, scale: 1 }) */
  index: Map<number, ScaledDecimal>;
  /** next year's population per party index, with its date, from a population file */
  population?: { file: string; values: bigint[]; date?: string };
  /** the unit references are rounded to, öre (default 1 = 0,01 kr) */
  roundTo?: bigint;
  /** the words of the sources the proposal writes (src/text/proposal-notes.ts: `proposalNotes(lang)`) */
  notes: ProposalNotes;
}

/**
 * The texts a proposal writes into the new tariff's `source` fields, in the reader's language:
 * core computes the figures (already formatted as numbers) and asks for the words here.
 */
export interface ProposalNotes {
  /** the prefix of a value copied unchanged from the agreement of `previousYear` */
  unchanged(previousYear: number): string;
  /** a value uprated by the index: `was` (kr) of `previousYear` × (1 + pct %), and its earlier source */
  uprated(year: number, was: string, previousYear: number, pct: string, old: string | undefined): string;
  /** amounts per buyer uprated by the index */
  upratedAmounts(year: number, pct: string, old: string | undefined): string;
  /** the new tariff's title from this year's */
  title(previousTitle: string): string;
  /** the new tariff's source: from which tariff and results, with which index */
  fileSource(year: number, previousTitle: string, bases: string, index: string): string;
  /** a reference amount's source: the mean of the bases' values, uprated and rounded to `unit` (öre or "N kr") */
  reference(year: number, seller: string, buyer: string, bases: string, index: string, unit: { ore: true } | { kr: string }): string;
  /** the population's source: a file, at a date */
  population(file: string, date: string | undefined): string;
  /** the key's source: by the population in a file, at a date */
  keyFromPopulation(year: number, file: string, date: string | undefined): string;
  /** the key's source: the previous agreement's key is kept */
  keyKept(year: number, previousYear: number): string;
}

/** Prefixes every `source` text in a copied part of a tariff (objects and arrays, recursively). */
function markUnchanged(value: unknown, prefix: string): void {
  if (Array.isArray(value)) {
    for (const v of value) markUnchanged(v, prefix);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === "source" && typeof v === "string") o[k] = `${prefix}${v}`.slice(0, 4000);
    else markUnchanged(v, prefix);
  }
}

/** How one pair's reference amount was derived (the workbook shows it as formulas). */
export interface ReferenceDerivation {
  seller: number;
  buyer: number;
  /** per base result (same order as the input): the value in 10⁻⁸ SEK (0 when absent) and its factor */
  bases: { year: number; value: bigint; factor: Rational }[];
  /** the exact mean, öre as a rational */
  mean: Rational;
  /** the rounded reference, öre */
  reference: bigint;
  /** the reference of year Y−1, when there was one */
  previous?: bigint;
}

/**
 * Next year's tariff as `propose` makes it, with how it was derived: the new tariff (JSON-safe,
 * status "proposal"), the factor per base year and for the year, and each pair's reference
 * amount from its base values (öre, exact means before rounding to `roundTo`).
 */
export interface Proposal {
  /** the proposal's year (the current tariff's year + 1) */
  year: number;
  /** the new tariff, valid vardavtal-tariff/1 (checked by loading it before it is written) */
  tariff: TariffFile & { status: "proposal" };
  /** F(y) per base year */
  factors: Map<number, Rational>;
  /** 1 + index(Y)/100 */
  yearFactor: Rational;
  references: ReferenceDerivation[];
  roundTo: bigint;
}

const mul = (a: Rational, b: Rational): Rational => ({ num: a.num * b.num, den: a.den * b.den });

/** 1 + p/100 for a percentage p = units/10^scale. */
export function indexFactor(p: ScaledDecimal): Rational {
  const den = 100n * 10n ** BigInt(p.scale);
  return { num: den + p.units, den };
}

/** round_to: x (öre, rational) to a multiple of `unit` öre, half away from zero. */
export function roundTo(x: Rational, unit: bigint): bigint {
  return roundHalfAwayFromZero(x.num, x.den * unit) * unit;
}

function percentText(p: ScaledDecimal): string {
  return formatScaled(p.units, p.scale).replace(".", ",");
}

/** Öre as Swedish text in a source: "1 000,00". */
function sek(ore: bigint): string {
  const [int, frac] = formatOre(ore).split(".");
  return `${(int ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${frac}`;
}

/** Computes the proposal; problems (missing index, base years) go to the bag as errors or warnings. */
export function proposeTariff(input: ProposalInput, bag: DiagnosticBag): Proposal | undefined {
  const t = input.tariff;
  const Y = t.year + 1;
  const n = t.parties.length;
  const unit = input.roundTo ?? 1n;
  const at = { file: t.fileName, line: 1, column: 1 };
  const id = (i: number): string => t.parties[i]?.id ?? String(i);

  // The uprating factors; a missing index is an error naming the year.
  const missing = new Set<number>();
  const factor = (from: number): Rational => {
    let f: Rational = { num: 1n, den: 1n };
    for (let k = from + 1; k <= Y; k++) {
      const p = input.index.get(k);
      if (!p) missing.add(k);
      else f = mul(f, indexFactor(p));
    }
    return f;
  };
  // An uprating by −100 % or less makes every amount zero or negative: bad input, never a crash.
  for (const [year, p] of input.index) if (p.units <= -100n * 10n ** BigInt(p.scale)) bag.error("PROPOSE_INDEX_RANGE", { year, percent: formatScaled(p.units, p.scale) }, { file: "--index", line: 1, column: 1 });
  const factors = new Map<number, Rational>();
  for (const r of input.results) {
    if (r.year >= Y) bag.error("PROPOSE_BASE_YEAR", { year: r.year, next: Y }, { file: r.file, line: 1, column: 1 });
    if (r.forecastThrough !== undefined) bag.warning("PROPOSE_FORECAST_BASE", { year: r.year, through: r.forecastThrough }, { file: r.file, line: 1, column: 1 });
    if (r.scenario !== undefined) bag.warning("PROPOSE_SCENARIO_BASE", { year: r.year, list: r.scenario.join("; ") }, { file: r.file, line: 1, column: 1 });
    factors.set(r.year, factor(r.year));
  }
  const years = input.results.map((r) => r.year);
  for (const y of years.filter((y, i) => years.indexOf(y) !== i)) bag.error("PROPOSE_BASE_YEAR_TWICE", { year: y }, at);
  const yearFactor = factor(Y - 1);
  for (const k of [...missing].sort()) bag.error("PROPOSE_NO_INDEX", { year: k }, { file: "--index", line: 1, column: 1 });
  if (input.results.length === 0) bag.error("PROPOSE_NO_BASE", {}, { file: "--results", line: 1, column: 1 });
  if (bag.hasErrors) return undefined;

  // References: the mean of the uprated base values, rounded to the unit.
  const cells = new Set<number>();
  for (const r of input.results) for (const [c, v] of r.values) if (v !== 0n && Math.floor(c / n) !== c % n) cells.add(c);
  const previous = new Map(t.references.map((r) => [r.seller * n + r.buyer, r]));
  const count = BigInt(input.results.length);
  const references: ReferenceDerivation[] = [...cells]
    .sort((a, b) => a - b)
    .map((c) => {
      const bases = input.results.map((r) => ({ year: r.year, value: r.values.get(c) ?? 0n, factor: factors.get(r.year) as Rational }));
      // Σ value × F over a common denominator, / n, in öre (values are 10⁻⁸ SEK = 10⁻⁶ öre)
      let num = 0n;
      let den = 1n;
      for (const b of bases) {
        num = num * b.factor.den + b.value * b.factor.num * den;
        den *= b.factor.den;
      }
      const mean: Rational = { num, den: den * count * 1_000_000n };
      return { seller: Math.floor(c / n), buyer: c % n, bases, mean, reference: roundTo(mean, unit), previous: previous.get(c)?.amount };
    });
  for (const p of previous.values()) {
    if (!cells.has(p.seller * n + p.buyer)) bag.warning("PROPOSE_REFERENCE_DROPPED", { seller: id(p.seller), buyer: id(p.buyer), amount: { ore: p.amount } }, at);
  }
  for (const r of references) {
    if (r.previous === undefined) bag.warning("PROPOSE_REFERENCE_NEW", { seller: id(r.seller), buyer: id(r.buyer), amount: { ore: r.reference } }, at);
  }

  // The new tariff: a copy with the derived values replaced. What is copied unchanged says so.
  const file = JSON.parse(JSON.stringify(t.file)) as TariffFile;
  const notes = input.notes;
  const unchanged = notes.unchanged(Y - 1);
  const copied = file as unknown as Record<string, unknown>;
  for (const k of Object.keys(copied)) {
    if (!["source", "references", "pointPrices", "solidarity", "fixedOnly", "grants", "key", "population", "decision", "title"].includes(k)) markUnchanged(copied[k], unchanged);
  }
  // State grants are decided each year: none is carried, each is named.
  for (const g of t.grants) bag.warning("PROPOSE_GRANT_DROPPED", { name: g.name, amount: { ore: g.amount } }, at);
  delete (copied as { grants?: unknown }).grants;
  // A proposal is not decided.
  delete (copied as { decision?: unknown }).decision;
  const idx = input.index.get(Y) as ScaledDecimal;
  // a base year that is a scenario is named so in every source the proposal writes
  const basesText = input.results.map((r) => (r.scenario !== undefined ? `${r.year} (SCENARIO: ${r.scenario.join("; ")})` : String(r.year))).join(", ");
  const indexText = [...new Set(input.results.flatMap((r) => Array.from({ length: Y - r.year }, (_, k) => r.year + 1 + k)))]
    .sort()
    .map((k) => `${k} ${percentText(input.index.get(k) as ScaledDecimal)} %`)
    .join(", ");
  const unitText: { ore: true } | { kr: string } = unit === 1n ? { ore: true } : { kr: sek(unit) };
  const uprate = (ore: bigint): bigint => roundHalfAwayFromZero(ore * yearFactor.num, yearFactor.den);
  const upratedNote = (old: string | undefined, was: bigint): string => notes.uprated(Y, sek(was), Y - 1, percentText(idx), old).slice(0, 4000);

  file.year = Y;
  file.title = notes.title(t.title.replace(String(Y - 1), String(Y))).slice(0, 4000);
  file.source = notes.fileSource(Y, t.title, basesText, indexText).slice(0, 4000);
  (file as TariffFile & { status: string }).status = "proposal";
  file.references = references.map((r) => ({
    seller: id(r.seller),
    buyer: id(r.buyer),
    amount: formatOre(r.reference),
    source: notes.reference(Y, id(r.seller), id(r.buyer), basesText, indexText, unitText),
  }));
  // Point prices: the price in force at the end of Y−1, uprated, valid from Y-01-01.
  const yearEnd = `${Y - 1}-12-31`;
  file.pointPrices = t.parties.flatMap((_, s) => {
    const inForce = (t.pointPrices[s] ?? []).filter((p) => p.validFrom <= yearEnd).at(-1);
    if (!inForce) return [];
    return [{ seller: id(s), validFrom: `${Y}-01-01`, price: formatOre(uprate(inForce.price)), source: upratedNote(inForce.source, inForce.price) }];
  });
  file.solidarity = t.solidarity.map((u, i) => ({ ...file.solidarity[i], unit: u.unit, host: id(u.host), amount: formatOre(uprate(u.amount)), source: upratedNote(u.source, u.amount) }));
  file.fixedOnly = t.fixedOnly.map((f, i) => {
    const entry = { ...file.fixedOnly[i], area: f.area, host: id(f.host), source: f.total !== undefined ? upratedNote(f.source, f.total) : notes.upratedAmounts(Y, percentText(idx), f.source).slice(0, 4000) };
    if (f.total !== undefined) return { ...entry, total: formatOre(uprate(f.total)) };
    const amounts: Record<string, string> = {};
    f.amounts?.forEach((a, b) => {
      if (a !== undefined) amounts[id(b)] = formatOre(uprate(a));
    });
    return { ...entry, amounts };
  });
  // Population and key.
  if (input.population) {
    const popFile = input.population.file.split(/[\\/]/).pop() ?? input.population.file;
    file.population = Object.fromEntries(t.parties.map((p, i) => [p.id, Number(input.population?.values[i] ?? 0n)]));
    (file.population as Record<string, unknown>).source = notes.population(popFile, input.population.date);
    file.key = { ...file.key, ...(input.population.date ? { date: input.population.date } : {}), source: notes.keyFromPopulation(Y, popFile, input.population.date) } as TariffFile["key"];
  } else {
    bag.warning("PROPOSE_KEY_KEPT", { year: Y - 1 }, at);
    file.key = { ...file.key, source: notes.keyKept(Y, Y - 1) } as TariffFile["key"];
    if (file.population) markUnchanged({ population: file.population }, unchanged);
  }
  return { year: Y, tariff: file as TariffFile & { status: "proposal" }, factors, yearFactor, references, roundTo: unit };
}
