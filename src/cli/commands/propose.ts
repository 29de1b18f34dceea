/**
 * `vardavtal propose`: next year's tariff from this year's, results of earlier years and an
 * index per year (model.md, "Proposal"). Computed in the core; the new tariff is loaded again
 * before it is written, so that a proposal always passes the same validation as any tariff.
 */
import { DiagnosticBag, sortDiagnostics } from "../../core/model/diagnostics.js";
import { resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import { proposeTariff, type BaseResult } from "../../core/year/proposal.js";
import { readBaseResult } from "../../contracts/result-input.js";
import { formatRational, formatScaled, groupedDecimal, type ScaledDecimal } from "../../core/model/decimal.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { readTextFile } from "../../node/files.js";
import { formatSek, textTable, type PendingFile } from "../../render/format.js";
import { draftLines, titleWithYear } from "../../render/labels.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { loadPopulationArg, loadTariffArg } from "../../node/run.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { moneyOption } from "../../read/options.js";
import { loadXlsx } from "../load-xlsx.js";
import { renderDiagnostic } from "../../text/diagnostics.js";
import { proposalNotes } from "../../text/proposal-notes.js";
import { checkProposalTariff } from "../../contracts/proposal-check.js";

export interface ProposeArgs {
  tariff: string;
  results: string[];
  index: string[];
  population?: string;
  roundTo?: string;
  out: string;
  /** the workbook that shows how the proposal was derived */
  xlsx?: string;
  strict?: boolean;
}

/** `2024=2,9`, `2025=3.1`, `2026=2,8 %`, `2024=-0,5`: year → percent, exactly. */
export function parseIndex(text: string): { year: number; percent: ScaledDecimal } | undefined {
  const m = /^\s*(\d{4})\s*=\s*([-\u2212]?)(\d{1,3})(?:[.,](\d{1,6}))?\s*%?\s*$/.exec(text);
  if (!m) return undefined;
  const frac = m[4] ?? "";
  const units = BigInt(`${m[3]}${frac}`);
  return { year: Number(m[1]), percent: { units: m[2] ? -units : units, scale: frac.length } };
}

export async function proposeCommand(args: ProposeArgs, io: Io, lang: Lang): Promise<void> {
  const inputs: PathArg[] = [...tariffInput(args.tariff), ...args.results.map((r) => ({ option: "--results", path: r })), ...(args.population ? [{ option: "--population", path: args.population }] : [])];
  const outputs: PathArg[] = [{ option: "--out", path: args.out }, ...(args.xlsx ? [{ option: "--xlsx", path: args.xlsx }] : [])];
  assertOutputPaths({ inputs, files: outputs, dirs: [] }, lang);

  const bag = new DiagnosticBag();
  const loaded = loadTariffArg(args.tariff, bag);
  const pop = await loadPopulationArg(args.population, bag);
  const index = new Map<number, ScaledDecimal>();
  for (const text of args.index) {
    const parsed = parseIndex(text);
    if (!parsed) bag.error("BAD_INDEX", { text }, { file: "--index", line: 1, column: 1 });
    else if (parsed.percent.units <= -100n * 10n ** BigInt(parsed.percent.scale)) bag.error("PROPOSE_INDEX_RANGE", { year: parsed.year, percent: text.slice(text.indexOf("=") + 1).trim().replace(/\s*%$/, "") }, { file: "--index", line: 1, column: text.indexOf("=") + 2 });
    else if (index.has(parsed.year)) bag.error("USAGE", { message: `--index ${parsed.year}: ${lang === "sv" ? "angivet två gånger" : "given twice"}` }, { file: "--index", line: 1, column: 1 });
    else index.set(parsed.year, parsed.percent);
  }
  const unit = args.roundTo !== undefined ? moneyOption(args.roundTo, "--round-to", bag, { negative: false }) : 1n;
  if (unit === 0n) bag.error("BAD_NUMBER", { text: args.roundTo ?? "" }, { file: "--round-to", line: 1, column: 1 });
  const results: BaseResult[] = [];
  const resultInfos: InputFileInfo[] = [];
  if (loaded) {
    for (const file of args.results) {
      const text = readTextFile(file, "result", bag);
      const r = text ? readBaseResult(text.text, file, loaded.tariff.parties.map((p) => p.id), bag) : undefined;
      if (r) results.push(r);
      if (text) resultInfos.push(text.info);
    }
  }
  bag.throwIfErrors();
  if (!loaded) return;
  let population: { file: string; values: bigint[]; date?: string } | undefined;
  if (pop.population) {
    // an SCB table with one column per year: the newest column makes next year's key
    const newest = pop.population.years?.reduce((a, b) => (b.year > a.year ? b : a), pop.population.years[0] as { year: number });
    const asPopulation = { ...loaded.tariff, key: { basis: "population" as const, date: newest ? `${newest.year}-12-31` : loaded.tariff.key.date } };
    const key = resolveKey(asPopulation, pop.population, bag);
    bag.throwIfErrors();
    const date = pop.population.date ?? key?.date;
    if (key?.population) population = { file: pop.population.file, values: key.population, ...(date ? { date } : {}) };
  }
  const proposal = proposeTariff({ tariff: loaded.tariff, results, index, population, roundTo: unit ?? 1n, notes: proposalNotes(lang) }, bag);
  bag.throwIfErrors();
  if (!proposal) return;
  const text = JSON.stringify(proposal.tariff, null, 2) + "\n";
  // The proposal must be a valid tariff: values beyond its limits are bad input (exit 2), never a crash.
  checkProposalTariff(text, args.out, bag);
  bag.throwIfErrors();
  const warnings = sortDiagnostics([...loaded.tariff.warnings, ...bag.warnings]);
  if (args.strict) failOnWarnings(warnings);
  const files: PendingFile[] = [{ path: args.out, option: "--out", data: text }];
  if (args.xlsx) {
    const { proposalWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    const inputInfos = [loaded.info, ...resultInfos, ...(pop.info ? [pop.info] : [])];
    files.push({ path: args.xlsx, option: "--xlsx", data: await proposalWorkbook(proposal, { lang, inputs: inputInfos, version: packageVersion(), tariff: loaded.tariff, results, index }) });
  }
  writeOutputs(files, inputs, [], lang);
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");

  const sv = lang === "sv";
  const id = (i: number): string => loaded.tariff.parties[i]?.id ?? String(i);
  const out: string[] = [];
  out.push(titleWithYear(proposal.tariff.title, proposal.year));
  out.push(...draftLines("proposal", lang));
  out.push(`${sv ? "Basår" : "Base years"}: ${results.map((r) => (r.scenario ? `${r.year} (SCENARIO: ${r.scenario.join("; ")})` : String(r.year))).join(", ")}; ${sv ? "avrundning" : "rounding"}: ${formatSek(proposal.roundTo, lang)} kr`);
  out.push("");
  const head = [t(lang, "seller"), t(lang, "buyer"), `${sv ? "Referensbelopp" : "Reference"} ${proposal.year - 1}`, `${sv ? "Förslag" : "Proposed"} ${proposal.year}`, sv ? "Förändring" : "Change"];
  const rows = proposal.references.map((r) => [id(r.seller), id(r.buyer), r.previous === undefined ? "–" : formatSek(r.previous, lang), formatSek(r.reference, lang), r.previous === undefined ? "" : formatSek(r.reference - r.previous, lang)]);
  out.push(textTable([head, ...rows], [false, false, true, true, true]));
  out.push("");
  const pct = index.get(proposal.year);
  const factorText = groupedDecimal(formatRational(proposal.yearFactor, 0, 15), lang);
  const indexText = pct ? ` (index ${proposal.year}: ${groupedDecimal(formatScaled(pct.units, pct.scale), lang)} %)` : "";
  out.push(`${sv ? "Poängpriser, budgetar och fasta belopp" : "Point prices, budgets and fixed amounts"} × ${factorText}${indexText}`);
  io.stdout(out.join("\n") + "\n");
  for (const f of files) io.stderr(t(lang, "written", { file: f.path }) + "\n");
}
