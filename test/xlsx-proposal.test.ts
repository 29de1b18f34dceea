/**
 * The workbook of `propose --xlsx` through the real command: how next year's tariff was derived
 * (index, references, prices and budgets, budgeted settlement), read back and compared to the öre
 * with the tariff JSON of the same run; every formula recalculated by LibreOffice gives exactly its
 * cached value, on the demo data and on random data, also next to rounding boundaries; byte-identical
 * with SOURCE_DATE_EPOCH; English with --lang en; an output onto an input is refused. Run
 * `npm run build` first (npm test does).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { proposeTariff, type BaseResult } from "../src/core/year/proposal.js";
import { loadTariff } from "../src/core/model/tariff.js";
import { doubleToRational, proposalWorkbook, roundingDecidable } from "../src/render/xlsx/proposal.js";
import { Rng } from "./fuzz/prng.js";
import { ROOT, resealed, bannerRows, cellOre, cellText as text, compareRecalculatedAll, findRow, formulaOf, formulasOf as formulas, haveLibreOffice, isFormula, loadWorkbook as load, ore, runMain, sheetNamed as sheet, shownValue as shown, tempDir } from "./helpers.js";
import { proposalNotes } from "../src/text/proposal-notes.js";

const CONSUMPTION = join(ROOT, "examples", "2025", "konsumtion-2025.csv");
const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

function findCol(ws: ExcelJS.Worksheet, row: number, t: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (text(ws.getCell(row, c)) === t) return c;
  throw new Error(`column «${t}» not found in ${ws.name} row ${row}`);
}

interface TariffJson {
  year: number;
  references: { seller: string; buyer: string; amount: string }[];
  pointPrices: { seller: string; price: string }[];
  solidarity: { unit: string; amount: string }[];
  fixedOnly: { area: string; total?: string; amounts?: Record<string, string> }[];
}
interface PlanJson {
  lines: { payer: string; payee: string; component: string; label: string | null; annual: string }[];
  net: { party: string; annual: string }[];
}

/** Every proposed reference in the workbook's Referensbelopp sheet, by "seller→buyer", in öre. */
function proposedIn(wb: ExcelJS.Workbook, sv = true): Map<string, bigint> {
  const R = sheet(wb, sv ? "Referensbelopp" : "Reference amounts");
  const head = findRow(R, sv ? "Säljare" : "Seller");
  const col = findCol(R, head, sv ? "Förslag 2026" : "Proposed 2026");
  const out = new Map<string, bigint>();
  for (let r = head + 1; text(R.getCell(r, 1)) !== (sv ? "Summa" : "Total"); r++) {
    if (shown(R.getCell(r, col)) === null || shown(R.getCell(r, col)) === undefined) continue; // a dropped pair
    out.set(`${text(R.getCell(r, 1))}→${text(R.getCell(r, 2))}`, cellOre(R.getCell(r, col)));
  }
  return out;
}
function referencesOf(t: TariffJson): Map<string, bigint> {
  return new Map(t.references.map((x) => [`${x.seller}→${x.buyer}`, ore(x.amount)]));
}

let dir = "";
let proposal: TariffJson;

async function run(args: string[], env: Record<string, string> = EPOCH): Promise<void> {
  const r = await runMain(args, ROOT, env);
  expect(r.code, `${args.join(" ")}\n${r.stderr}`).toBe(0);
}
const PROPOSE = (d: string, extra: string[] = []): string[] => [
  "propose",
  "--tariff",
  "2025",
  "--results",
  join(d, "r24.json"),
  join(d, "r25.json"),
  "--index",
  "2025=3,1",
  "--index",
  "2026=2,8",
  "--round-to",
  "1000",
  ...extra,
];

