/**
 * A validated tariff compiled for the calculation: the compiled tariff's types, the map from JSON
 * paths to positions in the text, and the compilation itself (exact values, parties by index, the
 * checks across entries). No zod here: `loadTariff` (tariff.ts) validates with the schema and then
 * compiles; a bundled tariff validated when the package was built compiles without loading zod
 * (`compileValidated`, used by the command line so that `key` and `check-tariff` start at once).
 */
import type { Node } from "jsonc-parser";
import { findOffset, jsonOffsets, type OffsetNode } from "./json-offsets.js";
import { formatScaled, parseCanonicalDecimal, parseMoney, pow10, rational, rescale, type Rational } from "./decimal.js";
import { DiagnosticBag, type Diagnostic, type Location } from "./diagnostics.js";
import { phrase, type Phrase } from "./phrases.js";
import { areaKey, partyKey } from "./names.js";
import { MAX_JSON_DEPTH } from "./limits.js";
import type { CareModel, TariffFile } from "./tariff-schema.js";

/** A party (a region) of the agreement, as the tariff names it. */
export interface Party {
  /** the short id used in files and results, e.g. "RÖ" */
  id: string;
  /** the full name, e.g. "Region Östergötland" */
  name: string;
  /** other spellings accepted in input files (case-insensitive) */
  aliases: string[];
}

export interface PointPrice {
  validFrom: string;
  /** öre per point */
  price: bigint;
  source?: string;
}

export interface CareRule {
  area: string;
  areaKey: string;
  /** party indexes, or undefined for every seller */
  sellers?: number[];
  model: CareModel;
  source?: string;
}

export interface Reference {
  seller: number;
  buyer: number;
  amount: bigint;
  source?: string;
}

export interface FixedOnlyEntry {
  area: string;
  host: number;
  total?: bigint;
  /** per party index; undefined where the party pays nothing */
  amounts?: (bigint | undefined)[];
  source?: string;
}

export interface SolidarityEntry {
  unit: string;
  host: number;
  amount: bigint;
  source?: string;
}

/** A state grant passed on (statsbidrag): split by the key, or by decided amounts per party. */
export interface GrantEntry {
  name: string;
  recipient: number;
  /** öre */
  amount: bigint;
  /** per party index; undefined where the party gets nothing; absent: split by the key */
  amounts?: (bigint | undefined)[];
  source?: string;
}

export type KeySpec =
  | { basis: "population"; date?: string; source?: string }
  | { basis: "fixed"; /** weights over a common denominator 10^scale */ weights: bigint[]; scale: number; shares: string[]; date?: string; source?: string };

/**
 * A validated tariff (`vardavtal-tariff/1`) compiled for the calculation: parties by index,
 * money as öre (`bigint`), point prices as öre per point, the fixed share as an exact fraction.
 * Made by `loadTariff` (or inside `calculate`, which takes the tariff as it is); `file` keeps the
 * tariff as written.
 *
 * @example
 * ```ts
 * const tariff = loadTariff(jsonText, "2025.json");
 * tariff.parties.map((p) => p.id); // ["RJL", "RKL", "RÖ"]
 * tariff.resolveParty("region östergötland"); // 2
 * ```
 */
export interface CompiledTariff {
  /** Where the tariff came from (a file name, or "<tariff>"), for messages. */
  fileName: string;
  /** what is odd but allowed in the tariff (reported with every result) */
  warnings: Diagnostic[];
  /** The validated tariff as written (defaults applied). */
  file: TariffFile;
  year: number;
  title: string;
  source?: string;
  parties: Party[];
  key: KeySpec;
  /** index-aligned with parties, when the tariff gives population */
  population?: bigint[];
  fixedShare: Rational;
  fixedShareText: string;
  /** per party index, sorted by validFrom */
  pointPrices: PointPrice[][];
  careRules: CareRule[];
  references: Reference[];
  fixedOnly: FixedOnlyEntry[];
  solidarity: SolidarityEntry[];
  grants: GrantEntry[];
  /** the areas of care the tariff lists as known (beside those its care rules name) */
  areas: string[];
  /** how payments are netted: one per pair of parties (`bilateral`, the default) or the fewest (`multilateral`) */
  netting: Netting;
  /** the a-conto months' unit in öre (`acconto.unit`; default 100, whole kronor) */
  accontoUnit: bigint;
  /** the decision on the agreement, when the tariff names one (required for status "decided") */
  decision?: Decision;
  /** per party index, its own accounts, cost centre and counterparty codes (`accounting`), when given */
  accounting?: (PartyAccounting | undefined)[];
  /** Resolves a party id or alias (case-insensitive, trimmed) to its index. */
  resolveParty(text: string): number | undefined;
}

