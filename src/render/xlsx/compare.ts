/**
 * The workbook of a comparison ("Jämförelse"): a view of the checked comparison
 * (src/core/analysis/compare.ts), never a second calculation. The flows of both results are the figures;
 * every difference is a formula over them, and the net positions and the per-component sums are
 * formulas over the flows. Rows are sorted by the size of their change, the largest drivers of
 * each party's change at the top. Sheets:
 *
 * - Jämförelse: net A, B and change per party, the effects (when they could be split) with a
 *   check that they sum to the change, and the checks;
 * - Komponenter: per party and component, largest change first within each party;
 * - Flöden: every flow, largest change first;
 * - Par, Verksamheter: per pair and per area of care, when both results carry them;
 * - Indata: the two input files.
 *
 * Formulas carry the comparison's exact figure as cached result and round with ROUND to the öre;
 * no input text is part of a formula (they compare cells with EXACT, via sumExact).
 */
import { leastDecided } from "../../core/model/tariff-format.js";
import { sideScenarioText } from "../../text/scenario-lines.js";
import { workbookWord } from "../../text/workbook-words.js";
import { bySizeOfChange, type Comparison } from "../../core/analysis/compare.js";
import { cw, effectName, effectsUnavailable, sideLabels, sideName } from "../../text/compare-words.js";
import { VALUE_UNITS_PER_ORE, roundHalfAwayFromZero } from "../../core/model/decimal.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { componentName, t as cliText, type TextKey } from "../../text/i18n.js";
import { runTimeText, statusBanner } from "../labels.js";
import { FORMATS, boldRow, colLetter, formula, header, money, moneyFormula, put, rangeRef, title, type Sheet } from "./kit/cells.js";
import { constantLiteral, sumExact } from "./kit/formula.js";
import { finishSheet } from "./kit/layout.js";
import { signatureBlock } from "./kit/signature.js";
import { addBanner } from "./kit/banner.js";
import { inputsSheet } from "./kit/inputs-sheet.js";
import { newWorkbook, reportTime, workbookBuffer } from "./kit/workbook.js";
import { messageText } from "../../text/diagnostics.js";

export interface ComparisonWorkbookOptions {
  lang: Lang;
  inputs: InputFileInfo[];
  version: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now (see runTime) */
  runAt?: string;
}

const SHEETS = {
  summary: ["Jämförelse", "Comparison"],
  components: ["Komponenter", "Components"],
  flows: ["Flöden", "Flows"],
  pairs: ["Par", "Pairs"],
  areas: ["Verksamheter", "Areas"],
} as const;

function alignRight(sheet: Sheet, row: number, cols: number[]): void {
  for (const c of cols) sheet.getCell(row, c).alignment = { ...sheet.getCell(row, c).alignment, horizontal: "right" };
}

/**
 * Merged texts (titles, the sides, notes) wrap within their merged width; a spreadsheet does not
 * grow their rows when the file is opened, so the rows get the height of the lines they need.
 * Called after finishSheet, when the column widths are known.
 */
function fitMergedRows(sheet: Sheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (!cell.isMerged || cell.master.address !== cell.address || typeof cell.value !== "string") return;
      let width = 0;
      for (let c = col; c <= sheet.columnCount && (c === col || (sheet.getCell(Number(row.number), c).isMerged && sheet.getCell(Number(row.number), c).master.address === cell.address)); c++) width += sheet.getColumn(c).width ?? 9;
      const size = cell.font?.size ?? 10;
      // a character of a bold title is wider than one of the 10-point text the widths count in
      const chars = cell.value.length * (size / 10) * (cell.font?.bold ? 1.15 : 1.05);
      const lines = Math.ceil(chars / Math.max(10, width - 1));
      row.height = Math.max(row.height ?? 0, lines * Math.ceil(size * 1.45));
    });
  });
}
const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

/** What every sheet of the comparison is written from: the comparison, the options, and their words. */
interface ComparisonContext {
  c: Comparison;
  options: ComparisonWorkbookOptions;
  lang: Lang;
  sheetName: (k: keyof typeof SHEETS) => string;
  id: (i: number) => string;
  ok: string;
  fail: string;
  status: (cond: string) => string;
  /** the two sides' names */
  side: ReturnType<typeof sideLabels>;
  /** the sides' names as column headings */
  heads: { a: string; b: string };
  /** the headings of the three figure columns: A, B, change */
  abc: string[];
}

