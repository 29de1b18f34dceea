/**
 * The decision trail: a decided tariff names who decided it (TARIFF_DECISION_MISSING otherwise)
 * and has no source that still says "illustrativ" (TARIFF_DECIDED_ILLUSTRATIVE_SOURCE, each at its
 * position); it runs without the draft warning, and its decision is in check-tariff, the result,
 * the a-conto plan, the settlement and the first sheet of every workbook, which ends with the
 * signature block. The commands run from a folder outside the repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, type Diagnostic } from "../src/core/model/diagnostics.js";
import { loadTariff, type Decision } from "../src/core/model/tariff.js";
import { decisionText } from "../src/text/decided-words.js";
import { ROOT, runMain, tempDir } from "./helpers.js";

const DECISION = { body: "Samverkansnämnden", date: "2024-12-09", paragraph: "§ 12", reference: "Dnr RS 2024/77" };
const DECIDED_LINE = "Beslutad av Samverkansnämnden 2024-12-09 § 12 (Dnr RS 2024/77)";

/** The bundled 2025 tariff as decided: a decision, and every illustrative source replaced. */
function decidedTariff(): Record<string, unknown> {
  const t = JSON.parse(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8")) as Record<string, unknown>;
  const decided = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(decided);
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "string" && /illustrativ/i.test(x) ? "Samverkansnämnden 2024-12-09 § 12" : decided(x)]));
  };
  const out = decided(t) as Record<string, unknown>;
  delete out.$schema;
  return { ...out, status: "decided", decision: DECISION };
}

function errors(fn: () => unknown): Diagnostic[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  return [];
}

describe("a decided tariff", () => {
  it("runs without the draft warning and carries its decision", () => {
    const t = loadTariff(JSON.stringify(decidedTariff(), null, 2));
    expect(t.warnings.map((w) => w.code)).not.toContain("TARIFF_ILLUSTRATIVE");
    expect(t.decision).toEqual(DECISION);
    expect(decisionText(t.decision, "sv")).toBe(DECIDED_LINE);
    expect(decisionText(t.decision, "en")).toBe("Decided by Samverkansnämnden 2024-12-09 § 12 (Dnr RS 2024/77)");
    expect(decisionText(undefined, "sv")).toBe("Inte beslutad: tariffen namnger inget beslut");
  });

  it("without a decision is refused at its status", () => {
    const t = decidedTariff();
    delete t.decision;
    const text = JSON.stringify(t, null, 2);
    const found = errors(() => loadTariff(text, "t.json"));
    expect(found.map((d) => d.code)).toEqual(["TARIFF_DECISION_MISSING"]);
    const statusLine = text.split("\n").findIndex((l) => l.includes('"status": "decided"')) + 1;
    expect(found[0]?.line).toBe(statusLine);
  });

  it("refuses every source that still says illustrativ, in any case, each at its JSON position (property)", () => {
    // where a source can be: the root, a reference, a solidarity budget, the sources map
    const places = ["root", "reference", "solidarity", "sources"] as const;
    fc.assert(
      fc.property(fc.subarray([...places], { minLength: 1 }), fc.constantFrom("illustrativ", "ILLUSTRATIVT", "Illustrativa", "iLLustratiV"), fc.string({ maxLength: 12 }), (chosen, word, noise) => {
        const t = decidedTariff() as Record<string, any>;
        const text = `${noise.replace(/illustrativ/gi, "")} ${word} belopp`;
        const expected: string[] = [];
        if (chosen.includes("root")) {
          t.source = text;
          expected.push("$.source");
        }
        if (chosen.includes("reference")) {
          t.references[1].source = text;
          expected.push("$.references[1].source");
        }
        if (chosen.includes("solidarity")) {
          t.solidarity[0].source = text;
          expected.push("$.solidarity[0].source");
        }
        if (chosen.includes("sources")) {
          t.sources = { ...t.sources, fixedShare: text };
          expected.push("$.sources.fixedShare");
        }
        const json = JSON.stringify(t, null, 2);
        const found = errors(() => loadTariff(json, "t.json"));
        expect(found.every((d) => d.code === "TARIFF_DECIDED_ILLUSTRATIVE_SOURCE")).toBe(true);
        expect(found.map((d) => d.params.path).sort()).toEqual(expected.sort());
        // each at the line of its value in the file
        const lines = json.split("\n");
        for (const d of found) expect(lines[(d.line ?? 0) - 1]).toContain(word);
      }),
      { numRuns: 40 },
    );
  });

  it("names any decision in one line with its body, date, paragraph and reference (property)", () => {
    const text = fc.string({ minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(text, fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), text, fc.option(text, { nil: undefined }), fc.constantFrom("sv" as const, "en" as const), (body, date, paragraph, reference, lang) => {
        const d: Decision = { body, date: date.toISOString().slice(0, 10), paragraph, ...(reference !== undefined ? { reference } : {}) };
        const line = decisionText(d, lang);
        expect(line.startsWith(lang === "sv" ? "Beslutad av " : "Decided by ")).toBe(true);
        expect(line).toContain(`${body} ${d.date} ${paragraph}`);
        if (reference) expect(line.endsWith(`(${reference})`)).toBe(true);
      }),
    );
  });
});

