/** The explanation of a figure as JSON (`explain --json`). */
import type { ExplanationText } from "../text/explain.js";
import { formatOre } from "../core/model/decimal.js";
import { withDigest } from "./digest.js";

/** An explanation as JSON (`vardavtal-explanation/1`): the figure, its amount, the scenario and the chain (each step with its text and figures). */
export function explanationToJson(e: ExplanationText) {
  return withDigest({ format: "vardavtal-explanation/1", title: e.title, figure: e.figure, amount: formatOre(e.amount), scenario: e.scenario ?? null, lines: e.lines });
}