/** How payments are netted (model v3): per pair of parties, or the fewest through one another. */
export type Netting = "bilateral" | "multilateral";

/** Who decided the agreement, when and under which paragraph (the tariff's `decision`). */
export interface Decision {
  body: string;
  /** YYYY-MM-DD */
  date: string;
  paragraph: string;
  reference?: string;
}

/** A component's income and cost account in one party's own books. */
export interface AccountPair {
  income: string;
  cost: string;
}

/** One party's own books (the tariff's `accounting[party]`). */
export interface PartyAccounting {
  /** per component (fixed, variable, …), when given */
  accounts: Partial<Record<"fixed" | "variable" | "unit_price" | "fixed_only" | "solidarity" | "grant", AccountPair>>;
  costCentre?: string;
  /** per party index: the code this party's books use for that counterparty */
  counterpartyCodes: (string | undefined)[];
}

export { areaKey, partyKey } from "./names.js";

export type Path = (string | number)[];

const STATUS_PHRASES: Record<"illustrative" | "proposal", Phrase> = {
  illustrative: phrase("status_illustrative"),
  proposal: phrase("status_proposal"),
};

/** Maps JSON paths to positions in the tariff text. */
/** The offset of the value at a path in a JSON text (of its property name with `key`), or undefined where nothing stands. */
export type Locator = (path: Path, key: boolean) => number | undefined;

/**
 * A Locator over a text known to be valid JSON (a bundled tariff): its offset tree
 * (json-offsets.ts), made when a position is first asked for; the same positions as treeLocator.
 */
export function validJsonLocator(text: string): Locator {
  let root: OffsetNode | undefined;
  return (path, key) => {
    root ??= jsonOffsets(text);
    const node = findOffset(root, path);
    return node && (key && node.keyOffset !== undefined ? node.keyOffset : node.offset);
  };
}

