/**
 * Two result files compared, as `vardavtal compare` and the library's `compare` do it: both read
 * and checked, each rebuilt from the figures it carries for the effects (or the reason they cannot
 * be split), then compared. Pure: the texts in, the comparison and its warnings out.
 */
import { compareResults, type Comparison } from "../core/analysis/compare.js";
import type { Diagnostic, DiagnosticBag } from "../core/model/diagnostics.js";
import { decomposeEffects, type Effects } from "../core/analysis/effects.js";
import { readResultDetail } from "./result-input.js";
import { comparableFromFile, stateFromResultFile } from "./result-state.js";

/** A result file's text and its name (for messages and the comparison's sides). */
export interface ResultText {
  text: string;
  file: string;
}

/**
 * Compares result B with result A (change = B − A). Problems of either file go to the bag
 * (undefined then); a change that cannot be split into effects is a warning, not an error.
 */
export function compareResultTexts(a: ResultText, b: ResultText, bag: DiagnosticBag): { comparison: Comparison; warnings: Diagnostic[] } | undefined {
  const ra = readResultDetail(a.text, a.file, bag);
  const rb = readResultDetail(b.text, b.file, bag);
  if (!ra || !rb || bag.hasErrors) return undefined;
  const stateA = stateFromResultFile(ra.result, ra.detail, a.file);
  const stateB = stateFromResultFile(rb.result, rb.detail, b.file);
  let effects: Effects;
  if ("code" in stateA) effects = { available: false, reason: stateA };
  else if ("code" in stateB) effects = { available: false, reason: stateB };
  else effects = decomposeEffects(stateA, stateB, { consumptionMovesWith: "consumption", expected: { a: ra.result.net, b: rb.result.net }, fileA: a.file, fileB: b.file });
  const comparison = compareResults(comparableFromFile(ra.result, ra.detail), comparableFromFile(rb.result, rb.detail), { fileA: a.file, fileB: b.file, effects });
  return { comparison, warnings: effects.available ? [] : [effects.reason] };
}
