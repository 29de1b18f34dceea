/**
 * Consumption (model.md, step 2): each row is read, checked, valued exactly and summed per
 * (area, seller, buyer). Sums per (model, seller, buyer) follow from the area sums, so every
 * counted öre sits in exactly one area and one model.
 */
import { MONEY_DECIMALS, POINT_DECIMALS, VALUE_UNITS_PER_ORE } from "./decimal.js";
import { DiagnosticBag, type Location } from "./diagnostics.js";
import { knownParties } from "./key.js";
import { isBlank, isoDateYear, leadingBlank, parseLocaleNumber } from "./numbers.js";
import { areaKey, type CompiledTariff } from "./tariff.js";
import type { CareModel } from "./tariff-schema.js";

export const CONSUMPTION_FIELDS = ["year", "date", "seller", "buyer", "area", "points", "amount"] as const;
export type ConsumptionField = (typeof CONSUMPTION_FIELDS)[number];

/** Where a row came from: a file, its line, and the column of each field (1-based characters). */
export interface RowPosition {
  file: string;
  line: number;
  columns?: Partial<Record<ConsumptionField, number>>;
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

export interface AreaTotals {
  /** display name: the care rule's spelling, or the normalized area */
  area: string;
  key: string;
  /** model per seller index */
  models: CareModel[];
  /** value per seller*n+buyer, in 10⁻⁸ SEK */
  values: bigint[];
  rows: number[];
}

export interface ConsumptionSummary {
  rowsRead: number;
  rowsCounted: number;
  skipped: { otherYear: number; ownRegion: number };
  areas: AreaTotals[];
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
  readonly summary: ConsumptionSummary = { rowsRead: 0, rowsCounted: 0, skipped: { otherYear: 0, ownRegion: 0 }, areas: [] };

  constructor(
    private readonly tariff: CompiledTariff,
    private readonly bag: DiagnosticBag,
    private readonly defaultFile = "<consumption>",
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
    return { file: at.file, line: at.line, column: col === undefined ? 1 : col + (text ? leadingBlank(text) : 0) + offset };
  }

  private party(row: ConsumptionRow, field: "seller" | "buyer"): number | undefined {
    const text = row[field];
    if (typeof text !== "string" || isBlank(text)) {
      this.bag.error("MISSING_VALUE", { what: field === "seller" ? "säljare/seller" : "köpare/buyer" }, this.loc(row, field));
      return undefined;
    }
    let i = this.partyByRaw.get(text);
    if (i === undefined) {
      i = this.tariff.resolveParty(text);
      if (i === undefined) {
        this.bag.error("UNKNOWN_PARTY", { text: text.trim(), known: knownParties(this.tariff) }, this.loc(row, field, text));
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
      this.bag.error("BAD_ROW", { reason: `${field} must be a string, not ${typeof text} (money is never a binary float)` }, this.loc(row, field));
      return null;
    }
    if (isBlank(text)) return undefined;
    const r = parseLocaleNumber(text, decimals);
    if (r.ok) return r.units;
    const what = field === "amount" ? "belopp/amount" : "poäng/points";
    if (r.problem === "TOO_MANY_DECIMALS") {
      this.bag.error("TOO_MANY_DECIMALS", { text: text.trim(), max: decimals, what }, this.loc(row, field, text, r.offset));
    } else {
      this.bag.error("BAD_NUMBER", { text: text.trim() }, this.loc(row, field, text, r.offset));
    }
    return null;
  }

  private area(text: string): AreaTotals {
    let a = this.areasByRaw.get(text);
    if (a) return a;
    const key = areaKey(text);
    a = this.areasByKey.get(key);
    if (!a) {
      a = newAreaTotals(this.tariff, key);
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
    const seller = this.party(row, "seller");
    const buyer = this.party(row, "buyer");
    if (typeof row.area !== "string" || isBlank(row.area)) bag.error("MISSING_VALUE", { what: "verksamhet/area" }, this.loc(row, "area"));
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
    const a = this.area(row.area);
    const cell = seller * this.n + buyer;
    a.values[cell] = (a.values[cell] as bigint) + value;
    a.rows[cell] = (a.rows[cell] as number) + 1;
    this.summary.rowsCounted++;
  }
}

/** Empty totals for an area (by its key): display name from the care rule, model per seller. */
export function newAreaTotals(tariff: CompiledTariff, key: string): AreaTotals {
  const n = tariff.parties.length;
  const rule = tariff.careRules.find((r) => r.areaKey === key);
  return { area: rule ? rule.area : key, key, models: tariff.parties.map((_, s) => modelFor(tariff, key, s)), values: new Array<bigint>(n * n).fill(0n), rows: new Array<number>(n * n).fill(0) };
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
    for (let s = 0; s < n; s++) {
      for (let b = 0; b < n; b++) {
        const rows = a.rows[s * n + b] ?? 0;
        if (rows === 0 || s === b) continue;
        out.push({ area: a, seller: s, buyer: b, model: a.models[s] as CareModel, rows, value: a.values[s * n + b] ?? 0n });
      }
    }
  }
  return out;
}

/** Step 2.4: the model of an (area, seller): the matching care rule, or fixed_variable. */
export function modelFor(tariff: CompiledTariff, key: string, seller: number): CareModel {
  for (const r of tariff.careRules) {
    if (r.areaKey === key && (!r.sellers || r.sellers.includes(seller))) return r.model;
  }
  return "fixed_variable";
}

