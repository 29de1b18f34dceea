/**
 * The fast reader gives identical results to the general reader on every input, or hands the
 * file over to it: random files in every dialect (delimiters, decimal comma, thousands
 * separators, Unicode minus, quoting, CRLF, BOM, Windows-1252); files with every kind of header,
 * first line and line end (lone CR, CRLF, LF, mixed, BOM, blank first lines), blank lines of
 * delimiters, field counts that differ, control and format characters, U+3000 and no-break
 * spaces in text fields, over-long lines, numbers at the limits and many areas, in UTF-8 and
 * Windows-1252, with no, some or all fields quoted (and quoting errors); a ring of any size and
 * read chunks that end anywhere; and inputs with errors (where the general reader's messages must
 * come out unchanged). Plus a regression test for each reader bug found.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConsumptionAccumulator } from "../src/core/model/consumption.js";
import { DiagnosticBag, InputError } from "../src/core/model/diagnostics.js";
import { MAX_AREAS, MAX_INPUT_ORE, MAX_POINT_UNITS, MAX_RECORD_LENGTH } from "../src/core/model/limits.js";
import { resultToJson } from "../src/contracts/result-json.js";
import { readTariffFile } from "../src/node/files.js";
import { readConsumptionFile } from "../src/node/table-files.js";
import { readConsumptionFast, type FastOptions } from "../src/node/fast/reader.js";
import { calculateFiles } from "../src/node/run.js";
import { FIXTURES, ROOT, runMain, tempDir } from "./helpers.js";
import { renderDiagnostic } from "../src/text/diagnostics.js";

const TARIFF = join(ROOT, "tariffs", "2025.json");
/** Cases of the wide property below (VARDAVTAL_FUZZ_RUNS), and the seed of both properties. */
const FUZZ_RUNS = Math.max(1, Number(process.env.VARDAVTAL_FUZZ_RUNS) || 300);
const FUZZ_SEED = Number(process.env.VARDAVTAL_FUZZ_SEED) || 20251123;
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
  blankLine: fc.nat(9).map((k) => k === 0),
  broken: fc.constantFrom<Row["broken"]>(...Array<"none">(58).fill("none"), "number", "party"),
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

/** Windows-1252 as the general reader decodes it (WHATWG: 0x81, 0x8D, 0x8F, 0x90, 0x9D are U+0081…). */
const CP1252_BYTE = (() => {
  const map = new Map<string, number>();
  const decoder = new TextDecoder("windows-1252");
  for (let b = 0; b < 256; b++) map.set(decoder.decode(Uint8Array.of(b)), b);
  return map;
})();

/** Text as Windows-1252 bytes; a character it lacks throws, or with `lossy` becomes a no-break space. */
function cp1252Bytes(text: string, lossy = false): Buffer {
  return Buffer.from([...text].map((ch) => {
    const b = CP1252_BYTE.get(ch);
    if (b === undefined && !lossy) throw new Error(`not in Windows-1252: ${ch}`);
    return b ?? 0xa0;
  }));
}

class TextEncoderCp1252 {
  encode(text: string): Uint8Array {
    return cp1252Bytes(text);
  }
}

type Outcome = { ok: true; json: unknown; reader?: string } | { ok: false; errors: string[] };

async function outcome(file: string, reader: "fast" | "general", fast?: FastOptions, tariff = TARIFF): Promise<Outcome> {
  try {
    const run = await calculateFiles({ tariff, consumption: file, reader, fast: fast ? { workers: 0, ...fast } : undefined });
    const j = resultToJson(run.result);
    const info = run.inputs.find((i) => i.role === "consumption");
    return { ok: true, json: { ...j, inputs: undefined, warnings: run.result.warnings.map((w) => renderDiagnostic(w, "en")), encoding: info?.encoding, delimiter: info?.delimiter, rowsInfo: info?.rows, sha: info?.sha256 }, reader: info?.reader };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: e.diagnostics.map((d) => renderDiagnostic(d, "en")) };
    throw e;
  }
}

