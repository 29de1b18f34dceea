/** The tariff format: bundled tariffs, the published JSON Schema, and strict validation. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calculate } from "../src/core/model/calculate.js";
import { InputError } from "../src/core/model/diagnostics.js";
import { loadTariff } from "../src/core/model/tariff.js";
import { tariffJsonSchema } from "../src/contracts/tariff-json-schema.js";
import { ROOT } from "./helpers.js";
import { asDecided } from "./decided.js";

const bundled = (year: number) => readFileSync(join(ROOT, "tariffs", `${year}.json`), "utf8");

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${String(d.params.path ?? "")}`);
    throw e;
  }
  return [];
}

describe("bundled tariffs", () => {
  for (const year of [2025, 2026]) {
    it(`${year} is valid and gives every decided value a source`, () => {
      const t = loadTariff(bundled(year), `tariffs/${year}.json`);
      expect(t.year).toBe(year);
      expect(t.fixedShareText).toBe("0.65");
      expect(t.parties.map((p) => p.id)).toEqual(["RJL", "RKL", "RÖ"]);
      const f = t.file;
      expect(f.sources?.fixedShare).toBeTruthy();
      expect(f.population?.source).toMatch(/SCB/);
      for (const list of [f.pointPrices, f.careRules, f.references, f.fixedOnly, f.solidarity]) {
        expect(list.length).toBeGreaterThan(0);
        for (const v of list) expect(v.source, JSON.stringify(v)).toBeTruthy();
      }
      // Values that are not public are marked as illustrative.
      for (const v of [...f.pointPrices, ...f.references]) expect(v.source).toMatch(/ILLUSTRATIV/);
      expect(f.solidarity.map((s) => s.unit)).toEqual(["RCC", "CSD", "RCSO", "Utvecklingsmedel"]);
      expect(f.solidarity.find((s) => s.unit === "Utvecklingsmedel")?.amount).toBe("2600000.00");
      expect(f.careRules.map((r) => [r.area, r.model, r.sellers ?? null])).toEqual([
        ["primärvård", "unit_price", null],
        ["psykiatri", "unit_price", ["RJL", "RKL"]],
        ["rättspsykiatri", "excluded", null],
        ["klinisk genetik", "fixed_only", null],
        ["brännskadevård", "fixed_only", null],
        ["arbets- och miljömedicin", "fixed_only", null],
      ]);
    });
  }

  it("2025 and 2026 use the SCB populations of 31 Dec 2023 and 2024", () => {
    expect(loadTariff(bundled(2025)).file.population).toMatchObject({ RÖ: 472298, RJL: 368856, RKL: 246667 });
    expect(loadTariff(bundled(2026)).file.population).toMatchObject({ RÖ: 472446, RJL: 370009, RKL: 246352 });
  });
});

describe("JSON Schema", () => {
  it("the published schema is the one generated from the zod schema (run `npm run schema` after changing it)", () => {
    for (const dir of ["schema", "tariffs"]) {
      const published = JSON.parse(readFileSync(join(ROOT, dir, "vardavtal-tariff-1.schema.json"), "utf8"));
      expect(published).toEqual(JSON.parse(JSON.stringify(tariffJsonSchema())));
    }
    // the bundled tariffs name the copy beside them, which check-tariff --write-schema puts beside a copied tariff
    for (const year of [2025, 2026]) expect(JSON.parse(bundled(year)).$schema).toBe("vardavtal-tariff-1.schema.json");
  });

  it("describes every property in Swedish and English", () => {
    const missing: string[] = [];
    const walk = (o: unknown, path: string): void => {
      if (typeof o !== "object" || o === null) return;
      const node = o as Record<string, unknown>;
      for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const text = String(v.description ?? "");
        // Swedish first, then English, separated by an empty line
        if (!/^[^\n]+\n\n[^\n]+$/.test(text)) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      for (const k of ["items", "additionalProperties"]) walk(node[k], `${path}[]`);
      for (const k of ["anyOf", "oneOf", "allOf"]) for (const x of (node[k] ?? []) as unknown[]) walk(x, path);
    };
    walk(tariffJsonSchema(), "$");
    expect(missing).toEqual([]);
  });
});

describe("strict validation", () => {
  const base = () => asDecided(bundled(2025));

  it("rejects unknown keys, JSON numbers for money and fixed shares that do not sum to 1, all at once", () => {
    const t = base();
    t.colour = "blue";
    t.references[0].amount = 612000000;
    t.key = { basis: "fixed", shares: { RJL: "0.34", RKL: "0.23", RÖ: "0.42" } };
    const errors = errorsOf(() => loadTariff(JSON.stringify(t, null, 2)));
    expect(errors.some((e) => e.includes("TARIFF_SCHEMA $.colour"))).toBe(true);
    expect(errors.some((e) => e.includes("TARIFF_SCHEMA $.references[0].amount"))).toBe(true);
  });

  it("rejects a fixed key that does not sum to exactly 1 and accepts one that does", () => {
    const t = base();
    t.key = { basis: "fixed", shares: { RJL: "0.34", RKL: "0.23", RÖ: "0.42" } };
    expect(errorsOf(() => loadTariff(t))).toEqual(["1:1 TARIFF_KEY_SUM "]);
    t.key.shares.RÖ = "0.43";
    expect(errorsOf(() => loadTariff(t))).toEqual([]);
  });

  it("warns of an illustrative or proposed tariff, an old key date and a price dated outside the year", () => {
    const codes = (t: unknown) => loadTariff(t).warnings.map((w) => `${w.code} ${w.params.path ?? ""}`.trim());
    expect(codes(base())).toEqual([]);
    expect(codes({ ...base(), status: "illustrative" })).toEqual(["TARIFF_ILLUSTRATIVE"]);
    expect(codes({ ...base(), status: "proposal" })).toEqual(["TARIFF_ILLUSTRATIVE"]);
    const old = base();
    old.key.date = "2022-12-31";
    old.pointPrices[0].validFrom = "2024-07-01";
    old.pointPrices[1].validFrom = "2026-01-01";
    expect(codes(old)).toEqual(["TARIFF_STALE_DATE $.key.date", "TARIFF_VALID_FROM_OUTSIDE_YEAR $.pointPrices[0].validFrom", "TARIFF_VALID_FROM_OUTSIDE_YEAR $.pointPrices[1].validFrom"]);
    old.key.date = "2023-01-01";
    expect(codes(old).filter((c) => c.startsWith("TARIFF_STALE_DATE"))).toEqual([]);
    // the bundled tariffs hold illustrative amounts and say so
    for (const year of [2025, 2026]) expect(loadTariff(bundled(year)).warnings.map((w) => w.code)).toEqual(["TARIFF_ILLUSTRATIVE"]);
  });

  it("rejects rules that can match the same area and seller", () => {
    const t = base();
    t.careRules.push({ area: "PRIMÄRVÅRD ", sellers: ["RÖ"], model: "excluded" });
    expect(errorsOf(() => loadTariff(t)).map((e) => e.split(" ")[1])).toEqual(["TARIFF_RULE_OVERLAP"]);
  });

  it("rejects fixed shares outside 0..1 and two kinds of fixed-only entry at once", () => {
    const t = base();
    t.fixedShare = "1.5";
    t.fixedOnly[0].amounts = { RJL: "1.00" };
    const errors = errorsOf(() => loadTariff(t));
    expect(errors.some((e) => e.includes("$.fixedShare"))).toBe(true);
    expect(errors.some((e) => e.includes("$.fixedOnly[0]"))).toBe(true);
  });

  it("the API takes a tariff object and refuses floats for money in rows", async () => {
    await expect(
      calculate({ tariff: base(), consumption: [{ date: "2025-01-02", seller: "RÖ", buyer: "RJL", area: "x", amount: 12.5 as unknown as string }] }),
    ).rejects.toThrow(/BAD_ROW/);
  });
});

describe("what is odd but allowed", () => {
  it("a host listed among the buyers of its own fixed-only amounts pays nothing, with a warning", async () => {
    const dir = join(ROOT, "test", "fixtures", "warn-host-pays-itself");
    const r = await calculate({ tariff: readFileSync(join(dir, "tariff.json"), "utf8"), consumption: [{ date: "2025-01-02", seller: "RKL", buyer: "RJL", area: "x", amount: "1.00" }] });
    expect(r.warnings.map((w) => w.code)).toContain("TARIFF_HOST_PAYS_ITSELF");
    const burns = r.flows.filter((f) => f.label === "brännskadevård");
    expect(burns.map((f) => [r.parties[f.payer]?.id, r.parties[f.payee]?.id, f.amount])).toEqual([["RJL", "RÖ", 100n]]);
  });
});