/** Maps JSON paths to positions in the tariff text. */
export class PositionMap {
  private lineStarts: number[] = [0];
  constructor(
    readonly file: string,
    private readonly text: string | undefined,
    private readonly locate: Locator | undefined,
  ) {
    if (text !== undefined) {
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  offsetToLocation(offset: number): Location {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** The position of the value at `path`, or of its nearest existing parent; `key` points at the property name. */
  at(path: Path, key = false): Location {
    if (!this.locate || this.text === undefined) return { file: this.file, line: 1, column: 1 };
    for (let n = path.length; n >= 0; n--) {
      const offset = this.locate(path.slice(0, n), key && n === path.length);
      if (offset !== undefined) return this.offsetToLocation(offset);
    }
    return { file: this.file, line: 1, column: 1 };
  }
}

/**
 * Compiles a tariff whose text was validated when the package was built (a bundled tariff):
 * `file` is the schema's output for exactly this text, so only the compilation runs, with the
 * same positions, warnings and values as `loadTariff(text, name)`; zod is not loaded.
 */
export function compileValidated(text: string, name: string, file: TariffFile): CompiledTariff {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bag = new DiagnosticBag();
  const compiled = compile(file, bag, new PositionMap(name, body, validJsonLocator(body)));
  bag.throwIfErrors();
  return compiled;
}

export function formatPath(path: Path): string {
  let s = "$";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return s;
}


/** Every key that appears twice in one JSON object (at most 20 reported), with where it first stood. */
export function duplicateKeys(root: Node): { path: Path; key: string; offset: number; first: number }[] {
  const out: { path: Path; key: string; offset: number; first: number }[] = [];
  const walk = (node: Node, path: Path): void => {
    if (out.length >= 20) return;
    if (node.type === "object") {
      const seen = new Map<string, number>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const first = seen.get(key);
        if (first !== undefined && out.length < 20) out.push({ path: [...path, key], key, offset: keyNode.offset, first });
        else seen.set(key, keyNode.offset);
        const value = prop.children?.[1];
        if (value) walk(value, [...path, key]);
      }
    } else if (node.type === "array") {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(root, []);
  return out;
}

/** The value at a path of a parsed JSON value: `{ found: false }` where nothing stands. */
export function valueAt(value: unknown, path: Path): { found: boolean; value?: unknown } {
  let v = value;
  for (const p of path) {
    if (typeof v !== "object" || v === null || !Object.prototype.hasOwnProperty.call(v, p)) return { found: false };
    v = (v as Record<string | number, unknown>)[p];
  }
  return { found: true, value: v };
}

/** Paths of every own "__proto__" key in a parsed JSON value. */
export function protoKeys(value: unknown, path: Path, depth = 0): Path[] {
  if (typeof value !== "object" || value === null || depth > MAX_JSON_DEPTH) return [];
  const out: Path[] = [];
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, "__proto__")) out.push([...path, "__proto__"]);
  for (const [k, v] of Object.entries(value)) out.push(...protoKeys(v, [...path, Array.isArray(value) ? Number(k) : k], depth + 1));
  return out;
}


/** What every part of the compilation shares: the file, where problems go, and the parties. */
interface Ctx {
  t: TariffFile;
  bag: DiagnosticBag;
  pos: PositionMap;
  parties: Party[];
  resolveParty: (text: string) => number | undefined;
  /** a party named at `path`: its index, or −1 (reported) */
  party: (text: string, path: Path) => number;
  /** a { party: value } record (with an optional "source") → index-aligned array */
  partyRecord: <V>(rec: Record<string, unknown>, basePath: Path, convert: (v: unknown) => V) => (V | undefined)[];
}

/** The parties and how a name (id or alias, compared as party keys) finds one; a name used twice is an error. */
function partiesOf(t: TariffFile, bag: DiagnosticBag, pos: PositionMap): Ctx {
  const parties: Party[] = t.parties.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases ?? [] }));
  const lookup = new Map<string, number>();
  const lookupPath = new Map<string, Path>();
  t.parties.forEach((p, i) => {
    const names: [string, Path][] = [[p.id, ["parties", i, "id"]], ...(p.aliases ?? []).map((a, j): [string, Path] => [a, ["parties", i, "aliases", j]])];
    for (const [name, path] of names) {
      const k = partyKey(name);
      const prev = lookup.get(k);
      if (prev !== undefined && prev !== i) {
        bag.error("TARIFF_DUPLICATE", { path: formatPath(path), what: `"${name}"`, other: formatPath(lookupPath.get(k) ?? []) }, pos.at(path));
      } else if (prev === undefined) {
        lookup.set(k, i);
        lookupPath.set(k, path);
      }
    }
  });
  const resolveParty = (text: string): number | undefined => lookup.get(partyKey(text));
  const party = (text: string, path: Path): number => {
    const i = resolveParty(text);
    if (i === undefined) bag.error("TARIFF_UNKNOWN_PARTY", { path: formatPath(path), party: text }, pos.at(path));
    return i ?? -1;
  };
  const partyRecord = <V>(rec: Record<string, unknown>, basePath: Path, convert: (v: unknown) => V): (V | undefined)[] => {
    const out: (V | undefined)[] = parties.map(() => undefined);
    for (const [k, v] of Object.entries(rec)) {
      if (k === "source") continue;
      const i = party(k, [...basePath, k]);
      if (i < 0) continue;
      if (out[i] !== undefined) {
        bag.error("TARIFF_DUPLICATE", { path: formatPath([...basePath, k]), what: parties[i]?.id ?? k, other: formatPath(basePath) }, pos.at([...basePath, k], true));
      }
      out[i] = convert(v);
    }
    return out;
  };
  return { t, bag, pos, parties, resolveParty, party, partyRecord };
}

/** The key: fixed shares (summing to exactly 1) or the population's. */
function compileKey({ t, bag, pos, parties, partyRecord }: Ctx): KeySpec {
  if (t.key.basis !== "fixed") return { basis: "population", date: t.key.date, source: t.key.source };
  const raw = partyRecord(t.key.shares, ["key", "shares"], (v) => String(v));
  const scale = Math.max(0, ...raw.map((s) => (s ? (parseCanonicalDecimal(s)?.scale ?? 0) : 0)));
  const weights = raw.map((s) => (s ? (rescale(parseCanonicalDecimal(s) ?? { units: 0n, scale: 0 }, scale) ?? 0n) : 0n));
  raw.forEach((s, i) => {
    if (s === undefined) bag.error("TARIFF_SCHEMA", { path: formatPath(["key", "shares", parties[i]?.id ?? ""]), reason: phrase("required_share") }, pos.at(["key", "shares"]));
  });
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum !== pow10(scale)) bag.error("TARIFF_KEY_SUM", { sum: formatScaled(sum, scale) }, pos.at(["key", "shares"]));
  return { basis: "fixed", weights, scale, shares: raw.map((s) => s ?? "0"), date: t.key.date, source: t.key.source };
}

