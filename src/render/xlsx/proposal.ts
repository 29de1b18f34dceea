/**
 * The workbook of `propose --xlsx`: how next year's proposed tariff was derived (model.md,
 * "Proposal"), as formulas a controller can follow and recalculate.
 *
 * - Index: the index per year, its factor 1 + index/100, the uprating F(y) per base year as a
 *   PRODUCT of the years' factors, next year's factor.
 * - Referensbelopp: per pair each base year's value, uprated (value × F), the mean, the rounding
 *   unit and the proposed reference ROUND(mean/unit; 0) × unit, last year's reference, the change.
 * - Priser och budgetar: point prices, solidarity budgets, fixed-only amounts × next year's factor,
 *   rounded to the öre.
 * - Budgeterad avräkning: next year's a conto (src/core/year/acconto.ts) if consumption equals the
 *   references, and each party's net.
 * - Parametrar (the new tariff's values and sources) and Indata.
 *
 * Cached results are the library's exact figures; ROUND only where the model rounds (plus a final
 * ROUND(…; 2) of a multiple of the unit, a no-op in exact arithmetic that keeps the cell the exact
 * öre). No input text is part of a formula: formulas refer to cells and compare with EXACT.
 *
 * Floating point: a spreadsheet computes the mean with doubles (≈16 significant digits), so when
 * the exact value to be rounded lies on, or within 2·10⁻¹⁴ (relative) of, a rounding boundary,
 * the spreadsheet cannot be trusted to round it as the exact rational does. Such a cell is written
 * as its exact value (not a formula) with a note that says why; see `roundingDecidable`.
 */
import { workbookWord, type WorkbookWord } from "../../text/workbook-words.js";
import { accontoPlan, type AccontoPlan } from "../../core/year/acconto.js";
import { formatOre, formatRational, formatScaled, parseMoney, pow10, roundHalfAwayFromZero, type Rational, type ScaledDecimal } from "../../core/model/decimal.js";
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import { indexFactor, type BaseResult, type Proposal } from "../../core/year/proposal.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { loadTariff, type CompiledTariff } from "../../core/model/tariff.js";
import { componentName, t as cliText } from "../../text/i18n.js";
import { dw } from "../../text/decided-words.js";
import { keySharesText, runTimeText, statusBanner, statusName } from "../labels.js";
import { FORMATS, boldRow, colLetter, decimalCellNumber, exactCellNumber, formula, header, money, moneyFormula, put, rangeRef, ref, shareCellNumber, title, type CellRef, type Sheet } from "./kit/cells.js";
import { constantLiteral, sumExact } from "./kit/formula.js";
import { finishSheet } from "./kit/layout.js";
import { signatureBlock } from "./kit/signature.js";
import { addBanner } from "./kit/banner.js";
import { inputsSheet } from "./kit/inputs-sheet.js";
import { ParameterTable } from "./kit/parameter-table.js";
import { newWorkbook, reportTime, workbookBuffer } from "./kit/workbook.js";
import { formatValueSek } from "../../core/model/decimal.js";

export interface ProposalWorkbookOptions {
  lang: Lang;
  inputs: InputFileInfo[];
  version: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now (see runTime) */
  runAt?: string;
  /** the current tariff (year Y−1) the proposal was made from */
  tariff: CompiledTariff;
  /** the base results, in the order given (as in the proposal's references) */
  results: BaseResult[];
  /** the index per year, in percent, as given */
  index: Map<number, ScaledDecimal>;
}

/** A factor with up to 14 decimals (a product of several years' factors has many). */
const FACTOR = "0.00############";
const PERCENT_NUMBER = "0.0#####";


type Word = WorkbookWord;

const mul = (a: Rational, b: Rational): Rational => ({ num: a.num * b.num, den: a.den * b.den });
const absBig = (x: bigint): bigint => (x < 0n ? -x : x);

/** An exact double as a rational (every finite double is one). */
export function doubleToRational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  if (x === 0) return { num: 0n, den: 1n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mantissa |= 1n << 52n;
    e = exp - 1075;
  }
  while (e < 0 && (mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    e++;
  }
  return e >= 0 ? { num: sign * mantissa * (1n << BigInt(e)), den: 1n } : { num: sign * mantissa, den: 1n << BigInt(-e) };
}

const sameRational = (a: Rational, b: Rational): boolean => a.num * b.den === b.num * a.den;

/**
 * A floating-point evaluation that records whether every step was exact: when it was, a
 * spreadsheet (any IEEE-754 arithmetic, in any order of summation) gets exactly the same double.
 */
class ExactDoubles {
  exact = true;
  /** a cell number from its exact value */
  cell(x: Rational): number {
    const d = Number(formatRational(x, 0, 40));
    if (!sameRational(doubleToRational(d), x)) this.exact = false;
    return d;
  }
  op(d: number, exact: Rational): number {
    if (!Number.isFinite(d) || !sameRational(doubleToRational(d), exact)) this.exact = false;
    return d;
  }
}

