/**
 * The tariff file `vardavtal-tariff/1` as a zod schema. Strict: unknown keys are errors.
 * Money and shares are strings holding decimals, never JSON numbers.
 * The published JSON Schema (schema/vardavtal-tariff-1.schema.json) is generated from this.
 */
import * as z from "zod";
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_PARTIES, MAX_TARIFF_LIST, MAX_TEXT_LENGTH } from "./limits.js";
import { isoDateYear } from "./numbers.js";
import { codePointName, textProblem } from "./text-values.js";

export const TARIFF_FORMAT = "vardavtal-tariff/1";
/** The JSON Schema's file name: in schema/, beside the bundled tariffs, and as check-tariff --write-schema writes it. */
export const TARIFF_SCHEMA_FILE = "vardavtal-tariff-1.schema.json";

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

const source = longText.optional().describe(d("Varifrån värdet kommer (beslut, datum, paragraf).", "Where this value comes from (decision, date, paragraph)."));

/** A property's description in the JSON Schema: Swedish, then English (editors show both). */
function d(sv: string, en: string): string {
  return `${sv}\n\n${en}`;
}

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
  .describe(d('Belopp i kronor som decimaltal i text med högst 2 decimaler, t.ex. "640000000.00".', 'Amount in SEK as a decimal string with at most 2 decimals, e.g. "640000000.00".'));

const nonNegativeMoney = money.refine((s) => !s.startsWith("-"), { message: "must not be negative" });

const share = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, { message: 'expected a share between 0 and 1 as a decimal string, e.g. "0.65"' })
  .describe(d('En andel mellan 0 och 1 som decimaltal i text, t.ex. "0.65".', 'A share between 0 and 1 inclusive as a decimal string, e.g. "0.65".'));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date YYYY-MM-DD" })
  .refine((s) => isoDateYear(s) !== undefined, { message: "not a calendar date" })
  .describe(d("Ett datum ÅÅÅÅ-MM-DD.", "An ISO date, YYYY-MM-DD."));

const partyRef = name.describe(d("Ett part-id (eller ett av partens alias).", "A party id (or one of its aliases)."));

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
      .describe(d('Kort id, t.ex. "RJL": bokstäver (å, ä, ö också), siffror, - och _.', 'Short id, e.g. "RJL": letters (å, ä, ö included), digits, - and _.')),
    name: name.describe(d("Regionens fullständiga namn.", "Full name of the region.")),
    aliases: z
      .array(name.refine(notReserved, { message: `reserved word: an alias may not be ${RESERVED_PARTY_NAMES.join(", ")}` }))
      .max(20)
      .optional()
      .describe(d("Andra stavningar som godtas i indatafilerna.", "Other spellings accepted in input files.")),
    source,
  })
  .describe(d("En part (region) i överenskommelsen.", "A party (region) of the agreement."));

const populationKey = z.strictObject({
  basis: z.literal("population").describe(d("Nyckeln efter befolkning: andelarna är folkmängden per part.", "The key by population: the shares are each party's population.")),
  date: isoDate.optional().describe(d("Datumet som folkmängden avser (nyckeldatum).", "The date the population counts refer to.")),
  source,
});

const fixedKey = z.strictObject({
  basis: z.literal("fixed").describe(d("Nyckeln med fasta, beslutade andelar.", "The key by fixed, decided shares.")),
  shares: partyObject(share)
    .describe(d("Beslutad andel per part-id som decimaltal i text; andelarna ska summera till exakt 1.", "Decided share per party id as decimal strings; they must sum to exactly 1.")),
  date: isoDate.optional().describe(d("Datumet då andelarna beslutades eller som de avser.", "The date the shares were decided or refer to.")),
  source,
});

export const careModel = z
  .enum(["fixed_variable", "unit_price", "excluded", "fixed_only"])
  .describe(
    d(
      'Ersättningsmodellen: "fixed_variable" fast och rörlig ersättning, "unit_price" styckpris (poäng × poängpris), "excluded" utanför avtalet, "fixed_only" endast fast ersättning (fixedOnly).',
      'The reimbursement model: "fixed_variable" fixed and variable, "unit_price" unit price (points × point price), "excluded" outside the agreement, "fixed_only" fixed only (fixedOnly).',
    ),
  );