describe("fast reader = general reader", () => {
  it("on random files in every dialect, read in chunks that end anywhere", async () => {
    const dir = tempDir();
    let usedFast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(dialectArb, fc.array(rowArb, { minLength: 3, maxLength: 40 }), fc.nat(20), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 8, max: 300 }), async (d, rows, pick, ranges, chunkSize) => {
        const file = join(dir, `c${runs++}.csv`);
        writeFileSync(file, makeFile(d, rows, pick));
        const general = await outcome(file, "general");
        const fast = await outcome(file, "fast", { slots: ranges, chunkSize });
        if (fast.ok && fast.reader === "fast") usedFast++;
        const strip = (o: Outcome) => (o.ok ? { ok: true, json: o.json } : o);
        expect(strip(fast)).toEqual(strip(general));
        // where the fast reader handed over, it said why
        if (fast.ok) expect(fast.reader).toMatch(/^(fast|general \(.+\))$/);
      }),
      { numRuns: 250, seed: FUZZ_SEED },
    );
    // Not vacuous: plenty of the files were read by the fast reader itself.
    expect(usedFast).toBeGreaterThan(20);
  });

  it("reads plain, quoted and Windows-1252 files itself and hands over erroneous ones", async () => {
    const dir = tempDir();
    const plain = join(dir, "plain.csv");
    writeFileSync(plain, "år;datum;säljare;köpare;verksamhet;poäng;belopp\n2025;2025-03-01;RÖ;RJL;neurokirurgi;2,5;\n2025;2025-08-01;RÖ;RJL;neurokirurgi;1,25;\n");
    expect((await outcome(plain, "fast", { slots: 2, chunkSize: 16 })).ok && (await outcome(plain, "fast", { slots: 2, chunkSize: 16 }) as { reader: string }).reader).toBe("fast");
    const quoted = join(dir, "quoted.csv");
    writeFileSync(quoted, 'år;datum;säljare;köpare;verksamhet;poäng;belopp\n2025;2025-03-01;RÖ;RJL;"neurokirurgi";2,5;\n');
    expect(await outcome(quoted, "fast", { slots: 2, chunkSize: 64 })).toEqual({ ...(await outcome(quoted, "general")), reader: "fast" });
    const multiLine = join(dir, "multi-line.csv");
    writeFileSync(multiLine, 'år;datum;säljare;köpare;verksamhet;poäng;belopp;not\n2025;2025-03-01;RÖ;RJL;neurokirurgi;2,5;;"två\nrader"\n');
    expect(((await outcome(multiLine, "fast", { slots: 2, chunkSize: 64 })) as { reader: string }).reader).toBe("general (a line break inside quotes)");
    const cp = join(dir, "cp.csv");
    writeFileSync(cp, Buffer.from("år;datum;säljare;köpare;verksamhet;poäng;belopp\n2025;2025-03-01;RÖ;RJL;ögon;2,5;\n", "latin1"));
    const cpOutcome = await outcome(cp, "fast", { slots: 2, chunkSize: 64 });
    expect(cpOutcome).toEqual({ ...(await outcome(cp, "general")), reader: "fast" });
    expect(cpOutcome.ok && (cpOutcome.json as { encoding: string }).encoding).toBe("windows-1252");
    const bad = join(FIXTURES, "bad", "MANY_ERRORS", "consumption.csv");
    const tariff = join(FIXTURES, "bad", "MANY_ERRORS", "tariff.json");
    const g = await calculateFiles({ tariff, consumption: bad, reader: "general" }).catch((e: InputError) => e.diagnostics.map((x) => renderDiagnostic(x)));
    const f = await calculateFiles({ tariff, consumption: bad, reader: "fast", fast: { workers: 0 } }).catch((e: InputError) => e.diagnostics.map((x) => renderDiagnostic(x)));
    expect(f).toEqual(g);
    expect((f as string[]).length).toBe(3);
  });

  it("sums exactly past 2^53 within the limits (the overflow guard spills into BigInt)", async () => {
    const dir = tempDir();
    // Amounts: 60 rows of +10^14 öre (the limit) pass 2^52 öre, 55 rows of −10^14 öre come back.
    const amounts = join(dir, "amounts.csv");
    const lines = ["år;säljare;köpare;verksamhet;belopp"];
    for (let i = 0; i < 60; i++) lines.push(`2025;RJL;RKL;primärvård;${i % 2 ? "1000000000000.00" : "999999999999.99"}`);
    for (let i = 0; i < 55; i++) lines.push(`2025;RJL;RKL;primärvård;${i % 2 ? "-1000000000000.00" : "-999999999999.97"}`);
    writeFileSync(amounts, lines.join("\n") + "\n");
    const ga = await outcome(amounts, "general");
    expect(ga.ok).toBe(true);
    expect(await outcome(amounts, "fast", { slots: 3, chunkSize: 512 })).toEqual({ ...ga, reader: "fast" });

    // Points: 3 000 rows of 10^9 points (10^15 units, the limit) sum to 3·10^18 units, far past
    // 2^53; a point price of 0,01 kr keeps the values small enough for a result.
    const tariff = join(dir, "tiny-price.json");
    const t = JSON.parse(readFileSync(TARIFF, "utf8")) as { pointPrices: { price: string }[] };
    for (const pp of t.pointPrices) pp.price = "0.01";
    writeFileSync(tariff, JSON.stringify(t));
    const points = join(dir, "points.csv");
    const rows = ["år;datum;säljare;köpare;verksamhet;poäng"];
    for (let i = 0; i < 3000; i++) rows.push(`2025;2025-0${1 + (i % 9)}-15;${["RJL", "RÖ", "RKL"][i % 3]};${["RKL", "RJL", "RÖ"][i % 3]};neurokirurgi;${i % 2 ? "1000000000" : "999999999,999999"}`);
    writeFileSync(points, rows.join("\n") + "\n");
    const gp = await outcome(points, "general", undefined, tariff);
    expect(gp.ok).toBe(true);
    expect(await outcome(points, "fast", { slots: 4, chunkSize: 4096 }, tariff)).toEqual({ ...gp, reader: "fast" });
  });
});

