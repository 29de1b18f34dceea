/**
 * The CSV input files of formats.md, read into the core's types: consumption (streamed into a
 * ConsumptionAccumulator), population (a PopulationInput) and joint costs (for check-key).
 * No `node:` import: each reader takes a ByteSource; `src/node/files.ts` reads files with them.
 */
import { ConsumptionAccumulator, type ConsumptionField, type ConsumptionRow } from "../core/model/consumption.js";
import { DiagnosticBag, type FieldRef, type Location, type Params } from "../core/model/diagnostics.js";
import type { PopulationInput } from "../core/model/key.js";
import { MAX_INPUT_ORE, MAX_POPULATION } from "../core/model/limits.js";
import { badNumberParams, isoDateYear, leadingBlank, parseLocaleNumber } from "../core/model/numbers.js";
import { checkName } from "../core/model/text-values.js";
import { phrase, type Phrase } from "../core/model/phrases.js";
import { nearestName, partyKey } from "../core/model/names.js";
import type { PartyNames, Payment } from "../core/year/settlement.js";
export type { PartyNames } from "../core/year/settlement.js";
import type { Component } from "../core/model/calculate.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { emptyInfo, isBlankRecord, mapHeader, readCsv, type ByteSource, type ColumnSpec, type CsvInfo, type CsvRecord, type ReadOptions } from "./csv.js";
import { finishSheetRecord, isSheetRecord, sheetRecords, type SheetSource, type SheetTable } from "./sheet.js";

/**
 * A table input: CSV bytes (a file, a browser File, a buffer) or a sheet of a workbook (read by
 * `readSheet` of `vardavtal/xlsx`). Both are read with the same columns and the same checks.
 */
export type TableSource = ByteSource | SheetSource;

function isSheetSource(s: TableSource): s is SheetSource {
  return typeof (s as Partial<SheetSource>).table === "object";
}

/** The name messages give a table input: the path, or `FILE.xlsx#Blad` for a sheet. */
export function tableName(s: TableSource): string {
  return isSheetSource(s) ? s.table.name : s.name;
}

/** The sheet's records as one batch; the info says it is a workbook's sheet. */
async function* sheetBatches(table: SheetTable, info: CsvInfo): AsyncGenerator<CsvRecord[]> {
  info.file = table.name;
  info.bytes = table.bytes;
  info.sha256 = table.sha256;
  info.encoding = "xlsx";
  info.delimiter = "";
  info.sheet = table.sheet;
  yield sheetRecords(table);
}

export const CONSUMPTION_COLUMNS: ColumnSpec<ConsumptionField>[] = [
  { field: "year", names: ["år", "ar", "year"] },
  { field: "date", names: ["datum", "date"] },
  { field: "seller", names: ["säljare", "saljare", "seller"] },
  { field: "buyer", names: ["köpare", "kopare", "buyer"] },
  { field: "area", names: ["verksamhet", "area", "verksamhetsområde"] },
  { field: "points", names: ["poäng", "poang", "points", "drg-poäng"] },
  { field: "amount", names: ["belopp", "amount"] },
];

export type PopulationField = "party" | "population" | "date";
export const POPULATION_COLUMNS: ColumnSpec<PopulationField>[] = [
  { field: "party", names: ["part", "region", "party"] },
  { field: "population", names: ["befolkning", "invånare", "population", "folkmängd", "folkmangd"] },
  { field: "date", names: ["datum", "date"] },
];

export type CostField = "item" | "party" | "amount";
export const COST_COLUMNS: ColumnSpec<CostField>[] = [
  { field: "item", names: ["post", "item"] },
  { field: "party", names: ["part", "region", "party"] },
  { field: "amount", names: ["belopp", "amount"] },
];

export type PaymentField = "payer" | "payee" | "amount" | "date" | "note" | "year";
export const PAYMENT_COLUMNS: ColumnSpec<PaymentField>[] = [
  { field: "payer", names: ["betalare", "payer"] },
  { field: "payee", names: ["mottagare", "payee"] },
  { field: "amount", names: ["belopp", "amount"] },
  { field: "date", names: ["datum", "date"] },
  { field: "note", names: ["avser", "note", "text"] },
  { field: "year", names: ["år", "ar", "year", "avtalsår"] },
];

