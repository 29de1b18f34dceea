/**
 * `vardavtal explain --tariff … --consumption … FLOW`: the chain behind one figure of the year's
 * result (src/core/analysis/explain.ts), printed on stdout, and with --json written as JSON.
 */
import { InputError, sortDiagnostics } from "../../core/model/diagnostics.js";
import { explainFlow } from "../../core/analysis/explain.js";
import { componentNames, explanationText, explanationWords } from "../../text/explain.js";
import type { Lang } from "../../text/messages.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs, type PathArg } from "../../node/outputs.js";
import { calculateFiles } from "../../node/run.js";
import type { Io } from "../io.js";
import { explanationToJson } from "../../contracts/explanation.js";
import { renderDiagnostic } from "../../text/diagnostics.js";

export interface ExplainArgs {
  tariff: string;
  consumption: string;
  population?: string;
  through?: string;
  set?: string[];
  scenario?: string;
  flow: string;
  /** the explanation as JSON (vardavtal-explanation/1) */
  json?: string;
  strict?: boolean;
}

export async function explainCommand(args: ExplainArgs, io: Io, lang: Lang): Promise<void> {
  const inputs: PathArg[] = [...tariffInput(args.tariff), { option: "--consumption", path: args.consumption }, ...(args.population ? [{ option: "--population", path: args.population }] : []), ...(args.scenario ? [{ option: "--scenario", path: args.scenario }] : [])];
  const files: PathArg[] = args.json ? [{ option: "--json", path: args.json }] : [];
  assertOutputPaths({ inputs, files }, lang);
  const scenario = args.set?.length || args.scenario !== undefined ? { scenario: { set: args.set ?? [], ...(args.scenario !== undefined ? { file: args.scenario } : {}) } } : {};
  const run = await calculateFiles({ tariff: args.tariff, consumption: args.consumption, population: args.population, through: args.through, ...scenario });
  const found = explainFlow(run.result, args.flow, { componentNames: componentNames(), ...(run.scenario ? { scenario: run.scenario } : {}) });
  if ("code" in found) throw new InputError([found]);
  const e = explanationWords(found, lang);
  if (args.strict) failOnWarnings(run.result.warnings);
  if (args.json) writeOutputs([{ path: args.json, option: "--json", data: JSON.stringify(explanationToJson(e), null, 2) + "\n" }], inputs, [], lang);
  for (const w of sortDiagnostics(run.result.warnings)) io.stderr(renderDiagnostic(w, lang) + "\n");
  io.stdout(explanationText(e).join("\n") + "\n");
}