/** received − paid of the party in `partyCell` (column 5: A, 6: B) on `from`, optionally of one component. */
type NetFormula = (from: Sheet, col: 5 | 6, partyCell: string, componentCell?: string) => string;

/** A check of the first sheet's figures: a deviation that should be 0. */
interface CheckRow {
  name: string;
  detail: string;
  cell: string;
  value: bigint;
}

/**
 * The comparison's sheets: the summary first (signed), then per component, per flow, per pair and
 * per area, the checks, the inputs. Written from the flows up: every net figure sums them.
 */
export async function comparisonWorkbook(c: Comparison, options: ComparisonWorkbookOptions): Promise<Buffer> {
  const ctx = comparisonContext(c, options);
  const { lang, sheetName } = ctx;
  const at = reportTime(options.runAt);
  const runAt = runTimeText(at);

  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  // a side computed from an illustrative (or proposed) tariff makes the comparison a draft too
  addBanner(wb, statusBanner(leastDecided([c.a.tariffStatus, c.b.tariffStatus]), lang));
  const S = wb.addWorksheet(sheetName("summary"));
  const K = wb.addWorksheet(sheetName("components"));
  const F = wb.addWorksheet(sheetName("flows"));
  const P = c.pairs ? wb.addWorksheet(sheetName("pairs")) : undefined;
  const V = c.areas ? wb.addWorksheet(sheetName("areas")) : undefined;
  const C = wb.addWorksheet(workbookWord(lang, "checksSheet"));
  const I = wb.addWorksheet(cw(lang, "inputs"));

  const netFormula = flowsSheet(ctx, F);
  componentsSheet(ctx, K, netFormula);
  if (P && c.pairs) pairsSheet(ctx, P, c.pairs);
  if (V && c.areas) areasSheet(ctx, V, c.areas);
  const checkRows = summarySheet(ctx, S, runAt, netFormula);
  checksSheet(ctx, C, S, checkRows);
  inputsSheet(I, lang, options.inputs, [
    [cw(lang, "tool"), `vardavtal ${options.version}`],
    [cw(lang, "runAt"), runAt],
  ]);
  return workbookBuffer(wb);
}

function comparisonContext(c: Comparison, options: ComparisonWorkbookOptions): ComparisonContext {
  const lang = options.lang;
  const sheetName = (k: keyof typeof SHEETS): string => SHEETS[k][lang === "sv" ? 0 : 1];
  const id = (i: number): string => c.parties[i] ?? String(i);
  const ok = workbookWord(lang, "ok");
  const fail = workbookWord(lang, "fail");
  const status = (cond: string): string => `IF(${cond},${constantLiteral(ok)},${constantLiteral(fail)})`;
  const side = sideLabels(lang, c);
  // a forecast's date on its own line in a column heading, never broken at its hyphens
  const heads = { a: side.a.replace(/ (?=\d{4}-\d{2}-\d{2}$)/, "\n"), b: side.b.replace(/ (?=\d{4}-\d{2}-\d{2}$)/, "\n") };
  const abc = [heads.a, heads.b, cw(lang, "change")];
  return { c, options, lang, sheetName, id, ok, fail, status, side, heads, abc };
}

