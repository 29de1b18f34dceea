/**
 * Reading CSV files as formats.md says: UTF-8 with or without BOM, or Windows-1252 (detected);
 * delimiter `;`, `,` or tab (detected from the header line); RFC 4180 quoting; every field with
 * its line and column, so that errors point at the value. Streams: memory does not grow with
 * the file. No `node:` import: the bytes come from a ByteSource (a file in `src/node/files.ts`,
 * a browser File, a buffer), so the same parsing runs in Node and in a browser.
 */
import { DiagnosticBag } from "../core/model/diagnostics.js";
import { MAX_RECORD_LENGTH } from "../core/model/limits.js";
import { sha256, type Sha256Hasher } from "./sha256.js";

/** A CSV file's encoding; "xlsx" for a sheet of a workbook read as a table. */
export type Encoding = "utf-8" | "windows-1252" | "ascii" | "xlsx";

export interface CsvRecord {
  /** 1-based line where the record starts */
  line: number;
  fields: string[];
  /** per field: 1-based line and column (in characters) where it starts */
  lines: number[];
  columns: number[];
  /** a quoting error was reported in this record: its fields cannot be trusted */
  broken?: boolean;
}

export interface CsvInfo {
  file: string;
  bytes: number;
  sha256: string;
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  /** non-blank records after the header */
  records: number;
  /** false when the file could not be read at all (already reported) */
  readable: boolean;
  /** the sheet, when the table is a sheet of a workbook */
  sheet?: string;
}

/**
 * Decodes bytes as UTF-8 or Windows-1252. Until the first non-ASCII byte both agree; that byte
 * decides: a valid UTF-8 sequence means UTF-8, anything else Windows-1252 (what Swedish Excel's
 * "CSV (semikolonavgränsad)" writes).
 */
export class SniffingDecoder {
  encoding: Encoding = "ascii";
  bom = false;
  private decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  private pending: Uint8Array | undefined;
  private first = true;

  decode(chunk: Uint8Array): string {
    if (this.pending) {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending);
      joined.set(chunk, this.pending.length);
      chunk = joined;
      this.pending = undefined;
    }
    if (this.first && chunk.length > 0) {
      if (chunk.length < 3 && chunk[0] === 0xef) {
        this.pending = chunk;
        return "";
      }
      this.first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        this.bom = true;
        this.encoding = "utf-8";
        this.decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
      }
    }
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    // Undecided: pass ASCII through; decide at the first non-ASCII byte.
    let i = 0;
    while (i < chunk.length && (chunk[i] as number) < 0x80) i++;
    if (i === chunk.length) return ascii(chunk);
    const verdict = utf8SequenceAt(chunk, i);
    if (verdict === "incomplete") {
      this.pending = chunk.slice(i);
      return ascii(chunk.subarray(0, i));
    }
    this.encoding = verdict === "valid" ? "utf-8" : "windows-1252";
    this.decoder = new TextDecoder(this.encoding, { fatal: false, ignoreBOM: true });
    return ascii(chunk.subarray(0, i)) + this.decoder.decode(chunk.subarray(i), { stream: true });
  }

  end(): string {
    let out = "";
    if (this.pending) {
      const rest = this.pending;
      this.pending = undefined;
      if (!this.decoder) {
        this.encoding = "windows-1252";
        this.decoder = new TextDecoder("windows-1252");
      }
      out = this.decoder.decode(rest, { stream: true });
    }
    return out + (this.decoder ? this.decoder.decode() : "");
  }
}

/** ASCII bytes as text (every byte below 0x80: UTF-8, Latin-1 and Windows-1252 agree on them). */
const ASCII = new TextDecoder("utf-8", { ignoreBOM: true });
function ascii(bytes: Uint8Array): string {
  return ASCII.decode(bytes);
}

function utf8SequenceAt(b: Uint8Array, i: number): "valid" | "invalid" | "incomplete" {
  const lead = b[i] as number;
  let len: number;
  let min: number;
  if (lead >= 0xc2 && lead <= 0xdf) [len, min] = [2, 0x80];
  else if (lead >= 0xe0 && lead <= 0xef) [len, min] = [3, 0x800];
  else if (lead >= 0xf0 && lead <= 0xf4) [len, min] = [4, 0x10000];
  else return "invalid";
  if (i + len > b.length) {
    for (let k = i + 1; k < b.length; k++) if (((b[k] as number) & 0xc0) !== 0x80) return "invalid";
    return "incomplete";
  }
  let cp = lead & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    const c = b[i + k] as number;
    if ((c & 0xc0) !== 0x80) return "invalid";
    cp = (cp << 6) | (c & 0x3f);
  }
  return cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? "valid" : "invalid";
}

