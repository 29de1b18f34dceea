/**
 * The fast consumption reader. The main thread reads the file once, in order, into a ring of
 * shared slots of whole lines, hashing each chunk as it is read and deciding the encoding as the
 * general reader does (the first non-ASCII byte decides between UTF-8 and Windows-1252). Worker
 * threads (one per core besides this one) and the main thread itself, whenever the ring is full,
 * claim the chunks in order and scan them with a `Scanner`; the exact integer sums are merged
 * into the same ConsumptionSummary the general reader builds, areas in file order.
 * When any chunk meets something the scanner does not fully understand, the file cannot be read,
 * or a worker cannot run, it gives up ({ok: false, reason}) and the caller reads the whole file
 * with the general reader instead, so results and error messages are always the general reader's.
 */
import { createHash } from "node:crypto";
import { isAscii, isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CompiledTariff } from "../../core/model/tariff-compile.js";
import type { CsvInfo, Encoding } from "../../read/csv.js";
import { MAX_RECORD_LENGTH } from "../../core/model/limits.js";
import { ENC_ASCII, Scanner, type ScanOk, type ScanResult, type ScanSetup } from "../../read/fast/scan.js";
import { ENCODINGS, HEADER_SLACK, decideEncoding, headerEnd, headerOf, merge, scanEncoding, scanSetup, type FastOutcome, type HeaderRead } from "../../read/fast/common.js";
import { useByteChecks } from "../../read/fast/bytes.js";

// the scanner in this thread checks bytes with Node's native functions
useByteChecks({ isAscii, isUtf8 });
import { CLAIMED, PUBLISHED, STATE, STATE_ABORTED, STATE_CLOSED, S_CHUNK, S_END, S_FLAGS, S_FREE, S_START, abort, claim, newPipe, pipeWalker, slotIndex, type PipeMemory } from "./pipe.js";

export interface FastOptions {
  /** worker threads besides the main thread; 0 scans in this thread only (tests). Default: cores − 1, at most 7. */
  workers?: number;
  /** bytes per read (default 1 MiB) */
  chunkSize?: number;
  /** slots in the ring (default 8; at least 2) */
  slots?: number;
  /** bytes of lines the scanner splits into fields at a time (default 16 KiB; small in tests) */
  pieceSize?: number;
  /** how lines are split into fields: by WebAssembly SIMD when it can run here (default), or a plain loop (tests) */
  walker?: "wasm" | "js";
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /** per-phase timings, for `npm run bench` */
  onPhase?: (phase: string, ms: number) => void;
}

export type { FastOutcome };

/** Reads a consumption file fast, or says why the general reader must read it. Never throws. */
export async function readConsumptionFast(file: string, tariff: CompiledTariff, options: FastOptions = {}): Promise<FastOutcome> {
  const workers: WorkerRun[] = [];
  try {
    return await readFast(file, tariff, options, workers);
  } catch (e) {
    // A file that cannot be read (missing, a directory, an I/O error…): the general reader reports
    // it (FILE_READ). Anything else unexpected is handed over too, saying so.
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === "string") return { ok: false, reason: `the file could not be read (${code})` };
    return { ok: false, reason: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    for (const w of workers) void w.worker.terminate();
  }
}

/**
 * The header record as the general tokenizer reads it, or why the fast reader does not take it.
 * Any header the general reader takes: quoted names (`"år";"datum";…`, a doubled quote, a
 * delimiter or a line break inside quotes), a BOM, blank lines before it, and a line end of LF,
 * CRLF or a lone CR. Its end is found in the bytes (delimiters, quotes and line ends are ASCII
 * in every encoding read), then the general tokenizer reads exactly those bytes and must find
 * one whole record in them without any problem.
 */
function readHeader(file: string, fd: number, size: number): HeaderRead | string {
  let head = Buffer.alloc(Math.min(size, 1 << 16));
  let got = readSync(fd, head, 0, head.length, 0);
  let end = headerEnd(head, got, got === size);
  // a header longer than the first read: read more, up to what the general reader takes
  while (end === undefined && got < size && got < MAX_RECORD_LENGTH + HEADER_SLACK) {
    const bigger = Buffer.alloc(Math.min(size, MAX_RECORD_LENGTH + HEADER_SLACK, head.length * 4));
    head.copy(bigger, 0, 0, got);
    head = bigger;
    const more = readSync(fd, head, got, head.length - got, got);
    if (more === 0) break; // the file is shorter than it was
    got += more;
    end = headerEnd(head, got, got === size);
  }
  if (end === undefined) return "no complete header line";
  return headerOf(file, head.subarray(0, end.end), end.delimiter);
}

