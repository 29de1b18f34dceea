/**
 * Reading back what vardavtal wrote: a year's result (`vardavtal-result/1`) and an a-conto plan
 * (`vardavtal-acconto/1`), for the final settlement. Only the fields the settlement needs are
 * checked (more fields are welcome); money is parsed exactly. Every file's digest is checked first
 * (contracts/digest.ts): a file changed after it was written is refused (RESULT_EDITED), and so is
 * one without a digest (RESULT_NO_DIGEST); behind it, a result whose flows do not give its net
 * positions is refused too.
 */
import * as z from "zod";
import { formatOre, parseMoney } from "../core/model/decimal.js";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { checkDigest, DIGEST_FIELD } from "./digest.js";
import { DiagnosticBag, type Localized, type Location } from "../core/model/diagnostics.js";
import { phrase, type Phrase } from "../core/model/phrases.js";
import { MAX_JSON_DEPTH, MAX_PARTIES } from "../core/model/limits.js";
import { COMPONENTS, type Component } from "../core/model/calculate.js";
import type { BaseResult } from "../core/year/proposal.js";
import type { PaidItem, PartyNames, SettlementResult } from "../core/year/settlement.js";
import { formatPath, type Decision } from "../core/model/tariff-compile.js";
import { issueReason, jsonErrorReason, reasonOf } from "../core/model/tariff-reasons.js";
import { jsonTooDeep } from "../core/model/json-depth.js";
import { scenarioTexts } from "../core/analysis/compare.js";

const money = z.string().regex(/^-?\d{1,16}\.\d{2}$/, { message: 'expected an amount as a string with two decimals, e.g. "1234.50"' });
const party = z.string().min(1).max(64);

const resultFile = z.object({
  format: z.literal("vardavtal-result/1"),
  year: z.number().int().min(1900).max(2999),
  parties: z.array(party).min(1).max(MAX_PARTIES),
  flows: z.array(z.object({ payer: party, payee: party, amount: money, component: z.enum(COMPONENTS).optional(), label: z.string().nullable().optional() })),
  net: z.array(z.object({ party, amount: money })),
  forecast: z.object({ through: z.string(), factor: z.string().optional() }).optional(),
  // a what-if scenario (calculate --set/--scenario): read only to refuse it where the decided year is needed
  scenario: z.unknown().optional(),
  netting: z.enum(["bilateral", "multilateral"]).optional(),
  partyNames: z.array(z.object({ id: party, name: z.string().max(4000).optional(), aliases: z.array(z.string().max(4000)).max(100).optional() })).optional(),
  tariffStatus: z.enum(["decided", "proposal", "illustrative"]).optional(),
  decision: z.object({ body: z.string().max(4000), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), paragraph: z.string().max(4000), reference: z.string().max(4000).optional() }).nullable().optional(),
  pairs: z.array(z.object({ seller: party, buyer: party, value: z.object({ fixed_variable: z.string().regex(/^-?\d{1,20}\.\d{2,8}$/, { message: "expected an exact value with 2 to 8 decimals" }) }) })).optional(),
});

const value = z.string().regex(/^-?\d{1,20}\.\d{2,8}$/, { message: "expected an exact value with 2 to 8 decimals" });
const flowDetail = z.object({ payer: party, payee: party, component: z.enum(COMPONENTS), label: z.string().nullable(), amount: money });

/**
 * The fields of a result a comparison reads beside those the settlement reads: what each flow is,
 * and (when present) the inputs behind them: the key, the fixed share, each pair's reference and
 * consumption value, each area's consumption, the splits and the grants by decided amounts.
 */
