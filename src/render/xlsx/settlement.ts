/**
 * The workbook of `settle --xlsx`, "Slutreglering": a view of the checked settlement
 * (src/core/year/settlement.ts), never a second calculation. The first sheet is per counterparty,
 * one block per region as its own ledger sees it ("RKL mot RJL: att få / att betala"), with the
 * parties' figures, the final payments under the netting and the checks; then the lines per
 * payer→payee and component, the payments that count as paid (with date, text and source) with a
 * check that each line's paid recomputes from them, and the input files.
 *
 * Formulas carry the settlement's exact figure as cached result and round with ROUND to the öre;
 * no input text (ids, notes, file names) is part of a formula: formulas refer to the cells that
 * hold it and compare with EXACT (sumExact).
 */
import { workbookWord, type WorkbookWord } from "../../text/workbook-words.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import type { Payment, Settlement } from "../../core/year/settlement.js";
import { paymentSourceText } from "../../contracts/settlement.js";
import { componentName, nettingWords, t as cliText } from "../../text/i18n.js";
import { checkFigures, checkName, runTimeText, statusBanner, type TariffStatus } from "../labels.js";
import type { Decision } from "../../core/model/tariff.js";
import { boldRow, formula, header, money, moneyFormula, put, rangeRef, ref, title, type CellRef, type Sheet } from "./kit/cells.js";
import { constantLiteral, sumExact } from "./kit/formula.js";
import { finishSheet } from "./kit/layout.js";
import { signatureBlock } from "./kit/signature.js";
import { addBanner } from "./kit/banner.js";
import { inputsSheet } from "./kit/inputs-sheet.js";
import { newWorkbook, reportTime, workbookBuffer } from "./kit/workbook.js";

/** A payment as it is listed: with where it came from (a CSV line, a plan line), for the reader. */
export interface ListedPayment extends Payment {
  /** e.g. "betalningar.csv:12" or "Fast ersättning" */
  note?: string;
}

export interface SettlementWorkbookOptions {
  lang: Lang;
  inputs: InputFileInfo[];
  version: string;
  /** the result file */
  resultFile: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now (see runTime) */
  runAt?: string;
  /** the status of the tariff the result was calculated with (absent: decided); an illustrative or proposed one puts a banner on every sheet */
  tariffStatus?: TariffStatus;
  /** the decision of the tariff, as the result file names it (null or absent: none) */
  decision?: Decision | null;
}


type Word = WorkbookWord;

/** Header cells over amounts align right, with their numbers. */
function alignRight(sheet: Sheet, row: number, cols: number[]): void {
  for (const c of cols) sheet.getCell(row, c).alignment = { ...sheet.getCell(row, c).alignment, horizontal: "right" };
}

/** A status (OK/FEL) or a text right of an amount: centred or indented, never glued to the figure. */
function apart(sheet: Sheet, row: number, col: number, how: "center" | "indent"): void {
  sheet.getCell(row, col).alignment = how === "center" ? { horizontal: "center" } : { horizontal: "left", indent: 1 };
}
const sumOre = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

/** What every sheet of the settlement is written from: the settlement, the options, and their words. */
interface SettlementContext {
  s: Settlement;
  options: SettlementWorkbookOptions;
  lang: Lang;
  w: (k: Word, params?: Record<string, string | number>) => string;
  id: (i: number) => string;
  /** the number of parties */
  n: number;
  ok: string;
  fail: string;
  status: (cond: string) => string;
  /** a forecast's columns: paid to date and what the plan has left */
  forecastCols: boolean;
}

/**
 * The settlement's sheets: per counterparty first (signed), the lines, the payments, the checks,
 * the inputs. Written from the payments up: the lines sum the payments, the first sheet the lines.
 */
export async function settlementWorkbook(s: Settlement, options: SettlementWorkbookOptions): Promise<Buffer> {
  const ctx = settlementContext(s, options);
  const { lang, w } = ctx;
  const at = reportTime(options.runAt);
  const runAt = runTimeText(at);

  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  addBanner(wb, [...statusBanner(options.tariffStatus, lang), ...(s.forecast ? [w("bannerForecast", { through: s.forecast.through })] : [])]);
  const S = wb.addWorksheet(w("settlement_summary"));
  const R = wb.addWorksheet(w("lines"));
  const B = wb.addWorksheet(w("payments"));
  const K = wb.addWorksheet(w("checksSheet"));
  const F = wb.addWorksheet(w("inputs"));

  const payRange = paymentsSheet(ctx, B);
  const lineRange = linesSheet(ctx, R, payRange, S);
  const first = counterpartySheet(ctx, S, runAt, lineRange);
  checksSheet(ctx, K, S, lineRange, first);
  inputsSheet(F, lang, options.inputs, [
    [w("tool"), `vardavtal ${options.version}`],
    [w("runAt"), runAt],
  ]);
  return workbookBuffer(wb);
}

