/**
 * Scenarios (model.md, "Comparison": the same calculation on a tariff with named values replaced).
 * A scenario is `--set PATH=VALUE` arguments and/or a JSON merge patch (RFC 7386) on the tariff
 * as written. The changes are applied to the tariff's JSON, which is then validated exactly as a
 * tariff file is: every problem is reported at once, with the tariff's own message texts, and
 * points at the `--set` argument (`--set:N:COLUMN`, N counting the --set arguments from 1) or at
 * the place in the scenario file that caused it.
 *
 * Paths name tariff values with dots. A list entry is named by what it is: `references.RÖ>RJL`,
 * `pointPrices.RÖ` (or `pointPrices.RÖ@2025-07-01` when the seller has several prices),
 * `careRules.<area>`, `fixedOnly.<area>`, `solidarity.<unit>`, `grants.<name>`, `parties.<id>`,
 * or by its position from 0 (`references.0`). Party keys (population, key.shares, amounts) match
 * a party's id or alias. Setting `key.basis` to `population` drops the fixed key's `shares`.
 */
import { findNodeAtOffset, getNodePath, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { DiagnosticBag, InputError, diagnosticKey, type Diagnostic, type Location } from "../model/diagnostics.js";
import { phrase, type Phrase, type PhraseCode } from "../model/phrases.js";
import { resolveKey } from "../model/key.js";
import { areaKey, partyKey } from "../model/names.js";
import { formatPath, loadTariff, type CompiledTariff } from "../model/tariff.js";
import type { CalculationResult } from "../model/calculate.js";
import { comparableFromCalculation, compareResults, type Comparison } from "./compare.js";
import { decomposeEffects, type EffectState } from "./effects.js";
import { jsonErrorReason } from "../model/tariff-reasons.js";
import type { ScenarioRecord } from "./scenario-record.js";
import { jsonTooDeep } from "../model/json-depth.js";
import { MAX_JSON_DEPTH } from "../model/limits.js";

export type { ScenarioRecord } from "./scenario-record.js";

type Path = (string | number)[];
/** Why a path names nothing, in both languages (the message shows the one asked for). */
type Reason = Phrase;
type Json = unknown;

export interface ScenarioInput {
  /** the `--set` arguments as given, PATH=VALUE */
  set: readonly string[];
  /** a JSON merge patch on the tariff: its file name and text */
  patch?: { file: string; text: string; sha256?: string };
  /**
   * The population file given with --population, if any: it replaces the tariff's population, so
   * a scenario that changes `population` would have no effect and is an error.
   */
  populationFile?: string;
}

/** Where a changed value came from: a --set argument or a place in the scenario file. */
interface Change {
  path: Path;
  at: Location;
  /** for a --set: where its value starts */
  valueAt?: Location;
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Objects keyed by party (id or alias). */
function isPartyRecord(path: Path): boolean {
  const s = path.map((p) => (typeof p === "number" ? "#" : p)).join(".");
  return s === "population" || s === "key.shares" || s === "fixedOnly.#.amounts" || s === "grants.#.amounts";
}

/** The tariff with the scenario applied and validated; throws InputError with every problem. */
export function applyScenario(base: CompiledTariff, input: ScenarioInput): { tariff: CompiledTariff; record: ScenarioRecord } {
  const bag = new DiagnosticBag();
  const raw = structuredClone(base.file) as unknown as Record<string, Json>;
  const changes: Change[] = [];
  const record: ScenarioRecord = { set: [], changed: [] };

  if (input.patch) {
    const content = applyPatch(raw, input.patch.file, input.patch.text, bag, changes);
    const changed = [...new Set(changes.map((c) => formatPath(c.path)))];
    if (content !== undefined) record.patch = { file: input.patch.file, ...(input.patch.sha256 !== undefined ? { sha256: input.patch.sha256 } : {}), content, changed };
  }
  const partyOf = partyResolver(raw);
  input.set.forEach((arg, k) => {
    const at = (column: number): Location => ({ file: "--set", line: k + 1, column });
    const eq = arg.indexOf("=");
    const pathText = eq < 0 ? "" : arg.slice(0, eq).trim();
    if (eq < 0 || pathText === "") {
      bag.error("SET_SYNTAX", { arg }, at(1));
      return;
    }
    const valueText = arg.slice(eq + 1).trim();
    const resolved = resolvePath(raw, pathText, partyOf);
    if ("reason" in resolved) {
      bag.error("SET_UNKNOWN_PATH", { path: pathText, reason: resolved.reason }, at(1));
      return;
    }
    const twice = changes.find((c) => formatPath(c.path) === formatPath(resolved.path));
    if (twice) {
      bag.error("SET_TWICE", { path: pathText, other: `${twice.at.file}:${twice.at.line}:${twice.at.column}` }, at(1));
      return;
    }
    const value = parseValue(valueText, resolved.current, resolved.path);
    if ("error" in value) {
      // JSON meant (the value starts with [, { or "), but not valid JSON: said as for a tariff file, at its place in the argument
      const lead = arg.length - arg.slice(eq + 1).trimStart().length;
      bag.error("TARIFF_JSON", { reason: value.error }, at(lead + value.offset + 1));
      return;
    }
    // null removes the value, as in a merge patch (RFC 7386); the validation says whether it may be left out
    if (value.value === null) removeAt(raw, resolved.path);
    else setAt(raw, resolved.path, value.value);
    // A population key has no shares: switching to it drops them.
    if (formatPath(resolved.path) === formatPath(["key", "basis"]) && value.value === "population" && isObject(raw.key)) delete raw.key.shares;
    changes.push({ path: resolved.path, at: at(1), valueAt: at(eq + 2) });
    record.set.push({ path: pathText, value: valueText, target: formatPath(resolved.path), ...(resolved.current !== undefined ? { was: JSON.stringify(resolved.current) } : {}) });
  });
  if (input.populationFile !== undefined) {
    for (const c of changes) if (c.path[0] === "population") bag.error("SET_POPULATION_FILE", { path: formatPath(c.path), file: input.populationFile }, c.at);
  }
  // Validate as a tariff file, also when some --set was wrong (every problem is reported at once),
  // each problem pointed at the change that caused it.
  const text = JSON.stringify(raw, null, 2);
  // A warning the tariff itself has keeps its place in the tariff file; a new problem points at its change.
  const same = (x: Diagnostic, y: Diagnostic): boolean => diagnosticKey({ code: x.code, params: x.params }) === diagnosticKey({ code: y.code, params: y.params });
  const place = (d: Diagnostic): Diagnostic => (d.severity === "warning" ? base.warnings.find((b) => same(b, d)) : undefined) ?? relocate(d, text, changes);
  let tariff: CompiledTariff | undefined;
  if (!patchBroken(bag)) {
    try {
      tariff = loadTariff(text, base.fileName);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // one problem can be found twice (the schema and the compiler); once is enough at the same place
      const seen = new Set<string>();
      bag.absorb(
        e.diagnostics
          .map(place)
          .filter((d) => {
            const k = diagnosticKey(d);
            return seen.has(k) ? false : (seen.add(k), true);
          }),
      );
    }
  }
  // The key from the changed tariff (unless a population file gives it): its problems point at the change of the key or the population.
  if (tariff && input.populationFile === undefined && !bag.hasErrors) {
    const keyBag = new DiagnosticBag();
    resolveKey(tariff, undefined, keyBag);
    const cause = changes.find((c) => c.path[0] === "population" || c.path[0] === "key");
    if (cause) bag.absorb(keyBag.errors.map((d) => ({ ...d, ...(cause.valueAt ?? cause.at) })));
  }
  bag.throwIfErrors();
  if (!tariff) throw new InputError(bag.items);
  tariff.warnings = tariff.warnings.map(place);
  record.changed = [...new Set(changes.map((c) => formatPath(c.path)))];
  return { tariff, record };
}

/** A scenario file that is not JSON (or not an object) is not applied: nothing to validate. */
function patchBroken(bag: DiagnosticBag): boolean {
  return bag.errors.some((d) => d.code === "TARIFF_JSON" || d.code === "SCENARIO_PATCH");
}

/** A diagnostic about the merged tariff text, moved to the change that caused it. */
function relocate(d: Diagnostic, text: string, changes: Change[]): Diagnostic {
  const path = pathAt(text, d.line ?? 1, d.column ?? 1);
  const overlap = (c: Change): number => {
    const n = Math.min(c.path.length, path.length);
    for (let i = 0; i < n; i++) if (String(c.path[i]) !== String(path[i])) return -1;
    return n;
  };
  let best: Change | undefined;
  let bestLength = -1;
  for (const c of changes) {
    const o = overlap(c);
    if (o > bestLength) {
      best = c;
      bestLength = o;
    }
  }
  const target = best ?? changes[0];
  if (!target) return d;
  const exact = bestLength >= target.path.length && path.length >= target.path.length;
  const at = exact && target.valueAt ? target.valueAt : target.at;
  return { ...d, file: at.file, line: at.line, column: at.column };
}

/** The JSON path of the value at line:column of the text. */
function pathAt(text: string, line: number, column: number): Path {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  offset += column - 1;
  const root = parseTree(text);
  const node = root ? findNodeAtOffset(root, offset, true) : undefined;
  return node ? getNodePath(node) : [];
}

/** RFC 7386 merge patch from a file; its changed leaves are recorded with their positions. Returns the patch as JSON, when it is an object. */
function applyPatch(target: Record<string, Json>, file: string, text: string, bag: DiagnosticBag, changes: Change[]): Json | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = jsonTooDeep(body);
  if (deep !== undefined) {
    const before = body.slice(0, deep);
    bag.error("TARIFF_JSON", { reason: phrase("too_deep", { max: MAX_JSON_DEPTH }) }, { file, line: before.split("\n").length, column: deep - (before.lastIndexOf("\n") + 1) + 1 });
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const loc = (offset: number): Location => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= offset) line++;
    return { file, line: line + 1, column: offset - (lineStarts[line] as number) + 1 };
  };
  const first = errors[0];
  if (first || !root) {
    bag.error("TARIFF_JSON", { reason: first ? jsonErrorReason(printParseErrorCode(first.error)) : phrase("empty_file") }, first ? loc(first.offset) : { file, line: 1, column: 1 });
    return undefined;
  }
  if (root.type !== "object") {
    const kind = ["array", "string", "number", "boolean", "null"].includes(root.type) ? phrase(`kind_${root.type}` as PhraseCode) : phrase("text", { text: root.type });
    bag.error("SCENARIO_PATCH", { kind }, loc(root.offset));
    return undefined;
  }
  const walk = (t: Record<string, Json>, node: NonNullable<typeof root>, path: Path): void => {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      if (key === "__proto__") {
        bag.error("TARIFF_SCHEMA", { path: formatPath([...path, key]), reason: phrase("reserved_key") }, loc(keyNode.offset));
        continue;
      }
      if (seen.has(key)) {
        bag.error("TARIFF_DUPLICATE", { path: formatPath([...path, key]), what: `"${key}"`, other: formatPath(path) }, loc(keyNode.offset));
        continue;
      }
      seen.add(key);
      if (valueNode.type === "null") {
        delete t[key];
        changes.push({ path: [...path, key], at: loc(keyNode.offset) });
      } else if (valueNode.type === "object") {
        if (!isObject(t[key])) t[key] = {};
        walk(t[key] as Record<string, Json>, valueNode, [...path, key]);
      } else {
        t[key] = JSON.parse(body.slice(valueNode.offset, valueNode.offset + valueNode.length)) as Json;
        changes.push({ path: [...path, key], at: loc(valueNode.offset) });
      }
    }
  };
  walk(target, root, []);
  return JSON.parse(body) as Json;
}