const resultDetail = z.object({
  title: z.string().max(4000).optional(),
  flows: z.array(flowDetail),
  key: z.array(z.object({ party, population: z.number().int().min(0).optional(), share: z.string().regex(/^\d+(\.\d+)?$/) })).optional(),
  keyBasis: z.enum(["population", "fixed"]).optional(),
  fixedShare: z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/).optional(),
  forecast: z.object({ through: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), factor: z.string().optional() }).optional(),
  pairs: z.array(z.object({ seller: party, buyer: party, reference: money.nullable().optional(), total: money.optional(), value: z.object({ fixed_variable: value, unit_price: value.optional(), excluded: value.optional(), fixed_only: value.optional() }) })).optional(),
  areas: z.array(z.object({ area: z.string().min(1).max(4000), seller: party, buyer: party, model: z.enum(["fixed_variable", "unit_price", "excluded", "fixed_only"]), rows: z.number().int().min(0), value, valueToDate: value.optional() })).optional(),
  splits: z.array(z.object({ kind: z.enum(["solidarity", "fixed_only", "grant"]), label: z.string(), host: party, total: money })).optional(),
  grants: z.array(z.object({ name: z.string(), recipient: party, amount: money, basis: z.enum(["key", "amounts"]) })).optional(),
  scenario: z
    .object({
      set: z.array(z.object({ path: z.string(), value: z.string(), target: z.string().optional(), was: z.string().optional() })),
      // a file of an earlier version named only the scenario file
      patch: z.union([z.string().transform((file) => ({ file, content: null as unknown, changed: [] as string[] })), z.object({ file: z.string(), sha256: z.string().optional(), content: z.unknown(), changed: z.array(z.string()) })]).optional(),
      changed: z.array(z.string()).default([]),
    })
    .optional(),
});

export type ResultDetail = z.infer<typeof resultDetail>;

const accontoFile = z.object({
  format: z.literal("vardavtal-acconto/1"),
  year: z.number().int().min(1900).max(2999),
  parties: z.array(party).min(1).max(MAX_PARTIES),
  lines: z.array(z.object({ payer: party, payee: party, component: z.enum(COMPONENTS), label: z.string().nullable(), annual: money, months: z.array(money).length(12) })),
});

export interface ReadResult extends SettlementResult {
  /** present when the result is a forecast (settled only as a forecast of the settlement) */
  forecastThrough?: string;
  /** each party's id, name and aliases, when the result names them (for payments files) */
  partyNames?: PartyNames[];
  /** the status of the tariff the result was computed from, when it was not decided */
  tariffStatus?: "decided" | "proposal" | "illustrative";
  /** the decision of the tariff (null: it names none; absent: a file of an earlier version) */
  decision?: Decision | null;
  /** present when the result is a what-if scenario (calculate --set/--scenario), never the decided year */
  scenario?: true;
}

/** Where an offset of a text is, as file:line:column. */
function locationOf(text: string, offset: number, file: string): Location {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { file, line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

function parseJson(text: string, file: string, what: string, bag: DiagnosticBag): { value: unknown; root: Node; body: string } | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // the syntax error's place and kind from the same JSON parser the tariff is read with, in both languages
  const deep = jsonTooDeep(body);
  if (deep !== undefined) {
    bag.error("RESULT_FILE", { what, reason: phrase("too_deep", { max: MAX_JSON_DEPTH }) }, locationOf(body, deep, file));
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || root === undefined) {
    bag.error("RESULT_FILE", { what, reason: first ? jsonErrorReason(printParseErrorCode(first.error)) : reasonOf("empty_file") }, first ? locationOf(body, first.offset, file) : { file, line: 1, column: 1 });
    return undefined;
  }
  return { value: JSON.parse(body) as unknown, root, body };
}

/** The command that writes each format, for the message that asks for a file to be recomputed. */
const WRITER: Record<string, string> = {
  "vardavtal-result/1": "calculate --json",
  "vardavtal-acconto/1": "acconto --json",
  "vardavtal-settlement/1": "settle --json",
  "vardavtal-comparison/1": "compare --json",
  "vardavtal-overview/1": "overview --json",
};

/**
 * The digest of a file of the format being read (contracts/digest.ts): a file without one, or whose
 * content no longer gives it (changed by hand after it was written), is refused. A file of another
 * format is left to the schema, which names the format it expected.
 */
function digestHolds(read: { value: unknown; root: Node; body: string }, file: string, what: string, bag: DiagnosticBag): boolean {
  const v = read.value;
  if (typeof v !== "object" || v === null || Array.isArray(v) || (v as { format?: unknown }).format !== what) return true;
  const state = checkDigest(v as Record<string, unknown>);
  if (state.state === "ok") return true;
  const params = { what, file, command: WRITER[what] ?? "vardavtal" };
  if (state.state === "missing") {
    bag.error("RESULT_NO_DIGEST", params, { file, line: 1, column: 1 });
    return false;
  }
  const node = findNodeAtLocation(read.root, [DIGEST_FIELD]);
  bag.error("RESULT_EDITED", params, node ? locationOf(read.body, node.offset, file) : { file, line: 1, column: 1 });
  return false;
}

/** A reason at a path of the file: "$.flows[0].amount: …" in both languages. */
function at(path: (string | number)[], reason: Phrase | Localized): Phrase | Localized {
  const p = formatPath(path);
  if ("phrase" in reason) return phrase("at_path", { path: p, reason });
  return { sv: `${p}: ${reason.sv}`, en: `${p}: ${reason.en}` };
}

function schemaErrors(error: z.ZodError, value: unknown, file: string, what: string, bag: DiagnosticBag): void {
  for (const issue of error.issues.slice(0, 20)) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    let v: unknown = value;
    let found = true;
    for (const p of path) {
      found = typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, p);
      if (!found) break;
      v = (v as Record<string | number, unknown>)[p];
    }
    bag.error("RESULT_FILE", { what, reason: at(path, issueReason(issue, found ? { found, value: v } : { found })) }, { file, line: 1, column: 1 });
  }
}

