/**
 * Consumption (model.md, step 2): each row is read, checked, valued exactly and summed per
 * (area, seller, buyer). Sums per (model, seller, buyer) follow from the area sums, so every
 * counted öre sits in exactly one area and one model.
 */
import { MONEY_DECIMALS, POINT_DECIMALS, VALUE_UNITS_PER_ORE, roundHalfAwayFromZero } from "./decimal.js";
import { DiagnosticBag, type FieldRef, type Location } from "./diagnostics.js";
import { unknownPartyParams } from "./key.js";
import { nearestName } from "./names.js";
import { MAX_AREAS, MAX_INPUT_ORE, MAX_POINT_UNITS, MAX_RESULT_ORE } from "./limits.js";
import { badNumberParams, isBlank, isoDateYear, leadingBlank, parseLocaleNumber } from "./numbers.js";
import { checkName } from "./text-values.js";
import { areaKey } from "./names.js";
import type { CompiledTariff } from "./tariff-compile.js";
import { phrase, type Phrase } from "./phrases.js";
import type { CareModel } from "./tariff-schema.js";

export const CONSUMPTION_FIELDS = ["year", "date", "seller", "buyer", "area", "points", "amount"] as const;
export type ConsumptionField = (typeof CONSUMPTION_FIELDS)[number];

/** Where a row came from: a file, its line, and the column of each field (1-based characters). */
export interface RowPosition {
  file: string;
  line: number;
  columns?: Partial<Record<ConsumptionField, number>>;
  /** each field's CSV column (one object for the whole file), named in messages as Excel does */
  fields?: Partial<Record<ConsumptionField, FieldRef>>;
}

/**
 * One care item. Numbers are text as a spreadsheet writes them ("2,5", "12 500,00", "-1234.56"):
 * never binary floats. `points` has at most 6 decimals, `amount` (SEK, full price) at most 2.
 */
export interface ConsumptionRow {
  year?: string | number;
  date?: string;
  seller: string;
  buyer: string;
  area: string;
  points?: string;
  amount?: string;
  at?: RowPosition;
}

/** The counted rows of one seller→buyer cell of an area. */
export interface CellTotals {
  /** 10⁻⁸ SEK */
  value: bigint;
  rows: number;
}

/**
 * The counted consumption of one area of care: its care model per seller and the value per
 * seller→buyer cell (10⁻⁸ SEK, exact). Part of {@link ConsumptionSummary}.
 */
export interface AreaTotals {
  /** display name: the spelling in the tariff (care rule or `areas`), or the normalized area */
  area: string;
  key: string;
  /** model per seller index */
  models: CareModel[];
  /** true when a care rule or the tariff's `areas` names it */
  known: boolean;
  /** per cell seller*n+buyer that has counted rows; memory grows with the pairs that occur */
  cells: Map<number, CellTotals>;
  /** the area field of the first row that was counted in it */
  firstAt?: Location;
}

/**
 * What was read from the consumption: rows read and counted, rows skipped (and why), and the
 * totals per area of care. Memory grows with the areas and pairs that occur, not with the rows.
 */
export interface ConsumptionSummary {
  /** every data row read */
  rowsRead: number;
  /** the rows that count in the year's calculation */
  rowsCounted: number;
  /** `afterThrough`: rows of the year dated after a forecast's cut-off (0 without one) */
  skipped: { otherYear: number; ownRegion: number; afterThrough: number };
  areas: AreaTotals[];
}

export interface AccumulatorOptions {
  /** a forecast's cut-off date (ISO, in the tariff's year): later rows are skipped and counted */
  through?: string;
}

/** Streams rows in, one at a time; memory grows with the number of distinct areas only. */
export class ConsumptionAccumulator {
  private readonly n: number;
  private readonly areasByRaw = new Map<string, AreaTotals>();
  private readonly areasByKey = new Map<string, AreaTotals>();
  private readonly partyByRaw = new Map<string, number>();
  private readonly priceCache: Map<string, bigint | null>[];
  private readonly changesInYear: string[][];
  private readonly yearText: string;
  private readonly janFirst: string;
  private rowIndex = 0;
  private tooManyAreas = false;
  readonly summary: ConsumptionSummary = { rowsRead: 0, rowsCounted: 0, skipped: { otherYear: 0, ownRegion: 0, afterThrough: 0 }, areas: [] };

