/**
 * The result model as `vardavtal-result/1` (formats.md): money as strings with two decimals,
 * shares as decimal strings with 15 decimals (exact when they terminate), plus extra fields.
 */
import { VALUE_UNITS_PER_ORE, formatOre, formatRational, formatValueSek, roundHalfAwayFromZero, shareText } from "../core/model/decimal.js";
import { type Diagnostic } from "../core/model/diagnostics.js";
import type { CalculationResult } from "../core/model/calculate.js";
import type { Decision } from "../core/model/tariff.js";
import { areaCells } from "../core/model/consumption.js";
import { type ScenarioRecord } from "../core/analysis/scenario-record.js";
import { hintText, messageText } from "../text/diagnostics.js";
import { withDigest } from "./digest.js";

/** The `format` field of a result JSON (`resultToJson`, `calculate --json`): `"vardavtal-result/1"`. */
export const RESULT_FORMAT = "vardavtal-result/1";

/**
 * One input file as a result records it (`inputs` in the JSON, the workbook's parameter sheet):
 * its role, name, size, SHA-256 and how it was read, so that a result can be traced to its inputs.
 */
export interface InputFileInfo {
  role: "tariff" | "consumption" | "population" | "costs" | "result" | "payments" | "scenario";
  file: string;
  sha256: string;
  bytes: number;
  encoding?: string;
  delimiter?: string;
  bom?: boolean;
  rows?: number;
  /** how the file was read: "fast", "general", or "general (why the fast reader handed over)" */
  reader?: string;
}

/** What `resultToJson` records besides the result: the tool, the input files and the time of the run (all optional). */
export interface ResultMeta {
  tool?: { name: string; version: string };
  inputs?: InputFileInfo[];
  /** ISO timestamp; omit it for a byte-identical result on every run */
  generatedAt?: string;
  /** a scenario: what was set (the result says it is one) */
  scenario?: ScenarioRecord;
}

/** A warning in the result: its code, both texts, where it points and its hint (when there is one). */
export function warningJson(d: Diagnostic) {
  const hint = hintText(d, "en");
  return {
    code: d.code,
    message: messageText(d, "en"),
    meddelande: messageText(d, "sv"),
    ...(d.file !== undefined ? { file: d.file, line: d.line ?? 1, column: d.column ?? 1 } : {}),
    ...(hint !== undefined ? { hint, tips: hintText(d, "sv") } : {}),
  };
}

/** A tariff's decision as the JSON files carry it (`decision`): the tariff's four fields, or null. */
export function decisionJson(d: Decision | undefined): { body: string; date: string; paragraph: string; reference?: string } | null {
  return d ? { body: d.body, date: d.date, paragraph: d.paragraph, ...(d.reference !== undefined ? { reference: d.reference } : {}) } : null;
}

