/** `vardavtal key`: the key of a tariff, each party's share, and how an amount is split. */
import { allocate } from "../../core/model/allocate.js";
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { populationKeyOf, resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import { formatSek, textTable } from "../../render/format.js";
import { loadPopulationArg, loadTariffArg } from "../../node/run.js";
import type { Io } from "../io.js";
import { failOnWarnings } from "../../node/outputs.js";
import { moneyOption } from "../../read/options.js";
import { draftLines, formatCount, percent } from "../../render/text/summary.js";
import { titleWithYear } from "../../render/labels.js";
import { t } from "../../text/i18n.js";
import { shareText } from "../../core/model/decimal.js";
import { renderDiagnostic } from "../../text/diagnostics.js";

export interface KeyArgs {
  tariff: string;
  population?: string;
  amount: string;
  /** --strict: warnings are errors */
  strict?: boolean;
}

export async function keyCommand(args: KeyArgs, io: Io, lang: Lang): Promise<void> {
  const bag = new DiagnosticBag();
  const loaded = loadTariffArg(args.tariff, bag);
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
  const split = allocate(amount ?? 0n, key.weights);
  const sv = lang === "sv";
  const head = [
    t(lang, "party"),
    ...(key.population ? [t(lang, "population")] : []),
    sv ? "Andel (exakt)" : "Share (exact)",
    sv ? "Andel (2 dec.)" : "Share (2 dp)",
    sv ? "Andel (4 dec.)" : "Share (4 dp)",
    `${sv ? "Del av" : "Part of"} ${formatSek(amount ?? 0n, lang)}`,
    ...(side ? [sv ? "Befolkningsnyckel" : "Population key", sv ? "Skillnad (procentenheter)" : "Difference (percentage points)"] : []),
  ];
  const rows = tariff.parties.map((p, i) => {
    const w = key.weights[i] ?? 0n;
    const row = [
      `${p.id} ${p.name}`,
      ...(key.population ? [formatCount(key.population[i] ?? 0n, lang)] : []),
      sv ? shareText(w, key.totalWeight).replace(".", ",") : shareText(w, key.totalWeight),
      percent(w, key.totalWeight, 2, lang),
      percent(w, key.totalWeight, 4, lang),
      formatSek(split[i]?.amount ?? 0n, lang),
    ];
    if (side) {
      const sw = side.weights[i] ?? 0n;
      // difference in percentage points: (fixed − population) × 100, exact, shown with 4 decimals
      const num = w * side.totalWeight - sw * key.totalWeight;
      const den = key.totalWeight * side.totalWeight;
      const diff = percent(num, den, 4, lang).replace(" %", "");
      row.push(percent(sw, side.totalWeight, 4, lang), diff.startsWith("-") ? diff : `+${diff}`);
    }
    return row;
  });
  const source = key.populationSource?.kind === "file" ? key.populationSource.file : t(lang, "key_source_tariff");
  io.stdout(`${titleWithYear(tariff.title, tariff.year)}\n`);
  for (const line of draftLines(tariff.file.status, lang)) io.stdout(`${line}\n`);
  io.stdout(t(lang, "key_line", { basis: t(lang, key.basis === "population" ? "key_basis_population" : "key_basis_fixed"), source: key.date ? `${source}, ${key.date}` : source }) + "\n\n");
  io.stdout(textTable([head, ...rows], head.map((_, i) => i > 0)) + "\n");
  io.stdout(`${sv ? "Fördelat med största-restmetoden (Hamilton); summa" : "Split by the largest-remainder (Hamilton) method; total"} ${formatSek(split.reduce((a, p) => a + p.amount, 0n), lang)}\n`);
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
}
