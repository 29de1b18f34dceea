/**
 * The words the reports show for the program's own codes: the checks it makes before it writes a
 * result (ids such as `net_sums_to_zero` and their figures), the roles of the input files, the
 * consumption readers, the tariff's status, times and shares. The codes stay in the JSON contracts;
 * a workbook shows these words instead (Swedish by default, English with `--lang en`).
 */
import { formatRational, formatScaled, groupedDecimal, groupedInteger, rational } from "../core/model/decimal.js";
import type { AreaCell } from "../core/model/consumption.js";
import type { Lang } from "../core/model/codes.js";
import type { InputFileInfo } from "../contracts/result-json.js";

type Words = readonly [sv: string, en: string];
const pick = (w: Words, lang: Lang): string => w[lang === "sv" ? 0 : 1];

/** Every check id of the core (calculate, key check, a conto, settlement). */
const CHECK_NAMES = {
  shares_sum_to_one: ["Nyckelns andelar summerar till exakt 1", "The key's shares sum to exactly 1"],
  allocation_sums: ["Fördelningens delar summerar till beloppet", "A split's parts sum to its amount"],
  allocation_bounds: ["Varje del är sin exakta andel avrundad nedåt eller uppåt till helt öre", "Each part is its exact share rounded down or up to the öre"],
  flows_match_components: ["Vårdavtalets summa = flödena för fast, rörlig ersättning och styckpris", "The care agreement's total = the fixed, variable and unit-price flows"],
  value_by_model: ["Värdet per verksamhet = värdet per modell", "The value per area of care = the value per model"],
  net_sums_to_zero: ["Nettopositionerna summerar till 0", "The net positions sum to 0"],
  remaining_sums_to_zero: ["Det som är kvar att reglera summerar till 0", "What remains to settle sums to 0"],
  transfers_settle: ["Betalningarna nollställer varje nettoposition", "The payments settle every net position"],
  transfers_count: ["Högst en betalning per par av regioner (per motpart) eller en färre än antalet parter (multilateralt)", "At most one payment per counterparty (bilateral) or one fewer than the parties (multilateral)"],
  months_sum_to_annual: ["Månadsbeloppen summerar till årsbeloppet; januari–november lika i hela enheter", "The monthly amounts sum to the annual amount; January–November equal in whole units"],
  remaining_is_counterparties: ["Varje parts kvarvarande = summan av dess motparters", "Each party's remaining = the sum of its counterparties'"],
  lines_give_flows_and_payments: ["Raderna ger resultatets flöden och källornas betalningar", "The lines give the result's flows and the sources' payments"],
  ledger_month_is_net: ["Bokföringsraderna för en månad = partens nettoposition a conto", "A month's ledger lines = the party's a-conto net position"],
  ledger_settlement_is_remaining: ["Bokföringsraderna för slutregleringen = partens kvarvarande", "The settlement's ledger lines = the party's remaining"],
  item_deviations_sum_to_zero: ["Postens avvikelser summerar till 0", "The item's deviations sum to 0"],
} as const satisfies Record<string, Words>;

export type CheckId = keyof typeof CHECK_NAMES;

/** How each figure of a check is shown: its label and what kind of number it holds. */
type FigureKind = "text" | "ore" | "valueUnits" | "count" | "month" | "orePerParty";
const FIGURES: Record<string, { label: Words; kind: FigureKind }> = {
  weights: { label: ["vikternas summa", "sum of the weights"], kind: "count" },
  denominator: { label: ["nämnare", "denominator"], kind: "count" },
  split: { label: ["fördelning", "split"], kind: "text" },
  item: { label: ["post", "item"], kind: "text" },
  total: { label: ["belopp", "amount"], kind: "ore" },
  parts: { label: ["delarnas summa", "sum of the parts"], kind: "ore" },
  pairs: { label: ["vårdavtalet", "care agreement"], kind: "ore" },
  flows: { label: ["flödena", "flows"], kind: "ore" },
  areas: { label: ["per verksamhet", "per area"], kind: "valueUnits" },
  models: { label: ["per modell", "per model"], kind: "valueUnits" },
  sum: { label: ["summa", "sum"], kind: "ore" },
  remaining: { label: ["kvar", "remaining"], kind: "orePerParty" },
  transfers: { label: ["betalningar", "payments"], kind: "count" },
  max: { label: ["högst", "at most"], kind: "count" },
  month: { label: ["månad", "month"], kind: "month" },
  annual: { label: ["årsbelopp", "annual amount"], kind: "ore" },
  months: { label: ["månadernas summa", "sum of the months"], kind: "ore" },
  part: { label: ["januari–november", "January–November"], kind: "ore" },
  netting: { label: ["avräkning", "netting"], kind: "text" },
  byParty: { label: ["kvar per part", "remaining per party"], kind: "orePerParty" },
  byCounterparty: { label: ["per motpart", "per counterparty"], kind: "orePerParty" },
  due: { label: ["att betala", "due"], kind: "ore" },
  paid: { label: ["betalt", "paid"], kind: "ore" },
  payments: { label: ["betalningarna", "the payments"], kind: "ore" },
  party: { label: ["part", "party"], kind: "text" },
  lines: { label: ["raderna", "the lines"], kind: "ore" },
  net: { label: ["nettoposition", "net position"], kind: "ore" },
};

