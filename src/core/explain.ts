/**
 * Where a figure comes from: the chain behind one flow or net position of a checked result, read
 * from the result model itself (never a second calculation): the rows counted per area with their
 * counts and values, the point prices and their dates, the care rule that chose the model, the
 * share applied, the exact value before rounding and the rounding step, the largest-remainder öre,
 * and the tariff values' `source` texts. `explainFlow` answers one figure ("RJL>RÖ variable",
 * "RKL>RÖ solidarity RCC", "net RKL"); `explainAll` gives the chain of every flow, for a report.
 */
import { COMPONENTS, type CalculationResult, type Component, type Flow } from "./calculate.js";
import { areaCells } from "./consumption.js";
import { formatOre, formatRational, rational, type Rational } from "./decimal.js";
import { moneyText, type Diagnostic } from "./diagnostics.js";
import type { Lang } from "./messages.js";
import { areaKey } from "./names.js";
import { formatValueSek } from "./result-json.js";

/** One step of the chain: its text in the language asked for, and how deep it sits. */
export interface ExplainLine {
  depth: number;
  text: string;
}

export interface Explanation {
  /** the figure explained, e.g. "RJL → RÖ rörlig ersättning" */
  title: string;
  /** the figure, öre */
  amount: bigint;
  lines: ExplainLine[];
}

const W = {
  flow: ["{payer} betalar {payee}: {component}{label}", "{payer} pays {payee}: {component}{label}"],
  net: ["Nettoposition {party} = det parten får − det parten betalar", "Net position {party} = what the party receives − what it pays"],
  receives: ["får {amount} kr: {flow}", "receives {amount}: {flow}"],
  pays: ["betalar {amount} kr: {flow}", "pays {amount}: {flow}"],
  total: ["summa {amount} kr", "total {amount}"],
  reference: ["referensbelopp {seller}→{buyer}: {amount} kr", "reference amount {seller}→{buyer}: {amount}"],
  noReference: ["inget referensbelopp för {seller}→{buyer}", "no reference amount for {seller}→{buyer}"],
  fixedShare: ["fast andel: {share}", "fixed share: {share}"],
  variableShare: ["rörlig andel: 1 − {share}", "variable share: 1 − {share}"],
  area: ["{area}: {rows} rader, värde {value} kr (regel: {rule})", "{area}: {rows} rows, value {value} (rule: {rule})"],
  ruleNone: ["ingen vårdregel, alltså fast och rörlig", "no care rule, so fixed and variable"],
  ruleIs: ["careRules: \"{area}\"{sellers} → {model}", "careRules: \"{area}\"{sellers} → {model}"],
  sum: ["konsumtion {model} {seller}→{buyer}: {value} kr", "consumption {model} {seller}→{buyer}: {value}"],
  prices: ["poängpriser {seller}: {list}", "point prices {seller}: {list}"],
  forecast: ["prognos: konsumtionen × {factor} (t.o.m. {through})", "forecast: consumption × {factor} (through {through})"],
  exact: ["exakt: {exact} kr", "exact: {exact}"],
  rounded: ["avrundat till öre (halva bort från noll): {amount} kr", "rounded to the öre (half away from zero): {amount}"],
  split: ["{kind} {label}: {total} kr fördelas med nyckeln ({basis}), värd {host}", "{kind} {label}: {total} split by the key ({basis}), host {host}"],
  keyShare: ["{party}s andel: {share}", "{party}'s share: {share}"],
  floor: ["golv: {base} kr; största rest: {extra} öre till {party}", "floor: {base}; largest remainder: {extra} öre to {party}"],
  decided: ["beslutat belopp {party}: {amount} kr", "decided amount {party}: {amount}"],
  source: ["källa: {source}", "source: {source}"],
} as const;

type Key = keyof typeof W;

export function explainAll(r: CalculationResult, lang: Lang): Explanation[] {
  return r.flows.map((f) => explainOne(r, f, lang));
}

/**
 * The chain behind one figure, named as "PAYER>PAYEE COMPONENT [LABEL]" or "net PARTY" (party ids
 * or aliases; components as in the result: fixed, variable, unit_price, fixed_only, solidarity,
 * grant). A name that matches nothing is an EXPLAIN_FLOW error (returned, not thrown).
 */