/** Resolves party names (id or alias, as the tariff matches them) against the raw tariff's parties. */
function partyResolver(raw: Record<string, Json>): (text: string) => string | undefined {
  const map = new Map<string, string>();
  for (const p of Array.isArray(raw.parties) ? raw.parties : []) {
    if (!isObject(p) || typeof p.id !== "string") continue;
    map.set(partyKey(p.id), p.id);
    for (const a of Array.isArray(p.aliases) ? p.aliases : []) if (typeof a === "string") map.set(partyKey(a), p.id);
  }
  return (text) => map.get(partyKey(text));
}

/** How the entries of a list are named in a path. */
const ENTRY_NAMES: Record<string, (entry: Record<string, Json>, name: string, party: (t: string) => string | undefined) => boolean> = {
  references: (e, name, party) => {
    const m = /^(.+?)\s*(?:>|→|->)\s*(.+)$/.exec(name);
    return Boolean(m && party(m[1] as string) !== undefined && party(m[1] as string) === party(String(e.seller)) && party(m[2] as string) === party(String(e.buyer)));
  },
  pointPrices: (e, name, party) => {
    const [seller = "", date] = name.split("@");
    return party(seller) !== undefined && party(seller) === party(String(e.seller)) && (date === undefined || date.trim() === e.validFrom);
  },
  careRules: (e, name) => areaKey(String(e.area)) === areaKey(name),
  fixedOnly: (e, name) => areaKey(String(e.area)) === areaKey(name),
  solidarity: (e, name) => areaKey(String(e.unit)) === areaKey(name),
  grants: (e, name) => areaKey(String(e.name)) === areaKey(name),
  parties: (e, name, party) => party(name) !== undefined && party(name) === e.id,
};