interface WorkerRun {
  worker: Worker;
  result: Promise<ScanResult>;
}

/** Starts a worker on the pipe; its result, or why it has none, comes as a promise. */
function startWorker(pipe: PipeMemory, thread: number): WorkerRun | string {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: { pipe, thread } });
  } catch (e) {
    return `a worker thread could not start (${e instanceof Error ? e.message : String(e)})`;
  }
  const result = new Promise<ScanResult>((resolve) => {
    worker.once("message", (r: ScanResult) => resolve(r));
    worker.once("error", (e) => resolve({ ok: false, reason: `a worker thread failed (${e instanceof Error ? e.message : String(e)})` }));
    worker.once("exit", () => resolve({ ok: false, reason: "a worker thread ended without a result" }));
  });
  return { worker, result };
}

/** worker threads by default, at most */
const MAX_DEFAULT_WORKERS = 7;


async function readFast(file: string, tariff: CompiledTariff, options: FastOptions, workers: WorkerRun[]): Promise<FastOutcome> {
  const phase = options.onPhase ?? (() => undefined);
  let t0 = performance.now();
  const lap = (name: string): void => {
    const t = performance.now();
    phase(name, t - t0);
    t0 = t;
  };
  const stat = statSync(file);
  if (!stat.isFile()) return { ok: false, reason: "not a regular file" };
  const size = stat.size;
  const chunkSize = Math.max(1, options.chunkSize ?? 1 << 20);
  // One thread reads and hashes; beyond a few scanners, more would only wait for it.
  const workerCount = Math.max(0, options.workers ?? Math.min(MAX_DEFAULT_WORKERS, availableParallelism() - 1));
  // room for an unfinished line of up to MAX_RECORD_LENGTH bytes, a read, and a line feed added at the end
  const slotSize = MAX_RECORD_LENGTH + 1 + chunkSize + 1;
  const pipe = newPipe(Math.max(2, options.slots ?? 8), slotSize, 1 + workerCount, options.walker !== "js");
  // The workers start loading now, while the header is read.
  for (let k = 0; k < workerCount; k++) {
    const w = startWorker(pipe, 1 + k);
    if (typeof w === "string") return { ok: false, reason: w };
    workers.push(w);
  }
  const fd = openSync(file, "r");
  try {
    const h = readHeader(file, fd, size);
    if (typeof h === "string") return { ok: false, reason: h };
    const { delimiter, decoder } = h;
    const setup = scanSetup(file, h, tariff, options.pieceSize);
    if (typeof setup === "string") return { ok: false, reason: setup };
    for (const w of workers) w.worker.postMessage(setup);
    lap("header");

    const read = await readAndScan(fd, h, pipe, setup, size, chunkSize, workers, options.onProgress);
    lap("read, hash and scan");
    if (typeof read === "string") return { ok: false, reason: read };
    const { results, bytes, sha256, encoding, chunks } = read;
    if (bytes !== size) return { ok: false, reason: "the file changed while it was read" };
    const merged = merge(file, tariff, results, chunks, h.firstLine);
    lap("merge");
    if (typeof merged === "string") return { ok: false, reason: merged };
    const info: CsvInfo = {
      file,
      bytes,
      sha256,
      encoding: ENCODINGS[encoding] as Encoding,
      bom: decoder.bom,
      delimiter: String.fromCharCode(delimiter),
      records: merged.rowsRead,
      readable: true,
    };
    return { ok: true, summary: merged, info };
  } finally {
    closeSync(fd);
  }
}

interface ReadDone {
  results: ScanOk[];
  bytes: number;
  sha256: string;
  /** ENC_* of the whole file */
  encoding: number;
  chunks: number;
}

/**
 * The main thread's loop: reads the body into the ring (whole lines per slot), hashes every byte
 * in order, publishes each chunk with its encoding, and scans chunks itself whenever it must wait
 * for a slot. Then it collects the workers' results.
 */
