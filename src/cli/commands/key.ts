/** `vardavtal key`: the key of a tariff, each party's share, and how an amount is split. */
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { populationKeyOf, resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import { loadPopulationArg, loadTariffArg } from "../../node/tariff-arg.js";
import type { Io } from "../io.js";
import { failOnWarnings } from "../../node/strict.js";
import { moneyOption } from "../../read/options.js";
import { renderDiagnostic } from "../../text/diagnostics.js";
import { keyText } from "../../render/text/key.js";

export interface KeyArgs {
  tariff: string;
  population?: string;
  amount: string;
  /** --strict: warnings are errors */
  strict?: boolean;
}

export async function keyCommand(args: KeyArgs, io: Io, lang: Lang): Promise<void> {
  const bag = new DiagnosticBag();
  const loaded = await loadTariffArg(args.tariff, bag);
  const pop = await loadPopulationArg(args.population, bag);
  const amount = moneyOption(args.amount, "--amount", bag); // may be negative; at most MAX_INPUT_ORE
  bag.throwIfErrors();
  if (!loaded) return;
  const tariff = loaded.tariff;
  const key = resolveKey(tariff, pop.population, bag);
  // For a fixed key, the population key beside it (when population is known).
  const side = tariff.key.basis === "fixed" && (pop.population || tariff.population) ? populationKeyOf(tariff, pop.population, new DiagnosticBag()) : undefined;
  bag.throwIfErrors();
  if (!key) return;
  const warnings = [...tariff.warnings, ...bag.warnings];
  if (args.strict) failOnWarnings(warnings);
  io.stdout(keyText(tariff, key, side, amount ?? 0n, lang));
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
}