describe("the fast reader on worker threads (built package)", () => {
  it("gives the general reader's result on the example year", async () => {
    const node = await import("vardavtal/node");
    const { resultToJson: toJson } = await import("vardavtal");
    const file = join(ROOT, "examples", "2025", "konsumtion-2025.csv");
    const fast = await node.calculateFiles({ tariff: "2025", consumption: file, reader: "fast", fast: { workers: 2, slots: 5 } });
    const general = await node.calculateFiles({ tariff: "2025", consumption: file, reader: "general" });
    expect(fast.inputs.find((i) => i.role === "consumption")?.reader).toBe("fast");
    const a = toJson(fast.value);
    const b = toJson(general.value);
    for (const k of ["flows", "net", "skipped", "rows", "areas", "pairs", "transfers"] as const) expect(a[k]).toEqual(b[k]);
    expect(fast.inputs[1]?.sha256).toBe(general.inputs[1]?.sha256);
  });

  it("merges chunks scanned by the main thread and the workers in file order, in every dialect", async () => {
    const { readConsumptionFast: readBuilt } = (await import(join(ROOT, "dist", "node", "fast", "reader.js"))) as typeof import("../src/node/fast/reader.js");
    const dir = tempDir();
    const text = readFileSync(join(ROOT, "examples", "2025", "konsumtion-2025.csv"), "utf8").replace(/^\ufeff/, "");
    // areas first met far into the file, so that their firstAt comes from a later chunk
    const lines = text.trimEnd().split(/\r?\n/);
    lines.splice(Math.floor(lines.length * 0.6), 0, "2025;2025-06-01;RÖ;RJL;Övrig vård;;;12,50;1;X1", "2025;2025-06-02;RKL;RJL;  tandvård ;;;1,00;1;X2");
    lines.push("2025;2025-12-31;RJL;RKL;Sista området;;;3,00;1;X3");
    const quote = (l: string, k: number) => (k === 0 ? l : l.split(";").map((f, i) => (i >= 2 && i <= 5 ? `"${f}"` : f)).join(";"));
    const files: [string, Buffer][] = [
      ["utf8", Buffer.from(`\ufeff${lines.join("\n")}\n`, "utf8")],
      ["cp1252", cp1252Bytes(`${lines.join("\r\n")}\r\n`)],
      ["quoted", Buffer.from(`${lines.map(quote).join("\n")}\n`, "utf8")],
    ];
    for (const [name, bytes] of files) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, bytes);
      const bag = new DiagnosticBag();
      const acc = new ConsumptionAccumulator(TARIFF_2025, bag, file);
      const info = await readConsumptionFile(file, acc, bag);
      expect(bag.items.filter((x) => x.severity === "error"), name).toEqual([]);
      for (const [chunkSize, pieceSize] of [[4096, undefined], [777, 50], [65536, undefined], [65536, 1000], [1 << 20, 100]] as const) {
        const f = await readBuilt(file, TARIFF_2025, { workers: 2, chunkSize, slots: 3, ...(pieceSize ? { pieceSize } : {}) });
        expect(f.ok ? "fast" : f.reason, name).toBe("fast");
        expect(f.ok && f.summary, `${name} ${chunkSize} ${pieceSize}`).toEqual(acc.summary);
        expect(f.ok && f.info, `${name} ${chunkSize} ${pieceSize}`).toEqual(info);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The wide equivalence property: headers, first lines and line ends of every kind (lone CR,
// CRLF, LF, mixed, BOM, blank first lines), blank lines of delimiters, extra empty fields,
// `;;;;;;X` lines, control and format characters, U+3000 and no-break spaces in text fields,
// over-long lines, numbers at the limits, many areas; UTF-8 and Windows-1252 (Excel's), fields in
// quotes (none, text, all, some) and quoting errors; rings and read chunks ending anywhere.
// More cases: VARDAVTAL_FUZZ_RUNS=20000 (and VARDAVTAL_FUZZ_SEED to explore other seeds).

type Col = "year" | "date" | "seller" | "buyer" | "area" | "points" | "amount" | "drg" | "patient";
const TEXT_COLS = new Set<Col>(["seller", "buyer", "area", "drg", "patient"]);
const HEADER_NAMES: Record<Col, string[]> = {
  year: ["år", "ÅR", "ar", "year", " Year "],
  date: ["datum", "date", "Datum"],
  seller: ["säljare", "Säljare", "saljare", "seller"],
  buyer: ["köpare", "kopare", "buyer", "KÖPARE"],
  area: ["verksamhet", "area", "verksamhetsområde", "Verksamhet "],
  points: ["poäng", "poang", "points", "drg-poäng"],
  amount: ["belopp", "amount", "Belopp"],
  drg: ["drg", "DRG-kod"],
  patient: ["patient", "kön"],
};

const PARTY_OK = ["RJL", "rjl", " RJL ", "Jönköping", "Region Jönköpings län", "Region  Jönköpings  län", "RKL", "Kalmar", "KALMAR", "\tRKL", "RKL\t", "RÖ", "RO", "rö", "Östergötland", "\u00a0RÖ", "\u3000RJL\u3000", "RÖG"];
const PARTY_BAD = ["Skåne", "", "  ", "\u00a0", "\u3000", "R\u0001JL", "RJ\u200bL", "\ufeffRJL", "RJL\u202e", "R\tJL", "RJL\u0085", "x".repeat(201), "RJ\ufffdL", "\u000bRJL"];
const AREA_OK = [
  "neurokirurgi", "NEUROKIRURGI", "  ortopedi ", "\tortopedi", "\u00a0ortopedi", "\u202f ortopedi", "\u3000ortopedi", "primärvård", "Primärvård", "psykiatri", "rättspsykiatri",
  "klinisk genetik", "klinisk  genetik", "öron–näs", "Œ vård™", "Ögonsjukvård", "öron-, näs- och halssjukvård", "thorax  kirurgi", "tandvård", "Neurokirurgi X", "ä".repeat(200), "b".repeat(199) + "\t", "ne\u0301urologi",
];
const AREA_BAD = ["ortopedi\u0081", "", "   ", "\u00a0", "\u3000", "neuro\u0000kirurgi", "\u200bortopedi", "ortopedi\u2028", "\ufeffortopedi", "a".repeat(201), "orto\u00adpedi", "\u0085ortopedi", "orto\ufffdpedi", "\u001b[31mortopedi", "or\ud83d\ude00topedi".slice(0, 4)];
const EXTRA_OK = ["A12B", "", "ö", "\u0000", "\u3000", "é\u0301", "\u200b", "x".repeat(300), "€ – …", "\u0081\u009d", 'a"b'];
const EXTRA_BAD = ["\ufeff", '"q"', "a\rb", "ab\ufffd"];
const NUMBER_BAD = ["12,5,0", "1e5", "1 23,4", "--1", "+5", "1,,2", "1.", ".5", "١٢", "0x10", "1_000", "-", "-,5", "1,5-", "007,50", "-0", "1234567890123456", "123456789,123456"];

interface NumStyle {
  sep: "," | ".";
  thousands: string;
  minus: string;
  decimals: number;
  pad: string;
}
const numStyleArb: fc.Arbitrary<NumStyle> = fc.record({
  sep: fc.constantFrom<"," | ".">(",", "."),
  thousands: fc.constantFrom("", "", " ", "\u00a0", "\u202f"),
  minus: fc.constantFrom("-", "-", "\u2212"),
  decimals: fc.nat(6),
  pad: fc.constantFrom("", "", "", " ", "\t", "\u00a0", " \t"),
});

/** Units of 10^-max as a locale number text (with fewer decimals when they are zeros). */
function numberText(units: bigint, max: number, st: NumStyle): string {
  const neg = units < 0n;
  const abs = neg ? -units : units;
  let dec = Math.min(st.decimals, max);
  if (abs % 10n ** BigInt(max - dec) !== 0n) dec = max;
  const scaled = abs / 10n ** BigInt(max - dec);
  const s = scaled.toString().padStart(dec + 1, "0");
  const int = s.slice(0, s.length - dec).replace(/\B(?=(\d{3})+(?!\d))/g, st.thousands);
  return `${st.pad}${neg ? st.minus : ""}${int}${dec > 0 ? st.sep + s.slice(s.length - dec) : ""}${st.pad}`;
}

const amountArb = (bad: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), numStyleArb).map(([u, st]) => numberText(u, 2, st)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(MAX_INPUT_ORE, -MAX_INPUT_ORE, MAX_INPUT_ORE - 1n, 0n), numStyleArb).map(([u, st]) => numberText(u, 2, st)) },
    { weight: 2, arbitrary: fc.constant("") },
    { weight: bad ? 3 : 0, arbitrary: fc.oneof(fc.constantFrom(...NUMBER_BAD, "1,234"), fc.tuple(fc.constantFrom(MAX_INPUT_ORE + 1n, -MAX_INPUT_ORE - 1n, 10n ** 20n), numStyleArb).map(([u, st]) => numberText(u, 2, st))) },
  );
const pointsArb = (bad: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), numStyleArb).map(([u, st]) => numberText(u, 6, st)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(MAX_POINT_UNITS, -MAX_POINT_UNITS, MAX_POINT_UNITS - 1n), numStyleArb).map(([u, st]) => numberText(u, 6, st)) },
    { weight: 2, arbitrary: fc.constant("") },
    { weight: bad ? 3 : 0, arbitrary: fc.oneof(fc.constantFrom(...NUMBER_BAD, "1,1234567"), fc.tuple(fc.constantFrom(MAX_POINT_UNITS + 1n, -MAX_POINT_UNITS - 1n), numStyleArb).map(([u, st]) => numberText(u, 6, st))) },
  );

type RowSpec =
  | { kind: "data"; seller: string; buyer: string; area: string; year: number; yearText: string; dateText: string; points: string; amount: string; extra: string; shape: "ok" | "extraEmpty" | "missing" | "extraValue" }
  | { kind: "blank"; fields: string[] }
  | { kind: "notBlank"; fields: string[]; at: number; text: string };

const pick = <T,>(ok: readonly T[], bad: readonly T[], trouble: boolean): fc.Arbitrary<T> => (trouble ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ok) }, { weight: 1, arbitrary: fc.constantFrom(...bad) }) : fc.constantFrom(...ok));