/** Flöden: the figures of both results per flow; returns the formula of a party's net from them. */
function flowsSheet(ctx: ComparisonContext, F: Sheet): NetFormula {
  const { c, lang, id, side, abc } = ctx;
  title(F, 1, `${cw(lang, "perFlow")}: ${side.a} → ${side.b}`, 14, 7);
  header(F, 3, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "component"), cliText(lang, "label"), ...abc]);
  alignRight(F, 3, [5, 6, 7]);
  const fFirst = 4;
  bySizeOfChange(c.flows).forEach((f, k) => {
    const row = fFirst + k;
    put(F, row, 1, id(f.payer));
    put(F, row, 2, id(f.payee));
    put(F, row, 3, componentName(f.component, lang));
    put(F, row, 4, f.label ?? "");
    money(F, row, 5, f.a);
    money(F, row, 6, f.b);
    moneyFormula(F, row, 7, `ROUND(F${row}-E${row},2)`, f.change, true);
  });
  const fLast = Math.max(fFirst, fFirst + c.flows.length - 1);
  finishSheet(F, { freezeRows: 3, filter: { row: 3, from: 1, to: 7, lastRow: fLast } });
  fitMergedRows(F);
  const fr = (col: number, from: Sheet): string => rangeRef(F, fFirst, col, fLast, col, from);
  /** received − paid of the party in `partyCell` (column 5: A, 6: B), optionally of one component. */
  const netFormula = (from: Sheet, col: 5 | 6, partyCell: string, componentCell?: string): string => {
    const extra: [string, string][] = componentCell ? [[fr(3, from), componentCell]] : [];
    return `ROUND(${sumExact(fr(col, from), [[fr(2, from), partyCell], ...extra])}-${sumExact(fr(col, from), [[fr(1, from), partyCell], ...extra])},2)`;
  };
  return netFormula;
}

/** Komponenter: per party, largest change first. */
function componentsSheet(ctx: ComparisonContext, K: Sheet, netFormula: NetFormula): void {
  const { c, lang, id, side, abc } = ctx;
  title(K, 1, `${cw(lang, "perComponent")}: ${side.a} → ${side.b}`, 14, 5);
  header(K, 3, [cliText(lang, "party"), cliText(lang, "component"), ...abc]);
  alignRight(K, 3, [3, 4, 5]);
  let kr = 4;
  c.parties.forEach((_, i) => {
    for (const x of bySizeOfChange(c.components.filter((y) => y.party === i))) {
      put(K, kr, 1, id(i));
      put(K, kr, 2, componentName(x.component, lang));
      moneyFormula(K, kr, 3, netFormula(K, 5, `$A${kr}`, `$B${kr}`), x.a);
      moneyFormula(K, kr, 4, netFormula(K, 6, `$A${kr}`, `$B${kr}`), x.b);
      moneyFormula(K, kr, 5, `ROUND(D${kr}-C${kr},2)`, x.change, true);
      kr++;
    }
  });
  finishSheet(K, { freezeRows: 3, filter: { row: 3, from: 1, to: 5, lastRow: kr - 1 } });
  fitMergedRows(K);
}

/** Par: the care agreement per pair. */
function pairsSheet(ctx: ComparisonContext, P: Sheet, pairs: NonNullable<Comparison["pairs"]>): void {
  const { lang, id, side, abc } = ctx;
  title(P, 1, `${cw(lang, "perPair")}: ${side.a} → ${side.b}`, 14, 5);
  put(P, 2, 1, cw(lang, "perPairNote"));
  P.mergeCells(2, 1, 2, 5);
  header(P, 3, [cliText(lang, "seller"), cliText(lang, "buyer"), ...abc]);
  alignRight(P, 3, [3, 4, 5]);
  bySizeOfChange(pairs).forEach((p, k) => {
    const row = 4 + k;
    put(P, row, 1, id(p.seller));
    put(P, row, 2, id(p.buyer));
    money(P, row, 3, p.a);
    money(P, row, 4, p.b);
    moneyFormula(P, row, 5, `ROUND(D${row}-C${row},2)`, p.change, true);
  });
  finishSheet(P, { freezeRows: 3, filter: { row: 3, from: 1, to: 5, lastRow: 3 + pairs.length } });
  fitMergedRows(P);
}

