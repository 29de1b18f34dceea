/**
 * The workbook of `settle --xlsx`, "Slutreglering": a view of the checked final settlement
 * (src/core/year/settlement.ts), never a second calculation. A summary per party (net from the
 * result, paid net recomputed from the payments list, remaining, the final payments and checks),
 * the pairs (due, paid, difference), the payments that count as paid with a check that each
 * pair's paid recomputes from them, and the input files.
 *
 * Formulas carry the settlement's exact figure as cached result and round with ROUND to the öre;
 * no input text (ids, notes, file names) is part of a formula: formulas refer to the cells that
 * hold it and compare with EXACT (sumExact).
 */
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import type { Payment, Settlement } from "../../core/year/settlement.js";
import { t as cliText } from "../../text/i18n.js";
import { checkFigures, checkName, runTimeText, statusBanner, type TariffStatus } from "../labels.js";
import type { Decision } from "../../core/model/tariff.js";
import { addBanner, boldRow, constantLiteral, finishSheet, formula, header, inputsSheet, money, moneyFormula, newWorkbook, put, rangeRef, ref, reportTime, sumExact, title, workbookBuffer, type CellRef, type Sheet, signatureBlock } from "./kit.js";

/** A payment as it is listed: with where it came from (a CSV line, a plan line), for the reader. */
export interface ListedPayment extends Payment {
  /** e.g. "betalningar.csv:12" or "Fast ersättning" */
  note?: string;
}

export interface SettlementWorkbookOptions {
  lang: Lang;
  inputs: InputFileInfo[];
  version: string;
  /** the payments the settlement counted as paid, in the order they were read */
  payments: readonly ListedPayment[];
  /** where the payments came from: the a-conto plan ("paid as planned") or a payments file */
  paidFrom: { kind: "plan" | "payments"; file: string };
  /** the result file */
  resultFile: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now (see runTime) */
  runAt?: string;
  /** the status of the tariff the result was calculated with (absent: decided); an illustrative or proposed one puts a banner on every sheet */
  tariffStatus?: TariffStatus;
  /** the decision of the tariff, as the result file names it (null or absent: none) */
  decision?: Decision | null;
}

const T = {
  summary: ["Slutreglering", "Settlement"],
  pairs: ["Par", "Pairs"],
  payments: ["Betalningar", "Payments"],
  inputs: ["Indata", "Inputs"],
  heading: ["Slutreglering {year}: årets resultat mot det som betalats", "Final settlement {year}: the year's result against what was paid"],
  result: ["Resultat", "Result"],
  paidFrom: ["Betalt", "Paid"],
  fromPlan: ["a conto-planen, betalt enligt plan ({file})", "the a-conto plan, paid as planned ({file})"],
  fromFile: ["betalningar enligt {file}", "payments as in {file}"],
  runAt: ["Körd", "Run at"],
  tool: ["Verktyg", "Tool"],
  netResult: ["Nettoposition (resultat)", "Net position (result)"],
  paidNet: ["Netto betalt", "Paid net"],
  remaining: ["Kvar att reglera", "Remaining"],
  total: ["Summa", "Total"],
  finalTitle: ["Slutliga betalningar (som nollställer det som är kvar)", "Final payments (settling what remains)"],
  checks: ["Kontroller i arbetsboken (formler)", "Checks in the workbook (formulas)"],
  check: ["Kontroll", "Check"],
  detail: ["Detalj", "Detail"],
  value: ["Värde", "Value"],
  expected: ["Förväntat", "Expected"],
  status: ["Status", "Status"],
  netZero: ["Nettopositionerna summerar till 0", "The net positions sum to 0"],
  remainingZero: ["Det som är kvar summerar till 0", "What remains sums to 0"],
  settles: ["Slutbetalningarna nollställer det som är kvar", "The final payments settle what remains"],
  pairsRecompute: ["Betalt per par = betalningslistan (Σ |avvikelse|)", "Paid per pair = the payments list (Σ |deviation|)"],
  programChecks: ["Kontroller som programmet gjorde innan slutregleringen skrevs", "Checks the program made before the settlement was written"],
  pairsTitle: ["Per par: att betala enligt resultatet, betalt och skillnad", "Per pair: due by the result, paid and difference"],
  due: ["Att betala", "Due"],
  paid: ["Betalt", "Paid"],
  difference: ["Skillnad", "Difference"],
  remark: ["Anmärkning", "Remark"],
  withoutFlow: ["inget flöde mellan parterna i resultatet: bara betalningar", "no flow between the parties in the result: payments only"],
  paidNote: ["Betalt = betalningar betalare → mottagare − betalningar mottagare → betalare; skillnad = att betala − betalt", "Paid = payments payer → payee − payments payee → payer; difference = due − paid"],
  paymentsTitle: ["Betalningar som räknas som betalda", "Payments counted as paid"],
  source: ["Avser / källa", "Note / source"],
  recheckTitle: ["Kontroll: betalt per par räknat om från listan", "Check: paid per pair recomputed from the list"],
  paidPairs: ["Betalt (Par)", "Paid (Pairs)"],
  recomputed: ["Räknat från listan", "From the list"],
  deviation: ["Avvikelse", "Deviation"],
  none: ["Inga betalningar.", "No payments."],
  ok: ["OK", "OK"],
  fail: ["FEL", "FAIL"],
} as const;

