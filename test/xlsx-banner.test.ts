/**
 * Every workbook in Swedish speaks Swedish (no internal codes: check ids, model and component
 * codes, file roles, reader names, raw integers), and a tariff that is not decided puts its banner
 * ("UTKAST – illustrativa belopp", "FÖRSLAG – ej beslutade belopp") at the top of every sheet of
 * every workbook; the rows under the banner move down with their formulas, which LibreOffice
 * recalculates to the same figures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { calculate } from "../src/core/model/calculate.js";
import { finalSettlement } from "../src/core/year/settlement.js";
import { checkFigures, checkName, isCheckId } from "../src/render/labels.js";
import { put } from "../src/render/xlsx/kit/cells.js";
import { shiftFormulaRows } from "../src/render/xlsx/kit/formula.js";
import { addBanner } from "../src/render/xlsx/kit/banner.js";
import { newWorkbook, workbookBuffer } from "../src/render/xlsx/kit/workbook.js";
import { settlementWorkbook } from "../src/render/xlsx/settlement.js";
import { ROOT, bannerRows, compareRecalculated, compareRecalculatedAll, haveLibreOffice, loadWorkbook, runMain, shownValue, tempDir, textsOf, uncachedFormulas } from "./helpers.js";
import { asDecided, decidedText } from "./decided.js";

const CONSUMPTION = join(ROOT, "examples", "2025", "konsumtion-2025.csv");
const COSTS = join(ROOT, "examples", "2025", "gemensamma-kostnader-2025.csv");
const POPULATION = join(ROOT, "examples", "2025", "befolkning-2024-12-31.csv");
const EPOCH = { SOURCE_DATE_EPOCH: "1795000000" };

/** Every check id the core makes (calculate, key check, a conto, settlement). */
const CHECK_IDS = [
  "shares_sum_to_one",
  "allocation_sums",
  "allocation_bounds",
  "flows_match_components",
  "value_by_model",
  "net_sums_to_zero",
  "remaining_sums_to_zero",
  "transfers_settle",
  "transfers_count",
  "months_sum_to_annual",
  "item_deviations_sum_to_zero",
];

/** Texts a Swedish workbook must not show: codes of the program, raw figures. */
const FORBIDDEN: [RegExp, string][] = [
  ...CHECK_IDS.map((id): [RegExp, string] => [new RegExp(`\\b${id}\\b`), id]),
  [/\bfixed_variable\b|\bunit_price\b|\bfixed_only\b/, "model/component code"],
  [/\bexcluded\b/, "model code"],
  [/^(fixed|variable|solidarity|grant)$/, "component code"],
  [/\btariff\b/, "file role"],
  [/\bconsumption\b/, "file role"],
  [/\bgeneral\b/, "reader name"],
  [/\bfixedShare\b|\bkey\.shares\b/, "tariff field name"],
  [/^(true|false|decided|proposal|illustrative)$/, "JSON value"],
  [/(?<![,.\d])\d{10,}/, "raw long integer"], // not the decimals of an exact value ("0,339077844608626")
  [/\d{4}-\d\d-\d\dT\d\d:\d\d/, "ISO timestamp"],
];

function forbiddenIn(wb: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  for (const { where, text } of textsOf(wb)) {
    if (/^[0-9a-f]{64}$/.test(text)) continue; // a SHA-256
    if (/[/\\]/.test(text) && /\.(json|csv)$/.test(text)) continue; // a file name the user gave
    for (const [re, what] of FORBIDDEN) if (re.test(text)) found.push(`${where}: ${what}: ${text.slice(0, 120)}`);
  }
  return found;
}

function bannerOf(ws: ExcelJS.Worksheet): string[] {
  const k = bannerRows(ws);
  return Array.from({ length: Math.max(0, k - 1) }, (_, i) => String(shownValue(ws.getCell(i + 1, 1))));
}

let dir = "";
let illustrative = "";

async function run(args: string[], codes = [0]): Promise<void> {
  const r = await runMain(args, ROOT, EPOCH);
  expect(codes, `${args.join(" ")}\n${r.stderr}`).toContain(r.code);
}

