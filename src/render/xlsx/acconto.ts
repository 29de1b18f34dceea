/**
 * The workbook of `acconto --xlsx`, "Faktureringsunderlag a conto": a view of the checked
 * a-conto plan (src/core/year/acconto.ts), never a second calculation. An overview with each party's
 * net position per month and each month's payments, one sheet per paying region (the invoicing
 * basis a controller sends: every line the region pays, its twelve monthly parts, totals per
 * month and per payee), the tariff values the plan uses, and the input files.
 *
 * The monthly parts are values (the plan's own figures); annual amounts, totals, net positions and
 * checks are formulas with the plan's exact figure as cached result, rounded with ROUND where the
 * plan sums öre. No input text (ids, names, labels) is part of a formula: formulas refer to the
 * cells that hold it and compare with EXACT (sumExact).
 */
import { workbookWord, type WorkbookWord } from "../../text/workbook-words.js";
import { MONTHS, type AccontoPlan } from "../../core/year/acconto.js";
import { roundHalfAwayFromZero } from "../../core/model/decimal.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { componentName, nettingWords, t as cliText } from "../../text/i18n.js";
import { accontoUnitWords } from "../format.js";
import { keySharesText, monthName, runTimeText, statusBanner, titleWithYear, yesNo } from "../labels.js";
import { FORMATS, boldRow, colLetter, decimalCellNumber, exactCellNumber, formula, header, money, moneyFormula, put, rangeRef, ref, shareCellNumber, title, type CellRef, type Sheet } from "./kit/cells.js";
import { constantLiteral, sumExact } from "./kit/formula.js";
import { finishSheet } from "./kit/layout.js";
import { signatureBlock } from "./kit/signature.js";
import { addBanner } from "./kit/banner.js";
import { inputsSheet } from "./kit/inputs-sheet.js";
import { ParameterTable } from "./kit/parameter-table.js";
import { newWorkbook, reportTime, workbookBuffer } from "./kit/workbook.js";

export interface AccontoWorkbookOptions {
  lang: Lang;
  inputs: InputFileInfo[];
  version: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now (see runTime) */
  runAt?: string;
}


