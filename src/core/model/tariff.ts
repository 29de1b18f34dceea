/**
 * Loading a tariff: JSON text (with positions) or an object → validated, compiled tariff with
 * exact values. Every problem is collected and reported with its JSON path and line:column.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type * as z from "zod";
import { issueReason, jsonErrorReason } from "./tariff-reasons.js";
import { MAX_JSON_DEPTH, MAX_TARIFF_BYTES } from "./limits.js";
import { jsonTooDeep } from "./json-depth.js";
import { DiagnosticBag, InputError } from "./diagnostics.js";
import { phrase } from "./phrases.js";
import { tariffSchema } from "./tariff-schema.js";
import { compile, duplicateKeys, formatPath, PositionMap, protoKeys, valueAt, type CompiledTariff, type Locator } from "./tariff-compile.js";

export type { AccountPair, CareRule, CompiledTariff, Decision, FixedOnlyEntry, GrantEntry, KeySpec, Netting, Party, PartyAccounting, PointPrice, Reference, SolidarityEntry } from "./tariff-compile.js";
export { compileValidated, formatPath } from "./tariff-compile.js";
export { areaKey, partyKey } from "./names.js";

/**
 * Compiles a tariff from JSON text (positions are reported as file:line:column) or from an
 * object (positions are reported as the JSON path). Throws InputError with every problem.
 */
export function loadTariff(input: string | unknown, file = "<tariff>"): CompiledTariff {
  const bag = new DiagnosticBag();
  let value: unknown;
  let positions: PositionMap;
  if (typeof input === "string") {
    const errors: ParseError[] = [];
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.length > MAX_TARIFF_BYTES) {
      bag.error("TARIFF_TOO_LARGE", { bytes: text.length, max: MAX_TARIFF_BYTES }, { file, line: 1, column: 1 });
      bag.throwIfErrors();
    }
    const deep = jsonTooDeep(text);
    if (deep !== undefined) {
      bag.error("TARIFF_JSON", { reason: phrase("too_deep", { max: MAX_JSON_DEPTH }) }, new PositionMap(file, text, undefined).offsetToLocation(deep));
      bag.throwIfErrors();
    }
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    positions = new PositionMap(file, text, root && treeLocator(root));
    if (errors.length > 0 || root === undefined) {
      // Only the first syntax error: the ones after it follow from it and would mislead.
      const first = errors[0];
      if (first) bag.error("TARIFF_JSON", { reason: jsonErrorReason(printParseErrorCode(first.error)) }, positions.offsetToLocation(first.offset));
      if (!bag.hasErrors) bag.error("TARIFF_JSON", { reason: phrase("empty_file") }, { file, line: 1, column: 1 });
      bag.throwIfErrors();
    }
    // A key given twice in one object: JSON.parse keeps the last silently; it is an error here.
    for (const d of root ? duplicateKeys(root) : []) bag.error("TARIFF_DUPLICATE", { path: formatPath(d.path), what: `"${d.key}"`, other: `${positions.offsetToLocation(d.first).line}:${positions.offsetToLocation(d.first).column}` }, positions.offsetToLocation(d.offset));
    bag.throwIfErrors();
    value = JSON.parse(text);
  } else {
    value = input;
    positions = new PositionMap(file, undefined, undefined);
  }

  // A "__proto__" key would be dropped by parsing into plain objects: refuse it where it stands.
  for (const path of protoKeys(value, [])) bag.error("TARIFF_SCHEMA", { path: formatPath(path), reason: phrase("reserved_key") }, positions.at(path, true));
  bag.throwIfErrors();
  const parsed = tariffSchema.safeParse(value);
  if (!parsed.success) {
    // The first problems only: each is located in the text, and thousands would take minutes.
    for (const issue of parsed.error.issues.slice(0, 50)) reportIssue(bag, positions, issue, value);
    bag.throwIfErrors();
    throw new InputError(bag.items); // unreachable: zod failed without issues
  }
  const compiled = compile(parsed.data, bag, positions);
  bag.throwIfErrors();
  return compiled;
}


function reportIssue(bag: DiagnosticBag, positions: PositionMap, issue: z.core.$ZodIssue, value: unknown): void {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") {
    for (const k of issue.keys.slice(0, 20)) {
      bag.error("TARIFF_SCHEMA", { path: formatPath([...path, k]), reason: phrase("unknown_key") }, positions.at([...path, k], true));
    }
    return;
  }
  bag.error("TARIFF_SCHEMA", { path: formatPath(path), reason: issueReason(issue, valueAt(value, path)) }, positions.at(path));
}

/** A Locator over jsonc-parser's tree of a text. */
export function treeLocator(root: Node): Locator {
  return (path, key) => {
    const node = findNodeAtLocation(root, path);
    if (!node) return undefined;
    return (key && node.parent?.type === "property" ? node.parent.children?.[0] ?? node : node).offset;
  };
}