function dataRowArb(trouble: boolean, manyAreas: number): fc.Arbitrary<RowSpec> {
  const area = manyAreas > 0 ? fc.oneof(pick(AREA_OK, AREA_BAD, trouble), fc.nat(manyAreas).map((k) => (k % 3 ? `område ${k}` : `Område  ${k} `))) : pick(AREA_OK, AREA_BAD, trouble);
  return fc
    .record({
      seller: pick(PARTY_OK, PARTY_BAD, trouble),
      buyer: pick(PARTY_OK, PARTY_BAD, trouble),
      area,
      year: fc.constantFrom(2025, 2025, 2025, 2024),
      yearStyle: fc.constantFrom("", " ", "\u3000", "\u00a0", "none"),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      dateStyle: fc.constantFrom("", "", " ", "\u3000", "none", "edge"),
      badDate: trouble ? fc.oneof({ weight: 15, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom("2025-02-29", "2025-13-01", "2025/03/01", "2025-3-1", "2023-06-01", "25", "2025-01-01T00:00") }) : fc.constant(""),
      badYear: trouble ? fc.oneof({ weight: 20, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom("25", "2025.0", "202５", "2025\u0000", "x") }) : fc.constant(""),
      points: pointsArb(trouble),
      amount: amountArb(trouble),
      extra: pick(EXTRA_OK, EXTRA_BAD, trouble),
      shape: trouble ? fc.constantFrom<"ok" | "extraEmpty" | "missing" | "extraValue">(...Array<"ok">(30).fill("ok"), "extraEmpty", "missing", "extraValue") : fc.constant<"ok">("ok"),
    })
    .map((r) => {
      const mm = String(r.month).padStart(2, "0");
      const dd = String(r.day).padStart(2, "0");
      const date = r.dateStyle === "edge" ? (r.month % 2 ? `${r.year}-07-01` : `${r.year}-12-31`) : `${r.dateStyle}${r.year}-${mm}-${dd}${r.dateStyle}`;
      return {
        kind: "data" as const,
        seller: r.seller,
        buyer: r.buyer,
        area: r.area,
        year: r.year,
        yearText: r.badYear || (r.yearStyle === "none" ? "" : `${r.yearStyle}${r.year}${r.yearStyle}`),
        dateText: r.badDate || (r.dateStyle === "none" ? "" : date),
        points: r.points,
        amount: r.amount,
        extra: r.extra,
        shape: r.shape,
      };
    });
}

const blankRowArb: fc.Arbitrary<RowSpec> = fc.array(fc.constantFrom("", "", " ", "\t", "  \t"), { minLength: 1, maxLength: 14 }).map((fields) => ({ kind: "blank" as const, fields }));
const notBlankRowArb: fc.Arbitrary<RowSpec> = fc
  .tuple(fc.array(fc.constantFrom("", "", " ", "\t"), { minLength: 1, maxLength: 14 }), fc.nat(), fc.constantFrom("\u3000", "\u00a0", "\u000b", "X", "\u200b", "\f", "\u0000"))
  .map(([fields, at, text]) => ({ kind: "notBlank" as const, fields, at: at % (fields.length + 1), text }));

interface FileSpec {
  delimiter: ";" | "," | "\t";
  bom: number;
  blankBefore: string;
  headerEol: string;
  eol: "lf" | "crlf" | "mixed" | "some-cr";
  finalEol: "" | "\n" | "\r\n" | "\r";
  yearCols: "year" | "date" | "both";
  valueCols: "points" | "amount" | "both";
  extras: number;
  order: number[];
  spelling: number;
  headerTrouble: "none" | "missing" | "duplicate" | "quoted";
  /** the header's names in quotes: none, all (R's write.csv2, QUOTE_ALL), some; with a doubled quote or a line break inside the quotes of an extra column's name */
  headerQuoting: "none" | "all" | "some" | "doubled" | "line break";
  clean: boolean;
  rows: RowSpec[];
  long?: { at: number; delta: number; kind: "blank" | "space" | "nbsp" };
  mixSeed: number;
  /** Windows-1252 as Swedish Excel writes it (characters it lacks become no-break spaces) */
  encoding: "utf-8" | "windows-1252";
  /** which fields are in quotes: none, the text fields, all, or some at random */
  quoting: "none" | "text" | "all" | "some";
  /** in a file that is not clean: a quoting problem in some lines */
  quoteTrouble: "none" | "line break" | "doubled" | "after closing" | "unclosed" | "delimiter inside";
}

const fileSpecArb: fc.Arbitrary<FileSpec> = fc.boolean().chain((clean) =>
  fc.nat(400).chain((many) => {
    const manyAreas = many > 250 ? many : 0;
    const row = clean
      ? fc.oneof({ weight: 12, arbitrary: dataRowArb(false, manyAreas) }, { weight: 1, arbitrary: blankRowArb })
      : fc.oneof({ weight: 12, arbitrary: dataRowArb(true, manyAreas) }, { weight: 1, arbitrary: blankRowArb }, { weight: 1, arbitrary: notBlankRowArb });
    return fc.record({
      delimiter: fc.constantFrom<";" | "," | "\t">(";", ";", ",", "\t"),
      bom: fc.constantFrom(0, 0, 1, 1, 2),
      blankBefore: clean ? fc.constant("") : fc.oneof({ weight: 20, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom("\n", "\r\n", " ;\n", "\r") }),
      headerEol: clean ? fc.constantFrom("\n", "\r\n") : fc.oneof({ weight: 12, arbitrary: fc.constantFrom("\n", "\r\n") }, { weight: 2, arbitrary: fc.constant("\r") }, { weight: 1, arbitrary: fc.constantFrom("\r\r\n", "\n\n") }),
      eol: clean ? fc.constantFrom<FileSpec["eol"]>("lf", "crlf", "mixed") : fc.constantFrom<FileSpec["eol"]>("lf", "crlf", "mixed", "some-cr"),
      finalEol: fc.constantFrom<FileSpec["finalEol"]>("", "\n", "\r\n", ...(clean ? [] : ["\r" as const])),
      yearCols: fc.constantFrom<FileSpec["yearCols"]>("year", "date", "both", "both"),
      valueCols: fc.constantFrom<FileSpec["valueCols"]>("points", "amount", "both", "both"),
      extras: fc.nat(2),
      order: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
      spelling: fc.nat(20),
      headerTrouble: clean ? fc.constant<"none">("none") : fc.constantFrom<FileSpec["headerTrouble"]>(...Array<"none">(30).fill("none"), "missing", "duplicate", "quoted"),
      headerQuoting: fc.constantFrom<FileSpec["headerQuoting"]>("none", "none", "all", "all", "some", "doubled", "line break"),
      clean: fc.constant(clean),
      rows: fc.array(row, { minLength: 0, maxLength: manyAreas ? 300 : 40 }),
      long: fc.oneof(
        { weight: 80, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.record({ at: fc.nat(), delta: fc.integer({ min: -2, max: 2 }), kind: fc.constantFrom<"blank" | "space" | "nbsp">("blank", "space", "nbsp") }) },
      ),
      mixSeed: fc.nat(),
      encoding: fc.constantFrom<FileSpec["encoding"]>("utf-8", "utf-8", "windows-1252"),
      quoting: fc.constantFrom<FileSpec["quoting"]>("none", "none", "text", "all", "some"),
      quoteTrouble: clean ? fc.constant<"none">("none") : fc.constantFrom<FileSpec["quoteTrouble"]>(...Array<"none">(6).fill("none"), "line break", "doubled", "after closing", "unclosed", "delimiter inside"),
    });
  }),
);