function names<F extends string>(specs: ColumnSpec<F>[], field: F): string {
  return specs.find((s) => s.field === field)?.names.join(" / ") ?? field;
}

/** Requires each group of alternatives to have one column present; reports the missing ones. */
function requireColumns<F extends string>(map: Map<F, number>, groups: F[][], specs: ColumnSpec<F>[], file: string, bag: DiagnosticBag, header: readonly string[]): boolean {
  let ok = true;
  for (const group of groups) {
    if (group.some((f) => map.has(f))) continue;
    ok = false;
    const first = group.map((f) => names(specs, f).split(" / ")[0] ?? f);
    const column = first.length === 2 ? phrase("columns_either", { first: first[0] ?? "", second: first[1] ?? "" }) : first.join(", ");
    const accepted = group.map((f) => names(specs, f)).join("; ");
    const found = header.map((h) => h.trim()).filter((h) => h !== "").map((h) => `"${h}"`).join(", ") || "-";
    bag.error("MISSING_COLUMN", { column, accepted, found }, { file, line: 1, column: 1 });
  }
  return ok;
}

/**
 * A record with more or fewer fields than the header is an error, empty extra fields included:
 * `…;2,5,` in a comma file is an unquoted decimal comma, not points 2 and amount 5.
 */
function checkFieldCount(r: CsvRecord, width: number, file: string, bag: DiagnosticBag): boolean {
  if (r.broken) return false; // its quoting error is reported already
  if (r.fields.length === width) return true;
  const at = r.fields.length > width ? width : r.fields.length - 1;
  bag.error("CSV_FIELD_COUNT", { found: r.fields.length, expected: width }, { file, line: r.lines[at] ?? r.line, column: r.columns[at] ?? 1 });
  return false;
}

export { hashedText, type HashedFile } from "./hashed-text.js";

/** One data record of a table, with its header map and positions. */
export interface TableRecord<F extends string> {
  record: CsvRecord;
  header: Map<F, number>;
  /** each mapped field's column (index and header as written), for messages */
  refs: Map<F, FieldRef>;
  /** the field's text ("" when the column is absent) */
  get(field: F): string;
  /** the position of a field's value (after leading blanks), plus an offset into it */
  at(field: F, offset?: number): Location;
  /** the field as a checked name (trimmed, spaces folded), or undefined when it is reported as unusable */
  name(field: F, what: Phrase): string | undefined;
}

/**
 * Reads a CSV table: maps the header (reporting missing and repeated columns), skips blank
 * records, checks each record's field count, and hands every other record to `onRecord`.
 * Returns the file's info with `records` = non-blank data records.
 */
