/**
 * The books (v3) through the real command on real files: netting per counterparty in the result
 * and the plan, a-conto months in whole kronor, settle with several paid sources (a payments file
 * with aliases, dates, texts and last year's rows; the plan; an earlier settlement), the forecast
 * of the final settlement, and the ledger lines. Run `npm run build` first (npm test does).
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, ROOT, ore, runMain, tempDir } from "./helpers.js";

const CONSUMPTION = join(ROOT, "examples", "2025", "konsumtion-2025.csv");
const PAYMENTS = join(FIXTURES, "books", "betalningar-2025.csv");
const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" }; // 2026-01-01

interface Money {
  [k: string]: string;
}
let dir = "";
const json = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));
const ok = async (args: string[]) => {
  const r = await runMain(args, ROOT, EPOCH);
  expect(r.code, `${args.join(" ")}\n${r.stderr}`).toBe(0);
  return r;
};

beforeAll(async () => {
  dir = tempDir("vardavtal-books-");
  await ok(["calculate", "--tariff", "2025", "--consumption", CONSUMPTION, "--json", join(dir, "result.json")]);
  await ok(["calculate", "--tariff", "2025", "--consumption", CONSUMPTION, "--through", "2025-08-31", "--json", join(dir, "prognos.json")]);
  await ok(["acconto", "--tariff", "2025", "--json", join(dir, "plan.json"), "--ledger-dir", join(dir, "ledger")]);
}, 120_000);

describe("netting and a-conto months", () => {
  it("the result nets per counterparty: one payment per pair, Σ flows a→b − Σ flows b→a", () => {
    const r = json("result.json");
    expect(r.netting).toBe("bilateral");
    const bal = new Map<string, bigint>();
    for (const f of r.flows as Money[]) {
      const [a, b, s] = r.parties.indexOf(f.payer) < r.parties.indexOf(f.payee) ? [f.payer, f.payee, 1n] : [f.payee, f.payer, -1n];
      bal.set(`${a}>${b}`, (bal.get(`${a}>${b}`) ?? 0n) + s * ore(f.amount as string));
    }
    const expected = [...bal.entries()].filter(([, v]) => v !== 0n).map(([k, v]) => {
      const [a, b] = k.split(">");
      return v > 0n ? { payer: a, payee: b, amount: v } : { payer: b, payee: a, amount: -v };
    });
    expect((r.transfers as Money[]).map((t) => ({ payer: t.payer, payee: t.payee, amount: ore(t.amount as string) }))).toEqual(expected);
  });

  it("a multilateral tariff keeps the fewest payments and says so in words", async () => {
    const tariff = JSON.parse(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"));
    writeFileSync(join(dir, "multi.json"), JSON.stringify({ ...tariff, netting: "multilateral" }));
    const r = await ok(["calculate", "--tariff", join(dir, "multi.json"), "--consumption", CONSUMPTION, "--json", join(dir, "multi-result.json")]);
    expect(r.stdout).toContain("Avräkning genom varandra (multilateralt)");
    const m = json("multi-result.json");
    expect(m.netting).toBe("multilateral");
    expect(m.transfers.length).toBeLessThanOrEqual(2);
    expect(m.net).toEqual(json("result.json").net);
  });

  it("the plan's months: January–November equal whole kronor, December the rest; the ledger lines sum to each month's net", async () => {
    const plan = json("plan.json");
    expect(plan.netting).toBe("bilateral");
    for (const l of plan.lines as { annual: string; months: string[] }[]) {
      const months = l.months.map(ore);
      expect(months.reduce((a, b) => a + b, 0n)).toBe(ore(l.annual));
      expect(new Set(months.slice(0, 11)).size).toBe(1);
      expect((months[0] as bigint) % 100n).toBe(0n);
    }
    expect(readdirSync(join(dir, "ledger")).sort()).toEqual(["bokforing-RJL-2025.csv", "bokforing-RKL-2025.csv", "bokforing-RÖ-2025.csv"]);
    const text = readFileSync(join(dir, "ledger", "bokforing-RKL-2025.csv"), "utf8");
    expect(text.startsWith("\uFEFFdatum;motpart;motpartskod;typ;komponent;konto;kostnadsställe;belopp;text;referens\r\n")).toBe(true);
    const rows = text.slice(1).trim().split("\r\n").slice(1).map((l) => l.split(";"));
    expect(rows[0]).toEqual(["2025-01-31", "RJL", "", "kostnad", "Fast ersättning", "", "", "-910000,00", "A conto januari 2025 – fast ersättning, överenskommelse 2025", "AC-2025-01-RKL-RJL-fixed"]);
    const net = (plan.net as { party: string; months: string[] }[]).find((n) => n.party === "RKL")?.months ?? [];
    for (let m = 1; m <= 12; m++) {
      const date = rows.filter((r) => r[9]?.startsWith(`AC-2025-${String(m).padStart(2, "0")}-`));
      expect(date.reduce((a, r) => a + ore((r[7] as string).replace(",", ".")), 0n), `month ${m}`).toBe(ore(net[m - 1] as string));
    }
     // in English the texts are English, but the columns and the kind stay the books' codes (intäkt/kostnad)
    const en = join(dir, "ledger-en");
    await ok(["acconto", "--tariff", "2025", "--ledger-dir", en, "--lang", "en"]);
    const enRows = readFileSync(join(en, "bokforing-RKL-2025.csv"), "utf8").slice(1).trim().split("\r\n").slice(1).map((l) => l.split(";"));
    expect(enRows[0]).toEqual(["2025-01-31", "RJL", "", "kostnad", "Fixed", "", "", "-910000,00", "A conto January 2025 – fixed, agreement 2025", "AC-2025-01-RKL-RJL-fixed"]);
    expect(new Set(enRows.map((r) => r[3]))).toEqual(new Set(["intäkt", "kostnad"]));
  });
});

describe("settle against several paid sources", () => {
  it("a payments file: aliases, dates and texts kept, components from avser, last year's rows skipped with their count and sum", async () => {
    const r = await ok(["settle", "--result", join(dir, "result.json"), "--paid", PAYMENTS, "--json", join(dir, "s-pay.json")]);
    expect(r.stderr).toContain("warning[PAYMENTS_OTHER_YEAR]: 2 rader med år 2024 hör till ett annat avtalsår än 2025 och räknas inte (summa 1 250 000,00 kr)");
    const s = json("s-pay.json");
    expect(s.unitPrice).toBe("unpaid");
    expect(s.sources.map((x: Money) => x.kind)).toEqual(["payments"]);
    expect(s.payments).toHaveLength(5);
    expect(s.payments[0]).toMatchObject({ payer: "RKL", payee: "RÖ", amount: "24000000.00", date: "2025-01-31", note: "Fast ersättning januari", component: "fixed", source: "betalningar-2025.csv:4" });
    expect(s.payments.map((p: Money) => p.component)).toEqual(["fixed", "variable", "fixed", "unit_price", null]);
    expect(s.payments[2]).toMatchObject({ payer: "RKL", payee: "RJL" });
    expect(s.payments[3].date).toBe("2026-02-20");
    // the RKL–RÖ counterparty: paid is 24 + 13 Mkr from RKL, less the 500 kr RÖ credited RKL
    const c = s.counterparties.find((x: Money) => x.a === "RKL" && x.b === "RÖ");
    expect(ore(c.paid)).toBe(37_000_000_00n - 500_00n);
    expect(ore(c.remaining)).toBe(ore(c.due) - ore(c.paid));
    // the unassigned credit has its own line, component null
    expect(s.lines.find((l: Money) => l.payer === "RÖ" && l.payee === "RKL" && l.component === null)).toMatchObject({ due: "0.00", paid: "500.00" });
  });

  it("the plan plus a payments file: sums; an earlier settlement of the same result as the only source is all zeros", async () => {
    await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--json", join(dir, "s-plan.json")]);
    await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--paid", PAYMENTS, "--json", join(dir, "s-both.json")]);
    const plan = json("s-plan.json");
    const both = json("s-both.json");
    expect(plan.unitPrice).toBe("invoiced");
    expect(both.unitPrice).toBe("unpaid");
    expect(both.sources.map((x: Money) => x.kind)).toEqual(["acconto", "payments"]);
    const remaining = (s: { parties: Money[] }) => s.parties.reduce((a, p) => a + ore(p.remaining as string), 0n);
    expect(remaining(plan)).toBe(0n);
    expect(remaining(both)).toBe(0n);
    const c = (s: { counterparties: Money[] }, a: string, b: string) => s.counterparties.find((x) => x.a === a && x.b === b) as Money;
    // with a payments file, unit price is what the sources paid: the plan alone had it as invoiced
    const invoiced = ore(c(plan, "RKL", "RÖ").unitPriceInvoiced as string);
    expect(ore(c(both, "RKL", "RÖ").paid as string)).toBe(ore(c(plan, "RKL", "RÖ").paid as string) - invoiced + 37_000_000_00n - 500_00n);
    await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "s-plan.json"), "--json", join(dir, "s-corr.json"), "--csv-dir", join(dir, "s-corr-csv")]);
    const corr = json("s-corr.json");
    expect(corr.sources.map((x: Money) => x.kind)).toEqual(["settlement"]);
    expect(corr.counterparties.every((x: Money) => x.remaining === "0.00")).toBe(true);
    expect(corr.transfers).toEqual([]);
    expect(readFileSync(join(dir, "s-corr-csv", "settlement-counterparties.csv"), "utf8")).toContain(";per motpart");
  });

  it("the settlement's text is per counterparty with the final payments per counterparty", async () => {
    const r = await ok(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--unit-price", "unpaid"]);
    expect(r.stdout).toContain("Avräkning per motpart: en betalning per par av regioner");
    expect(r.stdout).toContain("RKL betalar RJL 1 831 930,05 kr");
    expect(r.stdout).toContain("RKL betalar RÖ 2 536 556,27 kr");
    expect(r.stdout).toContain("RJL betalar RÖ 1 294 514,00 kr");
  });

  it("a forecast is refused without --forecast; with it, PROGNOS, paid to date and what remains of the plan", async () => {
    const refused = await runMain(["settle", "--result", join(dir, "prognos.json"), "--paid", join(dir, "plan.json"), "--json", join(dir, "no.json")], ROOT, EPOCH);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("error[SETTLE_FORECAST]");
    const r = await ok(["settle", "--result", join(dir, "prognos.json"), "--paid", join(dir, "plan.json"), "--forecast", "--json", join(dir, "s-prognos.json"), "--ledger-dir", join(dir, "ledger-prognos"), "--tariff", "2025"]);
    expect(r.stdout).toMatch(/^PROGNOS för slutregleringen 2025/);
    const s = json("s-prognos.json");
    expect(s.forecast).toMatchObject({ through: "2025-08-31", planMonthsToDate: 8 });
    const plan = json("plan.json");
    for (const c of s.counterparties as Money[]) {
      const months = (a: string, b: string, from: number, to: number) =>
        (plan.lines as { payer: string; payee: string; months: string[] }[]).filter((l) => l.payer === a && l.payee === b).reduce((x, l) => x + l.months.slice(from, to).reduce((y, m) => y + ore(m), 0n), 0n);
      expect(ore(c.paidToDate as string)).toBe(months(c.a as string, c.b as string, 0, 8) - months(c.b as string, c.a as string, 0, 8));
      expect(ore(c.planRemaining as string)).toBe(months(c.a as string, c.b as string, 8, 12) - months(c.b as string, c.a as string, 8, 12));
    }
    const ledger = readFileSync(join(dir, "ledger-prognos", "bokforing-RÖ-2025.csv"), "utf8");
    expect(ledger).toContain(";PR-2025-RÖ-");
    expect(ledger).toContain("2026-01-01;");
    // a forecast result's values are full-year values, the values to date beside them
    const f = json("prognos.json");
    const pair = (f.pairs as { value: Money; valueToDate: Money }[])[0] as { value: Money; valueToDate: Money };
    expect(pair.valueToDate).toBeDefined();
    expect(Number(pair.value.fixed_variable) / Number(pair.valueToDate.fixed_variable)).toBeCloseTo(365 / 243, 6);
  });

  it("bad paid sources: every error with its position, nothing written", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "betalare;mottagare;belopp;datum;år\nRKL;RÖ;1,00;2024-12-31;\nRKL;RÖ;2,00;2027-01-01;2025\nRKL;RÖ;2,00;2025-05-05;\nRKL;RÖ;2,00;2025-05-05;\nRKL;RÖ;3,00;;20x5\n");
    const r = await runMain(["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--paid", bad, "--json", join(dir, "bad.json"), "--all-errors"], ROOT, EPOCH);
    expect(r.code).toBe(2);
    const errors = r.stderr.split("\n").filter((l) => / error\[/.test(l)).map((l) => l.replace(/: error\[([A-Z_]+)\].*/, " $1").replace(/^.*bad\.csv/, "bad.csv"));
    expect(errors).toEqual(["bad.csv:2:13 PAYMENT_DATE_OUTSIDE", "bad.csv:3:13 PAYMENT_DATE_OUTSIDE", "bad.csv:5:1 PAYMENT_DUPLICATE", "bad.csv:6:14 BAD_YEAR"]);
    expect(readdirSync(dir)).not.toContain("bad.json");
  });
});

