/**
 * The parts of the fast consumption reader that need no thread and no file: the header as the
 * general tokenizer reads it, the scanners' setup, the encoding the general reader would choose,
 * and the merge of the scanners' results into the general reader's summary. The Node reader (on
 * every core) and the browser's streaming reader share them. No `node:` import.
 */
import type { ConsumptionSummary, AreaTotals } from "../../core/model/consumption.js";
import { addToCell, newAreaTotals } from "../../core/model/consumption.js";
import { VALUE_UNITS_PER_ORE } from "../../core/model/decimal.js";
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { MAX_AREAS } from "../../core/model/limits.js";
import { areaKey, partyKey } from "../../core/model/names.js";
import type { CompiledTariff } from "../../core/model/tariff-compile.js";
import { CsvTokenizer, SniffingDecoder, mapHeader, type CsvInfo, type CsvRecord, type Encoding } from "../csv.js";
import { CONSUMPTION_COLUMNS } from "../inputs.js";
import { ENC_ASCII, ENC_CP1252, ENC_UTF8, isoToYmd, type ScanOk, type ScanSetup } from "./scan.js";

/** What a fast read gives: the general reader's summary and file description, or why it handed over. */
export type FastOutcome = { ok: true; summary: ConsumptionSummary; info: CsvInfo } | { ok: false; reason: string };

/** Words of line records per walker: a piece of 16 KiB of lines with up to 14 fields kept each. */
export const RECORD_WORDS = 1 << 19;
/** Bytes of blank lines before the header the fast reader looks past, besides the header itself. */
export const HEADER_SLACK = 1 << 16;
/** The encodings by the scanners' numbers (ENC_ASCII, ENC_UTF8, ENC_CP1252). */
export const ENCODINGS: Encoding[] = ["ascii", "utf-8", "windows-1252"];

