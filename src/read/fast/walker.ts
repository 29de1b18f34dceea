/**
 * The fast reader's line walker: one record per line of a range of whole lines, with the start
 * and end of each field the scanner reads, so the scanner never looks at the bytes between them.
 *
 * A small WebAssembly function finds delimiters, line feeds and quotes 16 bytes at a time (SIMD)
 * and runs the state machine of a CSV line over them (quoted values included); where WebAssembly
 * or its SIMD instructions are not there (`node --jitless`, an old engine), a plain loop over
 * every byte (`walkLines`, also the definition the function is tested against) writes the same
 * records. The module is assembled here from the listing below, so the source of every byte is
 * in this file.
 *
 * The bytes live in the pipe's shared memory (a shared WebAssembly.Memory when WebAssembly is
 * there), and each thread writes its records into an area of its own after the slots.
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

/**
 * Walks ranges of whole lines and writes one record per line, of `recordSize(kept)` 32-bit
 * words: the line's start, the position of its line feed, its number of fields, a flag, then the
 * start and end of each of its first `kept` fields (a quoted value without its quotes; the last
 * field without the CR of a CRLF). Fields past the line's count are left as they were.
 *
 * The flag is 1 when the line holds something only the scanner's exact rules decide: a doubled
 * quote, text after a closing quote, or a line feed inside quotes (the record then ends at that
 * line feed). The scanner walks such a line byte by byte and gives up or reads it.
 */
export interface Walker {
  readonly records: Int32Array;
  /**
   * Walks bytes[start, end), which ends with a line feed, and returns the number of records.
   * At most `(end − start)` lines, or one, fit the capacity the walker was made for only when
   * that many records of `recordSize(kept)` words do: the caller sizes its ranges for that.
   */
  walk(start: number, end: number, delimiter: number, kept: number): number;
}

