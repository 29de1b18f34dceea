/**
 * `vardavtal-overview/1`: the year on one page as JSON (docs/oversikt.md), its reader beside its
 * writer, and the readers of the four inputs of an overview: an a-conto plan, forecasts and the
 * outcome (results), a settlement. Money as strings with two decimals and `.`.
 */
import * as z from "zod";
import { formatOre, parseMoney } from "../core/model/decimal.js";
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import { MAX_PARTIES } from "../core/model/limits.js";
import type { Decision } from "../core/model/tariff.js";
import { buildOverview, overviewChecks, type Overview, type OverviewSource } from "../core/year/overview.js";
import { decisionJson } from "./result-json.js";
import { scenarioTexts } from "../core/analysis/compare.js";
import { readAccontoJson, readFile, readResultDetail } from "./result-input.js";
import { withDigest } from "./digest.js";

/** The `format` field of an overview JSON (`overview --json`). */
export const OVERVIEW_FORMAT = "vardavtal-overview/1";

const money = z.string().regex(/^-?\d{1,16}\.\d{2}$/, { message: 'expected an amount as a string with two decimals, e.g. "1234.50"' });
const party = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const decision = z.object({ body: z.string().max(4000), date: isoDate, paragraph: z.string().max(4000), reference: z.string().max(4000).optional() });
const year = z.number().int().min(1900).max(2999);

/** A decision as read: zod gives an absent reference as an optional field; the model leaves it out. */
function decisionOf(d: z.infer<typeof decision> | null): Decision | null {
  return d ? { body: d.body, date: d.date, paragraph: d.paragraph, ...(d.reference !== undefined ? { reference: d.reference } : {}) } : null;
}

/**
 * The overview as `vardavtal-overview/1`: per party the plan's net for the year, each forecast's
 * net with its date, the outcome's net and the remaining to settle (null when not given).
 */
export function overviewToJson(o: Overview, meta: { tool?: { name: string; version: string } } = {}) {
  return withDigest({
    format: OVERVIEW_FORMAT,
    year: o.year,
    ...(o.title !== undefined ? { title: o.title } : {}),
    decision: o.decision === undefined ? null : decisionJson(o.decision ?? undefined),
    ...(o.decision === undefined ? { decisionKnown: false } : {}),
    ...(o.tariffStatus !== undefined ? { tariffStatus: o.tariffStatus } : {}),
    parties: o.parties.map((p, i) => ({
      party: p,
      plan: formatOre(o.plan[i] ?? 0n),
      forecasts: o.forecasts.map((f) => ({ through: f.through, net: formatOre(f.net[i] ?? 0n) })),
      outcome: o.outcome ? formatOre(o.outcome[i] ?? 0n) : null,
      remaining: o.remaining ? formatOre(o.remaining[i] ?? 0n) : null,
    })),
    forecasts: o.forecasts.map((f) => ({ through: f.through, file: f.file })),
    // a forecast or outcome computed as a what-if scenario says so, with what was set
    sources: o.sources.map((s) => ({ kind: s.kind, file: s.file, ...(s.scenario ? { scenario: s.scenario } : {}) })),
    checks: o.checks.map((c) => ({ id: c.id, holds: c.holds, figures: c.figures })),
    ...(meta.tool ? { tool: meta.tool } : {}),
  });
}

const overviewFile = z.object({
  format: z.literal(OVERVIEW_FORMAT),
  year,
  title: z.string().max(4000).optional(),
  decision: decision.nullable(),
  decisionKnown: z.literal(false).optional(),
  tariffStatus: z.enum(["decided", "proposal", "illustrative"]).optional(),
  parties: z
    .array(z.object({ party, plan: money, forecasts: z.array(z.object({ through: isoDate, net: money })), outcome: money.nullable(), remaining: money.nullable() }))
    .min(1)
    .max(MAX_PARTIES),
  forecasts: z.array(z.object({ through: isoDate, file: z.string() })),
  sources: z.array(z.object({ kind: z.enum(["plan", "forecast", "result", "settlement"]), file: z.string(), scenario: z.array(z.string().max(4000)).max(1000).optional() })),
});

/** Reads an overview back (what overviewToJson wrote); its checks are made again on what was read. */
export function overviewFromJson(text: string, file: string, bag: DiagnosticBag): Overview | undefined {
  const data = readFile(text, file, OVERVIEW_FORMAT, overviewFile, bag);
  if (!data) return undefined;
  const col = (get: (p: z.infer<typeof overviewFile>["parties"][number]) => string | null): bigint[] => data.parties.map((p) => parseMoney(get(p) ?? "0") ?? 0n);
  const hasOutcome = data.parties.every((p) => p.outcome !== null);
  const hasRemaining = data.parties.every((p) => p.remaining !== null);
  const o: Overview = {
    year: data.year,
    parties: data.parties.map((p) => p.party),
    ...(data.title !== undefined ? { title: data.title } : {}),
    ...(data.decisionKnown === false ? {} : { decision: decisionOf(data.decision) }),
    ...(data.tariffStatus !== undefined ? { tariffStatus: data.tariffStatus } : {}),
    plan: col((p) => p.plan),
    forecasts: data.forecasts.map((f, k) => ({ through: f.through, file: f.file, net: col((p) => p.forecasts[k]?.net ?? "0.00") })),
    ...(hasOutcome ? { outcome: col((p) => p.outcome) } : {}),
    ...(hasRemaining ? { remaining: col((p) => p.remaining) } : {}),
    sources: data.sources.map((s) => ({ kind: s.kind, file: s.file, ...(s.scenario ? { scenario: s.scenario } : {}) })),
    checks: [],
  };
  const source = (kind: OverviewSource["kind"], amounts: bigint[], through?: string, f = file): OverviewSource => ({ kind, file: f, year: o.year, parties: o.parties, amounts, ...(through !== undefined ? { through } : {}) });
  o.checks = overviewChecks(o, {
    plan: source("plan", o.plan),
    forecasts: o.forecasts.map((f) => source("forecast", f.net, f.through, f.file)),
    ...(o.outcome ? { result: source("result", o.outcome) } : {}),
    ...(o.remaining ? { settlement: source("settlement", o.remaining) } : {}),
  });
  return o;
}