/** The tariff's population, one per party (every party needs one). */
function compilePopulation({ t, bag, pos, parties, partyRecord }: Ctx): bigint[] | undefined {
  if (!t.population) return undefined;
  const raw = partyRecord(t.population, ["population"], (v) => BigInt(v as number));
  raw.forEach((v, i) => {
    if (v === undefined) bag.error("TARIFF_SCHEMA", { path: formatPath(["population", parties[i]?.id ?? ""]), reason: phrase("required_population") }, pos.at(["population"]));
  });
  return raw.map((v) => v ?? 0n);
}

/** The point prices per seller, by date; one price per seller and date. */
function compilePointPrices({ t, bag, pos, parties, party }: Ctx): PointPrice[][] {
  const pointPrices: PointPrice[][] = parties.map(() => []);
  const seen = new Map<string, number>();
  t.pointPrices.forEach((p, i) => {
    const s = party(p.seller, ["pointPrices", i, "seller"]);
    if (s < 0) return;
    const k = `${s}|${p.validFrom}`;
    const prev = seen.get(k);
    if (prev !== undefined) {
      bag.error("TARIFF_DUPLICATE", { path: formatPath(["pointPrices", i]), what: `${parties[s]?.id} ${p.validFrom}`, other: formatPath(["pointPrices", prev]) }, pos.at(["pointPrices", i]));
      return;
    }
    seen.set(k, i);
    pointPrices[s]?.push({ validFrom: p.validFrom, price: parseMoney(p.price) ?? 0n, source: p.source });
  });
  for (const list of pointPrices) list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  return pointPrices;
}

/** The care rules; two rules for one area that can match the same seller are an error. */
function compileCareRules({ t, bag, pos, parties, party }: Ctx): CareRule[] {
  const careRules: CareRule[] = t.careRules.map((r, i) => ({
    area: r.area,
    areaKey: areaKey(r.area),
    sellers: r.sellers?.map((s, j) => party(s, ["careRules", i, "sellers", j])).filter((x) => x >= 0),
    model: r.model,
    source: r.source,
  }));
  careRules.forEach((r, i) => {
    for (let j = 0; j < i; j++) {
      const o = careRules[j];
      if (!o || o.areaKey !== r.areaKey) continue;
      const overlap = !r.sellers || !o.sellers ? (r.sellers ?? o.sellers ?? parties.map((_, k) => k)) : r.sellers.filter((s) => o.sellers?.includes(s));
      const all = !r.sellers && !o.sellers;
      if (all || overlap.length > 0) {
        const sellers = all ? phrase("all_sellers") : overlap.map((s) => parties[s]?.id).join(", ");
        bag.error("TARIFF_RULE_OVERLAP", { area: r.area, sellers, other: formatPath(["careRules", j]) }, pos.at(["careRules", i]));
        break;
      }
    }
  });
  return careRules;
}

/** The reference amounts, one per seller→buyer pair of two different parties. */
function compileReferences({ t, bag, pos, parties, party }: Ctx): Reference[] {
  const references: Reference[] = [];
  const seen = new Map<string, number>();
  t.references.forEach((r, i) => {
    const s = party(r.seller, ["references", i, "seller"]);
    const b = party(r.buyer, ["references", i, "buyer"]);
    if (s < 0 || b < 0) return;
    if (s === b) {
      bag.error("TARIFF_SCHEMA", { path: formatPath(["references", i]), reason: phrase("same_party") }, pos.at(["references", i]));
      return;
    }
    const k = `${s}|${b}`;
    const prev = seen.get(k);
    if (prev !== undefined) {
      bag.error("TARIFF_DUPLICATE", { path: formatPath(["references", i]), what: phrase("seller_buyer", { seller: parties[s]?.id ?? "", buyer: parties[b]?.id ?? "" }), other: formatPath(["references", prev]) }, pos.at(["references", i]));
      return;
    }
    seen.set(k, i);
    references.push({ seller: s, buyer: b, amount: parseMoney(r.amount) ?? 0n, source: r.source });
  });
  return references;
}

