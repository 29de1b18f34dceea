/**
 * The paid sources of a settlement (`settle --paid`, repeatable), told apart by content: an
 * a-conto plan (`vardavtal-acconto/1`, paid as planned), an earlier settlement of the same year
 * (`vardavtal-settlement/1`, a correction: what it found due counts as paid) or a payments file
 * (CSV, or a workbook's sheet read by `readSheet` of `vardavtal/xlsx`). Pure: each source is its
 * bytes or its sheet; the node shell reads the files.
 */
import { DiagnosticBag } from "../core/model/diagnostics.js";
import type { PaidItem, PaidSource } from "../core/year/settlement.js";
import { readAccontoJson, readSettlementJson, type ReadResult } from "../contracts/result-input.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { bytesSource } from "./csv.js";
import { csvInfoToInput, hashedText, readPayments, type TableSource } from "./inputs.js";
import { sha256, type Sha256Hasher } from "./sha256.js";
import type { SheetTable } from "./sheet.js";

/** One paid source as bytes, with the name messages give it. */
export interface PaidSourceBytes {
  name: string;
  bytes: Uint8Array;
  /** a SHA-256 hasher (Node gives its native one); default: the built-in pure one */
  sha256?: () => Sha256Hasher;
  /** a payments file that is a workbook: its sheet, read (then `bytes` is not looked at) */
  table?: SheetTable;
}

/** Every payment of every source (each pointing at its source), the sources and their file records. */
export interface PaidSourcesRead {
  items: PaidItem[];
  sources: PaidSource[];
  infos: InputFileInfo[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The `format` of a JSON text, or undefined when it is not a JSON object with one. */
function jsonFormat(text: string): string | undefined {
  try {
    const v = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
    return typeof v === "object" && v !== null && typeof (v as { format?: unknown }).format === "string" ? (v as { format: string }).format : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads every paid source against the result: errors (with positions) and warnings go to the bag.
 * A source of another year than the result's is an error (SETTLE_YEAR); rows of a payments file
 * whose år/year names another agreement year are skipped and counted (PAYMENTS_OTHER_YEAR).
 */
export async function readPaidSources(result: ReadResult, inputs: readonly PaidSourceBytes[], bag: DiagnosticBag): Promise<PaidSourcesRead> {
  const items: PaidItem[] = [];
  const sources: PaidSource[] = [];
  const infos: InputFileInfo[] = [];
  for (const input of inputs) {
    const i = sources.length;
    const at = { file: input.name, line: 1, column: 1 };
    if (input.table) {
      await readPaymentsInto({ table: input.table }, input.table.name);
      continue;
    }
    const hashed = hashedText(input.name, "payments", input.bytes, input.sha256 ?? sha256);
    if (ZIP.every((b, k) => input.bytes[k] === b)) {
      bag.error("PAYMENTS_XLSX", {}, at);
      continue;
    }
    const start = hashed.text.replace(/^\uFEFF/, "").trimStart();
    if (start.startsWith("{")) {
      const format = jsonFormat(hashed.text);
      let read: { year: number; payments: PaidItem[] } | undefined;
      let kind: PaidSource["kind"];
      if (format === "vardavtal-acconto/1") {
        kind = "acconto";
        read = readAccontoJson(hashed.text, input.name, result, bag, i);
      } else if (format === "vardavtal-settlement/1") {
        kind = "settlement";
        read = readSettlementJson(hashed.text, input.name, result, bag, i);
      } else {
        bag.error("PAID_SOURCE_UNKNOWN", { found: format ?? "JSON" }, at);
        continue;
      }
      if (read && read.year !== result.year) bag.error("SETTLE_YEAR", { year: result.year, other: read.year }, at);
      sources.push({ kind, file: input.name, sha256: hashed.info.sha256 });
      infos.push(hashed.info);
      items.push(...(read?.payments ?? []));
      continue;
    }
    await readPaymentsInto(bytesSource(input.name, input.bytes), input.name, hashed.info.sha256);
  }
  return { items, sources, infos };

  /** A payments file (CSV or a sheet): its rows as paid items of the next source. */
  async function readPaymentsInto(source: TableSource, name: string, hash = ""): Promise<void> {
    const i = sources.length;
    const read = await readPayments(source, result.partyNames ?? result.parties, bag, { year: result.year });
    sources.push({ kind: "payments", file: name, sha256: read.info.sha256 || hash });
    infos.push(csvInfoToInput("payments", read.info));
    if (read.otherYears.count > 0) {
      bag.warning("PAYMENTS_OTHER_YEAR", { count: read.otherYears.count, years: read.otherYears.years.sort((a, b) => a - b).join(", "), year: result.year, amount: { ore: read.otherYears.sum } }, { file: name, line: 1, column: 1 });
    }
    for (const p of read.payments) {
      items.push({ payer: p.payer, payee: p.payee, amount: p.amount, component: p.component, label: null, ...(p.date ? { date: p.date } : {}), ...(p.note ? { note: p.note } : {}), source: i, line: p.at.line });
    }
  }
}
