/**
 * The tariff file `vardavtal-tariff/1` as a zod schema. Strict: unknown keys are errors.
 * Money and shares are strings holding decimals, never JSON numbers.
 * The published JSON Schema (schema/vardavtal-tariff-1.schema.json) is generated from this.
 */
import * as z from "zod";
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_PARTIES, MAX_TARIFF_LIST, MAX_TEXT_LENGTH } from "./limits.js";
import { isoDateYear } from "./numbers.js";
import { codePointName, textProblem } from "./text.js";

export const TARIFF_FORMAT = "vardavtal-tariff/1";

/** Text without control or invisible format characters, not blank, at most `max` characters. */
function text(max: number) {
  return z.string().superRefine((v, ctx) => {
    const p = textProblem(v, max);
    if (!p) return;
    const message = p.kind === "blank" ? "must not be empty or blank" : p.kind === "control" ? `forbidden character ${codePointName(p.codePoint)} at offset ${p.offset}` : `${p.length} characters; at most ${p.max}`;
    ctx.addIssue({ code: "custom", message });
  });
}
const name = text(MAX_NAME_LENGTH);
const longText = text(MAX_TEXT_LENGTH);

const source = longText.optional().describe("Where this value comes from (decision, date, paragraph).");

/** A { party: value } object: at most one key per party and its `source`. */
function partyObject<T extends z.ZodType>(value: T) {
  return z
    .object({ source })
    .catchall(value)
    .refine((o) => Object.keys(o).length <= MAX_PARTIES + 1, { message: `more keys than parties (at most ${MAX_PARTIES})` });
}

/** A list in a tariff, bounded. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).max(MAX_TARIFF_LIST);
}

const money = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,2})?$/, {
    message: 'expected an amount in SEK as a string with at most 12 digits before and 2 after the point (below 10¹² kr), e.g. "1234.50"',
  })
  .describe('Amount in SEK as a decimal string with at most 2 decimals, e.g. "640000000.00".');

const nonNegativeMoney = money.refine((s) => !s.startsWith("-"), { message: "must not be negative" });

const share = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, { message: 'expected a share between 0 and 1 as a decimal string, e.g. "0.65"' })
  .describe('A share between 0 and 1 inclusive as a decimal string, e.g. "0.65".');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date YYYY-MM-DD" })
  .refine((s) => isoDateYear(s) !== undefined, { message: "not a calendar date" })
  .describe("An ISO date, YYYY-MM-DD.");

const partyRef = name.describe("A party id (or one of its aliases).");

/** Words a party id or alias may not be: they are keys with another meaning in the tariff's objects. */
export const RESERVED_PARTY_NAMES = ["source", "__proto__", "constructor", "prototype"];
const notReserved = (v: string): boolean => !RESERVED_PARTY_NAMES.includes(v.trim().toLowerCase());

export const partySchema = z
  .strictObject({
    id: z
      .string()
      .max(MAX_ID_LENGTH, { message: `at most ${MAX_ID_LENGTH} characters` })
      .regex(/^[\p{L}\p{N}_-]+$/u, { message: "a party id is letters (å, ä, ö included), digits, - and _ only" })
      .refine(notReserved, { message: `reserved word: a party id may not be ${RESERVED_PARTY_NAMES.join(", ")}` })
      .describe('Short id, e.g. "RJL": letters (å, ä, ö included), digits, - and _.'),
    name: name.describe("Full name of the region."),
    aliases: z
      .array(name.refine(notReserved, { message: `reserved word: an alias may not be ${RESERVED_PARTY_NAMES.join(", ")}` }))
      .max(20)
      .optional()
      .describe("Other spellings accepted in input files."),
    source,
  })
  .describe("A party (region) of the agreement.");

const populationKey = z.strictObject({
  basis: z.literal("population"),
  date: isoDate.optional().describe("The date the population counts refer to."),
  source,
});

const fixedKey = z.strictObject({
  basis: z.literal("fixed"),
  shares: partyObject(share)
    .describe("Decided share per party id as decimal strings; they must sum to exactly 1."),
  date: isoDate.optional(),
  source,
});