/** Each entry of a list names its area, unit or grant once (compared as areas are). */
function uniqueNames({ bag, pos }: Ctx, list: "fixedOnly" | "solidarity" | "grants", field: string, names: string[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const k = areaKey(name);
    const prev = seen.get(k);
    if (prev !== undefined) bag.error("TARIFF_DUPLICATE", { path: formatPath([list, i, field]), what: `"${name}"`, other: formatPath([list, prev]) }, pos.at([list, i, field]));
    seen.set(k, i);
  });
}

/** The fixed-only areas: a host, a total or fixed amounts per party, and a care rule that sends their rows there. */
function compileFixedOnly(ctx: Ctx, careRules: CareRule[]): FixedOnlyEntry[] {
  const { t, bag, pos, parties, party, partyRecord } = ctx;
  uniqueNames(ctx, "fixedOnly", "area", t.fixedOnly.map((f) => f.area));
  const fixedOnly: FixedOnlyEntry[] = [];
  t.fixedOnly.forEach((f, i) => {
    const host = party(f.host, ["fixedOnly", i, "host"]);
    let amounts: (bigint | undefined)[] | undefined;
    if (f.amounts) {
      amounts = partyRecord(f.amounts, ["fixedOnly", i, "amounts"], (v) => parseMoney(String(v)) ?? 0n);
      if (host >= 0 && amounts[host] !== undefined) {
        bag.warning("TARIFF_HOST_PAYS_ITSELF", { path: formatPath(["fixedOnly", i, "amounts", f.host]), host: parties[host]?.id ?? f.host }, pos.at(["fixedOnly", i, "amounts"]));
      }
    }
    fixedOnly.push({ area: f.area, host, total: f.total !== undefined ? (parseMoney(f.total) ?? 0n) : undefined, amounts, source: f.source });
  });
  fixedOnly.forEach((f, i) => {
    const k = areaKey(f.area);
    if (!careRules.some((r) => r.areaKey === k && r.model === "fixed_only")) {
      bag.warning("TARIFF_FIXED_ONLY_NO_RULE", { path: formatPath(["fixedOnly", i, "area"]), area: f.area }, pos.at(["fixedOnly", i, "area"]));
    }
  });
  return fixedOnly;
}

/** The solidarity units: a host and a budget each. */
function compileSolidarity(ctx: Ctx): SolidarityEntry[] {
  const { t, party } = ctx;
  uniqueNames(ctx, "solidarity", "unit", t.solidarity.map((u) => u.unit));
  return t.solidarity.map((u, i) => ({ unit: u.unit, host: party(u.host, ["solidarity", i, "host"]), amount: parseMoney(u.amount) ?? 0n, source: u.source }));
}

/** The state grants passed on: a recipient, an amount, and fixed amounts per party that do not exceed it. */
function compileGrants(ctx: Ctx): GrantEntry[] {
  const { t, bag, pos, party, partyRecord } = ctx;
  uniqueNames(ctx, "grants", "name", t.grants.map((g) => g.name));
  return t.grants.map((g, i) => {
    const recipient = party(g.recipient, ["grants", i, "recipient"]);
    const amount = parseMoney(g.amount) ?? 0n;
    let amounts: (bigint | undefined)[] | undefined;
    if (g.amounts) {
      amounts = partyRecord(g.amounts, ["grants", i, "amounts"], (v) => parseMoney(String(v)) ?? 0n);
      const sum = amounts.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
      if (sum > amount) bag.error("TARIFF_GRANT_EXCEEDS", { path: formatPath(["grants", i, "amounts"]), sum: { ore: sum }, amount: { ore: amount } }, pos.at(["grants", i, "amounts"]));
    }
    return { name: g.name, recipient, amount, amounts, source: g.source };
  });
}

/** Each party's own accounts, cost centre and counterparty codes (model v3, ledger lines). */
function compileAccounting({ t, parties, partyRecord }: Ctx): (PartyAccounting | undefined)[] | undefined {
  if (!t.accounting) return undefined;
  return partyRecord(t.accounting, ["accounting"], (v) => v as NonNullable<TariffFile["accounting"]>[string]).map((a, i) => {
    if (!a) return undefined;
    const id = parties[i]?.id ?? "";
    const codes = a.counterpartyCodes ? partyRecord(a.counterpartyCodes, ["accounting", id, "counterpartyCodes"], (v) => String(v)) : parties.map(() => undefined);
    const accounts: PartyAccounting["accounts"] = {};
    for (const [c, pair] of Object.entries(a.accounts ?? {})) if (pair) accounts[c as keyof PartyAccounting["accounts"]] = { income: pair.income, cost: pair.cost };
    return { accounts, ...(a.costCentre !== undefined ? { costCentre: a.costCentre } : {}), counterpartyCodes: codes };
  });
}