beforeAll(async () => {
  dir = tempDir("vardavtal-banner-");
  // The bundled tariff is marked illustrative; a copy marked decided has no banner.
  const tariff = JSON.parse(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8")) as Record<string, unknown>;
  expect(tariff.status).toBe("illustrative");
  // Both copies carry the same (decided) sources, so that the banner is their only difference.
  const bundled = readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8");
  illustrative = join(dir, "illustrativ-2025.json");
  writeFileSync(illustrative, JSON.stringify({ ...JSON.parse(decidedText(bundled)), $schema: undefined }, null, 2));
  const decided = join(dir, "beslutad-2025.json");
  writeFileSync(decided, JSON.stringify({ ...asDecided(bundled), $schema: undefined }, null, 2));
  for (const [tag, t] of [
    ["ill", illustrative],
    ["dec", decided],
  ] as const) {
    await run(["calculate", "--tariff", t, "--consumption", CONSUMPTION, "--json", join(dir, `${tag}-r.json`), "--xlsx", join(dir, `${tag}-r.xlsx`)]);
    await run(["check-key", "--tariff", t, "--costs", COSTS, "--tolerance", "1000", "--xlsx", join(dir, `${tag}-kc.xlsx`)], [0, 1]);
    await run(["acconto", "--tariff", t, "--json", join(dir, `${tag}-a.json`), "--xlsx", join(dir, `${tag}-a.xlsx`)]);
    await run(["settle", "--result", join(dir, `${tag}-r.json`), "--paid", join(dir, `${tag}-a.json`), "--xlsx", join(dir, `${tag}-s.xlsx`)]);
    await run(["propose", "--tariff", t, "--results", join(dir, `${tag}-r.json`), "--index", "2026=2,8", "--population", POPULATION, "--round-to", "1000", "--out", join(dir, `${tag}-p.json`), "--xlsx", join(dir, `${tag}-p.xlsx`)]);
  }
}, 180_000);

describe("a tariff marked illustrative", () => {
  it("puts «UTKAST – illustrativa belopp» at the top of every sheet of every workbook", async () => {
    for (const f of ["ill-r", "ill-kc", "ill-a"]) {
      const wb = await loadWorkbook(join(dir, `${f}.xlsx`));
      for (const ws of wb.worksheets) {
        expect(bannerOf(ws), `${f} ${ws.name}`).toEqual(["UTKAST – illustrativa belopp"]);
        // repeated on every printed page
        expect(ws.pageSetup.printTitlesRow, `${f} ${ws.name}`).toMatch(/^1:\d+$/);
      }
    }
  });

  it("marks a proposal made from it as a proposal with illustrative amounts", async () => {
    const wb = await loadWorkbook(join(dir, "ill-p.xlsx"));
    for (const ws of wb.worksheets) expect(bannerOf(ws), ws.name).toEqual(["FÖRSLAG – ej beslutade belopp", "UTKAST – illustrativa belopp"]);
    const dec = await loadWorkbook(join(dir, "dec-p.xlsx"));
    for (const ws of dec.worksheets) expect(bannerOf(ws), ws.name).toEqual(["FÖRSLAG – ej beslutade belopp"]);
  });

  it("says so in English with --lang en", async () => {
    const file = join(dir, "en.xlsx");
    await run(["calculate", "--tariff", illustrative, "--consumption", CONSUMPTION, "--xlsx", file, "--lang", "en"]);
    const wb = await loadWorkbook(file);
    for (const ws of wb.worksheets) expect(bannerOf(ws), ws.name).toEqual(["DRAFT – illustrative amounts"]);
  });

  it("gives a settlement workbook the banner when the tariff's status is passed on", async () => {
    const r = await calculate({ tariff: readFileSync(illustrative, "utf8"), consumption: [{ year: "2025", seller: "RÖ", buyer: "RJL", area: "primärvård", amount: "1000.00" }] });
    const s = finalSettlement({ year: r.year, parties: r.parties.map((p) => p.id), flows: r.flows, net: r.net }, []);
    const file = join(dir, "settle-api.xlsx");
    writeFileSync(file, await settlementWorkbook(s, { lang: "sv", inputs: [], version: "test", resultFile: "r.json", tariffStatus: r.tariff.file.status }));
    const wb = await loadWorkbook(file);
    for (const ws of wb.worksheets) expect(bannerOf(ws), ws.name).toEqual(["UTKAST – illustrativa belopp"]);
    if (haveLibreOffice) expect((await compareRecalculated(file)).diffs).toEqual([]);
  });

  it("leaves a decided tariff's workbooks without a banner", async () => {
    for (const f of ["dec-r", "dec-kc", "dec-a", "dec-s"]) {
      const wb = await loadWorkbook(join(dir, `${f}.xlsx`));
      for (const ws of wb.worksheets) expect(bannerRows(ws), `${f} ${ws.name}`).toBe(0);
    }
  });

  it("moves every row under the banner: the figures and formulas are those of the unmarked workbook, rows + 2", async () => {
    const a = await loadWorkbook(join(dir, "dec-r.xlsx"));
    const b = await loadWorkbook(join(dir, "ill-r.xlsx"));
    for (const ws of a.worksheets) {
      const other = b.getWorksheet(ws.name) as ExcelJS.Worksheet;
      if (ws.name === "Indata") continue; // the two tariff files differ
      expect(bannerRows(other)).toBe(2);
      // The summary's warnings differ (only the illustrative tariff has TARIFF_ILLUSTRATIVE): compared up to them.
      let warningsFrom = Infinity;
      ws.eachRow((row, r) => {
        if (String(row.getCell(1).value ?? "") === "Varningar") warningsFrom = Math.min(warningsFrom, r);
      });
      ws.eachRow((row, r) =>
        row.eachCell((c, col) => {
          if (r >= warningsFrom) return;
          const moved = other.getCell(r + 2, col);
          const v = c.value as { formula?: string } | null;
          if (v && typeof v === "object" && typeof v.formula === "string") expect((moved.value as { formula: string }).formula, `${ws.name}!${c.address}`).toBe(shiftFormulaRows(v.formula, 2));
          else if (typeof v === "string" && /^'[^']+'!\$?[A-Z]+\$?\d+$/.test(v)) expect(moved.value, `${ws.name}!${c.address}`).toBe(shiftFormulaRows(v, 2));
          else expect(shownValue(moved), `${ws.name}!${c.address}`).toEqual(shownValue(c));
        }),
      );
    }
  });

  it("stores a cached result with every formula of the moved sheets", async () => {
    const { formulas, uncached } = await uncachedFormulas(join(dir, "ill-r.xlsx"));
    expect(uncached).toEqual([]);
    expect(formulas).toBeGreaterThan(300);
  });

  it.skipIf(!haveLibreOffice)("recalculates to the cached figures in LibreOffice (report, key check, a conto, proposal)", async () => {
    const names = ["ill-r", "ill-kc", "ill-a", "ill-p"];
    const compared = await compareRecalculatedAll(names.map((f) => join(dir, `${f}.xlsx`)));
    for (const [i, f] of names.entries()) {
      const { diffs, formulas } = compared[i] as { diffs: string[]; formulas: number };
      expect(diffs, f).toEqual([]);
      expect(formulas, f).toBeGreaterThan(10);
    }
  }, 120_000);
});

describe("Swedish workbooks speak Swedish", () => {
  it("no internal code or raw figure in any sheet of the report, the key check, the a conto, the settlement or the proposal", async () => {
    for (const f of ["ill-r", "ill-kc", "ill-a", "ill-s", "ill-p", "dec-r", "dec-kc"]) {
      const wb = await loadWorkbook(join(dir, `${f}.xlsx`));
      expect(forbiddenIn(wb), f).toEqual([]);
    }
  });

  it("the test's list of forbidden tokens would catch a code", async () => {
    const wb = newWorkbook("test", new Date(0));
    put(wb.addWorksheet("x"), 1, 1, "allocation_bounds");
    put(wb.getWorksheet("x") as ExcelJS.Worksheet, 2, 1, "areas=131015634959000000");
    expect(forbiddenIn(wb)).toHaveLength(2);
  });

  it("names every check of the core and shows its figures in kronor", () => {
    for (const id of CHECK_IDS) {
      expect(isCheckId(id), id).toBe(true);
      expect(checkName(id, "sv")).not.toBe(id);
      expect(checkName(id, "en")).not.toBe(id);
    }
    expect(checkFigures({ areas: "131015634959000000", models: "131015634959000000" }, "sv", [])).toBe("per verksamhet 1 310 156 349,59 kr; per modell 1 310 156 349,59 kr");
    expect(checkFigures({ remaining: "0.00 -0.01 0.01" }, "sv", ["RJL", "RKL", "RÖ"])).toBe("kvar: RJL 0,00 kr, RKL -0,01 kr, RÖ 0,01 kr");
    expect(checkFigures({ month: "3", sum: "1234567.50" }, "en", [])).toBe("month: March; sum SEK 1,234,567.50");
  });

  it("shows the run time as YYYY-MM-DD HH:MM and the year once in the summary's title", async () => {
    const wb = await loadWorkbook(join(dir, "ill-r.xlsx"));
    const m = wb.worksheets[0] as ExcelJS.Worksheet;
    const o = bannerRows(m);
    const title = String(shownValue(m.getCell(o + 1, 1)));
    expect(title.match(/2025/g)?.length, title).toBe(1);
    expect(String(shownValue(m.getCell(o + 4, 2)))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d( UTC)? \(vardavtal /); // UTC in a reproducible run (SOURCE_DATE_EPOCH)
  });
});

describe("shiftFormulaRows", () => {
  it("moves cell references, never string literals, quoted sheet names, numbers or function names", () => {
    expect(shiftFormulaRows("ROUND(D5*C5,2)", 2)).toBe("ROUND(D7*C7,2)");
    expect(shiftFormulaRows("SUM($B$3:$B$9)/B3", 1)).toBe("SUM($B$4:$B$10)/B4");
    expect(shiftFormulaRows("'Rader A1 ''x'' B2'!$E$5+'Vårdavtal'!E5", 3)).toBe("'Rader A1 ''x'' B2'!$E$8+'Vårdavtal'!E8");
    expect(shiftFormulaRows('IF(ABS(C4-D4)<0.000000001,"A1 OK","FEL")', 2)).toBe('IF(ABS(C6-D6)<0.000000001,"A1 OK","FEL")');
    expect(shiftFormulaRows("1E5+LOG10(A1)", 1)).toBe("1E5+LOG10(A2)");
  });

  it("a banner written through the kit moves a sheet's cells and merges", async () => {
    const wb = newWorkbook("test", new Date(0));
    const ws = wb.addWorksheet("x");
    put(ws, 1, 1, "Titel");
    ws.mergeCells(1, 1, 1, 3);
    put(ws, 2, 2, 5);
    put(ws, 3, 2, { formula: "B2*2", result: 10 });
    addBanner(wb, ["Scenario: fixedShare = 0,60"]);
    const file = join(tempDir(), "b.xlsx");
    writeFileSync(file, await workbookBuffer(wb));
    const back = (await loadWorkbook(file)).getWorksheet("x") as ExcelJS.Worksheet;
    expect(bannerOf(back)).toEqual(["Scenario: fixedShare = 0,60"]);
    expect(shownValue(back.getCell(3, 1))).toBe("Titel");
    expect(back.getCell(3, 3).isMerged).toBe(true);
    expect((back.getCell(5, 2).value as { formula: string }).formula).toBe("B4*2");
  });
});

describe("a scenario's workbook", () => {
  it("says on every sheet that it is a scenario and what was set, under the draft banner", async () => {
    const dir = tempDir();
    const xlsx = join(dir, "s.xlsx");
    const r = await runMain(["calculate", "--tariff", "2025", "--consumption", CONSUMPTION, "--set", "fixedShare=0.60", "--set", "solidarity.RCC.amount=19000000", "--xlsx", xlsx], ROOT, EPOCH);
    expect(r.code, r.stderr).toBe(0);
    const wb = await loadWorkbook(xlsx);
    for (const ws of wb.worksheets) {
      const top = [1, 2, 3, 4].map((row) => String(ws.getCell(row, 1).value ?? ""));
      expect(top.slice(0, 4), ws.name).toEqual(["UTKAST – illustrativa belopp", "SCENARIO: tariffens värden ersatta, inte det beslutade utfallet", "Fast andel ändrad från 65 % till 60 % (--set fixedShare=0.60)", "solidarity.RCC.amount ändrad från 18 000 000,00 till 19 000 000 (--set solidarity.RCC.amount=19000000)"]);
    }
  });
});

describe("the comparison workbook", () => {
  it("is a draft when either result came from an illustrative tariff, and shows its run time as the other workbooks do", async () => {
    const both = join(dir, "cmp-ill.xlsx");
    await run(["compare", join(dir, "dec-r.json"), join(dir, "ill-r.json"), "--xlsx", both]);
    const wb = await loadWorkbook(both);
    for (const ws of wb.worksheets) expect(bannerOf(ws), ws.name).toEqual(["UTKAST – illustrativa belopp"]);
    const texts = textsOf(wb)
      .filter((t) => t.where.startsWith(`${(wb.worksheets[0] as ExcelJS.Worksheet).name}!`))
      .map((t) => t.text)
      .join("\n");
    expect(texts).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d( UTC)? \(vardavtal /);
    expect(texts).not.toMatch(/\d\dT\d\d:\d\d/); // no ISO timestamp
    const plain = join(dir, "cmp-dec.xlsx");
    await run(["compare", join(dir, "dec-r.json"), join(dir, "dec-r.json"), "--xlsx", plain]);
    for (const ws of (await loadWorkbook(plain)).worksheets) expect(bannerRows(ws), ws.name).toBe(0);
  });

  it.skipIf(!haveLibreOffice)("recalculates to the cached figures in LibreOffice under the banner", async () => {
    const { diffs, formulas } = await compareRecalculated(join(dir, "cmp-ill.xlsx"));
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(10);
  });
});
