/** `vardavtal check-key`: joint costs against the decided key (RSL au). */
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { checkKey, type KeyCheckResult } from "../../core/year/keycheck.js";
import { resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import { csvInfoToInput } from "../../read/inputs.js";
import { readCostsFile } from "../../node/files.js";
import { formatSek, textTable, type PendingFile } from "../../render/format.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { loadPopulationArg, loadTariffArg } from "../../node/run.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { moneyOption } from "../../read/options.js";
import { draftLines, percent } from "../../render/text/summary.js";
import { titleWithYear } from "../../render/labels.js";
import { loadXlsx } from "../load-xlsx.js";
import { keyCheckToJson } from "../../contracts/keycheck.js";
import { renderDiagnostic } from "../../text/diagnostics.js";

export interface CheckKeyArgs {
  tariff: string;
  costs: string;
  population?: string;
  tolerance: string;
  json?: string;
  xlsx?: string;
  /** --strict: warnings are errors */
  strict?: boolean;
}

/** Returns the exit code: 1 when a deviation is above the tolerance, else 0. */
export async function checkKeyCommand(args: CheckKeyArgs, io: Io, lang: Lang): Promise<number> {
  const inputs: PathArg[] = [
    ...tariffInput(args.tariff),
    { option: "--costs", path: args.costs },
    ...(args.population ? [{ option: "--population", path: args.population }] : []),
  ];
  const outputs: PathArg[] = [...(args.xlsx ? [{ option: "--xlsx", path: args.xlsx }] : []), ...(args.json ? [{ option: "--json", path: args.json }] : [])];
  // Before anything is read: an output must not overwrite an input, nor be a folder or a device.
  assertOutputPaths({ inputs, files: outputs }, lang);
  const bag = new DiagnosticBag();
  const loaded = loadTariffArg(args.tariff, bag);
  const pop = await loadPopulationArg(args.population, bag);
  // a negative tolerance is an error; above MAX_INPUT_ORE too (the same in every output mode)
  const tol = moneyOption(args.tolerance, "--tolerance", bag, { negative: false });
  const costs = await readCostsFile(args.costs, bag);
  // Every problem in one run: the rows that could be read are still checked for unknown parties.
  const key = loaded ? resolveKey(loaded.tariff, pop.population, bag) : undefined;
  const result = loaded && key && tol !== undefined ? checkKey(loaded.tariff, key, costs.rows, tol, bag, args.costs) : undefined;
  bag.throwIfErrors();
  if (!result || !loaded) return 2;
  const warnings = [...loaded.tariff.warnings, ...bag.warnings];
  if (args.strict) failOnWarnings(warnings);
  if (result.checks.some((c) => !c.holds)) throw new Error(`key check failed its own invariants: ${JSON.stringify(result.checks.filter((c) => !c.holds))}`);

  const inputInfos = [loaded.info, csvInfoToInput("costs", costs.info), ...(pop.info ? [pop.info] : [])];
  const files: PendingFile[] = [];
  if (args.xlsx) {
    const { keyCheckWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    files.push({ path: args.xlsx, option: "--xlsx", data: await keyCheckWorkbook(result, { lang, inputs: inputInfos, version: packageVersion() }) });
  }
  if (args.json) files.push({ path: args.json, option: "--json", data: JSON.stringify(keyCheckToJson(result, { tool: { name: "vardavtal", version: packageVersion() }, inputs: inputInfos }), null, 2) + "\n" });
  writeOutputs(files, inputs, [], lang);
  io.stdout(keyCheckText(result, lang));
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
  for (const f of files) io.stderr(t(lang, "written", { file: f.path }) + "\n");
  return result.exceeded ? 1 : 0;
}

export function keyCheckText(r: KeyCheckResult, lang: Lang): string {
  const sv = lang === "sv";
  const id = (i: number): string => r.tariff.parties[i]?.id ?? String(i);
  const out: string[] = [];
  out.push(`${sv ? "Kontroll av fördelningsnyckel" : "Key compliance check"}: ${titleWithYear(r.tariff.title, r.tariff.year)}`);
  out.push(...draftLines(r.tariff.file.status, lang));
  out.push(
    `${sv ? "Nyckel" : "Key"}: ${r.tariff.parties.map((p, i) => `${p.id} ${percent(r.key.weights[i] ?? 0n, r.key.totalWeight, 4, lang)}`).join(", ")}; ${sv ? "tolerans" : "tolerance"} ${formatSek(r.tolerance, lang)} ${sv ? "kr" : "SEK"}`,
  );
  const head = [sv ? "Post" : "Item", t(lang, "party"), sv ? "Betalt" : "Paid", sv ? "Enligt nyckel" : "By the key", sv ? "Avvikelse" : "Deviation", ""];
  const rows: string[][] = [];
  for (const it of r.items) {
    it.parties.forEach((l, i) => rows.push([i === 0 ? it.item : "", id(i), formatSek(l.paid, lang), formatSek(l.expected, lang), formatSek(l.deviation, lang), l.exceeds ? "!" : ""]));
  }
  r.totals.forEach((l, i) => rows.push([i === 0 ? (sv ? "SUMMA" : "TOTAL") : "", id(i), formatSek(l.paid, lang), formatSek(l.expected, lang), formatSek(l.deviation, lang), l.exceeds ? "!" : ""]));
  out.push("", textTable([head, ...rows], [false, false, true, true, true, false]), "");
  out.push(sv ? "Utjämning (betalningar som nollställer avvikelserna):" : "Balancing transfers (payments that bring the deviations to zero):");
  if (r.transfers.length === 0) out.push("  " + t(lang, "no_transfers"));
  for (const tr of r.transfers) out.push("  " + t(lang, "transfer_line", { payer: id(tr.payer), payee: id(tr.payee), amount: formatSek(tr.amount, lang) }));
  if (r.budgets.length > 0) {
    out.push("", sv ? "Solidariskt finansierade enheter: betalt mot budget i tariffen" : "Jointly financed units: paid against the budget in the tariff");
    for (const b of r.budgets) {
      const diff = b.difference === 0n ? (sv ? "stämmer" : "matches") : `${sv ? "skillnad" : "difference"} ${formatSek(b.difference, lang)}`;
      out.push(
        b.items.length === 0
          ? `  ${b.unit}: ${sv ? "ingen post i kostnadsfilen börjar med enhetens namn" : "no item of the costs file begins with the unit's name"} (${sv ? "budget" : "budget"} ${formatSek(b.budget, lang)})`
          : `  ${b.unit}: ${sv ? "betalt" : "paid"} ${formatSek(b.paid, lang)} ${sv ? "av budget" : "of the budget"} ${formatSek(b.budget, lang)} (${diff}; ${b.items.join(", ")})`,
      );
    }
  }
  out.push("");
  const over = r.items.filter((it) => it.parties.some((l) => l.exceeds));
  out.push(
    r.exceeded
      ? sv
        ? `Resultat: avvikelser över toleransen ${formatSek(r.tolerance, lang)} kr (markerade med !) i ${over.length === 0 ? "summan per part" : over.map((it) => `"${it.item}"`).join(", ")}. Avvikelser på några öre är avrundning; större avvikelser betyder att kostnaden inte burits enligt nyckeln och jämnas ut med betalningarna ovan.`
        : `Outcome: deviations above the tolerance of SEK ${formatSek(r.tolerance, lang)} (marked !) in ${over.length === 0 ? "the sum per party" : over.map((it) => `"${it.item}"`).join(", ")}. Deviations of a few öre are rounding; larger ones mean the cost was not carried by the key and are balanced by the payments above.`
      : sv
        ? `Resultat: alla parter har burit sin andel inom toleransen ${formatSek(r.tolerance, lang)} kr.`
        : `Outcome: every party carried its share within the tolerance of SEK ${formatSek(r.tolerance, lang)}.`,
  );
  return out.join("\n") + "\n";
}