/** 1 + index/100 as the Index sheet computes it (=1+B/100), in doubles. */
function factorInDoubles(p: ScaledDecimal, ex: ExactDoubles): number {
  const pd = ex.cell({ num: p.units, den: pow10(p.scale) });
  const q = ex.op(pd / 100, { num: p.units, den: pow10(p.scale) * 100n });
  return ex.op(1 + q, indexFactor(p));
}

/**
 * Whether a spreadsheet's ROUND of a value computed in floating point surely gives the exact
 * rounding (half away from zero) of `q`, the exact value in rounding steps.
 *
 * - When every floating-point step is exact (`exactInDoubles`), the spreadsheet rounds `q` itself.
 * - Otherwise its value is off by some units in the 16th significant digit of the terms
 *   (`magnitude`, in steps): rounding is decided only when `q` is farther than 2·10⁻¹⁴ × magnitude
 *   (at least 2·10⁻¹⁴ steps) from a boundary k + ½ — about 100 times the errors of a few
 *   operations, and 4 times the 15-digit correction Excel and LibreOffice apply when they round
 *   to decimals.
 * - Exactly on a boundary (`q` = k + ½) only a ROUND to decimals (`snaps`: ROUND(x; 2)) decides
 *   it: spreadsheets take the value to 15 significant digits first, which brings a value a few
 *   units in the 16th digit off k + ½ back onto it (when k + ½ has at most 15 digits, |q| < 10¹³).
 *   LibreOffice's ROUND(x; 0) does not: exactly on a boundary it is undecided.
 */
export function roundingDecidable(q: Rational, magnitude: Rational, opts: { exactInDoubles: boolean; snaps: boolean }): boolean {
  if (opts.exactInDoubles) return true;
  let { num, den } = q;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const a = absBig(num);
  const dist2 = absBig(((2n * a) % (2n * den)) - den); // |frac(|q|) − ½| × 2·den
  if (dist2 === 0n) return opts.snaps && a < 10n ** 13n * den;
  const mag = { num: absBig(magnitude.num), den: absBig(magnitude.den) };
  const m = mag.num > mag.den ? mag.num : mag.den; // max(magnitude, 1) × mag.den
  // undecided iff dist2 / (2·den) ≤ 2e-14 × max(magnitude, 1)  ⇔  dist2 × 5e13 × mag.den ≤ 2·den × m
  return dist2 * 50_000_000_000_000n * mag.den > 2n * den * m;
}
/** What every sheet of the proposal is written from: the proposal, the options, and their words. */
interface ProposalContext {
  proposal: Proposal;
  options: ProposalWorkbookOptions;
  lang: Lang;
  w: (k: Word, params?: Record<string, string | number>) => string;
  /** this year's tariff, which the proposal uprates */
  old: CompiledTariff;
  /** the year proposed */
  Y: number;
  parties: CompiledTariff["parties"];
  id: (i: number) => string;
  ok: string;
  fail: string;
  status: (cond: string) => string;
  sek: (ore: bigint) => string;
  krText: (x: Rational, decimals?: number) => string;
  /** what a spreadsheet could round otherwise than the proposal, written as a figure: named on the inputs sheet */
  undecided: string[];
}

/**
 * The proposal's sheets, in the order they are written: the index (its factors uprate the
 * references and the prices), the references, the prices, the new tariff's parameters, and the
 * budgeted settlement that follows from them.
 */
export async function proposalWorkbook(proposal: Proposal, options: ProposalWorkbookOptions): Promise<Buffer> {
  const ctx = proposalContext(proposal, options);
  const { lang, w, old } = ctx;
  const at = reportTime(options.runAt);
  const runAt = runTimeText(at);

  // The new tariff, compiled, with its key: the budgeted settlement is its a-conto plan.
  const newTariff = loadTariff(JSON.stringify(proposal.tariff), "proposal.json");
  const bag = new DiagnosticBag();
  const key = resolveKey(newTariff, undefined, bag);
  if (!key) throw new Error(`internal: the proposal's key cannot be resolved: ${bag.errors.map((e) => e.code).join(", ")}`);
  const plan = accontoPlan(newTariff, key);

  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  // a proposal is not decided; made from an illustrative tariff, its amounts are illustrative too
  addBanner(wb, [...statusBanner(proposal.tariff.status, lang), ...(old.file.status === "illustrative" ? statusBanner("illustrative", lang) : [])]);
  // a base year that is a what-if scenario: said on every sheet, with what was set
  addBanner(wb, options.results.filter((r) => r.scenario !== undefined).map((r) => dw(lang, "scenarioBase", { year: r.year, file: r.file, list: (r.scenario ?? []).join("; ") })));
  const X = wb.addWorksheet(w("indexSheet"));
  const R = wb.addWorksheet(w("refSheet"));
  const Pr = wb.addWorksheet(w("pricesSheet"));
  const B = wb.addWorksheet(w("budgetSheet"));
  const P = wb.addWorksheet(w("params"));
  const F = wb.addWorksheet(w("inputs"));

  const index = indexSheet(ctx, X);
  const proposedCell = referencesSheet(ctx, R, index);
  pricesSheet(ctx, Pr, index);
  // the parameters before the budget: they hold the fixed share
  const fsCell = parametersSheet(P, proposal, newTariff, key, w, lang);
  budgetSheet(ctx, B, newTariff, plan, proposedCell, fsCell);
  const indexText = [...options.index].sort(([a], [b]) => a - b).map(([y, p]) => `${y} ${formatScaled(p.units, p.scale).replace(".", lang === "sv" ? "," : ".")} %`).join(", ");
  inputsSheet(F, lang, options.inputs, [
    [w("tool"), `vardavtal ${options.version}`],
    [w("from"), `${old.title} (${old.year})`],
    [w("baseYear"), index.baseYears.join(", ")],
    [w("indexFact"), indexText],
    [w("roundTo"), ctx.sek(proposal.roundTo)],
    [w("keyBasis"), keySharesText(old.parties.map((p) => p.id), key, lang)],
    ...(ctx.undecided.length > 0 ? [[w("remark"), ctx.undecided.join("; ")] as [string, string]] : []),
    [w("runAt"), runAt],
  ]);

  return workbookBuffer(wb);
}

