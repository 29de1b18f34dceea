/**
 * The year on one page (`vardavtal overview`): per party the a-conto plan's net for the year, each
 * forecast's net with its date, the outcome's net and what remains to settle, side by side. The
 * figures are the input files' own, to the öre: nothing is recomputed, only checked. Inputs of
 * different years, parties or tariffs are refused, each with its reason; a forecast given as the
 * outcome (or a full year given as a forecast, or two forecasts of one date) too; a settlement
 * must be of the outcome given. Core: codes and parameters; the words are in text/.
 */
import { formatOre } from "../model/decimal.js";
import { leastDecided, type TariffStatus } from "../model/tariff-format.js";
import type { DiagnosticBag } from "../model/diagnostics.js";
import type { Decision } from "../model/tariff.js";

export type { TariffStatus };

/** What the overview reads of one input file (the readers in contracts/ fill it in). */
export interface OverviewSource {
  kind: "plan" | "forecast" | "result" | "settlement";
  /** the file it was read from, as given */
  file: string;
  year: number;
  /** party ids in the file's order */
  parties: string[];
  /** the tariff's title, when the file names it */
  title?: string;
  /** the tariff's decision, when the file says (null: the tariff names none) */
  decision?: Decision | null;
  /** a forecast's cut-off date (YYYY-MM-DD), for a result computed with --through */
  through?: string;
  /** the status of the tariff, when the file says (a result does) */
  tariffStatus?: TariffStatus;
  /**
   * per party (index of `parties`), öre: the plan's annual net, a forecast's or the outcome's net
   * position, a settlement's remaining
   */
  amounts: bigint[];
  /** a settlement only: the net positions of the result it settled, per party */
  net?: bigint[];
  /** a forecast or outcome that is a what-if scenario (calculate --set/--scenario): what was set, as text lines */
  scenario?: string[];
}

/** One check of the overview: what holds, with the figures that show it. */
export interface OverviewCheck {
  id: "plan_sums_to_zero" | "forecast_sums_to_zero" | "outcome_sums_to_zero" | "remaining_sums_to_zero" | "equals_inputs";
  holds: boolean;
  figures: Record<string, string>;
}

/**
 * The overview of a year: parties as in the plan; every amount in öre per party index. Absent
 * `outcome` or `remaining`: no result or no settlement was given.
 */
export interface Overview {
  year: number;
  parties: string[];
  title?: string;
  /** the decision the inputs name (null: not decided; absent: no input says) */
  decision?: Decision | null;
  /** the least decided status an input names (illustrative before proposal before decided); absent: none says */
  tariffStatus?: TariffStatus;
  plan: bigint[];
  forecasts: { through: string; file: string; net: bigint[] }[];
  outcome?: bigint[];
  remaining?: bigint[];
  /** the files, in the order plan, forecasts (by date), result, settlement */
  sources: { kind: OverviewSource["kind"]; file: string; scenario?: string[] }[];
  checks: OverviewCheck[];
}

export class OverviewInvariantError extends Error {
  constructor(readonly failed: OverviewCheck[]) {
    super(failed.map((c) => `${c.id} ${JSON.stringify(c.figures)}`).join("; "));
    this.name = "OverviewInvariantError";
  }
}

const at = (file: string) => ({ file, line: 1, column: 1 });
const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
const sameDecision = (a: Decision | null, b: Decision | null): boolean =>
  a === null || b === null ? a === b : a.body === b.body && a.date === b.date && a.paragraph === b.paragraph && (a.reference ?? "") === (b.reference ?? "");

/** A decision as data in a message: "Samverkansnämnden 2025-12-08 § 12", or null (the tariff names none). */
function decisionData(d: Decision | null): string {
  return d ? `${d.body} ${d.date} ${d.paragraph}${d.reference !== undefined ? ` (${d.reference})` : ""}` : "null";
}

/**
 * Checks that every input is of the plan's year, parties and tariff (errors go to the bag, one
 * per file and reason), and returns the overview when none was found. Its checks (each column of
 * net positions sums to 0, every figure equals its input's) are made before it is returned; a
 * broken one throws OverviewInvariantError.
 */
