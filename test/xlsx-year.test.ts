/**
 * The workbooks of the agreement year through the real command: `acconto --xlsx` (the a-conto
 * invoicing basis) and `settle --xlsx` (the final settlement). Read back and compared to the öre
 * with the JSON of the same run; every formula recalculated by LibreOffice gives exactly its
 * cached value; byte-identical with SOURCE_DATE_EPOCH; English with --lang en; an output onto an
 * input is refused. Run `npm run build` first (npm test does).
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSheetName } from "../src/render/xlsx/acconto.js";
import { ROOT, bannerRows, cellOre, cellText as text, compareRecalculated, compareRecalculatedAll, findRow, formulasOf as formulas, haveLibreOffice, isFormula, loadWorkbook as load, ore, runMain, sheetNamed as sheet, tempDir } from "./helpers.js";

const COMPONENT_SV = new Map<string, string>([["fixed", "Fast ersättning"], ["variable", "Rörlig ersättning"], ["unit_price", "Styckpris"], ["fixed_only", "Endast fast ersättning"], ["solidarity", "Solidarisk finansiering"], ["grant", "Statsbidrag vidarebefordrat"]]);

const CONSUMPTION = join(ROOT, "examples", "2025", "konsumtion-2025.csv");
const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];


interface PlanJson {
  year: number;
  title: string;
  variable: boolean;
  parties: string[];
  lines: { payer: string; payee: string; component: string; label: string | null; annual: string; months: string[] }[];
  net: { party: string; annual: string; months: string[] }[];
  transfers: { month: number; payer: string; payee: string; amount: string }[];
}
interface SettlementJson {
  year: number;
  unitPrice: string;
  lines: { payer: string; payee: string; component: string | null; due: string; paid: string; difference: string }[];
  counterparties: { a: string; b: string; due: string; paid: string; remaining: string }[];
  pairs: { payer: string; payee: string; due: string; paid: string; difference: string; withoutFlow?: boolean }[];
  parties: { party: string; net: string; paidNet: string; remaining: string }[];
  transfers: { payer: string; payee: string; amount: string }[];
}

const PAYMENTS_CSV = [
  "betalare;mottagare;belopp;datum;avser",
  "RJL;RÖ;300 000 000,00;2025-06-30;a conto",
  "rkl;RÖ;200 000 000,00;2025-06-30;",
  "RÖ;rjl;10 000 000,50;2025-06-30;",
  "RJL;RKL;5 000 000,00;2025-06-30;",
  "RKL;RJL;-1 000,00;2025-07-30;återbetalning",
  "RJL;RÖ;12,34;2025-08-30;=SUM(A1)",
].join("\n") + "\n";
const PAYMENTS = [
  ["RJL", "RÖ", "300000000.00"],
  ["RKL", "RÖ", "200000000.00"],
  ["RÖ", "RJL", "10000000.50"],
  ["RJL", "RKL", "5000000.00"],
  ["RKL", "RJL", "-1000.00"],
  ["RJL", "RÖ", "12.34"],
] as const;

let dir = "";
let plan: PlanJson;
let settledPlan: SettlementJson;
let settledCsv: SettlementJson;

beforeAll(async () => {
  dir = tempDir("vardavtal-year-");
  const run = async (args: string[]) => {
    const r = await runMain(args, ROOT, EPOCH);
    expect(r.stderr, args.join(" ")).not.toMatch(/error/i);
    expect(r.code, `${args.join(" ")}\n${r.stderr}`).toBe(0);
  };
  await run(["calculate", "--tariff", "2025", "--consumption", CONSUMPTION, "--json", join(dir, "result.json")]);
  await run(["acconto", "--tariff", "2025", "--json", join(dir, "plan.json"), "--xlsx", join(dir, "acconto.xlsx")]);
  await run(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--json", join(dir, "settle.json"), "--xlsx", join(dir, "settle.xlsx")]);
  writeFileSync(join(dir, "betalningar.csv"), PAYMENTS_CSV);
  await run(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "betalningar.csv"), "--json", join(dir, "settle-csv.json"), "--xlsx", join(dir, "settle-csv.xlsx")]);
  plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")) as PlanJson;
  settledPlan = JSON.parse(readFileSync(join(dir, "settle.json"), "utf8")) as SettlementJson;
  settledCsv = JSON.parse(readFileSync(join(dir, "settle-csv.json"), "utf8")) as SettlementJson;
}, 240_000);

describe("acconto --xlsx: Faktureringsunderlag a conto", () => {
  it("has an overview, one sheet per paying region, the parameters and the inputs; titles say the year and the tariff", async () => {
    const wb = await load(join(dir, "acconto.xlsx"));
    const payers = plan.parties.filter((p) => plan.lines.some((l) => l.payer === p));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Översikt", "Betalningar", ...payers.map((p) => `${p} betalar`), "Referensbelopp", "Parametrar", "Indata"]);
    const o = bannerRows(sheet(wb, "Översikt")); // a tariff marked illustrative puts a banner above
    const title = text(sheet(wb, "Översikt").getCell(o + 1, 1));
    expect(title).toContain("Faktureringsunderlag a conto");
    expect(title).toContain(plan.title);
    expect(title.match(/2025/g)).toHaveLength(1); // the year once: the tariff's title holds it
    expect(text(sheet(wb, "RJL betalar").getCell(o + 1, 1))).toContain("Faktureringsunderlag a conto 2025: RJL betalar");
    expect(text(sheet(wb, "RJL betalar").getCell(o + 2, 2))).toBe(plan.title);
    // the variable a conto is marked preliminary on every sheet a controller sends
    for (const p of payers) expect(text(sheet(wb, `${p} betalar`).getCell(o + 3, 2))).toMatch(/^PRELIMINÄR: \(1 − fast andel\) × referensbelopp/);
  });

  it("every payer's sheet lists its lines with the twelve months as values and the annual as ROUND(SUM(months),2), to the öre", async () => {
    const wb = await load(join(dir, "acconto.xlsx"));
    for (const payer of plan.parties) {
      const lines = plan.lines.filter((l) => l.payer === payer);
      if (lines.length === 0) continue;
      const ws = sheet(wb, `${payer} betalar`);
      const head = findRow(ws, "Mottagare");
      expect([1, 2, 3, 4].map((c) => text(ws.getCell(head, c)))).toEqual(["Mottagare", "Komponent", "Avser", "Årsbelopp"]);
      expect(Array.from({ length: 12 }, (_, k) => text(ws.getCell(head, 5 + k)))).toEqual(MONTHS_SV);
      lines.forEach((l, k) => {
        const r = head + 1 + k;
        expect(text(ws.getCell(r, 1))).toBe(l.payee);
        expect(text(ws.getCell(r, 3))).toBe(l.label ?? "");
        expect(cellOre(ws.getCell(r, 4)), `${payer} line ${k}`).toBe(ore(l.annual));
        expect((ws.getCell(r, 4).value as { formula: string }).formula).toBe(`ROUND(SUM(E${r}:P${r}),2)`);
        l.months.forEach((m, j) => {
          expect(isFormula(ws.getCell(r, 5 + j))).toBe(false);
          expect(cellOre(ws.getCell(r, 5 + j))).toBe(ore(m));
        });
      });
      const components = new Map([["fixed", "Fast ersättning"], ["variable", "Rörlig ersättning"], ["fixed_only", "Endast fast ersättning"], ["solidarity", "Solidarisk finansiering"], ["grant", "Statsbidrag vidarebefordrat"]]);
      lines.forEach((l, k) => expect(text(ws.getCell(head + 1 + k, 2))).toBe(components.get(l.component)));
      const total = head + 1 + lines.length;
      expect(text(ws.getCell(total, 1))).toBe("Summa");
      expect(cellOre(ws.getCell(total, 4))).toBe(lines.reduce((a, l) => a + ore(l.annual), 0n));
      for (let j = 0; j < 12; j++) expect(cellOre(ws.getCell(total, 5 + j))).toBe(lines.reduce((a, l) => a + ore(l.months[j] as string), 0n));
      // per payee and month: what each payee invoices
      const per = findRow(ws, "Mottagare", 1, total + 1);
      const payees = [...new Set(lines.map((l) => l.payee))].sort((a, b) => plan.parties.indexOf(a) - plan.parties.indexOf(b));
      payees.forEach((q, k) => {
        const r = per + 1 + k;
        expect(text(ws.getCell(r, 1))).toBe(q);
        const mine = lines.filter((l) => l.payee === q);
        expect(cellOre(ws.getCell(r, 4))).toBe(mine.reduce((a, l) => a + ore(l.annual), 0n));
        for (let j = 0; j < 12; j++) expect(cellOre(ws.getCell(r, 5 + j))).toBe(mine.reduce((a, l) => a + ore(l.months[j] as string), 0n));
      });
    }
  });

  it("the overview's net positions per month and year, and each month's payments, are the plan's", async () => {
    const wb = await load(join(dir, "acconto.xlsx"));
    const ws = sheet(wb, "Översikt");
    // the months down, the parties across (the year on one page), the year's net below
    const head = findRow(ws, "Månad");
    expect(plan.parties.map((_, i) => text(ws.getCell(head, 2 + i)))).toEqual(plan.parties);
    plan.net.forEach((n, i) => {
      n.months.forEach((m, k) => expect(cellOre(ws.getCell(head + 1 + k, 2 + i)), `${n.party} month ${k + 1}`).toBe(ore(m)));
      expect(cellOre(ws.getCell(head + 13, 2 + i)), `${n.party} year`).toBe(ore(n.annual));
    });
    for (let k = 0; k <= 12; k++) expect(cellOre(ws.getCell(head + 1 + k, 2 + plan.parties.length))).toBe(0n);
    // each month's payments, on their own sheet
    const bs = sheet(wb, "Betalningar");
    const th = findRow(bs, "Månad");
    plan.transfers.forEach((t, k) => {
      const r = th + 1 + k;
      expect([text(bs.getCell(r, 1)), text(bs.getCell(r, 2)), text(bs.getCell(r, 3))]).toEqual([MONTHS_SV[t.month - 1], t.payer, t.payee]);
      expect(cellOre(bs.getCell(r, 4))).toBe(ore(t.amount));
    });
    // after the month's payments every net position is zero, checked by formulas
    const after = findRow(bs, "Månad", 1, th + 1);
    plan.parties.forEach((p, i) => {
      for (let k = 0; k < 12; k++) expect(cellOre(bs.getCell(after + 1 + k, 2 + i))).toBe(0n);
      expect(text(bs.getCell(after + 13, 2 + i))).toBe("OK");
    });
  });

  it("the reference amounts give the fixed and variable a conto of every pair, as the plan's lines", async () => {
    const wb = await load(join(dir, "acconto.xlsx"));
    const ws = sheet(wb, "Referensbelopp");
    const head = findRow(ws, "Säljare");
    let r = head + 1;
    let count = 0;
    while (text(ws.getCell(r, 1)) !== "Summa") {
      const seller = text(ws.getCell(r, 1));
      const buyer = text(ws.getCell(r, 2));
      const line = (c: string) => plan.lines.find((l) => l.payer === buyer && l.payee === seller && l.component === c);
      expect(cellOre(ws.getCell(r, 5))).toBe(ore(line("fixed")?.annual ?? "0.00"));
      expect(cellOre(ws.getCell(r, 6))).toBe(ore(line("variable")?.annual ?? "0.00"));
      r++;
      count++;
    }
    expect(count).toBe(plan.lines.filter((l) => l.component === "fixed").length);
    const fixed = plan.lines.filter((l) => l.component === "fixed").reduce((a, l) => a + ore(l.annual), 0n);
    expect(cellOre(ws.getCell(r, 5))).toBe(fixed);
    // the parameters list the tariff's values with their sources
    const P = sheet(wb, "Parametrar");
    expect(text(P.getCell(findRow(P, "Fast andel", 2), 4))).toBe("0.65");
  });

  it("no input text is part of a formula: the only text constants are OK and FEL", async () => {
    const wb = await load(join(dir, "acconto.xlsx"));
    const all = formulas(wb);
    expect(all.length).toBeGreaterThan(100);
    for (const { where, f } of all) for (const lit of f.match(/"[^"]*"/g) ?? []) expect(["\"OK\"", "\"FEL\""], where).toContain(lit);
  });

  it.skipIf(!haveLibreOffice)("every formula recalculates in LibreOffice to exactly its cached value", async () => {
    const { diffs, formulas: count } = await compareRecalculated(join(dir, "acconto.xlsx"));
    expect(count).toBeGreaterThan(100);
    expect(diffs).toEqual([]);
  }, 180_000);

  it("--no-variable leaves the variable a conto out and says so", async () => {
    const file = join(dir, "acconto-fixed.xlsx");
    const r = await runMain(["acconto", "--tariff", "2025", "--no-variable", "--xlsx", file], ROOT, EPOCH);
    expect(r.code, r.stderr).toBe(0);
    const wb = await load(file);
    const ws = sheet(wb, "RJL betalar");
    expect(text(ws.getCell(bannerRows(ws) + 3, 2))).toMatch(/^UTELÄMNAD \(--no-variable\)/);
    const head = findRow(ws, "Mottagare");
    for (let r2 = head + 1; text(ws.getCell(r2, 1)) !== "Summa"; r2++) expect(text(ws.getCell(r2, 2))).not.toBe("Rörlig ersättning");
  });
});

describe("settle --xlsx: Slutreglering", () => {
  async function checkSettlement(file: string, s: SettlementJson, payments: readonly (readonly [string, string, string])[]): Promise<void> {
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Per motpart", "Rader", "Betalningar", "Kontroller", "Indata"]);
    const S = sheet(wb, "Per motpart");
    expect(text(S.getCell(bannerRows(S) + 1, 1))).toContain(`Slutreglering ${s.year} per motpart`);
    expect(text(S.getCell(findRow(S, "Avräkning"), 2))).toBe("Avräkning per motpart: en betalning per par av regioner");
    // one table: each party's ledger against each counterparty, positive = the party is to
    // receive, a total per party
    let head = findRow(S, "Varje parts reskontra mot varje motpart") + 1;
    for (const party of s.parties.map((p) => p.party)) {
      const mine = s.counterparties.filter((c) => c.a === party || c.b === party);
      mine.forEach((c, k) => {
        const r = head + 1 + k;
        const other = c.a === party ? c.b : c.a;
        const left = c.a === party ? -ore(c.remaining) : ore(c.remaining);
        expect([text(S.getCell(r, 1)), text(S.getCell(r, 2))]).toEqual([party, other]);
        expect(cellOre(S.getCell(r, 7)), `${party} mot ${other}`).toBe(left);
        expect(text(S.getCell(r, 8))).toBe(left > 0n ? "att få" : left < 0n ? "att betala" : "kvitt");
        expect(cellOre(S.getCell(r, 5)) - cellOre(S.getCell(r, 6))).toBe(left);
      });
      const total = head + 1 + mine.length;
      expect(text(S.getCell(total, 1))).toBe(`Summa ${party}`);
      expect(cellOre(S.getCell(total, 7))).toBe(ore(s.parties.find((p) => p.party === party)?.remaining ?? "0.00"));
      head = total;
    }
    head = findRow(S, "Per part") + 1;
    s.parties.forEach((p, i) => {
      const r = head + 1 + i;
      expect(text(S.getCell(r, 1))).toBe(p.party);
      expect(cellOre(S.getCell(r, 2))).toBe(ore(p.net));
      expect(cellOre(S.getCell(r, 3))).toBe(ore(p.paidNet));
      expect(cellOre(S.getCell(r, 4))).toBe(ore(p.remaining));
      expect((S.getCell(r, 4).value as { formula: string }).formula).toBe(`ROUND(B${r}-C${r},2)`);
    });
    const th = findRow(S, "Betalare", 1, head);
    s.transfers.forEach((t, k) => {
      expect([text(S.getCell(th + 1 + k, 1)), text(S.getCell(th + 1 + k, 2))]).toEqual([t.payer, t.payee]);
      expect(cellOre(S.getCell(th + 1 + k, 3))).toBe(ore(t.amount));
    });
    const K = sheet(wb, "Kontroller");
    const checks = findRow(K, "Kontroll");
    for (let r = checks + 1; text(K.getCell(r, 1)) !== ""; r++) expect(text(K.getCell(r, 5)), text(K.getCell(r, 1))).toBe("OK");

    const R = sheet(wb, "Rader");
    const rh = findRow(R, "Betalare");
    s.lines.forEach((l, k) => {
      const r = rh + 1 + k;
      // the component by its name (no internal code in a workbook)
      expect([text(R.getCell(r, 1)), text(R.getCell(r, 2)), text(R.getCell(r, 3))]).toEqual([l.payer, l.payee, l.component === null ? "(ej fördelad)" : (COMPONENT_SV.get(l.component) ?? l.component)]);
      expect(cellOre(R.getCell(r, 4))).toBe(ore(l.due));
      expect(cellOre(R.getCell(r, 5))).toBe(ore(l.paid));
      expect(cellOre(R.getCell(r, 6))).toBe(ore(l.difference));
      expect((R.getCell(r, 8).value as { formula: string }).formula).toMatch(/^ROUND\(SUMPRODUCT\(EXACT\(/);
      expect(cellOre(R.getCell(r, 9)), `deviation ${l.payer}>${l.payee} ${l.component}`).toBe(0n);
    });

    const B = sheet(wb, "Betalningar");
    const bh = findRow(B, "Betalare");
    payments.forEach(([payer, payee, amount], k) => {
      const r = bh + 1 + k;
      expect([text(B.getCell(r, 1)), text(B.getCell(r, 2))]).toEqual([payer, payee]);
      expect(cellOre(B.getCell(r, 3))).toBe(ore(amount));
    });
    expect(text(B.getCell(bh + 1 + payments.length, 1))).toBe("Summa");
    for (const { where, f } of formulas(wb)) for (const lit of f.match(/"[^"]*"/g) ?? []) expect(["\"OK\"", "\"FEL\"", "\"att få\"", "\"att betala\"", "\"kvitt\""], where).toContain(lit);
  }

  it("paid as planned: per counterparty, per party, per line and the payments are the settlement's, to the öre", async () => {
    const payments = plan.lines.map((l) => [l.payer, l.payee, l.annual] as const);
    await checkSettlement(join(dir, "settle.xlsx"), settledPlan, payments);
    const B = sheet(await load(join(dir, "settle.xlsx")), "Betalningar");
    expect(text(B.getCell(findRow(B, "Betalare") + 1, 5))).toBe("Fast ersättning");
    expect(settledPlan.unitPrice).toBe("invoiced");
  });

  it("paid by a payments file: the rows as read with date and text, parties by their ids (however the file spells them), each with its line", async () => {
    await checkSettlement(join(dir, "settle-csv.xlsx"), settledCsv, PAYMENTS);
    const B = sheet(await load(join(dir, "settle-csv.xlsx")), "Betalningar");
    const first = findRow(B, "Betalare") + 1;
    expect(text(B.getCell(first, 7))).toBe("betalningar.csv:2 (betalningar)");
    expect([text(B.getCell(first, 4)), text(B.getCell(first, 6))]).toEqual(["2025-06-30", "a conto"]);
    expect(text(B.getCell(first + 5, 6))).toBe("=SUM(A1)");
    expect(settledCsv.unitPrice).toBe("unpaid");
  });

  it.skipIf(!haveLibreOffice)("every formula recalculates in LibreOffice to exactly its cached value", async () => {
    const names = ["settle.xlsx", "settle-csv.xlsx"];
    const compared = await compareRecalculatedAll(names.map((f) => join(dir, f)));
    for (const [i, f] of names.entries()) {
      const { diffs, formulas: count } = compared[i] as { diffs: string[]; formulas: number };
      expect(count, f).toBeGreaterThan(20);
      expect(diffs, f).toEqual([]);
    }
  }, 180_000);
});

describe("both workbooks", () => {
  it("a payer's sheet name is one Excel accepts: at most 31 characters, unique regardless of case", () => {
    const taken = new Set<string>();
    const long = "Region_Mycket_Långt_Namn_123456"; // 31 characters, the longest ids are 32
    const a = uniqueSheetName(`${long}A betalar`, taken);
    const b = uniqueSheetName(`${long}B betalar`, taken);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
    expect(uniqueSheetName("rjl betalar", new Set(["rjl betalar"]))).toBe("rjl betalar (2)");
    expect(uniqueSheetName("a[b]:c*?/\\d", new Set())).toBe("a_b__c____d");
  });

  it("are byte-identical for the same inputs with SOURCE_DATE_EPOCH", async () => {
    for (const [a, b] of [["acconto-a.xlsx", "acconto-b.xlsx"], ["settle-a.xlsx", "settle-b.xlsx"]] as const) {
      for (const f of [a, b]) {
        const args = f.startsWith("acconto")
          ? ["acconto", "--tariff", "2025", "--xlsx", join(dir, f)]
          : ["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "betalningar.csv"), "--xlsx", join(dir, f)];
        const r = await runMain(args, ROOT, EPOCH);
        expect(r.code, r.stderr).toBe(0);
      }
      expect(readFileSync(join(dir, a)).equals(readFileSync(join(dir, b))), `${a} = ${b}`).toBe(true);
    }
  }, 120_000);

  it("--lang en gives English sheet names and headers", async () => {
    const a = join(dir, "acconto-en.xlsx");
    const s = join(dir, "settle-en.xlsx");
    expect((await runMain(["acconto", "--tariff", "2025", "--xlsx", a, "--lang", "en"], ROOT, EPOCH)).code).toBe(0);
    expect((await runMain(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--xlsx", s, "--lang", "en"], ROOT, EPOCH)).code).toBe(0);
    const wa = await load(a);
    expect(wa.worksheets.map((w) => w.name)).toEqual(["Overview", "Payments", "RJL pays", "RKL pays", "RÖ pays", "Reference amounts", "Parameters", "Inputs"]);
    const rjl = sheet(wa, "RJL pays");
    expect(text(rjl.getCell(bannerRows(rjl) + 1, 1))).toContain("Invoicing basis, a conto 2025: RJL pays");
    const head = findRow(rjl, "Payee");
    expect([2, 3, 4, 5, 16].map((c) => text(rjl.getCell(head, c)))).toEqual(["Component", "Label", "Annual", "January", "December"]);
    expect(text(rjl.getCell(head + 1, 2))).toBe("Fixed");
    const ws = await load(s);
    expect(ws.worksheets.map((w) => w.name)).toEqual(["Per counterparty", "Lines", "Payments", "Checks", "Inputs"]);
    const S = sheet(ws, "Per counterparty");
    const block = findRow(S, "Each party's ledger against each counterparty") + 1;
    expect([2, 3, 4, 7, 8].map((c) => text(S.getCell(block, c)))).toEqual(["Counterparty", "To receive (result)", "To pay (result)", "Remaining", "Remaining: to receive / to pay"]);
    const sh = findRow(S, "Per party") + 1;
    expect([2, 3, 4].map((c) => text(S.getCell(sh, c)))).toEqual(["Net position (result)", "Paid net", "Remaining"]);
    const Q = sheet(ws, "Lines");
    expect([4, 5, 6].map((c) => text(Q.getCell(findRow(Q, "Payer"), c)))).toEqual(["Due", "Paid", "Difference"]);
  }, 120_000);

  it("an output onto an input is refused (exit 2) and the input is left as it was", async () => {
    const tariff = join(dir, "tariff-2025.json");
    copyFileSync(join(ROOT, "tariffs", "2025.json"), tariff);
    const before = readFileSync(tariff);
    const a = await runMain(["acconto", "--tariff", tariff, "--xlsx", tariff]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("--xlsx");
    expect(readFileSync(tariff).equals(before)).toBe(true);
    for (const input of ["result.json", "betalningar.csv"]) {
      const file = join(dir, input);
      const was = readFileSync(file);
      const r = await runMain(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "betalningar.csv"), "--xlsx", file]);
      expect(r.code, input).toBe(2);
      expect(r.stderr).toContain("--xlsx");
      expect(readFileSync(file).equals(was), input).toBe(true);
    }
    // two outputs on one path
    const twice = await runMain(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--json", join(dir, "same.out"), "--xlsx", join(dir, "same.out")]);
    expect(twice.code).toBe(2);
  });
});