/** The file's bytes, from the spec. */
function buildFile(spec: FileSpec): Buffer {
  const d = spec.delimiter;
  let cols: Col[] = ["seller", "buyer", "area"];
  if (spec.yearCols !== "date") cols.push("year");
  if (spec.yearCols !== "year") cols.push("date");
  if (spec.valueCols !== "amount") cols.push("points");
  if (spec.valueCols !== "points") cols.push("amount");
  cols.push(...(["drg", "patient"] as Col[]).slice(0, spec.extras));
  cols = cols.map((c, i) => ({ c, k: spec.order[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.c);
  const names = cols.map((c) => {
    const list = HEADER_NAMES[c];
    return list[spec.spelling % list.length] as string;
  });
  if (spec.headerTrouble === "missing") names.splice(cols.indexOf("area"), 1, "område");
  if (spec.headerTrouble === "duplicate") names.push("Seller");
  if (spec.headerTrouble === "quoted") names[0] = `"${names[0]}"`;
  if (spec.headerQuoting !== "none") {
    let k = spec.mixSeed;
    names.forEach((n, i) => {
      if (n.startsWith('"')) return;
      const extra = cols[i] === "drg" || cols[i] === "patient";
      if (extra && spec.headerQuoting === "doubled") names[i] = `"${n}""x"""`;
      else if (extra && spec.headerQuoting === "line break") names[i] = `"${n}${k % 2 ? "\r\n" : "\n"}(${spec.delimiter})"`;
      else if (spec.headerQuoting !== "some" || (k = (k * 1103515245 + 12345) % 2147483648) % 2 === 0) names[i] = `"${n}"`;
    });
  }
  // a value in a clean file never holds the delimiter
  const safe = (v: string): string => (spec.clean ? v.split(d).join(d === "," ? "." : d === "\t" ? " " : ",") : v);
  let mix = spec.mixSeed;
  const eol = (): string => {
    mix = (mix * 1103515245 + 12345) % 2147483648;
    if (spec.eol === "lf") return "\n";
    if (spec.eol === "crlf") return "\r\n";
    if (spec.eol === "mixed") return mix % 3 === 0 ? "\r\n" : "\n";
    return mix % 7 === 0 ? "\r" : "\n";
  };
  const lines: string[] = [];
  spec.rows.forEach((r, k) => {
    if (r.kind === "blank") {
      lines.push(r.fields.join(d));
      return;
    }
    if (r.kind === "notBlank") {
      const f = [...r.fields];
      f.splice(r.at, 0, r.text);
      lines.push(f.join(d));
      return;
    }
    let yearText = r.yearText;
    let dateText = r.dateText;
    let points = r.points;
    let amount = r.amount;
    if (spec.clean) {
      // a clean row has what it needs: a year or a date, a value, a date for points when the price changes
      if (spec.yearCols === "year" && yearText.trim() === "") yearText = String(r.year);
      if (spec.yearCols === "date" && dateText.trim() === "") dateText = `${r.year}-05-05`;
      if (spec.yearCols === "both" && yearText.trim() === "" && dateText.trim() === "") yearText = String(r.year);
      if (spec.valueCols === "both" && points.trim() === "" && amount.trim() === "") amount = "1,00";
      if (spec.valueCols === "points" && points.trim() === "") points = "0,5";
      if (spec.valueCols === "amount" && amount.trim() === "") amount = "12,50";
      const pointsOnly = spec.valueCols === "points" || (spec.valueCols === "both" && amount.trim() === "");
      if (pointsOnly && spec.yearCols === "year") {
        if (spec.valueCols === "both") amount = "2,00";
        else yearText = "2024";
      } else if (pointsOnly && dateText.trim() === "") dateText = `${yearText.trim() || r.year}-03-03`;
      if (spec.delimiter === ",") [points, amount] = [points.replace(",", "."), amount.replace(",", ".")];
    }
    const value: Record<Col, string> = { year: yearText, date: dateText, seller: r.seller, buyer: r.buyer, area: r.area, points, amount, drg: r.extra, patient: `P${k}` };
    const fields = cols.map((c) => {
      mix = (mix * 1103515245 + 12345) % 2147483648;
      const quoted = spec.quoting === "all" || (spec.quoting === "text" && TEXT_COLS.has(c)) || (spec.quoting === "some" && mix % 3 === 0);
      return quoted ? `"${value[c].replace(/"/g, '""')}"` : safe(value[c]);
    });
    if (spec.quoteTrouble !== "none" && mix % 4 === 0) {
      const at = mix % fields.length;
      const v = fields[at] as string;
      fields[at] = { "line break": `"${v}\n${v}"`, doubled: `"${v.slice(0, 1)}""${v.slice(1)}"`, "after closing": `"${v}"x`, unclosed: `"${v}`, "delimiter inside": `"${v}${d}${v}"` }[spec.quoteTrouble];
    }
    if (spec.headerTrouble === "duplicate") fields.push(safe(r.seller));
    if (r.shape === "extraEmpty") fields.push("");
    if (r.shape === "missing") fields.pop();
    if (r.shape === "extraValue") fields.push("X");
    lines.push(fields.join(d));
  });
  if (spec.long && lines.length > 0) {
    // one line whose length (with its line end) is MAX_RECORD_LENGTH + delta bytes
    const k = spec.long.at % lines.length;
    const target = MAX_RECORD_LENGTH + spec.long.delta - 1;
    if (spec.long.kind === "blank") lines[k] = " ".repeat(target);
    else {
      const line = lines[k] as string;
      const cp = spec.encoding === "windows-1252";
      const bytes = cp ? line.length : Buffer.byteLength(line);
      if (bytes < target) lines[k] = spec.long.kind === "space" ? " ".repeat(target - bytes) + line : "\u00a0".repeat(Math.floor((target - bytes) / (cp ? 1 : 2))) + line;
    }
  }
  let text = spec.blankBefore + names.join(d) + spec.headerEol;
  lines.forEach((l, k) => {
    text += l + (k + 1 < lines.length ? eol() : spec.finalEol);
  });
  // a Windows-1252 file rarely has a UTF-8 BOM (then it is read as UTF-8, with errors)
  if (spec.encoding === "windows-1252") return Buffer.concat([Buffer.from("\ufeff".repeat(spec.mixSeed % 5 === 0 ? spec.bom : 0), "utf8"), cp1252Bytes(text, true)]);
  return Buffer.concat([Buffer.from("\ufeff".repeat(spec.bom), "utf8"), Buffer.from(text, "utf8")]);
}

const TARIFF_2025 = (() => {
  const t = readTariffFile(TARIFF, new DiagnosticBag());
  if (!t) throw new Error("the 2025 tariff does not load");
  return t.tariff;
})();

interface Tally {
  runs: number;
  fast: number;
  generalErrors: number;
  reasons: Map<string, number>;
}

/**
 * One file through both readers. When the fast reader accepts it, the general reader must have
 * found no error, and the summaries (rows, skips, areas in order with their cells and firstAt)
 * and file descriptions must be identical.
 */
async function compareReaders(file: string, fast: FastOptions, generalChunk: number | undefined, tally: Tally): Promise<boolean> {
  const bag = new DiagnosticBag();
  const acc = new ConsumptionAccumulator(TARIFF_2025, bag, file);
  const info = await readConsumptionFile(file, acc, bag, { chunkSize: generalChunk });
  const f = await readConsumptionFast(file, TARIFF_2025, { workers: 0, ...fast });
  tally.runs++;
  if (bag.hasErrors) tally.generalErrors++;
  if (!f.ok) {
    // a hand-over of a file the general reader reads without error is marked: speed left behind
    const reason = bag.hasErrors ? f.reason : `${f.reason} (the general reader: no error)`;
    tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + 1);
    expect(f.reason).not.toMatch(/^internal/); // a scanner bug, never a property of the file
    return false;
  }
  tally.fast++;
  expect(bag.items.filter((x) => x.severity === "error").map((x) => renderDiagnostic(x, "en"))).toEqual([]);
  expect(f.summary).toEqual(acc.summary);
  expect(f.info).toEqual(info);
  return true;
}

describe("fast reader = general reader, on every kind of line", () => {
  it(`gives identical summaries (firstAt included) or hands over (${FUZZ_RUNS} files, seed ${FUZZ_SEED})`, { timeout: 600_000 }, async () => {
    const dir = tempDir();
    const tally: Tally = { runs: 0, fast: 0, generalErrors: 0, reasons: new Map() };
    let runs = 0;
    let calculated = 0;
    let fastCp1252 = 0;
    let fastQuoted = 0;
    let fastQuotedHeader = 0;
    let fastHeaderLineBreak = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fileSpecArb,
        fc.integer({ min: 1, max: 8 }),
        fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 5000 }), fc.constant(undefined)),
        fc.oneof(fc.integer({ min: 1, max: 512 }), fc.constant(undefined)),
        fc.constantFrom<"wasm" | "js">("wasm", "js"),
        fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(undefined)),
        async (spec, ranges, chunkSize, generalChunk, walker, pieceSize) => {
          const file = join(dir, `w${runs++}.csv`);
          writeFileSync(file, buildFile(spec));
          // a long line read in tiny chunks is slow in the general tokenizer (it re-reads the record)
          const read = await compareReaders(file, { slots: ranges, chunkSize, walker, pieceSize }, spec.long ? undefined : generalChunk, tally);
          if (read && spec.encoding === "windows-1252") fastCp1252++;
          if (read && spec.quoting !== "none") fastQuoted++;
          if (read && spec.headerQuoting !== "none") fastQuotedHeader++;
          if (read && spec.headerQuoting === "line break" && spec.extras > 0) fastHeaderLineBreak++;
          // the whole run, every third file: results, warnings (with positions) and errors agree
          if (runs % 3 === 0) {
            calculated++;
            const general = await outcome(file, "general");
            const fast = await outcome(file, "fast", { slots: ranges, chunkSize, walker, pieceSize });
            const strip = (o: Outcome) => (o.ok ? { ok: true, json: o.json } : o);
            expect(strip(fast)).toEqual(strip(general));
          }
        },
      ),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    const reasons = [...tally.reasons].sort((a, b) => b[1] - a[1]);
    if (process.env.VARDAVTAL_FUZZ_VERBOSE) {
      console.log(`${tally.runs} files in ${Date.now() - started} ms: fast ${tally.fast} (Windows-1252 ${fastCp1252}, quoted ${fastQuoted}, quoted header ${fastQuotedHeader}, header over lines ${fastHeaderLineBreak}), general errors ${tally.generalErrors}, whole runs ${calculated}`);
      for (const [r, c] of reasons) console.log(`  ${c}\t${r}`);
    }
    // Not vacuous: the fast reader itself read a substantial share, and handed over for many reasons.
    expect(tally.fast / tally.runs).toBeGreaterThan(0.3);
    expect(tally.reasons.size).toBeGreaterThan(8);
    // … Windows-1252 and quoted files among them
    expect(fastCp1252 / tally.runs).toBeGreaterThan(0.04);
    expect(fastQuoted / tally.runs).toBeGreaterThan(0.15);
    // … and headers in quotes (all, some, a doubled quote, a line break inside quotes)
    expect(fastQuotedHeader / tally.runs).toBeGreaterThan(0.15);
    expect(fastHeaderLineBreak / tally.runs).toBeGreaterThan(0.02);
  });
});