  constructor(
    private readonly tariff: CompiledTariff,
    private readonly bag: DiagnosticBag,
    private readonly defaultFile = "<consumption>",
    private readonly options: AccumulatorOptions = {},
  ) {
    this.n = tariff.parties.length;
    this.priceCache = tariff.parties.map(() => new Map());
    this.yearText = String(tariff.year);
    this.janFirst = `${tariff.year}-01-01`;
    const yearEnd = `${tariff.year}-12-31`;
    this.changesInYear = tariff.pointPrices.map((list) => list.filter((p) => p.validFrom > this.janFirst && p.validFrom <= yearEnd).map((p) => p.validFrom));
  }

  private loc(row: ConsumptionRow, field: ConsumptionField | undefined, text?: string, offset = 0): Location {
    const at = row.at;
    if (!at) return { file: this.defaultFile, line: this.rowIndex, column: 1 };
    const col = field ? at.columns?.[field] : undefined;
    const ref = field ? at.fields?.[field] : undefined;
    return { file: at.file, line: at.line, column: col === undefined ? 1 : col + (text ? leadingBlank(text) : 0) + offset, ...(ref ? { field: ref } : {}) };
  }

  /** Checks a text field (party, area); reports what is wrong and returns false. */
  private textOk(row: ConsumptionRow, field: "seller" | "buyer" | "area", what: Phrase): boolean {
    const text = row[field];
    // Positions count from the field's start (the value's leading blanks included).
    return checkName(this.bag, text, what, (offset) => this.loc(row, field, undefined, offset));
  }

  private party(row: ConsumptionRow, field: "seller" | "buyer"): number | undefined {
    const text = row[field];
    let i = this.partyByRaw.get(text);
    if (i === undefined) {
      if (!this.textOk(row, field, phrase(field === "seller" ? "field_seller" : "field_buyer"))) return undefined;
      i = this.tariff.resolveParty(text);
      if (i === undefined) {
        this.bag.error("UNKNOWN_PARTY", unknownPartyParams(this.tariff, text.trim()), this.loc(row, field, text));
        return undefined;
      }
      this.partyByRaw.set(text, i);
    }
    return i;
  }

  private number(row: ConsumptionRow, field: "points" | "amount", decimals: number): bigint | undefined | null {
    const text = row[field];
    if (text === undefined || text === null) return undefined;
    if (typeof text !== "string") {
      this.bag.error("BAD_ROW", { reason: phrase("row_field_type", { field, type: typeof text }) }, this.loc(row, field));
      return null;
    }
    if (isBlank(text)) return undefined;
    const r = parseLocaleNumber(text, decimals);
    const what = phrase(field === "amount" ? "field_amount" : "field_points");
    if (r.ok) {
      const max = field === "amount" ? MAX_INPUT_ORE : MAX_POINT_UNITS;
      if (r.units <= max && r.units >= -max) return r.units;
      this.bag.error("AMOUNT_TOO_LARGE", { text: text.trim(), what, max: field === "amount" ? { ore: max } : (max / 10n ** 6n).toString() }, this.loc(row, field, text));
      return null;
    }
    if (r.problem === "TOO_MANY_DECIMALS") {
      this.bag.error("TOO_MANY_DECIMALS", { text: text.trim(), max: decimals, what }, this.loc(row, field, text, r.offset));
    } else {
      this.bag.error("BAD_NUMBER", badNumberParams(text, field === "points" ? POINT_DECIMALS : MONEY_DECIMALS), this.loc(row, field, text, r.offset));
    }
    return null;
  }

  /** The totals of a row's area, created at its first counted row; undefined past MAX_AREAS (reported). */
  private area(row: ConsumptionRow): AreaTotals | undefined {
    const text = row.area;
    let a = this.areasByRaw.get(text);
    if (a) return a;
    const key = areaKey(text);
    a = this.areasByKey.get(key);
    if (!a) {
      if (this.areasByKey.size >= MAX_AREAS) {
        if (!this.tooManyAreas) this.bag.error("TOO_MANY_AREAS", { max: MAX_AREAS }, this.loc(row, "area", text));
        this.tooManyAreas = true;
        return undefined;
      }
      a = newAreaTotals(this.tariff, key);
      const at = this.loc(row, "area", text);
      a.firstAt = { file: at.file, line: at.line, column: at.column }; // a position only: both readers give the same
      this.areasByKey.set(key, a);
      this.summary.areas.push(a);
    }
    this.areasByRaw.set(text, a);
    return a;
  }

