/**
 * How the reports show the program's own codes: the checks it makes before it writes a
 * result (ids such as `net_sums_to_zero` and their figures), the roles of the input files, the
 * consumption readers, the tariff's status, times and shares. The codes stay in the JSON contracts;
 * a workbook shows their words (the catalogues src/text/sv.ts, en.ts) instead, Swedish by default.
 */
import { formatRational, formatScaled, groupedDecimal, groupedInteger, rational } from "../core/model/decimal.js";
import type { AreaCell } from "../core/model/consumption.js";
import type { Lang } from "../core/model/codes.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { CATALOGUES, fillText } from "../text/catalogue.js";

const words = (lang: Lang) => CATALOGUES[lang];

/** Every check id of the core (calculate, key check, a conto, settlement): the catalogues' section `checks`. */
const CHECK_NAMES = CATALOGUES.sv.checks;

export type CheckId = keyof typeof CHECK_NAMES;

/** How each figure of a check is shown: what kind of number it holds (its label: the catalogues' section `figures`). */
type FigureKind = "text" | "ore" | "valueUnits" | "count" | "month" | "orePerParty";
const FIGURES: Record<string, FigureKind> = {
  weights: "count",
  denominator: "count",
  split: "text",
  item: "text",
  total: "ore",
  parts: "ore",
  pairs: "ore",
  flows: "ore",
  areas: "valueUnits",
  models: "valueUnits",
  sum: "ore",
  remaining: "orePerParty",
  transfers: "count",
  max: "count",
  month: "month",
  annual: "ore",
  months: "ore",
  part: "ore",
  netting: "text",
  byParty: "orePerParty",
  byCounterparty: "orePerParty",
  due: "ore",
  paid: "ore",
  payments: "ore",
  party: "text",
  lines: "ore",
  net: "ore",
};

export function monthName(month: number, lang: Lang): string {
  return (words(lang).months as Record<string, string>)[`m${month}`] ?? String(month);
}

export function isCheckId(id: string): id is CheckId {
  return Object.hasOwn(CHECK_NAMES, id);
}

/** A check's name in words; an id the reports do not know yet is shown as it is (tests catch it). */
export function checkName(id: string, lang: Lang): string {
  return isCheckId(id) ? words(lang).checks[id] : id;
}

/** Öre text ("-12.50") → "-12,50 kr" / "SEK -12.50". */
function kronor(oreText: string, lang: Lang): string {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(oreText);
  if (!m) return oreText;
  const text = groupedDecimal(`${m[1]}${m[2]}.${m[3]}`, lang);
  return fillText(words(lang).labels.kronor, { amount: text });
}


/** A value in 10⁻⁸ SEK as kronor, exact. */
function valueKronor(units: string, lang: Lang): string {
  if (!/^-?\d+$/.test(units)) return units;
  let s = formatScaled(BigInt(units), 8);
  while (s.endsWith("0") && s.length - s.indexOf(".") > 3) s = s.slice(0, -1);
  return fillText(words(lang).labels.kronor, { amount: groupedDecimal(s, lang) });
}

/**
 * A check's figures in words: "fördelning RCC; belopp 18 000 000,00 kr; delarnas summa …".
 * `parties`: the party ids, for figures that list one amount per party.
 */
export function checkFigures(figures: Record<string, string>, lang: Lang, parties: readonly string[]): string {
  return Object.entries(figures)
    .map(([k, v]) => {
      const kind = FIGURES[k];
      const label = (words(lang).figures as Record<string, string>)[k];
      if (!kind || label === undefined) return `${k} ${v}`;
      switch (kind) {
        case "text":
          return `${label}: ${v}`;
        case "ore":
          return `${label} ${kronor(v, lang)}`;
        case "valueUnits":
          return `${label} ${valueKronor(v, lang)}`;
        case "count":
          return `${label} ${groupedInteger(v, lang)}`;
        case "month":
          return `${label}: ${monthName(Number(v), lang)}`;
        case "orePerParty":
          return `${label}: ${v
            .split(" ")
            .filter((x) => x !== "")
            .map((x, i) => `${parties[i] ?? i + 1} ${kronor(x, lang)}`)
            .join(", ")}`;
      }
    })
    .join("; ");
}

export function roleName(role: InputFileInfo["role"], lang: Lang): string {
  return words(lang).roles[role];
}

