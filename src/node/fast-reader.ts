/**
 * The fast consumption reader: splits the file into byte ranges at line boundaries, scans them on
 * worker threads (one per core) with `scanRange`, and merges the exact integer sums into the same
 * ConsumptionSummary the general reader builds. Meanwhile the main thread hashes the file.
 * When any range meets something it does not fully understand, the file cannot be read, or a
 * worker cannot run, it gives up ({ok: false, reason}) and the caller reads the whole file with
 * the general reader instead, so results and error messages are always the general reader's.
 */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ConsumptionSummary, AreaTotals } from "../core/consumption.js";
import { addToCell, newAreaTotals } from "../core/consumption.js";
import { VALUE_UNITS_PER_ORE } from "../core/decimal.js";
import { DiagnosticBag } from "../core/diagnostics.js";
import { areaKey, partyKey, type CompiledTariff } from "../core/tariff.js";
import { CsvTokenizer, SniffingDecoder, mapHeader, type CsvInfo, type CsvRecord } from "../io/csv.js";
import { CONSUMPTION_COLUMNS } from "../io/inputs.js";
import { MAX_AREAS } from "../core/limits.js";
import { isoToYmd, scanRange, type ScanOk, type ScanResult, type ScanSetup } from "./fast-scan.js";

export interface FastOptions {
  /** worker threads; 0 scans in this thread (tests). Default: one per core. */
  workers?: number;
  /** how many byte ranges (default: as many as workers, at least 1) */
  ranges?: number;
  /** bytes per read inside a range (default 4 MiB) */
  chunkSize?: number;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

export type FastOutcome = { ok: true; summary: ConsumptionSummary; info: CsvInfo } | { ok: false; reason: string };

/** Reads a consumption file fast, or says why the general reader must read it. Never throws. */
export async function readConsumptionFast(file: string, tariff: CompiledTariff, options: FastOptions = {}): Promise<FastOutcome> {
  try {
    return await readFast(file, tariff, options);
  } catch (e) {
    // A file that cannot be read (missing, a directory, an I/O error…): the general reader reports
    // it (FILE_READ). Anything else unexpected is handed over too, saying so.
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === "string") return { ok: false, reason: `the file could not be read (${code})` };
    return { ok: false, reason: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The header line as the general tokenizer reads it, or why the fast reader does not take it. */
function readHeader(file: string, fd: number, size: number): { header: CsvRecord; delimiter: number; decoder: SniffingDecoder; first: number } | string {
  const head = Buffer.alloc(Math.min(size, 1 << 16));
  const got = readSync(fd, head, 0, head.length, 0);
  const nl = head.subarray(0, got).indexOf(10);
  if (nl < 0) return "no complete header line";
  const headerBytes = head.subarray(0, nl + 1);
  // The general tokenizer ends a record at a lone CR too: the header must end at this LF (or
  // CRLF) and hold no other CR, or it would not be the whole record up to `first`.
  const cr = headerBytes.indexOf(13);
  if (cr >= 0 && cr !== nl - 1) return "a lone carriage return in the header";
  if (headerBytes.indexOf(34) >= 0) return "a quoted header";
  const bag = new DiagnosticBag();
  const decoder = new SniffingDecoder();
  const tokenizer = new CsvTokenizer(file, bag);
  const text = decoder.decode(headerBytes) + decoder.end();
  const records = tokenizer.push(text, true);
  const header = records[0];
  if (!header || records.length !== 1 || bag.hasErrors || decoder.encoding === "windows-1252" || text.includes("\ufffd")) {
    return "a header the fast reader does not take";
  }
  return { header, delimiter: (tokenizer.delimiter ?? ";").charCodeAt(0), decoder, first: nl + 1 };
}

async function readFast(file: string, tariff: CompiledTariff, options: FastOptions): Promise<FastOutcome> {
  const stat = statSync(file);
  if (!stat.isFile()) return { ok: false, reason: "not a regular file" };
  const size = stat.size;
  // The header: read with the general tokenizer (BOM, delimiter, names).
  const fd = openSync(file, "r");
  let bounds: number[];
  let headerRead: Exclude<ReturnType<typeof readHeader>, string>;
  try {
    const h = readHeader(file, fd, size);
    if (typeof h === "string") return { ok: false, reason: h };
    headerRead = h;
    bounds = splitRanges(fd, h.first, size, options);
  } finally {
    closeSync(fd);
  }
  const { header, delimiter, decoder } = headerRead;
  const headerBag = new DiagnosticBag();
  const map = mapHeader(header, CONSUMPTION_COLUMNS, file, headerBag);
  const has = (f: Parameters<typeof map.get>[0]) => map.has(f);
  if (headerBag.hasErrors || !has("seller") || !has("buyer") || !has("area") || !(has("year") || has("date")) || !(has("points") || has("amount"))) {
    return { ok: false, reason: "missing or repeated columns" };
  }
  const workers = options.workers ?? Math.max(1, availableParallelism());
  const n = tariff.parties.length;
  const partyNames: [string, number][] = [];
  tariff.parties.forEach((p, i) => {
    for (const name of [p.id, ...p.aliases]) partyNames.push([partyKey(name), i]);
  });
  const priceStarts = tariff.pointPrices.map((list) => list.map((pp) => isoToYmd(pp.validFrom)));
  const janFirst = tariff.year * 10000 + 101;
  const yearEnd = tariff.year * 10000 + 1231;
  const setups: ScanSetup[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    setups.push({
      file,
      start: bounds[k] as number,
      end: bounds[k + 1] as number,
      columns: {
        year: map.get("year") ?? -1,
        date: map.get("date") ?? -1,
        seller: map.get("seller") ?? -1,
        buyer: map.get("buyer") ?? -1,
        area: map.get("area") ?? -1,
        points: map.get("points") ?? -1,
        amount: map.get("amount") ?? -1,
      },
      width: header.fields.length,
      delimiter,
      year: tariff.year,
      partyNames,
      partyCount: n,
      priceStarts,
      changesInYear: priceStarts.map((list) => list.some((d) => d > janFirst && d <= yearEnd)),
      chunkSize: options.chunkSize,
    });
  }

  // Scan (on workers), and hash the file here meanwhile.
  const stopHashing = new AbortController();
  const hashing = hashFile(file, size, stopHashing.signal, options.onProgress).catch((e: unknown) => e as Error);
  let scanned: ScanOk[] | string;
  try {
    scanned = workers === 0 ? scanHere(setups) : await runOnWorkers(setups, workers);
  } catch (e) {
    stopHashing.abort();
    await hashing;
    throw e;
  }
  if (typeof scanned === "string") {
    stopHashing.abort();
    await hashing;
    return { ok: false, reason: scanned };
  }
  const hashed = await hashing;
  if (hashed instanceof Error) throw hashed;
  const { sha256, bytes } = hashed;
  if (bytes !== size) return { ok: false, reason: "the file changed while it was read" };
  const results = scanned;

  // Merge into the general reader's summary, areas in order of first appearance.
  const summary: ConsumptionSummary = { rowsRead: 0, rowsCounted: 0, skipped: { otherYear: 0, ownRegion: 0, afterThrough: 0 }, areas: [] };
  const byKey = new Map<string, AreaTotals>();
  // the header is line 1 and ends at the first line feed; each range starts after the previous one's
  let lineBase = 2;
  for (const r of results) {
    summary.rowsRead += r.rowsRead;
    summary.rowsCounted += r.rowsCounted;
    summary.skipped.otherYear += r.otherYear;
    summary.skipped.ownRegion += r.ownRegion;
    const local: AreaTotals[] = [];
    for (let k = 0; k < r.countedOrder.length; k++) {
      const id = r.countedOrder[k] as number;
      const key = areaKey(r.areas[id] as string);
      let a = byKey.get(key);
      if (!a) {
        if (byKey.size >= MAX_AREAS) return { ok: false, reason: "too many areas" };
        a = newAreaTotals(tariff, key);
        a.firstAt = { file, line: lineBase + (r.firstLine[k] as number), column: r.firstColumn[k] as number };
        byKey.set(key, a);
        summary.areas.push(a);
      }
      local[id] = a;
    }
    for (const c of r.cells) {
      const a = local[c.area] as AreaTotals;
      const prices = tariff.pointPrices[c.seller] ?? [];
      let value = c.amount * VALUE_UNITS_PER_ORE;
      c.points.forEach((p, k) => {
        value += p * (prices[k]?.price ?? 0n);
      });
      addToCell(a, c.seller * n + c.buyer, value, c.rows);
    }
    lineBase += r.lines;
  }
  const info: CsvInfo = {
    file,
    bytes,
    sha256,
    encoding: decoder.encoding === "ascii" && results.every((r) => r.ascii) ? "ascii" : "utf-8",
    bom: decoder.bom,
    delimiter: String.fromCharCode(delimiter),
    records: summary.rowsRead,
    readable: true,
  };
  return { ok: true, summary, info };
}

/** Byte ranges of the body, split at line starts: [first, …, size]. */
function splitRanges(fd: number, first: number, size: number, options: FastOptions): number[] {
  const workers = options.workers ?? Math.max(1, availableParallelism());
  const rangeCount = Math.max(1, options.ranges ?? Math.max(1, workers));
  const bounds = [first];
  const probe = Buffer.alloc(1 << 16);
  for (let k = 1; k < rangeCount; k++) {
    let pos = first + Math.floor(((size - first) * k) / rangeCount);
    if (pos <= (bounds[bounds.length - 1] as number)) continue;
    for (;;) {
      const got = readSync(fd, probe, 0, probe.length, pos);
      if (got === 0) {
        pos = size;
        break;
      }
      const i = probe.subarray(0, got).indexOf(10);
      if (i >= 0) {
        pos += i + 1;
        break;
      }
      pos += got;
    }
    if (pos < size && pos > (bounds[bounds.length - 1] as number)) bounds.push(pos);
  }
  bounds.push(size);
  return bounds;
}

/** Scans the ranges in this thread, one after the other; stops at the first that gives up. */
function scanHere(setups: ScanSetup[]): ScanOk[] | string {
  const results: ScanOk[] = [];
  for (const setup of setups) {
    const r = scanRange(setup);
    if (!r.ok) return r.reason;
    results.push(r);
  }
  return results;
}

/**
 * Scans the ranges on worker threads. A range that gives up, a worker that cannot start (a
 * bundled app without fast-worker.js) or that dies: the other workers are stopped, and the
 * reason is returned, so that the general reader takes over.
 */
function runOnWorkers(setups: ScanSetup[], workers: number): Promise<ScanOk[] | string> {
  const results: ScanOk[] = new Array<ScanOk>(setups.length);
  const running = new Set<Worker>();
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    let finished = false;
    const finish = (outcome: ScanOk[] | string): void => {
      if (finished) return;
      finished = true;
      for (const w of running) void w.terminate();
      resolve(outcome);
    };
    const launch = (): void => {
      while (!finished && running.size < workers && next < setups.length) {
        const k = next++;
        let w: Worker;
        try {
          w = new Worker(new URL("./fast-worker.js", import.meta.url), { workerData: setups[k] });
        } catch (e) {
          finish(`a worker thread could not start (${e instanceof Error ? e.message : String(e)})`);
          return;
        }
        running.add(w);
        let result: ScanResult | undefined;
        w.once("message", (r: ScanResult) => {
          result = r;
          if (!r.ok) finish(r.reason);
        });
        w.on("error", (e) => finish(`a worker thread failed (${e instanceof Error ? e.message : String(e)})`));
        w.once("exit", () => {
          running.delete(w);
          if (finished) return;
          if (result === undefined) {
            finish("a worker thread ended without a result");
            return;
          }
          if (result.ok) results[k] = result;
          done++;
          if (done === setups.length) finish(results);
          else launch();
        });
      }
    };
    launch();
  });
}

/** The file's SHA-256 and size, read as a stream (progress is reported from here). */
async function hashFile(file: string, total: number, signal: AbortSignal, onProgress?: (read: number, total: number) => void): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, signal }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    onProgress?.(bytes, total);
  }
  return { sha256: hash.digest("hex"), bytes };
}