async function readAndScan(fd: number, h: HeaderRead, pipe: PipeMemory, setup: ScanSetup, total: number, chunkSize: number, workers: WorkerRun[], onProgress?: (read: number, total: number) => void): Promise<ReadDone | string> {
  const ctl = new Int32Array(pipe.control);
  const data = Buffer.from(pipe.data);
  const views = Array.from({ length: pipe.slots }, (_, s) => data.subarray(s * pipe.slotSize, (s + 1) * pipe.slotSize));
  const scanner = new Scanner(setup, pipeWalker(pipe, 0));
  const hash = createHash("sha256");
  hash.update(h.bytes);
  let bytes = h.bytes.length;
  let fileOff = bytes;
  let encoding = scanEncoding(h);
  let ownReason: string | undefined;
  let workerFailed = false;
  for (const w of workers) {
    void w.result.then((r) => {
      if (!r.ok) workerFailed = true;
    });
  }

  /** Scans one claimed chunk here; false when it gave up. */
  const scanClaimed = (k: number): boolean => {
    const slot = k % pipe.slots;
    const base = slot * pipe.slotSize;
    const flags = ctl[slotIndex(slot, S_FLAGS)] as number;
    const reason = scanner.scanChunk(data, base + (ctl[slotIndex(slot, S_START)] as number), base + (ctl[slotIndex(slot, S_END)] as number), k, flags & 15, flags >> 4 === 1);
    Atomics.store(ctl, slotIndex(slot, S_FREE), 1);
    if (reason !== undefined) {
      ownReason = reason;
      abort(ctl);
      return false;
    }
    return true;
  };
  const stopped = (): boolean => ownReason !== undefined || workerFailed || Atomics.load(ctl, STATE) === STATE_ABORTED;
  /** Waits until the slot is free, scanning chunks meanwhile; false when the run has stopped. */
  const free = async (slot: number): Promise<boolean> => {
    while (Atomics.load(ctl, slotIndex(slot, S_FREE)) === 0) {
      if (stopped()) return false;
      const k = claim(ctl);
      if (k >= 0) {
        if (!scanClaimed(k)) return false;
        continue;
      }
      // every published chunk is being scanned by a worker: wait for this one (the event loop runs meanwhile)
      const w = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: Promise<string> | string } }).waitAsync(ctl, slotIndex(slot, S_FREE), 0, 50);
      if (w.async) await w.value;
    }
    return !stopped();
  };
  const publish = (slot: number, k: number, end: number, final: boolean): void => {
    const view = views[slot] as Buffer;
    if (encoding === ENC_ASCII && !isAscii(view.subarray(0, end))) encoding = decideEncoding(view, end);
    ctl[slotIndex(slot, S_CHUNK)] = k;
    ctl[slotIndex(slot, S_START)] = 0;
    ctl[slotIndex(slot, S_END)] = end;
    ctl[slotIndex(slot, S_FLAGS)] = encoding | (final ? 16 : 0);
    Atomics.store(ctl, slotIndex(slot, S_FREE), 0);
    Atomics.store(ctl, PUBLISHED, k + 1);
    Atomics.notify(ctl, PUBLISHED);
  };

  let chunk = 0;
  let slot = 0;
  let carry = 0; // bytes of an unfinished line at the start of the current slot
  for (;;) {
    if (stopped()) break;
    const view = views[slot] as Buffer;
    const got = readSync(fd, view, carry, chunkSize, fileOff);
    if (got === 0) {
      // the end: a last line without a line end gets one, as the general reader ends it there
      if (carry > 0) {
        view[carry] = 10;
        publish(slot, chunk++, carry + 1, true);
      }
      break;
    }
    hash.update(view.subarray(carry, carry + got));
    fileOff += got;
    bytes += got;
    onProgress?.(bytes, total);
    const len = carry + got;
    const cut = view.lastIndexOf(10, len - 1) + 1;
    if (cut === 0) {
      // no line end yet: keep reading into this slot, unless the line is already too long
      if (len > MAX_RECORD_LENGTH) {
        ownReason = "a line that is too long";
        abort(ctl);
        break;
      }
      carry = len;
      continue;
    }
    if (len - cut > MAX_RECORD_LENGTH) {
      // the unfinished line carried into the next slot is already too long (and would not fit it)
      ownReason = "a line that is too long";
      abort(ctl);
      break;
    }
    const next = (slot + 1) % pipe.slots;
    if (!(await free(next))) break;
    view.copy(views[next] as Buffer, 0, cut, len);
    publish(slot, chunk++, cut, false);
    slot = next;
    carry = len - cut;
  }
  // No more chunks: help with the rest, then collect the workers' results.
  if (!stopped()) {
    Atomics.store(ctl, STATE, STATE_CLOSED);
    Atomics.notify(ctl, PUBLISHED);
    for (let k = claim(ctl); k >= 0 && !stopped(); k = claim(ctl)) scanClaimed(k);
  } else abort(ctl);
  const theirs = await Promise.all(workers.map((w) => w.result));
  if (ownReason !== undefined) return ownReason;
  const results: ScanOk[] = [scanner.result()];
  for (const r of theirs) {
    if (!r.ok) return r.reason;
    results.push(r);
  }
  if (Atomics.load(ctl, CLAIMED) !== chunk) return "internal error: a chunk was not scanned";
  return { results, bytes, sha256: hash.digest("hex"), encoding, chunks: chunk };
}