function proposalContext(proposal: Proposal, options: ProposalWorkbookOptions): ProposalContext {
  const lang = options.lang;
  const w = (k: Word, params: Record<string, string | number> = {}): string => workbookWord(lang, k, params);
  const old = options.tariff;
  const Y = proposal.year;
  const parties = old.parties;
  const id = (i: number): string => parties[i]?.id ?? String(i);
  const ok = w("ok");
  const fail = w("fail");
  const status = (cond: string): string => `IF(${cond},${constantLiteral(ok)},${constantLiteral(fail)})`;
  const sek = (ore: bigint): string => (lang === "sv" ? formatOre(ore).replace(".", ",") : formatOre(ore));
  const krText = (x: Rational, decimals = 12): string => {
    const s = formatRational({ num: x.num, den: x.den * 100n }, 2, decimals);
    return lang === "sv" ? s.replace(".", ",") : s;
  };
  return { proposal, options, lang, w, old, Y, parties, id, ok, fail, status, sek, krText, undecided: [] };
}

/** Index: each year's index and factor, each base year's uprating to the year proposed. */
function indexSheet(ctx: ProposalContext, X: Sheet) {
  const { proposal, options, lang, w, Y } = ctx;
  const baseYears = options.results.map((r) => r.year);
  const firstYear = Math.min(...baseYears, Y - 1) + 1;
  title(X, 1, `${w("proposal_heading", { year: Y })}: ${w("indexTitle").toLowerCase()}`, 14, 5);
  put(X, 2, 1, w("indexNote", { year: Y }));
  X.mergeCells(2, 1, 2, 5);
  X.getRow(2).height = 30;
  header(X, 4, [w("year"), w("indexPct"), w("factor")]);
  const factorCell = new Map<number, CellRef>();
  const yearFactor = new Map<number, Rational>();
  let xr = 5;
  for (let y = firstYear; y <= Y; y++) {
    const p = options.index.get(y);
    if (!p) throw new Error(`internal: no index for ${y}`);
    const f = indexFactor(p);
    yearFactor.set(y, f);
    put(X, xr, 1, y, "0");
    put(X, xr, 2, decimalCellNumber(formatScaled(p.units, p.scale)), PERCENT_NUMBER);
    factorCell.set(y, formula(X, xr, 3, `1+B${xr}/100`, decimalCellNumber(formatRational(f, 2, 40)), FACTOR));
    xr++;
  }
  xr++;
  title(X, xr, w("baseYears", { year: Y }), 12, 5);
  xr++;
  header(X, xr, [w("baseYear"), w("uprating"), w("years"), w("file"), w("forecast")]);
  xr++;
  const upratingCell = new Map<number, CellRef>();
  for (const r of options.results) {
    const f = proposal.factors.get(r.year) as Rational;
    const from = factorCell.get(r.year + 1) as CellRef;
    const to = factorCell.get(Y) as CellRef;
    put(X, xr, 1, r.year, "0");
    upratingCell.set(r.year, formula(X, xr, 2, `PRODUCT(${rangeRef(X, from.row, 3, to.row, 3, X)})`, decimalCellNumber(formatRational(f, 2, 60)), FACTOR));
    put(X, xr, 3, r.year + 1 === Y ? String(Y) : `${r.year + 1}–${Y}`);
    put(X, xr, 4, r.file);
    put(X, xr, 5, [r.forecastThrough ?? "", r.scenario ? `SCENARIO: ${r.scenario.join("; ")}` : ""].filter((x) => x !== "").join("; "));
    xr++;
  }
  xr++;
  put(X, xr, 1, w("nextFactor", { year: Y }), undefined, true);
  X.mergeCells(xr, 1, xr, 2);
  X.getRow(xr).height = 28;
  const nextFactorCell = formula(X, xr, 3, ref(factorCell.get(Y) as CellRef, X), decimalCellNumber(formatRational(proposal.yearFactor, 2, 40)), FACTOR, true);
  finishSheet(X, { freezeRows: 0 });
  X.getColumn(1).width = Math.max(X.getColumn(1).width ?? 0, 12);
  signatureBlock(X, lang, null); // a proposal is not decided
  return { baseYears, upratingCell, nextFactorCell };
}

