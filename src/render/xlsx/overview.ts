/**
 * The year on one page as a workbook (`overview --xlsx`), for the finance director: sheet
 * "Översikt", one A4 page in landscape, per region the a-conto plan's net, each forecast's net,
 * the outcome's net and what remains to settle in Mkr with one decimal, each with a bar drawn in
 * cells (filled cells left of the zero line for a region that pays, right for one that receives:
 * the same in Excel and LibreOffice, on screen and printed), ending with the decision and the
 * signature block; sheet "Kronor" holds the exact amounts the Mkr are formulas of, their sums
 * (0) and the input files.
 */
import type { Overview } from "../../core/year/overview.js";
import type { Lang } from "../../text/messages.js";
import { dw } from "../../text/decided-words.js";
import { mkrNumber, mkrTenths, overviewRows, overviewScenarioLines } from "../text/overview.js";
import { runTimeText, statusBanner } from "../labels.js";
import { boldRow, colLetter, formula, header, money, moneyFormula, put, title, type Sheet } from "./kit/cells.js";
import { finishSheet } from "./kit/layout.js";
import { signatureBlock } from "./kit/signature.js";
import { addBanner } from "./kit/banner.js";
import { newWorkbook, reportTime, workbookBuffer } from "./kit/workbook.js";

export interface OverviewWorkbookOptions {
  lang: Lang;
  version: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now (see runTime) */
  runAt?: string;
}

/** Cells per side of the zero line. */
const BAR_CELLS = 22;
/** Width of one bar cell (characters). */
const BAR_WIDTH = 1.4;
const FILL = { plan: "FF8EA9C1", forecast: "FFBDD7EE", outcome: "FF2F5597", remaining: "FFED7D31" } as const;
const MKR_FORMAT = "#,##0.0;[Red]-#,##0.0";

/** The smallest step 1, 2 or 5 × 10^k tenths of a Mkr with which `max` tenths fit in `cells` cells. */
export function barStep(maxTenths: bigint, cells: number): bigint {
  const need = (maxTenths + BigInt(cells) - 1n) / BigInt(cells);
  for (let p = 1n; ; p *= 10n) for (const m of [1n, 2n, 5n]) if (m * p >= need) return m * p;
}

/** The cells a bar fills: |tenths| / step, rounded half away from zero, at most `cells`; at least 1 for an amount that shows as non-zero. */
export function barLength(tenths: bigint, step: bigint, cells: number): number {
  const a = tenths < 0n ? -tenths : tenths;
  const n = Number((2n * a + step) / (2n * step));
  return Math.min(cells, a > 0n ? Math.max(1, n) : 0);
}

/** A step of tenths as Mkr text ("2,5" / "2.5", "50"). */
function stepText(step: bigint, lang: Lang): string {
  const int = (step / 10n).toString();
  const dec = step % 10n;
  return dec === 0n ? int : `${int}${lang === "sv" ? "," : "."}${dec}`;
}