function settlementContext(s: Settlement, options: SettlementWorkbookOptions): SettlementContext {
  const lang = options.lang;
  const w = (k: Word, params: Record<string, string | number> = {}): string => workbookWord(lang, k, params);
  const id = (i: number): string => s.parties[i] ?? String(i);
  const n = s.parties.length;
  const ok = w("ok");
  const fail = w("fail");
  const status = (cond: string): string => `IF(${cond},${constantLiteral(ok)},${constantLiteral(fail)})`;
  const forecastCols = s.counterparties.some((c) => c.paidToDate !== undefined);
  return { s, options, lang, w, id, n, ok, fail, status, forecastCols };
}

/** Betalningar: the list of payments as read; returns a column of it as a range, for formulas on `from`. */
function paymentsSheet(ctx: SettlementContext, B: Sheet): (col: number, from: Sheet) => string {
  const { s, lang, w, id } = ctx;
  const payments = s.payments;
  title(B, 1, `${w("paymentsTitle")} (${s.year})`, 14, 7);
  header(B, 3, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "amount"), w("date"), cliText(lang, "component"), w("note"), w("source")]);
  alignRight(B, 3, [3]);
  apart(B, 3, 4, "indent");
  const payFirst = 4;
  payments.forEach((p, k) => {
    const row = payFirst + k;
    put(B, row, 1, id(p.payer));
    put(B, row, 2, id(p.payee));
    money(B, row, 3, p.amount);
    put(B, row, 4, p.date ?? "");
    apart(B, row, 4, "indent");
    // the component by its name (the name is what the lines' sheet matches on; no internal code is shown)
    put(B, row, 5, p.component === null ? w("unassigned") : componentName(p.component, lang));
    put(B, row, 6, p.note ?? p.label ?? "");
    put(B, row, 7, `${paymentSourceText(s, p)} (${w(`kind_${s.sources[p.source]?.kind ?? "payments"}` as Word)})`);
  });
  if (payments.length === 0) put(B, payFirst, 1, w("settlement_none"));
  const payLast = payFirst + Math.max(payments.length, 1) - 1;
  put(B, payLast + 1, 1, w("total"));
  moneyFormula(B, payLast + 1, 3, `ROUND(SUM(C${payFirst}:C${payLast}),2)`, sumOre(payments.map((p) => p.amount)), true);
  boldRow(B, payLast + 1, 1, 7);
  finishSheet(B, { freezeRows: 3 });
  B.getColumn(4).width = 12;
  B.getColumn(7).width = 48;
  const payRange = (col: number, from: Sheet): string => rangeRef(B, payFirst, col, payLast, col, from);
  return payRange;
}

/** Rader: what was due and paid per payer, payee and component; returns a column of it as a range on the first sheet. */
function linesSheet(ctx: SettlementContext, R: Sheet, payRange: (col: number, from: Sheet) => string, S: Sheet): (col: number) => string {
  const { s, lang, w, id } = ctx;
  title(R, 1, `${w("settlement_linesTitle")} (${s.year})`, 14, 9);
  put(R, 2, 1, w("paidNote"));
  R.mergeCells(2, 1, 2, 9);
  header(R, 4, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "component"), w("due"), w("paid"), w("difference"), w("invoiced"), w("fromList"), w("deviation")]);
  alignRight(R, 4, [4, 5, 6, 7, 8, 9]);
  const lineFirst = 5;
  s.lines.forEach((l, k) => {
    const row = lineFirst + k;
    put(R, row, 1, id(l.payer));
    put(R, row, 2, id(l.payee));
    put(R, row, 3, l.component === null ? w("unassigned") : componentName(l.component, lang));
    money(R, row, 4, l.due);
    money(R, row, 5, l.paid);
    moneyFormula(R, row, 6, `ROUND(D${row}-E${row},2)`, l.difference, true);
    money(R, row, 7, l.invoiced);
    const fromList = sumOre(s.payments.filter((p) => p.payer === l.payer && p.payee === l.payee && p.component === l.component).map((p) => p.amount));
    moneyFormula(R, row, 8, `ROUND(${sumExact(payRange(3, R), [[payRange(1, R), `$A${row}`], [payRange(2, R), `$B${row}`], [payRange(5, R), `$C${row}`]])},2)`, fromList);
    moneyFormula(R, row, 9, `ROUND(E${row}-G${row}-H${row},2)`, l.paid - l.invoiced - fromList);
  });
  const lineLast = lineFirst + Math.max(s.lines.length, 1) - 1;
  put(R, lineLast + 1, 1, w("total"));
  for (const [c, v] of [[4, sumOre(s.lines.map((l) => l.due))], [5, sumOre(s.lines.map((l) => l.paid))], [6, sumOre(s.lines.map((l) => l.difference))], [7, sumOre(s.lines.map((l) => l.invoiced))]] as [number, bigint][]) {
    const col = String.fromCharCode(64 + c);
    moneyFormula(R, lineLast + 1, c, `ROUND(SUM(${col}${lineFirst}:${col}${lineLast}),2)`, v, true);
  }
  boldRow(R, lineLast + 1, 1, 9);
  finishSheet(R, { freezeRows: 4 });
  for (const c of [7, 8]) R.getColumn(c).width = 24;
  const lineRange = (col: number): string => rangeRef(R, lineFirst, col, lineLast, col, S);
  return lineRange;
}

