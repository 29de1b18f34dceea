/** The tariff file's format name and its JSON Schema's file name, without the schema itself (zod). */
export const TARIFF_FORMAT = "vardavtal-tariff/1";
/** The JSON Schema's file name: in schema/, beside the bundled tariffs, and as check-tariff --write-schema writes it. */
export const TARIFF_SCHEMA_FILE = "vardavtal-tariff-1.schema.json";