export async function overviewWorkbook(o: Overview, options: OverviewWorkbookOptions): Promise<Uint8Array> {
  const lang = options.lang;
  const at = reportTime(options.runAt);
  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  // a draft says so as on every workbook; a tariff that is not a draft but names no decision says that
  const draft = statusBanner(o.tariffStatus, lang);
  addBanner(wb, draft.length > 0 ? draft : o.decision === null ? [dw(lang, "notDecided").toUpperCase()] : []);
  addBanner(wb, overviewScenarioLines(o, lang));
  const O = wb.addWorksheet(dw(lang, "sheetOverview"));
  const K = wb.addWorksheet(dw(lang, "sheetExact"));
  const rows = overviewRows(o, lang);
  const n = o.parties.length;

  // ---------------------------------------------------------------- Kronor (the exact amounts)
  title(K, 1, dw(lang, "exactTitle", { year: o.year }), 14, 2 + rows.length);
  put(K, 2, 1, dw(lang, "exactNote"));
  K.mergeCells(2, 1, 2, 1 + rows.length);
  const kHead = 4;
  header(K, kHead, [dw(lang, "region"), ...rows.map((r) => `${r.label} (${dw(lang, "kr").toLowerCase()})`)]);
  const kFirst = kHead + 1;
  o.parties.forEach((p, i) => {
    put(K, kFirst + i, 1, p);
    rows.forEach((r, j) => {
      if (r.amounts) money(K, kFirst + i, 2 + j, r.amounts[i] ?? 0n);
      else put(K, kFirst + i, 2 + j, dw(lang, "missing"));
    });
  });
  const kSum = kFirst + n;
  put(K, kSum, 1, dw(lang, "sum"));
  rows.forEach((r, j) => {
    if (!r.amounts) return;
    const col = colLetter(2 + j);
    moneyFormula(K, kSum, 2 + j, `SUM(${col}${kFirst}:${col}${kSum - 1})`, r.amounts.reduce((a, b) => a + b, 0n), true);
  });
  boldRow(K, kSum, 1, 1 + rows.length);
  let kr = kSum + 2;
  title(K, kr, dw(lang, "sheetInputs"), 12);
  kr++;
  header(K, kr, [dw(lang, "kind"), dw(lang, "file")]);
  kr++;
  const kindWord = (kind: string, file: string): string =>
    kind === "plan" ? dw(lang, "plan") : kind === "forecast" ? dw(lang, "forecast", { through: o.forecasts.find((f) => f.file === file)?.through ?? "" }) : kind === "result" ? dw(lang, "outcome") : dw(lang, "remaining");
  const scenarioWord = (kind: string, file: string): string => (o.sources.some((s) => s.kind === kind && s.file === file && s.scenario) ? dw(lang, "scenarioMark", { label: kindWord(kind, file) }) : kindWord(kind, file));
  for (const s of o.sources) {
    put(K, kr, 1, scenarioWord(s.kind, s.file));
    put(K, kr, 2, s.file);
    kr++;
  }
  kr++;
  put(K, kr, 1, dw(lang, "tool"), undefined, true);
  put(K, kr, 2, `vardavtal ${options.version}`);
  put(K, kr + 1, 1, dw(lang, "runAt"), undefined, true);
  put(K, kr + 1, 2, runTimeText(at));
  finishSheet(K, { freezeRows: kHead });

  // ---------------------------------------------------------------- Översikt (one page)
  const chart0 = 5; // first bar cell, left of the zero line
  const zero = chart0 + BAR_CELLS; // first cell right of the zero line
  const lastCol = zero + BAR_CELLS - 1;
  title(O, 1, `${dw(lang, "overview", { year: o.year })}${o.title !== undefined ? `: ${o.title}` : ""}`, 14, lastCol);
  put(O, 2, 1, dw(lang, "overviewSub"));
  O.mergeCells(2, 1, 2, lastCol);
  const head = 4;
  header(O, head, [dw(lang, "region"), dw(lang, "measure"), dw(lang, "mkr")]);
  header(O, head, [dw(lang, "chart")], chart0);
  O.mergeCells(head, chart0, head, lastCol);
  O.getCell(head, chart0).alignment = { horizontal: "center" };
  for (let c = chart0 + 1; c <= lastCol; c++) O.getCell(head, c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };

  const shown = rows.flatMap((r) => (r.amounts ? r.amounts.map((v) => mkrTenths(v)) : []));
  const maxTenths = shown.reduce((a, t) => (t < 0n ? (-t > a ? -t : a) : t > a ? t : a), 0n);
  const step = barStep(maxTenths > 0n ? maxTenths : 1n, BAR_CELLS);
  let r = head + 1;
  o.parties.forEach((p, i) => {
    rows.forEach((m, j) => {
      if (j === 0) {
        put(O, r, 1, p, undefined, true);
        for (let c = 1; c <= lastCol; c++) O.getCell(r, c).border = { ...O.getCell(r, c).border, top: { style: "thin", color: { argb: "FF808080" } } };
      }
      put(O, r, 2, m.label);
      if (m.amounts) {
        const ore = m.amounts[i] ?? 0n;
        formula(O, r, 3, `ROUND('${K.name}'!${colLetter(2 + j)}${kFirst + i}/1000000,1)`, mkrNumber(ore), MKR_FORMAT);
        drawBar(O, r, zero, mkrTenths(ore), step, FILL[m.key]);
      } else {
        put(O, r, 3, dw(lang, "missing"));
        O.getCell(r, 3).alignment = { horizontal: "right" };
      }
      // the zero line
      O.getCell(r, zero).border = { ...O.getCell(r, zero).border, left: { style: "medium", color: { argb: "FF404040" } } };
      r++;
    });
  });
  r++;
  put(O, r, chart0, dw(lang, "scale", { step: stepText(step, lang) }));
  O.mergeCells(r, chart0, r, lastCol);
  O.getCell(r, chart0).alignment = { horizontal: "center" };
  // a legend: each measure's colour
  const legend: [keyof typeof FILL, string][] = [
    ["plan", dw(lang, "plan")],
    ["forecast", o.forecasts.length > 0 ? dw(lang, "forecast", { through: "…" }) : ""],
    ["outcome", dw(lang, "outcome")],
    ["remaining", dw(lang, "remaining")],
  ];
  let lr = r;
  for (const [key, text] of legend) {
    if (text === "") continue;
    O.getCell(lr, 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[key] } };
    put(O, lr, 2, text);
    lr++;
  }
  const setWidths = (): void => {
    O.getColumn(4).width = 1.5;
    for (let c = chart0; c <= lastCol; c++) O.getColumn(c).width = BAR_WIDTH;
  };
  setWidths();
  finishSheet(O, { freezeRows: 0, orientation: "landscape" });
  setWidths();
  O.getColumn(3).width = Math.max(O.getColumn(3).width ?? 0, 10);
  signatureBlock(O, lang, o.decision);
  return workbookBuffer(wb);
}

/** A bar of `tenths` in row `row`: filled cells right of the zero line (receives) or left of it (pays). */
function drawBar(sheet: Sheet, row: number, zero: number, tenths: bigint, step: bigint, argb: string): void {
  const cells = barLength(tenths, step, BAR_CELLS);
  for (let k = 0; k < cells; k++) {
    const col = tenths > 0n ? zero + k : zero - 1 - k;
    const cell = sheet.getCell(row, col);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
    // a white edge above and below, so that the bars of neighbouring rows stand apart
    cell.border = { ...cell.border, top: { style: "thin", color: { argb: "FFFFFFFF" } }, bottom: { style: "thin", color: { argb: "FFFFFFFF" } } };
  }
}
