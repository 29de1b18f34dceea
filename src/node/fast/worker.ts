/**
 * Worker thread entry of the fast reader: claims chunks from the shared ring in order, scans
 * them with one Scanner, and posts its result (or why it gave up) when the chunks run out.
 */
import { parentPort, workerData } from "node:worker_threads";
import { Scanner, type ScanResult, type ScanSetup } from "../../read/fast/scan.js";
import { useByteChecks } from "../../read/fast/bytes.js";
import { isAscii, isUtf8 } from "node:buffer";

useByteChecks({ isAscii, isUtf8 });
import { CLAIMED, PUBLISHED, STATE, STATE_ABORTED, STATE_CLOSED, S_END, S_FLAGS, S_FREE, S_START, abort, claim, pipeWalker, slotIndex, type PipeMemory } from "./pipe.js";

const { pipe, thread } = workerData as { pipe: PipeMemory; thread: number };

function run(setup: ScanSetup): ScanResult {
  const ctl = new Int32Array(pipe.control);
  const data = Buffer.from(pipe.data);
  const scanner = new Scanner(setup, pipeWalker(pipe, thread));
  for (;;) {
    const state = Atomics.load(ctl, STATE);
    if (state === STATE_ABORTED) return { ok: false, reason: "stopped" };
    const k = claim(ctl);
    if (k < 0) {
      // read after the state: when closed, no chunk is published any more
      const published = Atomics.load(ctl, PUBLISHED);
      if (state === STATE_CLOSED && Atomics.load(ctl, CLAIMED) >= published) return scanner.result();
      Atomics.wait(ctl, PUBLISHED, published, 50);
      continue;
    }
    const slot = k % pipe.slots;
    const base = slot * pipe.slotSize;
    const flags = ctl[slotIndex(slot, S_FLAGS)] as number;
    const reason = scanner.scanChunk(data, base + (ctl[slotIndex(slot, S_START)] as number), base + (ctl[slotIndex(slot, S_END)] as number), k, flags & 15, flags >> 4 === 1);
    Atomics.store(ctl, slotIndex(slot, S_FREE), 1);
    Atomics.notify(ctl, slotIndex(slot, S_FREE));
    if (reason !== undefined) {
      abort(ctl);
      return { ok: false, reason };
    }
  }
}

parentPort?.once("message", (setup: ScanSetup) => {
  let result: ScanResult;
  try {
    result = run(setup);
  } catch (e) {
    abort(new Int32Array(pipe.control));
    result = { ok: false, reason: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
  parentPort?.postMessage(result);
});