// ---------------------------------------------------------------- the inputs of an overview

const planHeader = z.object({ format: z.literal("vardavtal-acconto/1"), year, title: z.string().max(4000).optional(), parties: z.array(party).min(1).max(MAX_PARTIES), decision: decision.nullable().optional() });

/** An a-conto plan (`acconto --json`): per party its net for the year, Σ received − Σ paid over the plan's lines. */
export function readPlanSource(text: string, file: string, bag: DiagnosticBag): OverviewSource | undefined {
  const head = readFile(text, file, "vardavtal-acconto/1", planHeader, bag);
  if (!head) return undefined;
  // the lines, each checked as the settlement checks them (parties known, months sum to the annual amount)
  const read = readAccontoJson(text, file, { year: head.year, parties: head.parties, flows: [], net: head.parties.map(() => 0n) }, bag);
  if (!read) return undefined;
  const amounts = head.parties.map(() => 0n);
  for (const p of read.payments) {
    amounts[p.payee] = (amounts[p.payee] as bigint) + p.amount;
    amounts[p.payer] = (amounts[p.payer] as bigint) - p.amount;
  }
  return { kind: "plan", file, year: head.year, parties: head.parties, ...(head.title !== undefined ? { title: head.title } : {}), ...(head.decision !== undefined ? { decision: decisionOf(head.decision) } : {}), amounts };
}

/** A result (`calculate --json`), a forecast when it has a cut-off date: its net positions. */
export function readResultSource(text: string, file: string, kind: "forecast" | "result", bag: DiagnosticBag): OverviewSource | undefined {
  const read = readResultDetail(text, file, bag);
  if (!read) return undefined;
  const { result, detail } = read;
  return {
    ...(detail.scenario ? { scenario: scenarioTexts(detail.scenario) } : {}),
    kind,
    file,
    year: result.year,
    parties: result.parties,
    ...(detail.title !== undefined ? { title: detail.title } : {}),
    ...(result.decision !== undefined ? { decision: result.decision } : {}),
    ...(result.forecastThrough !== undefined ? { through: result.forecastThrough } : {}),
    ...(result.tariffStatus !== undefined ? { tariffStatus: result.tariffStatus } : {}),
    amounts: result.net,
  };
}

const settlementFile = z.object({
  format: z.literal("vardavtal-settlement/1"),
  year,
  parties: z.array(z.object({ party, net: money, remaining: money })).min(1).max(MAX_PARTIES),
  decision: decision.nullable().optional(),
});

/** A settlement (`settle --json`): per party what remains to settle, and the net positions it settled. */
export function readSettlementSource(text: string, file: string, bag: DiagnosticBag): OverviewSource | undefined {
  const data = readFile(text, file, "vardavtal-settlement/1", settlementFile, bag);
  if (!data) return undefined;
  // what remains, and the net positions settled, each sum to zero in a settlement vardavtal wrote
  for (const k of ["remaining", "net"] as const) {
    const sum = data.parties.reduce((a, p) => a + (parseMoney(p[k]) ?? 0n), 0n);
    if (sum !== 0n) {
      bag.error("RESULT_FILE", { what: "vardavtal-settlement/1", reason: { sv: `$.parties[*].${k} summerar till ${formatOre(sum)}, inte 0: filen har ändrats efter att den skrevs`, en: `$.parties[*].${k} sums to ${formatOre(sum)}, not 0: the file was changed after it was written` } }, { file, line: 1, column: 1 });
      return undefined;
    }
  }
  return {
    kind: "settlement",
    file,
    year: data.year,
    parties: data.parties.map((p) => p.party),
    ...(data.decision !== undefined ? { decision: decisionOf(data.decision) } : {}),
    amounts: data.parties.map((p) => parseMoney(p.remaining) ?? 0n),
    net: data.parties.map((p) => parseMoney(p.net) ?? 0n),
  };
}

/** A file vardavtal wrote, by its name (as messages give it) and its text. */
export interface NamedText {
  name: string;
  text: string;
}

/**
 * `vardavtal overview` over texts: every file read and checked before any is compared (all
 * errors in one run, thrown as one InputError), then the overview. The command line and the
 * offline page both run this; an OverviewInvariantError (a bug) is the caller's to report.
 */
export function overviewFromTexts(input: { plan: NamedText | undefined; forecasts: readonly (NamedText | undefined)[]; result?: NamedText; settlement?: NamedText }, bag: DiagnosticBag): Overview | undefined {
  const plan = input.plan ? readPlanSource(input.plan.text, input.plan.name, bag) : undefined;
  const forecasts = input.forecasts.map((f) => (f ? readResultSource(f.text, f.name, "forecast", bag) : undefined));
  const result = input.result ? readResultSource(input.result.text, input.result.name, "result", bag) : undefined;
  const settlement = input.settlement ? readSettlementSource(input.settlement.text, input.settlement.name, bag) : undefined;
  bag.throwIfErrors();
  if (!plan) return undefined;
  const overview = buildOverview({ plan, forecasts: forecasts.filter((f): f is OverviewSource => f !== undefined), ...(result ? { result } : {}), ...(settlement ? { settlement } : {}) }, bag);
  bag.throwIfErrors();
  return overview;
}