/** The reader of a consumption file: "fast", "general" or "general (why the fast one handed over)". */
export function readerName(reader: string | undefined, lang: Lang): string {
  if (reader === undefined || reader === "") return "";
  if (reader === "fast") return words(lang).labels.reader_fast;
  if (reader === "general") return words(lang).labels.reader_general;
  const m = /^general \((.*)\)$/s.exec(reader);
  if (m) return fillText(words(lang).labels.reader_handed_over, { why: m[1] as string });
  return reader;
}

import type { TariffStatus } from "../core/model/tariff-format.js";
export type { TariffStatus };

/** The banner lines a workbook carries for a tariff that is not decided (none when decided or absent). */
export function statusBanner(status: TariffStatus | undefined, lang: Lang): string[] {
  if (status === "illustrative") return [words(lang).labels.banner_illustrative];
  if (status === "proposal") return [words(lang).labels.banner_proposal];
  return [];
}

/**
 * The draft line a terminal summary starts with for a tariff that is not decided ("UTKAST –
 * illustrativa belopp …"); none when decided or absent. Every command's summary carries it.
 */
export function draftLines(status: TariffStatus | undefined, lang: Lang): string[] {
  if (status === "illustrative") return [words(lang).words.draft_illustrative];
  if (status === "proposal") return [words(lang).words.draft_proposal];
  return [];
}

/** A run's time as people read it: "2026-11-23 10:35", in the local time zone of the run. */
export function runTimeText(at: Date): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  // With SOURCE_DATE_EPOCH (a reproducible run) the time is written in UTC, so that the file is
  // the same byte for byte on every machine; otherwise in the machine's local time.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.SOURCE_DATE_EPOCH) return `${at.getUTCFullYear()}-${p(at.getUTCMonth() + 1)}-${p(at.getUTCDate())} ${p(at.getUTCHours())}:${p(at.getUTCMinutes())} UTC`;
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}`;
}

/** A title with its year, once: "Överenskommelse 2025, …" stays, "Avtal" becomes "Avtal (2025)". */
export function titleWithYear(title: string, year: number): string {
  return title.includes(String(year)) ? title : `${title} (${year})`;
}

/**
 * A share as its exact fraction: "368 856/1 087 821" (a population over the total, as given) or,
 * with `lowest`, in lowest terms ("1" for the whole).
 */
export function shareFraction(num: bigint, den: bigint, lang: Lang, lowest = false): string {
  if (den === 0n) return "";
  const r = lowest ? rational(num, den) : { num, den };
  if (r.den === 1n) return groupedInteger(r.num.toString(), lang);
  return `${groupedInteger(r.num.toString(), lang)}/${groupedInteger(r.den.toString(), lang)}`;
}

/** A share as a terminating decimal when it is one with at most 15 decimals, else undefined. */
export function shareDecimalExact(num: bigint, den: bigint, lang: Lang): string | undefined {
  const r = rational(num, den);
  let d = r.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return undefined;
  const s = formatRational(r, 1, 40);
  if (s.length - s.indexOf(".") - 1 > 15) return undefined;
  return lang === "sv" ? s.replace(".", ",") : s;
}

/** The order the reports list areas of care in: by area (Swedish collation), then seller, buyer. */
export function reportAreaOrder(x: AreaCell, y: AreaCell): number {
  return x.area.area.localeCompare(y.area.area, "sv") || x.seller - y.seller || x.buyer - y.buyer;
}

/** A share as a percentage with four decimals: "33,9078 %" / "33.9078%". */
export function percentText(num: bigint, den: bigint, lang: Lang): string {
  if (den === 0n) return "";
  const s = formatRational({ num: num * 100n, den }, 4, 4);
  return lang === "sv" ? `${s.replace(".", ",")} %` : `${s}%`;
}

/** Each party's share of a key, for a line of facts: "RJL 33,9078 %; RKL 22,6753 %; …". */
export function keySharesText(ids: readonly string[], key: { weights: readonly bigint[]; totalWeight: bigint }, lang: Lang): string {
  return ids.map((id, i) => `${id} ${percentText(key.weights[i] ?? 0n, key.totalWeight, lang)}`).join("; ");
}

export function statusName(status: TariffStatus | undefined, lang: Lang): string {
  return words(lang).statuses[status ?? "decided"];
}

export function yesNo(v: boolean, lang: Lang): string {
  return v ? words(lang).labels.yes : words(lang).labels.no;
}