export function explainFlow(r: CalculationResult, spec: string, lang: Lang): Explanation | Diagnostic {
  const fail = (reason: [string, string]): Diagnostic => ({ severity: "error", code: "EXPLAIN_FLOW", params: { text: spec, reason_sv: reason[0], reason_en: reason[1] }, file: "FLOW", line: 1, column: 1 });
  const party = (t: string): number | undefined => r.tariff.resolveParty(t);
  const net = /^\s*(?:net|netto)\s+(.+?)\s*$/i.exec(spec);
  if (net) {
    const p = party(net[1] as string);
    if (p === undefined) return fail([`"${net[1]}" är inte en part`, `"${net[1]}" is not a party`]);
    return explainNet(r, p, lang);
  }
  const m = /^\s*(.+?)\s*(?:>|→|->)\s*(\S+)\s+(\S+)\s*(.*?)\s*$/.exec(spec);
  if (!m) return fail(["skriv BETALARE>MOTTAGARE KOMPONENT [AVSER] eller net PART", "write PAYER>PAYEE COMPONENT [LABEL] or net PARTY"]);
  const payer = party(m[1] as string);
  const payee = party(m[2] as string);
  if (payer === undefined || payee === undefined) return fail([`"${payer === undefined ? m[1] : m[2]}" är inte en part`, `"${payer === undefined ? m[1] : m[2]}" is not a party`]);
  const component = m[3] as Component;
  if (!COMPONENTS.includes(component)) return fail([`komponenten är en av ${COMPONENTS.join(", ")}`, `the component is one of ${COMPONENTS.join(", ")}`]);
  const label = m[4] ?? "";
  const flow = r.flows.find((f) => f.payer === payer && f.payee === payee && f.component === component && areaKey(f.label ?? "") === areaKey(label));
  if (!flow) {
    const there = r.flows.filter((f) => f.payer === payer && f.payee === payee).map((f) => `${f.component}${f.label ? ` ${f.label}` : ""}`);
    return fail([`flöden ${r.parties[payer]?.id}>${r.parties[payee]?.id}: ${there.join(", ") || "inga"}`, `flows ${r.parties[payer]?.id}>${r.parties[payee]?.id}: ${there.join(", ") || "none"}`]);
  }
  return explainOne(r, flow, lang);
}

function words(lang: Lang) {
  const L = lang === "sv" ? 0 : 1;
  return (k: Key, params: Record<string, string | number> = {}): string => W[k][L].replace(/\{(\w+)\}/g, (m, p: string) => (params[p] === undefined ? m : String(params[p])));
}

const COMPONENT_WORDS: Record<Component, [string, string]> = {
  fixed: ["fast ersättning", "fixed"],
  variable: ["rörlig ersättning", "variable"],
  unit_price: ["styckpris", "unit price"],
  fixed_only: ["endast fast ersättning", "fixed only"],
  solidarity: ["solidarisk finansiering", "solidarity"],
  grant: ["statsbidrag", "state grant"],
};

function flowTitle(r: CalculationResult, f: Flow, lang: Lang): string {
  return words(lang)("flow", { payer: r.parties[f.payer]?.id ?? "", payee: r.parties[f.payee]?.id ?? "", component: COMPONENT_WORDS[f.component][lang === "sv" ? 0 : 1], label: f.label ? ` ${f.label}` : "" });
}

function explainNet(r: CalculationResult, p: number, lang: Lang): Explanation {
  const w = words(lang);
  const money = (o: bigint): string => moneyText(o, lang);
  const lines: ExplainLine[] = [];
  for (const f of r.flows) {
    if (f.payee === p) lines.push({ depth: 1, text: w("receives", { amount: money(f.amount), flow: flowTitle(r, f, lang) }) });
    if (f.payer === p) lines.push({ depth: 1, text: w("pays", { amount: money(f.amount), flow: flowTitle(r, f, lang) }) });
  }
  lines.push({ depth: 0, text: w("total", { amount: money(r.net[p] ?? 0n) }) });
  return { title: w("net", { party: r.parties[p]?.id ?? "" }), amount: r.net[p] ?? 0n, lines };
}