/**
 * How an area of care is paid: `fixed_variable` (a fixed share of the reference amount plus the
 * variable share of the consumption value), `unit_price` (points × point price), `excluded`
 * (outside the agreement), `fixed_only` (fixed amounts only).
 */
export type CareModel = z.infer<typeof careModel>;

export const tariffSchema = z
  .strictObject({
    $schema: z.string().optional().describe(d("Sökväg till JSON-schemat, för editorns hjälp (check-tariff --write-schema lägger det bredvid tariffen).", "Path of the JSON Schema, for an editor's help (check-tariff --write-schema puts it beside the tariff).")),
    format: z.literal(TARIFF_FORMAT).describe(d("Filformatet: alltid \"vardavtal-tariff/1\".", "The file format: always \"vardavtal-tariff/1\".")),
    year: z.number().int().min(1900).max(2999).describe(d("Avtalsåret.", "The agreement year.")),
    status: z
      .enum(["decided", "proposal", "illustrative"])
      .optional()
      .describe(d('Om värdena är beslutade ("decided"), ett förslag till nästa år ("proposal", som `vardavtal propose` skriver) eller illustrativa ("illustrative"); förslag och illustrativa värden ger en varning och en UTKAST-banderoll i varje rapport.', 'Whether the values are decided ("decided"), a proposal for next year ("proposal", as `vardavtal propose` writes) or illustrative ("illustrative").')),
    title: longText.describe(d("Överenskommelsens namn, som det står i rapporterna.", "The agreement's name, as the reports show it.")),
    source,
    sources: z
      .record(z.string().max(MAX_NAME_LENGTH), longText)
      .optional()
      .describe(d('Källor för värden på översta nivån som inte kan bära en egen, t.ex. { "fixedShare": "RSL 2024-11-21 §5" }.', 'Sources of root-level values that cannot carry their own, e.g. { "fixedShare": "RSL 2024-11-21 §5" }.')),
    parties: z.array(partySchema).min(1).max(MAX_PARTIES).describe(d("Regionerna i överenskommelsen.", "The regions of the agreement.")),
    rounding: z.literal("half-away-from-zero").optional().describe(d("Avrundning till öre: halva avrundas bort från noll (den enda som stöds).", "Rounding to öre: halves away from zero (the only one supported).")),
    key: z.discriminatedUnion("basis", [populationKey, fixedKey]).describe(d("Fördelningsnyckeln: efter befolkning eller med fasta andelar.", "The distribution key: by population or by fixed shares.")),
    population: partyObject(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
      .optional()
      .describe(d("Folkmängd per part-id (heltal), för en nyckel efter befolkning.", "Population per party id (whole numbers), for a key by population.")),
    fixedShare: share.describe(d('Den fasta andelen av referensbeloppet, t.ex. "0.65".', 'The fixed share of the reference amount, e.g. "0.65".')),
    pointPrices: list(
        z.strictObject({
          seller: partyRef.describe(d("Säljande region (vårdgivare) som priset gäller för.", "The selling region (care provider) the price is for.")),
          validFrom: isoDate.describe(d("Priset gäller från och med detta datum till nästa pris för samma säljare.", "The price applies from this date until the seller's next price.")),
          price: nonNegativeMoney.describe(d("Kronor per DRG-poäng.", "SEK per DRG point.")),
          source,
        }),
      )
      .default([])
      .describe(d("Poängpriser per säljare, daterade; styckpris och rörlig ersättning räknas med priset som gäller radens datum.", "Point prices per seller, dated; unit price and variable reimbursement use the price valid at the row's date.")),
    careRules: list(
        z.strictObject({
          area: name.describe(d("Verksamhetsområde; jämförs utan hänsyn till stora och små bokstäver.", "Area of care (verksamhetsområde), matched case-insensitively.")),
          sellers: z.array(partyRef).min(1).max(MAX_PARTIES).optional().describe(d("Bara för dessa säljare; saknas: alla säljare.", "Only for these sellers; absent: every seller.")),
          model: careModel,
          source,
        }),
      )
      .default([])
      .describe(d("Vilken ersättningsmodell som gäller för ett verksamhetsområde (och säljare); övriga områden får fast och rörlig ersättning.", "Which reimbursement model applies to an area of care (and sellers); other areas get fixed and variable.")),
    references: list(
        z.strictObject({
          seller: partyRef.describe(d("Säljande region (vårdgivare).", "The selling region (care provider).")),
          buyer: partyRef.describe(d("Köpande region (invånarnas hemregion).", "The buying region (the patients' home region).")),
          amount: money.describe(d("Det överenskomna värdet till fullt pris (100 %) av flödet säljare→köpare (referensbelopp).", "The agreed full-price (100 %) value of the seller→buyer flow.")),
          source,
        }),
      )
      .default([])
      .describe(d("Referensbelopp per säljare→köpare: grunden för den fasta ersättningen och för rörlig ersättning.", "Reference amounts per seller→buyer: the basis of the fixed and the variable reimbursement.")),
    fixedOnly: list(
        z
          .strictObject({
            area: name.describe(d("Verksamhetsområdet som bara har fast ersättning.", "The area of care that has a fixed amount only.")),
            host: partyRef.describe(d("Regionen som ger vården och tar emot beloppen.", "The region that provides the care and receives the amounts.")),
            total: money.optional().describe(d("Ett totalbelopp som fördelas med nyckeln; varje part utom värdregionen betalar sin del.", "A total split by the key; each party but the host pays its part.")),
            amounts: partyObject(money)
              .optional()
              .describe(d("Ett belopp per köpare, som var och en betalar till värdregionen.", "An amount per buyer, each paid to the host.")),
            source,
          })
          .superRefine((v, ctx) => {
            if ((v.total === undefined) === (v.amounts === undefined)) {
              ctx.addIssue({ code: "custom", message: 'give exactly one of "total" and "amounts"' });
            }
          }),
      )
      .default([])
      .describe(d("Verksamheter med endast fast ersättning: ett totalbelopp som fördelas med nyckeln eller belopp per köpare.", "Areas with a fixed amount only: a total split by the key, or amounts per buyer.")),
    solidarity: list(
        z.strictObject({
          unit: name.describe(d("Den gemensamma enheten, t.ex. RCC.", "The joint unit, e.g. RCC.")),
          host: partyRef.describe(d("Regionen som driver enheten och tar emot de andras delar.", "The region that runs the unit and receives the others' parts.")),
          amount: money.describe(d("Enhetens årsbudget, som fördelas med nyckeln.", "The unit's yearly budget, split by the key.")),
          source,
        }),
      )
      .default([])
      .describe(d("Solidariskt finansierade enheter (t.ex. RCC): budgeten fördelas med nyckeln, varje part betalar sin del till värdregionen.", "Jointly financed units (e.g. RCC): the budget is split by the key, each party pays its part to the host.")),
    grants: list(
      z.strictObject({
        name: name.describe(d('Statsbidraget, t.ex. "Processmedel palliativ vård 2025".', 'The grant, e.g. "Processmedel palliativ vård 2025".')),
        recipient: partyRef.describe(d("Parten som staten betalar till; den för pengarna vidare till de andra.", "The party the state pays; it passes the money on to the others.")),
        amount: nonNegativeMoney.describe(d("Statsbidragets årsbelopp.", "The grant's yearly amount.")),
        amounts: partyObject(nonNegativeMoney)
          .optional()
          .describe(d("Beslutade belopp per part, högst `amount` sammanlagt (resten stannar hos mottagaren); saknas: fördelas med nyckeln.", "Decided amounts per party, summing to at most `amount` (the rest stays with the recipient); absent: split by the key.")),
        source,
      }),
    )
      .default([])
      .describe(d("Statsbidrag till sjukvårdsregionen som en mottagande region för vidare till de andra.", "State grants to the healthcare region passed on by a recipient (statsbidrag).")),
    netting: z
      .enum(["bilateral", "multilateral"])
      .optional()
      .describe(d('Hur betalningarna avräknas: "bilateral" (standard) en betalning per par av regioner (per motpart, som varje regions huvudbok förs); "multilateral" så få betalningar som möjligt, genom varandra, bara där överenskommelsen säger så.', 'How the payments are netted: "bilateral" (the default) one payment per pair of regions (per counterparty, as each ledger is kept); "multilateral" the fewest payments, through one another, only where the agreement says so.')),
    acconto: z
      .strictObject({
        unit: z
          .string()
          .regex(/^\d{1,9}(\.\d{1,2})?$/, { message: 'expected an amount in SEK as a string, e.g. "1" or "0.01"' })
          .refine((v) => /[1-9]/.test(v), { message: "must be more than zero" })
          .optional()
          .describe(d('A conto-delarna avrundas nedåt till hela multiplar av detta belopp i januari–november; december tar resten (standard "1": hela kronor; "0.01" ger öre).', 'The a-conto parts of January–November are whole multiples of this amount, rounded down; December takes the rest (default "1": whole kronor; "0.01" gives öre).')),
        source,
      })
      .optional()
      .describe(d("Hur a conto-planen delar årsbeloppen i månader.", "How the a-conto plan splits the annual amounts into months.")),
    decision: z
      .strictObject({
        body: name.describe(d('Organet som beslutade överenskommelsen, t.ex. "Samverkansnämnden".', 'The body that decided the agreement, e.g. "Samverkansnämnden".')),
        date: isoDate.describe(d("Beslutsdatum.", "The date of the decision.")),
        paragraph: name.describe(d('Paragrafen i protokollet, t.ex. "§ 12".', 'The paragraph of the minutes, e.g. "§ 12".')),
        reference: name.optional().describe(d("Diarienummer eller annan referens (valfritt).", "A record number or other reference (optional).")),
        source,
      })
      .optional()
      .describe(d('Beslutet om överenskommelsen: krävs när "status" är "decided", och visas i varje resultat och rapport.', 'The decision on the agreement: required when "status" is "decided", and named in every result and report.')),
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
                      income: name.describe(d("Intäktskonto (när parten tar emot).", "The income account (when the party receives).")),
                      cost: name.describe(d("Kostnadskonto (när parten betalar).", "The cost account (when the party pays).")),
                    })
                    .optional()
                    .describe(d(`Konton för komponenten ${c}.`, `The accounts of the component ${c}.`)),
                ]),
              ) as Record<"fixed" | "variable" | "unit_price" | "fixed_only" | "solidarity" | "grant", z.ZodOptional<z.ZodObject<{ income: typeof name; cost: typeof name }>>>,
            )
            .optional()
            .describe(d("Partens egna konton per komponent (fixed, variable, unit_price, fixed_only, solidarity, grant).", "The party's own accounts per component (fixed, variable, unit_price, fixed_only, solidarity, grant).")),
          costCentre: name.optional().describe(d("Partens kostnadsställe för raderna.", "The party's cost centre for the lines.")),
          counterpartyCodes: z
            .record(z.string().max(MAX_NAME_LENGTH), name)
            .optional()
            .describe(d("Partens motpartskod för varje annan part (part-id → kod).", "The party's counterparty code for each other party (party id → code).")),
          source,
        }),
      )
      .optional()
      .describe(d("Bokföringsunderlag: per part (part-id) dess egna konton, kostnadsställe och motpartskoder, för --ledger-dir.", "Ledger lines: per party (party id) its own accounts, cost centre and counterparty codes, for --ledger-dir.")),
        areas: list(name)
      .optional()
      .describe(d("Verksamhetsområden som överenskommelsen känner till utöver vårdreglernas; konsumtion i andra områden ger en varning.", "The areas of care the agreement knows beside those its care rules name; consumption in any other area is warned about.")),
  })
  .describe(d("En årlig överenskommelse i en svensk sjukvårdsregion: vardavtal-tariff/1.", "A yearly agreement (överenskommelse) of a Swedish healthcare region: vardavtal-tariff/1."));

/**
 * A tariff file as written (`vardavtal-tariff/1`, JSON): the year's parties, prices, reference
 * amounts, key, solidarity units and grants, with money as decimal strings ("1234.50"). The JSON
 * Schema is `vardavtal/schema/tariff.schema.json`; `loadTariff` validates and compiles it.
 */
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