async function readTable<F extends string>(
  source: TableSource,
  specs: ColumnSpec<F>[],
  required: F[][],
  bag: DiagnosticBag,
  onRecord: (r: TableRecord<F>) => void,
  options: ReadOptions = {},
  onHeader?: (header: CsvRecord, map: Map<F, number>) => void,
): Promise<CsvInfo> {
  const file = tableName(source);
  const sheet = isSheetSource(source) ? source.table : undefined;
  const info = emptyInfo(file);
  let header: Map<F, number> | undefined;
  let headerRecord: CsvRecord | undefined;
  const refs = new Map<F, FieldRef>();
  let width = 0;
  let usable = true;
  // A header without the required columns: its errors wait while the next lines are looked at,
  // since a title line above the real header (SCB's exports) is said better as what it is.
  let held: { record: CsvRecord; map: Map<F, number>; diagnostics: DiagnosticBag; after: number } | undefined;
  const release = (): void => {
    if (!held) return;
    bag.absorb(held.diagnostics.items);
    onHeader?.(held.record, held.map);
    held = undefined;
  };
  for await (const batch of sheet ? sheetBatches(sheet, info) : readCsv(source as ByteSource, bag, info, options)) {
    for (const record of batch) {
      if (!header) {
        const own = new DiagnosticBag();
        header = mapHeader(record, specs, file, own);
        headerRecord = record;
        for (const [field, idx] of header) refs.set(field, { index: idx, name: (record.fields[idx] ?? "").trim() });
        width = record.fields.length;
        usable = requireColumns(header, required, specs, file, own, record.fields);
        if (usable) {
          bag.absorb(own.items);
          onHeader?.(record, header);
        } else held = { record, map: header, diagnostics: own, after: 0 };
        continue;
      }
      if (held && !isBlankRecord(record)) {
        const line = titleAbove(record, specs, required, held.record);
        if (line) {
          bag.error("CSV_TITLE_LINE", line, { file, line: 1, column: 1 });
          held = undefined;
        } else if (++held.after >= TITLE_LOOKAHEAD) release();
      }
      if (!usable || isBlankRecord(record)) continue;
      const total = totalRow(record);
      if (total !== undefined) {
        bag.error("CSV_TOTAL_ROW", { text: (record.fields[total] ?? "").trim() }, { file, line: record.line, column: record.columns[total] ?? 1, field: { index: total, name: (headerRecord?.fields[total] ?? "").trim() } });
        continue;
      }
      info.records++;
      if (sheet && isSheetRecord(record)) finishSheetRecord(record, { width, dateIndex: header.get("date" as F), date1904: sheet.date1904, file, header: headerRecord?.fields ?? [], used: new Set(header.values()) }, bag);
      if (!checkFieldCount(record, width, file, bag)) continue;
      const h = header;
      onRecord({
        record,
        header: h,
        refs,
        get: (field) => {
          const idx = h.get(field);
          return idx === undefined ? "" : (record.fields[idx] ?? "");
        },
        at,
        name: (field, what) => {
          const idx = h.get(field) ?? 0;
          const text = record.fields[idx] ?? "";
          const ref = refs.get(field);
          const position = (offset: number): Location => ({ file, line: record.lines[idx] ?? record.line, column: (record.columns[idx] ?? 1) + offset, ...(ref ? { field: ref } : {}) });
          return checkName(bag, text, what, position) ? text.trim().replace(/\s+/g, " ") : undefined;
        },
      });
      function at(field: F, offset = 0): Location {
        const idx = h.get(field) ?? 0;
        const ref = refs.get(field);
        return { file, line: record.lines[idx] ?? record.line, column: (record.columns[idx] ?? 1) + leadingBlank(record.fields[idx] ?? "") + offset, ...(ref ? { field: ref } : {}) };
      }
    }
  }
  release();
  if (!header && info.readable) bag.error("CSV_EMPTY", {}, { file, line: 1, column: 1 });
  return info;
}

/** How many lines after a header without its columns are looked at for the real header. */
const TITLE_LOOKAHEAD = 5;

/**
 * The parameters of CSV_TITLE_LINE when `record` holds every required column (split by any of
 * the delimiters: the delimiter was guessed from the title line), or undefined.
 */
function titleAbove<F extends string>(record: CsvRecord, specs: ColumnSpec<F>[], required: F[][], title: CsvRecord): Params | undefined {
  for (const fields of [record.fields, record.fields.flatMap((f) => f.split(/[;\t,]/))]) {
    const map = mapHeader({ ...record, fields }, specs, "", new DiagnosticBag());
    if (!required.every((group) => group.some((f) => map.has(f)))) continue;
    const above = record.line - 1;
    return {
      line: record.line,
      above: above === 1 ? { sv: "rad 1", en: "line 1" } : { sv: `raderna 1–${above}`, en: `lines 1–${above}` },
      title: title.fields.join(",").trim() || "-", // split by a delimiter guessed from it: most likely a comma
    };
  }
  return undefined;
}

/** A ledger's total row: its first non-blank field is the whole word "Summa", "Totalt", "Total", "S:a"… */
const TOTAL_WORD = /^(?:summa|totalsumma|s:a|totalt|total|sum|grand total)\s*:?$/i;

/** The position of the word when the row is a total row, else undefined. */
function totalRow(record: CsvRecord): number | undefined {
  const first = record.fields.findIndex((f) => f.trim() !== "");
  return first >= 0 && TOTAL_WORD.test((record.fields[first] as string).trim()) ? first : undefined;
}

