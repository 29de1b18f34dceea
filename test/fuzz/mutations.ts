/**
 * Mutations for the fuzz test: bytes and lines of CSV files, values and structure of tariff JSON.
 * Every mutation returns the new bytes and a short description, so a failing case can be read
 * (and replayed from its seed).
 */
import { Rng } from "./prng.js";

export interface Mutated {
  data: Buffer;
  what: string;
}

const CP1252 = new TextDecoder("windows-1252");

export function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Text of a CSV buffer and how to turn text back into the same kind of bytes. */
export function decodeCsv(b: Buffer): { text: string; cp1252: boolean; bom: boolean } {
  if (isUtf8(b)) {
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    return { text: b.subarray(bom ? 3 : 0).toString("utf8"), cp1252: false, bom };
  }
  return { text: CP1252.decode(b), cp1252: true, bom: false };
}

const CP1252_HIGH: Record<number, number> = {};
for (let byte = 0x80; byte <= 0x9f; byte++) {
  const ch = CP1252.decode(Buffer.from([byte]));
  if (ch !== "\ufffd") CP1252_HIGH[ch.codePointAt(0) as number] = byte;
}

/** Windows-1252 bytes of a text; characters it cannot hold go in as UTF-8 (a mixed file). */
export function encodeCp1252(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (CP1252_HIGH[cp] !== undefined) out.push(CP1252_HIGH[cp] as number);
    else if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else out.push(...Buffer.from(ch, "utf8"));
  }
  return Buffer.from(out);
}

export function cp1252Encodable(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (!(CP1252_HIGH[cp] !== undefined || cp < 0x80 || (cp >= 0xa0 && cp <= 0xff))) return false;
  }
  return true;
}

export function encodeCsv(text: string, how: { cp1252: boolean; bom: boolean }): Buffer {
  if (how.cp1252) return encodeCp1252(text);
  return Buffer.concat([how.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
}

export function detectDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, first.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return (counts[0] as readonly [string, number])[1] > 0 ? (counts[0] as readonly [string, number])[0] : ";";
}

/** Splits a CSV text into records of fields (RFC 4180 quoting), keeping the line ending of each. */
export function parseCsv(text: string, delimiter: string): { fields: string[]; eol: string }[] {
  const rows: { fields: string[]; eol: string }[] = [];
  let fields: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let any = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      any = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = "";
      any = true;
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      const eol = c === "\r" && text[i + 1] === "\n" ? "\r\n" : c;
      fields.push(field);
      rows.push({ fields, eol });
      fields = [];
      field = "";
      any = false;
      i += eol.length;
      continue;
    }
    field += c;
    any = true;
    i++;
  }
  if (any || field !== "") {
    fields.push(field);
    rows.push({ fields, eol: "" });
  }
  return rows;
}

export function quoteField(f: string, delimiter: string, always = false): string {
  if (always || f.includes(delimiter) || f.includes('"') || f.includes("\n") || f.includes("\r")) return `"${f.replace(/"/g, '""')}"`;
  return f;
}

export function writeCsv(rows: { fields: string[]; eol: string }[], delimiter: string, quoteAll = false): string {
  return rows.map((r) => r.fields.map((f) => quoteField(f, delimiter, quoteAll)).join(delimiter) + r.eol).join("");
}

/** Lines with their endings (\n, \r\n or a lone \r all end a line). */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(\r\n|\n|\r|$)/g)?.filter((l) => l !== "") ?? [];
}

const INTERESTING_BYTES = [0x00, 0x0d, 0x0a, 0x22, 0x3b, 0x2c, 0x09, 0x20, 0xc3, 0xd6, 0xf6, 0xe5, 0xff, 0x80, 0x96, 0xa0, 0x1a, 0x7f, 0x5c];
const WEIRD_CHARS = ["\u3000", "\u00a0", "\u202f", "\u200b", "\ufeff", "\u2028", "\u2029", "\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u2212", "\u00ad", "\u200e", "\u202e", "\ud83d\ude00", "\ufffd", "O\u0308", "\t", "\u000b", "\u000c"];
export const HUGE_NUMBERS = [
  "99999999999999999999",
  "99999999999999999999,99",
  "1000000000000,01",
  "-99999999999999999999",
  "1e5",
  "1E+05",
  "2,5e3",
  "9".repeat(400),
  "0," + "0".repeat(300) + "1",
  "12,345",
  "1,1234567",
  "0x1F",
  "NaN",
  "Infinity",
  "-",
  "−",
  "--5",
  "5-",
  "1..5",
  "1,2,3",
  "1.2.3",
  "+5",
  "١٢٣",
  "１２３",
  "=HYPERLINK(\"http://evil.example/\";\"100\")",
  "=1+1",
  "@SUM(A1)",
  "1 000 000 000 000 000,00",
  "−0,00",
  "-0",
  " 12 ",
  "12\u00a0500,00",
  "12\u202f500,00",
  "12\u3000500,00",
  "12\u200b500,00",
];
const WEIRD_TEXTS = [
  "",
  " ",
  '"',
  '""',
  "=HYPERLINK(\"http://evil.example/\",\"RÖ\")",
  "=cmd|' /C calc'!A0",
  "+RÖ",
  "-RÖ",
  "@RÖ",
  "RÖ\u3000",
  "\u00a0RÖ",
  "R\u200bÖ",
  "RO\u0308",
  "rö",
  "ro",
  "RÖ ",
  "\ufeffRÖ",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "source",
  "R*",
  "R\"J",
  "RJL;RKL",
  "RJL,RKL",
  "x".repeat(5000),
  "ö".repeat(300),
  "\u0000",
  "null",
  "undefined",
  "%s%n",
  "${x}",
  "<script>",
];

