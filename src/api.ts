/**
 * The embedder's calls, all of one shape. Every call is `async` and resolves to an
 * {@link Outcome}: `{ value, warnings }` (some add what a workbook needs beside the value, e.g.
 * `inputs`). Bad input rejects with `InputError`, which carries every problem found as
 * diagnostics; {@link safe} turns that into `{ ok: false, diagnostics }` instead. What one call
 * returns the next accepts as it is (the value, or the whole outcome), without a JSON round trip
 * by the caller: `settle({ result: await calculate(…), plan: await acconto(…) })`. The JSON
 * that vardavtal wrote (its text, bytes or parsed object) is accepted too, and checked.
 */
import { compareResultTexts } from "./contracts/compare-files.js";
import type { Comparison } from "./core/analysis/compare.js";
import { explainFlow } from "./core/analysis/explain.js";
import { componentNames, explanationWords, type ExplanationText } from "./text/explain.js";
import { calculate as coreCalculate, compileTariffInput, populationInput, type CalculateInput as CoreCalculateInput, type CalculationResult } from "./core/model/calculate.js";
import { accontoPlan, type AccontoPlan } from "./core/year/acconto.js";
import type { ScaledDecimal } from "./core/model/decimal.js";
import { DiagnosticBag, InputError, sortDiagnostics, type Diagnostic, type Lang } from "./core/model/diagnostics.js";
import { resolveKey } from "./core/model/key.js";
import { parseLocaleNumber } from "./core/model/numbers.js";
import type { KeyCheckResult } from "./core/year/keycheck.js";
import { proposeTariff, type BaseResult, type Proposal } from "./core/year/proposal.js";
import { accontoToJson } from "./contracts/acconto.js";
import { readBaseResult } from "./contracts/result-input.js";
import { checkProposalTariff } from "./contracts/proposal-check.js";
import { resultToJson as coreResultToJson, type InputFileInfo, type ResultMeta } from "./contracts/result-json.js";
import type { Payment, Settlement, UnitPriceMode } from "./core/year/settlement.js";
import type { Overview } from "./core/year/overview.js";
import { overviewFromTexts, type NamedText } from "./contracts/overview.js";
import { settlementToJson } from "./contracts/settlement.js";
import type { PaidSourceBytes } from "./read/paid-sources.js";
import { settleRun } from "./read/settle-run.js";
import { type CompiledTariff } from "./core/model/tariff.js";
import { calculateCsv as csvCalculate, checkKeyCsv, type CalculateCsvInput, type CheckKeyInput, type CsvInput } from "./read/runs.js";
import { proposalNotes } from "./text/proposal-notes.js";

/**
 * What every call resolves to: the checked value (öre as `bigint`, parties by index) and the
 * warnings, what is odd but allowed (render each with `renderDiagnostic`). Errors are never in
 * `warnings`: a call with bad input rejects with `InputError` (or, through {@link safe}, gives
 * `{ ok: false, diagnostics }`). Pass the outcome, or its `value`, to the next call as it is.
 *
 * @example
 * ```ts
 * const { value: result, warnings } = await calculate({ tariff, consumption });
 * for (const w of warnings) console.warn(renderDiagnostic(w, "sv"));
 * ```
 */
export interface Outcome<T> {
  /** the checked value: a result, an a-conto plan, a settlement, a comparison, … */
  value: T;
  /** odd but allowed, sorted by file, line and column (render with `renderDiagnostic`) */
  warnings: Diagnostic[];
}

/** What {@link safe} resolves to: the call's outcome with `ok: true`, or every problem with `ok: false`. */
export type SafeOutcome<R> = ({ ok: true } & R) | { ok: false; diagnostics: Diagnostic[] };