type Word = keyof typeof T;

/** Header cells over amounts align right, with their numbers. */
function alignRight(sheet: Sheet, row: number, cols: number[]): void {
  for (const c of cols) sheet.getCell(row, c).alignment = { ...sheet.getCell(row, c).alignment, horizontal: "right" };
}

/** A status (OK/FEL) or a text right of an amount: centred or indented, never glued to the figure. */
function apart(sheet: Sheet, row: number, col: number, how: "center" | "indent"): void {
  sheet.getCell(row, col).alignment = how === "center" ? { horizontal: "center" } : { horizontal: "left", indent: 1 };
}

export async function settlementWorkbook(s: Settlement, options: SettlementWorkbookOptions): Promise<Buffer> {
  const lang = options.lang;
  const L = lang === "sv" ? 0 : 1;
  const w = (k: Word, params: Record<string, string | number> = {}): string => T[k][L].replace(/\{(\w+)\}/g, (m, p: string) => (params[p] === undefined ? m : String(params[p])));
  const id = (i: number): string => s.parties[i] ?? String(i);
  const n = s.parties.length;
  const ok = w("ok");
  const fail = w("fail");
  const status = (cond: string): string => `IF(${cond},${constantLiteral(ok)},${constantLiteral(fail)})`;
  const at = reportTime(options.runAt);
  const runAt = runTimeText(at);
  const sumOre = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
  const payments = options.payments;

  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  addBanner(wb, statusBanner(options.tariffStatus, lang));
  const S = wb.addWorksheet(w("summary"));
  const Q = wb.addWorksheet(w("pairs"));
  const B = wb.addWorksheet(w("payments"));
  const F = wb.addWorksheet(w("inputs"));

  // ---------------------------------------------------------------- Betalningar (the list)
  // Columns A–D: payer, payee, amount, note; beside them, from column F, the check per pair.
  const cc = { payer: 6, payee: 7, paid: 8, recomputed: 9, deviation: 10, status: 11 };
  title(B, 1, `${w("paymentsTitle")} (${s.year}): ${options.paidFrom.kind === "plan" ? w("fromPlan", { file: options.paidFrom.file }) : w("fromFile", { file: options.paidFrom.file })}`, 14, cc.status);
  put(B, 3, 1, w("payments"), undefined, true);
  B.getCell(3, 1).font = { bold: true, size: 12 };
  put(B, 3, cc.payer, w("recheckTitle"));
  B.getCell(3, cc.payer).font = { bold: true, size: 12 };
  B.mergeCells(3, cc.payer, 3, cc.status);
  header(B, 4, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "amount"), w("source")]);
  alignRight(B, 4, [3]);
  apart(B, 4, 4, "indent");
  const payFirst = 5;
  payments.forEach((p, k) => {
    const row = payFirst + k;
    put(B, row, 1, id(p.payer));
    put(B, row, 2, id(p.payee));
    money(B, row, 3, p.amount);
    put(B, row, 4, p.note ?? "");
    apart(B, row, 4, "indent");
  });
  if (payments.length === 0) put(B, payFirst, 4, w("none"));
  const payLast = payFirst + Math.max(payments.length, 1) - 1;
  const payTotalRow = payLast + 1;
  put(B, payTotalRow, 1, w("total"));
  moneyFormula(B, payTotalRow, 3, `ROUND(SUM(C${payFirst}:C${payLast}),2)`, sumOre(payments.map((p) => p.amount)), true);
  boldRow(B, payTotalRow, 1, 4);
  const payRange = (col: number, from = B): string => rangeRef(B, payFirst, col, payLast, col, from);

  // ---------------------------------------------------------------- Par
  title(Q, 1, `${w("pairsTitle")} (${s.year})`, 14, 6);
  put(Q, 2, 1, w("paidNote"));
  Q.mergeCells(2, 1, 2, 6);
  header(Q, 4, [cliText(lang, "payer"), cliText(lang, "payee"), w("due"), w("paid"), w("difference"), w("remark")]);
  alignRight(Q, 4, [3, 4, 5]);
  apart(Q, 4, 6, "indent");
  const pairFirst = 5;
  const paidCells: CellRef[] = [];
  s.pairs.forEach((p, k) => {
    const row = pairFirst + k;
    put(Q, row, 1, id(p.payer));
    put(Q, row, 2, id(p.payee));
    money(Q, row, 3, p.due);
    paidCells.push(money(Q, row, 4, p.paid));
    moneyFormula(Q, row, 5, `ROUND(C${row}-D${row},2)`, p.difference, true);
    put(Q, row, 6, p.withoutFlow ? w("withoutFlow") : "");
    apart(Q, row, 6, "indent");
  });
  finishSheet(Q, { freezeRows: 4 });

  // ---------------------------------------------------------------- Betalningar: the check per pair
  header(B, 4, [cliText(lang, "payer"), cliText(lang, "payee"), w("paidPairs"), w("recomputed"), w("deviation"), w("status")], cc.payer);
  alignRight(B, 4, [cc.paid, cc.recomputed, cc.deviation]);
  apart(B, 4, cc.status, "center");
  const deviationFirst = payFirst;
  s.pairs.forEach((p, k) => {
    const row = payFirst + k;
    put(B, row, cc.payer, id(p.payer));
    put(B, row, cc.payee, id(p.payee));
    moneyFormula(B, row, cc.paid, ref(paidCells[k] as CellRef, B), p.paid);
    // paid = payments payer→payee − payments payee→payer, by exact comparison of the ids
    const forward = sumExact(payRange(3), [[payRange(1), `$F${row}`], [payRange(2), `$G${row}`]]);
    const back = sumExact(payRange(3), [[payRange(1), `$G${row}`], [payRange(2), `$F${row}`]]);
    moneyFormula(B, row, cc.recomputed, `ROUND(${forward}-${back},2)`, p.paid);
    moneyFormula(B, row, cc.deviation, `ROUND(I${row}-H${row},2)`, 0n);
    formula(B, row, cc.status, status(`J${row}=0`), ok, undefined, true);
    apart(B, row, cc.status, "center");
  });
  const deviationLast = Math.max(deviationFirst, payFirst + s.pairs.length - 1);
  finishSheet(B, { freezeRows: 4 });
  B.getColumn(5).width = 3; // a gap between the list and the check

  // ---------------------------------------------------------------- Slutreglering (summary)
  title(S, 1, w("heading", { year: s.year }), 16, 6);
  put(S, 2, 1, w("result"));
  put(S, 2, 2, options.resultFile);
  put(S, 3, 1, w("paidFrom"));
  put(S, 3, 2, options.paidFrom.kind === "plan" ? w("fromPlan", { file: options.paidFrom.file }) : w("fromFile", { file: options.paidFrom.file }));
  put(S, 4, 1, w("runAt"));
  put(S, 4, 2, `${runAt} (vardavtal ${options.version})`);
  for (const r of [2, 3, 4]) S.mergeCells(r, 2, r, 6);
  header(S, 6, [cliText(lang, "party"), w("netResult"), w("paidNet"), w("remaining")]);
  alignRight(S, 6, [2, 3, 4]);
  const partyFirst = 7;
  const remainingCells: CellRef[] = [];
  s.totals.forEach((x, i) => {
    const row = partyFirst + i;
    put(S, row, 1, id(i));
    money(S, row, 2, x.net);
    // paid net = received − paid in the payments list
    const got = sumExact(payRange(3, S), [[payRange(2, S), `$A${row}`]]);
    const gave = sumExact(payRange(3, S), [[payRange(1, S), `$A${row}`]]);
    moneyFormula(S, row, 3, `ROUND(${got}-${gave},2)`, x.paidNet);
    remainingCells.push(moneyFormula(S, row, 4, `ROUND(B${row}-C${row},2)`, x.remaining, true));
  });
  const partyTotal = partyFirst + n;
  put(S, partyTotal, 1, w("total"));
  const netSum = moneyFormula(S, partyTotal, 2, `ROUND(SUM(B${partyFirst}:B${partyTotal - 1}),2)`, sumOre(s.totals.map((x) => x.net)), true);
  moneyFormula(S, partyTotal, 3, `ROUND(SUM(C${partyFirst}:C${partyTotal - 1}),2)`, sumOre(s.totals.map((x) => x.paidNet)), true);
  const remainingSum = moneyFormula(S, partyTotal, 4, `ROUND(SUM(D${partyFirst}:D${partyTotal - 1}),2)`, sumOre(s.totals.map((x) => x.remaining)), true);
  boldRow(S, partyTotal, 1, 4);

  let r = partyTotal + 2;
  title(S, r, w("finalTitle"), 12, 6);
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
  r++;

  title(S, r, w("checks"), 12, 6);
  r++;
  header(S, r, [w("check"), w("detail"), w("value"), w("expected"), w("status")]);
  alignRight(S, r, [3, 4]);
  apart(S, r, 5, "center");
  r++;
  const checkRow = (name: string, detail: string, valueF: string, valueOre: bigint): void => {
    put(S, r, 1, name);
    put(S, r, 2, detail);
    moneyFormula(S, r, 3, valueF, valueOre);
    money(S, r, 4, 0n);
    formula(S, r, 5, status(`ROUND(C${r}-D${r},2)=0`), valueOre === 0n ? ok : fail, undefined, true);
    apart(S, r, 5, "center");
    r++;
  };
  checkRow(w("netZero"), "", ref(netSum, S), sumOre(s.totals.map((x) => x.net)));
  checkRow(w("remainingZero"), "", ref(remainingSum, S), sumOre(s.totals.map((x) => x.remaining)));
  const tr = (col: number): string => rangeRef(S, trFirst, col, trLast, col, S);
  s.totals.forEach((x, i) => {
    const paid = sumOre(s.transfers.filter((t) => t.payer === i).map((t) => t.amount));
    const got = sumOre(s.transfers.filter((t) => t.payee === i).map((t) => t.amount));
    checkRow(w("settles"), id(i), `ROUND(${ref(remainingCells[i] as CellRef, S)}+${sumExact(tr(3), [[tr(1), `$B${r}`]])}-${sumExact(tr(3), [[tr(2), `$B${r}`]])},2)`, x.remaining + paid - got); // B: the party's id
  });
  if (s.pairs.length > 0) checkRow(w("pairsRecompute"), w("payments"), `ROUND(SUMPRODUCT(ABS(${rangeRef(B, deviationFirst, cc.deviation, deviationLast, cc.deviation, S)})),2)`, 0n);
  r++;
  title(S, r, w("programChecks"), 12, 6);
  r++;
  header(S, r, [w("check"), w("detail"), w("status")]);
  r++;
  for (const c of s.checks) {
    put(S, r, 1, checkName(c.id, lang));
    put(S, r, 2, checkFigures(c.figures, lang, s.parties));
    put(S, r, 3, c.holds ? ok : fail, undefined, true);
    r++;
  }
  finishSheet(S, { freezeRows: 0 });
  signatureBlock(S, lang, options.decision);

  // ---------------------------------------------------------------- Indata
  inputsSheet(F, lang, options.inputs, [
    [w("tool"), `vardavtal ${options.version}`],
    [w("runAt"), runAt],
  ]);
  return workbookBuffer(wb);
}