beforeAll(async () => {
  dir = tempDir("vardavtal-propose-xlsx-");
  await run(["calculate", "--tariff", "2025", "--consumption", CONSUMPTION, "--json", join(dir, "r25.json")]);
  const r = JSON.parse(readFileSync(join(dir, "r25.json"), "utf8")) as { year: number };
  r.year = 2024;
  // last year's stand-in: the same figures under 2024, sealed again (a year changed by hand is refused)
  writeFileSync(join(dir, "r24.json"), JSON.stringify(resealed(r), null, 2));
  await run([...PROPOSE(dir), "--out", join(dir, "t.json"), "--xlsx", join(dir, "p.xlsx")]);
  await run([...PROPOSE(dir), "--out", join(dir, "t2.json"), "--xlsx", join(dir, "p2.xlsx")]);
  await run([...PROPOSE(dir), "--out", join(dir, "t-en.json"), "--xlsx", join(dir, "p-en.xlsx"), "--lang", "en"]);
  await run(["acconto", "--tariff", join(dir, "t.json"), "--json", join(dir, "plan.json")]);
  proposal = JSON.parse(readFileSync(join(dir, "t.json"), "utf8")) as TariffJson;
}, 240_000);

describe("propose --xlsx on the demo data", () => {
  it("has the sheets Index, Referensbelopp, Priser och budgetar, Budgeterad avräkning, Parametrar and Indata", async () => {
    const wb = await load(join(dir, "p.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Index", "Referensbelopp", "Priser och budgetar", "Budgeterad avräkning", "Parametrar", "Indata"]);
  });

  it("every proposed reference is the tariff's amount, to the öre, and a formula ROUND(ROUND(mean/unit,0)*unit,2)", async () => {
    const wb = await load(join(dir, "p.xlsx"));
    expect(proposedIn(wb)).toEqual(referencesOf(proposal));
    const R = sheet(wb, "Referensbelopp");
    const head = findRow(R, "Säljare");
    const col = findCol(R, head, "Förslag 2026");
    for (let r = head + 1; text(R.getCell(r, 1)) !== "Summa"; r++) {
      expect(formulaOf(R.getCell(r, col))).toMatch(/^ROUND\(ROUND\([A-Z]+\d+\/[A-Z]+\d+,0\)\*[A-Z]+\d+,2\)$/);
    }
  });

  it("shows each base year's value, uprated by F(y) from the Index sheet, the mean, the unit, last year's reference and the change", async () => {
    const wb = await load(join(dir, "p.xlsx"));
    const R = sheet(wb, "Referensbelopp");
    const X = sheet(wb, "Index");
    const head = findRow(R, "Säljare");
    const cols = ["Värde 2024", "Värde 2025", "Uppräknat 2024", "Uppräknat 2025", "Medelvärde", "Avrundning (kr)", "Referensbelopp 2025", "Förändring"].map((t) => findCol(R, head, t));
    const [v24, v25, u24, u25, mean, unit, prev, change] = cols as [number, number, number, number, number, number, number, number];
    const r25 = JSON.parse(readFileSync(join(dir, "r25.json"), "utf8")) as { pairs: { seller: string; buyer: string; value: { fixed_variable: string } }[] };
    const row = head + 1;
    const pair = r25.pairs.find((p) => p.seller === text(R.getCell(row, 1)) && p.buyer === text(R.getCell(row, 2)))!;
    expect(shown(R.getCell(row, v24))).toBe(Number(pair.value.fixed_variable));
    expect(shown(R.getCell(row, v25))).toBe(Number(pair.value.fixed_variable));
    expect(formulaOf(R.getCell(row, u24))).toMatch(/^[A-Z]+\d+\*'Index'!\$B\$\d+$/);
    expect(formulaOf(R.getCell(row, mean))).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)\/2$/);
    expect(cellOre(R.getCell(row, unit))).toBe(100_000n);
    expect(formulaOf(R.getCell(row, change))).toMatch(/^ROUND\(/);
    expect(cellOre(R.getCell(row, change))).toBe(cellOre(R.getCell(row, findCol(R, head, "Förslag 2026"))) - cellOre(R.getCell(row, prev)));
    void u25;
    // Index: the factors 1 + index/100 and F(2024) = 1,031 × 1,028 as a PRODUCT
    const y25 = findRow(X, "2025");
    expect(formulaOf(X.getCell(y25, 3))).toBe(`1+B${y25}/100`);
    expect(shown(X.getCell(y25, 2))).toBe(3.1);
    expect(shown(X.getCell(y25, 3))).toBe(1.031);
    const base = findRow(X, "Basår");
    const f24 = findRow(X, "2024", 1, base);
    expect(formulaOf(X.getCell(f24, 2))).toMatch(/^PRODUCT\(\$C\$\d+:\$C\$\d+\)$/);
    expect(shown(X.getCell(f24, 2))).toBe(1.059868);
  });

  it("point prices, solidarity budgets and fixed-only amounts are ROUND(old*factor,2), the tariff's new values", async () => {
    const wb = await load(join(dir, "p.xlsx"));
    const S = sheet(wb, "Priser och budgetar");
    const head = findRow(S, "Avsnitt");
    const newCol = findCol(S, head, "2026 (kr)");
    const expected = [
      ...proposal.pointPrices.map((p) => ore(p.price)),
      ...proposal.solidarity.map((u) => ore(u.amount)),
      ...proposal.fixedOnly.flatMap((f) => [...(f.total ? [ore(f.total)] : []), ...Object.values(f.amounts ?? {}).map(ore)]),
    ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const got: bigint[] = [];
    for (let r = head + 1; r <= S.rowCount && text(S.getCell(r, 1)) !== ""; r++) {
      expect(formulaOf(S.getCell(r, newCol))).toBe(`ROUND(D${r}*F${r},2)`);
      got.push(cellOre(S.getCell(r, newCol)));
    }
    expect(got.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(expected);
  });

  it("the budgeted settlement is the proposal's a-conto plan: its lines and each party's net, Σ net = 0", async () => {
    const wb = await load(join(dir, "p.xlsx"));
    const plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")) as PlanJson;
    const B = sheet(wb, "Budgeterad avräkning");
    const head = findRow(B, "Betalare");
    const amount = findCol(B, head, "Belopp");
    const lines: string[] = [];
    let r = head + 1;
    for (; text(B.getCell(r, 1)) !== "Summa"; r++) {
      const f = formulaOf(B.getCell(r, amount));
      // $B$3, under the proposal's banner ($B$4 + its rows)
      const fs = `\\$B\\$${bannerRows(B) + 3}`;
      if (text(B.getCell(r, 3)) === "Fast ersättning") expect(f).toMatch(new RegExp(`^ROUND\\(${fs}\\*E\\d+,2\\)$`));
      if (text(B.getCell(r, 3)) === "Rörlig ersättning") expect(f).toMatch(new RegExp(`^ROUND\\(\\(1-${fs}\\)\\*E\\d+,2\\)$`));
      lines.push(`${text(B.getCell(r, 1))}→${text(B.getCell(r, 2))} ${text(B.getCell(r, 4))} ${cellOre(B.getCell(r, amount))}`);
    }
    expect(lines.length).toBe(plan.lines.length);
    expect(lines.sort()).toEqual(plan.lines.map((l) => `${l.payer}→${l.payee} ${l.label ?? ""} ${ore(l.annual)}`).sort());
    const partyHead = findRow(B, "Part", 1, r);
    for (const n of plan.net) {
      const pr = findRow(B, n.party, 1, partyHead);
      expect(cellOre(B.getCell(pr, 5)), n.party).toBe(ore(n.annual));
    }
    const check = findRow(B, "Nettopositionerna summerar till 0", 1, partyHead);
    expect(text(B.getCell(check, 4))).toBe("OK");
  });

  it("no input text is part of a formula: the only text constants are OK and FEL", async () => {
    const wb = await load(join(dir, "p.xlsx"));
    const all = formulas(wb);
    expect(all.length).toBeGreaterThan(50);
    for (const { where, f } of all) for (const s of f.match(/"[^"]*"/g) ?? []) expect(["\"OK\"", "\"FEL\""], `${where}: ${f}`).toContain(s);
  });

  it.skipIf(!haveLibreOffice)("every formula recalculates in LibreOffice to exactly its cached value (Swedish and English)", async () => {
    const names = ["p.xlsx", "p-en.xlsx"];
    const compared = await compareRecalculatedAll(names.map((f) => join(dir, f)));
    for (const [i, f] of names.entries()) {
      const { diffs, formulas: count } = compared[i] as { diffs: string[]; formulas: number };
      expect(count, f).toBeGreaterThan(50);
      expect(diffs, f).toEqual([]);
    }
  }, 120_000);

  it("is byte-identical with SOURCE_DATE_EPOCH", () => {
    expect(readFileSync(join(dir, "p.xlsx")).equals(readFileSync(join(dir, "p2.xlsx")))).toBe(true);
  });

  it("is English with --lang en", async () => {
    const wb = await load(join(dir, "p-en.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Index", "Reference amounts", "Prices and budgets", "Budgeted settlement", "Parameters", "Inputs"]);
    expect(proposedIn(wb, false)).toEqual(referencesOf(proposal));
    const B = sheet(wb, "Budgeted settlement");
    expect(text(B.getCell(findRow(B, "The net positions sum to 0"), 4))).toBe("OK");
  });

  it("refuses an output onto an input (exit 2) and writes nothing", async () => {
    const r = await runMain([...PROPOSE(dir), "--out", join(dir, "t3.json"), "--xlsx", join(dir, "r25.json")], ROOT, EPOCH);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--xlsx/);
    expect(existsSync(join(dir, "t3.json"))).toBe(false);
    const same = await runMain([...PROPOSE(dir), "--out", join(dir, "t3.json"), "--xlsx", join(dir, "t3.json")], ROOT, EPOCH);
    expect(same.code).toBe(2);
    expect(existsSync(join(dir, "t3.json"))).toBe(false);
  });
});

