/**
 * The fast reader's structural index: the positions of every delimiter, line feed and double
 * quote in a range of bytes, in order. The scanner walks these positions instead of every byte.
 *
 * The index is built by a small WebAssembly function that compares 16 bytes at a time (SIMD) and
 * writes the position of each match; where WebAssembly or its SIMD instructions are not there
 * (`node --jitless`, an old engine), a plain loop writes the same positions. The WebAssembly
 * module is assembled here from the listing below, so the source of every byte is in this file.
 *
 * The bytes live in the pipe's shared memory (a shared WebAssembly.Memory when WebAssembly is
 * there), and each thread writes its positions into an area of its own after the slots.
 */

/** What this file uses of the WebAssembly JS API (the Node typings at our minimum have none of it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}
interface WasmApi {
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}
interface WasmModule {
  readonly __wasmModule?: never;
}
/** undefined where there is no WebAssembly (`node --jitless`) */
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** The positions of one range: `positions[0 … count)`. */
export interface Indexer {
  readonly positions: Int32Array;
  /**
   * Writes the positions of every delimiter, line feed and double quote in bytes[start, end)
   * to `positions`, ascending, and returns how many there are. `end − start` is at most the
   * capacity the indexer was made for.
   */
  index(start: number, end: number, delimiter: number): number;
}

const LF = 10;
const QUOTE = 34;

/** The memory of the pipe: the bytes, and for WebAssembly the Memory they live in. */
export interface IndexMemory {
  /** the shared memory: a WebAssembly.Memory's buffer, or a plain SharedArrayBuffer */
  buffer: SharedArrayBuffer;
  memory?: WasmMemory;
  /** where this thread's positions go (bytes, a multiple of 16), and how many fit */
  outAt: number;
  capacity: number;
}

/**
 * A shared memory of at least `bytes` bytes: a WebAssembly.Memory when the SIMD indexer can run
 * here, else a SharedArrayBuffer.
 */
export function newIndexMemory(bytes: number, useWasm = true): { buffer: SharedArrayBuffer; memory?: WasmMemory } {
  const pages = Math.ceil(bytes / 65536);
  if (useWasm && wasm && wasmModule() !== undefined) {
    try {
      const memory = new wasm.Memory({ initial: pages, maximum: pages, shared: true });
      return { buffer: memory.buffer as unknown as SharedArrayBuffer, memory };
    } catch {
      // no shared WebAssembly memory here: the plain loop indexes
    }
  }
  return { buffer: new SharedArrayBuffer(pages * 65536) };
}

/** The indexer for one thread: the WebAssembly one when the memory is a WebAssembly.Memory. */
export function newIndexer(m: IndexMemory): Indexer {
  const positions = new Int32Array(m.buffer, m.outAt, m.capacity);
  const module = m.memory ? wasmModule() : undefined;
  if (wasm && module && m.memory) {
    const instance = new wasm.Instance(module, { e: { m: m.memory } });
    const fn = instance.exports["index"] as (start: number, end: number, out: number, delimiter: number) => number;
    const out = m.outAt;
    return { positions, index: (start, end, delimiter) => (fn(start, end, out, delimiter) - out) >> 2 };
  }
  const bytes = new Uint8Array(m.buffer);
  return {
    positions,
    index(start, end, delimiter) {
      let n = 0;
      for (let i = start; i < end; i++) {
        const c = bytes[i] as number;
        if (c === delimiter || c === LF || c === QUOTE) positions[n++] = i;
      }
      return n;
    },
  };
}

/** Bytes the WebAssembly function may read past the end of a range (it loads 16 at a time). */
export const INDEX_OVERREAD = 16;

let compiled: WasmModule | null | undefined;

/** The compiled module, or undefined when this engine cannot run it. */
function wasmModule(): WasmModule | undefined {
  if (compiled === undefined) {
    compiled = null;
    try {
      const bytes = assemble();
      if (wasm && wasm.validate(bytes)) compiled = new wasm.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

// ---- The WebAssembly module, assembled from its listing --------------------------------------

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

const I32 = 0x7f;
const V128 = 0x7b;
// instructions (WebAssembly core 2.0: numeric, memory, control, and the fixed-width SIMD ones)
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (n: number) => [0x41, ...sleb(n)];
const br = (depth: number) => [0x0c, ...uleb(depth)];
const brIf = (depth: number) => [0x0d, ...uleb(depth)];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const IF = [0x04, 0x40];
const END = [0x0b];
const ADD = [0x6a];
const SUB = [0x6b];
const AND = [0x71];
const SHL = [0x74];
const CTZ = [0x68];
const EQZ = [0x45];
const LT_U = [0x49];
const GE_U = [0x4f];
const STORE = [0x36, 2, 0]; // i32.store, align 4, offset 0
const V128_LOAD = [0xfd, 0x00, 0, 0]; // align 1, offset 0
const SPLAT = [0xfd, 0x0f]; // i8x16.splat
const EQ = [0xfd, 0x23]; // i8x16.eq
const OR = [0xfd, 0x50]; // v128.or
const BITMASK = [0xfd, 0x64]; // i8x16.bitmask

/**
 * index(p, end, out, delimiter) → out after the last position written.
 * Locals: 0 p, 1 end, 2 out, 3 delimiter (parameters); 4 mask; 5 delimiters, 6 line feeds,
 * 7 quotes (16 copies each); 8 the 16 bytes at p.
 */
const INDEX_BODY: number[][] = [
  get(3), SPLAT, set(5),
  i32(LF), SPLAT, set(6),
  i32(QUOTE), SPLAT, set(7),
  BLOCK,
  get(0), get(1), GE_U, brIf(0), // nothing to do when p ≥ end
  LOOP,
  // mask: bit k set when byte p + k is a delimiter, a line feed or a quote
  get(0), V128_LOAD, tee(8), get(5), EQ,
  get(8), get(6), EQ, OR,
  get(8), get(7), EQ, OR,
  BITMASK, set(4),
  // the last block: only the bytes before end
  get(1), get(0), SUB, i32(16), LT_U,
  IF, get(4), i32(1), get(1), get(0), SUB, SHL, i32(1), SUB, AND, set(4), END,
  // every set bit, lowest first: store p + its index
  BLOCK, LOOP,
  get(4), EQZ, brIf(1),
  get(2), get(0), get(4), CTZ, ADD, STORE,
  get(2), i32(4), ADD, set(2),
  get(4), get(4), i32(1), SUB, AND, set(4),
  br(0),
  END, END,
  get(0), i32(16), ADD, tee(0), get(1), LT_U, brIf(0),
  END,
  END,
  get(2),
];

function assemble(): Uint8Array {
  const type = [0x60, ...vec([[I32], [I32], [I32], [I32]]), ...vec([[I32]])];
  // the memory is imported as e.m: shared, its size fixed by the importer (limits 1 … 65536 pages)
  const memoryImport = [...name("e"), ...name("m"), 0x02, 0x03, ...uleb(1), ...uleb(65536)];
  const body = [...vec([[1, I32], [4, V128]]), ...INDEX_BODY.flat(), ...END];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vec([type])),
    ...section(2, vec([memoryImport])),
    ...section(3, vec([uleb(0)])),
    ...section(7, vec([[...name("index"), 0x00, ...uleb(0)]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}