/** The scanners' number of the encoding the header's decoder settled on. */
export function scanEncoding(h: HeaderRead): number {
  return h.decoder.encoding === "utf-8" ? ENC_UTF8 : h.decoder.encoding === "windows-1252" ? ENC_CP1252 : ENC_ASCII;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface HeaderRead {
  header: CsvRecord;
  delimiter: number;
  decoder: SniffingDecoder;
  /** the bytes up to the first data line: BOM, blank lines before the header, the header record and its line end */
  bytes: Uint8Array;
  /** the line (1-based, as the general reader counts them) where the data starts */
  firstLine: number;
}

/** The header record of `headerBytes` (up to the first data line) as the general tokenizer reads it, or why the fast reader does not take it. */
export function headerOf(file: string, headerBytes: Uint8Array, delimiter: number): HeaderRead | string {
  const bag = new DiagnosticBag();
  const decoder = new SniffingDecoder();
  const tokenizer = new CsvTokenizer(file, bag);
  const text = decoder.decode(headerBytes) + decoder.end();
  const records = tokenizer.push(text, true);
  const header = records[0];
  if (!header || records.length !== 1 || bag.hasErrors || text.includes("\ufffd")) return "a header the fast reader does not take";
  if (tokenizer.delimiter?.charCodeAt(0) !== delimiter) return "internal: the header's delimiter";
  // lines as the general tokenizer counts them: LF, CRLF and a lone CR each end one
  let lines = 0;
  for (let i = 0; i < headerBytes.length; i++) if (headerBytes[i] === LF || (headerBytes[i] === CR && headerBytes[i + 1] !== LF)) lines++;
  return { header, delimiter: (tokenizer.delimiter ?? ";").charCodeAt(0), decoder, bytes: headerBytes, firstLine: 1 + lines };
}

/** What the scanners need to know of the file and the tariff, or why the fast reader does not take the header. */
export function scanSetup(file: string, h: HeaderRead, tariff: CompiledTariff, pieceSize?: number): ScanSetup | string {
  const { header, delimiter } = h;
    const headerBag = new DiagnosticBag();
  const map = mapHeader(header, CONSUMPTION_COLUMNS, file, headerBag);
  const has = (f: Parameters<typeof map.get>[0]) => map.has(f);
  if (headerBag.hasErrors || !has("seller") || !has("buyer") || !has("area") || !(has("year") || has("date")) || !(has("points") || has("amount"))) {
    return "missing or repeated columns";
  }
  const partyNames: [string, number][] = [];
  tariff.parties.forEach((p, i) => {
    for (const name of [p.id, ...p.aliases]) partyNames.push([partyKey(name), i]);
  });
  const priceStarts = tariff.pointPrices.map((list) => list.map((pp) => isoToYmd(pp.validFrom)));
  const janFirst = tariff.year * 10000 + 101;
  const yearEnd = tariff.year * 10000 + 1231;
  return {
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
    partyCount: tariff.parties.length,
    priceStarts,
    changesInYear: priceStarts.map((list) => list.some((d) => d > janFirst && d <= yearEnd)),
    ...(pieceSize !== undefined ? { pieceSize: Math.max(1, pieceSize) } : {}),
  };
}

/**
 * Where the first record of b[0, len) ends, its line end included, as the general tokenizer
 * reads it (a BOM and blank lines before it skipped; quotes per RFC 4180, an unclosed quote
 * running to the end), and the delimiter it detects; undefined when the bytes end before the
 * record does (`atEof`: the file ends there).
 */
export function headerEnd(b: Uint8Array, len: number, atEof: boolean): { end: number; delimiter: number } | undefined {
  let i = len >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  // the delimiter, from the text up to the first line end (blank there: `;`)
  let first = i;
  while (first < len && b[first] !== LF && b[first] !== CR) first++;
  if (first === len && !atEof) return undefined;
  const delim = delimiterOf(b, i, first);
  while (i < len && (b[i] === LF || b[i] === CR)) i++;
  for (;;) {
    if (i < len && b[i] === QUOTE) {
      let j = i + 1;
      for (;;) {
        if (j >= len) return undefined;
        if (b[j] === QUOTE) {
          if (j + 1 >= len && !atEof) return undefined; // a doubled quote or the closing one: the next byte says
          if (j + 1 < len && b[j + 1] === QUOTE) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      i = j + 1;
    }
    while (i < len && b[i] !== delim && b[i] !== LF && b[i] !== CR) i++;
    if (i >= len) return undefined;
    if (b[i] === delim) {
      i++;
      continue;
    }
    if (b[i] === LF) return { end: i + 1, delimiter: delim };
    // a CR: of a CRLF, or a line end of its own
    if (i + 1 >= len) return atEof ? { end: i + 1, delimiter: delim } : undefined;
    return { end: b[i + 1] === LF ? i + 2 : i + 1, delimiter: delim };
  }
}

/**
 * The general reader's detectDelimiter over the bytes of the first line: the candidate that
 * occurs most often outside quotes, `;` on a tie (only ASCII bytes count, in every encoding).
 */
function delimiterOf(b: Uint8Array, s: number, e: number): number {
  let semicolons = 0;
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (c === 59) semicolons++;
      else if (c === 9) tabs++;
      else if (c === 44) commas++;
    }
  }
  let best = 59;
  let most = semicolons;
  if (tabs > most) [best, most] = [9, tabs];
  if (commas > most) best = 44;
  return best;
}

/** The encoding the general reader's decoder chooses at the first non-ASCII byte of view[0, end). */
export function decideEncoding(view: Uint8Array, end: number): number {
  let i = 0;
  while ((view[i] as number) < 0x80) i++;
  const d = new SniffingDecoder();
  d.decode(new Uint8Array([0x78])); // past the byte order mark test of a first chunk
  // the chunk ends with a line feed, so a sequence cut short is invalid here, as at the end of the file
  d.decode(view.slice(i, Math.min(i + 4, end)));
  if (d.encoding === "ascii") d.end();
  return d.encoding === "utf-8" ? ENC_UTF8 : ENC_CP1252;
}

/** The scanners' results as the general reader's summary: areas in file order, exact sums. */
export function merge(file: string, tariff: CompiledTariff, results: ScanOk[], chunks: number, firstLine: number): ConsumptionSummary | string {
  const n = tariff.parties.length;
  // line of the first line of each chunk: the data starts at firstLine
  const linesIn = new Float64Array(chunks);
  for (const r of results) r.chunks.forEach((k, i) => (linesIn[k] = r.chunkLines[i] as number));
  const lineBase = new Float64Array(chunks);
  for (let k = 0, line = firstLine; k < chunks; k++) {
    lineBase[k] = line;
    line += linesIn[k] as number;
  }
  const summary: ConsumptionSummary = { rowsRead: 0, rowsCounted: 0, skipped: { otherYear: 0, ownRegion: 0, afterThrough: 0 }, areas: [] };
  // areas in the order of their first counted row in the file
  const firsts = results.flatMap((r, which) => r.first.map((f) => ({ ...f, which, line: (lineBase[f.chunk] as number) + f.line })));
  firsts.sort((a, b) => a.line - b.line);
  const byKey = new Map<string, AreaTotals>();
  const local: AreaTotals[][] = results.map(() => []);
  for (const f of firsts) {
    const key = areaKey((results[f.which] as ScanOk).areas[f.area] as string);
    let a = byKey.get(key);
    if (!a) {
      if (byKey.size >= MAX_AREAS) return "too many areas";
      a = newAreaTotals(tariff, key);
      a.firstAt = { file, line: f.line, column: f.column };
      byKey.set(key, a);
      summary.areas.push(a);
    }
    (local[f.which] as AreaTotals[])[f.area] = a;
  }
  results.forEach((r, which) => {
    summary.rowsRead += r.rowsRead;
    summary.rowsCounted += r.rowsCounted;
    summary.skipped.otherYear += r.otherYear;
    summary.skipped.ownRegion += r.ownRegion;
    for (const c of r.cells) {
      const a = (local[which] as AreaTotals[])[c.area] as AreaTotals;
      const prices = tariff.pointPrices[c.seller] ?? [];
      let value = c.amount * VALUE_UNITS_PER_ORE;
      c.points.forEach((p, k) => {
        value += p * (prices[k]?.price ?? 0n);
      });
      addToCell(a, c.seller * n + c.buyer, value, c.rows);
    }
  });
  return summary;
}
