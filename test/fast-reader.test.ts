/**
 * The fast reader gives identical results to the general reader on every input: random files in
 * every dialect (delimiters, decimal comma, thousands separators, Unicode minus, quoting, CRLF,
 * BOM, Windows-1252), byte ranges and read chunks that end anywhere, and inputs with errors
 * (where the general reader's messages must come out unchanged).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, renderDiagnostic } from "../src/core/diagnostics.js";
import { resultToJson } from "../src/core/result-json.js";
import { calculateFiles } from "../src/node/run.js";
import { FIXTURES, ROOT, tempDir } from "./helpers.js";

const TARIFF = join(ROOT, "tariffs", "2025.json");
const SPELLINGS: Record<string, string[]> = {
  RJL: ["RJL", "rjl", "Jönköping", " RJL ", "Region Jönköpings län"],
  RKL: ["RKL", "Kalmar", "KALMAR"],
  RÖ: ["RÖ", "RO", "Östergötland", "rö"],
};
const AREAS = ["neurokirurgi", "NEUROKIRURGI", "  ortopedi ", "primärvård", "psykiatri", "rättspsykiatri", "klinisk genetik", "Ögonsjukvård", "thorax  kirurgi"];

interface Dialect {
  delimiter: string;
  comma: boolean;
  thousands: string;
  minus: string;
  bom: boolean;
  crlf: boolean;
  cp1252: boolean;
  quoteSome: boolean;
  english: boolean;
  yearColumn: boolean;
}

const dialectArb: fc.Arbitrary<Dialect> = fc
  .record({
    delimiter: fc.constantFrom(";", ",", "\t"),
    comma: fc.boolean(),
    thousands: fc.constantFrom("", " ", "\u00a0", "\u202f"),
    minus: fc.constantFrom("-", "−"),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    cp1252: fc.boolean(),
    quoteSome: fc.boolean(),
    english: fc.boolean(),
    yearColumn: fc.boolean(),
  })
  .map((d) => ({
    ...d,
    // a decimal comma in a comma-separated file needs quotes; Windows-1252 has no U+2212 or U+202F
    comma: d.comma && d.delimiter !== ",",
    thousands: d.cp1252 && d.thousands === "\u202f" ? " " : d.delimiter === "," && d.thousands !== "" ? "" : d.thousands,
    minus: d.cp1252 ? "-" : d.minus,
    bom: d.bom && !d.cp1252,
  }));

interface Row {
  seller: string;
  buyer: string;
  area: string;
  year: number;
  month: number;
  day: number;
  dated: boolean;
  points?: bigint;
  amount?: bigint;
  blankLine: boolean;
  broken: "none" | "number" | "party";
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  seller: fc.constantFrom(...Object.keys(SPELLINGS)),
  buyer: fc.constantFrom(...Object.keys(SPELLINGS)),
  area: fc.constantFrom(...AREAS),
  year: fc.constantFrom(2025, 2025, 2025, 2024),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  dated: fc.boolean(),
  points: fc.option(fc.bigInt({ min: 0n, max: 99_999_999n }), { nil: undefined }),
  amount: fc.option(fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }), { nil: undefined }),
  blankLine: fc.boolean().map((b) => b && Math.random() < 0.2),
  broken: fc.constantFrom<Row["broken"]>("none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "number", "party"),
});

function num(units: bigint, decimals: number, d: Dialect): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(decimals + 1, "0");
  const int = s.slice(0, s.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, d.thousands);
  return `${neg ? d.minus : ""}${int}${d.comma ? "," : "."}${s.slice(s.length - decimals)}`;
}

function makeFile(d: Dialect, rows: Row[], pick: number): Buffer {
  const names = d.english ? ["year", "date", "seller", "buyer", "area", "drg", "points", "amount", "patient"] : ["ÅR", "datum", "Säljare", "köpare", "verksamhet", "drg", "poäng", "belopp", "patient"];
  const cols = d.yearColumn ? names : names.slice(1);
  const quote = (v: string, k: number): string => (v.includes(d.delimiter) || v.includes('"') || (d.quoteSome && k % 7 === 3) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [cols.join(d.delimiter)];
  rows.forEach((r, k) => {
    if (r.blankLine) {
      lines.push(k % 2 ? "" : d.delimiter.repeat(cols.length - 1));
      return;
    }
    const spell = (p: string): string => {
      const list = SPELLINGS[p] as string[];
      return list[(k + pick) % list.length] as string;
    };
    const date = `${r.year}-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`;
    const points = r.points === undefined && r.amount === undefined ? 1_500_000n : r.points;
    const fields = [
      String(r.year),
      r.dated || !d.yearColumn ? date : "",
      r.broken === "party" ? "Skåne" : spell(r.seller),
      spell(r.buyer),
      r.area,
      `X${k}`,
      points === undefined ? "" : num(points, 4, d),
      r.amount === undefined ? "" : r.broken === "number" ? "12,5,0" : num(r.amount, 2, d),
      `P${k}`,
    ];
    lines.push((d.yearColumn ? fields : fields.slice(1)).map(quote).join(d.delimiter));
  });
  const text = lines.join(d.crlf ? "\r\n" : "\n") + (pick % 3 === 0 ? "" : d.crlf ? "\r\n" : "\n");
  if (d.cp1252) return Buffer.from(new TextEncoderCp1252().encode(text));
  return Buffer.concat([d.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
}

/** Windows-1252 for the characters these files use (Latin-1 range plus nothing else). */
class TextEncoderCp1252 {
  encode(text: string): Uint8Array {
    return Uint8Array.from([...text].map((ch) => {
      const c = ch.codePointAt(0) as number;
      if (c > 0xff) throw new Error(`not in Windows-1252 here: ${ch}`);
      return c;
    }));
  }
}