/** Per motpart, the first sheet: the facts, each party's ledgers, the parties' totals, the final transfers. */
function counterpartySheet(ctx: SettlementContext, S: Sheet, runAt: string, lineRange: (col: number) => string) {
  const { s, options, lang, w, id, forecastCols } = ctx;
  const lastCol = forecastCols ? 10 : 8;
  title(S, 1, s.forecast ? w("headingForecast", { year: s.year, through: s.forecast.through }) : w("settlement_heading", { year: s.year }), 16, lastCol);
  const facts: [string, string][] = [
    [w("result"), options.resultFile],
    [w("paidFrom"), s.sources.map((x) => `${x.file.split(/[\\/]/).pop() ?? x.file} (${w(`kind_${x.kind}` as Word)})`).join("; ")],
    [w("netting"), nettingWords(s.netting, lang)],
    [w("unitPrice"), s.unitPrice === "invoiced" ? w("unitInvoiced") : w("unitUnpaid")],
    [w("runAt"), `${runAt} (vardavtal ${options.version})`],
  ];
  facts.forEach(([k, v], i) => {
    put(S, 2 + i, 1, k);
    put(S, 2 + i, 2, v);
    S.mergeCells(2 + i, 2, 2 + i, lastCol);
  });
  let r = 2 + facts.length + 1;
  const invoicedPairs = s.counterparties.filter((c) => c.unitPriceInvoiced !== 0n);
  if (invoicedPairs.length > 0) {
    put(S, r, 1, w("invoicedNote", { pairs: invoicedPairs.map((c) => `${id(c.a)}–${id(c.b)}`).join(", ") }));
    S.mergeCells(r, 1, r, lastCol);
    r += 2;
  }
  const { blockTotals, next } = ledgersTable(ctx, S, r, lastCol, lineRange);
  const parties = partiesTable(ctx, S, next, lastCol);
  const transfers = transfersTable(ctx, S, parties.next, lastCol);
  finishSheet(S, { freezeRows: 0 });
  signatureBlock(S, lang, options.decision);
  return { blockTotals, ...parties, ...transfers };
}