/** The decision: required of a decided tariff, which may then not keep a source that says it is illustrative. */
function compileDecision({ t, bag, pos }: Ctx): Decision | undefined {
  const decision: Decision | undefined = t.decision
    ? { body: t.decision.body, date: t.decision.date, paragraph: t.decision.paragraph, ...(t.decision.reference !== undefined ? { reference: t.decision.reference } : {}) }
    : undefined;
  if (t.status === "decided") {
    if (!decision) bag.error("TARIFF_DECISION_MISSING", { path: "$.decision" }, pos.at(["status"]));
    for (const path of illustrativeSources(t, [])) bag.error("TARIFF_DECIDED_ILLUSTRATIVE_SOURCE", { path: formatPath(path) }, pos.at(path));
  }
  return decision;
}

/** Warnings of what is not decided, or dated as if copied from an earlier year. */
function statusAndDateWarnings({ t, bag, pos }: Ctx): void {
  if (t.status === "illustrative" || t.status === "proposal") {
    bag.warning("TARIFF_ILLUSTRATIVE", { status: STATUS_PHRASES[t.status] }, pos.at(["status"]));
  }
  if (t.key.date !== undefined && t.key.date < `${t.year - 2}-01-01`) {
    bag.warning("TARIFF_STALE_DATE", { path: formatPath(["key", "date"]), date: t.key.date, year: t.year }, pos.at(["key", "date"]));
  }
  t.pointPrices.forEach((p, i) => {
    if (!p.validFrom.startsWith(`${t.year}-`)) bag.warning("TARIFF_VALID_FROM_OUTSIDE_YEAR", { path: formatPath(["pointPrices", i, "validFrom"]), date: p.validFrom, year: t.year }, pos.at(["pointPrices", i, "validFrom"]));
  });
}

/** A validated tariff file as the calculation uses it, each part checked in turn (every problem reported). */
export function compile(t: TariffFile, bag: DiagnosticBag, pos: PositionMap): CompiledTariff {
  const ctx = partiesOf(t, bag, pos);
  const fs = parseCanonicalDecimal(t.fixedShare);
  const key = compileKey(ctx);
  const population = compilePopulation(ctx);
  const pointPrices = compilePointPrices(ctx);
  const careRules = compileCareRules(ctx);
  const references = compileReferences(ctx);
  const fixedOnly = compileFixedOnly(ctx, careRules);
  const solidarity = compileSolidarity(ctx);
  const grants = compileGrants(ctx);
  // the books (model v3): netting, the a-conto unit, the decision, the accounts
  const accontoUnit = t.acconto?.unit !== undefined ? (parseMoney(t.acconto.unit) ?? 100n) : 100n;
  const accounting = compileAccounting(ctx);
  const decision = compileDecision(ctx);
  statusAndDateWarnings(ctx);
  return {
    fileName: pos.file,
    warnings: bag.warnings,
    file: t,
    year: t.year,
    title: t.title,
    source: t.source,
    parties: ctx.parties,
    key,
    population,
    fixedShare: fs ? rational(fs.units, pow10(fs.scale)) : rational(0n, 1n),
    fixedShareText: t.fixedShare,
    pointPrices,
    careRules,
    references,
    fixedOnly,
    solidarity,
    grants,
    areas: t.areas ?? [],
    netting: t.netting ?? "bilateral",
    accontoUnit,
    ...(decision ? { decision } : {}),
    ...(accounting ? { accounting } : {}),
    resolveParty: ctx.resolveParty,
  };
}

/** The paths of every `source` (and every value of `sources`) that still calls itself illustrative. */
function illustrativeSources(value: unknown, path: Path): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => illustrativeSources(v, [...path, i]));
  if (value === null || typeof value !== "object") return [];
  const out: Path[] = [];
  for (const [k, v] of Object.entries(value)) {
    if ((k === "source" || path[path.length - 1] === "sources") && typeof v === "string" && /illustrativ/i.test(v)) out.push([...path, k]);
    else out.push(...illustrativeSources(v, [...path, k]));
  }
  return out;
}