/**
 * The non-throwing form of any call: the outcome with `ok: true`, or `{ ok: false, diagnostics }`
 * when the input has errors (InputError). Anything else still rejects: an InvariantError is a bug,
 * never bad input, and is not to be handled as one.
 *
 * @example
 * ```ts
 * import { calculate, renderDiagnostic, safe } from "vardavtal";
 *
 * const r = await safe(calculate({ tariff, consumption }));
 * if (r.ok) console.log(resultToJson(r.value).net);
 * else for (const d of r.diagnostics) console.error(renderDiagnostic(d, "sv"));
 * ```
 */
export async function safe<R extends object>(call: Promise<R>): Promise<SafeOutcome<R>> {
  try {
    return { ok: true, ...(await call) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

/** A call's value, or the whole outcome it came in. */
function unwrap(v: unknown): unknown {
  return typeof v === "object" && v !== null && !(v instanceof Uint8Array) && "value" in v && "warnings" in v && Array.isArray(v.warnings) ? v.value : v;
}

function isCalculation(v: unknown): v is CalculationResult {
  return typeof v === "object" && v !== null && "tariff" in v && "consumption" in v && "componentTotals" in v;
}

function isPlan(v: unknown): v is AccontoPlan {
  return typeof v === "object" && v !== null && "tariff" in v && "key" in v && "lines" in v && "annualNet" in v;
}

/**
 * A JSON object vardavtal wrote (`vardavtal-result/1`, `vardavtal-acconto/1`), as parsed or
 * imported: checked at run time, its `digest` first (a changed object is refused, RESULT_EDITED;
 * one without a digest too, RESULT_NO_DIGEST).
 */
export interface WrittenJson {
  /** e.g. "vardavtal-result/1" */
  format: string;
}

/**
 * A year's result as every call takes it: {@link calculate}'s value or its whole outcome, the
 * object {@link resultToJson} returns, or the JSON text or bytes `calculate --json` wrote.
 */
export type ResultInput = CalculationResult | Outcome<CalculationResult> | WrittenJson | string | Uint8Array;

/**
 * An a-conto plan as {@link settle} takes it: {@link acconto}'s value or its whole outcome, the
 * object `accontoToJson` returns, or the JSON text or bytes `acconto --json` wrote.
 */
export type PlanInput = AccontoPlan | Outcome<AccontoPlan> | WrittenJson | string | Uint8Array;

/** A JSON input as text: a value from a call goes through its contract (no bigint), text and bytes as they are. */
function jsonText(input: unknown, file: string, what: string, bag: DiagnosticBag): string | undefined {
  const value = unwrap(input);
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (isCalculation(value)) return JSON.stringify(coreResultToJson(value));
  if (isPlan(value)) return JSON.stringify(accontoToJson(value));
  try {
    return JSON.stringify(value) ?? "";
  } catch (e) {
    bag.error("RESULT_FILE", { what, reason: e instanceof Error ? e.message : String(e) }, { file, line: 1, column: 1 });
    return undefined;
  }
}

/** What {@link calculate} takes. */
export interface CalculateInput extends Omit<CoreCalculateInput, "tariff"> {
  /**
   * The tariff (`vardavtal-tariff/1`): its JSON text, a parsed or imported object
   * (`import tariff from "vardavtal/tariffs/2025.json" with { type: "json" }`), or a compiled
   * tariff (from `loadTariff`, or the value `readTariffFile` of `vardavtal/node` gives). Anything
   * else is refused with InputError (TARIFF_SCHEMA…), the way zod's `parse` refuses it.
   */
  tariff: unknown;
}

/**
 * The whole calculation of one year: validates the tariff, resolves the distribution key, reads
 * every consumption row, computes flows, net positions and settlement transfers, and checks the
 * model's invariants. `value` is the checked result; `warnings` are the tariff's and the rows'.
 *
 * @throws InputError with every problem found (all rows are read first), each with its position.
 * @throws InvariantError when the result breaks an invariant (a bug, never bad input).
 * @example
 * ```ts
 * import { calculate, resultToJson } from "vardavtal";
 * import tariff from "vardavtal/tariffs/2025.json" with { type: "json" };
 *
 * const { value: result } = await calculate({
 *   tariff,
 *   consumption: [{ date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" }],
 * });
 * console.log(resultToJson(result).net); // [{ party: "RJL", amount: "-…" }, …]
 * ```
 */
export async function calculate(input: CalculateInput): Promise<Outcome<CalculationResult>> {
  const result = await coreCalculate(input as CoreCalculateInput);
  return { value: result, warnings: sortDiagnostics(result.warnings) };
}

/** The JSON-safe result (`vardavtal-result/1`): money as exact decimal strings, no bigint. */
export type ResultJson = ReturnType<typeof coreResultToJson>;

/**
 * The result as `vardavtal-result/1`, the contract the command line writes with `--json`:
 * money as strings with two decimals, shares as decimal strings, no bigint, so `JSON.stringify`
 * writes it as it is. Takes {@link calculate}'s value or its whole outcome.
 *
 * @param meta the tool, the input files and the time to record (all optional)
 * @example
 * ```ts
 * const json = resultToJson(await calculate({ tariff, consumption }));
 * json.transfers; // [{ payer: "RJL", payee: "RÖ", amount: "62343.75" }, …]
 * ```
 */
export function resultToJson(result: CalculationResult | Outcome<CalculationResult>, meta: ResultMeta = {}): ResultJson {
  return coreResultToJson(unwrap(result) as CalculationResult, meta);
}

/** What {@link calculateCsv} and {@link checkKey} add beside the value: each input's name, size, SHA-256 and encoding. */
export interface CsvOutcome<T> extends Outcome<T> {
  /** for `resultToJson(value, { inputs })`, `keyCheckToJson` and the workbooks */
  inputs: InputFileInfo[];
}

/**
 * `vardavtal calculate` over CSV and JSON bytes (files picked in a browser, buffers, or a Node
 * file through `fileSource` of `vardavtal/node`): the tariff's text or bytes, the consumption CSV
 * (and a population CSV), read with the same parsing, messages and SHA-256 as the command line.
 *
 * @throws InputError with every problem of every input, each with file, line and column.
 * @example
 * ```ts
 * import { blobSource, calculateCsv } from "vardavtal";
 * const { value, inputs } = await calculateCsv({ tariff: { name: "2025.json", data: tariffText }, consumption: blobSource(file.name, file) });
 * const json = resultToJson(value, { inputs });
 * ```
 */
export async function calculateCsv(input: CalculateCsvInput): Promise<CsvOutcome<CalculationResult>> {
  const { result, inputs } = await csvCalculate(input);
  return { value: result, warnings: sortDiagnostics(result.warnings), inputs };
}

/**
 * `vardavtal check-key` over bytes: the year's joint costs (post; part; belopp) against the
 * decided key, per party and item, with the tolerance (öre, default 1 kr). `value.exceeded` says
 * whether a deviation is above it.
 *
 * @throws InputError with every problem of the tariff, the costs and the population.
 * @example
 * ```ts
 * import { checkKey, keyCheckToJson } from "vardavtal";
 * const { value, inputs } = await checkKey({ tariff: { name: "2025.json", data: tariffText }, costs: { name: "kostnader.csv", data: csvText } });
 * if (value.exceeded) console.log(keyCheckToJson(value, { inputs }).totals);
 * ```
 */
export async function checkKey(input: CheckKeyInput): Promise<CsvOutcome<KeyCheckResult>> {
  const { result, inputs, warnings } = await checkKeyCsv(input);
  return { value: result, warnings: sortDiagnostics(warnings), inputs };
}

/** What {@link acconto} takes. */
export interface AccontoInput {
  /** the tariff, as for {@link calculate} */
  tariff: unknown;
  /** overrides the tariff's population: per party id or alias, or `readPopulationFile`'s value (vardavtal/node) */
  population?: CoreCalculateInput["population"];
  /** include the preliminary variable a conto (default false) */
  variable?: boolean;
}

/**
 * The a-conto plan of a year (`vardavtal acconto`): per payer, payee and component the annual
 * amount and its monthly parts, the monthly net positions and transfers. Write it with
 * `accontoToJson`, or give it to {@link settle} as it is.
 *
 * @throws InputError with every problem in the tariff or the population
 * @example
 * ```ts
 * const { value: plan } = await acconto({ tariff });
 * accontoToJson(plan).lines[0]; // { payer: "RJL", payee: "RÖ", component: "fixed", annual: "…", months: […] }
 * ```
 */
export async function acconto(input: AccontoInput): Promise<Outcome<AccontoPlan>> {
  const tariff = compileTariffInput(input.tariff as CoreCalculateInput["tariff"]);
  const bag = new DiagnosticBag();
  const key = resolveKey(tariff, populationInput(input.population), bag);
  bag.throwIfErrors();
  if (!key) throw new InputError(bag.items);
  return { value: accontoPlan(tariff, key, { variable: input.variable }), warnings: sortDiagnostics([...tariff.warnings, ...bag.warnings]) };
}

/** What {@link settle} takes: the year's result and what was paid (one or more sources, combined by summing). */
export interface SettleInput {
  /** the year's result: {@link calculate}'s outcome or value, {@link resultToJson}'s object, or the JSON `calculate --json` wrote */
  result: ResultInput;
  /** paid as planned: the year's a-conto plan, {@link acconto}'s outcome or value, or the JSON `acconto --json` wrote */
  plan?: PlanInput;
  /** the payments actually made, as CSV (betalare;mottagare;belopp, optionally datum, avser and år); amounts in kronor with two decimals at most */
  payments?: CsvInput;
  /** an earlier settlement of the same year (`vardavtal-settlement/1`, its object or JSON): what it found due counts as paid (a correction) */
  earlier?: unknown;
  /** how unit-price care counts: invoiced (paid = due; the default when no payments are given) or as the payments say */
  unitPrice?: UnitPriceMode;
  /** settle a forecast result as the forecast of the final settlement (a forecast is refused without it) */
  forecast?: boolean;
}

/** What {@link settle} resolves to: the settlement, and the payments counted as paid (also `value.payments`). */
export interface SettleOutcome extends Outcome<Settlement> {
  /** the payments counted as paid, in the order read */
  payments: Payment[];
}

/**
 * The settlement of a year (`vardavtal settle`): what was due by the year's result against what
 * was paid, per counterparty, per payer→payee and component and per party, and the final payments
 * under the result's netting. Pure: give it {@link calculate}'s and {@link acconto}'s outcomes as
 * they are, or the JSON they wrote, an earlier settlement, and/or the payments as CSV.
 *
 * @throws InputError with every problem: a result, plan or settlement that is not what vardavtal
 * wrote, a forecast without `forecast: true`, a source of another year, a payment between unknown
 * parties or dated outside the year and the year after, identical payment rows, no paid source.
 * @example
 * ```ts
 * import { acconto, calculate, settle, settlementToJson } from "vardavtal";
 *
 * const { value } = await settle({ result: await calculate({ tariff, consumption }), plan: await acconto({ tariff }) });
 * settlementToJson(value).counterparties; // [{ a: "RJL", b: "RKL", due: "…", paid: "…", remaining: "…" }, …]
 * ```
 */
export async function settle(input: SettleInput): Promise<SettleOutcome> {
  const bag = new DiagnosticBag();
  const resultFile = "<result>";
  const resultText = jsonText(input.result, resultFile, "vardavtal-result/1", bag);
  if (input.plan === undefined && input.payments === undefined && input.earlier === undefined) {
    bag.error("USAGE", { message: "settle: give plan, payments or earlier (one or more)" }, { file: "<settle>", line: 1, column: 1 });
  }
  const sources: PaidSourceBytes[] = [];
  const encode = (name: string, value: unknown, format: string): void => {
    const text = jsonText(value, name, format, bag);
    if (text !== undefined) sources.push({ name, bytes: new TextEncoder().encode(text) });
  };
  if (input.plan !== undefined) encode("<plan>", input.plan, "vardavtal-acconto/1");
  if (input.earlier !== undefined) encode("<settlement>", input.earlier, "vardavtal-settlement/1");
  if (input.payments !== undefined) {
    const p = input.payments;
    if ("open" in p) {
      // a ByteSource: its bytes gathered (payments files are small)
      const opened = await p.open(1 << 20);
      const chunks: Uint8Array[] = [];
      for await (const c of opened.chunks) chunks.push(c);
      const bytes = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      sources.push({ name: p.name, bytes });
    } else if ("table" in p) sources.push({ name: p.table.name, bytes: new Uint8Array(0), table: p.table }); // a workbook's sheet (readSheetSource of vardavtal/xlsx)
    else sources.push({ name: p.name, bytes: typeof p.data === "string" ? new TextEncoder().encode(p.data) : p.data });
  }
  const { settlement, read } = await settleRun({ result: resultText === undefined ? undefined : { name: resultFile, text: resultText }, paid: sources, forecast: input.forecast, unitPrice: input.unitPrice }, bag);
  return { value: settlement, warnings: sortDiagnostics(bag.warnings), payments: read.items.map(({ payer, payee, amount }) => ({ payer, payee, amount })) };
}

/**
 * Two results compared (`vardavtal compare`): two years, a scenario and its baseline, a forecast
 * and the final figures. Change = B − A per party, per party and component, per flow (a flow on
 * one side only counts 0 on the other) and per pair and area; the change of each party split into
 * effects (key, fixed share, references, prices and budgets, consumption) that add up exactly.
 * Σ change of the nets is 0, checked. `warnings` say why the change could not be split into
 * effects, when it could not (the comparison is still complete).
 *
 * @throws InputError when either is not a valid `vardavtal-result/1`.
 * @example
 * ```ts
 * import { calculate, compare, comparisonToJson } from "vardavtal";
 * const a = await calculate({ tariff: tariff2024, consumption: rows2024 });
 * const b = await calculate({ tariff: tariff2025, consumption: rows2025 });
 * comparisonToJson((await compare(a, b)).value).net; // [{ party: "RJL", a: "…", b: "…", change: "…" }, …]
 * ```
 */
export async function compare(a: ResultInput, b: ResultInput): Promise<Outcome<Comparison>> {
  const bag = new DiagnosticBag();
  const what = "vardavtal-result/1";
  const textA = jsonText(a, "<A>", what, bag);
  const textB = jsonText(b, "<B>", what, bag);
  const run = textA !== undefined && textB !== undefined ? compareResultTexts({ text: textA, file: "<A>" }, { text: textB, file: "<B>" }, bag) : undefined;
  bag.throwIfErrors();
  if (!run) throw new InputError(bag.items);
  return { value: run.comparison, warnings: sortDiagnostics(run.warnings) };
}

/** What {@link propose} takes. */
export interface ProposeInput {
  /** this year's tariff (year Y−1), as for {@link calculate} */
  tariff: unknown;
  /** results of earlier years: {@link calculate}'s outcomes or values, or the JSON `calculate --json` wrote */
  results: ResultInput[];
  /** the index per year in percent, e.g. `{ 2025: "3,1", 2026: "2.8" }`; every base year after the first and the proposal's year need one */
  index: Record<number, string | number>;
  /** next year's population per party id or alias (or `readPopulationFile`'s value), to replace the tariff's */
  population?: CoreCalculateInput["population"];
  /** the unit the reference amounts are rounded to, öre (default 1n = 0,01 kr; 100_000n rounds to 1 000 kr) */
  roundTo?: bigint;
}

/** What {@link propose} resolves to: the proposal, and what `proposalWorkbook` needs beside it. */
export interface ProposeOutcome extends Outcome<Proposal> {
  /** the current tariff, compiled */
  tariff: CompiledTariff;
  /** the base results, in the order given */
  results: BaseResult[];
  /** the index per year, exact */
  index: Map<number, ScaledDecimal>;
}

/** A percentage such as "2,9", "-0.5" or 3.1 as an exact decimal (trailing zeros dropped). */
function percent(value: string | number): ScaledDecimal | undefined {
  const parsed = parseLocaleNumber(String(value).replace(/\s*%\s*$/, "").replace("\u2212", "-"), 6);
  if (!parsed.ok) return undefined;
  let units = parsed.units;
  let scale = 6;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

/**
 * Next year's tariff (`vardavtal propose`): reference amounts from the base years' consumption,
 * each carried to next year by the index; point prices, budgets and fixed amounts by the year's
 * index; the population from `population` when given. The proposal is loaded again as a tariff
 * before it is returned, so it passes the same validation as any tariff. `value.tariff` is the
 * new tariff (`vardavtal-tariff/1`, status "proposal"), JSON-safe, and a tariff every call takes.
 *
 * @throws InputError with every problem (a missing index, a base year not before the proposal, …)
 * @example
 * ```ts
 * import { propose } from "vardavtal";
 *
 * const { value } = await propose({ tariff, results: [result2024, result2025], index: { 2025: "3,1", 2026: "2,8" } });
 * await fs.writeFile("2026-forslag.json", JSON.stringify(value.tariff, null, 2) + "\n");
 * ```
 */
export async function propose(input: ProposeInput): Promise<ProposeOutcome> {
  const tariff = compileTariffInput(input.tariff as CoreCalculateInput["tariff"]);
  const bag = new DiagnosticBag();
  const index = new Map<number, ScaledDecimal>();
  for (const [year, value] of Object.entries(input.index)) {
    const p = percent(value);
    if (!p || !/^\d{4}$/.test(year)) bag.error("BAD_INDEX", { text: `${year}=${value}` }, { file: "<index>", line: 1, column: 1 });
    else index.set(Number(year), p);
  }
  const results: BaseResult[] = [];
  input.results.forEach((r, k) => {
    const file = `<results[${k}]>`;
    const text = jsonText(r, file, "vardavtal-result/1", bag);
    const read = text === undefined ? undefined : readBaseResult(text, file, tariff.parties.map((p) => p.id), bag);
    if (read) results.push(read);
  });
  let population: { file: string; values: bigint[] } | undefined;
  if (input.population !== undefined) {
    const asPopulation = { ...tariff, key: { basis: "population" as const, date: tariff.key.date } };
    const key = resolveKey(asPopulation, populationInput(input.population), bag);
    if (key?.population) population = { file: "<population>", values: key.population };
  }
  bag.throwIfErrors();
  const proposal = proposeTariff({ tariff, results, index, population, roundTo: input.roundTo ?? 1n, notes: proposalNotes("sv") }, bag);
  bag.throwIfErrors();
  if (!proposal) throw new InputError(bag.items);
  // The proposal must be a valid tariff: values beyond its limits are bad input, never a crash.
  checkProposalTariff(JSON.stringify(proposal.tariff), "<proposal>", bag);
  bag.throwIfErrors();
  return { value: proposal, warnings: sortDiagnostics([...tariff.warnings, ...bag.warnings]), tariff, results, index };
}

/** What {@link explain} takes. */
export interface ExplainInput {
  /** the year's result: {@link calculate}'s outcome or value (the chain is read from the result model, so JSON will not do) */
  result: CalculationResult | Outcome<CalculationResult>;
  /** the figure: "PAYER>PAYEE COMPONENT [LABEL]" (e.g. "RJL>RÖ variable", "RKL>RÖ solidarity RCC") or "net PARTY"; ids or aliases */
  flow: string;
  /** the language of the chain's texts (default "sv") */
  lang?: Lang;
}

/**
 * Where a figure comes from (`vardavtal explain`): the chain behind one flow or net position,
 * read from the checked result itself: the rows per area, the prices, the care rule, the share,
 * the exact value and its rounding, or the key's split, and where each value comes from. Write it
 * with `explanationToJson`.
 *
 * @throws InputError EXPLAIN_FLOW when `flow` names no figure of the result.
 * @example
 * ```ts
 * import { calculate, explain } from "vardavtal";
 * const result = await calculate({ tariff, consumption });
 * const { value } = await explain({ result, flow: "RJL>RÖ variable", lang: "en" });
 * for (const line of value.lines) console.log("  ".repeat(line.depth) + line.text);
 * ```
 */
export async function explain(input: ExplainInput): Promise<Outcome<ExplanationText>> {
  const result = unwrap(input.result) as CalculationResult;
  const lang = input.lang ?? "sv";
  const found = explainFlow(result, input.flow, { componentNames: componentNames() });
  if ("code" in found) throw new InputError([found]);
  const e = explanationWords(found, lang);
  return { value: e, warnings: sortDiagnostics(result.warnings) };
}

/** What {@link overview} takes: the year's files as the calls above give them (a value, an outcome, or the JSON vardavtal wrote). */
export interface OverviewInput {
  /** the year's a-conto plan: {@link acconto}'s outcome or value, or the JSON `acconto --json` wrote */
  plan: PlanInput;
  /** forecasts of the year (results computed with a cut-off date), any number */
  forecasts?: ResultInput[];
  /** the year's result */
  result?: ResultInput;
  /** the settlement of that result: {@link settle}'s outcome or value, or the JSON `settle --json` wrote */
  settlement?: Settlement | Outcome<Settlement> | WrittenJson | string | Uint8Array;
}

function isSettlement(v: unknown): v is Settlement {
  return typeof v === "object" && v !== null && "counterparties" in v && "totals" in v && "sources" in v;
}

/**
 * The year on one page (`vardavtal overview`): per party the a-conto plan's net for the year, each
 * forecast's net with its date, the outcome's net and what remains to settle, the figures the
 * inputs' own to the öre. Inputs of different years, parties, tariffs or decisions are refused,
 * each with its reason; so is a forecast given as the outcome, a full year as a forecast, and a
 * settlement of another outcome. Write it with `overviewToJson`.
 *
 * @throws InputError with every problem of every input.
 * @example
 * ```ts
 * import { acconto, calculate, overview, settle, overviewToJson } from "vardavtal";
 * const plan = await acconto({ tariff });
 * const result = await calculate({ tariff, consumption });
 * const { value } = await overview({ plan, result, settlement: await settle({ result, plan }) });
 * overviewToJson(value).parties; // [{ party: "RJL", plan: "…", forecasts: [], outcome: "…", remaining: "…" }, …]
 * ```
 */
export async function overview(input: OverviewInput): Promise<Outcome<Overview>> {
  const bag = new DiagnosticBag();
  // each input as the text its file would hold (a settlement object as settlementToJson writes it)
  const named = (v: unknown, name: string, what: string): NamedText | undefined => {
    const value = unwrap(v);
    const text = isSettlement(value) ? JSON.stringify(settlementToJson(value)) : jsonText(value, name, what, bag);
    return text === undefined ? undefined : { name, text };
  };
  const value = overviewFromTexts(
    {
      plan: named(input.plan, "<plan>", "vardavtal-acconto/1"),
      forecasts: (input.forecasts ?? []).map((f, i) => named(f, `<forecast ${i + 1}>`, "vardavtal-result/1")),
      ...(input.result === undefined ? {} : { result: named(input.result, "<result>", "vardavtal-result/1") }),
      ...(input.settlement === undefined ? {} : { settlement: named(input.settlement, "<settlement>", "vardavtal-settlement/1") }),
    },
    bag,
  );
  bag.throwIfErrors();
  if (!value) throw new InputError(bag.items);
  return { value, warnings: [] };
}
