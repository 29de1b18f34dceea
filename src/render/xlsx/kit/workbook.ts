/**
 * A report workbook from start to bytes: the time it carries, a new workbook with its document
 * properties, and its bytes (print layout, banner and page breaks laid out, ZIP times fixed).
 */
import ExcelJS from "exceljs";
import { runTime } from "../../run-time.js";
import { bannerLines, moveRowsDown, writeBanner } from "./banner.js";
import { keepTablesTogether, printLayout } from "./print.js";
import { setZipTimes } from "./zip.js";

/** The time of a report: the caller's `runAt` (an ISO timestamp) when given and valid, else runTime(). */
export function reportTime(runAt: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const given = runAt !== undefined ? new Date(runAt) : undefined;
  return given && !Number.isNaN(given.getTime()) ? given : runTime(env);
}

/** A new workbook whose document properties carry `at` (created and modified) and no other time. */
export function newWorkbook(creator: string, at: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = at;
  wb.modified = at;
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

/**
 * The .xlsx bytes. exceljs stamps every ZIP entry with the time of writing; the entries get the
 * workbook's own time instead (wb.modified), so that the same workbook gives the same bytes.
 */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const banner = bannerLines(wb);
  for (const sheet of wb.worksheets) {
    const labels = printLayout(sheet);
    if (banner.length > 0) {
      moveRowsDown(sheet, banner.length + 1);
      writeBanner(sheet, banner, labels);
    }
    keepTablesTogether(sheet);
  }
  return setZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), wb.modified ?? new Date());
}