  /** The seller's point price at `date`, in öre, or null when there is none. */
  private price(seller: number, date: string): bigint | null {
    const cache = this.priceCache[seller] as Map<string, bigint | null>;
    let p = cache.get(date);
    if (p === undefined) {
      p = null;
      for (const pp of this.tariff.pointPrices[seller] ?? []) if (pp.validFrom <= date) p = pp.price;
      cache.set(date, p);
    }
    return p;
  }

  add(row: ConsumptionRow): void {
    this.rowIndex++;
    const bag = this.bag;
    const errorsBefore = bag.items.length;
    // Year: from `year`, else from `date`; both must agree.
    let year: number | undefined;
    let yearOk = true;
    const yText = row.year === undefined || row.year === null ? "" : String(row.year).trim();
    if (yText !== "") {
      if (/^\d{4}$/.test(yText)) year = Number(yText);
      else {
        bag.error("BAD_YEAR", { text: yText }, this.loc(row, "year", String(row.year)));
        yearOk = false;
      }
    }
    let date: string | undefined;
    const dText = typeof row.date === "string" ? row.date.trim() : "";
    if (dText !== "") {
      const dy = isoDateYear(dText);
      if (dy === undefined) {
        bag.error("BAD_DATE", { text: dText }, this.loc(row, "date", row.date));
        yearOk = false;
      } else {
        date = dText;
        if (year !== undefined && dy !== year) {
          bag.error("YEAR_DATE_MISMATCH", { year, date: dText }, this.loc(row, "date", row.date));
          yearOk = false;
        }
        year ??= dy;
      }
    }
    if (year === undefined && yearOk) {
      bag.error("NO_YEAR", {}, this.loc(row, "year"));
      yearOk = false;
    }
    // A forecast (model.md, "Forecast"): a row of the year dated after the cut-off is skipped and
    // counted before any other check of it; a row of the year without a date cannot be placed.
    const through = this.options.through;
    if (through !== undefined && yearOk && year === this.tariff.year) {
      if (date !== undefined && date > through) {
        this.summary.rowsRead++;
        this.summary.skipped.afterThrough++;
        return;
      }
      if (date === undefined) bag.error("NO_DATE_FORECAST", { through }, this.loc(row, row.at?.columns?.date !== undefined ? "date" : "year"));
    }
    const seller = this.party(row, "seller");
    const buyer = this.party(row, "buyer");
    if (!this.areasByRaw.has(row.area)) this.textOk(row, "area", phrase("field_area"));
    const amount = this.number(row, "amount", MONEY_DECIMALS);
    const points = this.number(row, "points", POINT_DECIMALS);
    if (amount === undefined && points === undefined) bag.error("NO_VALUE", {}, this.loc(row, row.at?.columns?.amount !== undefined ? "amount" : "points"));
    this.summary.rowsRead++;
    if (bag.items.length !== errorsBefore || seller === undefined || buyer === undefined || !yearOk) return;

    if (year !== Number(this.yearText)) {
      this.summary.skipped.otherYear++;
      return;
    }
    if (seller === buyer) {
      this.summary.skipped.ownRegion++;
      return;
    }
    let value: bigint;
    if (typeof amount === "bigint") {
      value = amount * VALUE_UNITS_PER_ORE;
    } else {
      const priceDate = date ?? this.janFirst;
      if (date === undefined) {
        const changes = this.changesInYear[seller] ?? [];
        if (changes.length > 0) {
          bag.error("UNDATED_PRICE_CHANGE", { seller: this.tariff.parties[seller]?.id ?? "", year: this.yearText, changes: changes.join(", ") }, this.loc(row, "date"));
          return;
        }
      }
      const price = this.price(seller, priceDate);
      if (price === null) {
        bag.error("NO_PRICE", { seller: this.tariff.parties[seller]?.id ?? "", date: priceDate }, this.loc(row, date ? "date" : "points", date ? row.date : row.points));
        return;
      }
      // points (10⁻⁶) × price (öre, 10⁻² SEK) = value in 10⁻⁸ SEK, exactly
      value = (points as bigint) * price;
    }
    const a = this.area(row);
    if (!a) return;
    addToCell(a, seller * this.n + buyer, value, 1);
    this.summary.rowsCounted++;
  }
}

