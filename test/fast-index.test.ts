/**
 * The fast reader's line walker: the WebAssembly SIMD function writes exactly the records of the
 * plain loop (`walkLines`, its definition) for any lines of any bytes: quotes opened, closed,
 * doubled or left open, text after a closing quote, CRLF, delimiters in and out of quotes, ranges
 * aligned to 16 or not, any number of fields kept. And the records say what the lines hold.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newIndexMemory, newWalker, recordSize, walkLines, type IndexMemory } from "../src/read/fast/walker.js";

const SEED = Number(process.env.VARDAVTAL_FUZZ_SEED) || 20251123;

const SIZE = 4096;
const CAPACITY = recordSize(12) * SIZE;

function memories(): { wasm: IndexMemory; js: IndexMemory } {
  const w = newIndexMemory(SIZE + 16 + CAPACITY * 4);
  const j = newIndexMemory(SIZE + 16 + CAPACITY * 4, false);
  const wasm: IndexMemory = { buffer: w.buffer, outAt: SIZE + 16, capacity: CAPACITY };
  if (w.memory) wasm.memory = w.memory;
  return { wasm, js: { buffer: j.buffer, outAt: SIZE + 16, capacity: CAPACITY } };
}

/**
 * The records of n lines, as arrays: fields past a line's count are not part of its record, nor
 * are the fields of a flagged line (the scanner walks it again).
 */
function records(r: Int32Array, n: number, kept: number): number[][] {
  const rs = recordSize(kept);
  return Array.from({ length: n }, (_, k) => {
    const rec = Array.from(r.subarray(k * rs, (k + 1) * rs));
    return rec.slice(0, rec[3] === 0 ? 4 + 2 * Math.min(kept, rec[2] as number) : 4);
  });
}

describe("line walker", () => {
  it("runs as WebAssembly SIMD on this Node", () => {
    expect(newIndexMemory(65536).memory).toBeDefined();
    expect(newIndexMemory(65536, false).memory).toBeUndefined();
  });

  it("writes the records of the plain loop for lines where every field is quoted (a closing quote at every place in a block)", () => {
    const { wasm, js } = memories();
    const wasmWalker = newWalker(wasm);
    const jsWalker = newWalker(js);
    const value = fc.array(fc.constantFrom(97, 48, 32, 0xc3, 0xa5, 59, 44, 9), { maxLength: 19 });
    const line = fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.nat(40), fc.constantFrom(59, 44, 9), fc.integer({ min: 1, max: 12 }), fc.boolean(), (lines, offset, delimiter, kept, crlf) => {
        const bytes = lines.flatMap((fields) => [...fields.flatMap(([v, quoted], i) => [...(i > 0 ? [delimiter] : []), ...(quoted ? [34, ...v, 34] : v.filter((c) => c !== delimiter))]), ...(crlf ? [13] : []), 10]);
        for (const m of [wasm, js]) {
          const view = new Uint8Array(m.buffer, 0, SIZE + 16);
          for (let i = 0; i < view.length; i++) view[i] = [97, delimiter, 10][i % 3] as number;
          view.set(bytes, offset);
        }
        const want = new Int32Array(CAPACITY);
        const n = walkLines(new Uint8Array(wasm.buffer), offset, offset + bytes.length, delimiter, kept, want);
        expect(n).toBe(lines.length);
        const expected = records(want, n, kept);
        expect(expected.every((r) => r[3] === 0)).toBe(true); // nothing for the exact rules: every value is read from the record
        expect(records(wasmWalker.records, wasmWalker.walk(offset, offset + bytes.length, delimiter, kept), kept)).toEqual(expected);
        expect(records(jsWalker.records, jsWalker.walk(offset, offset + bytes.length, delimiter, kept), kept)).toEqual(expected);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it("writes the records of the plain loop, in WebAssembly and as a fallback, for any lines", () => {
    const { wasm, js } = memories();
    const wasmWalker = newWalker(wasm);
    const jsWalker = newWalker(js);
    // bytes drawn mostly from the ones that matter, so every block has several
    const byte = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(59, 44, 9, 10, 13, 34, 34, 97, 48, 0xc3, 0xa5, 32) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 400 }), fc.nat(40), fc.constantFrom(59, 44, 9), fc.integer({ min: 1, max: 12 }), (bytesIn, offset, delimiter, kept) => {
        // whole lines: the range ends with a line feed
        const bytes = [...bytesIn, 10];
        for (const m of [wasm, js]) {
          const view = new Uint8Array(m.buffer, 0, SIZE + 16);
          // what lies after the range must not be walked: fill it with short lines, that would be records
          for (let i = 0; i < view.length; i++) view[i] = [97, delimiter, 10][i % 3] as number;
          view.set(bytes, offset);
        }
        const lo = offset;
        const hi = offset + bytes.length;
        const want = new Int32Array(CAPACITY);
        const n = walkLines(new Uint8Array(wasm.buffer), lo, hi, delimiter, kept, want);
        // every line feed ends a record (one inside quotes too: that record is flagged)
        expect(n).toBe(bytes.filter((c) => c === 10).length);
        const expected = records(want, n, kept);
        expect(records(wasmWalker.records, wasmWalker.walk(lo, hi, delimiter, kept), kept)).toEqual(expected);
        expect(records(jsWalker.records, jsWalker.walk(lo, hi, delimiter, kept), kept)).toEqual(expected);
        // every record ends at a line feed, the last one at the range's end
        if (n > 0) expect(want[(n - 1) * recordSize(kept) + 1]).toBe(hi - 1);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it("splits plain, quoted and CRLF lines into their fields", () => {
    const { wasm } = memories();
    const walker = newWalker(wasm);
    const text = 'a;bb;;ccc\r\n"x;y";"";z\n"a""b";c\n"a"b;c\n"open;\nend\n';
    const b = new Uint8Array(wasm.buffer, 0, SIZE);
    b.set(Buffer.from(text, "latin1"));
    const n = walker.walk(0, text.length, 59, 4);
    const lines = records(walker.records, n, 4).map(([ls, lf, fields, flag, ...bounds]) => ({
      line: text.slice(ls, lf),
      fields,
      flag,
      values: flag === 0 ? Array.from({ length: Math.min(4, fields as number) }, (_, f) => text.slice(bounds[2 * f], bounds[2 * f + 1])) : [],
    }));
    expect(lines).toEqual([
      { line: "a;bb;;ccc\r", fields: 4, flag: 0, values: ["a", "bb", "", "ccc"] },
      { line: '"x;y";"";z', fields: 3, flag: 0, values: ["x;y", "", "z"] },
      // a doubled quote, text after a closing quote, a line feed inside quotes: the scanner's own rules decide
      { line: '"a""b";c', fields: 1, flag: 1, values: [] },
      { line: '"a"b;c', fields: 1, flag: 1, values: [] },
      { line: '"open;', fields: 1, flag: 1, values: [] },
      { line: "end", fields: 1, flag: 0, values: ["end"] },
    ]);
  });
});