function fieldToken(rng: Rng): string {
  return rng.chance(0.5) ? rng.pick(HUGE_NUMBERS) : rng.pick(WEIRD_TEXTS);
}

/** Mutations of a CSV file's bytes. */
export function mutateCsv(input: Buffer, rng: Rng): Mutated {
  const op = rng.weighted<string>([
    [6, "byteFlip"],
    [5, "byteInsert"],
    [4, "byteDelete"],
    [3, "truncate"],
    [4, "lineDup"],
    [4, "lineDelete"],
    [3, "lineSwap"],
    [4, "delimiter"],
    [5, "quote"],
    [5, "eol"],
    [3, "bom"],
    [5, "weirdChar"],
    [3, "longField"],
    [10, "field"],
    [2, "empty"],
    [2, "headerOnly"],
    [3, "cp1252"],
    [3, "header"],
    [3, "delimiterRun"],
    [2, "manyRows"],
    [2, "blankLines"],
    [2, "column"],
  ]);
  const b = input;
  const pos = (extra = 0) => rng.int(b.length + extra);
  switch (op) {
    case "byteFlip": {
      if (b.length === 0) return { data: Buffer.from([rng.int(256)]), what: "byteFlip(empty→1 byte)" };
      const c = Buffer.from(b);
      const n = rng.range(1, 4);
      const done: string[] = [];
      for (let k = 0; k < n; k++) {
        const p = rng.int(c.length);
        const mask = rng.chance(0.5) ? 1 << rng.int(8) : rng.range(1, 255);
        c[p] = (c[p] as number) ^ mask;
        done.push(`@${p}^0x${mask.toString(16)}`);
      }
      return { data: c, what: `byteFlip ${done.join(" ")}` };
    }
    case "byteInsert": {
      const p = pos(1);
      const ins = rng.chance(0.7) ? Buffer.from([rng.pick(INTERESTING_BYTES)]) : Buffer.from([rng.int(256), rng.int(256)]);
      return { data: Buffer.concat([b.subarray(0, p), ins, b.subarray(p)]), what: `byteInsert @${p} ${ins.toString("hex")}` };
    }
    case "byteDelete": {
      const p = pos();
      const n = rng.range(1, 8);
      return { data: Buffer.concat([b.subarray(0, p), b.subarray(p + n)]), what: `byteDelete @${p} n=${n}` };
    }
    case "truncate": {
      const p = pos();
      return { data: b.subarray(0, p), what: `truncate @${p}` };
    }
    case "empty":
      return rng.chance(0.5) ? { data: Buffer.alloc(0), what: "empty file" } : { data: Buffer.from(rng.pick(["\n", "\r\n", "\ufeff", "\ufeff\n", " ", ";", "\r", "\u0000"]), "utf8"), what: "nearly empty file" };
    default:
      break;
  }
  const dec = decodeCsv(b);
  const text = dec.text;
  const delim = detectDelimiter(text);
  const enc = (t: string) => encodeCsv(t, dec);
  const lines = splitLines(text);
  const li = () => rng.int(lines.length);
  switch (op) {
    case "lineDup": {
      if (!lines.length) return { data: enc("\n"), what: "lineDup(empty)" };
      const i = li();
      lines.splice(i, 0, lines[i] as string);
      return { data: enc(lines.join("")), what: `lineDup line ${i + 1}` };
    }
    case "lineDelete": {
      const i = li();
      lines.splice(i, 1);
      return { data: enc(lines.join("")), what: `lineDelete line ${i + 1}` };
    }
    case "lineSwap": {
      const i = li();
      const j = li();
      const t = lines[i] as string;
      lines[i] = lines[j] as string;
      lines[j] = t;
      return { data: enc(lines.join("")), what: `lineSwap lines ${i + 1},${j + 1}` };
    }
    case "delimiter": {
      const to = rng.pick([";", ",", "\t", "|", " ", ";;"].filter((d) => d !== delim));
      const scope = rng.pick(["all", "header", "one line", "one field"]);
      if (scope === "all") return { data: enc(text.split(delim).join(to)), what: `delimiter ${JSON.stringify(delim)}→${JSON.stringify(to)} everywhere` };
      const i = scope === "header" ? 0 : li();
      const line = lines[i] ?? "";
      if (scope === "one field") {
        const idx = [...line].map((c, k) => (c === delim ? k : -1)).filter((k) => k >= 0);
        if (idx.length) {
          const k = rng.pick(idx);
          lines[i] = line.slice(0, k) + to + line.slice(k + 1);
        }
      } else lines[i] = line.split(delim).join(to);
      return { data: enc(lines.join("")), what: `delimiter ${JSON.stringify(delim)}→${JSON.stringify(to)} in ${scope} (line ${i + 1})` };
    }
    case "quote": {
      const kind = rng.pick(["lone", "wrapField", "unbalanced", "doubled", "quotedNewline", "quotedDelimiter", "quoteInMiddle"]);
      const i = li();
      const rows = parseCsv(lines[i] ?? "", delim);
      const row = rows[0] ?? { fields: [""], eol: "\n" };
      const f = rng.int(row.fields.length);
      const v = row.fields[f] ?? "";
      let nv: string;
      switch (kind) {
        case "lone": {
          const line = lines[i] ?? "";
          const p = rng.int(line.length + 1);
          lines[i] = line.slice(0, p) + '"' + line.slice(p);
          return { data: enc(lines.join("")), what: `quote: lone " in line ${i + 1} at ${p}` };
        }
        case "wrapField":
          nv = `"${v.replace(/"/g, '""')}"`;
          break;
        case "unbalanced":
          nv = `"${v}`;
          break;
        case "doubled":
          nv = `""${v}""`;
          break;
        case "quotedNewline":
          nv = `"${v}${rng.pick(["\n", "\r\n", "\r"])}${v}"`;
          break;
        case "quotedDelimiter":
          nv = `"${v}${delim}${v}"`;
          break;
        default:
          nv = `${v.slice(0, 1)}"${v.slice(1)}`;
      }
      const fields = [...row.fields.map((x) => quoteField(x, delim))];
      fields[f] = nv;
      lines[i] = fields.join(delim) + row.eol;
      return { data: enc(lines.join("")), what: `quote: ${kind} line ${i + 1} field ${f + 1}: ${JSON.stringify(nv).slice(0, 80)}` };
    }
    case "eol": {
      const kind = rng.pick(["allCRLF", "allCR", "allLF", "headerCR", "oneCR", "oneCRLF", "mixed", "noFinal", "doubleCR", "CRCRLF"]);
      let t = text;
      if (kind === "allCRLF") t = text.replace(/\r\n|\n|\r/g, "\r\n");
      else if (kind === "allCR") t = text.replace(/\r\n|\n|\r/g, "\r");
      else if (kind === "allLF") t = text.replace(/\r\n|\n|\r/g, "\n");
      else if (kind === "headerCR") t = text.replace(/\r\n|\n|\r/, "\r");
      else if (kind === "noFinal") t = text.replace(/(\r\n|\n|\r)+$/, "");
      else if (kind === "doubleCR") t = text.replace(/\r?\n/g, "\r\r\n");
      else if (kind === "CRCRLF") t = text.replace(/\r?\n/, "\r\r\n");
      else {
        const i = li();
        const l = lines[i] ?? "";
        lines[i] = l.replace(/(\r\n|\n|\r)$/, "") + (kind === "oneCR" ? "\r" : kind === "oneCRLF" ? "\r\n" : rng.pick(["\r", "\n", "\r\n", "\n\r"]));
        t = lines.join("");
      }
      return { data: enc(t), what: `eol ${kind}` };
    }
    case "bom": {
      const where = rng.pick(["start", "double", "headerMiddle", "lineStart", "fieldMiddle", "end", "utf16le"]);
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      if (where === "utf16le") return { data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), what: "bom: UTF-16LE file" };
      if (where === "start") return { data: Buffer.concat([bom, b]), what: "bom at start (maybe double)" };
      if (where === "double") return { data: Buffer.concat([bom, bom, enc(text)]), what: "bom twice at start" };
      if (where === "end") return { data: Buffer.concat([b, bom]), what: "bom at end" };
      const i = where === "headerMiddle" ? 0 : li();
      const l = lines[i] ?? "";
      const p = where === "lineStart" ? 0 : rng.int(l.length + 1);
      lines[i] = l.slice(0, p) + "\ufeff" + l.slice(p);
      return { data: enc(lines.join("")), what: `bom ${where} line ${i + 1} at ${p}` };
    }
    case "weirdChar": {
      const ch = rng.pick(WEIRD_CHARS);
      const i = li();
      const l = lines[i] ?? "";
      const p = rng.int(l.replace(/(\r\n|\n|\r)$/, "").length + 1);
      lines[i] = l.slice(0, p) + ch + l.slice(p);
      return { data: enc(lines.join("")), what: `weirdChar ${JSON.stringify(ch)} line ${i + 1} at ${p}` };
    }
    case "longField": {
      const n = rng.pick([300, 5000, 70_000, 1_100_000]);
      const ch = rng.pick(["x", "ö", "9", " ", delim === ";" ? "," : ";"]);
      return replaceField(lines, rng, delim, enc, ch.repeat(n), `longField ${JSON.stringify(ch)}×${n}`);
    }
    case "field":
      return replaceField(lines, rng, delim, enc, fieldToken(rng), "field");
    case "headerOnly": {
      const h = lines[0] ?? "";
      const v = rng.pick(["asIs", "noEol", "blankAfter"]);
      const t = v === "asIs" ? h : v === "noEol" ? h.replace(/(\r\n|\n|\r)$/, "") : h + "\n\n";
      return { data: enc(t), what: `headerOnly ${v}` };
    }
    case "cp1252": {
      const kind = rng.pick(["whole", "oneLine", "rawByte", "toUtf8"]);
      if (kind === "whole") return { data: encodeCp1252(text), what: "cp1252 whole file" };
      if (kind === "toUtf8") return { data: Buffer.from(text, "utf8"), what: "re-encoded as UTF-8 without BOM" };
      if (kind === "oneLine") {
        const i = li();
        const before = Buffer.from(lines.slice(0, i).join(""), "utf8");
        const after = Buffer.from(lines.slice(i + 1).join(""), "utf8");
        return { data: Buffer.concat([before, encodeCp1252(lines[i] ?? ""), after]), what: `cp1252 line ${i + 1} only (rest UTF-8)` };
      }
      const p = pos(1);
      const byte = rng.pick([0xd6, 0xf6, 0xe4, 0xe5, 0xc5, 0x96, 0x80, 0xa0]);
      return { data: Buffer.concat([b.subarray(0, p), Buffer.from([byte]), b.subarray(p)]), what: `cp1252 raw byte 0x${byte.toString(16)} @${p}` };
    }
    case "header": {
      const rows = parseCsv(lines[0] ?? "", delim);
      const row = rows[0] ?? { fields: [], eol: "\n" };
      const kind = rng.pick(["rename", "duplicate", "upper", "delete", "swap", "empty", "weird"]);
      const f = rng.int(row.fields.length);
      const fields = [...row.fields];
      if (kind === "rename") fields[f] = rng.pick(["år", "ar", "year", "datum", "date", "säljare", "saljare", "seller", "köpare", "kopare", "buyer", "verksamhet", "area", "poäng", "poang", "points", "belopp", "amount", "part", "region", "party", "befolkning", "invånare", "population", "post", "item", "x"]);
      else if (kind === "duplicate") fields.push(fields[f] ?? "");
      else if (kind === "upper") fields[f] = (fields[f] ?? "").toUpperCase();
      else if (kind === "delete") fields.splice(f, 1);
      else if (kind === "swap") {
        const g = rng.int(fields.length);
        const t = fields[f] as string;
        fields[f] = fields[g] as string;
        fields[g] = t;
      } else if (kind === "empty") fields[f] = "";
      else fields[f] = (fields[f] ?? "") + rng.pick(WEIRD_CHARS);
      lines[0] = fields.map((x) => quoteField(x, delim)).join(delim) + row.eol;
      return { data: enc(lines.join("")), what: `header ${kind} column ${f + 1}` };
    }
    case "delimiterRun": {
      const i = rng.range(1, Math.max(1, lines.length));
      const width = parseCsv(lines[0] ?? "", delim)[0]?.fields.length ?? 7;
      const kind = rng.pick(["allEmptyThenX", "allEmpty", "onlyX", "extra"]);
      const l = kind === "allEmptyThenX" ? delim.repeat(width - 1) + "X" : kind === "allEmpty" ? delim.repeat(width - 1) : kind === "onlyX" ? "X" : delim.repeat(width + 3) + "X";
      lines.splice(i, 0, l + "\n");
      return { data: enc(lines.join("")), what: `delimiterRun ${kind} ${JSON.stringify(l)} at line ${i + 1}` };
    }
    case "manyRows": {
      const i = rng.range(1, Math.max(1, lines.length - 1));
      const l = lines[i] ?? "";
      const n = rng.pick([1000, 20_000]);
      const nl = /(\r\n|\n|\r)$/.test(l) ? l : l + "\n";
      lines.splice(i, 1, ...new Array<string>(n).fill(nl));
      return { data: enc(lines.join("")), what: `manyRows line ${i + 1} ×${n}` };
    }
    case "blankLines": {
      const i = rng.range(1, Math.max(1, lines.length));
      const blank = rng.pick(["\n", "\r\n", " \n", "\t\n", "\n\n\n"]);
      lines.splice(i, 0, blank);
      return { data: enc(lines.join("")), what: `blankLines ${JSON.stringify(blank)} at line ${i + 1}` };
    }
    case "column": {
      const kind = rng.pick(["extraField", "missingField", "extraTrailingDelimiter"]);
      const i = rng.range(Math.min(1, lines.length - 1), Math.max(0, lines.length - 1));
      const l = lines[i] ?? "";
      const body = l.replace(/(\r\n|\n|\r)$/, "");
      const eol = l.slice(body.length);
      if (kind === "extraField") lines[i] = body + delim + "x" + eol;
      else if (kind === "extraTrailingDelimiter") lines[i] = body + delim + eol;
      else lines[i] = body.slice(0, Math.max(0, body.lastIndexOf(delim))) + eol;
      return { data: enc(lines.join("")), what: `column ${kind} line ${i + 1}` };
    }
    default:
      throw new Error(`unknown CSV mutation ${op}`);
  }
}