type Word = WorkbookWord;

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique among `taken`
 * (Excel compares sheet names without regard to case).
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(SHEET_NAME_BAD, "_").replace(/^'+|'+$/g, "") || "_";
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? "" : ` (${k})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Header cells over amounts align right, with their numbers. */
function alignRight(sheet: Sheet, row: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) sheet.getCell(row, c).alignment = { ...sheet.getCell(row, c).alignment, horizontal: "right" };
}

/** A wide table (twelve months) gets the most of the page: landscape, fitted to the width, narrow margins. */
function narrowMargins(sheet: Sheet): void {
  sheet.pageSetup.margins = { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 };
}

/** Sets a row's height for a text merged over columns, so that a wrapped note is shown whole. */
function note(sheet: Sheet, row: number, label: string, text: string, span: number, chars = 150): void {
  put(sheet, row, 1, label, undefined, true);
  sheet.getCell(row, 1).alignment = { vertical: "top" };
  put(sheet, row, 2, text);
  sheet.mergeCells(row, 2, row, span);
  const lines = Math.ceil(text.length / chars);
  if (lines > 1) sheet.getRow(row).height = 15 * lines;
}
const sumOre = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

// Columns of a payer's sheet: payee, component, label, annual, then the twelve months.
const col = { payee: 1, component: 2, label: 3, annual: 4, month: (k: number) => 5 + k };
const lastCol = col.month(MONTHS - 1);
const monthLetters = Array.from({ length: MONTHS }, (_, k) => colLetter(col.month(k)));

/** What every sheet of the plan is written from: the plan, the options, and their words. */
interface AccontoContext {
  plan: AccontoPlan;
  options: AccontoWorkbookOptions;
  lang: Lang;
  w: (k: Word, params?: Record<string, string | number>) => string;
  /** the months' names, January first */
  months: string[];
  parties: AccontoPlan["tariff"]["parties"];
  id: (i: number) => string;
  ok: string;
  fail: string;
  status: (cond: string) => string;
  heading: string;
  variableNote: string;
  unitText: string;
}

/** Per payer: the rows of its lines and the cells of its per-month totals. */
type PayerCells = { first: number; last: number; monthTotals: CellRef[] };

/**
 * The plan's sheets: the overview first (each month's net per party, signed), the payments, one
 * sheet per paying region (written first: the overview sums them), the references and
 * parameters, the inputs.
 */
export async function accontoWorkbook(plan: AccontoPlan, options: AccontoWorkbookOptions): Promise<Buffer> {
  const ctx = accontoContext(plan, options);
  const { lang, w, parties, id } = ctx;
  const at = reportTime(options.runAt);
  const runAt = runTimeText(at);

  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  addBanner(wb, statusBanner(plan.tariff.file.status, lang));
  const taken = new Set<string>();
  const O = wb.addWorksheet(uniqueSheetName(w("overview"), taken));
  const B = wb.addWorksheet(uniqueSheetName(w("paymentsSheet"), taken));
  const payers = parties.map((_, i) => i).filter((i) => plan.lines.some((l) => l.payer === i));
  const payerSheets = new Map<number, Sheet>();
  for (const i of payers) payerSheets.set(i, wb.addWorksheet(uniqueSheetName(w("payerPays", { payer: id(i) }), taken)));
  const Rf = wb.addWorksheet(uniqueSheetName(w("refSheet"), taken));
  const P = wb.addWorksheet(uniqueSheetName(w("params"), taken));
  const F = wb.addWorksheet(uniqueSheetName(w("inputs"), taken));

  const payerCells = new Map<number, PayerCells>();
  for (const payer of payers) payerCells.set(payer, payerSheet(ctx, payerSheets.get(payer) as Sheet, payer));
  const netCells = overviewSheet(ctx, O, runAt, payers, payerSheets, payerCells);
  paymentsSheet(ctx, B, netCells);
  parametersSheets(P, Rf, plan, w, lang);
  inputsSheet(F, lang, options.inputs, [
    [w("tool"), `vardavtal ${options.version}`],
    [w("keyBasis"), keySharesText(parties.map((p) => p.id), plan.key, lang)],
    [w("variable"), yesNo(plan.variable, lang)],
    [w("runAt"), runAt],
  ]);

  return workbookBuffer(wb);
}

function accontoContext(plan: AccontoPlan, options: AccontoWorkbookOptions): AccontoContext {
  const lang = options.lang;
  const w = (k: Word, params: Record<string, string | number> = {}): string => workbookWord(lang, k, params);
  const months = Array.from({ length: MONTHS }, (_, k) => monthName(k + 1, lang));
  const parties = plan.tariff.parties;
  const id = (i: number): string => parties[i]?.id ?? String(i);
  const ok = w("ok");
  const fail = w("fail");
  const status = (cond: string): string => `IF(${cond},${constantLiteral(ok)},${constantLiteral(fail)})`;
  const heading = `${w("acconto_heading")} ${plan.year}`;
  const variableNote = plan.variable ? w("variableIn") : w("variableOut");
  const unitText = accontoUnitWords(plan.unit, lang);
  return { plan, options, lang, w, months, parties, id, ok, fail, status, heading, variableNote, unitText };
}

/** A paying region's sheet: its lines by month, then what each payee invoices it per month. */
function payerSheet(ctx: AccontoContext, S: Sheet, payer: number): PayerCells {
  const { plan, lang, w, months, parties, id, heading, variableNote, unitText } = ctx;
  const lines = plan.lines.filter((l) => l.payer === payer);
  const name = parties[payer]?.name ?? "";
  title(S, 1, `${heading}: ${w("payerPays", { payer: id(payer) })}${name ? ` (${name})` : ""}`, 14, lastCol);
  note(S, 2, w("tariff"), plan.title, lastCol);
  note(S, 3, w("variable"), variableNote, lastCol);
  note(S, 4, w("monthly"), `${w("monthlyNote", { unit: unitText })}; ${w("amounts").toLowerCase()}: ${w("amountsNote")}`, lastCol);
  const headRow = 6;
  header(S, headRow, [cliText(lang, "payee"), cliText(lang, "component"), cliText(lang, "label"), w("annual"), ...months]);
  alignRight(S, headRow, col.annual, lastCol);
  const first = headRow + 1;
  lines.forEach((l, k) => {
    const row = first + k;
    put(S, row, col.payee, id(l.payee));
    put(S, row, col.component, componentName(l.component, lang));
    put(S, row, col.label, l.label ?? "");
    l.months.forEach((m, j) => money(S, row, col.month(j), m));
    moneyFormula(S, row, col.annual, `ROUND(SUM(${monthLetters[0]}${row}:${monthLetters[MONTHS - 1]}${row}),2)`, l.annual, true);
  });
  const last = first + lines.length - 1;
  const totalRow = last + 1;
  put(S, totalRow, 1, w("total"));
  moneyFormula(S, totalRow, col.annual, `ROUND(SUM(${colLetter(col.annual)}${first}:${colLetter(col.annual)}${last}),2)`, sumOre(lines.map((l) => l.annual)), true);
  const monthTotals: CellRef[] = [];
  for (let k = 0; k < MONTHS; k++) {
    const c = col.month(k);
    monthTotals.push(moneyFormula(S, totalRow, c, `ROUND(SUM(${colLetter(c)}${first}:${colLetter(c)}${last}),2)`, sumOre(lines.map((l) => l.months[k] ?? 0n)), true));
  }
  boldRow(S, totalRow, 1, lastCol);

  // What each payee invoices the payer per month: the lines summed by payee (formulas).
  let r = totalRow + 2;
  title(S, r, w("perPayee", { payer: id(payer) }), 12, lastCol);
  r++;
  header(S, r, [cliText(lang, "payee"), "", "", w("annual"), ...months]);
  alignRight(S, r, col.annual, lastCol);
  r++;
  const payeeFirst = r;
  const payees = parties.map((_, i) => i).filter((i) => lines.some((l) => l.payee === i));
  const range = (c: number): string => rangeRef(S, first, c, last, c, S);
  for (const q of payees) {
    const mine = lines.filter((l) => l.payee === q);
    put(S, r, col.payee, id(q));
    put(S, r, col.component, parties[q]?.name ?? "");
    S.mergeCells(r, col.component, r, col.label);
    for (let k = 0; k < MONTHS; k++) {
      const c = col.month(k);
      moneyFormula(S, r, c, `ROUND(${sumExact(range(c), [[range(col.payee), `$A${r}`]])},2)`, sumOre(mine.map((l) => l.months[k] ?? 0n)));
    }
    moneyFormula(S, r, col.annual, `ROUND(SUM(${monthLetters[0]}${r}:${monthLetters[MONTHS - 1]}${r}),2)`, sumOre(mine.map((l) => l.annual)), true);
    r++;
  }
  put(S, r, 1, w("total"));
  moneyFormula(S, r, col.annual, `ROUND(SUM(${colLetter(col.annual)}${payeeFirst}:${colLetter(col.annual)}${r - 1}),2)`, sumOre(lines.map((l) => l.annual)), true);
  for (let k = 0; k < MONTHS; k++) {
    const c = col.month(k);
    moneyFormula(S, r, c, `ROUND(SUM(${colLetter(c)}${payeeFirst}:${colLetter(c)}${r - 1}),2)`, sumOre(lines.map((l) => l.months[k] ?? 0n)), true);
  }
  boldRow(S, r, 1, lastCol);
  finishSheet(S, { freezeRows: headRow, labelColumns: col.label });
  narrowMargins(S);
  S.views = [{ state: "frozen", xSplit: col.annual, ySplit: headRow }];
  return { first, last, monthTotals };
}

/** Översikt: the months down, the parties across, each month's net from the payers' sheets. Returns the net cells by party. */
function overviewSheet(ctx: AccontoContext, O: Sheet, runAt: string, payers: number[], payerSheets: Map<number, Sheet>, payerCells: Map<number, PayerCells>): CellRef[][] {
  const { plan, options, lang, w, months, parties, id, variableNote, unitText } = ctx;
  // The months down, the parties across: the year on one page, signed under its figures.
  const span = Math.max(parties.length + 2, 5);
  title(O, 1, titleWithYear(`${w("acconto_heading")}: ${plan.title}`, plan.year), 16, span);
  note(O, 2, w("variable"), variableNote, span);
  note(O, 3, w("unitPrice"), w("unitPriceNote"), span);
  note(O, 4, w("monthly"), w("monthlyNote", { unit: unitText }), span);
  note(O, 5, w("runAt"), `${runAt} (vardavtal ${options.version})`, span);
  const oc = { month: 1, party: (i: number) => 2 + i, total: 2 + parties.length };
  const pLetters = parties.map((_, i) => colLetter(oc.party(i)));
  let r = 7;
  title(O, r, w("netTitle"), 12, span);
  r++;
  const netHead = r;
  header(O, r, [w("month"), ...parties.map((_, i) => id(i)), w("total")]);
  alignRight(O, r, 2, oc.total);
  r++;
  const netFirst = r;
  const netCells: CellRef[][] = parties.map(() => []);
  for (let k = 0; k < MONTHS; k++) {
    put(O, r, oc.month, months[k] as string);
    parties.forEach((_, i) => {
      // received: the party as payee on every payer's sheet; paid: its own sheet's month total
      const received = payers.map((p) => {
        const S = payerSheets.get(p) as Sheet;
        const pc = payerCells.get(p) as { first: number; last: number };
        const range = (c: number): string => rangeRef(S, pc.first, c, pc.last, c, O);
        return sumExact(range(col.month(k)), [[range(col.payee), `${pLetters[i]}$${netHead}`]]);
      });
      const own = payerCells.get(i)?.monthTotals[k];
      const f = `ROUND(${received.join("+") || "0"}${own ? `-${ref(own, O)}` : ""},2)`;
      netCells[i]?.push(moneyFormula(O, r, oc.party(i), f, plan.net[i]?.[k] ?? 0n));
    });
    moneyFormula(O, r, oc.total, `ROUND(SUM(${pLetters[0]}${r}:${pLetters[parties.length - 1]}${r}),2)`, sumOre(plan.net.map((m) => m[k] ?? 0n)), true);
    r++;
  }
  put(O, r, 1, w("netYear"));
  parties.forEach((_, i) => moneyFormula(O, r, oc.party(i), `ROUND(SUM(${pLetters[i]}${netFirst}:${pLetters[i]}${r - 1}),2)`, plan.annualNet[i] ?? 0n, true));
  moneyFormula(O, r, oc.total, `ROUND(SUM(${colLetter(oc.total)}${netFirst}:${colLetter(oc.total)}${r - 1}),2)`, sumOre(plan.annualNet), true);
  boldRow(O, r, 1, oc.total);
  r += 2;
  put(O, r, 1, w("acconto_programChecks"), undefined, true);
  put(O, r + 1, 1, w("checksHold", { count: plan.checks.length }));
  O.mergeCells(r, 1, r, span);
  O.mergeCells(r + 1, 1, r + 1, span);
  finishSheet(O, { freezeRows: 0 });
  // the notes' labels and the months' names share column A: a fitting width
  O.getColumn(1).width = Math.max(O.getColumn(1).width ?? 0, 14);
  signatureBlock(O, lang, plan.tariff.decision);
  return netCells;
}

/** Betalningar: each month's payments, and the check that they settle each month's net positions. */
function paymentsSheet(ctx: AccontoContext, B: Sheet, netCells: CellRef[][]): void {
  const { plan, lang, w, months, parties, id, ok, fail, status } = ctx;
  // Each month's payments, and the check that they settle each month's net positions.
  let r = 1;
  title(B, r, `${w("paymentsSheet")} ${plan.year}`, 14, 4);
  r++;
  put(B, r, 1, nettingWords(plan.netting, lang));
  B.mergeCells(r, 1, r, Math.max(4, parties.length + 1));
  r += 2;
  header(B, r, [w("month"), cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "amount")]);
  const payHead = r;
  alignRight(B, r, 4, 4);
  r++;
  const trFirst = r;
  for (let m = 1; m <= MONTHS; m++) {
    const ts = plan.transfers.filter((x) => x.month === m);
    if (ts.length === 0) {
      put(B, r, 1, months[m - 1] as string);
      put(B, r, 2, cliText(lang, "no_transfers"));
      r++;
    }
    for (const x of ts) {
      put(B, r, 1, months[m - 1] as string);
      put(B, r, 2, id(x.payer));
      put(B, r, 3, id(x.payee));
      money(B, r, 4, x.amount);
      r++;
    }
  }
  const trLast = r - 1;
  r++;

  // The check: each month's net position plus its payments is zero.
  title(B, r, w("afterTitle"), 12, Math.max(4, parties.length + 1));
  r++;
  const afterHead = r;
  header(B, r, [w("month"), ...parties.map((_, i) => id(i))]);
  alignRight(B, r, 2, parties.length + 1);
  r++;
  const afterFirst = r;
  const tr = (c: number): string => rangeRef(B, trFirst, c, trLast, c, B);
  const allZero = parties.map(() => true);
  for (let k = 0; k < MONTHS; k++) {
    put(B, r, 1, months[k] as string);
    const ts = plan.transfers.filter((x) => x.month === k + 1);
    parties.forEach((_, i) => {
      const partyCell = `${colLetter(2 + i)}$${afterHead}`; // the party's id in the header
      const paid = sumExact(tr(4), [[tr(1), `$A${r}`], [tr(2), partyCell]]);
      const got = sumExact(tr(4), [[tr(1), `$A${r}`], [tr(3), partyCell]]);
      const after = (plan.net[i]?.[k] ?? 0n) + sumOre(ts.filter((x) => x.payer === i).map((x) => x.amount)) - sumOre(ts.filter((x) => x.payee === i).map((x) => x.amount));
      moneyFormula(B, r, 2 + i, `ROUND(${ref(netCells[i]?.[k] as CellRef, B)}+${paid}-${got},2)`, after);
      if (after !== 0n) allZero[i] = false;
    });
    r++;
  }
  put(B, r, 1, w("status"), undefined, true);
  parties.forEach((_, i) => {
    const c = colLetter(2 + i);
    formula(B, r, 2 + i, status(`SUMPRODUCT(ABS(${c}${afterFirst}:${c}${r - 1}))=0`), allZero[i] ? ok : fail, undefined, true);
    B.getCell(r, 2 + i).alignment = { horizontal: "right" };
  });
  boldRow(B, r, 1, parties.length + 1);
  finishSheet(B, { freezeRows: payHead });
}

/** The tariff values the plan uses, with their sources; the fixed and variable a conto as formulas. */
function parametersSheets(P: Sheet, R: Sheet, plan: AccontoPlan, w: (k: Word) => string, lang: Lang): void {
  const tariff = plan.tariff;
  const file = tariff.file;
  const id = (i: number): string => tariff.parties[i]?.id ?? String(i);
  title(P, 1, `${w("params")}: ${plan.title}`, 14, 6);
  header(P, 2, [w("section"), w("item"), w("detail"), w("value"), w("source")]);
  const params = new ParameterTable(P);
  const paramRow = params.add.bind(params);
  paramRow(w("tariff"), w("title"), "", plan.title, undefined, tariff.source);
  paramRow(w("tariff"), w("year"), "", plan.year, "0", undefined);
  const fsCell = paramRow(w("tariff"), w("fixedShare"), "", decimalCellNumber(tariff.fixedShareText), FORMATS.factor, file.sources?.fixedShare);
  const key = plan.key;
  paramRow(w("keyBasis"), w("keyBasis"), key.date ?? "", key.basis === "population" ? w("keyPopulation") : w("keyFixed"), undefined, file.key.source);
  const from = key.populationSource?.kind === "file" ? key.populationSource.file : file.population?.source;
  if (key.basis === "population") tariff.parties.forEach((p, i) => paramRow(w("population"), p.id, p.name, Number(key.population?.[i] ?? 0n), FORMATS.count, from));
  tariff.parties.forEach((p, i) => paramRow(w("share"), p.id, p.name, shareCellNumber(key, i), FORMATS.share, key.basis === "population" ? undefined : file.key.source));
  for (const f of tariff.fixedOnly) {
    if (f.total !== undefined) paramRow(w("fixedOnly"), f.area, `${w("host")} ${id(f.host)}, ${w("keySplit")}`, exactCellNumber(f.total), FORMATS.money, f.source);
    f.amounts?.forEach((a, b) => {
      if (a !== undefined) paramRow(w("fixedOnly"), f.area, `${id(b)} → ${id(f.host)} (${w("perBuyer")})`, exactCellNumber(a), FORMATS.money, f.source);
    });
  }
  for (const u of tariff.solidarity) paramRow(w("solidarity"), u.unit, `${w("host")} ${id(u.host)}, ${w("keySplit")}`, exactCellNumber(u.amount), FORMATS.money, u.source);
  tariff.grants.forEach((g, gi) => {
    paramRow(w("grant"), g.name, `${w("recipient")} ${id(g.recipient)}${g.amounts ? "" : `, ${w("keySplit")}`}`, exactCellNumber(g.amount), FORMATS.money, g.source);
    g.amounts?.forEach((a, p) => {
      if (a !== undefined) paramRow(w("grant"), g.name, `${id(g.recipient)} → ${id(p)} (${w("perParty")})`, exactCellNumber(a), FORMATS.money, file.grants[gi]?.amounts?.source ?? g.source);
    });
  });
  params.finish(true);

  // The references and the a conto of fixed and variable they give (formulas, as the plan rounds).
  let pr = 1;
  title(R, pr, w("acconto_refTitle"), 14, plan.variable ? 7 : 6);
  pr++;
  put(R, pr, 1, `${w("tariff")}: ${plan.title}`);
  R.mergeCells(pr, 1, pr, plan.variable ? 7 : 6);
  pr += 2;
  const refHead = pr;
  header(R, pr, [cliText(lang, "seller"), cliText(lang, "buyer"), w("reference"), w("fixedShare"), w("fixedAconto"), ...(plan.variable ? [w("variableAconto")] : []), w("source")]);
  alignRight(R, pr, 3, plan.variable ? 6 : 5);
  R.getCell(pr, plan.variable ? 7 : 6).alignment = { horizontal: "left", indent: 1 };
  pr++;
  const fs = tariff.fixedShare;
  for (const rf of tariff.references) {
    put(R, pr, 1, id(rf.seller));
    put(R, pr, 2, id(rf.buyer));
    money(R, pr, 3, rf.amount);
    formula(R, pr, 4, ref(fsCell, R, true), decimalCellNumber(tariff.fixedShareText), FORMATS.factor);
    moneyFormula(R, pr, 5, `ROUND(D${pr}*C${pr},2)`, roundHalfAwayFromZero(fs.num * rf.amount, fs.den));
    if (plan.variable) moneyFormula(R, pr, 6, `ROUND((1-D${pr})*C${pr},2)`, roundHalfAwayFromZero((fs.den - fs.num) * rf.amount, fs.den));
    put(R, pr, plan.variable ? 7 : 6, rf.source ?? "");
    R.getCell(pr, plan.variable ? 7 : 6).alignment = { horizontal: "left", indent: 1 };
    pr++;
  }
  const first = refHead + 1;
  const last = Math.max(first, pr - 1);
  put(R, pr, 1, w("total"));
  const sum = (c: number, ore: bigint): CellRef => moneyFormula(R, pr, c, `ROUND(SUM(${colLetter(c)}${first}:${colLetter(c)}${last}),2)`, ore, true);
  sum(3, tariff.references.reduce((a, rf) => a + rf.amount, 0n));
  sum(5, tariff.references.reduce((a, rf) => a + roundHalfAwayFromZero(fs.num * rf.amount, fs.den), 0n));
  if (plan.variable) sum(6, tariff.references.reduce((a, rf) => a + roundHalfAwayFromZero((fs.den - fs.num) * rf.amount, fs.den), 0n));
  boldRow(R, pr, 1, plan.variable ? 7 : 6);
  finishSheet(R, { freezeRows: refHead });
}