describe("fast reader regressions", () => {
  const HEAD = "år;säljare;köpare;verksamhet;belopp";
  const ROWS = ["2025;RJL;RKL;primärvård;100,00", "2025;RÖ;RJL;neurokirurgi;5000,00", "2025;RKL;RÖ;ortopedi;12,50"];

  it("a header that ends in a lone CR, or after blank lines: the fast reader reads it, every row is counted, the net is the one of the LF file", async () => {
    const dir = tempDir();
    const lf = join(dir, "lf.csv");
    const cr = join(dir, "cr.csv");
    writeFileSync(lf, `${HEAD}\n${ROWS.join("\n")}\n`);
    writeFileSync(cr, `${HEAD}\r${ROWS.join("\n")}\n`);
    const fast = await readConsumptionFast(cr, TARIFF_2025, { workers: 0 });
    expect(fast.ok).toBe(true);
    const viaFast = await outcome(cr, "fast", { slots: 2, chunkSize: 16 });
    const reference = await outcome(lf, "general");
    expect(viaFast.ok && reference.ok).toBe(true);
    expect(viaFast.ok && viaFast.reader).toBe("fast");
    const net = (o: Outcome) => (o.ok ? (o.json as { net: unknown; rows: unknown }) : undefined);
    expect(net(viaFast)?.net).toEqual(net(reference)?.net);
    expect(net(viaFast)?.rows).toEqual({ read: 3, counted: 3 });
    const strip = (o: Outcome) => (o.ok ? { ok: true, json: o.json } : o);
    expect(strip(viaFast)).toEqual(strip(await outcome(cr, "general")));
    // with a CRLF header and a BOM the fast reader reads it itself, with the same result
    const crlf = join(dir, "crlf.csv");
    writeFileSync(crlf, `\ufeff${HEAD}\r\n${ROWS.join("\n")}\n`);
    const own = await outcome(crlf, "fast", { slots: 2, chunkSize: 16 });
    expect(own.ok && own.reader).toBe("fast");
    expect(net(own)?.net).toEqual(net(reference)?.net);
    // blank lines before the header are skipped: the header is the first line with text, and the
    // data's lines are counted from there (an area's first row keeps its line)
    const blankFirst = join(dir, "blank-first.csv");
    writeFileSync(blankFirst, `\n\r\n${HEAD}\n${ROWS.join("\n")}\n`);
    const blank = await outcome(blankFirst, "fast", { slots: 2 });
    expect(blank.ok && blank.reader).toBe("fast");
    expect(net(blank)?.net).toEqual(net(reference)?.net);
    expect(strip(blank)).toEqual(strip(await outcome(blankFirst, "general")));
  });

  it("a header in quotes (every name, some, a doubled quote, a line break inside quotes): read by the fast reader, summary identical to the general reader's", async () => {
    const dir = tempDir();
    const body = ["2025;2025-02-01;RJL;RKL;primärvård;;100,00;A1", "2025;2025-03-01;RÖ;RJL;\"neurokirurgi\";2,5;;B2", "", "2025;2025-04-01;RKL;RÖ;ortopedi;;12,50;C3"].join("\n") + "\n";
    const headers = [
      '"år";"datum";"säljare";"köpare";"verksamhet";"poäng";"belopp";"drg"',
      'år;"datum";säljare;"köpare";verksamhet;poäng;"belopp";drg',
      '"år";"datum";"säljare";"köpare";"verksamhet";"poäng";"belopp";"drg ""kod"""',
      '"år";"datum";"säljare";"köpare";"verksamhet";"poäng";"belopp";"drg\r\nkod;x"',
      '\ufeff"år";"datum";"säljare";"köpare";"verksamhet";"poäng";"belopp";"drg\nkod"',
    ];
    for (const [k, header] of headers.entries()) {
      for (const [name, bytes] of [
        ["utf8", Buffer.from(`${header}\n${body}`, "utf8")],
        ["cp1252", cp1252Bytes(`${header.replace("\ufeff", "")}\r\n${body.replace(/\n/g, "\r\n")}`, false)],
      ] as const) {
        const file = join(dir, `h${k}-${name}.csv`);
        writeFileSync(file, bytes);
        const bag = new DiagnosticBag();
        const acc = new ConsumptionAccumulator(TARIFF_2025, bag, file);
        const info = await readConsumptionFile(file, acc, bag);
        expect(bag.hasErrors).toBe(false);
        for (const chunkSize of [1, 7, 64, undefined]) {
          const f = await readConsumptionFast(file, TARIFF_2025, { workers: 0, slots: 2, chunkSize });
          expect(f).toEqual({ ok: true, summary: acc.summary, info });
        }
        // the areas' first rows keep their lines: after a header over two lines, one further down
        const firstAt = acc.summary.areas.map((a) => a.firstAt?.line);
        expect(firstAt).toEqual(header.includes("\n") ? [3, 4, 6] : [2, 3, 5]);
      }
    }
  });

  it("lines of delimiters: skipped whatever their field count; `;;;;;;X` and extra empty fields are errors", async () => {
    const dir = tempDir();
    const blank = join(dir, "blank.csv");
    writeFileSync(blank, `${HEAD}\n${ROWS[0]}\n;;;;;;\n \t; ;\t\n;\n\n${ROWS[1]}\n;;;;;;;;;;;;\n`);
    const fast = await readConsumptionFast(blank, TARIFF_2025, { workers: 0, slots: 3, chunkSize: 7 });
    expect(fast.ok).toBe(true);
    const g = await outcome(blank, "general");
    expect(await outcome(blank, "fast", { slots: 3, chunkSize: 7 })).toEqual({ ...g, reader: "fast" });
    for (const [name, line] of [
      ["x-after", ";;;;;;X"],
      ["x-width", ";;;;X"],
      ["x-first", "X;;;;;;"],
      ["extra-empty", `${ROWS[2]};`],
      ["fewer", "2025;RJL;RKL;primärvård"],
      ["ideographic", "\u3000;;;;"],
      ["nbsp", ";;\u00a0;;;;"],
      ["vertical-tab", ";\u000b;;;"],
    ] as const) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, `${HEAD}\n${ROWS[0]}\n${line}\n${ROWS[1]}\n`);
      const r = await readConsumptionFast(file, TARIFF_2025, { workers: 0, slots: 2, chunkSize: 5 });
      expect(r.ok, name).toBe(false);
      const general = await outcome(file, "general");
      expect(general.ok, name).toBe(false);
      expect(await outcome(file, "fast", { slots: 2, chunkSize: 5 }), name).toEqual(general);
    }
    const counts = await outcome(join(dir, "x-after.csv"), "general");
    expect(counts.ok ? [] : counts.errors.map((e) => /\[(\w+)\]/.exec(e)?.[1])).toEqual(["CSV_FIELD_COUNT"]);
  });

  // in process: the file is refused before any worker thread would start
  it("--reader fast on a missing file or a directory: FILE_READ, exit code 2, as the general reader", async () => {
    const dir = tempDir();
    for (const consumption of [join(dir, "finns-inte.csv"), dir]) {
      const fast = await runMain(["calculate", "--tariff", TARIFF, "--consumption", consumption, "--reader", "fast", "--lang", "en"]);
      const general = await runMain(["calculate", "--tariff", TARIFF, "--consumption", consumption, "--reader", "general", "--lang", "en"]);
      expect(fast.code).toBe(2);
      expect(fast.stderr).toContain("error[FILE_READ]");
      expect(fast.stderr).not.toContain("internal error");
      expect(fast).toEqual(general);
    }
  });

  it("a file-system problem or a worker that cannot start hands over to the general reader", async () => {
    const dir = tempDir();
    expect(await readConsumptionFast(join(dir, "none.csv"), TARIFF_2025, { workers: 0 })).toEqual({ ok: false, reason: "the file could not be read (ENOENT)" });
    expect(await readConsumptionFast(dir, TARIFF_2025, { workers: 0 })).toEqual({ ok: false, reason: "not a regular file" });
    // Run from the sources, worker.js does not exist next to reader.ts: as in a bundle without it.
    const file = join(dir, "plain.csv");
    writeFileSync(file, `${HEAD}\n${ROWS.join("\n")}\n`);
    const r = await readConsumptionFast(file, TARIFF_2025, { workers: 2, slots: 3 });
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.reason).toMatch(/worker thread/);
    const viaWorkers = await outcome(file, "fast", { slots: 3, workers: 2 });
    expect(viaWorkers.ok && viaWorkers.reader).toMatch(/^general \(a worker thread/);
    expect(viaWorkers.ok && viaWorkers.json).toEqual(((await outcome(file, "general")) as { json: unknown }).json);
  });

  it("firstAt: the general reader's line and column (UTF-16, after leading blanks), across ranges", async () => {
    const dir = tempDir();
    const file = join(dir, "first.csv");
    const lines = [
      "år;säljare;köpare;verksamhet;belopp",
      "2024;Region Östergötland;RJL;\t\u00a0tandvård;1,00", // another year: not counted
      ";;;;",
      "",
      "2025;Region Östergötland;RJL;\t\u00a0tandvård;1,00", // line 5: counted; column 1+4+1+19+1+3+1 = 30, +2 blanks
      "2025;RJL;RJL;ögon 😀;1,00", // own region: not counted
      "2025;RJL;Kalmar;\u3000ögon 😀;1,00", // U+3000 is no leading blank
      "2025;Jönköping;Kalmar;ögon 😀;1,00", // line 8: same key
      "2025;RKL;RJL;Tandvård;3,00",
    ];
    writeFileSync(file, `${lines.join("\r\n")}\r\n`);
    const bag = new DiagnosticBag();
    const acc = new ConsumptionAccumulator(TARIFF_2025, bag, file);
    await readConsumptionFile(file, acc, bag);
    expect(bag.items).toEqual([]);
    const at = (key: string) => acc.summary.areas.find((a) => a.key === key)?.firstAt;
    expect(at("tandvård")).toEqual({ file, line: 5, column: 32 });
    expect(at("ögon 😀")).toEqual({ file, line: 7, column: 17 });
    for (const ranges of [1, 2, 3, 5, 9]) {
      for (const chunkSize of [3, 17, 64, undefined]) {
        const f = await readConsumptionFast(file, TARIFF_2025, { workers: 0, slots: ranges, chunkSize });
        expect(f.ok && f.summary).toEqual(acc.summary);
      }
    }
    // and the unknown-area warnings point at the same place
    const g = await outcome(file, "general");
    expect(g.ok && (g.json as { warnings: string[] }).warnings.filter((w) => w.includes("UNKNOWN_AREA"))).toEqual([
      expect.stringContaining(`${file}:5:32: warning[UNKNOWN_AREA]`),
      expect.stringContaining(`${file}:7:17: warning[UNKNOWN_AREA]`),
    ]);
    expect(await outcome(file, "fast", { slots: 4, chunkSize: 20 })).toEqual({ ...g, reader: "fast" });
  });

  it("limits: numbers at and above them, MAX_AREAS areas, lines at and above MAX_RECORD_LENGTH", async () => {
    const dir = tempDir();
    const cases: [string, string, boolean][] = [
      ["amount-max", "2025;2025-03-01;RJL;RKL;primärvård;;1 000 000 000 000,00", true],
      ["amount-min", "2025;2025-03-01;RJL;RKL;primärvård;;\u22121000000000000.00", true],
      ["amount-over", "2025;2025-03-01;RJL;RKL;primärvård;;1000000000000,01", false],
      ["amount-under", "2025;2025-03-01;RJL;RKL;primärvård;;-1000000000000.01", false],
      ["points-max", "2025;2025-03-01;RJL;RKL;neurokirurgi;1000000000;", true],
      ["points-over", "2025;2025-03-01;RJL;RKL;neurokirurgi;1000000000,000001;", false],
      ["points-neg-over", "2025;2025-03-01;RJL;RKL;neurokirurgi;-1 000 000 000,000001;", false],
    ];
    for (const [name, row, accepted] of cases) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, `år;datum;säljare;köpare;verksamhet;poäng;belopp\n${row}\n`);
      await compareReaders(file, { slots: 2 }, undefined, { runs: 0, fast: 0, generalErrors: 0, reasons: new Map() });
      const r = await readConsumptionFast(file, TARIFF_2025, { workers: 0 });
      expect(r.ok ? "accepted" : r.reason, name).toBe(accepted ? "accepted" : "a number above the limit");
      const g = await outcome(file, "general");
      if (!accepted) expect(g.ok ? [] : g.errors.join("\n"), name).toContain("AMOUNT_TOO_LARGE");
    }

    // MAX_AREAS areas are fine; one more is the general reader's TOO_MANY_AREAS
    for (const extra of [0, 1]) {
      const file = join(dir, `areas-${extra}.csv`);
      const rows = ["år;säljare;köpare;verksamhet;belopp"];
      for (let k = 0; k < MAX_AREAS + extra; k++) rows.push(`2025;RJL;RKL;område ${k};1,00`);
      rows.push("2025;RJL;RKL;område 0;1,00");
      writeFileSync(file, rows.join("\n") + "\n");
      const bag = new DiagnosticBag();
      const acc = new ConsumptionAccumulator(TARIFF_2025, bag, file);
      await readConsumptionFile(file, acc, bag);
      const f = await readConsumptionFast(file, TARIFF_2025, { workers: 0, slots: 3 });
      if (extra === 0) {
        expect(bag.hasErrors).toBe(false);
        expect(f.ok && f.summary).toEqual(acc.summary);
      } else {
        expect(bag.items.map((d) => d.code)).toEqual(["TOO_MANY_AREAS"]);
        expect(f).toEqual({ ok: false, reason: "too many areas" });
      }
    }

    // a record of MAX_RECORD_LENGTH characters (line end included) is read; one more is an error
    for (const [name, length, accepted] of [
      ["at", MAX_RECORD_LENGTH, true],
      ["over", MAX_RECORD_LENGTH + 1, false],
      ["huge", 3 * MAX_RECORD_LENGTH, false],
    ] as const) {
      const file = join(dir, `long-${name}.csv`);
      writeFileSync(file, `${HEAD}\n${ROWS[0]}\n${" ".repeat(length - 1)}\n${ROWS[1]}\n`);
      const r = await readConsumptionFast(file, TARIFF_2025, { workers: 0, slots: 2, chunkSize: 1000 });
      expect(r.ok ? "accepted" : r.reason, name).toBe(accepted ? "accepted" : "a line that is too long");
      const g = await outcome(file, "general");
      expect(g.ok, name).toBe(accepted);
      if (!accepted) expect((g as { errors: string[] }).errors.join("\n")).toContain("CSV_RECORD_TOO_LONG");
      if (accepted) expect(await outcome(file, "fast", { slots: 2, chunkSize: 1000 })).toEqual({ ...g, reader: "fast" });
    }
    // read in chunks larger than a record: the unfinished line carried into the next slot is checked too
    const carried = join(dir, "long-carried.csv");
    writeFileSync(carried, `${HEAD}
${ROWS[0]}
${"a".repeat(5 * MAX_RECORD_LENGTH)}
`);
    expect(await readConsumptionFast(carried, TARIFF_2025, { workers: 0, chunkSize: 3 * MAX_RECORD_LENGTH })).toEqual({ ok: false, reason: "a line that is too long" });
  });
});
