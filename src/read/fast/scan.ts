/**
 * The fast consumption reader's inner loop: parses chunks of whole lines of a CSV file straight
 * from bytes (UTF-8, ASCII or Windows-1252; plain or RFC 4180 quoted fields), interns party and
 * area values by their bytes (each distinct spelling decoded once), and sums points per price
 * period and amounts in exact integers. It accepts only what it understands completely;
 * anything else (a line break inside quotes, a field count that differs, a value the general
 * reader would reject or read differently) makes it give up, and the caller reads the whole file
 * with the general reader, which then reports every problem with its exact position.
 *
 * A Scanner keeps its state across chunks, so one per thread scans any subset of the chunks in
 * any order; each first counted area remembers its chunk and line, so the caller can merge
 * in file order.
 */
import { byteChecks } from "./bytes.js";
import { MAX_AREAS, MAX_INPUT_ORE, MAX_POINT_UNITS, MAX_RECORD_LENGTH } from "../../core/model/limits.js";
import { isBlank, isoDateYear, leadingBlank, parseLocaleNumber } from "../../core/model/numbers.js";
import { partyKey } from "../../core/model/names.js";
import { textProblem } from "../../core/model/text-values.js";
import { recordSize, type Walker } from "./walker.js";

/** How a chunk's bytes decode: as the general reader's SniffingDecoder has decided by then. */
export const ENC_ASCII = 0; // no non-ASCII byte before this chunk's end: every encoding agrees
export const ENC_UTF8 = 1;
export const ENC_CP1252 = 2;

export interface ScanSetup {
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
  /** bytes walked at a time, then up to a line end (default PIECE; small in tests) */
  pieceSize?: number;
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
  /** every spelling of an area this scanner met, by id */
  areas: string[];
  /** per area first counted by this scanner: its id, chunk, line feeds before it in the chunk, column */
  first: { area: number; chunk: number; line: number; column: number }[];
  cells: ScanCell[];
  rowsRead: number;
  rowsCounted: number;
  otherYear: number;
  ownRegion: number;
  /** per chunk scanned: its number and its line feeds */
  chunks: number[];
  chunkLines: number[];
}

export type ScanResult = ScanOk | { ok: false; reason: string };

export class GiveUp extends Error {}

/** Distinct spellings of areas (counted or not) and of parties one scanner interns at most. */
const MAX_AREA_SPELLINGS = 4 * MAX_AREAS;
const MAX_PARTY_SPELLINGS = 10_000;
const MAX_AMOUNT = Number(MAX_INPUT_ORE);
const MAX_POINTS = Number(MAX_POINT_UNITS);

