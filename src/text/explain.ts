/**
 * An explanation (core/analysis/explain.ts) in words: each step of the chain in the language asked
 * for (the catalogues' section `explain`), money and decimals as the language writes them.
 */
import type { Explanation, ExplainStep, StepParam } from "../core/analysis/explain.js";
import type { Lang } from "../core/model/codes.js";
import type { CareModel } from "../core/model/tariff-schema.js";
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
  /** a care model's name (the reports' words); the model's code without it */
  modelName?: (model: CareModel) => string;
}

function paramText(p: StepParam, lang: Lang, o: ExplainWordsOptions): string {
  if (typeof p === "string" || typeof p === "number") return String(p);
  if ("ore" in p) return moneyText(p.ore, lang);
  if ("decimal" in p) return decimalText(p.decimal, lang);
  if ("component" in p) return CATALOGUES[lang].phrases[`component_${p.component}`];
  if ("model" in p) return o.modelName?.(p.model) ?? p.model;
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