/** The JSON path a --set path names, and the value there now. */
function resolvePath(raw: Record<string, Json>, text: string, party: (t: string) => string | undefined): { path: Path; current: Json } | { reason: Reason } {
  const segments = text.split(".").map((s) => s.trim());
  if (segments.some((s) => s === "")) return { reason: phrase("path_empty_part") };
  let cur: Json = raw;
  const path: Path = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    if (Array.isArray(cur)) {
      const list = String(path[path.length - 1] ?? "");
      let index: number;
      if (/^\d+$/.test(seg)) {
        index = Number(seg);
        if (index >= cur.length) return { reason: phrase("path_entries_count", { path: formatPath(path), count: cur.length }) };
      } else {
        const match = ENTRY_NAMES[list];
        if (!match || path.length !== 1) return { reason: phrase("path_entries_by_number", { path: formatPath(path) }) };
        const found = cur.map((e, k) => (isObject(e) && match(e, seg, party) ? k : -1)).filter((k) => k >= 0);
        const names = cur.map((e) => (isObject(e) ? entryName(list, e) : "?")).join(", ");
        if (found.length === 0) return { reason: phrase("path_no_entry", { name: seg, list, names: names || phrase("empty_list") }) };
        if (found.length > 1) {
          const alternatives = [...found.map((k) => `${list}.${k}`), ...(list === "pointPrices" ? cur.filter((e, k) => found.includes(k) && isObject(e)).map((e) => `${list}.${entryName(list, e as Record<string, Json>)}`) : [])].join(", ");
          return { reason: phrase("path_ambiguous", { name: seg, count: found.length, list, alternatives }) };
        }
        index = found[0] as number;
      }
      path.push(index);
      cur = cur[index];
    } else if (isObject(cur)) {
      let key = seg;
      if (isPartyRecord(path)) {
        const id = party(seg);
        if (id === undefined) return { reason: phrase("path_not_party", { name: seg }) };
        key = Object.keys(cur).find((k) => k !== "source" && party(k) === id) ?? id;
      }
      if (key === "__proto__" || key === "constructor" || key === "prototype") return { reason: phrase("path_reserved") };
      path.push(key);
      const next: Json = Object.prototype.hasOwnProperty.call(cur, key) ? cur[key] : undefined;
      if (next === undefined && i < segments.length - 1) {
        cur = {}; // a new object (e.g. key.shares when the key becomes fixed); the schema judges it
        continue;
      }
      cur = next;
    } else {
      return { reason: phrase("path_single_value", { path: formatPath(path) }) };
    }
  }
  return { path, current: cur };
}

