/**
 * The fast consumption reader in one thread over a stream of bytes (a file picked in a browser,
 * read slice by slice in the page's worker): the same header check, WebAssembly walker, scanner
 * and merge as the Node reader on every core, hashing every byte as it passes. Memory stays at
 * one slot of whole lines and its records, whatever the file's size. When the scanner meets
 * anything it does not fully understand it gives up, and the caller reads the file with the
 * general reader, so results and messages are always the general reader's. No `node:` import.
 */
import { MAX_RECORD_LENGTH } from "../../core/model/limits.js";
import type { CompiledTariff } from "../../core/model/tariff-compile.js";
import type { ByteSource, CsvInfo, Encoding } from "../csv.js";
import { sha256 } from "../sha256.js";
import { byteChecks } from "./bytes.js";
import { ENCODINGS, HEADER_SLACK, RECORD_WORDS, decideEncoding, headerEnd, headerOf, merge, scanEncoding, scanSetup, type FastOutcome, type HeaderRead } from "./common.js";
import { ENC_ASCII, Scanner } from "./scan.js";
import { INDEX_OVERREAD, newLocalMemory, newWalker } from "./walker.js";

export interface StreamOptions {
  /** bytes per read (default 4 MiB) */
  chunkSize?: number;
  /** how lines are split into fields: WebAssembly SIMD where it runs (default), or the plain loop */
  walker?: "wasm" | "js";
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /** the SHA-256 of the bytes, fed as they pass (default: the pure one here; the page hashes in a second worker, on another core) */
  hasher?: () => StreamHasher;
}

/** An incremental SHA-256 whose digest may come later (from another thread). */
export interface StreamHasher {
  update(bytes: Uint8Array): void;
  hex(): string | Promise<string>;
  /** Frees what it holds (a worker): called once the read ends, read through or handed over. */
  dispose?(): void;
}

/** Files from this size on are read by the fast reader when the reader is chosen by itself ("auto"). */
export const FAST_THRESHOLD = 8 << 20;

const LF = 10;

const align16 = (n: number): number => Math.ceil(n / 16) * 16;

/** Reads a consumption file fast in this thread, or says why the general reader must read it. Never throws for bad input. */
export async function readConsumptionStream(source: ByteSource, tariff: CompiledTariff, options: StreamOptions = {}): Promise<FastOutcome> {
  const hash: StreamHasher = (options.hasher ?? sha256)();
  try {
    return await readStream(source, tariff, options, hash);
  } catch (e) {
    return { ok: false, reason: `the file could not be read fast (${e instanceof Error ? e.message : String(e)})` };
  } finally {
    hash.dispose?.();
  }
}

async function readStream(source: ByteSource, tariff: CompiledTariff, options: StreamOptions, hash: StreamHasher): Promise<FastOutcome> {
  const file = source.name;
  const chunkSize = Math.max(1, options.chunkSize ?? 1 << 22);
  const opened = await source.open(chunkSize);
  const size = opened.size ?? 0;
  let bytes = 0;
  const pieces = (async function* () {
    for await (const chunk of opened.chunks) {
      hash.update(chunk);
      bytes += chunk.length;
      options.onProgress?.(bytes, size);
      for (let at = 0; at < chunk.length; at += chunkSize) yield chunk.subarray(at, Math.min(chunk.length, at + chunkSize));
    }
  })();

  // The header: bytes gathered until its record ends (as the general tokenizer reads it).
  let head = new Uint8Array(0);
  let end: ReturnType<typeof headerEnd>;
  let atEof = false;
  for (;;) {
    end = headerEnd(head, head.length, atEof);
    if (end !== undefined || atEof) break;
    if (head.length > MAX_RECORD_LENGTH + HEADER_SLACK) return { ok: false, reason: "no complete header line" };
    const next = await pieces.next();
    if (next.done) atEof = true;
    else {
      const grown = new Uint8Array(head.length + next.value.length);
      grown.set(head);
      grown.set(next.value, head.length);
      head = grown;
    }
  }
  if (end === undefined) return { ok: false, reason: "no complete header line" };
  const h: HeaderRead | string = headerOf(file, head.slice(0, end.end), end.delimiter);
  if (typeof h === "string") return { ok: false, reason: h };
  const setup = scanSetup(file, h, tariff);
  if (typeof setup === "string") return { ok: false, reason: setup };

  // One slot of whole lines (an unfinished line carried, a read, a line feed added at the end), then the records.
  const slotSize = MAX_RECORD_LENGTH + 1 + chunkSize + 1;
  const outAt = align16(slotSize + INDEX_OVERREAD);
  const memory = newLocalMemory(outAt + RECORD_WORDS * 4, options.walker !== "js");
  const data = new Uint8Array(memory.buffer);
  const scanner = new Scanner(setup, newWalker({ buffer: memory.buffer, ...(memory.memory ? { memory: memory.memory } : {}), shared: false, outAt, capacity: RECORD_WORDS }));
  let encoding = scanEncoding(h);
  let chunk = 0;
  let carry = 0;
  const scan = (len: number, final: boolean): string | undefined => {
    if (encoding === ENC_ASCII && !byteChecks.isAscii(data.subarray(0, len))) encoding = decideEncoding(data, len);
    return scanner.scanChunk(data, 0, len, chunk++, encoding, final);
  };
  const take = (piece: Uint8Array): string | undefined => {
    data.set(piece, carry);
    const len = carry + piece.length;
    const cut = data.lastIndexOf(LF, len - 1) + 1;
    if (cut === 0) {
      if (len > MAX_RECORD_LENGTH) return "a line that is too long";
      carry = len;
      return undefined;
    }
    if (len - cut > MAX_RECORD_LENGTH) return "a line that is too long";
    const reason = scan(cut, false);
    data.copyWithin(0, cut, len);
    carry = len - cut;
    return reason;
  };
  const rest = head.subarray(end.end);
  if (rest.length > 0) {
    const reason = take(rest);
    if (reason !== undefined) return { ok: false, reason };
  }
  for await (const piece of pieces) {
    const reason = take(piece);
    if (reason !== undefined) return { ok: false, reason };
  }
  if (carry > 0) {
    // a last line without a line end gets one, as the general reader ends it there
    data[carry] = LF;
    const reason = scan(carry + 1, true);
    if (reason !== undefined) return { ok: false, reason };
  }
  if (bytes !== size) return { ok: false, reason: "the file changed while it was read" };
  const merged = merge(file, tariff, [scanner.result()], chunk, h.firstLine);
  if (typeof merged === "string") return { ok: false, reason: merged };
  const info: CsvInfo = { file, bytes, sha256: await hash.hex(), encoding: ENCODINGS[encoding] as Encoding, bom: h.decoder.bom, delimiter: String.fromCharCode(h.delimiter), records: merged.rowsRead, readable: true };
  return { ok: true, summary: merged, info };
}