export const careModel = z.enum(["fixed_variable", "unit_price", "excluded", "fixed_only"]);
export type CareModel = z.infer<typeof careModel>;

export const tariffSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(TARIFF_FORMAT),
    year: z.number().int().min(1900).max(2999).describe("The agreement year."),
    status: z
      .enum(["decided", "proposal", "illustrative"])
      .optional()
      .describe('Whether the values are decided ("decided"), a proposal for next year ("proposal", as `vardavtal propose` writes) or illustrative ("illustrative").'),
    title: longText,
    source,
    sources: z
      .record(z.string().max(MAX_NAME_LENGTH), longText)
      .optional()
      .describe('Sources of root-level values that cannot carry their own, e.g. { "fixedShare": "RSL 2024-11-21 §5" }.'),
    parties: z.array(partySchema).min(1).max(MAX_PARTIES),
    rounding: z.literal("half-away-from-zero").optional(),
    key: z.discriminatedUnion("basis", [populationKey, fixedKey]),
    population: partyObject(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
      .optional()
      .describe("Population per party id (whole numbers), for a key by population."),
    fixedShare: share.describe('The fixed share of the reference amount, e.g. "0.65".'),
    pointPrices: list(
        z.strictObject({
          seller: partyRef,
          validFrom: isoDate,
          price: nonNegativeMoney.describe("SEK per DRG point."),
          source,
        }),
      )
      .default([]),
    careRules: list(
        z.strictObject({
          area: name.describe("Area of care (verksamhetsområde), matched case-insensitively."),
          sellers: z.array(partyRef).min(1).max(MAX_PARTIES).optional().describe("Only for these sellers; absent: every seller."),
          model: careModel,
          source,
        }),
      )
      .default([]),
    references: list(
        z.strictObject({
          seller: partyRef,
          buyer: partyRef,
          amount: money.describe("The agreed full-price (100 %) value of the seller→buyer flow."),
          source,
        }),
      )
      .default([]),
    fixedOnly: list(
        z
          .strictObject({
            area: name,
            host: partyRef,
            total: money.optional().describe("A total split by the key; each party but the host pays its part."),
            amounts: partyObject(money)
              .optional()
              .describe("An amount per buyer, each paid to the host."),
            source,
          })
          .superRefine((v, ctx) => {
            if ((v.total === undefined) === (v.amounts === undefined)) {
              ctx.addIssue({ code: "custom", message: 'give exactly one of "total" and "amounts"' });
            }
          }),
      )
      .default([]),
    solidarity: list(
        z.strictObject({
          unit: name.describe("The joint unit, e.g. RCC."),
          host: partyRef,
          amount: money.describe("The unit's yearly budget, split by the key."),
          source,
        }),
      )
      .default([]),
    grants: list(
      z.strictObject({
        name: name.describe('The grant, e.g. "Processmedel palliativ vård 2025".'),
        recipient: partyRef.describe("The party the state pays; it passes the money on to the others."),
        amount: nonNegativeMoney.describe("The grant's yearly amount."),
        amounts: partyObject(nonNegativeMoney)
          .optional()
          .describe("Decided amounts per party, summing to at most `amount` (the rest stays with the recipient); absent: split by the key."),
        source,
      }),
    )
      .default([])
      .describe("State grants to the healthcare region passed on by a recipient (statsbidrag)."),
        areas: list(name)
      .optional()
      .describe("The areas of care the agreement knows beside those its care rules name; consumption in any other area is warned about."),
  })
  .describe("A yearly agreement (överenskommelse) of a Swedish healthcare region: vardavtal-tariff/1.");

export type TariffFile = z.infer<typeof tariffSchema>;
/** The tariff as written (before defaults are applied). */
export type TariffInput = z.input<typeof tariffSchema>;

/** The JSON Schema published with the package, generated from the zod schema. */
export function tariffJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(tariffSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:vardavtal:schema:vardavtal-tariff-1",
    title: "vardavtal-tariff/1",
    ...schema,
  };
}
