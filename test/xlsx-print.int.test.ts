/**
 * Workbooks that print (issues 19 and 22): the demo's report, a-conto plan, settlement and
 * comparison, as written and as LibreOffice prints them on A4. Nothing under 8 points; the first
 * sheet on one page with its signature block; the a-conto payer sheets over pages across with
 * their row labels repeated; one number format per column of a table; the report's warnings in
 * words. The PDF is measured with poppler (pdftotext -bbox, pdfinfo).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cellText, convertAll, haveLibreOffice, loadWorkbook, runMain, tempDir } from "./helpers.js";

const havePoppler = spawnSync("which", ["pdftotext"]).status === 0 && spawnSync("which", ["pdfinfo"]).status === 0;
const WORKBOOKS = ["rapport-2025.xlsx", "acconto-2025.xlsx", "slutreglering-2025.xlsx", "jamforelse.xlsx"];
/** A word's box in a PDF is about 1.3 × its font size (DejaVu, as LibreOffice prints here). */
const BOX_PER_POINT = 1.3;

let dir = "";
beforeAll(async () => {
  dir = tempDir("vardavtal-print-");
  const demo = await runMain(["demo", "--out", dir], dir, { SOURCE_DATE_EPOCH: "1700000000" });
  expect(demo.code, demo.stderr).toBe(0);
  const forecast = await runMain(["calculate", "--tariff", "2025", "--consumption", "konsumtion-2025.csv", "--through", "2025-08-31", "--json", "prognos.json"], dir, { SOURCE_DATE_EPOCH: "1700000000" });
  expect(forecast.code, forecast.stderr).toBe(0);
  const compare = await runMain(["compare", "prognos.json", "resultat-2025.json", "--xlsx", "jamforelse.xlsx"], dir, { SOURCE_DATE_EPOCH: "1700000000" });
  expect(compare.code, compare.stderr).toBe(0);
}, 120_000);

/** The signature block's rows (Upprättad av …) of a sheet. */
function signatureRows(ws: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  ws.eachRow((row, r) => {
    if (/^(Upprättad av|Granskad av)$/.test(cellText(row.getCell(1)))) rows.push(r);
  });
  return rows;
}

describe("the page setup written into the workbooks", () => {
  it("prints every first sheet on one A4 page, its signature block inside the printed area", async () => {
    for (const name of WORKBOOKS) {
      const wb = await loadWorkbook(join(dir, name));
      const first = wb.worksheets[0] as ExcelJS.Worksheet;
      const ps = first.pageSetup;
      expect(ps.paperSize, name).toBe(9);
      expect([ps.fitToPage, ps.fitToWidth, ps.fitToHeight], name).toEqual([true, 1, 1]);
      expect(ps.printArea, name).toBeUndefined(); // the whole sheet prints
      const sign = signatureRows(first);
      expect(sign.length, name).toBe(2);
      expect(Math.max(...sign), name).toBe(first.rowCount);
    }
  });

  it("prints a sheet too wide for the page at 75 % or more, with its row labels and header rows repeated", async () => {
    const wb = await loadWorkbook(join(dir, "acconto-2025.xlsx"));
    const payers = wb.worksheets.filter((ws) => / betalar$/.test(ws.name));
    expect(payers.length).toBe(3);
    for (const ws of payers) {
      const ps = ws.pageSetup;
      expect(ps.fitToPage, ws.name).toBe(false);
      expect(ps.scale, ws.name).toBeGreaterThanOrEqual(73);
      expect(ps.printTitlesColumn, ws.name).toBe("A:C"); // payee, component, label on every page
      expect(ps.printTitlesRow, ws.name).toMatch(/^1:\d+$/);
      const header = Number(/^1:(\d+)$/.exec(ps.printTitlesRow ?? "")?.[1]);
      expect(cellText(ws.getCell(header, 1)), ws.name).toBe("Mottagare");
    }
    for (const name of WORKBOOKS) {
      for (const ws of (await loadWorkbook(join(dir, name))).worksheets) {
        const ps = ws.pageSetup;
        if (!ps.fitToPage) expect(ps.scale, `${name} ${ws.name}`).toBeGreaterThanOrEqual(73);
      }
    }
  });

  it("writes no font under 8 points", async () => {
    for (const name of WORKBOOKS) {
      for (const ws of (await loadWorkbook(join(dir, name))).worksheets) {
        ws.eachRow((row) => row.eachCell((cell) => expect(cell.font?.size ?? 11, `${name} ${ws.name} ${cell.address}`).toBeGreaterThanOrEqual(8)));
      }
    }
  });

  it("gives the amounts of a column one number format, with thousands separators", async () => {
    for (const name of WORKBOOKS) {
      const wb = await loadWorkbook(join(dir, name));
      const sheets = wb.worksheets;
      for (const ws of sheets) {
        const formats = new Map<number, Set<string>>();
        ws.eachRow((row) =>
          row.eachCell((cell, col) => {
            const v = cell.value as unknown;
            const isNumber = typeof v === "number" || (typeof v === "object" && v !== null && "formula" in v && typeof (v as { result?: unknown }).result !== "string");
            if (!isNumber || !cell.numFmt || cell.numFmt === "0") return; // a year
            if (!formats.has(col)) formats.set(col, new Set());
            formats.get(col)?.add(cell.numFmt);
          }),
        );
        for (const [col, set] of formats) {
          const money = [...set].filter((f) => f.includes("#,##0.00"));
          if (money.length > 0) expect([...new Set(money)], `${name} ${ws.name} column ${col}`).toHaveLength(1);
          for (const f of money) expect(f, `${name} ${ws.name} column ${col}`).toContain("#,##0");
        }
      }
    }
  });

  it("shows the report's warnings in words, not as codes", async () => {
    const wb = await loadWorkbook(join(dir, "rapport-2025.xlsx"));
    const texts: string[] = [];
    (wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => row.eachCell((c) => texts.push(cellText(c))));
    expect(texts.join("\n")).not.toContain("TARIFF_ILLUSTRATIVE");
    expect(texts.join("\n")).toContain("resultatet är ett UTKAST");
  });
});