/** A file vardavtal wrote: JSON of the given schema, or its problems reported. */
export function readFile<T>(text: string, file: string, what: string, schema: z.ZodType<T>, bag: DiagnosticBag): T | undefined {
  const read = parseJson(text, file, what, bag);
  if (read === undefined) return undefined;
  if (!digestHolds(read, file, what, bag)) return undefined;
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) {
    schemaErrors(parsed.error, read.value, file, what, bag);
    return undefined;
  }
  return parsed.data;
}

/** A year's result file, checked: parties known, Σ net = 0, and the flows give the net positions. */
export function readResultJson(text: string, file: string, bag: DiagnosticBag): ReadResult | undefined {
  return checkResult(readFile(text, file, "vardavtal-result/1", resultFile, bag), file, bag);
}

function checkResult(r: z.infer<typeof resultFile> | undefined, file: string, bag: DiagnosticBag): ReadResult | undefined {
  const what = "vardavtal-result/1";
  if (!r) return undefined;
  const index = new Map(r.parties.map((p, i) => [p, i]));
  const known = (p: string, path: (string | number)[]): number | undefined => {
    const i = index.get(p);
    if (i === undefined) bag.error("RESULT_FILE", { what, reason: at(path, { sv: `"${p}" är inte en av resultatets parter`, en: `"${p}" is not among the result's parties` }) }, { file, line: 1, column: 1 });
    return i;
  };
  const flows: SettlementResult["flows"] = [];
  r.flows.forEach((f, k) => {
    const payer = known(f.payer, ["flows", k, "payer"]);
    const payee = known(f.payee, ["flows", k, "payee"]);
    if (payer !== undefined && payee !== undefined) flows.push({ payer, payee, amount: parseMoney(f.amount) ?? 0n, ...(f.component ? { component: f.component, label: f.label ?? null } : {}) });
  });
  const net = r.parties.map(() => 0n);
  r.net.forEach((n, k) => {
    const i = known(n.party, ["net", k, "party"]);
    if (i !== undefined) net[i] = parseMoney(n.amount) ?? 0n;
  });
  if (bag.hasErrors) return undefined;
  const fromFlows = r.parties.map(() => 0n);
  for (const f of flows) {
    fromFlows[f.payee] = (fromFlows[f.payee] as bigint) + f.amount;
    fromFlows[f.payer] = (fromFlows[f.payer] as bigint) - f.amount;
  }
  const off = net.findIndex((v, i) => v !== fromFlows[i]);
  if (off >= 0) {
    bag.error("RESULT_FILE", { what, reason: {
          sv: `nettopositionen för ${r.parties[off]} (${formatOre(net[off] as bigint)}) är inte vad dess flöden ger (${formatOre(fromFlows[off] as bigint)}): filen har ändrats efter att den skrevs`,
          en: `the net position of ${r.parties[off]} (${formatOre(net[off] as bigint)}) is not what its flows give (${formatOre(fromFlows[off] as bigint)}): the file was changed after it was written`,
        },
      }, { file, line: 1, column: 1 });
    return undefined;
  }
  const names = new Map((r.partyNames ?? []).map((p) => [p.id, p]));
  return {
    year: r.year,
    parties: r.parties,
    flows,
    net,
    netting: r.netting ?? "bilateral",
    partyNames: r.parties.map((id) => ({ id, ...(names.get(id)?.name !== undefined ? { name: names.get(id)?.name } : {}), aliases: names.get(id)?.aliases ?? [] })),
    ...(r.forecast ? { forecastThrough: r.forecast.through, forecast: { through: r.forecast.through, ...(r.forecast.factor ? { factor: r.forecast.factor } : {}) } } : {}),
    ...(r.tariffStatus ? { tariffStatus: r.tariffStatus } : {}),
    ...(r.decision !== undefined ? { decision: decisionOf(r.decision) } : {}),
    ...(r.scenario !== undefined && r.scenario !== null ? { scenario: true as const } : {}),
  };
}

