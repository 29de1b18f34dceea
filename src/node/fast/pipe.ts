/**
 * The shared memory between the fast reader's main thread and its workers: a ring of slots the
 * main thread reads the file into (each slot holds whole lines), and the counters by which the
 * threads hand the slots on. Only the main thread reads the file (and hashes it as it reads);
 * every thread, the main one included, claims published chunks in order and scans them.
 */
import { INDEX_OVERREAD, newIndexMemory, newWalker, type IndexMemory, type Walker, type WasmMemory } from "../../read/fast/walker.js";
import { RECORD_WORDS } from "../../read/fast/common.js";

/** published chunks (the main thread notifies on it) */
export const PUBLISHED = 0;
/** claimed chunks */
export const CLAIMED = 1;
/** 0 running, 1 no more chunks after PUBLISHED, 2 given up */
export const STATE = 2;
export const STATE_CLOSED = 1;
export const STATE_ABORTED = 2;
const HEADER = 4;
/** per slot: chunk number, scan start, scan end, flags (encoding | final-unterminated << 4), free (1) or in use (0) */
const SLOT_INTS = 8;
export const S_CHUNK = 0;
export const S_START = 1;
export const S_END = 2;
export const S_FLAGS = 3;
export const S_FREE = 4;

export interface PipeMemory {
  control: SharedArrayBuffer;
  /** the slots, then each thread's area of line records (see fast-index) */
  data: SharedArrayBuffer;
  /** the WebAssembly memory `data` belongs to, when the SIMD walker runs */
  memory?: WasmMemory;
  slots: number;
  slotSize: number;
  /** where thread 0's records start (bytes); thread t's start `outCapacity` × 4 bytes later each */
  outAt: number;
  /** 32-bit words of records per thread (the scanner sizes its pieces to fit) */
  outCapacity: number;
}

/** A ring of `slots` slots of `slotSize` bytes, and room for the line records of `threads` threads. */
export function newPipe(slots: number, slotSize: number, threads: number, useWasm = true): PipeMemory {
  const outAt = align16(slots * slotSize + INDEX_OVERREAD);
  const outCapacity = RECORD_WORDS;
  const { buffer, memory } = newIndexMemory(outAt + threads * outCapacity * 4, useWasm);
  const pipe: PipeMemory = { control: new SharedArrayBuffer(4 * (HEADER + slots * SLOT_INTS)), data: buffer, slots, slotSize, outAt, outCapacity };
  if (memory) pipe.memory = memory;
  const ctl = new Int32Array(pipe.control);
  for (let s = 0; s < slots; s++) ctl[slotIndex(s, S_FREE)] = 1;
  return pipe;
}

/** The walker of thread `thread` (0 the main thread, workers from 1) over the pipe's memory. */
export function pipeWalker(pipe: PipeMemory, thread: number): Walker {
  const m: IndexMemory = { buffer: pipe.data, outAt: pipe.outAt + thread * pipe.outCapacity * 4, capacity: pipe.outCapacity };
  if (pipe.memory) m.memory = pipe.memory;
  return newWalker(m);
}

function align16(n: number): number {
  return Math.ceil(n / 16) * 16;
}


/** The index in the control array of one field of a slot. */
export function slotIndex(slot: number, field: number): number {
  return HEADER + slot * SLOT_INTS + field;
}

/** The next published chunk not yet claimed, claimed now; -1 when there is none at the moment. */
export function claim(ctl: Int32Array): number {
  for (;;) {
    const c = Atomics.load(ctl, CLAIMED);
    if (c >= Atomics.load(ctl, PUBLISHED)) return -1;
    if (Atomics.compareExchange(ctl, CLAIMED, c, c + 1) === c) return c;
  }
}

/** Gives up for every thread: the others stop at their next chunk. */
export function abort(ctl: Int32Array): void {
  Atomics.store(ctl, STATE, STATE_ABORTED);
  Atomics.notify(ctl, PUBLISHED);
}
