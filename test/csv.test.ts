/**
 * The CSV reader: dialects, quoting, line endings, BOM, Windows-1252 and chunk boundaries that
 * fall anywhere, checked against csv-stringify's output for random records.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { CsvTokenizer, SniffingDecoder, detectDelimiter, emptyInfo, type CsvRecord } from "../src/read/csv.js";
import { readCsvFile } from "../src/node/files.js";
import { tempDir } from "./helpers.js";

function tokenizeInChunks(text: string, cuts: number[], delimiter?: string): { records: CsvRecord[]; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  const tok = new CsvTokenizer("t.csv", bag, delimiter);
  const records: CsvRecord[] = [];
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    records.push(...tok.push(text.slice(at, c)));
    at = c;
  }
  records.push(...tok.push(text.slice(at), true));
  return { records, bag };
}

const cell = fc.string({ unit: fc.constantFrom("a", "Ö", "å", " ", ";", ",", "\t", '"', "\n", "\r\n", "1", "−", "\u00a0"), maxLength: 8 });

describe("CsvTokenizer", () => {
  it("reads back what csv-stringify writes, whatever the delimiter, line ending and chunking", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(";", ",", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (rows, delimiter, eol, cuts) => {
          // a header line without specials, so that the delimiter is detected from it
          const header = ["år", "säljare", "belopp"];
          const text = stringify([header, ...rows], { delimiter, record_delimiter: eol === "\n" ? "unix" : "windows", quoted_match: /[\s"]/ });
          const { records, bag } = tokenizeInChunks(text, cuts.map((c) => c % (text.length + 1)));
          expect(bag.items).toEqual([]);
          expect(records.map((r) => r.fields)).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives each field its line and column", () => {
    const { records } = tokenizeInChunks('a;b;c\n1;"x\ny";3\n4;  5;6\n', []);
    expect(records[1]?.columns).toEqual([1, 3, 4]); // the third field starts on line 3, after `y";`
    expect(records[1]?.lines).toEqual([2, 2, 3]);
    expect(records[2]?.line).toBe(4);
    expect(records[2]?.columns).toEqual([1, 3, 7]);
  });

  it("reports an unclosed quote at its position", () => {
    const { bag } = tokenizeInChunks('a;b\n1;"open\n2;3\n', []);
    expect(bag.items.map((d) => [d.code, d.line, d.column])).toEqual([["CSV_QUOTE", 2, 3]]);
  });

  it("detects the delimiter from the header", () => {
    expect(detectDelimiter("år;datum;säljare")).toBe(";");
    expect(detectDelimiter("year,date,seller")).toBe(",");
    expect(detectDelimiter("YEAR\tdate\tseller")).toBe("\t");
    expect(detectDelimiter('"a,b";c;d')).toBe(";");
  });
});

describe("SniffingDecoder", () => {
  const decodeAll = (bytes: Buffer, cut: number) => {
    const d = new SniffingDecoder();
    const text = d.decode(bytes.subarray(0, cut)) + d.decode(bytes.subarray(cut)) + d.end();
    return { text, encoding: d.encoding, bom: d.bom };
  };
  const sample = "år;säljare\n2025;RÖ\n2025;Östergötland €\n";

  it("reads UTF-8, UTF-8 with BOM and Windows-1252 without mojibake, split anywhere", () => {
    const utf8 = Buffer.from(sample, "utf8");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const cp1252 = Buffer.from(sample.replace("€", "\u0080").replace(/[^\n]/g, (c) => c), "latin1");
    cp1252[cp1252.length - 2] = 0x80; // € in Windows-1252
    for (let cut = 0; cut <= utf8.length; cut++) {
      expect(decodeAll(utf8, cut)).toEqual({ text: sample, encoding: "utf-8", bom: false });
      expect(decodeAll(bom, Math.min(cut, bom.length))).toEqual({ text: sample, encoding: "utf-8", bom: true });
      expect(decodeAll(cp1252, Math.min(cut, cp1252.length))).toEqual({ text: sample, encoding: "windows-1252", bom: false });
    }
  });

  it("reads whole files and hashes them", async () => {
    const dir = tempDir();
    const file = join(dir, "x.csv");
    writeFileSync(file, Buffer.from("år;säljare\r\n2025;RÖ\r\n", "latin1"));
    const info = emptyInfo(file);
    const bag = new DiagnosticBag();
    const records: CsvRecord[] = [];
    for await (const batch of readCsvFile(file, bag, info, { chunkSize: 3 })) records.push(...batch);
    expect(records.map((r) => r.fields)).toEqual([["år", "säljare"], ["2025", "RÖ"]]);
    expect(info.encoding).toBe("windows-1252");
    expect(info.delimiter).toBe(";");
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