/** A decision as read (zod leaves an absent reference out of the type's optionality). */
function decisionOf(d: { body: string; date: string; paragraph: string; reference?: string | undefined } | null): Decision | null {
  return d ? { body: d.body, date: d.date, paragraph: d.paragraph, ...(d.reference !== undefined ? { reference: d.reference } : {}) } : null;
}

/**
 * A result with what each flow is and the figures behind them (for a comparison): checked as
 * readResultJson checks it, and every party named in the detail is among the result's parties.
 */
export function readResultDetail(text: string, file: string, bag: DiagnosticBag): { result: ReadResult; detail: ResultDetail } | undefined {
  const data = readFile(text, file, "vardavtal-result/1", resultFile.extend(resultDetail.shape), bag);
  const result = checkResult(data, file, bag);
  if (!data || !result) return undefined;
  const known = new Set(result.parties);
  const named = [...(data.key ?? []).map((k) => k.party), ...(data.pairs ?? []).flatMap((p) => [p.seller, p.buyer]), ...(data.areas ?? []).flatMap((a) => [a.seller, a.buyer]), ...(data.splits ?? []).map((s) => s.host), ...(data.grants ?? []).map((g) => g.recipient)];
  const unknown = named.find((p) => !known.has(p));
  if (unknown !== undefined) {
    bag.error("RESULT_FILE", { what: "vardavtal-result/1", reason: { sv: `"${unknown}" är inte en av resultatets parter`, en: `"${unknown}" is not among the result's parties` } }, { file, line: 1, column: 1 });
    return undefined;
  }
  return { result, detail: data };
}

/** A payment as planned: the plan line's component and label say what it is for; its months are kept. */
export interface PlannedPayment extends PaidItem {
  component: Component;
  label: string | null;
  months: bigint[];
}

/**
 * An a-conto plan file as payments "paid as planned": each line's annual amount, payer → payee,
 * with its component, label and twelve months. `source` is the index the settlement gives it.
 */
export function readAccontoJson(text: string, file: string, result: ReadResult, bag: DiagnosticBag, source = 0): { year: number; payments: PlannedPayment[] } | undefined {
  const what = "vardavtal-acconto/1";
  const plan = readFile(text, file, what, accontoFile, bag);
  if (!plan) return undefined;
  const index = new Map(result.parties.map((p, i) => [p, i]));
  const payments: PlannedPayment[] = [];
  plan.lines.forEach((l, k) => {
    const payer = index.get(l.payer);
    const payee = index.get(l.payee);
    if (payer === undefined || payee === undefined) {
      bag.error("RESULT_FILE", { what, reason: at(["lines", k], { sv: `${payer === undefined ? l.payer : l.payee} är inte en av resultatets parter (${result.parties.join(", ")})`, en: `${payer === undefined ? l.payer : l.payee} is not among the result's parties (${result.parties.join(", ")})` }) }, { file, line: 1, column: 1 });
      return;
    }
    const annual = parseMoney(l.annual) ?? 0n;
    const months = l.months.reduce((a, m) => a + (parseMoney(m) ?? 0n), 0n);
    if (months !== annual) {
      bag.error("RESULT_FILE", { what, reason: at(["lines", k], { sv: `månaderna summerar till ${formatOre(months)}, inte årsbeloppet ${formatOre(annual)}: filen har ändrats efter att den skrevs`, en: `the months sum to ${formatOre(months)}, not the annual ${formatOre(annual)}: the file was changed after it was written` }) }, { file, line: 1, column: 1 });
      return;
    }
    payments.push({ payer, payee, amount: annual, component: l.component, label: l.label, months: l.months.map((m) => parseMoney(m) ?? 0n), source });
  });
  return { year: plan.year, payments };
}