// ------------------------------------------------------------------ floating point

/** The fuzzer's seeded PRNG (mulberry32) as a function. */
function prng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
/** A value in 10⁻⁸ SEK: up to `digits` digits of kronor, 2 or 8 decimals. */
function randomValue(rnd: () => number, digits: number): bigint {
  const kr = BigInt(Math.floor(rnd() * 10 ** Math.floor(1 + rnd() * digits)));
  const frac = rnd() < 0.4 ? BigInt(Math.floor(rnd() * 100)) * 1_000_000n : BigInt(Math.floor(rnd() * 1e8));
  return kr * 100_000_000n + frac;
}
const valueText = (v: bigint): string => {
  const s = (v < 0n ? -v : v).toString().padStart(9, "0");
  return `${v < 0n ? "-" : ""}${s.slice(0, -8)}.${s.slice(-8)}`;
};
function resultFile(year: number, parties: string[], values: Map<string, bigint>): string {
  // a result made up by the test, with the digest the readers require (as a writer would give it)
  return JSON.stringify(resealed({
    format: "vardavtal-result/1",
    year,
    parties,
    flows: [],
    net: parties.map((p) => ({ party: p, amount: "0.00" })),
    pairs: [...values].map(([k, v]) => {
      const [seller, buyer] = k.split("→");
      return { seller, buyer, value: { fixed_variable: valueText(v) } };
    }),
  }));
}

