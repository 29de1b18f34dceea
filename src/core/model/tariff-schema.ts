/**
 * The tariff file `vardavtal-tariff/1` as a zod schema. Strict: unknown keys are errors.
 * Money and shares are strings holding decimals, never JSON numbers.
 * The published JSON Schema (schema/vardavtal-tariff-1.schema.json) is generated from this by
 * src/contracts/tariff-json-schema.ts: each `.describe(key)` names a description in the catalogues
 * (src/text/sv.ts, en.ts, section `schema`), and each message is a phrase code (core/model/phrases.ts).
 */
import * as z from "zod";
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_PARTIES, MAX_TARIFF_LIST, MAX_TEXT_LENGTH } from "./limits.js";
import { isoDateYear } from "./numbers.js";
import { codePointName, textProblem } from "./text-values.js";

import { TARIFF_FORMAT } from "./tariff-format.js";

export { TARIFF_FORMAT, TARIFF_SCHEMA_FILE } from "./tariff-format.js";

/** Text without control or invisible format characters, not blank, at most `max` characters. */
function text(max: number) {
  return z.string().superRefine((v, ctx) => {
    const p = textProblem(v, max);
    if (!p) return;
    // the messages are phrase codes (core/model/phrases.ts), worded by src/text/
    if (p.kind === "blank") ctx.addIssue({ code: "custom", message: "blank" });
    else if (p.kind === "control") ctx.addIssue({ code: "custom", message: "forbidden_character", params: { char: codePointName(p.codePoint), offset: p.offset } });
    else ctx.addIssue({ code: "custom", message: "too_long", params: { length: p.length, max: p.max } });
  });
}
const name = text(MAX_NAME_LENGTH);
const longText = text(MAX_TEXT_LENGTH);

const source = longText.optional().describe("source");


/** A { party: value } object: at most one key per party and its `source`. */
function partyObject<T extends z.ZodType>(value: T) {
  return z
    .object({ source })
    .catchall(value)
    .refine((o) => Object.keys(o).length <= MAX_PARTIES + 1, { message: "more_keys_than_parties", params: { max: MAX_PARTIES } });
}

/** A list in a tariff, bounded. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).max(MAX_TARIFF_LIST);
}

const money = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,2})?$/, { message: "money_format" })
  .describe("money");

const nonNegativeMoney = money.refine((s) => !s.startsWith("-"), { message: "negative" });

const share = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, { message: "share_format" })
  .describe("share");

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date_format" })
  .refine((s) => isoDateYear(s) !== undefined, { message: "not_a_date" }); // each use describes it

const partyRef = name.describe("partyRef");

/** Words a party id or alias may not be: they are keys with another meaning in the tariff's objects. */
export const RESERVED_PARTY_NAMES = ["source", "__proto__", "constructor", "prototype"];
const notReserved = (v: string): boolean => !RESERVED_PARTY_NAMES.includes(v.trim().toLowerCase());

export const partySchema = z
  .strictObject({
    id: z
      .string()
      .max(MAX_ID_LENGTH)
      .regex(/^[\p{L}\p{N}_-]+$/u, { message: "party_id_chars" })
      .refine(notReserved, { message: "reserved_party_id", params: { words: RESERVED_PARTY_NAMES.join(", ") } })
      .describe("party.id"),
    name: name.describe("party.name"),
    aliases: z
      .array(name.refine(notReserved, { message: "reserved_alias", params: { words: RESERVED_PARTY_NAMES.join(", ") } }))
      .max(20)
      .optional()
      .describe("party.aliases"),
    source,
  })
  .describe("party");

const populationKey = z.strictObject({
  basis: z.literal("population").describe("populationKey.basis"),
  date: isoDate.optional().describe("populationKey.date"),
  source,
});

const fixedKey = z.strictObject({
  basis: z.literal("fixed").describe("fixedKey.basis"),
  shares: partyObject(share)
    .describe("fixedKey.shares"),
  date: isoDate.optional().describe("fixedKey.date"),
  source,
});

export const careModel = z
  .enum(["fixed_variable", "unit_price", "excluded", "fixed_only"])
  .describe(
    "careModel",
  );
/**
 * How an area of care is paid: `fixed_variable` (a fixed share of the reference amount plus the
 * variable share of the consumption value), `unit_price` (points × point price), `excluded`
 * (outside the agreement), `fixed_only` (fixed amounts only).
 */
export type CareModel = z.infer<typeof careModel>;

