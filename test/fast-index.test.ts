/**
 * The fast reader's structural index: the WebAssembly SIMD indexer writes exactly the positions a
 * plain byte loop finds (every delimiter, line feed and quote, ascending), for any range of any
 * bytes, aligned to 16 or not, and never one past the range's end.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newIndexMemory, newIndexer, type IndexMemory } from "../src/node/fast-index.js";

const SEED = Number(process.env.VARDAVTAL_FUZZ_SEED) || 20251123;

/** The positions a byte loop finds: the definition the indexers must meet. */
function expected(bytes: Uint8Array, start: number, end: number, delimiter: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) if (bytes[i] === delimiter || bytes[i] === 10 || bytes[i] === 34) out.push(i);
  return out;
}

const SIZE = 4096;
const CAPACITY = SIZE;

function memories(): { wasm: IndexMemory; js: IndexMemory } {
  const w = newIndexMemory(SIZE + 16 + CAPACITY * 4);
  const j = newIndexMemory(SIZE + 16 + CAPACITY * 4, false);
  const wasm: IndexMemory = { buffer: w.buffer, outAt: SIZE + 16, capacity: CAPACITY };
  if (w.memory) wasm.memory = w.memory;
  return { wasm, js: { buffer: j.buffer, outAt: SIZE + 16, capacity: CAPACITY } };
}

describe("structural index", () => {
  it("runs as WebAssembly SIMD on this Node", () => {
    expect(newIndexMemory(65536).memory).toBeDefined();
    expect(newIndexMemory(65536, false).memory).toBeUndefined();
  });

  it("finds exactly the delimiters, line feeds and quotes of any range, in WebAssembly and in the plain loop", () => {
    const { wasm, js } = memories();
    const wasmIndexer = newIndexer(wasm);
    const jsIndexer = newIndexer(js);
    // bytes drawn mostly from the characters that matter, so every block has several
    const byte = fc.oneof(fc.constantFrom(59, 44, 9, 10, 13, 34, 97, 48, 0xc3, 0xa5), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), fc.nat(40), fc.constantFrom(59, 44, 9), fc.nat(300), fc.nat(300), (bytesIn, offset, delimiter, a, b) => {
        const bytes = Uint8Array.from(bytesIn);
        for (const m of [wasm, js]) {
          const view = new Uint8Array(m.buffer, 0, SIZE + 16);
          // what lies after the range must not be indexed: fill it with delimiters
          view.fill(delimiter);
          view.set(bytes, offset);
        }
        const lo = offset + Math.min(a, bytes.length);
        const hi = offset + Math.min(Math.max(a, b), bytes.length);
        const want = expected(new Uint8Array(wasm.buffer), lo, hi, delimiter);
        const n = wasmIndexer.index(lo, hi, delimiter);
        expect(Array.from(wasmIndexer.positions.subarray(0, n))).toEqual(want);
        const m = jsIndexer.index(lo, hi, delimiter);
        expect(Array.from(jsIndexer.positions.subarray(0, m))).toEqual(want);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it("indexes a range where every byte is structural, up to its capacity", () => {
    const { wasm } = memories();
    const indexer = newIndexer(wasm);
    new Uint8Array(wasm.buffer, 0, SIZE + 16).fill(59);
    expect(indexer.index(0, SIZE, 59)).toBe(SIZE);
    expect(indexer.positions[SIZE - 1]).toBe(SIZE - 1);
    expect(indexer.index(5, 5, 59)).toBe(0);
  });
});