/** Streams a consumption file into the accumulator. */
export async function readConsumption(source: TableSource, acc: ConsumptionAccumulator, bag: DiagnosticBag, options: ReadOptions = {}): Promise<CsvInfo> {
  const required: ConsumptionField[][] = [["seller"], ["buyer"], ["area"], ["year", "date"], ["points", "amount"]];
  const file = tableName(source);
  let fields: Partial<Record<ConsumptionField, FieldRef>> | undefined;
  return readTable(
    source,
    CONSUMPTION_COLUMNS,
    required,
    bag,
    ({ record, header, refs }) => {
      const columns: Partial<Record<ConsumptionField, number>> = {};
      fields ??= Object.fromEntries(refs) as Partial<Record<ConsumptionField, FieldRef>>;
      const row: ConsumptionRow = { seller: "", buyer: "", area: "", at: { file, line: record.line, columns, fields } };
      for (const [field, idx] of header) {
        const text = record.fields[idx];
        if (text === undefined) continue;
        row[field] = text;
        columns[field] = record.columns[idx];
      }
      acc.add(row);
    },
    options,
  );
}

/** A header naming a year's population as SCB writes it: "2023", "Folkmängd 2023", "2023-12-31". */
const YEAR_COLUMN = /^(?:(?:folkmängd|folkmangd|befolkning|population)\s*)?(\d{4})(?:-12-31)?$/i;

/**
 * Reads a population file: `part; befolkning; datum`, or what Statistics Sweden (SCB) exports: the
 * column `Folkmängd`, regions with their county code (`05 Östergötlands län`), or one column per
 * year (`region; 2023; 2024`), of which the key chooses one (see resolveKey).
 */
export async function readPopulation(source: TableSource, bag: DiagnosticBag): Promise<{ population: PopulationInput; info: CsvInfo }> {
  const file = tableName(source);
  const population: PopulationInput = { file, entries: [] };
  let years: { year: number; index: number; column: string }[] = [];
  let usable = true;
  const onHeader = (header: CsvRecord, map: Map<PopulationField, number>): void => {
    if (map.has("population")) return;
    years = header.fields.flatMap((name, index) => {
      const m = YEAR_COLUMN.exec(name.trim());
      return m ? [{ year: Number(m[1]), index, column: name.trim() }] : [];
    });
    if (years.length > 0) population.years = years.map((y) => ({ year: y.year, column: y.column, entries: [] }));
    else usable = requireColumns(map, [["population"]], POPULATION_COLUMNS, file, bag, header.fields);
  };
  const info = await readTable(
    source,
    POPULATION_COLUMNS,
    [["party"]],
    bag,
    ({ record, get, at, name }) => {
      if (!usable) return;
      const party = name("party", phrase("field_party"));
      if (population.years) {
        // One value per year column; a value is checked only if its year is the one the key takes.
        if (party === undefined) return;
        years.forEach((y, k) => {
          const text = record.fields[y.index] ?? "";
          const n = parseLocaleNumber(text, 0);
          const ok = n.ok && n.units >= 0n && n.units <= MAX_POPULATION;
          const where: Location = { file, line: record.lines[y.index] ?? record.line, column: (record.columns[y.index] ?? 1) + leadingBlank(text), field: { index: y.index, name: y.column } };
          population.years?.[k]?.entries.push({ party, population: ok && n.ok ? n.units : undefined, text: text.trim(), at: where, partyAt: at("party") });
        });
        return;
      }
      const text = get("population");
      const n = parseLocaleNumber(text, 0);
      if (!n.ok || n.units < 0n || n.units > MAX_POPULATION) {
        bag.error("BAD_POPULATION", { text: text.trim() }, at("population", n.ok ? 0 : n.offset));
        if (party !== undefined) (population.invalid ??= []).push(party);
        return;
      }
      if (party === undefined) return;
      const date = get("date").trim();
      if (date && isoDateYear(date) === undefined) {
        bag.error("BAD_DATE", { text: date }, at("date"));
        return;
      }
      if (date && !population.date) {
        population.date = date;
        population.dateAt = at("date");
      } else if (date && date !== population.date) {
        // One key, one date: rows counted at different dates cannot make one key.
        // (the row is still read, so that its party is not reported missing as well)
        bag.error("POPULATION_DATES_DIFFER", { date, first: population.date ?? "", line: population.dateAt?.line ?? 1 }, at("date"));
      }
      population.entries.push({ party, population: n.units, at: at("population"), partyAt: at("party") });
    },
    {},
    onHeader,
  );
  return { population, info };
}

export interface CostRow {
  item: string;
  party: string;
  /** öre */
  amount: bigint;
  at: { item: Location; party: Location; amount: Location };
}