/** Referensbelopp: each pair's values uprated, their mean rounded to the proposed reference. */
function referencesSheet(ctx: ProposalContext, R: Sheet, index: ReturnType<typeof indexSheet>): Map<string, CellRef> {
  const { proposal, options, lang, w, old, Y, parties, id } = ctx;
  const { upratingCell } = index;
  const nb = options.results.length;
  const unitOre = proposal.roundTo;
  const rc = refColumns(nb);
  title(R, 1, w("proposal_refTitle", { year: Y }), 14, rc.remark);
  put(R, 2, 1, w("refNote"));
  R.mergeCells(2, 1, 2, rc.remark);
  R.getRow(2).height = 30;
  put(R, 3, 1, w("roundTo"), undefined, true);
  R.mergeCells(3, 1, 3, 2);
  const unitCell = money(R, 3, 3, unitOre);
  put(R, 4, 1, w("count"), undefined, true);
  R.mergeCells(4, 1, 4, 2);
  put(R, 4, 3, nb, FORMATS.count);
  const headRow = 6;
  header(R, headRow, [
    cliText(lang, "seller"),
    cliText(lang, "buyer"),
    ...options.results.map((r) => w("valueOf", { year: r.year })),
    ...options.results.map((r) => `${w("upratedOf", { year: r.year })}`),
    w("mean"),
    w("unit"),
    w("proposed", { year: Y }),
    w("previousRef", { year: Y - 1 }),
    w("change"),
    w("remark"),
  ]);
  for (let c = 3; c <= rc.change; c++) R.getCell(headRow, c).alignment = { horizontal: "right" };
  let rr = headRow + 1;
  const proposedCell = new Map<string, CellRef>();
  const n = parties.length;
  const referenced = new Set(proposal.references.map((x) => x.seller * n + x.buyer));
  for (const d of proposal.references) {
    referenceRow(ctx, R, rr, d, { rc, unitCell, upratingCell }, proposedCell);
    rr++;
  }
  // References of Y−1 that get none: shown with their amount, the change is the whole amount.
  const droppedRefs = old.references.filter((x) => !referenced.has(x.seller * n + x.buyer));
  for (const x of droppedRefs) {
    put(R, rr, rc.seller, id(x.seller));
    put(R, rr, rc.buyer, id(x.buyer));
    money(R, rr, rc.previous, x.amount);
    moneyFormula(R, rr, rc.change, `ROUND(${addrOf(rr, rc.proposed)}-${addrOf(rr, rc.previous)},2)`, -x.amount);
    put(R, rr, rc.remark, w("dropped"));
    rr++;
  }
  const refFirst = headRow + 1;
  const refLast = Math.max(refFirst, rr - 1);
  put(R, rr, 1, w("total"));
  const colSum = (c: number, ore: bigint): CellRef => moneyFormula(R, rr, c, `ROUND(SUM(${colLetter(c)}${refFirst}:${colLetter(c)}${refLast}),2)`, ore, true);
  const sumProposed = proposal.references.reduce((a, x) => a + x.reference, 0n);
  const sumPrevious = old.references.reduce((a, x) => a + x.amount, 0n);
  colSum(rc.proposed, sumProposed);
  colSum(rc.previous, sumPrevious);
  colSum(rc.change, sumProposed - sumPrevious);
  boldRow(R, rr, 1, rc.remark);
  finishSheet(R, { freezeRows: headRow, filter: { row: headRow, from: 1, to: rc.remark, lastRow: rr - 1 } });
  textColumn(R, rc.remark, headRow, rr);
  R.views = [{ state: "frozen", xSplit: 2, ySplit: headRow }];
  R.getColumn(1).width = Math.max(R.getColumn(1).width ?? 0, 12);
  return proposedCell;
}

/** The columns of the references sheet, with `nb` base years. */
function refColumns(nb: number) {
  return {
    seller: 1,
    buyer: 2,
    value: (k: number) => 3 + k,
    uprated: (k: number) => 3 + nb + k,
    mean: 3 + 2 * nb,
    unit: 4 + 2 * nb,
    proposed: 5 + 2 * nb,
    previous: 6 + 2 * nb,
    change: 7 + 2 * nb,
    remark: 8 + 2 * nb,
  };
}

/**
 * One pair's row on row `rr`: its base years' values uprated, their mean, the proposed reference
 * (a formula where a spreadsheet's doubles round it as the proposal does, else the figure with a
 * remark), last year's and the change.
 */