const DELIMITERS = [";", "\t", ","];

/** The delimiter of a header line: the candidate that occurs most often outside quotes (`;` wins ties). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ";";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Tokenizes decoded text into records, chunk by chunk. Text of an unfinished record is carried
 * over to the next chunk, so chunk boundaries can fall anywhere.
 */
export class CsvTokenizer {
  private carry = "";
  private carryLine = 1;
  private carryColumn = 1;
  /** a record longer than MAX_RECORD_LENGTH was met (reported): nothing after it is read */
  private stopped = false;
  delimiter: string | undefined;

  constructor(
    private readonly file: string,
    private readonly bag: DiagnosticBag,
    delimiter?: string,
  ) {
    this.delimiter = delimiter;
  }

  /** Feeds text; returns the records completed by it. `final` flushes the last record. */
  push(text: string, final = false): CsvRecord[] {
    if (this.stopped) return [];
    let buf = this.carry + text;
    if (this.delimiter === undefined) {
      const nl = buf.search(/[\r\n]/);
      if (nl < 0 && !final) {
        this.carry = buf;
        if (buf.length > MAX_RECORD_LENGTH) this.tooLong(this.carryLine, this.carryColumn);
        return [];
      }
      this.delimiter = detectDelimiter(nl < 0 ? buf : buf.slice(0, nl));
    }
    const out: CsvRecord[] = [];
    const delim = this.delimiter.charCodeAt(0);
    const len = buf.length;
    let pos = 0;
    let line = this.carryLine;
    let column = this.carryColumn;
    // Parse complete records starting at `pos`.
    for (;;) {
      // Empty lines make no record (a record per blank line would cost memory for nothing, and
      // a file may start with them): only the line count moves on.
      while (pos < len) {
        const ch = buf.charCodeAt(pos);
        if (ch === 0x0a) pos++;
        else if (ch === 0x0d) {
          if (pos + 1 >= len && !final) break; // maybe the CR of a CRLF split between chunks
          pos += buf.charCodeAt(pos + 1) === 0x0a ? 2 : 1;
        } else break;
        line++;
        column = 1;
      }
      if (pos >= len) break;
      if (buf.charCodeAt(pos) === 0x0d && pos + 1 >= len && !final) break;
      const errorsAtStart = this.bag.items.length;
      const recStart = pos;
      const recLine = line;
      const recColumn = column;
      const fields: string[] = [];
      const lines: number[] = [];
      const columns: number[] = [];
      let complete = false;
      let i = pos;
      let l = line;
      let c = column;
      for (;;) {
        // start of a field
        const fLine = l;
        const fColumn = c;
        if (i < len && buf.charCodeAt(i) === 0x22 /* " */) {
          // quoted field
          let value = "";
          let j = i + 1;
          c++;
          let closed = false;
          let segment = j;
          while (j < len) {
            const ch = buf.charCodeAt(j);
            if (ch === 0x22) {
              if (j + 1 < len && buf.charCodeAt(j + 1) === 0x22) {
                value += buf.slice(segment, j + 1);
                j += 2;
                c += 2;
                segment = j;
                continue;
              }
              if (j + 1 >= len && !final) break; // need more text to know
              value += buf.slice(segment, j);
              j++;
              c++;
              closed = true;
              break;
            }
            if (ch === 0x0a || (ch === 0x0d && buf.charCodeAt(j + 1) !== 0x0a)) {
              l++;
              c = 1;
            } else if (ch !== 0x0d) c++;
            j++;
          }
          if (!closed) {
            if (!final) break; // incomplete record: wait for more text
            this.bag.error("CSV_QUOTE", {}, { file: this.file, line: fLine, column: fColumn });
            value += buf.slice(segment, j);
            fields.push(value);
            lines.push(fLine);
            columns.push(fColumn);
            i = j;
            complete = true;
            break;
          }
          // after the closing quote: delimiter, end of line or end of text; anything else is kept but flagged
          let k = j;
          while (k < len && buf.charCodeAt(k) !== delim && buf.charCodeAt(k) !== 0x0a && buf.charCodeAt(k) !== 0x0d) k++;
          if (k === len && !final) break;
          if (k > j) {
            this.bag.error("CSV_QUOTE", {}, { file: this.file, line: l, column: c });
            value += buf.slice(j, k);
            c += k - j;
          }
          fields.push(value);
          lines.push(fLine);
          columns.push(fColumn);
          i = k;
        } else {
          let k = i;
          while (k < len) {
            const ch = buf.charCodeAt(k);
            if (ch === delim || ch === 0x0a || ch === 0x0d) break;
            k++;
          }
          if (k === len && !final) break;
          fields.push(buf.slice(i, k));
          lines.push(fLine);
          columns.push(fColumn);
          c += k - i;
          i = k;
        }
        // after a field
        if (i >= len) {
          complete = true; // final
          break;
        }
        const ch = buf.charCodeAt(i);
        if (ch === delim) {
          i++;
          c++;
          continue;
        }
        // end of line
        if (ch === 0x0d && i + 1 >= len && !final) break; // a CR at the end: maybe CRLF
        i += ch === 0x0d && buf.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        l++;
        c = 1;
        complete = true;
        break;
      }
      if (!complete) {
        pos = recStart;
        line = recLine;
        column = recColumn;
        break;
      }
      if (i - recStart > MAX_RECORD_LENGTH) {
        this.tooLong(recLine, recColumn);
        return out;
      }
      const record: CsvRecord = { line: recLine, fields, lines, columns };
      if (this.bag.items.length !== errorsAtStart) record.broken = true;
      out.push(record);
      pos = i;
      line = l;
      column = c;
    }
    this.carry = buf.slice(pos);
    this.carryLine = line;
    this.carryColumn = column;
    buf = "";
    // An unfinished record is parsed again from its start with every chunk: bounding its length
    // keeps reading linear in the file (an unclosed quote would otherwise make it quadratic).
    if (this.carry.length > MAX_RECORD_LENGTH) this.tooLong(line, column);
    return out;
  }

