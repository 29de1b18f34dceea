/** The tariff file's format name and its JSON Schema's file name, without the schema itself (zod). */
export const TARIFF_FORMAT = "vardavtal-tariff/1";
/** The JSON Schema's file name: in schema/, beside the bundled tariffs, and as check-tariff --write-schema writes it. */
export const TARIFF_SCHEMA_FILE = "vardavtal-tariff-1.schema.json";

/** A tariff's status: only a decided one may be paid from. */
export type TariffStatus = "decided" | "proposal" | "illustrative";

/** From the least decided to the decided. */
const DRAFTNESS: readonly TariffStatus[] = ["illustrative", "proposal", "decided"];

/** The least decided status among inputs (one draft input makes what is made of them a draft); none named: undefined. */
export function leastDecided(statuses: readonly (TariffStatus | undefined)[]): TariffStatus | undefined {
  return DRAFTNESS.find((s) => statuses.includes(s));
}