function referenceRow(ctx: ProposalContext, R: Sheet, rr: number, d: Proposal["references"][number], at: { rc: ReturnType<typeof refColumns>; unitCell: CellRef; upratingCell: Map<number, CellRef> }, proposedCell: Map<string, CellRef>): void {
  const { proposal, options, w, Y, id, krText, undecided } = ctx;
  const { rc, unitCell, upratingCell } = at;
  const nb = options.results.length;
  const unitOre = proposal.roundTo;
  put(R, rr, rc.seller, id(d.seller));
  put(R, rr, rc.buyer, id(d.buyer));
  const ex = new ExactDoubles();
  let sum = 0;
  let sumExactR: Rational = { num: 0n, den: 1n };
  let magnitude: Rational = { num: 0n, den: 1n };
  d.bases.forEach((b, k) => {
    // value (10⁻⁸ SEK) as SEK: b.value / 1e8
    const value: Rational = { num: b.value, den: 100_000_000n };
    put(R, rr, rc.value(k), decimalCellNumber(formatValueSek(b.value)), FORMATS.value);
    const up = mul(value, b.factor);
    const upCell = upratingCell.get(b.year) as CellRef;
    formula(R, rr, rc.uprated(k), `${addrOf(rr, rc.value(k))}*${ref(upCell, R, true)}`, decimalCellNumber(formatRational(up, 2, 20)), FORMATS.value);
    // the same steps in doubles: value × F, where F is the product of the years' factors
    const vd = ex.cell(value);
    let fd = 1;
    let fr: Rational = { num: 1n, den: 1n };
    for (let y = b.year + 1; y <= Y; y++) {
      const p = options.index.get(y) as ScaledDecimal;
      fr = mul(fr, indexFactor(p));
      fd = ex.op(fd * factorInDoubles(p, ex), fr);
    }
    const ud = ex.op(vd * fd, up);
    sumExactR = { num: sumExactR.num * up.den + up.num * sumExactR.den, den: sumExactR.den * up.den };
    sum = ex.op(sum + ud, sumExactR);
    magnitude = { num: magnitude.num * up.den + absBig(up.num) * magnitude.den, den: magnitude.den * up.den };
  });
  const first = addrOf(rr, rc.uprated(0));
  const last = addrOf(rr, rc.uprated(nb - 1));
  const meanKr: Rational = { num: d.mean.num, den: d.mean.den * 100n };
  formula(R, rr, rc.mean, `SUM(${first}:${last})/${nb}`, decimalCellNumber(formatRational(meanKr, 2, 20)), FORMATS.value);
  const unitKr: Rational = { num: unitOre, den: 100n };
  formula(R, rr, rc.unit, ref(unitCell, R, true), exactCellNumber(unitOre), FORMATS.money);
  // q = mean / unit, in rounding steps
  const q: Rational = { num: d.mean.num, den: d.mean.den * unitOre };
  const meanD = ex.op(sum / nb, meanKr);
  ex.op(meanD / ex.cell(unitKr), q);
  const stepsMagnitude: Rational = { num: magnitude.num * 100n, den: magnitude.den * BigInt(nb) * unitOre };
  const decided = roundingDecidable(q, stepsMagnitude, { exactInDoubles: ex.exact, snaps: false });
  const remarks: string[] = [];
  if (decided) {
    proposedCell.set(`${d.seller},${d.buyer}`, moneyFormula(R, rr, rc.proposed, `ROUND(ROUND(${addrOf(rr, rc.mean)}/${addrOf(rr, rc.unit)},0)*${addrOf(rr, rc.unit)},2)`, d.reference, true));
  } else {
    proposedCell.set(`${d.seller},${d.buyer}`, money(R, rr, rc.proposed, d.reference, true));
    remarks.push(w("boundary", { mean: krText(d.mean, 30) }));
    undecided.push(`${id(d.seller)}→${id(d.buyer)}`);
  }
  // the change of a new pair is its whole amount (last year's reference counts as 0)
  if (d.previous !== undefined) money(R, rr, rc.previous, d.previous);
  else remarks.push(w("newPair", { year: Y - 1 }));
  moneyFormula(R, rr, rc.change, `ROUND(${addrOf(rr, rc.proposed)}-${addrOf(rr, rc.previous)},2)`, d.reference - (d.previous ?? 0n));
  put(R, rr, rc.remark, remarks.join("; "));
}

