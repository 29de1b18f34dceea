/**
 * The JSON Schema of the tariff file (`vardavtal-tariff/1`), published with the package and written
 * by `check-tariff --write-schema`: generated from the zod schema (core/model/tariff-schema.ts), each
 * description key worded from the catalogues' section `schema`, Swedish then English (editors show both).
 */
import * as z from "zod";
import { tariffSchema } from "../core/model/tariff-schema.js";
import { CATALOGUES } from "../text/catalogue.js";

export { TARIFF_SCHEMA_FILE } from "../core/model/tariff-schema.js";

type SchemaKey = keyof typeof CATALOGUES.sv.schema;

/** A description key of the zod schema in both languages; a key without words is a defect, not a silent gap. */
function describe(key: string): string {
  if (!Object.hasOwn(CATALOGUES.sv.schema, key)) throw new Error(`tariff schema: no words for the description ${JSON.stringify(key)}`);
  return `${CATALOGUES.sv.schema[key as SchemaKey]}\n\n${CATALOGUES.en.schema[key as SchemaKey]}`;
}

/** Every "description" of a generated JSON Schema, keys replaced by their words (in place). */
function worded(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(worded);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "description" && typeof v === "string" ? describe(v) : worded(v)]));
}

/** The JSON Schema published with the package, generated from the zod schema. */
export function tariffJsonSchema(): Record<string, unknown> {
  const schema = worded(z.toJSONSchema(tariffSchema, { io: "input", unrepresentable: "any" })) as Record<string, unknown>;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:vardavtal:schema:vardavtal-tariff-1",
    title: "vardavtal-tariff/1",
    ...schema,
  };
}
