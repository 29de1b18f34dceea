/** A tariff's key as `vardavtal key` prints it: each party's share and how an amount is split. Pure. */
import { allocate } from "../../core/model/allocate.js";
import { shareText } from "../../core/model/decimal.js";
import type { DistributionKey } from "../../core/model/key.js";
import type { CompiledTariff } from "../../core/model/tariff.js";
import type { Lang } from "../../text/messages.js";
import { t } from "../../text/i18n.js";
import { formatSek, textTable } from "../format.js";
import { formatCount, percent } from "./numbers.js";
import { draftLines, titleWithYear } from "../labels.js";

/** The key (and for a fixed key, the population key beside it as `side`) and the split of `amount` öre. */
export function keyText(tariff: CompiledTariff, key: DistributionKey, side: DistributionKey | undefined, amount: bigint, lang: Lang): string {
  const out: string[] = [];
  const split = allocate(amount, key.weights);
  const sv = lang === "sv";
  const head = [
    t(lang, "party"),
    ...(key.population ? [t(lang, "population")] : []),
    sv ? "Andel (exakt)" : "Share (exact)",
    sv ? "Andel (2 dec.)" : "Share (2 dp)",
    sv ? "Andel (4 dec.)" : "Share (4 dp)",
    `${sv ? "Del av" : "Part of"} ${formatSek(amount, lang)}`,
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
  out.push([titleWithYear(tariff.title, tariff.year), ...draftLines(tariff.file.status, lang)].join("\n") + "\n");
  out.push(t(lang, "key_line", { basis: t(lang, key.basis === "population" ? "key_basis_population" : "key_basis_fixed"), source: key.date ? `${source}, ${key.date}` : source }) + "\n\n");
  out.push(textTable([head, ...rows], head.map((_, i) => i > 0)) + "\n");
  out.push(`${sv ? "Fördelat med största-restmetoden (Hamilton); summa" : "Split by the largest-remainder (Hamilton) method; total"} ${formatSek(split.reduce((a, p) => a + p.amount, 0n), lang)}\n`);
  return out.join("");
}