export function buildOverview(input: { plan: OverviewSource; forecasts?: readonly OverviewSource[]; result?: OverviewSource; settlement?: OverviewSource }, bag: DiagnosticBag): Overview | undefined {
  const plan = input.plan;
  const forecasts = input.forecasts ?? [];
  const all = [plan, ...forecasts, ...(input.result ? [input.result] : []), ...(input.settlement ? [input.settlement] : [])];
  const errorsBefore = bag.errors.length;
  // the tariff: the first file that names its title and its decision is the reference
  const titled = all.find((s) => s.title !== undefined);
  const decided = all.find((s) => s.decision !== undefined);
  for (const s of all) {
    if (s.year !== plan.year) {
      bag.error("OVERVIEW_YEAR", { year: s.year, expected: plan.year, first: plan.file }, at(s.file));
      continue;
    }
    if (s.parties.length !== plan.parties.length || s.parties.some((p, i) => p !== plan.parties[i])) {
      bag.error("OVERVIEW_PARTIES", { parties: s.parties.join(", "), expected: plan.parties.join(", "), first: plan.file }, at(s.file));
      continue;
    }
    if (titled && s !== titled && s.title !== undefined && s.title !== titled.title) {
      bag.error("OVERVIEW_TARIFF", { first: titled.file, title: s.title, expected: titled.title ?? "" }, at(s.file));
      continue;
    }
    if (decided && s !== decided && s.decision !== undefined && !sameDecision(s.decision, decided.decision ?? null)) {
      bag.error("OVERVIEW_DECISION", { first: decided.file, decision: decisionData(s.decision), expected: decisionData(decided.decision ?? null) }, at(s.file));
    }
  }
  for (const f of forecasts) {
    if (f.through === undefined) bag.error("OVERVIEW_NOT_FORECAST", {}, at(f.file));
  }
  if (input.result?.through !== undefined) bag.error("OVERVIEW_FORECAST_RESULT", { through: input.result.through }, at(input.result.file));
  const seen = new Map<string, string>();
  for (const f of forecasts) {
    if (f.through === undefined) continue;
    const other = seen.get(f.through);
    if (other !== undefined) bag.error("OVERVIEW_FORECAST_TWICE", { through: f.through, other }, at(f.file));
    seen.set(f.through, f.file);
  }
  const { result, settlement } = input;
  if (bag.errors.length === errorsBefore && result && settlement?.net && settlement.net.some((v, i) => v !== result.amounts[i])) {
    const k = settlement.net.findIndex((v, i) => v !== result.amounts[i]);
    bag.error("OVERVIEW_SETTLEMENT", { party: plan.parties[k] ?? "", net: { ore: settlement.net[k] ?? 0n }, outcome: { ore: result.amounts[k] ?? 0n }, result: result.file }, at(settlement.file));
  }
  if (bag.errors.length > errorsBefore) return undefined;

  const sorted = [...forecasts].sort((a, b) => ((a.through ?? "") < (b.through ?? "") ? -1 : (a.through ?? "") > (b.through ?? "") ? 1 : 0));
  const overview: Overview = {
    year: plan.year,
    parties: [...plan.parties],
    ...(titled?.title !== undefined ? { title: titled.title } : {}),
    ...(decided ? { decision: decided.decision ?? null } : {}),
    ...statusOf(all),
    plan: [...plan.amounts],
    forecasts: sorted.map((f) => ({ through: f.through as string, file: f.file, net: [...f.amounts] })),
    ...(result ? { outcome: [...result.amounts] } : {}),
    ...(settlement ? { remaining: [...settlement.amounts] } : {}),
    sources: [plan, ...sorted, ...(result ? [result] : []), ...(settlement ? [settlement] : [])].map((s) => ({ kind: s.kind, file: s.file, ...(s.scenario ? { scenario: [...s.scenario] } : {}) })),
    checks: [],
  };
  overview.checks = overviewChecks(overview, input);
  const failed = overview.checks.filter((c) => !c.holds);
  if (failed.length > 0) throw new OverviewInvariantError(failed);
  return overview;
}

/** The least decided status the inputs name: one draft input makes the whole overview a draft. */
function statusOf(sources: readonly OverviewSource[]): { tariffStatus?: TariffStatus } {
  const status = leastDecided(sources.map((x) => x.tariffStatus));
  return status ? { tariffStatus: status } : {};
}

/**
 * The overview's invariants: every column of net positions (plan, each forecast, outcome) and the
 * remaining sum to 0, and every figure is its input's figure to the öre (none lost, none moved).
 */
export function overviewChecks(o: Overview, input: { plan: OverviewSource; forecasts?: readonly OverviewSource[]; result?: OverviewSource; settlement?: OverviewSource }): OverviewCheck[] {
  const n = o.parties.length;
  const equal = (a: readonly bigint[] | undefined, b: readonly bigint[] | undefined): boolean => a === b || (a !== undefined && b !== undefined && a.length === n && b.length === n && a.every((v, i) => v === b[i]));
  const byThrough = new Map((input.forecasts ?? []).map((f) => [`${f.through}|${f.file}`, f.amounts]));
  const forecastsEqual = o.forecasts.length === (input.forecasts ?? []).length && o.forecasts.every((f) => equal(f.net, byThrough.get(`${f.through}|${f.file}`)));
  const checks: OverviewCheck[] = [
    { id: "plan_sums_to_zero", holds: sum(o.plan) === 0n, figures: { sum: formatOre(sum(o.plan)) } },
    ...o.forecasts.map((f): OverviewCheck => ({ id: "forecast_sums_to_zero", holds: sum(f.net) === 0n, figures: { through: f.through, sum: formatOre(sum(f.net)) } })),
  ];
  if (o.outcome) checks.push({ id: "outcome_sums_to_zero", holds: sum(o.outcome) === 0n, figures: { sum: formatOre(sum(o.outcome)) } });
  if (o.remaining) checks.push({ id: "remaining_sums_to_zero", holds: sum(o.remaining) === 0n, figures: { sum: formatOre(sum(o.remaining)) } });
  const inputsHold = equal(o.plan, input.plan.amounts) && forecastsEqual && equal(o.outcome, input.result?.amounts) && equal(o.remaining, input.settlement?.amounts);
  checks.push({ id: "equals_inputs", holds: inputsHold, figures: { parties: String(n), columns: String(1 + o.forecasts.length + (o.outcome ? 1 : 0) + (o.remaining ? 1 : 0)) } });
  return checks;
}