/** Empty totals for an area (by its key): display name from the tariff, model per seller. */
export function newAreaTotals(tariff: CompiledTariff, key: string): AreaTotals {
  const rule = tariff.careRules.find((r) => r.areaKey === key);
  const listed = tariff.areas.find((a) => areaKey(a) === key);
  return { area: rule?.area ?? listed ?? key, key, models: tariff.parties.map((_, s) => modelFor(tariff, key, s)), known: rule !== undefined || listed !== undefined, cells: new Map() };
}

/** Adds counted rows to a cell of an area. */
export function addToCell(a: AreaTotals, cell: number, value: bigint, rows: number): void {
  const c = a.cells.get(cell);
  if (c) {
    c.value += value;
    c.rows += rows;
  } else a.cells.set(cell, { value, rows });
}

/** One seller→buyer cell of an area with counted rows (own-region cells never have any). */
export interface AreaCell {
  area: AreaTotals;
  seller: number;
  buyer: number;
  model: CareModel;
  rows: number;
  /** 10⁻⁸ SEK */
  value: bigint;
}

/** Every area cell with counted rows, in area order, then seller, then buyer. */
export function areaCells(summary: ConsumptionSummary, n: number): AreaCell[] {
  const out: AreaCell[] = [];
  for (const a of summary.areas) {
    for (const cell of [...a.cells.keys()].sort((x, y) => x - y)) {
      const c = a.cells.get(cell) as CellTotals;
      const seller = Math.floor(cell / n);
      const buyer = cell % n;
      if (c.rows === 0 || seller === buyer) continue;
      out.push({ area: a, seller, buyer, model: a.models[seller] as CareModel, rows: c.rows, value: c.value });
    }
  }
  return out;
}

/** The care rule of an (area, seller): the first whose area matches and that names the seller or none. */
export function ruleFor(tariff: CompiledTariff, key: string, seller: number): CompiledTariff["careRules"][number] | undefined {
  return tariff.careRules.find((r) => r.areaKey === key && (!r.sellers || r.sellers.includes(seller)));
}

/** Step 2.4: the model of an (area, seller): the matching care rule, or fixed_variable. */
export function modelFor(tariff: CompiledTariff, key: string, seller: number): CareModel {
  return ruleFor(tariff, key, seller)?.model ?? "fixed_variable";
}


/**
 * What the read consumption says about itself, before the settlement: no row counted is an error
 * (a settlement of nothing is never what a controller meant); more than half of the rows skipped
 * is a warning with the counts; every area that no care rule and no `areas` entry of the tariff
 * names gets a warning with its rows and value (and a near-miss, "did you mean"), because it is
 * silently charged as fixed and variable care; a sum too large for a result is an error.
 */
export function checkConsumption(tariff: CompiledTariff, summary: ConsumptionSummary, bag: DiagnosticBag, file: string): void {
  const at = { file, line: 1, column: 1 };
  const { otherYear, ownRegion } = summary.skipped;
  const counts = { year: tariff.year, read: summary.rowsRead, otherYear, ownRegion };
  if (summary.rowsCounted === 0) bag.error("NO_ROWS_COUNTED", counts, at);
  else if ((otherYear + ownRegion) * 2 > summary.rowsRead - summary.skipped.afterThrough) bag.warning("MANY_SKIPPED", { ...counts, skipped: otherYear + ownRegion }, at);
  const n = tariff.parties.length;
  const names = [...tariff.careRules.map((r) => r.area), ...tariff.areas];
  for (const a of summary.areas) {
    let rows = 0;
    let value = 0n;
    for (const [cell, c] of a.cells) {
      if (Math.floor(cell / n) === cell % n) continue;
      rows += c.rows;
      value += c.value;
      const ore = c.value / VALUE_UNITS_PER_ORE;
      if (ore > MAX_RESULT_ORE || ore < -MAX_RESULT_ORE) {
        const what = phrase("seller_buyer_area", { seller: tariff.parties[Math.floor(cell / n)]?.id ?? "", buyer: tariff.parties[cell % n]?.id ?? "", area: a.area });
        bag.error("TOTAL_TOO_LARGE", { what, amount: { ore }, max: { ore: MAX_RESULT_ORE } }, a.firstAt ?? at);
      }
    }
    if (a.known || rows === 0) continue;
    const suggestion = nearestName(a.key, names);
    const params = { area: a.area, rows, value: { ore: roundHalfAwayFromZero(value, VALUE_UNITS_PER_ORE) } };
    bag.warning("UNKNOWN_AREA", suggestion ? { ...params, suggestion } : params, a.firstAt ?? at);
  }
}

