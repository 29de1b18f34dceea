/**
 * The shared memory between the fast reader's main thread and its workers: a ring of slots the
 * main thread reads the file into (each slot holds whole lines), and the counters by which the
 * threads hand the slots on. Only the main thread reads the file (and hashes it as it reads);
 * every thread, the main one included, claims published chunks in order and scans them.
 */

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
  data: SharedArrayBuffer;
  slots: number;
  slotSize: number;
}

export function newPipe(slots: number, slotSize: number): PipeMemory {
  const pipe = { control: new SharedArrayBuffer(4 * (HEADER + slots * SLOT_INTS)), data: new SharedArrayBuffer(slots * slotSize), slots, slotSize };
  const ctl = new Int32Array(pipe.control);
  for (let s = 0; s < slots; s++) ctl[slotIndex(s, S_FREE)] = 1;
  return pipe;
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