const LIMIT = 2 ** 52; // spill a running sum into BigInt before it could lose exactness
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LF = 10;
const CR = 13;
/** bytes walked at a time (then up to a line end): the piece and its records stay in the core's cache */
const PIECE = 16 * 1024;
const QUOTE = 34;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** An ISO date (already validated) as the number yyyymmdd. */
export function isoToYmd(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

const cp1252 = new TextDecoder("windows-1252");
const utf8 = new TextDecoder("utf-8");

export class Scanner {
  private readonly s: ScanSetup;
  private readonly walker: Walker;
  private readonly width: number;
  /** fields whose bounds are kept: up to the last column read */
  private readonly kept: number;
  /** the bounds of a line walked byte by byte (walkLine) */
  private readonly scratch: Int32Array;
  private readonly delim: number;
  private readonly n: number;
  /** per column: 1 when the scanner reads it (a doubled quote in it is handed over) */
  private readonly needed: Uint8Array;
  private readonly partyByKey: Map<string, number>;
  private readonly partyTable = new ByteTable();
  private readonly areaTable = new ByteTable();
  private readonly areas: string[] = [];
  /** per area id: blanks before the value (the general reader's column points past them) */
  private readonly areaLead: number[] = [];
  private readonly areaCounted: boolean[] = [];
  private readonly first: ScanOk["first"] = [];
  /** per party: its price period for every date of the year, by month·32 + day (-1: no price) */
  private readonly segments: Int16Array[];
  private readonly cYear: number;
  private readonly cDate: number;
  private readonly cSeller: number;
  private readonly cBuyer: number;
  private readonly cArea: number;
  private readonly cPoints: number;
  private readonly cAmount: number;
  /** cells: (area, seller·n + buyer) → cell index; a small table per area when n² ≤ 64, else a Map */
  private readonly cellTables: Int32Array[] = [];
  private readonly cellMap = new Map<number, number>();
  private readonly stride: number;
  /** per cell: [rows, amount, points per period…] as exact doubles below 2^52; spill in `big` */
  private sums = new Float64Array(0);
  private readonly big = new Map<number, bigint>();
  private cellArea: number[] = [];
  private cellSeller: number[] = [];
  private cellBuyer: number[] = [];
  private rowsRead = 0;
  private rowsCounted = 0;
  private otherYear = 0;
  private ownRegion = 0;
  private readonly chunks: number[] = [];
  private readonly chunkLines: number[] = [];
  /** the chunk being scanned and its encoding */
  private chunk = 0;
  private enc = ENC_ASCII;

  constructor(setup: ScanSetup, walker: Walker) {
    this.s = setup;
    this.walker = walker;
    this.width = setup.width;
    this.kept = Math.min(setup.width, 1 + Math.max(...Object.values(setup.columns)));
    this.scratch = new Int32Array(2 * this.kept);
    this.delim = setup.delimiter;
    this.n = setup.partyCount;
    this.needed = new Uint8Array(setup.width);
    for (const c of Object.values(setup.columns)) if (c >= 0) this.needed[c] = 1;
    this.partyByKey = new Map(setup.partyNames);
    this.segments = setup.priceStarts.map((list) => {
      const table = new Int16Array(13 * 32).fill(-1);
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) table[m * 32 + d] = list.filter((from) => from <= setup.year * 10000 + m * 100 + d).length - 1;
      return table;
    });
    this.cYear = setup.columns.year;
    this.cDate = setup.columns.date;
    this.cSeller = setup.columns.seller;
    this.cBuyer = setup.columns.buyer;
    this.cArea = setup.columns.area;
    this.cPoints = setup.columns.points;
    this.cAmount = setup.columns.amount;
    this.stride = 2 + Math.max(0, ...setup.priceStarts.map((l) => l.length));
  }

  /** Scans a chunk, giving up by returning a reason (never throws for bad input). */
  scanChunk(b: Uint8Array, start: number, end: number, chunk: number, encoding: number, finalUnterminated: boolean): string | undefined {
    try {
      this.scan(b, start, end, chunk, encoding, finalUnterminated);
      return undefined;
    } catch (e) {
      if (e instanceof GiveUp) return e.message;
      throw e;
    }
  }

  /**
   * Scans the lines of b[start, end): whole lines, the last one ending with a line feed (at the
   * end of the file, the caller adds one after a last line without: `finalUnterminated`).
   */
  scan(b: Uint8Array, start: number, end: number, chunk: number, encoding: number, finalUnterminated: boolean): void {
    this.chunk = chunk;
    this.enc = encoding;
    const region = b.subarray(start, end);
    // The whole chunk first: line ends (CR only in CRLF), and text the general reader decodes otherwise.
    if (region.indexOf(CR) >= 0 && !onlyCrlf(region)) throw new GiveUp("a lone carriage return");
    if (encoding !== ENC_CP1252 && !byteChecks.isAscii(region)) {
      if (encoding === ENC_ASCII) throw new GiveUp("internal: non-ASCII bytes in an undecided chunk");
      if (!byteChecks.isUtf8(region)) throw new GiveUp("not UTF-8");
      checkSpecials(region);
    }
    const DELIM = this.delim;
    const kept = this.kept;
    // The chunk in pieces of whole lines, small enough that a piece and its records stay in the
    // core's cache (and that its records fit): the walker writes one record per line, with the
    // bounds of its fields, and each line is read from its record.
    const R = this.walker.records;
    const rs = recordSize(kept);
    const piece = Math.max(1, Math.min(this.s.pieceSize ?? PIECE, Math.floor(R.length / rs)));
    let line = 0;
    let ls = start;
    while (ls < end) {
      let pe = ls + piece >= end ? end : b.lastIndexOf(LF, ls + piece - 1) + 1;
      if (pe <= ls) pe = b.indexOf(LF, ls + piece) + 1; // a line longer than a piece
      // the walk ends a record at a line feed: the piece must end with one
      if (pe <= ls || pe > end || b[pe - 1] !== LF) throw new GiveUp("internal: a piece that does not end with a line feed");
      const n = this.walker.walk(ls, pe, DELIM, kept);
      if (n < 1 || R[(n - 1) * rs + 1] !== pe - 1) throw new GiveUp("internal: the walk did not reach the end of the piece");
      for (let o = 0, oe = n * rs; o < oe; o += rs) {
        const lls = R[o] as number;
        const lf = R[o + 1] as number;
        let fields = R[o + 2] as number;
        let F = R;
        let fo = o + 4;
        if (R[o + 3] !== 0) {
          // something only the exact rules decide: this line byte by byte
          fields = this.walkLine(b, lls, lf);
          F = this.scratch;
          fo = 0;
        }
        // a record longer than the general reader takes (its length counts the line end)
        if (finalUnterminated && lf + 1 === end ? lf - lls > MAX_RECORD_LENGTH : lf + 1 - lls > MAX_RECORD_LENGTH) throw new GiveUp("a line that is too long");
        this.processLine(b, F, fo, fields, lls, lf > lls && b[lf - 1] === CR ? lf - 1 : lf, line);
        line++;
      }
      ls = pe;
    }
    this.chunks.push(chunk);
    this.chunkLines.push(finalUnterminated ? line - 1 : line);
  }

  private text(b: Uint8Array, s: number, e: number): string {
    return (this.enc === ENC_CP1252 ? cp1252 : utf8).decode(b.subarray(s, e));
  }

  /** Only delimiters, spaces and tabs between ls and le (the general reader's blank record). */
  private isBlankLine(b: Uint8Array, ls: number, le: number): boolean {
    for (let i = ls; i < le; i++) {
      const c = b[i];
      if (c !== 32 && c !== 9 && c !== this.delim) return false;
    }
    return true;
  }

  /**
   * One line, b[ls … lf], byte by byte with the exact rules for quotes: the bounds of its first
   * `kept` fields into `scratch` (start, end per field), and its number of fields. Gives up on a
   * doubled quote in a value that is read, a line break inside quotes, text after a closing quote.
   */
  private walkLine(b: Uint8Array, ls: number, lf: number): number {
    const S = this.scratch;
    const kept = this.kept;
    const DELIM = this.delim;
    const needed = this.needed;
    let i = ls;
    let f = 0;
    let c = 0;
    S[0] = ls;
    for (;;) {
      c = b[i] as number;
      if (c === QUOTE) {
        // a quoted field: up to the closing quote, which a delimiter or the line end must follow
        let j = i + 1;
        for (;;) {
          const q = b[j] as number;
          if (q === QUOTE) {
            if (b[j + 1] !== QUOTE) break;
            if (f < kept && needed[f] === 1) throw new GiveUp("a doubled quote in a quoted value");
            j += 2;
          } else if (q === LF || q === CR) throw new GiveUp("a line break inside quotes");
          else j++;
        }
        if (f < kept) {
          S[2 * f] = i + 1;
          S[2 * f + 1] = j;
        }
        i = j + 1;
        c = b[i] as number;
        if (c !== DELIM && c !== LF && c !== CR) throw new GiveUp("text after a closing quote");
      } else {
        while (c !== DELIM && c !== LF) c = b[++i] as number;
        if (f < kept) S[2 * f + 1] = c === LF && i > ls && b[i - 1] === CR ? i - 1 : i;
      }
      if (c === DELIM) {
        f++;
        i++;
        if (f < kept) S[2 * f] = i;
        continue;
      }
      if (c === CR) i++; // of a CRLF
      break;
    }
    if (i !== lf) throw new GiveUp("internal: a flagged line that does not end at its line feed");
    return f + 1;
  }

  /**
   * One line: bytes [ls, le) of b, its line end excluded; `fields` counted by delimiters; the
   * start and end of field c at F[fo + 2c] and F[fo + 2c + 1].
   */
  private processLine(b: Uint8Array, F: Int32Array, fo: number, fields: number, ls: number, le: number, line: number): void {
    const cSeller = this.cSeller;
    // A record with only blanks is skipped (as the general reader does), whatever its field count;
    // test it only when needed: a line whose seller field starts with something else is not blank.
    const ss = F[fo + 2 * cSeller] as number;
    if (fields !== this.width || (F[fo + 2 * cSeller + 1] as number) === ss || b[ss] === 32 || b[ss] === 9) {
      if (this.isBlankLine(b, ls, le)) return;
      if (fields !== this.width) throw new GiveUp("a line whose field count differs from the header");
    }
    const cYear = this.cYear;
    const cDate = this.cDate;
    let year = cYear >= 0 ? this.yearOf(b, F[fo + 2 * cYear] as number, F[fo + 2 * cYear + 1] as number) : -1;
    const ymd = cDate >= 0 ? this.date(b, F[fo + 2 * cDate] as number, F[fo + 2 * cDate + 1] as number) : -1;
    if (ymd >= 0) {
      const dy = (ymd / 10000) | 0;
      if (year >= 0 && dy !== year) throw new GiveUp("year and date disagree");
      if (year < 0) year = dy;
    }
    if (year < 0) throw new GiveUp("a row without year and date");
    const s = this.party(b, ss, F[fo + 2 * cSeller + 1] as number);
    const cBuyer = this.cBuyer;
    const bu = this.party(b, F[fo + 2 * cBuyer] as number, F[fo + 2 * cBuyer + 1] as number);
    const cArea = this.cArea;
    const areaStart = F[fo + 2 * cArea] as number;
    const a = this.area(b, areaStart, F[fo + 2 * cArea + 1] as number);
    const cAmount = this.cAmount;
    const cPoints = this.cPoints;
    // NaN: blank (or no such column)
    const amount = cAmount >= 0 ? this.number(b, F[fo + 2 * cAmount] as number, F[fo + 2 * cAmount + 1] as number, 2, MAX_AMOUNT) : NaN;
    const points = cPoints >= 0 ? this.number(b, F[fo + 2 * cPoints] as number, F[fo + 2 * cPoints + 1] as number, 6, MAX_POINTS) : NaN;
    if (amount !== amount && points !== points) throw new GiveUp("a row with neither amount nor points");
    this.rowsRead++;
    if (year !== this.s.year) {
      this.otherYear++;
      return;
    }
    if (s === bu) {
      this.ownRegion++;
      return;
    }
    const cell = this.cell(a, s, bu, b, ls, line, areaStart);
    const sums = this.sums;
    const at = cell * this.stride;
    sums[at] = (sums[at] as number) + 1;
    if (amount === amount) this.add(at + 1, amount);
    else {
      if (ymd < 0 && this.s.changesInYear[s]) throw new GiveUp("an undated row while the price changes during the year");
      // a row counted is of the tariff's year: its date (1 January when it has none) picks the price
      const k = (this.segments[s] as Int16Array)[ymd < 0 ? 33 : (((ymd / 100) | 0) % 100) * 32 + (ymd % 100)] as number;
      if (k < 0) throw new GiveUp("no point price");
      this.add(at + 2 + k, points);
    }
    this.rowsCounted++;
  }

  private add(at: number, x: number): void {
    const sums = this.sums;
    const v = (sums[at] as number) + x;
    if (v > LIMIT || v < -LIMIT) {
      this.big.set(at, (this.big.get(at) ?? 0n) + BigInt(sums[at] as number) + BigInt(x));
      sums[at] = 0;
    } else sums[at] = v;
  }

  /** The cell of (area, seller, buyer), created at its first counted row (where the area's firstAt is noted). */
  private cell(a: number, s: number, bu: number, b: Uint8Array, ls: number, line: number, areaStart: number): number {
    const n = this.n;
    let k: number;
    if (n * n <= 64) {
      let table = this.cellTables[a];
      if (!table) {
        table = new Int32Array(n * n).fill(-1);
        this.cellTables[a] = table;
      }
      k = table[s * n + bu] as number;
      if (k >= 0) return k;
      k = this.newCell(a, s, bu, b, ls, line, areaStart);
      table[s * n + bu] = k;
      return k;
    }
    const key = (a * n + s) * n + bu;
    k = this.cellMap.get(key) ?? -1;
    if (k >= 0) return k;
    k = this.newCell(a, s, bu, b, ls, line, areaStart);
    this.cellMap.set(key, k);
    return k;
  }

  private newCell(a: number, s: number, bu: number, b: Uint8Array, ls: number, line: number, areaStart: number): number {
    if (!this.areaCounted[a]) {
      // where the general reader's firstAt of this area would point: line, and column in UTF-16 units
      this.areaCounted[a] = true;
      const valueStart = areaStart;
      const fieldStart = valueStart > ls && b[valueStart - 1] === QUOTE ? valueStart - 1 : valueStart;
      const before = this.enc === ENC_UTF8 ? utf8.decode(b.subarray(ls, fieldStart)).length : fieldStart - ls;
      this.first.push({ area: a, chunk: this.chunk, line, column: 1 + before + (this.areaLead[a] as number) });
    }
    const k = this.cellArea.length;
    this.cellArea.push(a);
    this.cellSeller.push(s);
    this.cellBuyer.push(bu);
    if ((k + 1) * this.stride > this.sums.length) {
      const bigger = new Float64Array(Math.max(64, this.sums.length * 2));
      bigger.set(this.sums);
      this.sums = bigger;
    }
    return k;
  }

  private party(b: Uint8Array, s: number, e: number): number {
    let p = this.partyTable.get(b, s, e);
    if (p < 0) {
      const t = this.text(b, s, e);
      if (textProblem(t)) throw new GiveUp("a party value the general reader rejects");
      if (this.partyTable.size >= MAX_PARTY_SPELLINGS) throw new GiveUp("too many spellings of parties");
      const found = this.partyByKey.get(partyKey(t));
      if (found === undefined) throw new GiveUp(`unknown party ${t}`);
      p = found;
      this.partyTable.set(b, s, e, p);
    }
    return p;
  }

  private area(b: Uint8Array, s: number, e: number): number {
    let a = this.areaTable.get(b, s, e);
    if (a < 0) {
      const t = this.text(b, s, e);
      if (textProblem(t)) throw new GiveUp("an area value the general reader rejects");
      if (this.areas.length >= MAX_AREA_SPELLINGS) throw new GiveUp("too many areas");
      a = this.areas.length;
      this.areas.push(t);
      this.areaLead.push(leadingBlank(t));
      this.areaTable.set(b, s, e, a);
    }
    return a;
  }

  /** A number field as integer units of 10^-dec, at most `max` in absolute value; NaN when blank. */
  private number(b: Uint8Array, s: number, e: number, dec: number, max: number): number {
    while (s < e && (b[s] === 32 || b[s] === 9)) s++;
    while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    if (s === e) return NaN;
    let i = s;
    let neg = false;
    if (b[i] === 45) {
      neg = true;
      i++;
    }
    // digits, then perhaps a decimal comma or point and more digits
    const d0 = i;
    let v = 0;
    let c = b[i] as number;
    while (i < e && c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      c = b[++i] as number;
    }
    const intDigits = i - d0;
    let frac = 0;
    if (i < e && intDigits > 0 && (c === 44 || c === 46)) {
      const f0 = ++i;
      c = b[i] as number;
      while (i < e && c >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        c = b[++i] as number;
      }
      frac = i - f0;
      if (frac === 0) i = -1; // a separator without digits after it: the general rules decide
    }
    if (i === e && intDigits > 0 && intDigits + frac <= 15 && frac <= dec) {
      // exact whenever it is at most max (< 2^53); a larger product only needs to compare larger
      const units = v * (POW10[dec - frac] as number);
      if (units > max) throw new GiveUp("a number above the limit");
      return neg ? -units : units;
    }
    // Anything else (thousands separators, Unicode minus, no-break spaces…): the general rules.
    const t = this.text(b, s, e);
    if (isBlank(t)) return NaN;
    const r = parseLocaleNumber(t, dec);
    if (!r.ok) throw new GiveUp(`not a number: ${t}`);
    const big = BigInt(max);
    if (r.units > big || r.units < -big) throw new GiveUp("a number above the limit");
    return Number(r.units);
  }

  /** yyyymmdd of an ISO date field; -1 when blank. */
  private date(b: Uint8Array, s: number, e: number): number {
    if (e - s === 10 && b[s + 4] === 45 && b[s + 7] === 45) {
      const y0 = (b[s] as number) - 48;
      const y1 = (b[s + 1] as number) - 48;
      const y2 = (b[s + 2] as number) - 48;
      const y3 = (b[s + 3] as number) - 48;
      const m0 = (b[s + 5] as number) - 48;
      const m1 = (b[s + 6] as number) - 48;
      const d0 = (b[s + 8] as number) - 48;
      const d1 = (b[s + 9] as number) - 48;
      // every one a digit: as unsigned, at most 9
      if (y0 >>> 0 <= 9 && y1 >>> 0 <= 9 && y2 >>> 0 <= 9 && y3 >>> 0 <= 9 && m0 >>> 0 <= 9 && m1 >>> 0 <= 9 && d0 >>> 0 <= 9 && d1 >>> 0 <= 9) {
        const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
        const m = m0 * 10 + m1;
        const d = d0 * 10 + d1;
        if (m < 1 || m > 12 || d < 1 || (d > 28 && d > (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : (DAYS[m] as number)))) throw new GiveUp("not a calendar date");
        return y * 10000 + m * 100 + d;
      }
    }
    const t = this.text(b, s, e).trim();
    if (t === "") return -1;
    const y = isoDateYear(t);
    if (y === undefined) throw new GiveUp(`not a date: ${t}`);
    return isoToYmd(t);
  }

  /** The year of a year field; -1 when blank. */
  private yearOf(b: Uint8Array, s: number, e: number): number {
    if (e - s === 4 && isDigit(b[s] as number) && isDigit(b[s + 1] as number) && isDigit(b[s + 2] as number) && isDigit(b[s + 3] as number)) {
      return ((b[s] as number) - 48) * 1000 + ((b[s + 1] as number) - 48) * 100 + ((b[s + 2] as number) - 48) * 10 + ((b[s + 3] as number) - 48);
    }
    const t = this.text(b, s, e).trim();
    if (t === "") return -1;
    if (!/^\d{4}$/.test(t)) throw new GiveUp(`not a year: ${t}`);
    return Number(t);
  }

  result(): ScanOk {
    const stride = this.stride;
    const value = (at: number): bigint => (this.big.get(at) ?? 0n) + BigInt(this.sums[at] as number);
    return {
      ok: true,
      areas: this.areas,
      first: this.first,
      cells: this.cellArea.map((area, k) => ({
        area,
        seller: this.cellSeller[k] as number,
        buyer: this.cellBuyer[k] as number,
        rows: this.sums[k * stride] as number,
        amount: value(k * stride + 1),
        points: (this.s.priceStarts[this.cellSeller[k] as number] ?? []).map((_, p) => value(k * stride + 2 + p)),
      })),
      rowsRead: this.rowsRead,
      rowsCounted: this.rowsCounted,
      otherYear: this.otherYear,
      ownRegion: this.ownRegion,
      chunks: this.chunks,
      chunkLines: this.chunkLines,
    };
  }
}