/** The first sheet's texts, top to bottom, and its page setup. */
async function firstSheet(file: string): Promise<{ texts: string[]; last: string[]; fit: number | undefined }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((c) => {
      if (typeof c.value === "string" && !c.isMerged) cells.push(c.value);
      else if (typeof c.value === "string" && c.master === c) cells.push(c.value);
    });
    if (cells.length > 0) rows.push(cells);
  });
  return { texts: rows.flat(), last: rows[rows.length - 1] ?? [], fit: ws.pageSetup.fitToHeight };
}

describe("the decision in every output, run from outside the repository", () => {
  const dir = tempDir("vardavtal-decided-");
  const tariff = join(dir, "tariff-2025.json");
  writeFileSync(tariff, JSON.stringify(decidedTariff(), null, 2));
  const consumption = join(ROOT, "examples", "2025", "konsumtion-2025.csv");
  const env = { SOURCE_DATE_EPOCH: "1767225600" };
  const run = (args: string[]) => runMain(args, dir, env);

  it("check-tariff shows the decision; a decided tariff gives no draft warning", async () => {
    const r = await run(["check-tariff", "--tariff", tariff]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Beslut: ${DECIDED_LINE}`);
    expect(r.stderr).not.toContain("TARIFF_ILLUSTRATIVE");
    const en = await run(["check-tariff", "--tariff", "2025", "--lang", "en"]);
    expect(en.stdout).toContain("Decision: Not decided: the tariff names no decision");
  });

  it("the result, the plan and the settlement name it; the bundled (illustrative) tariff gives null", async () => {
    const calc = await run(["calculate", "--tariff", tariff, "--consumption", consumption, "--json", "r.json", "--xlsx", "r.xlsx"]);
    expect(calc.code, calc.stderr).toBe(0);
    expect(calc.stderr).not.toContain("warning[TARIFF_ILLUSTRATIVE]");
    const ac = await run(["acconto", "--tariff", tariff, "--json", "a.json", "--xlsx", "a.xlsx"]);
    expect(ac.code, ac.stderr).toBe(0);
    const st = await run(["settle", "--result", "r.json", "--paid", "a.json", "--json", "s.json", "--xlsx", "s.xlsx"]);
    expect(st.code, st.stderr).toBe(0);
    for (const f of ["r.json", "a.json", "s.json"]) expect((JSON.parse(readFileSync(join(dir, f), "utf8")) as { decision: unknown }).decision, f).toEqual(DECISION);
    const draft = await run(["calculate", "--tariff", "2025", "--consumption", consumption, "--json", "draft.json"]);
    expect(draft.code, draft.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, "draft.json"), "utf8")) as { decision: unknown }).decision).toBeNull();
  });

  it("every workbook's first sheet names it and ends with the signature block, fitted to one page where it is", async () => {
    expect((await run(["calculate", "--tariff", tariff, "--consumption", consumption, "--through", "2025-08-31", "--json", "p.json"])).code).toBe(0);
    expect((await run(["compare", "p.json", "r.json", "--xlsx", "c.xlsx"])).code).toBe(0);
    expect((await run(["check-key", "--tariff", tariff, "--costs", join(ROOT, "examples", "2025", "gemensamma-kostnader-2025.csv"), "--xlsx", "k.xlsx"])).code).toBe(1); // deviations, still written
    expect((await run(["propose", "--tariff", tariff, "--results", "r.json", "--index", "2026=2,8", "--out", "f.json", "--xlsx", "f.xlsx"])).code).toBe(0);
    const expected: Record<string, string[]> = {
      "r.xlsx": [DECIDED_LINE],
      "a.xlsx": [DECIDED_LINE],
      "s.xlsx": [DECIDED_LINE],
      "k.xlsx": [DECIDED_LINE],
      "c.xlsx": [`Prognos t.o.m. 2025-08-31: ${DECIDED_LINE}`, `Utfall 2025: ${DECIDED_LINE}`], // each side by its name
      "f.xlsx": ["Inte beslutad: tariffen namnger inget beslut"], // a proposal is not decided
    };
    for (const [file, lines] of Object.entries(expected)) {
      const s = await firstSheet(join(dir, file));
      for (const l of lines) expect(s.texts, file).toContain(l);
      // the block is the end of the sheet: the decision, then the two lines to sign
      const at = s.texts.indexOf(lines[lines.length - 1] as string);
      expect(s.texts.slice(at + 1), file).toEqual(["Upprättad av", "Datum", "Granskad av", "Datum"]);
      expect(s.last, file).toEqual(["Granskad av", "Datum"]);
    }
    // the report's, key check's and comparison's first sheets print on one page, signatures included;
    // the settlement's per-counterparty sheet (one block per region, the final payments and the checks)
    // is two pages at 8 points, its signatures on the second with the final payments (not yet one page)
    for (const file of ["r.xlsx", "k.xlsx", "c.xlsx"]) expect((await firstSheet(join(dir, file))).fit, file).toBe(1);
  });
});