export function resultToJson(r: CalculationResult, meta: ResultMeta = {}) {
  const id = (i: number): string => r.parties[i]?.id ?? String(i);
  // A forecast's consumption values are written as full-year values, scaled like its flows (the
  // factor applied exactly, then rounded half away from zero to 10⁻⁸ kr); the values to date are
  // kept beside them (`valueToDate`), so a proposal or a comparison takes like for like.
  const cf = r.forecast?.factor;
  const full = (v: bigint): bigint => (cf ? roundHalfAwayFromZero(v * cf.num, cf.den) : v);
  return withDigest({
    format: RESULT_FORMAT,
    year: r.year,
    title: r.title,
    ...(r.tariff.file.status ? { tariffStatus: r.tariff.file.status } : {}),
    ...(meta.scenario ? { scenario: meta.scenario } : {}),
    parties: r.parties.map((p) => p.id),
    // names and aliases, so that a payments file read against the result matches them as every input does
    partyNames: r.parties.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases })),
    key: r.parties.map((p, i) => ({
      party: p.id,
      ...(r.key.population ? { population: Number(r.key.population[i]) } : {}),
      share: shareText(r.key.weights[i] ?? 0n, r.key.totalWeight),
    })),
    keyBasis: r.key.basis,
    keySource: r.key.basis === "fixed" ? "tariff" : r.key.populationSource?.kind === "file" ? `population-file:${r.key.populationSource.file}` : "tariff",
    fixedShare: r.tariff.fixedShareText,
    flows: r.flows.map((f) => ({ payer: id(f.payer), payee: id(f.payee), component: f.component, label: f.label, amount: formatOre(f.amount) })),
    net: r.net.map((v, i) => ({ party: id(i), amount: formatOre(v) })),
    netting: r.netting,
    transfers: r.transfers.map((t) => ({ payer: id(t.payer), payee: id(t.payee), amount: formatOre(t.amount) })),
    skipped: { otherYear: r.skipped.otherYear, ownRegion: r.skipped.ownRegion, ...(r.forecast ? { afterThrough: r.skipped.afterThrough } : {}) },
    ...(r.forecast ? { forecast: { through: r.forecast.through, factor: `${r.forecast.factor.num}/${r.forecast.factor.den}`, daysInYear: r.forecast.daysInYear, daysThrough: r.forecast.daysThrough } } : {}),
    // who decided the tariff, when and under which paragraph; null when it names no decision
    decision: decisionJson(r.tariff.decision),
    rows: { read: r.consumption.rowsRead, counted: r.consumption.rowsCounted },
    componentTotals: Object.fromEntries(Object.entries(r.componentTotals).map(([k, v]) => [k, formatOre(v)])),
    pairs: r.pairs.map((p) => ({
      seller: id(p.seller),
      buyer: id(p.buyer),
      reference: p.reference === undefined ? null : formatOre(p.reference),
      fixed: formatOre(p.fixed),
      value: Object.fromEntries(Object.entries(p.value).map(([m, v]) => [m, formatValueSek(full(v))])),
      ...(cf ? { valueToDate: Object.fromEntries(Object.entries(p.value).map(([m, v]) => [m, formatValueSek(v)])) } : {}),
      variable: formatOre(p.variable),
      unitPrice: formatOre(p.unitPrice),
      total: formatOre(p.total),
    })),
    areas: areaCells(r.consumption, r.parties.length).map((c) => ({
      area: c.area.area,
      seller: id(c.seller),
      buyer: id(c.buyer),
      model: c.model,
      rows: c.rows,
      value: formatValueSek(full(c.value)),
      valueRounded: formatOre(roundHalfAwayFromZero(full(c.value), VALUE_UNITS_PER_ORE)),
      ...(cf ? { valueToDate: formatValueSek(c.value) } : {}),
    })),
    splits: r.splits.map((s) => ({
      kind: s.kind,
      label: s.label,
      host: id(s.host),
      total: formatOre(s.total),
      parts: s.parts.map((p, i) => ({ party: id(i), exact: formatRational({ num: p.exact.num, den: p.exact.den * 100n }, 2, 10), base: formatOre(p.base), extra: formatOre(p.extra), amount: formatOre(p.amount) })),
    })),
    grants: [
      ...r.splits.filter((s) => s.kind === "grant").map((s) => ({ name: s.label, recipient: id(s.host), amount: formatOre(s.total), basis: "key", passedOn: formatOre(s.total - (s.parts[s.host]?.amount ?? 0n)), retained: formatOre(s.parts[s.host]?.amount ?? 0n) })),
      ...r.grantAmounts.map((g) => ({ name: g.label, recipient: id(g.recipient), amount: formatOre(g.total), basis: "amounts", passedOn: formatOre(g.total - g.retained), retained: formatOre(g.retained) })),
    ],
    checks: r.checks.map((c) => ({ id: c.id, holds: c.holds, figures: c.figures })),
    warnings: r.warnings.map(warningJson),
    ...(meta.tool ? { tool: meta.tool } : {}),
    ...(meta.inputs ? { inputs: meta.inputs } : {}),
    ...(meta.generatedAt ? { generatedAt: meta.generatedAt } : {}),
  });
}