interface PrintedPage {
  footer: string;
  smallest: number;
  text: string;
}

/** Each page of a PDF: its footer line (sheet name and page number), the smallest word box, the text. */
function pages(pdf: string): PrintedPage[] {
  const out = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" }).stdout;
  return out
    .split("<page ")
    .slice(1)
    .map((p) => {
      const words = [...p.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ top: Number(m[1]), height: Number(m[2]) - Number(m[1]), word: m[3] ?? "" }));
      const bottom = Math.max(...words.map((w) => w.top));
      return {
        footer: words.filter((w) => w.top > bottom - 2).map((w) => w.word).join(" "),
        smallest: Math.min(...words.map((w) => w.height)),
        text: words.map((w) => w.word).join(" "),
      };
    });
}

describe.skipIf(!haveLibreOffice || !havePoppler)("the workbooks as LibreOffice prints them on A4", () => {
  let pdfs: Record<string, PrintedPage[]> = {};
  beforeAll(() => {
    const printed = convertAll(WORKBOOKS.map((w) => join(dir, w)), "pdf");
    pdfs = Object.fromEntries(printed.map((f, i) => [WORKBOOKS[i] as string, pages(f)]));
    printed.forEach((f, i) => {
      const info = spawnSync("pdfinfo", [f], { encoding: "utf8" }).stdout;
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), f).toBe(pdfs[WORKBOOKS[i] as string]?.length);
    });
  }, 300_000);

  it("prints the first sheet on page 1 alone, with its figures and its signatures", () => {
    const first: Record<string, string> = { "rapport-2025.xlsx": "Sammanfattning", "acconto-2025.xlsx": "Översikt", "slutreglering-2025.xlsx": "Per motpart", "jamforelse.xlsx": "Jämförelse" };
    for (const name of WORKBOOKS) {
      const ps = pdfs[name] as PrintedPage[];
      expect(ps[0]?.footer, name).toMatch(new RegExp(`^${first[name]} 1 / \\d+$`));
      expect(ps[1]?.footer.startsWith(first[name] as string), name).toBe(false); // no second page
      expect(ps[0]?.text, name).toContain("Upprättad av");
      expect(ps[0]?.text, name).toContain("Granskad av");
      expect(ps[0]?.text, name).toContain("UTKAST"); // the draft banner on the summary
    }
  });

  it("prints nothing under 8 points on any page", () => {
    for (const name of WORKBOOKS) {
      (pdfs[name] as PrintedPage[]).forEach((p, k) => expect(p.smallest / BOX_PER_POINT, `${name} page ${k + 1} (${p.footer})`).toBeGreaterThanOrEqual(7.95));
    }
  });

  it("repeats the a-conto payer sheets' row labels and title on every page across", () => {
    const payerPages = (pdfs["acconto-2025.xlsx"] as PrintedPage[]).filter((p) => /^RJL betalar /.test(p.footer));
    expect(payerPages.length).toBeGreaterThan(1);
    for (const p of payerPages) {
      for (const word of ["Mottagare", "Komponent", "Avser"]) expect(p.text).toContain(word);
      expect(p.text).toContain("Faktureringsunderlag a conto 2025: RJL betalar");
    }
    expect(payerPages.map((p) => p.text).join(" ")).toContain("december");
  });
});
