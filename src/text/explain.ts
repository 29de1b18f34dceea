/**
 * An explanation (core/analysis/explain.ts) in words: each step of the chain in the language asked
 * for (the catalogues' section `explain`), money and decimals as the language writes them.
 */
import type { Explanation, ExplainStep, StepParam } from "../core/analysis/explain.js";
import type { Lang } from "../core/model/codes.js";
import type { CareModel } from "../core/model/tariff-schema.js";
import type { Component } from "../core/model/calculate.js";
import { CATALOGUES, fillText } from "./catalogue.js";
import { decimalText, moneyText } from "./diagnostics.js";

// Every step of the core has words.
const _everyStep: Record<ExplainStep, string> = CATALOGUES.sv.explain;
void _everyStep;

type Value = string | number | boolean | null;

/** One step in words, with its depth and figures (what `explain` prints and `explain --json` writes). */
export interface ExplainLineText {
  depth: number;
  kind: ExplainStep;
  text: string;
  values: Record<string, Value>;
}

/** An explanation in words: the title, the figure, its amount, the scenario and the steps. */
export interface ExplanationText extends Omit<Explanation, "title" | "lines"> {
  title: string;
  lines: ExplainLineText[];
}

export interface ExplainWordsOptions {
  /** a care model's name; the catalogues' phrase (model_…) without it */
  modelName?: (model: CareModel) => string;
}

/** A list as the language writes one: "RJL, RKL och RÖ" / "RJL, RKL and RÖ". */
export function listText(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${CATALOGUES[lang].words.and} ${items[items.length - 1]}`;
}

/**
 * The words a reader may name a component by, in both languages, lower case: the reports' names
 * ("rörlig ersättning"), the explanation's ("rörlig ersättning") and the short ones ("rörlig").
 */
export function componentNames(): ReadonlyMap<string, Component> {
  const names = new Map<string, Component>();
  // the components are the catalogue's (test/text-catalogue.test.ts: every component has its words)
  const components = Object.keys(CATALOGUES.sv.words).filter((k) => k.startsWith("componentShort_")).map((k) => k.slice("componentShort_".length) as Component);
  for (const c of components) {
    for (const cat of Object.values(CATALOGUES)) {
      for (const w of [cat.words[`component_${c}`], cat.phrases[`component_${c}`], cat.words[`componentShort_${c}`]]) names.set(w.toLowerCase(), c);
    }
  }
  return names;
}

function paramText(p: StepParam, lang: Lang, o: ExplainWordsOptions): string {
  if (typeof p === "string" || typeof p === "number") return String(p);
  if ("ore" in p) return moneyText(p.ore, lang);
  if ("decimal" in p) return decimalText(p.decimal, lang);
  if ("component" in p) return CATALOGUES[lang].phrases[`component_${p.component}`];
  if ("model" in p) return o.modelName?.(p.model) ?? CATALOGUES[lang].phrases[`model_${p.model}`];
  if ("list" in p) return listText(p.list.map((x) => paramText(x, lang, o)), lang);
  if ("join" in p) return p.join.map((x) => paramText(x, lang, o)).join(p.separator);
  return stepText(p.step, p.params ?? {}, lang, o);
}

function stepText(step: ExplainStep, params: Record<string, StepParam>, lang: Lang, o: ExplainWordsOptions): string {
  const filled: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) filled[k] = paramText(v, lang, o);
  return fillText(CATALOGUES[lang].explain[step], filled);
}

/** An explanation in the language asked for. */
export function explanationWords(e: Explanation, lang: Lang, options: ExplainWordsOptions = {}): ExplanationText {
  return {
    title: stepText(e.title.step, e.title.params, lang, options),
    amount: e.amount,
    figure: e.figure,
    ...(e.scenario ? { scenario: e.scenario } : {}),
    lines: e.lines.map((l) => ({ depth: l.depth, kind: l.kind, text: stepText(l.kind, l.params, lang, options), values: l.values })),
  };
}

/** An explanation as text lines, indented by depth (for the terminal, a cell comment or a sheet). */
export function explanationText(e: ExplanationText): string[] {
  return [e.title, ...e.lines.map((l) => `${"  ".repeat(l.depth + 1)}${l.text}`)];
}