describe("rounding in floating point", () => {
  it("roundingDecidable: exact doubles always; on a boundary only ROUND to decimals; otherwise 2·10⁻¹⁴ from it", () => {
    const q = (num: bigint, den: bigint) => ({ num, den });
    // 2,5 exactly: decided when the doubles are exact, or when ROUND snaps to 15 digits
    expect(roundingDecidable(q(5n, 2n), q(5n, 2n), { exactInDoubles: true, snaps: false })).toBe(true);
    expect(roundingDecidable(q(5n, 2n), q(5n, 2n), { exactInDoubles: false, snaps: true })).toBe(true);
    expect(roundingDecidable(q(5n, 2n), q(5n, 2n), { exactInDoubles: false, snaps: false })).toBe(false);
    expect(roundingDecidable(q(-5n, 2n), q(5n, 2n), { exactInDoubles: false, snaps: false })).toBe(false);
    // 10¹³ + ½ has 15 digits after the snap no more
    expect(roundingDecidable(q(2n * 10n ** 13n + 1n, 2n), q(10n ** 13n, 1n), { exactInDoubles: false, snaps: true })).toBe(false);
    // 1 234 567,5 ± 10⁻⁶: far enough (2·10⁻¹⁴ × 1,2·10⁶ ≈ 2,5·10⁻⁸); ± 10⁻⁹ of 10⁶ is not
    expect(roundingDecidable(q(12_345_675_000_01n, 10n ** 6n), q(1_234_567n, 1n), { exactInDoubles: false, snaps: false })).toBe(true);
    expect(roundingDecidable(q(1_234_567_500_000_001n, 10n ** 9n), q(1_234_567n, 1n), { exactInDoubles: false, snaps: false })).toBe(false);
    expect(roundingDecidable(q(1n, 3n), q(1n, 3n), { exactInDoubles: false, snaps: false })).toBe(true);
    expect(doubleToRational(0.1)).toEqual({ num: 3602879701896397n, den: 2n ** 55n });
    expect(doubleToRational(-1.5)).toEqual({ num: -3n, den: 2n });
  });

  it.skipIf(!haveLibreOffice)("an exact half öre is rounded away from zero, as a formula where the doubles are exact, else as the exact value with a note", async () => {
    const d = tempDir("vardavtal-propose-half-");
    const parties = ["RJL", "RKL", "RÖ"];
    // 2025 only, index 0: 1 500,00 kr → 2 000 (round-to 1 000): every step exact in doubles, a formula
    writeFileSync(join(d, "a25.json"), resultFile(2025, parties, new Map([["RÖ→RJL", 1500n * 10n ** 8n], ["RÖ→RKL", -2500n * 10n ** 8n], ["RJL→RKL", 499_999_999_999n]])));
    await run(["propose", "--tariff", "2025", "--results", join(d, "a25.json"), "--index", "2026=0", "--round-to", "1000", "--out", join(d, "a.json"), "--xlsx", join(d, "a.xlsx")]);
    const a = JSON.parse(readFileSync(join(d, "a.json"), "utf8")) as TariffJson;
    expect(referencesOf(a).get("RÖ→RJL")).toBe(200_000n);
    expect(referencesOf(a).get("RÖ→RKL")).toBe(-300_000n);
    const wa = await load(join(d, "a.xlsx"));
    expect(proposedIn(wa)).toEqual(referencesOf(a));
    const Ra = sheet(wa, "Referensbelopp");
    const ha = findRow(Ra, "Säljare");
    const ca = findCol(Ra, ha, "Förslag 2026");
    expect(formulaOf(Ra.getCell(findRow(Ra, "RÖ", 1, ha), ca))).toMatch(/^ROUND\(ROUND/);

    // 2024 absent, 2025 12,50 kr, index 2026 2,8 %: mean (0 + 12,50 × 1,028) / 2 = 6,425 kr exactly, to the öre 6,43;
    // 12,50 × 1,028 is not exact in doubles and LibreOffice's ROUND(x;0) does not snap: the exact value with a note
    writeFileSync(join(d, "b24.json"), resultFile(2024, parties, new Map()));
    writeFileSync(join(d, "b25.json"), resultFile(2025, parties, new Map([["RÖ→RJL", 1250n * 10n ** 6n], ["RÖ→RKL", 1251n * 10n ** 6n]])));
    await run(["propose", "--tariff", "2025", "--results", join(d, "b24.json"), join(d, "b25.json"), "--index", "2025=3,1", "--index", "2026=2,8", "--out", join(d, "b.json"), "--xlsx", join(d, "b.xlsx")]);
    const b = JSON.parse(readFileSync(join(d, "b.json"), "utf8")) as TariffJson;
    expect(referencesOf(b).get("RÖ→RJL")).toBe(643n);
    const wbk = await load(join(d, "b.xlsx"));
    expect(proposedIn(wbk)).toEqual(referencesOf(b));
    const R = sheet(wbk, "Referensbelopp");
    const h = findRow(R, "Säljare");
    const c = findCol(R, h, "Förslag 2026");
    const row = findRow(R, "RJL", 2, h);
    expect(isFormula(R.getCell(row, c))).toBe(false);
    expect(text(R.getCell(row, findCol(R, h, "Anmärkning")))).toMatch(/exakt värde, ingen formel: det exakta medelvärdet \(6,425 kr\)/);
    // the other pair (12,51 × 1,028 / 2 = 6,43014) is far from a boundary: a formula
    expect(isFormula(R.getCell(findRow(R, "RKL", 2, h), c))).toBe(true);
    // both recalculated by LibreOffice in one start
    expect((await compareRecalculatedAll([join(d, "a.xlsx"), join(d, "b.xlsx")])).map((x) => x.diffs)).toEqual([[], []]);
  }, 120_000);

  it.skipIf(!haveLibreOffice)("random results, indexes and units: the workbook's references are the tariff's and LibreOffice recalculates every formula to the öre", async () => {
    const d = tempDir("vardavtal-propose-random-");
    const parties = ["RJL", "RKL", "RÖ"];
    const pairs = parties.flatMap((s) => parties.filter((b) => b !== s).map((b) => `${s}→${b}`));
    const workbooks: string[] = [];
    for (const seed of [1, 2, 3]) {
      const rnd = prng(seed);
      const years = [2022, 2023, 2024, 2025].slice(Math.floor(rnd() * 3));
      const files = years.map((y) => {
        const values = new Map<string, bigint>();
        for (const p of pairs) if (rnd() < 0.85) values.set(p, (rnd() < 0.1 ? -1n : 1n) * randomValue(rnd, 10));
        const f = join(d, `s${seed}-${y}.json`);
        writeFileSync(f, resultFile(y, parties, values));
        return f;
      });
      const index = [2023, 2024, 2025, 2026].map((y) => `${y}=${pick(rnd, ["-0,5", "0", "1", "2,8", "3,1", "4,25", "7,123", "12,5"])}`);
      const unit = pick(rnd, ["0,01", "0,05", "1", "100", "500", "1000"]);
      const out = join(d, `s${seed}.json`);
      const xlsx = join(d, `s${seed}.xlsx`);
      await run(["propose", "--tariff", "2025", "--results", ...files, ...index.flatMap((i) => ["--index", i]), "--round-to", unit, "--out", out, "--xlsx", xlsx]);
      const t = JSON.parse(readFileSync(out, "utf8")) as TariffJson;
      expect(proposedIn(await load(xlsx)), `seed ${seed}`).toEqual(referencesOf(t));
      workbooks.push(xlsx);
    }
    for (const [i, { diffs, formulas: count }] of (await compareRecalculatedAll(workbooks)).entries()) {
      expect(count).toBeGreaterThan(30);
      expect(diffs, `seed ${i + 1}`).toEqual([]);
    }
  }, 240_000);

  it.skipIf(!haveLibreOffice)("many pairs next to rounding boundaries (library, 16 parties): formulas where decided, LibreOffice agrees with every one", async () => {
    const rnd = prng(42);
    const ids = Array.from({ length: 16 }, (_, i) => `P${String(i + 1).padStart(2, "0")}`);
    const tariff = loadTariff(
      JSON.stringify({
        format: "vardavtal-tariff/1",
        year: 2025,
        title: "Test 2025",
        parties: ids.map((id) => ({ id, name: `Region ${id}`, aliases: [] })),
        key: { basis: "population", date: "2024-12-31" },
        population: Object.fromEntries(ids.map((id, i) => [id, 1000 + i * 37])),
        fixedShare: "0.65",
        pointPrices: ids.map((id) => ({ seller: id, validFrom: "2025-01-01", price: `${Math.floor(rnd() * 90000)}.${String(Math.floor(rnd() * 100)).padStart(2, "0")}` })),
        careRules: [],
        references: [{ seller: "P01", buyer: "P02", amount: "1000.00" }],
        solidarity: [{ unit: "U", host: "P01", amount: "1234567.25" }],
        fixedOnly: [{ area: "A", host: "P02", total: "999999.75" }],
      }),
      "t.json",
    );
    const n = ids.length;
    const index = new Map([
      [2024, { units: 29n, scale: 1 }],
      [2025, { units: 31n, scale: 1 }],
      [2026, { units: 28n, scale: 1 }],
    ]);
    const results: BaseResult[] = [2023, 2024, 2025].map((year) => ({ file: `r${year}.json`, year, values: new Map() }));
    let k = 0;
    for (let s = 0; s < n; s++)
      for (let b = 0; b < n; b++) {
        if (s === b) continue;
        const c = s * n + b;
        const kind = k++ % 4;
        if (kind === 0) for (const r of results) r.values.set(c, randomValue(rnd, 9)); // random
        else if (kind === 1) {
          // only in 2025, exactly on a boundary after × 1,028 / 3: 3,75 × (2i+1) kr gives a mean of
          // 1,285 × (2i+1) kr (a half öre); 375 000 × (2i+1) kr gives 481 875 × (2i+1) kr (a half 1 000 kr)
          const odd = 2n * BigInt(Math.floor(rnd() * 1000)) + 1n;
          (results[2] as BaseResult).values.set(c, rnd() < 0.5 ? 375_000_000n * odd : 375_000n * 10n ** 8n * odd);
        } else if (kind === 2) {
          // whole kronor in every year, so that the mean is near, but seldom on, a boundary
          for (const r of results) r.values.set(c, BigInt(Math.floor(rnd() * 1e7)) * 10n ** 8n + 5n * 10n ** 5n);
        } else (results[1] as BaseResult).values.set(c, BigInt(Math.floor(rnd() * 1e9)) * 10n ** 6n + BigInt(Math.floor(rnd() * 3)) * 5n * 10n ** 5n);
      }
    const workbooks: string[] = [];
    for (const unit of [1n, 100_000n]) {
      const bag = new DiagnosticBag();
      const p = proposeTariff({ notes: proposalNotes("sv"), tariff, results, index, roundTo: unit }, bag);
      expect(bag.errors).toEqual([]);
      const d = tempDir("vardavtal-propose-many-");
      const file = join(d, `many-${unit}.xlsx`);
      writeFileSync(file, await proposalWorkbook(p!, { lang: "sv", inputs: [], version: "test", runAt: "2026-01-01T00:00:00Z", tariff, results, index }));
      const wb = await load(file);
      const expected = new Map(p!.references.map((r) => [`${ids[r.seller]}→${ids[r.buyer]}`, r.reference]));
      expect(proposedIn(wb)).toEqual(expected);
      // the pairs exactly on a boundary are values with a note; the rest are formulas
      const R = sheet(wb, "Referensbelopp");
      const h = findRow(R, "Säljare");
      const col = findCol(R, h, "Förslag 2026");
      const remark = findCol(R, h, "Anmärkning");
      let values = 0;
      for (let r = h + 1; text(R.getCell(r, 1)) !== "Summa"; r++) {
        if (!isFormula(R.getCell(r, col))) {
          values++;
          expect(text(R.getCell(r, remark))).toMatch(/^exakt värde, ingen formel/);
        }
      }
      const onBoundary = p!.references.filter((r) => (2n * r.mean.num) % (2n * r.mean.den * unit) === r.mean.den * unit || (2n * -r.mean.num) % (2n * r.mean.den * unit) === r.mean.den * unit).length;
      expect(onBoundary).toBeGreaterThan(10);
      expect(values).toBeGreaterThanOrEqual(onBoundary);
      expect(values).toBeLessThan(onBoundary + 5);
      workbooks.push(file);
    }
    for (const [i, { diffs, formulas: count }] of (await compareRecalculatedAll(workbooks)).entries()) {
      expect(count).toBeGreaterThan(1000);
      expect(diffs, workbooks[i]).toEqual([]);
    }
  }, 240_000);
});