/** Verksamheter: values to the öre (exact in the JSON and CSV). */
function areasSheet(ctx: ComparisonContext, V: Sheet, areas: NonNullable<Comparison["areas"]>): void {
  const { lang, id, side, heads, abc } = ctx;
  const ore = (v: bigint): bigint => roundHalfAwayFromZero(v, VALUE_UNITS_PER_ORE);
  title(V, 1, `${cw(lang, "perArea")}: ${side.a} → ${side.b}`, 14, 9);
  header(V, 3, [cliText(lang, "area"), cliText(lang, "seller"), cliText(lang, "buyer"), cliText(lang, "model"), cw(lang, "rows", { side: heads.a }), cw(lang, "rows", { side: heads.b }), ...abc]);
  alignRight(V, 3, [5, 6, 7, 8, 9]);
  bySizeOfChange(areas.map((x) => ({ ...x, change: ore(x.b) - ore(x.a) }))).forEach((x, k) => {
    const row = 4 + k;
    put(V, row, 1, x.area);
    put(V, row, 2, id(x.seller));
    put(V, row, 3, id(x.buyer));
    put(V, row, 4, x.model.split(" → ").map((m) => cliText(lang, `model_${m}` as TextKey)).join(" → "));
    put(V, row, 5, x.rowsA, FORMATS.count);
    put(V, row, 6, x.rowsB, FORMATS.count);
    money(V, row, 7, ore(x.a));
    money(V, row, 8, ore(x.b));
    moneyFormula(V, row, 9, `ROUND(H${row}-G${row},2)`, x.change, true);
  });
  finishSheet(V, { freezeRows: 3, filter: { row: 3, from: 1, to: 9, lastRow: 3 + areas.length } });
  fitMergedRows(V);
}

/** Jämförelse, the first sheet: the sides, each party's net, the effects; returns its checks. */
function summarySheet(ctx: ComparisonContext, S: Sheet, runAt: string, netFormula: NetFormula): CheckRow[] {
  const { c, options, lang, side } = ctx;
  const heading = cw(lang, "heading", { a: side.a, b: side.b });
  title(S, 1, heading, 16, 8);
  let r = 2;
  for (const [label, s] of [[side.a, c.a], [side.b, c.b]] as const) {
    // one line per side, over the table's width (a label column as wide as a forecast's name would
    // widen the tables below it past the page); the file by its name only (a path says where it
    // lay, not what it is): the inputs sheet has it in full
    put(S, r, 1, `${label}: ${[sideName(lang, s), s.file?.split(/[\\/]/).pop()].filter((x) => x !== undefined).join(", ")}`);
    S.mergeCells(r, 1, r, 8);
    r++;
    if (s.scenario) {
      put(S, r, 1, cw(lang, "scenarioSet", { list: sideScenarioText(s, lang) }));
      S.mergeCells(r, 1, r, 8);
      r++;
    }
  }
  put(S, r, 1, `${cw(lang, "runAt")}: ${runAt} (vardavtal ${options.version})`);
  S.mergeCells(r, 1, r, 8);
  r += 2;
  const nTotal = netTable(ctx, S, r, netFormula);
  const checkRows: CheckRow[] = [{ name: cw(lang, "checkNetZero"), detail: "", cell: `D${nTotal}`, value: sum(c.net.map((n) => n.change)) }];
  checkRows.push(...effectsTable(ctx, S, nTotal + 2, nTotal));
  finishSheet(S, { freezeRows: 0 });
  fitMergedRows(S);
  signatureBlock(S, lang, [{ label: side.a, decision: c.a.decision }, { label: side.b, decision: c.b.decision }]);
  return checkRows;
}

/** Each party's net on both sides and the change (from row `r`); returns the total's row. */
function netTable(ctx: ComparisonContext, S: Sheet, r: number, netFormula: NetFormula): number {
  const { c, lang, id, abc } = ctx;
  header(S, r, [cliText(lang, "party"), ...abc]);
  alignRight(S, r, [2, 3, 4]);
  const nFirst = r + 1;
  c.net.forEach((n, i) => {
    const row = nFirst + i;
    put(S, row, 1, id(i));
    moneyFormula(S, row, 2, netFormula(S, 5, `$A${row}`), n.a);
    moneyFormula(S, row, 3, netFormula(S, 6, `$A${row}`), n.b);
    moneyFormula(S, row, 4, `ROUND(C${row}-B${row},2)`, n.change, true);
  });
  const nTotal = nFirst + c.parties.length;
  put(S, nTotal, 1, cw(lang, "total"));
  for (const [col, key] of [[2, "a"], [3, "b"], [4, "change"]] as const) {
    moneyFormula(S, nTotal, col, `ROUND(SUM(${colLetter(col)}${nFirst}:${colLetter(col)}${nTotal - 1}),2)`, sum(c.net.map((n) => n[key])), true);
  }
  boldRow(S, nTotal, 1, 4);
  return nTotal;
}