/** Words per record for `kept` fields. */
export function recordSize(kept: number): number {
  return 4 + 2 * kept;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The memory of the pipe: the bytes, and for WebAssembly the Memory they live in. */
export interface IndexMemory {
  /** the memory: a WebAssembly.Memory's buffer, or a plain (Shared)ArrayBuffer */
  buffer: SharedArrayBuffer | ArrayBuffer;
  memory?: WasmMemory;
  /** false for a thread's own memory (newLocalMemory); default true */
  shared?: boolean;
  /** where this thread's records go (bytes, a multiple of 16), and how many words fit */
  outAt: number;
  capacity: number;
}

/**
 * A shared memory of at least `bytes` bytes: a WebAssembly.Memory when the SIMD walker can run
 * here, else a SharedArrayBuffer.
 */
export function newIndexMemory(bytes: number, useWasm = true): { buffer: SharedArrayBuffer; memory?: WasmMemory } {
  const pages = Math.ceil(bytes / 65536);
  if (useWasm && wasm && wasmModule() !== undefined) {
    try {
      const memory = new wasm.Memory({ initial: pages, maximum: pages, shared: true });
      return { buffer: memory.buffer as unknown as SharedArrayBuffer, memory };
    } catch {
      // no shared WebAssembly memory here: the plain loop walks
    }
  }
  return { buffer: new SharedArrayBuffer(pages * 65536) };
}

/**
 * A memory of at least `bytes` bytes for one thread (a browser's worker, where shared memory
 * needs cross-origin isolation): a WebAssembly.Memory when the SIMD walker can run here, else an
 * ArrayBuffer.
 */
export function newLocalMemory(bytes: number, useWasm = true): { buffer: ArrayBuffer; memory?: WasmMemory } {
  const pages = Math.ceil(bytes / 65536);
  if (useWasm && wasm && wasmModule(false) !== undefined) {
    try {
      const memory = new wasm.Memory({ initial: pages, maximum: pages, shared: false });
      return { buffer: memory.buffer as ArrayBuffer, memory };
    } catch {
      // no WebAssembly memory here: the plain loop walks
    }
  }
  return { buffer: new ArrayBuffer(pages * 65536) };
}

/** The walker for one thread: the WebAssembly one when the memory is a WebAssembly.Memory. */
export function newWalker(m: IndexMemory): Walker {
  const records = new Int32Array(m.buffer, m.outAt, m.capacity);
  const module = m.memory ? wasmModule(m.shared !== false) : undefined;
  if (wasm && module && m.memory) {
    const instance = new wasm.Instance(module, { e: { m: m.memory } });
    const fn = instance.exports["walk"] as (start: number, end: number, out: number, delimiter: number, kept: number) => number;
    const out = m.outAt;
    return { records, walk: (start, end, delimiter, kept) => (fn(start, end, out, delimiter, kept) - out) / (4 * recordSize(kept)) };
  }
  const bytes = new Uint8Array(m.buffer);
  return { records, walk: (start, end, delimiter, kept) => walkLines(bytes, start, end, delimiter, kept, records) };
}

// States of the walk (the same in both implementations).
const FIELD = 0; // in an unquoted field, or at a field's start
const QUOTED = 1; // inside quotes
const CLOSED = 2; // just after a closing quote: a delimiter or the line end follows
const FLAGGED = 3; // the line is flagged: on to its line feed

/**
 * The walk as a plain loop over every byte: where WebAssembly cannot run, and the definition
 * the WebAssembly function is tested against.
 */
export function walkLines(b: Uint8Array, start: number, end: number, delimiter: number, kept: number, r: Int32Array): number {
  const rs = recordSize(kept);
  let o = 0;
  let f = 0;
  let ls = start;
  let fs = start;
  let state = FIELD;
  let vs = 0;
  let ve = 0;
  let flag = 0;
  const field = (s: number, e: number): void => {
    if (f < kept) {
      r[o + 4 + 2 * f] = s;
      r[o + 5 + 2 * f] = e;
    }
  };
  const emit = (q: number): void => {
    r[o] = ls;
    r[o + 1] = q;
    r[o + 2] = f + 1;
    r[o + 3] = flag;
    o += rs;
    f = 0;
    ls = fs = q + 1;
    state = FIELD;
    flag = 0;
  };
  for (let q = start; q < end; q++) {
    const c = b[q] as number;
    const isLf = c === LF;
    const isQuote = c === QUOTE;
    if (c !== delimiter && !isLf && !isQuote) continue;
    if (state === FLAGGED) {
      if (isLf) emit(q);
    } else if (state === QUOTED) {
      if (isLf) {
        flag = 1;
        emit(q);
      } else if (isQuote) {
        const next = b[q + 1] as number;
        if (next === QUOTE) {
          flag = 1;
          state = FLAGGED;
        } else {
          ve = q;
          if (next === delimiter || next === LF || next === CR) state = CLOSED;
          else {
            flag = 1;
            state = FLAGGED;
          }
        }
      }
    } else if (state === CLOSED) {
      if (isQuote) {
        flag = 1;
        state = FLAGGED;
      } else {
        field(vs, ve);
        if (isLf) emit(q);
        else {
          f++;
          fs = q + 1;
          state = FIELD;
        }
      }
    } else if (isQuote) {
      if (q === fs) {
        state = QUOTED;
        vs = q + 1;
      }
    } else if (isLf) {
      field(fs, q > ls && b[q - 1] === CR ? q - 1 : q);
      emit(q);
    } else {
      field(fs, q);
      f++;
      fs = q + 1;
    }
  }
  return o / rs;
}

/** Bytes the WebAssembly function may read past the end of a range (it loads 16 at a time, and the byte after a quote). */
export const INDEX_OVERREAD = 16;

const compiled = new Map<boolean, WasmModule | null>();

/** The compiled module (importing a shared memory, or a thread's own), or undefined when this engine cannot run it. */
function wasmModule(shared = true): WasmModule | undefined {
  if (!compiled.has(shared)) {
    compiled.set(shared, null);
    try {
      const bytes = assemble(shared);
      if (wasm && wasm.validate(bytes)) compiled.set(shared, new wasm.Module(bytes));
    } catch {
      compiled.set(shared, null);
    }
  }
  return compiled.get(shared) ?? undefined;
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
const ELSE = [0x05];
const SELECT = [0x1b]; // the first value when the condition is not 0
const END = [0x0b];
const ADD = [0x6a];
const MUL = [0x6c];
const EQ = [0x46];
const GT_U = [0x4b];
const I32_OR = [0x72];
const XOR = [0x73];
const SHR_U = [0x76];
const SUB = [0x6b];
const AND = [0x71];
const SHL = [0x74];
const CTZ = [0x68];
const EQZ = [0x45];
const LT_U = [0x49];
const GE_U = [0x4f];
const store = (offset: number) => [0x36, 2, ...uleb(offset)]; // i32.store, align 4
const load8 = (offset: number) => [0x2d, 0, ...uleb(offset)]; // i32.load8_u
const V128_LOAD = [0xfd, 0x00, 0, 0]; // align 1, offset 0
const SPLAT = [0xfd, 0x0f]; // i8x16.splat
const EQ8 = [0xfd, 0x23]; // i8x16.eq
const BITMASK = [0xfd, 0x64]; // i8x16.bitmask

// Locals of walk(p, end, out, delimiter, kept) → out after the last record written.
const P = 0; // the 16 bytes being looked at start here
const STOP = 1; // the end of the range
const OUT = 2; // where the next record goes
const DELIM = 3;
const KEPT = 4;
const M = 5; // bits of the 16 bytes still to handle: delimiters, line feeds and quotes
const ML = 6; // bits of the line feeds
const MQ = 7; // bits of the quotes
const Q = 8; // the byte being handled
const BIT = 9;
const F = 10; // the field's number in its line
const FS = 11; // where the field starts
const LS = 12; // where the line starts
const STATE = 13;
const VS = 14; // a quoted value's start and end
const VE = 15;
const FLAG = 16;
const RS = 17; // bytes per record
const C = 18;
const IS_LF = 19;
const IS_QUOTE = 20;
const E = 21;
const E2 = 22;
const SV = 23;
const VD = 24; // 16 delimiters, line feeds and quotes, and the 16 bytes at P
const VL = 25;
const VQ = 26;
const V = 27;

/** The field's bounds into the record, when it is one of the first `kept`. */
const storeField = (start: number, end: number): number[][] => [
  get(F), get(KEPT), LT_U, IF,
  get(F), i32(3), SHL, get(OUT), ADD, tee(E2), get(start), store(16),
  get(E2), get(end), store(20),
  END,
];

/** The line's record, ending at the line feed at Q; then the next line starts. */
const emitLine: number[][] = [
  get(OUT), get(LS), store(0),
  get(OUT), get(Q), store(4),
  get(OUT), get(F), i32(1), ADD, store(8),
  get(OUT), get(FLAG), store(12),
  get(OUT), get(RS), ADD, set(OUT),
  i32(0), set(F),
  get(Q), i32(1), ADD, tee(LS), set(FS),
  i32(FIELD), set(STATE),
  i32(0), set(FLAG),
];

/**
 * The state machine of walkLines, for one delimiter, line feed or quote at Q (inside a block:
 * br 0 ends it), the most frequent cases first. The states' numbers matter: FIELD and CLOSED,
 * where a delimiter ends a field, are the even ones.
 */
const HANDLE: number[][] = [
  // a delimiter that ends a field: an unquoted one [FS, Q), or a quoted value [VS, VE)
  get(STATE), i32(1), AND, EQZ,
  get(ML), get(MQ), I32_OR, get(BIT), SHR_U, i32(1), AND, EQZ,
  AND, IF,
  get(VS), get(FS), get(STATE), SELECT, set(SV),
  get(VE), get(Q), get(STATE), SELECT, set(E),
  ...storeField(SV, E),
  get(F), i32(1), ADD, set(F),
  get(Q), i32(1), ADD, set(FS),
  i32(FIELD), set(STATE),
  br(1),
  END,
  get(ML), get(BIT), SHR_U, i32(1), AND, set(IS_LF),
  get(MQ), get(BIT), SHR_U, i32(1), AND, set(IS_QUOTE),
  // in an unquoted field: a quote at its start opens a quoted value, elsewhere it is text
  get(STATE), i32(FIELD), EQ, IF,
  get(IS_QUOTE), IF,
  get(Q), get(FS), EQ, IF, i32(QUOTED), set(STATE), get(Q), i32(1), ADD, set(VS), END,
  br(2),
  END,
  // the line feed, after the CR of a CRLF
  get(Q), set(E),
  get(Q), get(LS), GT_U, IF,
  get(Q), i32(1), SUB, load8(0), i32(CR), EQ, IF, get(Q), i32(1), SUB, set(E), END,
  END,
  ...storeField(FS, E),
  ...emitLine,
  br(1),
  END,
  // inside quotes: a quote closes the value (or is doubled), a line feed is flagged, a delimiter is text
  get(STATE), i32(QUOTED), EQ, IF,
  get(IS_QUOTE), IF,
  get(Q), load8(1), set(C),
  get(C), i32(QUOTE), EQ, IF, i32(1), set(FLAG), i32(FLAGGED), set(STATE), br(3), END,
  get(Q), set(VE),
  // a delimiter right after it, in these 16 bytes: the field ends there, and that delimiter is
  // handled with the quote (one event less per quoted field, as in every field of a QUOTE_ALL file)
  get(C), get(DELIM), EQ, get(BIT), i32(15), LT_U, AND, IF,
  ...storeField(VS, Q),
  get(F), i32(1), ADD, set(F),
  get(Q), i32(2), ADD, set(FS),
  i32(FIELD), set(STATE),
  get(M), i32(2), get(BIT), SHL, i32(-1), XOR, AND, set(M),
  br(3),
  END,
  get(C), get(DELIM), EQ, get(C), i32(LF), EQ, I32_OR, get(C), i32(CR), EQ, I32_OR,
  IF, i32(CLOSED), set(STATE), ELSE, i32(1), set(FLAG), i32(FLAGGED), set(STATE), END,
  br(2),
  END,
  get(IS_LF), IF, i32(1), set(FLAG), ...emitLine, END,
  br(1),
  END,
  // just after a closing quote: the line feed, or a quote (flagged)
  get(STATE), i32(CLOSED), EQ, IF,
  get(IS_QUOTE), IF, i32(1), set(FLAG), i32(FLAGGED), set(STATE), br(2), END,
  ...storeField(VS, VE),
  ...emitLine,
  br(1),
  END,
  // flagged: on to the line feed
  get(IS_LF), IF, ...emitLine, END,
];

const WALK_BODY: number[][] = [
  get(KEPT), i32(8), MUL, i32(16), ADD, set(RS),
  get(P), set(LS),
  get(P), set(FS),
  get(DELIM), SPLAT, set(VD),
  i32(LF), SPLAT, set(VL),
  i32(QUOTE), SPLAT, set(VQ),
  BLOCK,
  get(P), get(STOP), GE_U, brIf(0), // nothing to do when p ≥ end
  LOOP,
  // masks of the 16 bytes at p: bit k set when byte p + k is a line feed, a quote, any of the three
  get(P), V128_LOAD, set(V),
  get(V), get(VL), EQ8, BITMASK, set(ML),
  get(V), get(VQ), EQ8, BITMASK, set(MQ),
  get(V), get(VD), EQ8, BITMASK, get(ML), I32_OR, get(MQ), I32_OR, set(M),
  // the last block: only the bytes before end
  get(STOP), get(P), SUB, i32(16), LT_U,
  IF, get(M), i32(1), get(STOP), get(P), SUB, SHL, i32(1), SUB, AND, set(M), END,
  // every set bit, lowest first
  BLOCK, LOOP,
  get(M), EQZ, brIf(1),
  get(M), CTZ, set(BIT),
  get(P), get(BIT), ADD, set(Q),
  get(M), get(M), i32(1), SUB, AND, set(M),
  BLOCK, ...HANDLE, END,
  br(0),
  END, END,
  get(P), i32(16), ADD, tee(P), get(STOP), LT_U, brIf(0),
  END,
  END,
  get(OUT),
];

function assemble(shared: boolean): Uint8Array {
  const type = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([[I32]])];
  // the memory is imported as e.m: shared (or the thread's own), its size fixed by the importer (limits 1 … 65536 pages)
  const memoryImport = [...name("e"), ...name("m"), 0x02, shared ? 0x03 : 0x01, ...uleb(1), ...uleb(65536)];
  const body = [...vec([[19, I32], [4, V128]]), ...WALK_BODY.flat(), ...END];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vec([type])),
    ...section(2, vec([memoryImport])),
    ...section(3, vec([uleb(0)])),
    ...section(7, vec([[...name("walk"), 0x00, ...uleb(0)]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}