/** Priser och budgetar: point prices, solidarity and fixed-only amounts uprated by the year's factor. */
function pricesSheet(ctx: ProposalContext, Pr: Sheet, index: ReturnType<typeof indexSheet>): void {
  const { proposal, options, w, old, Y, parties, id, krText, undecided } = ctx;
  const { nextFactorCell } = index;
  const pc = { section: 1, item: 2, detail: 3, old: 4, validFrom: 5, factor: 6, new: 7, remark: 8 };
  title(Pr, 1, w("pricesTitle", { year: Y }), 14, pc.remark);
  put(Pr, 2, 1, w("pricesNote", { year: Y, prev: Y - 1 }));
  Pr.mergeCells(2, 1, 2, pc.remark);
  Pr.getRow(2).height = 30;
  const prHead = 4;
  header(Pr, prHead, [w("section"), w("item"), w("detail"), w("amountOf", { year: Y - 1 }), w("validFrom", { year: Y - 1 }), w("factor"), w("amountOf", { year: Y }), w("remark")]);
  for (const c of [pc.old, pc.factor, pc.new]) Pr.getCell(prHead, c).alignment = { horizontal: "right" };
  let pr = prHead + 1;
  const yf = proposal.yearFactor;
  const uprated = (section: string, item: string, detail: string, oldOre: bigint, validFrom: string, newText: string | undefined): void => {
    const expected = roundHalfAwayFromZero(oldOre * yf.num, yf.den);
    const got = newText !== undefined ? parseMoney(newText) : undefined;
    if (got !== expected) throw new Error(`internal: the proposal's ${section} ${item} ${detail} is ${newText ?? "missing"}, not ${formatOre(expected)}`);
    put(Pr, pr, pc.section, section);
    put(Pr, pr, pc.item, item);
    put(Pr, pr, pc.detail, detail);
    money(Pr, pr, pc.old, oldOre);
    put(Pr, pr, pc.validFrom, validFrom);
    formula(Pr, pr, pc.factor, ref(nextFactorCell, Pr, true), decimalCellNumber(formatRational(yf, 2, 40)), FACTOR);
    const exact = mul({ num: oldOre, den: 1n }, yf); // öre
    // the product in doubles is exact only when the old amount and the factor are, and so is the product
    const ex = new ExactDoubles();
    const od = ex.cell({ num: oldOre, den: 100n });
    ex.op(od * factorInDoubles(options.index.get(Y) as ScaledDecimal, ex), { num: exact.num, den: exact.den * 100n });
    if (roundingDecidable(exact, exact, { exactInDoubles: ex.exact, snaps: true })) {
      moneyFormula(Pr, pr, pc.new, `ROUND(${addrOf(pr, pc.old)}*${addrOf(pr, pc.factor)},2)`, expected, true);
    } else {
      money(Pr, pr, pc.new, expected, true);
      put(Pr, pr, pc.remark, w("boundaryAmount", { exact: krText(exact, 30) }));
      undecided.push(`${section} ${item} ${detail}`);
    }
    pr++;
  };
  const yearEnd = `${Y - 1}-12-31`;
  const newFile = proposal.tariff;
  parties.forEach((p, s) => {
    const inForce = (old.pointPrices[s] ?? []).filter((x) => x.validFrom <= yearEnd).at(-1);
    if (!inForce) return;
    const next = newFile.pointPrices.find((x) => x.seller === p.id);
    uprated(w("pointPrice"), p.id, p.name, inForce.price, inForce.validFrom, next?.price);
  });
  old.solidarity.forEach((u, i) => uprated(w("solidarity"), u.unit, `${w("host")} ${id(u.host)}`, u.amount, "", newFile.solidarity[i]?.amount));
  old.fixedOnly.forEach((f, i) => {
    const next = newFile.fixedOnly[i];
    if (f.total !== undefined) uprated(w("fixedOnly"), f.area, `${w("host")} ${id(f.host)}, ${w("totalKey")}`, f.total, "", next?.total);
    f.amounts?.forEach((a, b) => {
      if (a !== undefined) uprated(w("fixedOnly"), f.area, `${id(b)} → ${id(f.host)} (${w("perBuyer")})`, a, "", next?.amounts?.[id(b)]);
    });
  });
  if (pr === prHead + 1) put(Pr, pr++, 1, w("noPrices"));
  finishSheet(Pr, { freezeRows: prHead });
  textColumn(Pr, pc.validFrom, prHead, pr, 12);
  textColumn(Pr, pc.remark, prHead, pr);
  Pr.getColumn(pc.validFrom).width = Math.max(Pr.getColumn(pc.validFrom).width ?? 0, 12);
}

/** Columns of the budgeted settlement's lines. */
const bc = { payer: 1, payee: 2, component: 3, label: 4, reference: 5, amount: 6, remark: 7 };

