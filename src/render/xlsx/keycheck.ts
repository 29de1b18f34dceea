/**
 * The workbook of `check-key --xlsx`, in the style of the main report: a summary with each
 * party's totals and the balancing transfers, one table per joint item, the key and its
 * sources, and the input files. Deviations and totals are formulas with cached results.
 */
import { workbookWord, type WorkbookWord } from "../../text/workbook-words.js";
import { formatRational } from "../../core/model/decimal.js";
import type { KeyCheckResult } from "../../core/year/keycheck.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { t as cliText } from "../../text/i18n.js";
import { keySharesText, runTimeText, statusBanner, titleWithYear } from "../labels.js";
import { FORMATS, boldRow, decimalCellNumber, exactCellNumber, formula, header, money, moneyFormula, put, ref, shareCellNumber, title, type CellRef } from "./kit/cells.js";
import { constantLiteral } from "./kit/formula.js";
import { finishSheet } from "./kit/layout.js";
import { signatureBlock } from "./kit/signature.js";
import { addBanner } from "./kit/banner.js";
import { inputsSheet } from "./kit/inputs-sheet.js";
import { newWorkbook, reportTime, workbookBuffer } from "./kit/workbook.js";


export async function keyCheckWorkbook(r: KeyCheckResult, options: { lang: Lang; inputs: InputFileInfo[]; version: string; runAt?: string }): Promise<Buffer> {
  const w = (k: WorkbookWord): string => workbookWord(lang, k);
  const lang = options.lang;
  const n = r.tariff.parties.length;
  const id = (i: number): string => r.tariff.parties[i]?.id ?? String(i);
  // No input text (ids, items, sources) is part of a formula: formulas refer to cells only.
  const at = reportTime(options.runAt);
  const runAt = runTimeText(at);
  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  addBanner(wb, statusBanner(r.tariff.file.status, lang));
  const S = wb.addWorksheet(w("keycheck_summary"));
  const I = wb.addWorksheet(w("items"));
  const P = wb.addWorksheet(w("params"));
  const F = wb.addWorksheet(w("inputs"));

  // Parameters: the key and the tolerance.
  title(P, 1, `${w("params")}: ${r.tariff.title}`, 14, 6);
  header(P, 2, [w("item"), cliText(lang, "party"), w("value"), w("share"), w("source")]);
  const shareCells: CellRef[] = [];
  r.tariff.parties.forEach((p, i) => {
    const row = 3 + i;
    put(P, row, 1, r.key.basis === "population" ? w("population") : w("share"));
    put(P, row, 2, p.id);
    const weight = r.key.weights[i] ?? 0n;
    if (r.key.population) put(P, row, 3, Number(weight), FORMATS.count);
    else put(P, row, 3, decimalCellNumber(formatRational({ num: weight, den: r.key.totalWeight }, 1, 30)), FORMATS.shareExact);
    shareCells.push(formula(P, row, 4, `C${row}/SUM($C$3:$C$${2 + n})`, shareCellNumber(r.key, i), FORMATS.share));
    put(P, row, 5, r.key.populationSource?.kind === "file" ? r.key.populationSource.file : (r.tariff.file.population?.source ?? r.tariff.file.key.source ?? ""));
  });
  const tolRow = 3 + n;
  put(P, tolRow, 1, w("tolerance"));
  const tolCell = money(P, tolRow, 3, r.tolerance);
  finishSheet(P, { freezeRows: 2 });

  // One table per item.
  title(I, 1, `${w("items")}: ${w("keycheck_heading").toLowerCase()}`, 14, 6);
  let row = 3;
  const cells = { paid: [] as CellRef[][], expected: [] as CellRef[][], deviation: [] as CellRef[][] };
  r.tariff.parties.forEach(() => {
    cells.paid.push([]);
    cells.expected.push([]);
    cells.deviation.push([]);
  });
  const devSumCells: { item: string; cell: CellRef }[] = [];
  for (const it of r.items) {
    title(I, row, it.item, 12, 6);
    row++;
    header(I, row, [cliText(lang, "party"), w("share"), w("paid"), w("keycheck_expected"), w("deviation"), w("flag")]);
    row++;
    const first = row;
    it.parties.forEach((l, i) => {
      put(I, row, 1, id(i));
      formula(I, row, 2, ref(shareCells[i] as CellRef, I), shareCellNumber(r.key, i), FORMATS.share);
      cells.paid[i]?.push(money(I, row, 3, l.paid));
      cells.expected[i]?.push(money(I, row, 4, l.expected));
      cells.deviation[i]?.push(moneyFormula(I, row, 5, `ROUND(C${row}-D${row},2)`, l.deviation));
      formula(I, row, 6, `IF(ABS(E${row})>${ref(tolCell, I, true)},"!","")`, l.exceeds ? "!" : "", undefined, true);
      row++;
    });
    put(I, row, 1, w("total"));
    moneyFormula(I, row, 3, `ROUND(SUM(C${first}:C${row - 1}),2)`, it.total, true);
    moneyFormula(I, row, 4, `ROUND(SUM(D${first}:D${row - 1}),2)`, it.total, true);
    devSumCells.push({ item: it.item, cell: moneyFormula(I, row, 5, `ROUND(SUM(E${first}:E${row - 1}),2)`, 0n, true) });
    boldRow(I, row, 1, 6);
    row += 2;
  }
  finishSheet(I, { freezeRows: 1 });

  // Summary: totals per party (formulas over the item tables), transfers, checks.
  title(S, 1, titleWithYear(`${w("keycheck_heading")}: ${r.tariff.title}`, r.tariff.year), 16, 6);
  put(S, 2, 1, w("tolerance"));
  formula(S, 2, 2, ref(tolCell, S), exactCellNumber(r.tolerance), FORMATS.money);
  put(S, 3, 1, w("outcome"));
  put(S, 3, 2, r.exceeded ? w("exceeded") : w("within"), undefined, true);
  put(S, 4, 1, w("runAt"));
  put(S, 4, 2, runAt);
  header(S, 6, [cliText(lang, "party"), w("share"), w("paid"), w("keycheck_expected"), w("deviation"), w("flag")]);
  const sumOf = (list: CellRef[] | undefined): string => `ROUND(${(list ?? []).map((c) => ref(c, S)).join("+") || "0"},2)`;
  r.totals.forEach((l, i) => {
    const rr = 7 + i;
    put(S, rr, 1, id(i));
    formula(S, rr, 2, ref(shareCells[i] as CellRef, S), shareCellNumber(r.key, i), FORMATS.share);
    moneyFormula(S, rr, 3, sumOf(cells.paid[i]), l.paid);
    moneyFormula(S, rr, 4, sumOf(cells.expected[i]), l.expected);
    moneyFormula(S, rr, 5, `ROUND(C${rr}-D${rr},2)`, l.deviation, true);
    formula(S, rr, 6, `IF(ABS(E${rr})>${ref(tolCell, S, true)},"!","")`, l.exceeds ? "!" : "", undefined, true);
  });
  const tr = 7 + n;
  put(S, tr, 1, w("total"));
  moneyFormula(S, tr, 3, `ROUND(SUM(C7:C${tr - 1}),2)`, r.totals.reduce((a, l) => a + l.paid, 0n), true);
  moneyFormula(S, tr, 4, `ROUND(SUM(D7:D${tr - 1}),2)`, r.totals.reduce((a, l) => a + l.expected, 0n), true);
  moneyFormula(S, tr, 5, `ROUND(SUM(E7:E${tr - 1}),2)`, r.totals.reduce((a, l) => a + l.deviation, 0n), true);
  boldRow(S, tr, 1, 6);
  let sr = tr + 2;
  title(S, sr, w("transfers"), 12, 6);
  sr++;
  header(S, sr, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "amount")]);
  sr++;
  if (r.transfers.length === 0) put(S, sr++, 1, w("keycheck_none"));
  for (const t of r.transfers) {
    put(S, sr, 1, id(t.payer));
    put(S, sr, 2, id(t.payee));
    money(S, sr, 3, t.amount);
    sr++;
  }
  sr++;
  title(S, sr, w("keycheck_checks"), 12, 6);
  sr++;
  header(S, sr, [w("item"), w("deviation"), "Status"]);
  sr++;
  for (const d of devSumCells) {
    put(S, sr, 1, `${w("devSum")}: ${d.item}`);
    moneyFormula(S, sr, 2, ref(d.cell, S), 0n);
    formula(S, sr, 3, `IF(B${sr}=0,${constantLiteral(w("ok"))},${constantLiteral(w("fail"))})`, w("ok"), undefined, true);
    sr++;
  }
  finishSheet(S, { freezeRows: 0 });
  signatureBlock(S, lang, r.tariff.decision);

  // Inputs.
  inputsSheet(F, lang, options.inputs, [
    [w("tool"), `vardavtal ${options.version}`],
    [w("key"), keySharesText(r.tariff.parties.map((p) => p.id), r.key, lang)],
    [w("runAt"), runAt],
  ]);

  return workbookBuffer(wb);
}
