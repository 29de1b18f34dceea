/**
 * The fast consumption reader's inner loop: parses a byte range of a CSV file (split at line
 * boundaries) straight from bytes, interns party and area values, and sums points per price
 * period and amounts in exact integers. It accepts only what it understands completely; anything
 * else (a quote, a field count that differs, a value the general reader would reject or read
 * differently) makes it give up, and the caller reads the whole file with the general reader,
 * which then reports every problem with its exact position.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { isAscii, isUtf8 } from "node:buffer";
import { MAX_AREAS, MAX_INPUT_ORE, MAX_POINT_UNITS, MAX_RECORD_LENGTH } from "../core/limits.js";
import { isBlank, isoDateYear, leadingBlank, parseLocaleNumber } from "../core/numbers.js";
import { partyKey } from "../core/names.js";
import { textProblem } from "../core/text.js";

export interface ScanSetup {
  file: string;
  start: number;
  end: number;
  /** column index per field, -1 when absent */
  columns: { year: number; date: number; seller: number; buyer: number; area: number; points: number; amount: number };
  width: number;
  delimiter: number;
  year: number;
  /** partyKey(name or alias) → party index */
  partyNames: [string, number][];
  partyCount: number;
  /** per party: validFrom of each price as yyyymmdd, ascending */
  priceStarts: number[][];
  /** per party: does its price change during the year (after 1 January)? */
  changesInYear: boolean[];
  chunkSize?: number;
}

export interface ScanCell {
  area: number;
  seller: number;
  buyer: number;
  rows: number;
  /** öre */
  amount: bigint;
  /** points (10⁻⁶) per price period of the seller */
  points: bigint[];
}

export interface ScanOk {
  ok: true;
  areas: string[];
  /** area ids in the order they were first counted */
  countedOrder: number[];
  /** per entry of countedOrder: line feeds in the range before its first counted row */
  firstLine: number[];
  /** per entry of countedOrder: the general reader's column of the area value in that row */
  firstColumn: number[];
  cells: ScanCell[];
  rowsRead: number;
  rowsCounted: number;
  otherYear: number;
  ownRegion: number;
  bytes: number;
  /** line feeds in the range */
  lines: number;
  ascii: boolean;
}

export type ScanResult = ScanOk | { ok: false; reason: string };

class GiveUp extends Error {}

/** Distinct spellings of areas (counted or not) and of parties one range interns at most. */
const MAX_AREA_SPELLINGS = 4 * MAX_AREAS;
const MAX_PARTY_SPELLINGS = 10_000;
const MAX_AMOUNT = Number(MAX_INPUT_ORE);
const MAX_POINTS = Number(MAX_POINT_UNITS);

