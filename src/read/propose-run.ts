/**
 * `vardavtal propose` over texts: the index options, the rounding, the base results and the
 * population checked (every problem to the bag, with its position), then the proposal, which is
 * loaded again as a tariff before it is returned. The command line reads the files and writes
 * the proposal; the offline page does the same with picked files. No `node:` import.
 */
import type { ScaledDecimal } from "../core/model/decimal.js";
import { InputError, type DiagnosticBag } from "../core/model/diagnostics.js";
import { resolveKey, type PopulationInput } from "../core/model/key.js";
import type { CompiledTariff } from "../core/model/tariff.js";
import { proposeTariff, type BaseResult, type Proposal, type ProposalNotes } from "../core/year/proposal.js";
import { readBaseResult } from "../contracts/result-input.js";
import { checkProposalTariff } from "../contracts/proposal-check.js";
import { moneyOption } from "./options.js";

/** `2024=2,9`, `2025=3.1`, `2026=2,8 %`, `2024=-0,5`: year → percent, exactly. */
export function parseIndex(text: string): { year: number; percent: ScaledDecimal } | undefined {
  const m = /^\s*(\d{4})\s*=\s*([-\u2212]?)(\d{1,3})(?:[.,](\d{1,6}))?\s*%?\s*$/.exec(text);
  if (!m) return undefined;
  const frac = m[4] ?? "";
  const units = BigInt(`${m[3]}${frac}`);
  return { year: Number(m[1]), percent: { units: m[2] ? -units : units, scale: frac.length } };
}

/** What {@link proposeRun} reads. */
export interface ProposeRunInput {
  /** this year's tariff; undefined when it could not be read (its errors are in the bag: the options are still checked) */
  tariff: CompiledTariff | undefined;
  /** the base results as `calculate --json` wrote them, each with its name */
  results: { name: string; text: string }[];
  /** `--index` values, YEAR=PERCENT each */
  index: readonly string[];
  population?: PopulationInput;
  /** `--round-to` as written (kronor), or undefined for 0,01 */
  roundTo?: string;
  notes: ProposalNotes;
  /** the language of a usage message */
  lang: "sv" | "en";
  /** the new tariff file's name (`--out`), for the validation's messages */
  out?: string;
}

/** The proposal, the base results and the index it came from (for the workbook), and its text as written. */
export interface ProposeRun {
  proposal: Proposal;
  results: BaseResult[];
  index: Map<number, ScaledDecimal>;
  /** the new tariff file's text (`--out`) */
  text: string;
}

/** Reads and checks everything (problems to the bag, thrown as one InputError), then proposes. */
export function proposeRun(input: ProposeRunInput, bag: DiagnosticBag): ProposeRun {
  const index = new Map<number, ScaledDecimal>();
  for (const text of input.index) {
    const parsed = parseIndex(text);
    if (!parsed) bag.error("BAD_INDEX", { text }, { file: "--index", line: 1, column: 1 });
    else if (parsed.percent.units <= -100n * 10n ** BigInt(parsed.percent.scale)) bag.error("PROPOSE_INDEX_RANGE", { year: parsed.year, percent: text.slice(text.indexOf("=") + 1).trim().replace(/\s*%$/, "") }, { file: "--index", line: 1, column: text.indexOf("=") + 2 });
    else if (index.has(parsed.year)) bag.error("USAGE", { message: `--index ${parsed.year}: ${input.lang === "sv" ? "angivet två gånger" : "given twice"}` }, { file: "--index", line: 1, column: 1 });
    else index.set(parsed.year, parsed.percent);
  }
  const unit = input.roundTo !== undefined ? moneyOption(input.roundTo, "--round-to", bag, { negative: false }) : 1n;
  if (unit === 0n) bag.error("BAD_NUMBER", { text: input.roundTo ?? "" }, { file: "--round-to", line: 1, column: 1 });
  const tariff = input.tariff;
  if (!tariff) {
    bag.throwIfErrors();
    throw new InputError(bag.items);
  }
  const results: BaseResult[] = [];
  for (const r of input.results) {
    const read = readBaseResult(r.text, r.name, tariff.parties.map((p) => p.id), bag);
    if (read) results.push(read);
  }
  bag.throwIfErrors();
  let population: { file: string; values: bigint[]; date?: string } | undefined;
  if (input.population) {
    // an SCB table with one column per year: the newest column makes next year's key
    const newest = input.population.years?.reduce((a, b) => (b.year > a.year ? b : a), input.population.years[0] as { year: number });
    const asPopulation = { ...tariff, key: { basis: "population" as const, date: newest ? `${newest.year}-12-31` : tariff.key.date } };
    const key = resolveKey(asPopulation, input.population, bag);
    bag.throwIfErrors();
    const date = input.population.date ?? key?.date;
    if (key?.population) population = { file: input.population.file, values: key.population, ...(date ? { date } : {}) };
  }
  const proposal = proposeTariff({ tariff, results, index, population, roundTo: unit ?? 1n, notes: input.notes }, bag);
  bag.throwIfErrors();
  if (!proposal) throw new InputError(bag.items);
  const text = JSON.stringify(proposal.tariff, null, 2) + "\n";
  // The proposal must be a valid tariff: values beyond its limits are bad input (exit 2), never a crash.
  checkProposalTariff(text, input.out ?? "<proposal>", bag);
  bag.throwIfErrors();
  return { proposal, results, index, text };
}