  private tooLong(line: number, column: number): void {
    this.bag.error("CSV_RECORD_TOO_LONG", { max: MAX_RECORD_LENGTH }, { file: this.file, line, column });
    this.stopped = true;
    this.carry = "";
  }
}

/**
 * True for a record that holds nothing but blanks: a blank line, or a line of delimiters, with
 * at most spaces and tabs between them. Any other character (a no-break space, U+3000, a vertical
 * tab) makes it a data record whose fields are checked.
 */
export function isBlankRecord(r: CsvRecord): boolean {
  return r.fields.every((f) => /^[ \t]*$/.test(f));
}

export interface ReadOptions {
  /** called now and then with bytes read so far and the file size */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  chunkSize?: number;
}

/** Opened bytes: their size (for progress) and the chunks, in order. */
export interface OpenedBytes {
  size: number;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * Where a reader's bytes come from: a file (`fileSource` in `vardavtal/node`), a browser File
 * (`blobSource`), or bytes in memory (`bytesSource`).
 */
export interface ByteSource {
  /** the name that messages and the result JSON give the input (a path, or a file name) */
  name: string;
  /**
   * Opens the bytes. It, or the iteration of the chunks, throws when they cannot be read; an
   * error's `code` (e.g. `ENOENT`) is the reason FILE_READ reports.
   */
  open(chunkSize: number): OpenedBytes | Promise<OpenedBytes>;
  /** a SHA-256 hasher (Node gives its native one); default: the built-in pure one */
  sha256?: () => Sha256Hasher;
}

/** A ByteSource over bytes in memory, or over text (read as its UTF-8 bytes). */
export function bytesSource(name: string, data: Uint8Array | string): ByteSource {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  return {
    name,
    open: (chunkSize) => ({
      size: bytes.length,
      chunks: (function* () {
        for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
      })(),
    }),
  };
}

/** The reason FILE_READ gives for an error: its `code` (ENOENT, EISDIR…), else its text. */
export function readFailure(e: unknown): { errno: string } {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  // a browser's file picked before and deleted, moved or changed since (DOMException names)
  const name = typeof e === "object" && e !== null ? (e as { name?: unknown }).name : undefined;
  if (name === "NotFoundError" || name === "NotReadableError") return { errno: name };
  return { errno: typeof code === "string" ? code : String(e) };
}

/**
 * Streams a CSV source as batches of records (header first). Problems go to `bag`; the returned
 * info (encoding, delimiter, hash) is complete once the generator is done.
 */
export async function* readCsv(source: ByteSource, bag: DiagnosticBag, info: CsvInfo, options: ReadOptions = {}): AsyncGenerator<CsvRecord[]> {
  const file = source.name;
  let opened: OpenedBytes;
  try {
    opened = await source.open(options.chunkSize ?? 1 << 18);
  } catch (e) {
    bag.error("FILE_READ", { reason: readFailure(e) }, { file, line: 1, column: 1 });
    info.readable = false;
    return;
  }
  const total = opened.size;
  const hash = (source.sha256 ?? sha256)();
  const decoder = new SniffingDecoder();
  const tokenizer = new CsvTokenizer(file, bag);
  const encodingErrorAt = new EncodingWatch(file, bag);
  let bytes = 0;
  try {
    for await (const chunk of opened.chunks) {
      if (bytes === 0 && chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04) {
        // a ZIP: an Excel workbook (or another Office file) read as CSV; its bytes say nothing to the reader
        bag.error("CSV_IS_XLSX", {}, { file, line: 1, column: 1 });
        info.readable = false;
        return;
      }
      hash.update(chunk);
      bytes += chunk.length;
      const text = decoder.decode(chunk);
      const records = tokenizer.push(text);
      encodingErrorAt.scan(records);
      if (records.length > 0) yield records;
      options.onProgress?.(bytes, total);
    }
  } catch (e) {
    bag.error("FILE_READ", { reason: readFailure(e) }, { file, line: 1, column: 1 });
    info.readable = false;
    return;
  }
  const last = tokenizer.push(decoder.end(), true);
  encodingErrorAt.scan(last);
  if (last.length > 0) yield last;
  info.file = file;
  info.bytes = bytes;
  info.sha256 = hash.hex();
  info.encoding = decoder.encoding;
  info.bom = decoder.bom;
  info.delimiter = tokenizer.delimiter ?? ";";
}

/** Reports the first character that UTF-8 could not decode (U+FFFD), once per file. */
class EncodingWatch {
  private reported = false;
  constructor(
    private readonly file: string,
    private readonly bag: DiagnosticBag,
  ) {}
  scan(records: CsvRecord[]): void {
    if (this.reported) return;
    for (const r of records) {
      for (let f = 0; f < r.fields.length; f++) {
        const text = r.fields[f] as string;
        const k = text.indexOf("\ufffd");
        if (k >= 0) {
          this.reported = true;
          this.bag.error("CSV_ENCODING", {}, { file: this.file, line: r.lines[f] ?? r.line, column: (r.columns[f] ?? 1) + k });
          return;
        }
      }
    }
  }
}

export function emptyInfo(file: string): CsvInfo {
  return { file, bytes: 0, sha256: "", encoding: "ascii", bom: false, delimiter: ";", records: 0, readable: true };
}

/** Header names compare without case, diacritics or surrounding blanks: "Säljare" = "saljare". */
export function headerKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

export interface ColumnSpec<F extends string> {
  field: F;
  names: string[];
}

/**
 * Maps a header record to field indexes. Reports duplicate columns; missing columns are left
 * to the caller (which knows which combinations are required).
 */
export function mapHeader<F extends string>(header: CsvRecord, specs: ColumnSpec<F>[], file: string, bag: DiagnosticBag): Map<F, number> {
  const map = new Map<F, number>();
  header.fields.forEach((name, idx) => {
    const k = headerKey(name);
    const spec = specs.find((s) => s.names.some((n) => headerKey(n) === k));
    if (!spec) return;
    const prev = map.get(spec.field);
    if (prev !== undefined) {
      bag.error("DUPLICATE_COLUMN", { column: name.trim(), other: (header.fields[prev] ?? "").trim() }, { file, line: header.lines[idx] ?? 1, column: header.columns[idx] ?? 1 });
      return;
    }
    map.set(spec.field, idx);
  });
  return map;
}

