/**
 * The end of a workbook's first sheet: the decision the figures rest on, then the signature
 * block (Upprättad av / Datum, Granskad av / Datum) with lines to sign on.
 */
import type { Decision } from "../../../core/model/tariff.js";
import { decisionText, dw } from "../../../text/decided-words.js";
import type { Lang } from "../../../text/messages.js";
import { addr, checkCellValue, type Sheet } from "./cells.js";
import { lineHeight, linesFor } from "./measure.js";
import { markSigned } from "./print.js";

/** A decision as the signature block names it; several (a comparison's A and B) each with a label. */
export type DecisionLine = Decision | null | undefined | readonly { label: string; decision: Decision | null | undefined }[];

/**
 * Ends a workbook's first sheet: the decision the figures rest on ("Beslutad av
 * Samverkansnämnden 2025-12-08 § 12", or that the tariff is not decided), then the signature
 * block, Upprättad av / Datum and Granskad av / Datum, with lines to sign on. Called after
 * `finishSheet`: it uses the sheet's column widths and only widens a column too narrow for its
 * label. The block is a few rows under the figures, so it prints on their page; a sheet that fits
 * one page (fitted when the workbook is written) keeps it there.
 */
export function signatureBlock(sheet: Sheet, lang: Lang, decision: DecisionLine): void {
  markSigned(sheet);
  // a little more of the page for the one page it prints on
  sheet.pageSetup.margins = { left: 0.35, right: 0.35, top: 0.45, bottom: 0.5, header: 0.2, footer: 0.25 };
  const lines = Array.isArray(decision)
    ? (decision as readonly { label: string; decision: Decision | null | undefined }[]).map((d) => `${d.label}: ${decisionText(d.decision, lang)}`)
    : [decisionText(decision as Decision | null | undefined, lang)];
  const width = (c: number): number => sheet.getColumn(c).width ?? 9.14;
  const labels = [dw(lang, "preparedBy"), dw(lang, "reviewedBy")];
  // column A holds the labels; the line to sign on runs over the next columns for at least 28
  // characters; then "Datum" and its line, at least 14 characters
  if (width(1) < Math.max(...labels.map((l) => l.length)) + 2) sheet.getColumn(1).width = Math.max(...labels.map((l) => l.length)) + 2;
  let c = 2;
  let signEnd = 2;
  for (let w = width(2); w < 28 && c < 12; ) w += width(++c);
  signEnd = c;
  const dateLabel = signEnd + 1;
  if (width(dateLabel) < dw(lang, "date").length + 2) sheet.getColumn(dateLabel).width = dw(lang, "date").length + 2;
  let dateEnd = dateLabel + 1;
  for (let w = width(dateEnd); w < 14 && dateEnd < dateLabel + 6; ) w += width(++dateEnd);
  const span = Math.max(dateEnd, sheet.columnCount);
  let spanWidth = 0;
  for (let k = 1; k <= span; k++) spanWidth += width(k);

  let r = sheet.rowCount + 2;
  for (const text of lines) {
    checkCellValue(text, `'${sheet.name}'!${addr(r, 1)}`);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { vertical: "top", wrapText: true };
    sheet.mergeCells(r, 1, r, span);
    sheet.getRow(r).height = linesFor(text, spanWidth, 11, true) * lineHeight(11) + 2;
    r++;
  }
  r++;
  for (const label of labels) {
    const row = sheet.getRow(r);
    row.height = 30; // room to sign above the line
    const put1 = (col: number, text: string): void => {
      const cell = sheet.getCell(r, col);
      cell.value = text;
      cell.alignment = { vertical: "bottom", horizontal: col === 1 ? "left" : "right", ...(col === 1 ? {} : { indent: 1 }) };
    };
    put1(1, label);
    put1(dateLabel, dw(lang, "date"));
    for (let k = 2; k <= signEnd; k++) sheet.getCell(r, k).border = { bottom: { style: "thin" } };
    for (let k = dateLabel + 1; k <= dateEnd; k++) sheet.getCell(r, k).border = { bottom: { style: "thin" } };
    r++;
  }
}