const MONTHS: Record<Lang, readonly string[]> = {
  sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export function monthName(month: number, lang: Lang): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

export function isCheckId(id: string): id is CheckId {
  return Object.hasOwn(CHECK_NAMES, id);
}

/** A check's name in words; an id the reports do not know yet is shown as it is (tests catch it). */
export function checkName(id: string, lang: Lang): string {
  return isCheckId(id) ? pick(CHECK_NAMES[id], lang) : id;
}

/** Öre text ("-12.50") → "-12,50 kr" / "SEK -12.50". */
function kronor(oreText: string, lang: Lang): string {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(oreText);
  if (!m) return oreText;
  const text = groupedDecimal(`${m[1]}${m[2]}.${m[3]}`, lang);
  return lang === "sv" ? `${text} kr` : `SEK ${text}`;
}


/** A value in 10⁻⁸ SEK as kronor, exact. */
function valueKronor(units: string, lang: Lang): string {
  if (!/^-?\d+$/.test(units)) return units;
  let s = formatScaled(BigInt(units), 8);
  while (s.endsWith("0") && s.length - s.indexOf(".") > 3) s = s.slice(0, -1);
  return lang === "sv" ? `${groupedDecimal(s, lang)} kr` : `SEK ${groupedDecimal(s, lang)}`;
}

/**
 * A check's figures in words: "fördelning RCC; belopp 18 000 000,00 kr; delarnas summa …".
 * `parties`: the party ids, for figures that list one amount per party.
 */
export function checkFigures(figures: Record<string, string>, lang: Lang, parties: readonly string[]): string {
  return Object.entries(figures)
    .map(([k, v]) => {
      const f = FIGURES[k];
      if (!f) return `${k} ${v}`;
      const label = pick(f.label, lang);
      switch (f.kind) {
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

const ROLES: Record<InputFileInfo["role"], Words> = {
  tariff: ["Tariff (överenskommelsens värden)", "Tariff (the agreement's values)"],
  consumption: ["Konsumtion", "Consumption"],
  population: ["Befolkning", "Population"],
  costs: ["Gemensamma kostnader", "Joint costs"],
  result: ["Resultat", "Result"],
  payments: ["Betalningar", "Payments"],
  scenario: ["Scenario (ändringar i tariffen)", "Scenario (changes to the tariff)"],
};

export function roleName(role: InputFileInfo["role"], lang: Lang): string {
  return pick(ROLES[role], lang);
}

/** The reader of a consumption file: "fast", "general" or "general (why the fast one handed over)". */
export function readerName(reader: string | undefined, lang: Lang): string {
  if (reader === undefined || reader === "") return "";
  if (reader === "fast") return pick(["snabbläsaren (parallell)", "fast reader (parallel)"], lang);
  if (reader === "general") return pick(["allmänna läsaren", "general reader"], lang);
  const m = /^general \((.*)\)$/s.exec(reader);
  if (m) return lang === "sv" ? `allmänna läsaren (snabbläsaren lämnade över: ${m[1]})` : `general reader (the fast reader handed over: ${m[1]})`;
  return reader;
}

export type TariffStatus = "decided" | "proposal" | "illustrative";

/** The banner lines a workbook carries for a tariff that is not decided (none when decided or absent). */
export function statusBanner(status: TariffStatus | undefined, lang: Lang): string[] {
  if (status === "illustrative") return [pick(["UTKAST – illustrativa belopp", "DRAFT – illustrative amounts"], lang)];
  if (status === "proposal") return [pick(["FÖRSLAG – ej beslutade belopp", "PROPOSAL – amounts not decided"], lang)];
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

const STATUS_NAMES: Record<TariffStatus, Words> = {
  decided: ["beslutad", "decided"],
  proposal: ["förslag", "proposal"],
  illustrative: ["illustrativ", "illustrative"],
};

export function statusName(status: TariffStatus | undefined, lang: Lang): string {
  return pick(STATUS_NAMES[status ?? "decided"], lang);
}

export function yesNo(v: boolean, lang: Lang): string {
  return pick(v ? ["ja", "yes"] : ["nej", "no"], lang);
}