/** Budgeterad avräkning: the new tariff's a-conto lines from the proposed references, and each party's net. */
function budgetSheet(ctx: ProposalContext, B: Sheet, newTariff: CompiledTariff, plan: AccontoPlan, proposedCell: Map<string, CellRef>, fsCell: CellRef): void {
  const { lang, w, Y, id, krText, undecided } = ctx;
  title(B, 1, w("budgetTitle", { year: Y }), 14, bc.remark);
  put(B, 2, 1, w("budgetNote"));
  B.mergeCells(2, 1, 2, bc.remark);
  B.getRow(2).height = 30;
  put(B, 3, 1, w("fixedShare"), undefined, true);
  const fsHere = formula(B, 3, 2, ref(fsCell, B), decimalCellNumber(newTariff.fixedShareText), FORMATS.factor);
  const bHead = 5;
  header(B, bHead, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "component"), cliText(lang, "label"), w("reference"), cliText(lang, "amount"), w("remark")]);
  for (const c of [bc.reference, bc.amount]) B.getCell(bHead, c).alignment = { horizontal: "right" };
  let br = bHead + 1;
  const fs = newTariff.fixedShare;
  const fsD = new ExactDoubles();
  const fsDouble = fsD.cell(fs);
  for (const l of plan.lines) {
    put(B, br, bc.payer, id(l.payer));
    put(B, br, bc.payee, id(l.payee));
    put(B, br, bc.component, componentName(l.component, lang));
    put(B, br, bc.label, l.label ?? "");
    const refCell = l.component === "fixed" || l.component === "variable" ? proposedCell.get(`${l.payee},${l.payer}`) : undefined;
    const refAmount = newTariff.references.find((x) => x.seller === l.payee && x.buyer === l.payer)?.amount;
    if (refCell && refAmount !== undefined) {
      formula(B, br, bc.reference, ref(refCell, B), exactCellNumber(refAmount), FORMATS.money);
      const share: Rational = l.component === "fixed" ? fs : { num: fs.den - fs.num, den: fs.den };
      const exact = mul(share, { num: refAmount, den: 1n }); // öre
      if (roundHalfAwayFromZero(exact.num, exact.den) !== l.annual) throw new Error(`internal: a-conto line ${l.component} ${id(l.payer)}→${id(l.payee)} is not the rounded share of the reference`);
      const ex = new ExactDoubles();
      const rd = ex.cell({ num: refAmount, den: 100n });
      const sd = l.component === "fixed" ? fsDouble : ex.op(1 - fsDouble, share);
      ex.op(sd * rd, { num: exact.num, den: exact.den * 100n });
      const fsf = `${ref(fsHere, B, true)}`;
      if (roundingDecidable(exact, exact, { exactInDoubles: ex.exact && fsD.exact, snaps: true })) {
        moneyFormula(B, br, bc.amount, l.component === "fixed" ? `ROUND(${fsf}*${addrOf(br, bc.reference)},2)` : `ROUND((1-${fsf})*${addrOf(br, bc.reference)},2)`, l.annual);
      } else {
        money(B, br, bc.amount, l.annual);
        put(B, br, bc.remark, w("boundaryAmount", { exact: krText(exact, 30) }));
        undecided.push(`${componentName(l.component, lang)} ${id(l.payer)}→${id(l.payee)}`);
      }
    } else {
      money(B, br, bc.amount, l.annual);
    }
    br++;
  }
  if (plan.lines.length === 0) put(B, br++, 1, w("noLines"));
  const lineFirst = bHead + 1;
  const lineLast = Math.max(lineFirst, br - 1);
  put(B, br, 1, w("total"));
  moneyFormula(B, br, bc.amount, `ROUND(SUM(${colLetter(bc.amount)}${lineFirst}:${colLetter(bc.amount)}${lineLast}),2)`, plan.lines.reduce((a, l) => a + l.annual, 0n), true);
  boldRow(B, br, 1, bc.remark);
  br += 2;
  br = budgetNetTable(ctx, B, br, plan, lineFirst, lineLast);
  finishSheet(B, { freezeRows: bHead });
  textColumn(B, bc.remark, bHead, lineLast);
  B.getCell(br, 4).alignment = { horizontal: "center" };
  B.getCell(br - 1, 4).alignment = { horizontal: "center" };
  B.getColumn(1).width = Math.max(B.getColumn(1).width ?? 0, 14);
}

/** Each party's budgeted net (from row `br`), and the check that the nets sum to zero; returns the check's row. */
function budgetNetTable(ctx: ProposalContext, B: Sheet, br: number, plan: AccontoPlan, lineFirst: number, lineLast: number): number {
  const { lang, w, parties, ok, status } = ctx;
  title(B, br, w("perPartyTitle"), 12, 5);
  br++;
  header(B, br, [cliText(lang, "party"), w("name"), cliText(lang, "receives"), cliText(lang, "pays"), cliText(lang, "net")]);
  for (let c = 3; c <= 5; c++) B.getCell(br, c).alignment = { horizontal: "right" };
  br++;
  const range = (c: number): string => rangeRef(B, lineFirst, c, lineLast, c, B);
  const netFirst = br;
  parties.forEach((p, i) => {
    const received = plan.lines.filter((l) => l.payee === i).reduce((a, l) => a + l.annual, 0n);
    const paid = plan.lines.filter((l) => l.payer === i).reduce((a, l) => a + l.annual, 0n);
    put(B, br, 1, p.id);
    put(B, br, 2, p.name);
    moneyFormula(B, br, 3, `ROUND(${sumExact(range(bc.amount), [[range(bc.payee), `$A${br}`]])},2)`, received);
    moneyFormula(B, br, 4, `ROUND(${sumExact(range(bc.amount), [[range(bc.payer), `$A${br}`]])},2)`, paid);
    moneyFormula(B, br, 5, `ROUND(C${br}-D${br},2)`, received - paid, true);
    if (received - paid !== (plan.annualNet[i] ?? 0n)) throw new Error(`internal: the budgeted net of ${p.id} differs from the a-conto plan's`);
    br++;
  });
  put(B, br, 1, w("total"));
  moneyFormula(B, br, 3, `ROUND(SUM(C${netFirst}:C${br - 1}),2)`, plan.lines.reduce((a, l) => a + l.annual, 0n), true);
  moneyFormula(B, br, 4, `ROUND(SUM(D${netFirst}:D${br - 1}),2)`, plan.lines.reduce((a, l) => a + l.annual, 0n), true);
  const netSumCell = moneyFormula(B, br, 5, `ROUND(SUM(E${netFirst}:E${br - 1}),2)`, 0n, true);
  boldRow(B, br, 1, 5);
  br += 2;
  title(B, br, w("proposal_checks"), 12, 5);
  br++;
  header(B, br, [w("item"), "", cliText(lang, "amount"), w("status")]);
  B.getCell(br, 3).alignment = { horizontal: "right" };
  br++;
  put(B, br, 1, w("netSum"));
  B.mergeCells(br, 1, br, 2);
  moneyFormula(B, br, 3, ref(netSumCell, B), 0n);
  formula(B, br, 4, status(`C${br}=0`), ok, undefined, true);
  return br;
}