export const tariffSchema = z
  .strictObject({
    $schema: z.string().optional().describe("$schema"),
    format: z.literal(TARIFF_FORMAT).describe("format"),
    year: z.number().int().min(1900).max(2999).describe("year"),
    status: z
      .enum(["decided", "proposal", "illustrative"])
      .optional()
      .describe("status"),
    title: longText.describe("title"),
    source,
    sources: z
      .record(z.string().max(MAX_NAME_LENGTH), longText)
      .optional()
      .describe("sources"),
    parties: z.array(partySchema).min(1).max(MAX_PARTIES).describe("parties"),
    rounding: z.literal("half-away-from-zero").optional().describe("rounding"),
    key: z.discriminatedUnion("basis", [populationKey, fixedKey]).describe("key"),
    population: partyObject(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
      .optional()
      .describe("population"),
    fixedShare: share.describe("fixedShare"),
    pointPrices: list(
        z.strictObject({
          seller: partyRef.describe("pointPrices.seller"),
          validFrom: isoDate.describe("pointPrices.validFrom"),
          price: nonNegativeMoney.describe("pointPrices.price"),
          source,
        }),
      )
      .default([])
      .describe("pointPrices"),
    careRules: list(
        z.strictObject({
          area: name.describe("careRules.area"),
          sellers: z.array(partyRef).min(1).max(MAX_PARTIES).optional().describe("careRules.sellers"),
          model: careModel,
          source,
        }),
      )
      .default([])
      .describe("careRules"),
    references: list(
        z.strictObject({
          seller: partyRef.describe("references.seller"),
          buyer: partyRef.describe("references.buyer"),
          amount: money.describe("references.amount"),
          source,
        }),
      )
      .default([])
      .describe("references"),
    fixedOnly: list(
        z
          .strictObject({
            area: name.describe("fixedOnly.area"),
            host: partyRef.describe("fixedOnly.host"),
            total: money.optional().describe("fixedOnly.total"),
            amounts: partyObject(money)
              .optional()
              .describe("fixedOnly.amounts"),
            source,
          })
          .superRefine((v, ctx) => {
            if ((v.total === undefined) === (v.amounts === undefined)) {
              ctx.addIssue({ code: "custom", message: "total_or_amounts" });
            }
          }),
      )
      .default([])
      .describe("fixedOnly"),
    solidarity: list(
        z.strictObject({
          unit: name.describe("solidarity.unit"),
          host: partyRef.describe("solidarity.host"),
          amount: money.describe("solidarity.amount"),
          source,
        }),
      )
      .default([])
      .describe("solidarity"),
    grants: list(
      z.strictObject({
        name: name.describe("grants.name"),
        recipient: partyRef.describe("grants.recipient"),
        amount: nonNegativeMoney.describe("grants.amount"),
        amounts: partyObject(nonNegativeMoney)
          .optional()
          .describe("grants.amounts"),
        source,
      }),
    )
      .default([])
      .describe("grants"),
    netting: z
      .enum(["bilateral", "multilateral"])
      .optional()
      .describe("netting"),
    acconto: z
      .strictObject({
        unit: z
          .string()
          .regex(/^\d{1,9}(\.\d{1,2})?$/, { message: "acconto_unit_format" })
          .refine((v) => /[1-9]/.test(v), { message: "more_than_zero" })
          .optional()
          .describe("acconto.unit"),
        source,
      })
      .optional()
      .describe("acconto"),
    decision: z
      .strictObject({
        body: name.describe("decision.body"),
        date: isoDate.describe("decision.date"),
        paragraph: name.describe("decision.paragraph"),
        reference: name.optional().describe("decision.reference"),
        source,
      })
      .optional()
      .describe("decision"),
    accounting: z
      .record(
        z.string().max(MAX_NAME_LENGTH),
        z.strictObject({
          accounts: z
            .strictObject(
              Object.fromEntries(
                (["fixed", "variable", "unit_price", "fixed_only", "solidarity", "grant"] as const).map((c) => [
                  c,
                  z
                    .strictObject({
                      income: name.describe("accounting.income"),
                      cost: name.describe("accounting.cost"),
                    })
                    .optional()
                    .describe("accounting.component"),
                ]),
              ) as Record<"fixed" | "variable" | "unit_price" | "fixed_only" | "solidarity" | "grant", z.ZodOptional<z.ZodObject<{ income: typeof name; cost: typeof name }>>>,
            )
            .optional()
            .describe("accounting.accounts"),
          costCentre: name.optional().describe("accounting.costCentre"),
          counterpartyCodes: z
            .record(z.string().max(MAX_NAME_LENGTH), name)
            .optional()
            .describe("accounting.counterpartyCodes"),
          source,
        }),
      )
      .optional()
      .describe("accounting"),
        areas: list(name)
      .optional()
      .describe("areas"),
  })
  .describe("tariff");

/**
 * A tariff file as written (`vardavtal-tariff/1`, JSON): the year's parties, prices, reference
 * amounts, key, solidarity units and grants, with money as decimal strings ("1234.50"). The JSON
 * Schema is `vardavtal/schema/tariff.schema.json`; `loadTariff` validates and compiles it.
 */
export type TariffFile = z.infer<typeof tariffSchema>;
/** The tariff as written (before defaults are applied). */
export type TariffInput = z.input<typeof tariffSchema>;