/**
 * Byte strings → ids, without making a string per lookup: FNV-1a hash of the bytes, then a
 * byte-by-byte comparison with the stored copy (all copies in one pool). A one-entry cache per
 * (length, first, middle and last byte) answers the common case with a comparison only.
 */
class ByteTable {
  private mask = 1023;
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  private pool = new Uint8Array(4096);
  private used = 0;
  private starts: number[] = [];
  private lengths: number[] = [];
  private readonly ids: number[] = [];
  private readonly recent = new Int32Array(4096).fill(-1);
  /** values of at most 3 bytes: shortKey → id, direct-mapped (a key is never −1) */
  private readonly shortKeys = new Int32Array(1024).fill(-1);
  private readonly shortIds = new Int32Array(1024);

  private static hash(b: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    return h;
  }

  /** Entry `slot` holds exactly b[s, e). */
  private same(slot: number, b: Uint8Array, s: number, e: number): boolean {
    const len = e - s;
    if (this.lengths[slot] !== len) return false;
    const pool = this.pool;
    const at = (this.starts[slot] as number) - s;
    for (let i = s; i < e; i++) if (pool[at + i] !== b[i]) return false;
    return true;
  }

  get size(): number {
    return this.ids.length;
  }

  get(b: Uint8Array, s: number, e: number): number {
    const len = e - s;
    if (len <= 3) {
      // short values (a party's "RÖ", "RJL"): the bytes and the length are the key itself
      const key = shortKey(b, s, len);
      const at = (key ^ (key >>> 13)) & 1023;
      if (this.shortKeys[at] === key) return this.shortIds[at] as number;
      const id = this.lookup(b, s, e, len);
      if (id >= 0) {
        this.shortKeys[at] = key;
        this.shortIds[at] = id;
      }
      return id;
    }
    return this.lookup(b, s, e, len);
  }