/** Each party's ledger against each counterparty (from row `r`), with its total; returns the totals' cells. */
function ledgersTable(ctx: SettlementContext, S: Sheet, r: number, lastCol: number, lineRange: (col: number) => string) {
  const { s, lang, w, id, n, forecastCols } = ctx;
  // Each party's ledger against each counterparty (positive = the party is to receive), one table
  // with a total per party.
  const blockTotals: CellRef[] = [];
  const blockHead = [cliText(lang, "party"), w("counterparty"), w("toGet"), w("toPay"), w("netDue"), w("paidNetCol"), w("left"), w("leftWhat"), ...(forecastCols ? [w("paidToDate"), w("planRemaining")] : [])];
  title(S, r, w("ledgers"), 12, lastCol);
  r++;
  header(S, r, blockHead);
  alignRight(S, r, [3, 4, 5, 6, 7, ...(forecastCols ? [9, 10] : [])]);
  apart(S, r, 8, "indent");
  r++;
  for (let p = 0; p < n; p++) {
    const first = r;
    for (const c of s.counterparties) {
      if (c.a !== p && c.b !== p) continue;
      const q = c.a === p ? c.b : c.a;
      const sign = c.a === p ? -1n : 1n; // counterparty figures run a → b: for b that is to receive
      const get = sumOre(s.lines.filter((l) => l.payer === q && l.payee === p).map((l) => l.due));
      const pay = sumOre(s.lines.filter((l) => l.payer === p && l.payee === q).map((l) => l.due));
      const paidNet = sumOre(s.lines.filter((l) => l.payer === q && l.payee === p).map((l) => l.paid)) - sumOre(s.lines.filter((l) => l.payer === p && l.payee === q).map((l) => l.paid));
      put(S, r, 1, id(p));
      put(S, r, 2, id(q));
      const dueFrom = (x: string, y: string): string => sumExact(lineRange(4), [[lineRange(1), x], [lineRange(2), y]]);
      const paidFrom = (x: string, y: string): string => sumExact(lineRange(5), [[lineRange(1), x], [lineRange(2), y]]);
      moneyFormula(S, r, 3, `ROUND(${dueFrom(`$B${r}`, `$A${r}`)},2)`, get);
      moneyFormula(S, r, 4, `ROUND(${dueFrom(`$A${r}`, `$B${r}`)},2)`, pay);
      moneyFormula(S, r, 5, `ROUND(C${r}-D${r},2)`, get - pay);
      moneyFormula(S, r, 6, `ROUND(${paidFrom(`$B${r}`, `$A${r}`)}-${paidFrom(`$A${r}`, `$B${r}`)},2)`, paidNet);
      const left = sign * c.remaining;
      moneyFormula(S, r, 7, `ROUND(E${r}-F${r},2)`, left, true);
      formula(S, r, 8, `IF(G${r}>0,${constantLiteral(w("wordGet"))},IF(G${r}<0,${constantLiteral(w("wordPay"))},${constantLiteral(w("wordSquare"))}))`, left > 0n ? w("wordGet") : left < 0n ? w("wordPay") : w("wordSquare"));
      apart(S, r, 8, "indent");
      if (forecastCols) {
        money(S, r, 9, sign * (c.paidToDate ?? 0n));
        money(S, r, 10, sign * (c.planRemaining ?? 0n));
      }
      r++;
    }
    put(S, r, 1, w("totalOf", { party: id(p) }));
    const last = Math.max(first, r - 1);
    // the totals, with their exact figures as cached values
    const rows = s.counterparties.filter((c) => c.a === p || c.b === p);
    const get = sumOre(s.lines.filter((l) => l.payee === p).map((l) => l.due));
    const pay = sumOre(s.lines.filter((l) => l.payer === p).map((l) => l.due));
    const paidNet = s.totals[p]?.paidNet ?? 0n;
    moneyFormula(S, r, 3, `ROUND(SUM(C${first}:C${last}),2)`, get, true);
    moneyFormula(S, r, 4, `ROUND(SUM(D${first}:D${last}),2)`, pay, true);
    moneyFormula(S, r, 5, `ROUND(SUM(E${first}:E${last}),2)`, get - pay, true);
    moneyFormula(S, r, 6, `ROUND(SUM(F${first}:F${last}),2)`, paidNet, true);
    blockTotals.push(moneyFormula(S, r, 7, `ROUND(SUM(G${first}:G${last}),2)`, rows.reduce((a, c) => a + (c.a === p ? -c.remaining : c.remaining), 0n), true));
    boldRow(S, r, 1, lastCol);
    r++;
  }
  r++;
  return { blockTotals, next: r };
}

/** Each party's net, paid and remaining (from row `r`). */
function partiesTable(ctx: SettlementContext, S: Sheet, r: number, lastCol: number) {
  const { s, lang, w, id } = ctx;
  // Per party.
  title(S, r, w("partiesTitle"), 12, lastCol);
  r++;
  header(S, r, [cliText(lang, "party"), w("netResult"), w("paidNet"), w("remaining")]);
  alignRight(S, r, [2, 3, 4]);
  r++;
  const partyFirst = r;
  const remainingCells: CellRef[] = [];
  s.totals.forEach((x, i) => {
    put(S, r, 1, id(i));
    money(S, r, 2, x.net);
    money(S, r, 3, x.paidNet);
    remainingCells.push(moneyFormula(S, r, 4, `ROUND(B${r}-C${r},2)`, x.remaining, true));
    r++;
  });
  put(S, r, 1, w("total"));
  const netSum = moneyFormula(S, r, 2, `ROUND(SUM(B${partyFirst}:B${r - 1}),2)`, sumOre(s.totals.map((x) => x.net)), true);
  moneyFormula(S, r, 3, `ROUND(SUM(C${partyFirst}:C${r - 1}),2)`, sumOre(s.totals.map((x) => x.paidNet)), true);
  const remainingSum = moneyFormula(S, r, 4, `ROUND(SUM(D${partyFirst}:D${r - 1}),2)`, sumOre(s.totals.map((x) => x.remaining)), true);
  boldRow(S, r, 1, 4);
  r += 2;
  return { remainingCells, netSum, remainingSum, next: r };
}