function entryName(list: string, e: Record<string, Json>): string {
  switch (list) {
    case "references":
      return `${String(e.seller)}>${String(e.buyer)}`;
    case "pointPrices":
      return `${String(e.seller)}@${String(e.validFrom)}`;
    case "careRules":
    case "fixedOnly":
      return String(e.area);
    case "solidarity":
      return String(e.unit);
    case "grants":
      return String(e.name);
    default:
      return String(e.id ?? "?");
  }
}

/**
 * A --set value: JSON when it starts with {, [ or " (a list, an object, a quoted text), and `null`
 * (the value is removed, as in a merge patch); a number where the tariff holds a number
 * (population, year), so that the validation judges it as a number (a whole number is expected);
 * else the text as it stands (money and shares are decimal texts in a tariff). JSON that is not
 * valid gives the reason and the offset in the value.
 */
function parseValue(text: string, current: Json, path: Path): { value: Json } | { error: Phrase; offset: number } {
  if (text === "null") return { value: null };
  if (/^[[{"]/.test(text)) {
    const deep = jsonTooDeep(text);
    if (deep !== undefined) return { error: phrase("too_deep", { max: MAX_JSON_DEPTH }), offset: deep };
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first) return { error: jsonErrorReason(printParseErrorCode(first.error)), offset: first.offset };
    return { value: JSON.parse(text) as Json };
  }
  const numeric = typeof current === "number" || path[0] === "population" || (path.length === 1 && path[0] === "year");
  if (numeric && /^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  return { value: text };
}

function removeAt(root: Record<string, Json>, path: Path): void {
  let cur: Json = root;
  for (const k of path.slice(0, -1)) cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string | number, Json>)[k] : undefined;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(cur) && typeof last === "number") cur.splice(last, 1);
  else if (isObject(cur)) delete cur[last];
}

function setAt(root: Record<string, Json>, path: Path, value: Json): void {
  let cur: Json = root;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string | number;
    const c = cur as Record<string | number, Json>;
    if (c[k] === undefined || c[k] === null || typeof c[k] !== "object") c[k] = {};
    cur = c[k];
  }
  (cur as Record<string | number, Json>)[path[path.length - 1] as string | number] = value;
}

/**
 * A scenario compared with the tariff as it stands (calculate --baseline): A is the baseline, B
 * the scenario, both computed from the same rows; the effects change one group of tariff values
 * at a time, point prices with the budgets (the rows are the same, priced by each tariff).
 */
export function scenarioComparison(a: EffectState & { result: CalculationResult }, b: EffectState & { result: CalculationResult }, scenario: ScenarioRecord, files: { a?: string; b?: string } = {}): Comparison {
  const effects = decomposeEffects(a, b, { consumptionMovesWith: "pricesAndBudgets", expected: { a: a.result.net, b: b.result.net }, fileA: files.a, fileB: files.b });
  return compareResults(comparableFromCalculation(a.result), comparableFromCalculation(b.result, scenario), { fileA: files.a, fileB: files.b, effects });
}