const LIMIT = 2 ** 52; // flush a running sum into BigInt before it could lose exactness
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** An ISO date (already validated) as the number yyyymmdd. */
export function isoToYmd(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** Accumulates a sum exactly: a JS integer while safe, spilling into a BigInt. */
class ExactSum {
  small = 0;
  big = 0n;
  add(x: number): void {
    const s = this.small + x;
    if (s > LIMIT || s < -LIMIT) {
      this.big += BigInt(this.small) + BigInt(x);
      this.small = 0;
    } else this.small = s;
  }
  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

interface Acc {
  area: number;
  seller: number;
  buyer: number;
  rows: number;
  amount: ExactSum;
  points: ExactSum[];
}

export function scanRange(setup: ScanSetup): ScanResult {
  try {
    return scan(setup);
  } catch (e) {
    if (e instanceof GiveUp) return { ok: false, reason: e.message };
    // A file that cannot be read (gone, a directory, an I/O error): the general reader reports it.
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === "string") return { ok: false, reason: `the file could not be read (${code})` };
    throw e;
  }
}

function scan(setup: ScanSetup): ScanResult {
  const { columns: col, width, delimiter: DELIM, partyCount: n } = setup;
  const partyByKey = new Map(setup.partyNames);
  const chunkSize = setup.chunkSize ?? 4 << 20;
  const fd = openSync(setup.file, "r");
  let buf = Buffer.allocUnsafe(chunkSize);
  const starts = new Int32Array(width + 1);
  const ends = new Int32Array(width + 1);

  // Interning by the bytes themselves (hash + byte compare); each new value decoded once as UTF-8.
  const areas: string[] = [];
  // Areas in the order they are first counted (the general reader's order of areas).
  const areaCounted: boolean[] = [];
  const countedOrder: number[] = [];
  const firstLine: number[] = [];
  const firstColumn: number[] = [];
  /** per area id: blanks before the value (the general reader's column points past them) */
  const areaLead: number[] = [];
  const cells = new Map<number, Acc>();
  const segCache: Map<number, number>[] = setup.priceStarts.map(() => new Map());
  const janFirst = setup.year * 10000 + 101;
  let rowsRead = 0;
  let rowsCounted = 0;
  let otherYear = 0;
  let ownRegion = 0;
  /** line feeds before the current line, in this range */
  let line = 0;

  const text = (b: Buffer, s: number, e: number): string => b.toString("utf8", s, e);

  const partyTable = new ByteTable();
  const areaTable = new ByteTable();
  const party = (b: Buffer, s: number, e: number): number => {
    let p = partyTable.get(b, s, e);
    if (p < 0) {
      const t = text(b, s, e);
      if (textProblem(t)) throw new GiveUp("a party value the general reader rejects");
      if (partyTable.size >= MAX_PARTY_SPELLINGS) throw new GiveUp("too many spellings of parties");
      const found = partyByKey.get(partyKey(t));
      if (found === undefined) throw new GiveUp(`unknown party ${t}`);
      p = found;
      partyTable.set(b, s, e, p);
    }
    return p;
  };
  const area = (b: Buffer, s: number, e: number): number => {
    let a = areaTable.get(b, s, e);
    if (a < 0) {
      const t = text(b, s, e);
      if (textProblem(t)) throw new GiveUp("an area value the general reader rejects");
      if (areas.length >= MAX_AREA_SPELLINGS) throw new GiveUp("too many areas");
      a = areas.length;
      areas.push(t);
      areaLead.push(leadingBlank(t));
      areaTable.set(b, s, e, a);
    }
    return a;
  };
  /** A number field as integer units of 10^-dec, at most `max` in absolute value; undefined when blank. */
  const number = (b: Buffer, s: number, e: number, dec: number, max: number): number | undefined => {
    while (s < e && (b[s] === 32 || b[s] === 9)) s++;
    while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    if (s === e) return undefined;
    let i = s;
    let neg = false;
    if (b[i] === 45) {
      neg = true;
      i++;
    }
    let v = 0;
    let digits = 0;
    let frac = -1;
    for (; i < e; i++) {
      const c = b[i] as number;
      if (isDigit(c)) {
        v = v * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if ((c === 44 || c === 46) && frac < 0 && digits > 0) frac = 0;
      else break;
    }
    if (i === e && digits > 0 && digits <= 15 && frac !== 0 && (frac < 0 ? 0 : frac) <= dec) {
      // exact whenever it is at most max (< 2^53); a larger product only needs to compare larger
      const units = v * (POW10[dec - (frac < 0 ? 0 : frac)] as number);
      if (units > max) throw new GiveUp("a number above the limit");
      return neg ? -units : units;
    }
    // Anything else (thousands separators, Unicode minus, no-break spaces…): the general rules.
    const t = text(b, s, e);
    if (isBlank(t)) return undefined;
    const r = parseLocaleNumber(t, dec);
    if (!r.ok) throw new GiveUp(`not a number: ${t}`);
    const big = BigInt(max);
    if (r.units > big || r.units < -big) throw new GiveUp("a number above the limit");
    return Number(r.units);
  };
  /** yyyymmdd of an ISO date field; undefined when blank. */
  const date = (b: Buffer, s: number, e: number): number | undefined => {
    if (e - s === 10 && b[s + 4] === 45 && b[s + 7] === 45) {
      let ok = true;
      let y = 0;
      let m = 0;
      let d = 0;
      for (let k = 0; k < 10; k++) {
        if (k === 4 || k === 7) continue;
        const c = b[s + k] as number;
        if (!isDigit(c)) {
          ok = false;
          break;
        }
        if (k < 4) y = y * 10 + c - 48;
        else if (k < 7) m = m * 10 + c - 48;
        else d = d * 10 + c - 48;
      }
      if (ok) {
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        if (m < 1 || m > 12 || d < 1 || d > (m === 2 && !leap ? 28 : (DAYS[m] as number))) throw new GiveUp("not a calendar date");
        return y * 10000 + m * 100 + d;
      }
    }
    const t = text(b, s, e).trim();
    if (t === "") return undefined;
    const y = isoDateYear(t);
    if (y === undefined) throw new GiveUp(`not a date: ${t}`);
    return isoToYmd(t);
  };
  const yearOf = (b: Buffer, s: number, e: number): number | undefined => {
    if (e - s === 4 && isDigit(b[s] as number) && isDigit(b[s + 1] as number) && isDigit(b[s + 2] as number) && isDigit(b[s + 3] as number)) {
      return ((b[s] as number) - 48) * 1000 + ((b[s + 1] as number) - 48) * 100 + ((b[s + 2] as number) - 48) * 10 + ((b[s + 3] as number) - 48);
    }
    const t = text(b, s, e).trim();
    if (t === "") return undefined;
    if (!/^\d{4}$/.test(t)) throw new GiveUp(`not a year: ${t}`);
    return Number(t);
  };
  const segment = (seller: number, ymd: number): number => {
    const cache = segCache[seller] as Map<number, number>;
    let k = cache.get(ymd);
    if (k === undefined) {
      k = -1;
      for (const from of setup.priceStarts[seller] ?? []) if (from <= ymd) k++;
      cache.set(ymd, k);
    }
    return k;
  };

  /** Only delimiters, spaces and tabs between ls and le (the general reader's blank record). */
  const isBlankLine = (b: Buffer, ls: number, le: number): boolean => {
    for (let i = ls; i < le; i++) {
      const c = b[i];
      if (c !== 32 && c !== 9 && c !== DELIM) return false;
    }
    return true;
  };
  const cSeller = col.seller;
  const cBuyer = col.buyer;
  const cArea = col.area;
  /** One line: bytes [ls, le) of b, its line end excluded; `fields` counted by delimiters. */
  const processLine = (b: Buffer, fields: number, ls: number, le: number): void => {
    // A record with only blanks is skipped (as the general reader does), whatever its field count;
    // test it only when needed: a line whose seller field starts with something else is not blank.
    if (fields !== width || (ends[cSeller] as number) === (starts[cSeller] as number) || b[starts[cSeller] as number] === 32 || b[starts[cSeller] as number] === 9) {
      if (isBlankLine(b, ls, le)) return;
      if (fields !== width) throw new GiveUp("a line whose field count differs from the header");
    }
    let year: number | undefined = col.year >= 0 ? yearOf(b, starts[col.year] as number, ends[col.year] as number) : undefined;
    const ymd = col.date >= 0 ? date(b, starts[col.date] as number, ends[col.date] as number) : undefined;
    if (ymd !== undefined) {
      const dy = (ymd / 10000) | 0;
      if (year !== undefined && dy !== year) throw new GiveUp("year and date disagree");
      year ??= dy;
    }
    if (year === undefined) throw new GiveUp("a row without year and date");
    const s = party(b, starts[cSeller] as number, ends[cSeller] as number);
    const bu = party(b, starts[cBuyer] as number, ends[cBuyer] as number);
    const a = area(b, starts[cArea] as number, ends[cArea] as number);
    const amount = col.amount >= 0 ? number(b, starts[col.amount] as number, ends[col.amount] as number, 2, MAX_AMOUNT) : undefined;
    const points = col.points >= 0 ? number(b, starts[col.points] as number, ends[col.points] as number, 6, MAX_POINTS) : undefined;
    if (amount === undefined && points === undefined) throw new GiveUp("a row with neither amount nor points");
    rowsRead++;
    if (year !== setup.year) {
      otherYear++;
      return;
    }
    if (s === bu) {
      ownRegion++;
      return;
    }
    const key = (a * n + s) * n + bu;
    let acc = cells.get(key);
    if (!acc) {
      if (!areaCounted[a]) {
        // where the general reader's firstAt of this area would point: line, and column in UTF-16 units
        areaCounted[a] = true;
        countedOrder.push(a);
        firstLine.push(line);
        const fieldStart = starts[cArea] as number;
        firstColumn.push(1 + b.toString("utf8", ls, fieldStart).length + (areaLead[a] as number));
      }
      acc = { area: a, seller: s, buyer: bu, rows: 0, amount: new ExactSum(), points: (setup.priceStarts[s] ?? []).map(() => new ExactSum()) };
      cells.set(key, acc);
    }
    if (amount !== undefined) acc.amount.add(amount);
    else {
      if (ymd === undefined && setup.changesInYear[s]) throw new GiveUp("an undated row while the price changes during the year");
      const k = segment(s, ymd ?? janFirst);
      if (k < 0) throw new GiveUp("no point price");
      (acc.points[k] as ExactSum).add(points as number);
    }
    acc.rows++;
    rowsCounted++;
  };

  let filePos = setup.start;
  let carry = 0; // bytes of an unfinished line kept at the start of buf
  let bytes = 0;
  let ascii = true;
  try {
    while (filePos < setup.end || carry > 0) {
      const want = Math.min(buf.length - carry, setup.end - filePos);
      const got = want > 0 ? readSync(fd, buf, carry, want, filePos) : 0;
      filePos += got;
      bytes += got;
      const len = carry + got;
      const last = filePos >= setup.end;
      // The complete lines of this read: checked as a whole (quotes, CR, UTF-8) before parsing.
      const complete = last ? len : buf.lastIndexOf(10, len - 1) + 1;
      if (complete > 0) {
        const region = buf.subarray(0, complete);
        if (region.indexOf(34) >= 0) throw new GiveUp("a quoted field");
        if (region.indexOf(13) >= 0 && !onlyCrlf(region, last)) throw new GiveUp("a lone carriage return");
        if (!isAscii(region)) {
          ascii = false;
          if (!isUtf8(region)) throw new GiveUp("not UTF-8");
          checkSpecials(region);
        }
      }
      // Parse the complete lines in buf[0, len).
      let lineStart = 0;
      let f = 0;
      starts[0] = 0;
      for (let i = 0; i < len; i++) {
        const c = buf[i] as number;
        if (c === DELIM) {
          if (f < width) ends[f] = i;
          f++;
          if (f < width) starts[f] = i + 1;
        } else if (c === 10) {
          // a record longer than the general reader takes (its length counts the line end)
          if (i - lineStart >= MAX_RECORD_LENGTH) throw new GiveUp("a line that is too long");
          const e = i > lineStart && buf[i - 1] === 13 ? i - 1 : i;
          if (f < width) ends[f] = e;
          processLine(buf, f + 1, lineStart, e);
          line++;
          lineStart = i + 1;
          f = 0;
          starts[0] = lineStart;
        }
      }
      if (last) {
        if (lineStart < len) {
          if (len - lineStart > MAX_RECORD_LENGTH) throw new GiveUp("a line that is too long");
          const e = buf[len - 1] === 13 ? len - 1 : len;
          if (f < width) ends[f] = e;
          processLine(buf, f + 1, lineStart, e);
        }
        break;
      }
      // keep the unfinished line for the next read
      carry = len - lineStart;
      // at least one more byte of this line follows: it would be a record longer than the limit
      if (carry >= MAX_RECORD_LENGTH) throw new GiveUp("a line that is too long");
      if (carry === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      } else buf.copy(buf, 0, lineStart, len);
      if (got === 0 && filePos >= setup.end) break;
    }
  } finally {
    closeSync(fd);
  }
  return {
    ok: true,
    areas,
    countedOrder,
    firstLine,
    firstColumn,
    cells: [...cells.values()].map((c) => ({ area: c.area, seller: c.seller, buyer: c.buyer, rows: c.rows, amount: c.amount.value(), points: c.points.map((p) => p.value()) })),
    rowsRead,
    rowsCounted,
    otherYear,
    ownRegion,
    bytes,
    lines: line,
    ascii,
  };
}

/**
 * Byte strings → ids, without making a string per lookup: FNV-1a hash of the bytes, then a
 * byte-by-byte comparison with the stored copy.
 */
class ByteTable {
  private mask = 1023;
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  private readonly entries: { bytes: Buffer; id: number }[] = [];

  private static hash(b: Buffer, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    return h;
  }

  get size(): number {
    return this.entries.length;
  }

  get(b: Buffer, s: number, e: number): number {
    const h = ByteTable.hash(b, s, e);
    const len = e - s;
    for (let k = h & this.mask; ; k = (k + 1) & this.mask) {
      const slot = this.slots[k] as number;
      if (slot < 0) return -1;
      if (this.hashes[k] !== h) continue;
      const entry = this.entries[slot] as { bytes: Buffer; id: number };
      const x = entry.bytes;
      if (x.length !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (x[i] !== b[s + i]) {
          same = false;
          break;
        }
      }
      if (same) return entry.id;
    }
  }

  set(b: Buffer, s: number, e: number, id: number): void {
    if ((this.entries.length + 1) * 2 > this.mask + 1) this.grow();
    this.entries.push({ bytes: Buffer.from(b.subarray(s, e)), id });
    this.place(ByteTable.hash(b, s, e), this.entries.length - 1);
  }

  private place(h: number, slot: number): void {
    let k = h & this.mask;
    while ((this.slots[k] as number) >= 0) k = (k + 1) & this.mask;
    this.slots[k] = slot;
    this.hashes[k] = h;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.entries.forEach((entry, slot) => this.place(ByteTable.hash(entry.bytes, 0, entry.bytes.length), slot));
  }
}

/**
 * Non-ASCII text the general reader would not read as these bytes say: U+FFFD (it reports
 * CSV_ENCODING) and U+FEFF (its decoder drops one when it is the first non-ASCII character of
 * a file without BOM, which moves columns). Both start with the byte EF.
 */
function checkSpecials(region: Buffer): void {
  for (let i = region.indexOf(0xef); i >= 0; i = region.indexOf(0xef, i + 1)) {
    const b1 = region[i + 1];
    const b2 = region[i + 2];
    if (b1 === 0xbf && b2 === 0xbd) throw new GiveUp("a U+FFFD replacement character");
    if (b1 === 0xbb && b2 === 0xbf) throw new GiveUp("a U+FEFF byte order mark inside the file");
  }
}

/** CR only as part of CRLF (a CR that ends the last line of the file is one too). */
function onlyCrlf(b: Buffer, last: boolean): boolean {
  for (let i = b.indexOf(13); i >= 0; i = b.indexOf(13, i + 1)) {
    if (i + 1 < b.length ? b[i + 1] !== 10 : !last) return false;
  }
  return true;
}