  private lookup(b: Uint8Array, s: number, e: number, len: number): number {
    const q = len === 0 ? 0 : ((len << 7) ^ ((b[s] as number) << 4) ^ ((b[e - 1] as number) << 2) ^ (b[s + (len >> 1)] as number)) & 4095;
    const r = this.recent[q] as number;
    if (r >= 0 && this.same(r, b, s, e)) return this.ids[r] as number;
    const h = ByteTable.hash(b, s, e);
    for (let k = h & this.mask; ; k = (k + 1) & this.mask) {
      const slot = this.slots[k] as number;
      if (slot < 0) return -1;
      if (this.hashes[k] === h && this.same(slot, b, s, e)) {
        this.recent[q] = slot;
        return this.ids[slot] as number;
      }
    }
  }

  set(b: Uint8Array, s: number, e: number, id: number): void {
    if ((this.ids.length + 1) * 2 > this.mask + 1) this.grow();
    if (this.used + (e - s) > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.used + (e - s)));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    this.pool.set(b.subarray(s, e), this.used);
    this.starts.push(this.used);
    this.lengths.push(e - s);
    this.used += e - s;
    this.ids.push(id);
    this.place(ByteTable.hash(b, s, e), this.ids.length - 1);
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
    const hashes = this.hashes;
    const slots = this.slots;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    for (let k = 0; k < slots.length; k++) if ((slots[k] as number) >= 0) this.place(hashes[k] as number, slots[k] as number);
  }
}