function explainOne(r: CalculationResult, f: Flow, lang: Lang): Explanation {
  const w = words(lang);
  const id = (i: number): string => r.parties[i]?.id ?? String(i);
  const money = (o: bigint): string => moneyText(o, lang);
  const comma = (t: string): string => (lang === "sv" ? t.replace(".", ",") : t);
  const exactOre = (x: Rational): string => comma(formatRational({ num: x.num, den: x.den * 100n }, 2, 10));
  const shareText = (x: Rational): string => comma(formatRational(x, 2, 15));
  const valueText = (v: bigint): string => comma(formatValueSek(v));
  const lines: ExplainLine[] = [];
  const push = (depth: number, k: Key, params: Record<string, string | number> = {}): void => void lines.push({ depth, text: w(k, params) });
  const source = (depth: number, s: string | undefined): void => {
    if (s) push(depth, "source", { source: s });
  };
  const fs = r.fixedShare;
  const fsSource = r.tariff.file.sources?.fixedShare ?? r.source;
  const seller = f.payee;
  const buyer = f.payer;
  const pair = r.pairs.find((p) => p.seller === seller && p.buyer === buyer);

  if (f.component === "fixed" && pair) {
    const ref = r.tariff.references.find((x) => x.seller === seller && x.buyer === buyer);
    push(0, "reference", { seller: id(seller), buyer: id(buyer), amount: money(pair.reference ?? 0n) });
    source(1, ref?.source);
    push(0, "fixedShare", { share: comma(r.tariff.fixedShareText) });
    source(1, fsSource);
    push(0, "exact", { exact: exactOre(rational(fs.num * (pair.reference ?? 0n), fs.den)) });
  } else if ((f.component === "variable" || f.component === "unit_price") && pair) {
    const model = f.component === "variable" ? "fixed_variable" : "unit_price";
    for (const c of areaCells(r.consumption, r.parties.length).filter((c) => c.seller === seller && c.buyer === buyer && c.model === model)) {
      const rule = r.tariff.careRules.find((x) => x.areaKey === c.area.key && (!x.sellers || x.sellers.includes(seller)));
      const ruleText = rule ? w("ruleIs", { area: rule.area, sellers: rule.sellers ? ` [${rule.sellers.map(id).join(", ")}]` : "", model: rule.model }) : w("ruleNone");
      push(0, "area", { area: c.area.area, rows: c.rows, value: valueText(c.value), rule: ruleText });
      source(1, rule?.source);
    }
    const prices = r.tariff.pointPrices[seller] ?? [];
    if (prices.length > 0) {
      push(0, "prices", { seller: id(seller), list: prices.map((p) => `${p.validFrom} ${money(p.price)}`).join("; ") });
      for (const p of prices) source(1, p.source);
    }
    const value = pair.value[model];
    push(0, "sum", { model, seller: id(seller), buyer: id(buyer), value: valueText(value) });
    const cf = r.forecast?.factor ?? rational(1n, 1n);
    if (r.forecast) push(0, "forecast", { factor: `${cf.num}/${cf.den}`, through: r.forecast.through });
    if (f.component === "variable") {
      push(0, "variableShare", { share: comma(r.tariff.fixedShareText) });
      source(1, fsSource);
      push(0, "exact", { exact: exactOre(rational((fs.den - fs.num) * value * cf.num, fs.den * 1_000_000n * cf.den)) });
    } else {
      push(0, "exact", { exact: exactOre(rational(value * cf.num, 1_000_000n * cf.den)) });
    }
  } else {
    const split = r.splits.find((s) => s.label === f.label && s.kind === f.component);
    if (split) {
      const party = split.kind === "grant" ? f.payee : f.payer;
      const part = split.parts[party];
      push(0, "split", { kind: COMPONENT_WORDS[f.component][lang === "sv" ? 0 : 1], label: split.label, total: money(split.total), basis: r.key.basis === "population" ? (lang === "sv" ? "befolkning" : "population") : lang === "sv" ? "fasta andelar" : "fixed shares", host: id(split.host) });
      source(1, split.source);
      source(1, r.tariff.key.source);
      push(0, "keyShare", { party: id(party), share: shareText(r.key.shares[party] ?? rational(0n, 1n)) });
      if (part) {
        push(0, "exact", { exact: exactOre(part.exact) });
        push(0, "floor", { base: money(part.base), extra: part.extra.toString(), party: id(party) });
      }
    } else {
      const fixed = r.fixedAmounts.find((x) => x.label === f.label);
      const grant = r.grantAmounts.find((x) => x.label === f.label);
      const party = f.component === "grant" ? f.payee : f.payer;
      push(0, "decided", { party: id(party), amount: money(f.amount) });
      source(1, f.component === "grant" ? grant?.source : fixed?.source);
    }
  }
  push(0, "rounded", { amount: money(f.amount) });
  return { title: flowTitle(r, f, lang), amount: f.amount, lines };
}

/** An explanation as text lines, indented by depth (for the terminal, a cell comment or a sheet). */
export function explanationText(e: Explanation): string[] {
  return [e.title, ...e.lines.map((l) => `${"  ".repeat(l.depth + 1)}${l.text}`)];
}


/** An explanation as JSON (`vardavtal-explanation/1`): the figure, its amount and the chain. */
export function explanationToJson(e: Explanation) {
  return { format: "vardavtal-explanation/1", title: e.title, amount: formatOre(e.amount), lines: e.lines };
}
