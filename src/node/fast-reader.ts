/**
 * The fast consumption reader: splits the file into byte ranges at line boundaries, scans them on
 * worker threads (one per core) with `scanRange`, and merges the exact integer sums into the same
 * ConsumptionSummary the general reader builds. Meanwhile the main thread hashes the file.
 * When any range meets something it does not fully understand, the caller reads the whole file
 * with the general reader instead, so results and error messages are always the general reader's.
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
import { CsvTokenizer, SniffingDecoder, mapHeader, type CsvInfo } from "../io/csv.js";
import { CONSUMPTION_COLUMNS } from "../io/inputs.js";
import { isoToYmd, scanRange, type ScanResult, type ScanSetup } from "./fast-scan.js";

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


export async function readConsumptionFast(file: string, tariff: CompiledTariff, options: FastOptions = {}): Promise<FastOutcome> {
  const size = statSync(file).size;
  // The header: read with the general tokenizer (BOM, delimiter, names).
  const fd = openSync(file, "r");
  const head = Buffer.alloc(Math.min(size, 1 << 16));
  readSync(fd, head, 0, head.length, 0);
  const nl = head.indexOf(10);
  if (nl < 0) {
    closeSync(fd);
    return { ok: false, reason: "no complete header line" };
  }
  const headerBytes = head.subarray(0, nl + 1);
  if (headerBytes.indexOf(34) >= 0) {
    closeSync(fd);
    return { ok: false, reason: "a quoted header" };
  }
  const bag = new DiagnosticBag();
  const decoder = new SniffingDecoder();
  const tokenizer = new CsvTokenizer(file, bag);
  const records = tokenizer.push(decoder.decode(headerBytes) + decoder.end(), true);
  const header = records[0];
  if (!header || bag.hasErrors || decoder.encoding === "windows-1252") {
    closeSync(fd);
    return { ok: false, reason: "a header the fast reader does not take" };
  }
  const map = mapHeader(header, CONSUMPTION_COLUMNS, file, bag);
  const has = (f: Parameters<typeof map.get>[0]) => map.has(f);
  if (bag.hasErrors || !has("seller") || !has("buyer") || !has("area") || !(has("year") || has("date")) || !(has("points") || has("amount"))) {
    closeSync(fd);
    return { ok: false, reason: "missing or repeated columns" };
  }
  const delimiter = (tokenizer.delimiter ?? ";").charCodeAt(0);

  // Byte ranges split at line starts.
  const workers = options.workers ?? Math.max(1, availableParallelism());
  const rangeCount = Math.max(1, options.ranges ?? Math.max(1, workers));
  const first = nl + 1;
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
  closeSync(fd);

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
  const hashing = hashFile(file, options.onProgress);
  let results: ScanResult[];
  if (workers === 0) {
    results = setups.map(scanRange);
  } else {
    results = await runOnWorkers(setups, workers);
  }
  const { sha256, bytes } = await hashing;
  const failed = results.find((r): r is { ok: false; reason: string } => !r.ok);
  if (failed) return { ok: false, reason: failed.reason };

  // Merge into the general reader's summary, areas in order of first appearance.
  const summary: ConsumptionSummary = { rowsRead: 0, rowsCounted: 0, skipped: { otherYear: 0, ownRegion: 0 }, areas: [] };
  const byKey = new Map<string, AreaTotals>();
  for (const r of results) {
    if (!r.ok) continue;
    summary.rowsRead += r.rowsRead;
    summary.rowsCounted += r.rowsCounted;
    summary.skipped.otherYear += r.otherYear;
    summary.skipped.ownRegion += r.ownRegion;
    const local: AreaTotals[] = [];
    for (const id of r.countedOrder) {
      const text = r.areas[id] as string;
      const key = areaKey(text);
      let a = byKey.get(key);
      if (!a) {
        a = newAreaTotals(tariff, key);
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
  }
  const info: CsvInfo = {
    file,
    bytes,
    sha256,
    encoding: decoder.encoding === "ascii" && results.every((r) => r.ok && r.ascii) ? "ascii" : "utf-8",
    bom: decoder.bom,
    delimiter: String.fromCharCode(delimiter),
    records: summary.rowsRead,
    readable: true,
  };
  return { ok: true, summary, info };
}

function runOnWorkers(setups: ScanSetup[], workers: number): Promise<ScanResult[]> {
  const url = new URL("./fast-worker.js", import.meta.url);
  const results: ScanResult[] = new Array<ScanResult>(setups.length);
  let next = 0;
  return new Promise((resolve, reject) => {
    let running = 0;
    let failed = false;
    const launch = (): void => {
      while (running < workers && next < setups.length && !failed) {
        const k = next++;
        running++;
        const w = new Worker(url, { workerData: setups[k] });
        w.once("message", (r: ScanResult) => {
          results[k] = r;
        });
        w.once("error", (e) => {
          failed = true;
          reject(e);
        });
        w.once("exit", () => {
          running--;
          if (results[k] === undefined && !failed) {
            failed = true;
            reject(new Error("a fast-reader worker ended without a result"));
            return;
          }
          if (next >= setups.length && running === 0) resolve(results);
          else launch();
        });
      }
    };
    launch();
  });
}

async function hashFile(file: string, onProgress?: (read: number, total: number) => void): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  const total = statSync(file).size;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    onProgress?.(bytes, total);
  }
  return { sha256: hash.digest("hex"), bytes };
}
