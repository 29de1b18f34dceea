/**
 * What vardavtal accepts, at most. No real agreement comes near these bounds; they exist so that
 * a mistaken or hostile input gets a clear error instead of a wrong figure, a crash, or a run
 * that never ends. Every bound is listed in the README; changing one is a visible decision.
 */

/** Parties in a tariff. */
export const MAX_PARTIES = 50;
/** Entries of each list in a tariff (care rules, prices, references, units, known areas…). */
export const MAX_TARIFF_LIST = 2_500;
/** Characters in a name: a party id, alias, area, unit, cost item. */
export const MAX_NAME_LENGTH = 200;
/** Characters in a party id. */
export const MAX_ID_LENGTH = 32;
/** Characters in a title or a `source` text. */
export const MAX_TEXT_LENGTH = 4_000;
/** Bytes in a tariff file. */
export const MAX_TARIFF_BYTES = 4 << 20;
/** Nesting depth of a tariff's JSON (a tariff needs 5). */
export const MAX_JSON_DEPTH = 64;
/** Characters in one CSV record (a line, or several when a quoted field holds line breaks). */
export const MAX_RECORD_LENGTH = 1 << 20;
/** Different areas of care in one consumption file. */
export const MAX_AREAS = 10_000;

/** Öre in one amount read from an input (10¹² kr). */
export const MAX_INPUT_ORE = 10n ** 14n;
/** Öre in any figure of a result: a sum, a flow, a net position (10¹³ kr, exact in a spreadsheet cell). */
export const MAX_RESULT_ORE = 10n ** 15n;
/** DRG points in one row (in 10⁻⁶ points: 10⁹ points). */
export const MAX_POINT_UNITS = 10n ** 15n;
/** A population count (exact in a spreadsheet cell and a JSON number). */
export const MAX_POPULATION = BigInt(Number.MAX_SAFE_INTEGER);