/** b[s, s + len) for len ≤ 3, with its length, as one exact integer. */
function shortKey(b: Uint8Array, s: number, len: number): number {
  let key = len << 24;
  for (let i = 0; i < len; i++) key |= (b[s + i] as number) << (16 - 8 * i);
  return key;
}

/**
 * Non-ASCII text the general reader would not read as these bytes say: U+FFFD (it reports
 * CSV_ENCODING) and U+FEFF (its decoder drops one when it is the first non-ASCII character of
 * a file without BOM, which moves columns). Both start with the byte EF.
 */
function checkSpecials(region: Uint8Array): void {
  for (let i = region.indexOf(0xef); i >= 0; i = region.indexOf(0xef, i + 1)) {
    const b1 = region[i + 1];
    const b2 = region[i + 2];
    if (b1 === 0xbf && b2 === 0xbd) throw new GiveUp("a U+FFFD replacement character");
    if (b1 === 0xbb && b2 === 0xbf) throw new GiveUp("a U+FEFF byte order mark inside the file");
  }
}

/** CR only as part of CRLF (the chunk ends with a line feed). */
function onlyCrlf(b: Uint8Array): boolean {
  for (let i = b.indexOf(CR); i >= 0; i = b.indexOf(CR, i + 1)) if (b[i + 1] !== LF) return false;
  return true;
}