const settlementFile = z.object({
  format: z.literal("vardavtal-settlement/1"),
  year: z.number().int().min(1900).max(2999),
  forecast: z.object({ through: z.string() }).nullable().optional(),
  lines: z.array(z.object({ payer: party, payee: party, component: z.enum(COMPONENTS).nullable(), label: z.string().nullable().optional(), due: money })).optional(),
  pairs: z.array(z.object({ payer: party, payee: party, due: money })),
});

/**
 * An earlier settlement of the same year (`vardavtal-settlement/1`) as a paid source: everything
 * it found due counts as paid, per payer→payee and component (a settlement written before v3 has
 * no lines: its pairs' due count, with no component). A forecast settlement is not a settlement
 * of what was due, and is refused.
 */
export function readSettlementJson(text: string, file: string, result: ReadResult, bag: DiagnosticBag, source = 0): { year: number; payments: PaidItem[] } | undefined {
  const what = "vardavtal-settlement/1";
  const s = readFile(text, file, what, settlementFile, bag);
  if (!s) return undefined;
  if (s.forecast) {
    bag.error("RESULT_FILE", { what, reason: at(["forecast"], { sv: `slutregleringen är en prognos (till och med ${s.forecast.through}), inte en slutreglering av det som var att betala`, en: `the settlement is a forecast (through ${s.forecast.through}), not a settlement of what was due` }) }, { file, line: 1, column: 1 });
    return undefined;
  }
  const index = new Map(result.parties.map((p, i) => [p, i]));
  const payments: PaidItem[] = [];
  const rows: { payer: string; payee: string; component: Component | null; due: string }[] = s.lines ?? s.pairs.map((p) => ({ ...p, component: null }));
  rows.forEach((l, k) => {
    const payer = index.get(l.payer);
    const payee = index.get(l.payee);
    if (payer === undefined || payee === undefined) {
      bag.error("RESULT_FILE", { what, reason: at([s.lines ? "lines" : "pairs", k], { sv: `${payer === undefined ? l.payer : l.payee} är inte en av resultatets parter (${result.parties.join(", ")})`, en: `${payer === undefined ? l.payer : l.payee} is not among the result's parties (${result.parties.join(", ")})` }) }, { file, line: 1, column: 1 });
      return;
    }
    const due = parseMoney(l.due) ?? 0n;
    if (due !== 0n && payer !== payee) payments.push({ payer, payee, amount: due, component: l.component, label: null, source });
  });
  return { year: s.year, payments };
}

/**
 * A result as a base year of a proposal: its year and the fixed_variable value per pair
 * (10⁻⁸ SEK), with the result's parties matched to the tariff's by id.
 */
export function readBaseResult(text: string, file: string, partyIds: readonly string[], bag: DiagnosticBag): BaseResult | undefined {
  const what = "vardavtal-result/1";
  const data = readFile(text, file, what, resultFile.extend({ scenario: resultDetail.shape.scenario }), bag);
  const checked = checkResult(data, file, bag);
  if (!data || !checked) return undefined;
  if (!data.pairs) {
    bag.error("RESULT_FILE", { what, reason: at(["pairs"], { sv: "saknas (ett förslag behöver varje pars värde)", en: "missing (a proposal needs each pair's value)" }) }, { file, line: 1, column: 1 });
    return undefined;
  }
  const index = new Map(partyIds.map((p, i) => [p, i]));
  const n = partyIds.length;
  const values = new Map<number, bigint>();
  data.pairs.forEach((p, k) => {
    const s = index.get(p.seller);
    const b = index.get(p.buyer);
    if (s === undefined || b === undefined) {
      bag.error("RESULT_FILE", { what, reason: at(["pairs", k], { sv: `${s === undefined ? p.seller : p.buyer} är inte en part i tariffen (${partyIds.join(", ")})`, en: `${s === undefined ? p.seller : p.buyer} is not a party of the tariff (${partyIds.join(", ")})` }) }, { file, line: 1, column: 1 });
      return;
    }
    const [int, frac = ""] = p.value.fixed_variable.split(".");
    const units = BigInt(`${int}${frac.padEnd(8, "0")}`.replace(/^(-?)0+(?=\d)/, "$1"));
    values.set(s * n + b, units);
  });
  return { file, year: checked.year, ...(checked.forecastThrough ? { forecastThrough: checked.forecastThrough } : {}), ...(data.scenario ? { scenario: scenarioTexts(data.scenario) } : {}), values };
}