type Outcome = { ok: true; json: unknown; reader?: string } | { ok: false; errors: string[] };

async function outcome(file: string, reader: "fast" | "general", fast?: { ranges: number; chunkSize: number }): Promise<Outcome> {
  try {
    const run = await calculateFiles({ tariff: TARIFF, consumption: file, reader, fast: fast ? { workers: 0, ...fast } : undefined });
    const j = resultToJson(run.result);
    const info = run.inputs.find((i) => i.role === "consumption");
    return { ok: true, json: { ...j, inputs: undefined, encoding: info?.encoding, delimiter: info?.delimiter, rowsInfo: info?.rows, sha: info?.sha256 }, reader: info?.reader };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: e.diagnostics.map((d) => renderDiagnostic(d, "en")) };
    throw e;
  }
}

describe("fast reader = general reader", () => {
  it("on random files in every dialect, split into ranges and chunks anywhere", async () => {
    const dir = tempDir();
    let usedFast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(dialectArb, fc.array(rowArb, { minLength: 0, maxLength: 40 }), fc.nat(20), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 8, max: 300 }), async (d, rows, pick, ranges, chunkSize) => {
        const file = join(dir, `c${runs++}.csv`);
        writeFileSync(file, makeFile(d, rows, pick));
        const general = await outcome(file, "general");
        const fast = await outcome(file, "fast", { ranges, chunkSize });
        if (fast.ok && fast.reader === "fast") usedFast++;
        const strip = (o: Outcome) => (o.ok ? { ok: true, json: o.json } : o);
        expect(strip(fast)).toEqual(strip(general));
        // where the fast reader handed over, it said why
        if (fast.ok) expect(fast.reader).toMatch(/^(fast|general \(.+\))$/);
      }),
      { numRuns: 250 },
    );
    // Not vacuous: plenty of the files were read by the fast reader itself.
    expect(usedFast).toBeGreaterThan(20);
  });

  it("reads plain files itself and hands over quoted, Windows-1252 and erroneous ones", async () => {
    const dir = tempDir();
    const plain = join(dir, "plain.csv");
    writeFileSync(plain, "år;datum;säljare;köpare;verksamhet;poäng;belopp\n2025;2025-03-01;RÖ;RJL;neurokirurgi;2,5;\n2025;2025-08-01;RÖ;RJL;neurokirurgi;1,25;\n");
    expect((await outcome(plain, "fast", { ranges: 2, chunkSize: 16 })).ok && (await outcome(plain, "fast", { ranges: 2, chunkSize: 16 }) as { reader: string }).reader).toBe("fast");
    const quoted = join(dir, "quoted.csv");
    writeFileSync(quoted, 'år;datum;säljare;köpare;verksamhet;poäng;belopp\n2025;2025-03-01;RÖ;RJL;"neurokirurgi";2,5;\n');
    expect(((await outcome(quoted, "fast", { ranges: 1, chunkSize: 64 })) as { reader: string }).reader).toBe("general (a quoted field)");
    const cp = join(dir, "cp.csv");
    writeFileSync(cp, Buffer.from("år;datum;säljare;köpare;verksamhet;poäng;belopp\n2025;2025-03-01;RÖ;RJL;ögon;2,5;\n", "latin1"));
    expect(((await outcome(cp, "fast", { ranges: 1, chunkSize: 64 })) as { reader: string }).reader).toMatch(/^general/);
    const bad = join(FIXTURES, "bad", "MANY_ERRORS", "consumption.csv");
    const tariff = join(FIXTURES, "bad", "MANY_ERRORS", "tariff.json");
    const g = await calculateFiles({ tariff, consumption: bad, reader: "general" }).catch((e: InputError) => e.diagnostics.map((x) => renderDiagnostic(x)));
    const f = await calculateFiles({ tariff, consumption: bad, reader: "fast", fast: { workers: 0 } }).catch((e: InputError) => e.diagnostics.map((x) => renderDiagnostic(x)));
    expect(f).toEqual(g);
    expect((f as string[]).length).toBe(3);
  });

  it("sums exactly past 2^53 (the overflow guard spills into BigInt)", async () => {
    const dir = tempDir();
    const file = join(dir, "big.csv");
    // 3 000 rows of 9 000 000 000 000,00 öre-scale amounts: the running sum passes 2^52 öre many times
    const lines = ["år;säljare;köpare;verksamhet;belopp"];
    for (let i = 0; i < 3000; i++) lines.push(`2025;RJL;RKL;primärvård;${i % 2 ? "90000000000000.01" : "89999999999999.99"}`);
    writeFileSync(file, lines.join("\n") + "\n");
    const g = await outcome(file, "general");
    const f = await outcome(file, "fast", { ranges: 3, chunkSize: 4096 });
    expect(f).toEqual({ ...g, reader: "fast" });
  });
});

describe("the fast reader on worker threads (built package)", () => {
  it("gives the general reader's result on the example year", async () => {
    const node = await import("vardavtal/node");
    const { resultToJson: toJson } = await import("vardavtal");
    const file = join(ROOT, "examples", "2025", "konsumtion-2025.csv");
    const fast = await node.calculateFiles({ tariff: "2025", consumption: file, reader: "fast", fast: { workers: 2, ranges: 5 } });
    const general = await node.calculateFiles({ tariff: "2025", consumption: file, reader: "general" });
    expect(fast.inputs.find((i) => i.role === "consumption")?.reader).toBe("fast");
    const a = toJson(fast.result);
    const b = toJson(general.result);
    for (const k of ["flows", "net", "skipped", "rows", "areas", "pairs", "transfers"] as const) expect(a[k]).toEqual(b[k]);
    expect(fast.inputs[1]?.sha256).toBe(general.inputs[1]?.sha256);
  });
});