describe("propose: what is carried into next year", () => {
  it("drops the grants (each named), marks values copied unchanged, writes the key's source anew, carries no decision", async () => {
    const tariff = JSON.parse(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"));
    writeFileSync(join(dir, "decided.json"), JSON.stringify({ ...tariff, decision: { body: "Samverkansnämnden", date: "2024-12-09", paragraph: "§ 12" } }));
    const r = await ok(["propose", "--tariff", join(dir, "decided.json"), "--results", join(dir, "result.json"), "--index", "2026=2,8", "--population", join(ROOT, "examples", "2025", "befolkning-2024-12-31.csv"), "--out", join(dir, "forslag.json")]);
    const dropped = r.stderr.split("\n").filter((l) => l.includes("warning[PROPOSE_GRANT_DROPPED]"));
    expect(dropped).toHaveLength(tariff.grants.length);
    for (const g of tariff.grants as { name: string }[]) expect(r.stderr).toContain(`statsbidraget "${g.name}"`);
    const p = json("forslag.json");
    expect(p.grants ?? []).toEqual([]);
    expect(p.decision).toBeUndefined();
    expect(p.status).toBe("proposal");
    for (const [k, rule] of (p.careRules as { source?: string }[]).entries()) {
      const before = (tariff.careRules as { source?: string }[])[k]?.source;
      if (before) expect(rule.source).toBe(`Oförändrad från överenskommelse 2025: ${before}`);
    }
    expect(p.key.source).toBe("Förslag 2026: nyckeln efter befolkningen i befolkning-2024-12-31.csv per 2024-12-31");
    expect(p.references[0].source.startsWith("Oförändrad")).toBe(false);
  });

  it("an index of −100 % or less is bad input with its position, not a crash", async () => {
    const r = await runMain(["propose", "--tariff", "2025", "--results", join(dir, "result.json"), "--index", "2026=-150,5", "--out", join(dir, "no.json")], ROOT, EPOCH);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--index:1:6: error[PROPOSE_INDEX_RANGE]: indexet för 2026 är -150,5 %");
    expect(readdirSync(dir)).not.toContain("no.json");
  });
});