/** What each effect contributes to each party's change (from row `r`); returns a check per party. */
function effectsTable(ctx: ComparisonContext, S: Sheet, r: number, nTotal: number): CheckRow[] {
  const { c, lang, id, side } = ctx;
  const nFirst = nTotal - c.parties.length;
  const e = c.effects;
  const checkRows: CheckRow[] = [];
  if (e?.available) {
    title(S, r, cw(lang, "effects"), 12, 8);
    r++;
    const cols = e.groups.length;
    header(S, r, [cliText(lang, "party"), ...e.groups.map((g) => effectName(lang, g)), cw(lang, "total"), cw(lang, "change")]);
    alignRight(S, r, Array.from({ length: cols + 2 }, (_, k) => k + 2));
    r++;
    const eFirst = r;
    e.parties.forEach((p, i) => {
      put(S, r, 1, id(i));
      p.effects.forEach((v, k) => money(S, r, 2 + k, v));
      const last = colLetter(cols + 1);
      const sumCell = moneyFormula(S, r, cols + 2, `ROUND(SUM(B${r}:${last}${r}),2)`, sum(p.effects), true);
      moneyFormula(S, r, cols + 3, `D${nFirst + i}`, c.net[i]?.change ?? 0n);
      checkRows.push({ name: cw(lang, "checkEffects"), detail: id(i), cell: `${colLetter(sumCell.col)}${r}-${colLetter(cols + 3)}${r}`, value: sum(p.effects) - (c.net[i]?.change ?? 0n) });
      r++;
    });
    put(S, r, 1, cw(lang, "total"));
    for (let k = 0; k < cols + 2; k++) {
      const col = colLetter(2 + k);
      const values = k < cols ? e.parties.map((p) => p.effects[k] ?? 0n) : e.parties.map((p) => (k === cols ? sum(p.effects) : p.change));
      moneyFormula(S, r, 2 + k, `ROUND(SUM(${col}${eFirst}:${col}${r - 1}),2)`, sum(values), true);
    }
    boldRow(S, r, 1, cols + 3);
    r += 2;
    put(S, r++, 1, cw(lang, "effectsOrder", side));
    S.mergeCells(r - 1, 1, r - 1, 8);
    if (e.pricesInConsumption) {
      put(S, r++, 1, cw(lang, "effectsPrices"));
      S.mergeCells(r - 1, 1, r - 1, 8);
    }
    r++;
  } else if (e) {
    put(S, r++, 1, effectsUnavailable(messageText(e.reason, lang)));
    S.mergeCells(r - 1, 1, r - 1, 8);
    r++;
  }
  return checkRows;
}

/** The checks, on their own sheet (the first sheet prints on one page with its signatures). */
function checksSheet(ctx: ComparisonContext, C: Sheet, S: Sheet, checkRows: CheckRow[]): void {
  const { lang, ok, fail, status } = ctx;
  // The checks, on their own sheet (the first sheet prints on one page with its signatures).
  const onS = (a: string): string => `'${S.name.replace(/'/g, "''")}'!${a}`;
  let r = 1;
  title(C, r, cw(lang, "check"), 14, 4);
  r++;
  header(C, r, [cw(lang, "check"), cliText(lang, "party"), cw(lang, "deviation"), "Status"]);
  alignRight(C, r, [3]);
  C.getCell(r, 4).alignment = { ...C.getCell(r, 4).alignment, horizontal: "center" };
  r++;
  for (const ch of checkRows) {
    put(C, r, 1, ch.name);
    put(C, r, 2, ch.detail);
    moneyFormula(C, r, 3, `ROUND(${ch.cell.replace(/\$?[A-Z]+\$?\d+/g, onS)},2)`, ch.value);
    formula(C, r, 4, status(`C${r}=0`), ch.value === 0n ? ok : fail, undefined, true);
    C.getCell(r, 4).alignment = { horizontal: "center" };
    r++;
  }
  finishSheet(C, { freezeRows: 0 });
}