/** A text column beside right-aligned amounts: left-aligned with an indent, never narrower than its header needs. */
function textColumn(sheet: Sheet, col: number, fromRow: number, toRow: number, minWidth = 14): void {
  for (let r = fromRow; r <= toRow; r++) {
    const cell = sheet.getCell(r, col);
    cell.alignment = { ...cell.alignment, horizontal: "left", indent: 1 };
  }
  sheet.getColumn(col).width = Math.max(sheet.getColumn(col).width ?? 0, minWidth);
}

function addrOf(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** The new tariff's values with their sources; returns the fixed share's cell. */
function parametersSheet(P: Sheet, proposal: Proposal, tariff: CompiledTariff, key: NonNullable<ReturnType<typeof resolveKey>>, w: (k: Word, params?: Record<string, string | number>) => string, lang: Lang): CellRef {
  const file = tariff.file;
  const id = (i: number): string => tariff.parties[i]?.id ?? String(i);
  title(P, 1, w("paramsTitle", { title: tariff.title }), 14, 5);
  header(P, 2, [w("section"), w("item"), w("detail"), w("value"), w("source")]);
  const params = new ParameterTable(P);
  const paramRow = params.add.bind(params);
  paramRow(w("tariff"), w("titleWord"), "", tariff.title, undefined, tariff.source);
  paramRow(w("tariff"), w("year"), "", tariff.year, "0", undefined);
  paramRow(w("tariff"), w("statusWord"), "", statusName(proposal.tariff.status, lang), undefined, undefined);
  const fsCell = paramRow(w("tariff"), w("fixedShare"), "", decimalCellNumber(tariff.fixedShareText), FORMATS.factor, file.sources?.fixedShare);
  paramRow(w("keyBasis"), w("keyBasis"), key.date ?? "", key.basis === "population" ? w("keyPopulation") : w("keyFixed"), undefined, file.key.source);
  if (key.basis === "population") tariff.parties.forEach((p, i) => paramRow(w("population"), p.id, p.name, Number(key.population?.[i] ?? 0n), FORMATS.count, file.population?.source));
  tariff.parties.forEach((p, i) => paramRow(w("share"), p.id, p.name, shareCellNumber(key, i), FORMATS.share, key.basis === "population" ? undefined : file.key.source));
  for (const r of tariff.references) paramRow(w("reference"), `${id(r.seller)} → ${id(r.buyer)}`, "", exactCellNumber(r.amount), FORMATS.money, r.source);
  tariff.pointPrices.forEach((list, s) => {
    for (const p of list) paramRow(w("pointPrice"), id(s), p.validFrom, exactCellNumber(p.price), FORMATS.money, p.source);
  });
  for (const u of tariff.solidarity) paramRow(w("solidarity"), u.unit, `${w("host")} ${id(u.host)}, ${w("keySplit")}`, exactCellNumber(u.amount), FORMATS.money, u.source);
  for (const f of tariff.fixedOnly) {
    if (f.total !== undefined) paramRow(w("fixedOnly"), f.area, `${w("host")} ${id(f.host)}, ${w("keySplit")}`, exactCellNumber(f.total), FORMATS.money, f.source);
    f.amounts?.forEach((a, b) => {
      if (a !== undefined) paramRow(w("fixedOnly"), f.area, `${id(b)} → ${id(f.host)} (${w("perBuyer")})`, exactCellNumber(a), FORMATS.money, f.source);
    });
  }
  tariff.grants.forEach((g, gi) => {
    paramRow(w("grant"), g.name, `${w("recipient")} ${id(g.recipient)}${g.amounts ? "" : `, ${w("keySplit")}`}`, exactCellNumber(g.amount), FORMATS.money, g.source);
    g.amounts?.forEach((a, p) => {
      if (a !== undefined) paramRow(w("grant"), g.name, `${id(g.recipient)} → ${id(p)} (${w("perParty")})`, exactCellNumber(a), FORMATS.money, file.grants[gi]?.amounts?.source ?? g.source);
    });
  });
  params.finish(true);
  return fsCell;
}