/** Reads a joint-costs file (post; part; belopp) for check-key. */
export async function readCosts(source: TableSource, bag: DiagnosticBag): Promise<{ rows: CostRow[]; info: CsvInfo }> {
  const rows: CostRow[] = [];
  const info = await readTable(source, COST_COLUMNS, [["item"], ["party"], ["amount"]], bag, ({ get, at, name }) => {
    const item = name("item", phrase("field_item"));
    const party = name("party", phrase("field_party"));
    const text = get("amount");
    let ok = item !== undefined && party !== undefined;
    const n = parseLocaleNumber(text, 2);
    if (!n.ok) {
      if (n.problem === "TOO_MANY_DECIMALS") bag.error("TOO_MANY_DECIMALS", { text: text.trim(), max: 2, what: phrase("field_amount") }, at("amount", n.offset));
      else bag.error("BAD_NUMBER", badNumberParams(text), at("amount", n.offset));
      ok = false;
    } else if (n.units > MAX_INPUT_ORE || n.units < -MAX_INPUT_ORE) {
      bag.error("AMOUNT_TOO_LARGE", { text: text.trim(), what: phrase("field_amount"), max: { ore: MAX_INPUT_ORE } }, at("amount"));
      ok = false;
    }
    if (ok && n.ok && item !== undefined && party !== undefined) rows.push({ item, party, amount: n.units, at: { item: at("item"), party: at("party"), amount: at("amount") } });
  });
  return { rows, info };
}

export function csvInfoToInput(role: InputFileInfo["role"], info: CsvInfo): InputFileInfo {
  if (info.encoding === "xlsx") return { role, file: info.file, sha256: info.sha256, bytes: info.bytes, encoding: "xlsx", rows: info.records };
  return { role, file: info.file, sha256: info.sha256, bytes: info.bytes, encoding: info.encoding + (info.bom ? " (BOM)" : ""), delimiter: info.delimiter, bom: info.bom, rows: info.records };
}


/** One payment of a payments file, with what the file says of it. */
export interface PaymentRow extends Payment {
  /** the component `avser` names at its start, or null (unassigned for the pair) */
  component: Component | null;
  /** ISO date, when given */
  date?: string;
  /** the `avser` text as written (trimmed), when given */
  note?: string;
  /** the row's position (its payer field) */
  at: Location;
}

/**
 * The component a payment's `avser` names at its start, in Swedish or English (fast/fixed,
 * rörlig/variable, styckpris/unit price, endast fast/fixed only, solidarisk/solidarity,
 * statsbidrag/grant, or the component's code), followed by the end of the text, a blank or a
 * punctuation mark ("Fast ersättning mars" is fixed; "Fastighet" names none). Longer names are
 * tried first, so "fixed only" is not "fixed".
 */
export function componentOfNote(note: string): Component | null {
  const text = partyKey(note);
  for (const [name, component] of NOTE_COMPONENTS) {
    if (!text.startsWith(name)) continue;
    const next = text.charAt(name.length);
    if (next === "" || /[\s.,:;–\-—()/]/.test(next)) return component;
  }
  return null;
}

const NOTE_COMPONENTS: [string, Component][] = (
  [
    ["endast fast", "fixed_only"],
    ["fixed only", "fixed_only"],
    ["fixed_only", "fixed_only"],
    ["unit price", "unit_price"],
    ["unit_price", "unit_price"],
    ["styckpris", "unit_price"],
    ["fast", "fixed"],
    ["fixed", "fixed"],
    ["rörlig", "variable"],
    ["variable", "variable"],
    ["solidarisk", "solidarity"],
    ["solidarity", "solidarity"],
    ["statsbidrag", "grant"],
    ["grant", "grant"],
  ] as [string, Component][]
).sort((a, b) => b[0].length - a[0].length);

/** What {@link readPayments} returns: the rows used, the rows of other agreement years (skipped), the file's info. */
export interface PaymentsRead {
  payments: PaymentRow[];
  /** rows whose år/year names another agreement year: how many and their sum (öre), per year */
  otherYears: { count: number; sum: bigint; years: number[] };
  info: CsvInfo;
}