/** The transfers that settle what remains (from row `r`). */
function transfersTable(ctx: SettlementContext, S: Sheet, r: number, lastCol: number) {
  const { s, lang, w, id } = ctx;
  title(S, r, w("finalTitle", { netting: nettingWords(s.netting, lang, true) }), 12, lastCol);
  r++;
  header(S, r, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "amount")]);
  alignRight(S, r, [3]);
  r++;
  const trFirst = r;
  for (const x of s.transfers) {
    put(S, r, 1, id(x.payer));
    put(S, r, 2, id(x.payee));
    money(S, r, 3, x.amount, true);
    r++;
  }
  if (s.transfers.length === 0) put(S, r++, 1, cliText(lang, "no_transfers"));
  const trLast = Math.max(trFirst, r - 1);
  return { trFirst, trLast };
}

/** Kontroller: the sheets' own checks as formulas, then the program's checks. */
function checksSheet(ctx: SettlementContext, K: Sheet, S: Sheet, lineRange: (col: number) => string, first: ReturnType<typeof counterpartySheet>): void {
  const { s, lang, w, id, ok, fail, status } = ctx;
  const { blockTotals, remainingCells, netSum, remainingSum, trFirst, trLast } = first;
  let r = 1;
  title(K, r, w("settlement_checks"), 14, 5);
  r++;
  header(K, r, [w("check"), w("detail"), w("value"), w("settlement_expected"), w("status")]);
  alignRight(K, r, [3, 4]);
  apart(K, r, 5, "center");
  r++;
  const checkRow = (name: string, detail: string, valueF: string, valueOre: bigint): void => {
    put(K, r, 1, name);
    put(K, r, 2, detail);
    moneyFormula(K, r, 3, valueF, valueOre);
    money(K, r, 4, 0n);
    formula(K, r, 5, status(`ROUND(C${r}-D${r},2)=0`), valueOre === 0n ? ok : fail, undefined, true);
    apart(K, r, 5, "center");
    r++;
  };
  checkRow(w("netZero"), "", ref(netSum, K), sumOre(s.totals.map((x) => x.net)));
  checkRow(w("remainingZero"), "", ref(remainingSum, K), sumOre(s.totals.map((x) => x.remaining)));
  s.totals.forEach((x, i) => {
    const block = blockTotals[i] as CellRef;
    checkRow(w("blockIsParty"), id(i), `ROUND(${ref(block, K)}-${ref(remainingCells[i] as CellRef, K)},2)`, 0n);
  });
  const tr = (col: number): string => rangeRef(S, trFirst, col, trLast, col, K);
  s.totals.forEach((x, i) => {
    const paid = sumOre(s.transfers.filter((t) => t.payer === i).map((t) => t.amount));
    const got = sumOre(s.transfers.filter((t) => t.payee === i).map((t) => t.amount));
    checkRow(w("settles"), id(i), `ROUND(${ref(remainingCells[i] as CellRef, K)}+${sumExact(tr(3), [[tr(1), `$B${r}`]])}-${sumExact(tr(3), [[tr(2), `$B${r}`]])},2)`, x.remaining + paid - got); // B: the party's id
  });
  if (s.lines.length > 0) checkRow(w("linesRecompute"), w("payments"), `ROUND(SUMPRODUCT(ABS(${lineRange(9)})),2)`, 0n);
  r++;
  title(K, r, w("settlement_programChecks"), 12, 5);
  r++;
  header(K, r, [w("check"), w("detail"), w("status")]);
  r++;
  for (const c of s.checks) {
    put(K, r, 1, checkName(c.id, lang));
    put(K, r, 2, checkFigures(c.figures, lang, s.parties));
    put(K, r, 3, c.holds ? ok : fail, undefined, true);
    r++;
  }
  finishSheet(K, { freezeRows: 0 });
}