function replaceField(lines: string[], rng: Rng, delim: string, enc: (t: string) => Buffer, value: string, label: string): Mutated {
  const i = lines.length > 1 ? rng.range(1, lines.length - 1) : 0;
  const rows = parseCsv(lines[i] ?? "", delim);
  const row = rows[0] ?? { fields: [""], eol: "\n" };
  const f = rng.int(row.fields.length);
  const fields = [...row.fields];
  fields[f] = value;
  lines[i] = fields.map((x) => quoteField(x, delim)).join(delim) + row.eol;
  return { data: enc(lines.join("")), what: `${label} line ${i + 1} field ${f + 1} = ${JSON.stringify(value).slice(0, 60)}${value.length > 60 ? `…(${value.length} chars)` : ""}` };
}

/**
 * A number field of a data row replaced with a value the spec says is an error ("no exponents",
 * at most 2 decimals for money and 6 for points, limits of the README): the run must end with 2.
 */
export function mustRejectNumber(input: Buffer, rng: Rng, columns: string[]): Mutated | undefined {
  const dec = decodeCsv(input);
  const delim = detectDelimiter(dec.text);
  const rows = parseCsv(dec.text, delim);
  const header = (rows[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const candidates: [number, number][] = [];
  for (let r = 1; r < rows.length; r++) {
    (rows[r] as { fields: string[] }).fields.forEach((v, c) => {
      if (columns.includes(header[c] ?? "") && v.trim() !== "") candidates.push([r, c]);
    });
  }
  if (!candidates.length) return undefined;
  const [r, c] = rng.pick(candidates);
  const isPoints = ["poäng", "poang", "points"].includes(header[c] ?? "");
  const isPopulation = ["befolkning", "invånare", "population"].includes(header[c] ?? "");
  const bad = rng.pick([
    "1e5",
    "1E+05",
    "2,5e3",
    "0x1F",
    "NaN",
    "Infinity",
    "--5",
    "5-",
    "1..5",
    "1,2,3",
    "=HYPERLINK(\"http://evil.example/\";\"100\")",
    "99999999999999999999",
    "١٢٣",
    "１２３",
    ...(isPoints ? ["1,1234567", "1000000001"] : isPopulation ? ["1,5", "-1", "9007199254740993"] : ["12,345", "1000000000000,01", "0,001"]),
  ]);
  const row = rows[r] as { fields: string[]; eol: string };
  row.fields[c] = bad;
  return { data: encodeCsv(writeCsv(rows, delim), dec), what: `mustReject: line ${r + 1} column ${header[c]} = ${JSON.stringify(bad)}` };
}

// ---------------------------------------------------------------------------------------------
// Tariff JSON

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Sets an own property, even "__proto__". */
function setOwn(o: Record<string, Json>, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Every path in a JSON value, with the value. */
function paths(v: Json, at: (string | number)[] = [], out: { path: (string | number)[]; value: Json }[] = []): { path: (string | number)[]; value: Json }[] {
  out.push({ path: at, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === "object") for (const k of Object.keys(v)) paths(v[k] as Json, [...at, k], out);
  return out;
}

function parentOf(root: Json, path: (string | number)[]): { parent: Json; key: string | number } | undefined {
  if (!path.length) return undefined;
  let p: Json = root;
  for (const k of path.slice(0, -1)) p = (p as Record<string, Json>)[k as string] as Json;
  return { parent: p, key: path[path.length - 1] as string | number };
}

const MONEY_TEXTS = [
  "1" + "0".repeat(30) + ".00",
  "9".repeat(400) + ".00",
  "99999999999999999999",
  "1000000000000.01",
  "0.001",
  "0." + "0".repeat(40) + "1",
  "1e6",
  "1E6",
  "-5.00",
  "-0.00",
  "+100.00",
  "100,00",
  " 100.00",
  "100.00 ",
  "1 000.00",
  "1_000.00",
  "",
  ".",
  "-",
  "NaN",
  "Infinity",
  "0x10",
  "١٢٣.٠٠",
  "１２３.００",
  "12\u00a0000.00",
  "1.",
  ".5",
  "0.65000000000000000000001",
  "1.0000000000000001",
];
const ID_TEXTS = ['R"J', "R*", "__proto__", "source", "constructor", "toString", "prototype", "", " ", "RJL ", "rjl", "rkl", "Kalmar", "RO", "x".repeat(33), "x".repeat(300), "R\u0000", "R\u200bJ", "R\nJ", "=HYPERLINK(\"x\")", "R;J", "R,J", "Ö".repeat(32)];

export function tariffIds(tariff: Buffer): string[] {
  try {
    const t = JSON.parse(tariff.toString("utf8")) as { parties?: { id?: unknown }[] };
    return (t.parties ?? []).map((p) => p.id).filter((x): x is string => typeof x === "string");
  } catch {
    return [];
  }
}

/** Mutations of a tariff file: JSON values and structure, and bytes. */
export function mutateTariff(input: Buffer, rng: Rng): Mutated {
  if (jsonDepth(input) > 200) return mutateCsvLikeBytes(input, rng); // an earlier mutation nested it deeply
  try {
    return mutateTariffValue(input, rng);
  } catch {
    return mutateCsvLikeBytes(input, rng); // a tariff an earlier mutation left without the part this one needs
  }
}

/** The deepest bracket nesting of a JSON text (strings skipped). */
function jsonDepth(b: Buffer): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

function mutateTariffValue(input: Buffer, rng: Rng): Mutated {
  const op = rng.weighted<string>([
    [8, "deleteKey"],
    [5, "renameKey"],
    [10, "changeType"],
    [10, "money"],
    [4, "partyId"],
    [3, "deepNesting"],
    [3, "hugeArray"],
    [5, "population"],
    [4, "fixedShare"],
    [3, "year"],
    [3, "keyFixed"],
    [3, "protoKey"],
    [3, "duplicateKey"],
    [6, "text"],
    [3, "bytes"],
    [3, "duplicateEntry"],
    [3, "longString"],
  ]);
  let root: Json;
  try {
    root = JSON.parse(input.toString("utf8")) as Json;
  } catch {
    return mutateCsvLikeBytes(input, rng);
  }
  const all = paths(root);
  const out = (what: string): Mutated => ({ data: Buffer.from(JSON.stringify(root, null, 2) + "\n", "utf8"), what: `tariff ${what}` });
  const objPaths = all.filter((p) => p.path.length > 0);
  switch (op) {
    case "deleteKey": {
      const p = rng.pick(objPaths);
      const pp = parentOf(root, p.path) as { parent: Json; key: string | number };
      if (Array.isArray(pp.parent)) pp.parent.splice(pp.key as number, 1);
      else delete (pp.parent as Record<string, Json>)[pp.key as string];
      return out(`deleteKey ${p.path.join(".")}`);
    }
    case "renameKey": {
      const keyed = objPaths.filter((p) => typeof p.path[p.path.length - 1] === "string");
      const p = rng.pick(keyed);
      const pp = parentOf(root, p.path) as { parent: Record<string, Json>; key: string };
      const to = rng.pick([pp.key.toUpperCase(), pp.key + "s", "__proto__", "constructor", "$schema", "source", " " + pp.key, pp.key.replace(/./, (c) => c + "\u200b")]);
      const v = pp.parent[pp.key] as Json;
      delete pp.parent[pp.key];
      setOwn(pp.parent, to, v);
      return out(`renameKey ${p.path.join(".")} → ${JSON.stringify(to)}`);
    }
    case "changeType": {
      const p = rng.pick(all);
      const v: Json = rng.pick<Json>([null, true, 0, -1, 1.5, 2025, "x", "", [], {}, [1, 2], { a: 1 }, 1e308, -0, 9007199254740993]);
      if (!p.path.length) return { data: Buffer.from(JSON.stringify(v), "utf8"), what: `tariff root replaced by ${JSON.stringify(v)}` };
      const pp = parentOf(root, p.path) as { parent: Record<string, Json>; key: string };
      if (Array.isArray(pp.parent)) (pp.parent as Json[])[pp.key as unknown as number] = v;
      else setOwn(pp.parent, pp.key, v);
      return out(`changeType ${p.path.join(".")} = ${JSON.stringify(v)}`);
    }
    case "money": {
      const strings = all.filter((p) => typeof p.value === "string" && /^-?\d+(\.\d+)?$/.test(p.value as string));
      if (!strings.length) return out("money (none)");
      const p = rng.pick(strings);
      const v = rng.pick(MONEY_TEXTS);
      const pp = parentOf(root, p.path) as { parent: Record<string, Json>; key: string };
      if (Array.isArray(pp.parent)) (pp.parent as Json[])[pp.key as unknown as number] = v;
      else setOwn(pp.parent, pp.key, v);
      return out(`money ${p.path.join(".")} = ${JSON.stringify(v).slice(0, 60)}`);
    }
    case "partyId": {
      const ids = tariffIds(input);
      if (!ids.length) return out("partyId (none)");
      const from = rng.pick(ids);
      const to = rng.pick(ID_TEXTS);
      const text = input.toString("utf8").split(JSON.stringify(from)).join(JSON.stringify(to));
      return { data: Buffer.from(text, "utf8"), what: `tariff partyId ${from} → ${JSON.stringify(to).slice(0, 50)} everywhere in the tariff` };
    }
    case "deepNesting": {
      const depth = rng.pick([65, 200, 5000, 20_000]);
      const kind = rng.pick(["array", "object"]);
      const nested = kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
      const where = rng.pick(["source", "title", "extra", "root", "careRules"]);
      const text = input.toString("utf8");
      let t: string;
      if (where === "root") t = nested;
      else if (where === "careRules") t = text.replace(/"careRules"\s*:\s*\[/, `"careRules": [${nested},`);
      else if (where === "extra") t = text.replace(/^\s*\{/, `{"deep": ${nested},`);
      else t = text.replace(new RegExp(`"${where}"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`), `"${where}": ${nested}`);
      return { data: Buffer.from(t, "utf8"), what: `tariff deepNesting ${kind} depth ${depth} at ${where}` };
    }
    case "hugeArray": {
      const lists = all.filter((p) => Array.isArray(p.value) && (p.value as Json[]).length > 0);
      if (!lists.length) return out("hugeArray (none)");
      const p = rng.pick(lists);
      const arr = p.value as Json[];
      const n = rng.pick([2_501, 10_000, 100_000]);
      const first = arr[0] as Json;
      for (let k = arr.length; k < n; k++) arr.push(first);
      return out(`hugeArray ${p.path.join(".")} ×${n}`);
    }
    case "population": {
      const pop = (root as Record<string, Json>).population;
      if (!pop || typeof pop !== "object" || Array.isArray(pop)) return out("population (none)");
      const keys = Object.keys(pop);
      const v = rng.pick<Json>([0, -1, 1.5, 1e20, 9007199254740993, 9007199254740991, "368856", null, 1e308]);
      const all0 = rng.chance(0.2);
      for (const k of all0 ? keys : [rng.pick(keys)]) setOwn(pop as Record<string, Json>, k, all0 ? 0 : v);
      return out(all0 ? "population all 0" : `population one = ${JSON.stringify(v)}`);
    }
    case "fixedShare": {
      const v = rng.pick<Json>(["0", "1", "1.0", "0.65000000000000000000001", "2", "-0.1", ".65", "0.65 ", "0,65", 0.65, "1e-1", "0." + "9".repeat(100)]);
      setOwn(root as Record<string, Json>, "fixedShare", v);
      return out(`fixedShare = ${JSON.stringify(v)}`);
    }
    case "year": {
      const v = rng.pick<Json>([0, -1, 99999, 2025.5, "2025", 1e10, 1900, 2100]);
      setOwn(root as Record<string, Json>, "year", v);
      return out(`year = ${JSON.stringify(v)}`);
    }
    case "keyFixed": {
      const ids = tariffIds(input);
      const kind = rng.pick(["sumOne", "almost", "longDecimals", "zero", "negative", "missingParty", "extraParty"]);
      const shares: Record<string, Json> = {};
      const base = kind === "sumOne" ? ["0.3391", "0.2268", "0.4341"] : kind === "almost" ? ["0.3391", "0.2268", "0.43409999999999"] : kind === "longDecimals" ? ["0.333333333333333333333333333333", "0.333333333333333333333333333333", "0.333333333333333333333333333334"] : kind === "zero" ? ["0", "0", "1"] : ["-0.5", "0.5", "1"];
      ids.forEach((id, i) => {
        if (kind === "missingParty" && i === 0) return;
        setOwn(shares, id, base[i] ?? "0");
      });
      if (kind === "extraParty") setOwn(shares, "XX", "0");
      setOwn(root as Record<string, Json>, "key", { basis: "fixed", shares });
      return out(`key fixed ${kind}`);
    }
    case "protoKey": {
      const objs = all.filter((p) => p.value && typeof p.value === "object" && !Array.isArray(p.value));
      const p = rng.pick(objs);
      setOwn(p.value as Record<string, Json>, rng.pick(["__proto__", "constructor", "prototype", "hasOwnProperty"]), rng.pick<Json>([{ polluted: true }, "x", 1, null, { RJL: 1 }]));
      return out(`protoKey in ${p.path.join(".") || "root"}`);
    }
    case "duplicateKey": {
      const text = input.toString("utf8");
      const m = [...text.matchAll(/\n(\s*)"(\w+)"\s*:\s*([^\n]*?),?\n/g)];
      if (!m.length) return out("duplicateKey (none)");
      const x = rng.pick(m);
      const at = (x.index as number) + 1;
      const line = `${x[1]}"${x[2]}": ${rng.pick(['"x"', "1", "null", (x[3] ?? "null").replace(/,$/, "")])},\n`;
      return { data: Buffer.from(text.slice(0, at) + line + text.slice(at), "utf8"), what: `tariff duplicateKey ${x[2]}` };
    }
    case "duplicateEntry": {
      const lists = all.filter((p) => Array.isArray(p.value) && (p.value as Json[]).length > 0 && p.path.length > 0);
      if (!lists.length) return out("duplicateEntry (none)");
      const p = rng.pick(lists);
      const arr = p.value as Json[];
      arr.push(JSON.parse(JSON.stringify(arr[rng.int(arr.length)])) as Json);
      return out(`duplicateEntry in ${p.path.join(".")}`);
    }
    case "longString": {
      const strings = all.filter((p) => typeof p.value === "string");
      const p = rng.pick(strings);
      const v = rng.pick(["x", "ö", " ", "\u0000", "\u202e"]).repeat(rng.pick([201, 4001, 100_000, 5_000_000]));
      const pp = parentOf(root, p.path) as { parent: Record<string, Json>; key: string };
      if (Array.isArray(pp.parent)) (pp.parent as Json[])[pp.key as unknown as number] = v;
      else setOwn(pp.parent, pp.key, v);
      return out(`longString ${p.path.join(".")} ×${v.length}`);
    }
    case "text": {
      const text = input.toString("utf8");
      const kind = rng.pick(["bom", "doubleBom", "comment", "trailingComma", "nul", "truncate", "crOnly", "utf16", "cp1252", "singleQuotes", "nan", "emptyFile", "whitespaceOnly", "twoDocs"]);
      let t: Buffer;
      if (kind === "bom") t = Buffer.from("\ufeff" + text, "utf8");
      else if (kind === "doubleBom") t = Buffer.from("\ufeff\ufeff" + text, "utf8");
      else if (kind === "comment") t = Buffer.from(text.replace("{", "{ // comment\n"), "utf8");
      else if (kind === "trailingComma") t = Buffer.from(text.replace(/\n\s*\]/, ",\n]"), "utf8");
      else if (kind === "nul") t = Buffer.from(text.replace(/"title": "/, '"title": "\u0000'), "utf8");
      else if (kind === "truncate") t = Buffer.from(text.slice(0, rng.int(text.length)), "utf8");
      else if (kind === "crOnly") t = Buffer.from(text.replace(/\n/g, "\r"), "utf8");
      else if (kind === "utf16") t = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      else if (kind === "cp1252") t = encodeCp1252(text);
      else if (kind === "singleQuotes") t = Buffer.from(text.replace(/"year"/, "'year'"), "utf8");
      else if (kind === "nan") t = Buffer.from(text.replace(/"year":\s*\d+/, '"year": NaN'), "utf8");
      else if (kind === "emptyFile") t = Buffer.alloc(0);
      else if (kind === "whitespaceOnly") t = Buffer.from(" \n\t\r\n", "utf8");
      else t = Buffer.from(text + text, "utf8");
      return { data: t, what: `tariff text ${kind}` };
    }
    default:
      return mutateCsvLikeBytes(input, rng);
  }
}

function mutateCsvLikeBytes(input: Buffer, rng: Rng): Mutated {
  const m = mutateCsv(input, rng);
  return { data: m.data, what: `tariff bytes: ${m.what}` };
}