/**
 * Reads a payments file (betalare; mottagare; belopp; datum; avser; år) for the settlement.
 * Parties match an id, name or alias (case-insensitive), as in every input. With `year` (the
 * result's): a row whose `år`/`year` names another agreement year is skipped and counted; a date
 * must lie in the year or the year after (the final settlement is paid after the year), else an
 * error with its position; two identical rows are an error (PAYMENT_DUPLICATE) naming the first.
 */
export async function readPayments(source: TableSource, parties: readonly (string | PartyNames)[], bag: DiagnosticBag, options: { year?: number } = {}): Promise<PaymentsRead> {
  const payments: PaymentRow[] = [];
  const named: PartyNames[] = parties.map((p) => (typeof p === "string" ? { id: p } : p));
  const ids = named.map((p) => p.id);
  const index = new Map<string, number>();
  named.forEach((p, i) => {
    for (const text of [p.id, p.name ?? "", ...(p.aliases ?? [])]) if (text.trim() !== "" && !index.has(partyKey(text))) index.set(partyKey(text), i);
  });
  const otherYears = { count: 0, sum: 0n, years: [] as number[] };
  const seen = new Map<string, number>();
  const info = await readTable(source, PAYMENT_COLUMNS, [["payer"], ["payee"], ["amount"]], bag, ({ get, at, name, record }) => {
    const resolve = (field: "payer" | "payee", what: Phrase): number | undefined => {
      const text = name(field, what);
      if (text === undefined) return undefined;
      const i = index.get(partyKey(text));
      if (i === undefined) {
        const near = nearestName(partyKey(text), ids);
        bag.error("UNKNOWN_PARTY", { text, known: ids.join(", "), ...(near !== undefined ? { suggestion: near } : {}) }, at(field));
      }
      return i;
    };
    const text = get("amount");
    const n = parseLocaleNumber(text, 2);
    let amount: bigint | undefined;
    if (!n.ok) {
      if (n.problem === "TOO_MANY_DECIMALS") bag.error("TOO_MANY_DECIMALS", { text: text.trim(), max: 2, what: phrase("field_amount") }, at("amount", n.offset));
      else bag.error("BAD_NUMBER", badNumberParams(text), at("amount", n.offset));
    } else if (n.units > MAX_INPUT_ORE || n.units < -MAX_INPUT_ORE) {
      bag.error("AMOUNT_TOO_LARGE", { text: text.trim(), what: phrase("field_amount"), max: { ore: MAX_INPUT_ORE } }, at("amount"));
    } else amount = n.units;
    // The agreement year the row belongs to: another year's row is skipped before any other check of it.
    const yearText = get("year").trim();
    if (yearText !== "") {
      const y = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
      if (y === undefined) {
        bag.error("BAD_YEAR", { text: yearText }, at("year"));
        return;
      }
      if (options.year !== undefined && y !== options.year) {
        otherYears.count++;
        otherYears.sum += amount ?? 0n;
        if (!otherYears.years.includes(y)) otherYears.years.push(y);
        return;
      }
    }
    const payer = resolve("payer", phrase("field_payer"));
    const payee = resolve("payee", phrase("field_payee"));
    const date = get("date").trim();
    let dateOk = true;
    if (date !== "") {
      const y = isoDateYear(date);
      if (y === undefined) {
        bag.error("BAD_DATE", { text: date }, at("date"));
        dateOk = false;
      } else if (options.year !== undefined && y !== options.year && y !== options.year + 1) {
        bag.error("PAYMENT_DATE_OUTSIDE", { text: date, year: options.year, next: options.year + 1 }, at("date"));
        dateOk = false;
      }
    }
    if (payer !== undefined && payer === payee) bag.error("PAYMENT_SAME_PARTY", { party: ids[payer] ?? "" }, at("payee"));
    if (payer === undefined || payee === undefined || amount === undefined || payer === payee || !dateOk) return;
    const note = get("note").trim().replace(/\s+/g, " ");
    const key = [payer, payee, amount, date, note, yearText].join("\u0000");
    const first = seen.get(key);
    if (first !== undefined) {
      bag.error("PAYMENT_DUPLICATE", { first }, at("payer"));
      return;
    }
    seen.set(key, record.line);
    payments.push({ payer, payee, amount, component: note === "" ? null : componentOfNote(note), ...(date !== "" ? { date } : {}), ...(note !== "" ? { note } : {}), at: at("payer") });
  });
  return { payments, otherYears, info };
}
