/**
 * Seeded mutation fuzzing of the year's commands (issue 23, "look for siblings"): propose,
 * acconto, settle (plan, earlier settlement and payments CSV as paid), compare, explain, overview,
 * key and check-key, over genuine files the commands wrote, each case mutating one input (or an
 * argument). Every run must keep the contract:
 *
 * - never a thrown error, a stack trace or exit 3; exit 0 or 2 (check-key also 1: deviations);
 * - every `error[`/`warning[` line has the shape `FILE:LINE:COLUMN: error[CODE]: message`, and an
 *   exit 2 has at least one;
 * - exit 2 writes nothing (the case folder is byte for byte as before);
 * - a file vardavtal wrote that was edited without its digest recomputed is never accepted
 *   (RESULT_EDITED / RESULT_NO_DIGEST); a re-formatted one (indentation, key order) gives the
 *   same exit and the same stdout as the file as written;
 * - exit 0: the written JSON's digest holds and its money adds up (Σ net = 0, remaining = net −
 *   paid net, transfers settle what remains, months give the annual amount, change = B − A …).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkDigest, withDigest } from "../../src/contracts/digest.js";
import { runInProcess, snapshot, type RunOutcome } from "./harness.js";
import { Rng } from "./prng.js";

type Doc = Record<string, unknown>;
export const BASE_FILES = ["tariff.json", "consumption.csv", "result.json", "forecast.json", "scenario.json", "plan.json", "settlement.json", "payments.csv", "costs.csv"] as const;

/** The genuine files every case starts from, written by the commands into `dir`. */
export async function makeBase(dir: string, mini: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(mini, "tariff.json"), join(dir, "tariff.json"));
  copyFileSync(join(mini, "consumption.csv"), join(dir, "consumption.csv"));
  const base = ["--tariff", join(dir, "tariff.json"), "--consumption", join(dir, "consumption.csv")];
  const runs = [
    ["calculate", ...base, "--json", join(dir, "result.json")],
    ["calculate", ...base, "--through", "2025-06-30", "--json", join(dir, "forecast.json")],
    ["calculate", ...base, "--set", "fixedShare=0.60", "--json", join(dir, "scenario.json")],
    ["acconto", "--tariff", join(dir, "tariff.json"), "--json", join(dir, "plan.json")],
    ["settle", "--result", join(dir, "result.json"), "--paid", join(dir, "plan.json"), "--json", join(dir, "settlement.json")],
  ];
  for (const argv of runs) {
    const r = await runInProcess(argv);
    if (r.code !== 0) throw new Error(`${argv.join(" ")}: ${r.stderr}${r.threw ?? ""}`);
  }
  writeFileSync(join(dir, "payments.csv"), "betalare;mottagare;belopp;datum;avser\nRJL;RÖ;400 000,00;2025-03-31;fast\nRKL;RÖ;250 000,50;2025-06-30;\nRÖ;RJL;1 000,00;2025-09-30;rörlig\n");
  writeFileSync(join(dir, "costs.csv"), "post;part;belopp\nRCC 2025;RJL;100 000,00\nRCC 2025;RKL;50 000,00\nRCC 2025;RÖ;75 000,00\n");
}

/** What a mutation means for the outcome. */
type Expect = "any" | "refused" | "refused-any" | "same";

interface Mutated {
  /** the file (base name) replaced in the case folder, when a file was mutated */
  file?: string;
  text?: string | Uint8Array;
  what: string;
  expect: Expect;
}

const MONEY_PATH = /^-?\d+\.\d{2}$/;

/** Every path in a document to a value, with the value. */
function leaves(doc: unknown, path: (string | number)[] = [], out: { path: (string | number)[]; value: unknown }[] = []): { path: (string | number)[]; value: unknown }[] {
  if (doc !== null && typeof doc === "object") {
    if (Array.isArray(doc)) doc.forEach((v, i) => leaves(v, [...path, i], out));
    else for (const [k, v] of Object.entries(doc)) leaves(v, [...path, k], out);
    if (path.length > 0) out.push({ path, value: doc });
  } else out.push({ path, value: doc });
  return out;
}

function setAt(doc: Doc, path: (string | number)[], value: unknown, remove = false): void {
  let o: unknown = doc;
  for (const p of path.slice(0, -1)) o = (o as Record<string | number, unknown>)[p];
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(o) && typeof last === "number") o.splice(last, 1);
    else delete (o as Record<string | number, unknown>)[last];
  } else (o as Record<string | number, unknown>)[last] = value;
}

const oreText = (ore: bigint): string => {
  const s = ore < 0n ? "-" : "";
  const a = (ore < 0n ? -ore : ore).toString().padStart(3, "0");
  return `${s}${a.slice(0, -2)}.${a.slice(-2)}`;
};
const ore = (s: unknown): bigint => (typeof s === "string" && MONEY_PATH.test(s) ? BigInt(s.replace(".", "")) : 0n);

/** A change of meaning of a document (a value, a field, an element). */
function editContent(doc: Doc, rng: Rng): string {
  const all = leaves(doc).filter((l) => l.path[0] !== "digest");
  const money = all.filter((l) => typeof l.value === "string" && MONEY_PATH.test(l.value));
  const kind = rng.weighted<string>([
    [4, "money"],
    [2, "money-balanced"],
    [1, "year"],
    [1, "delete"],
    [1, "party"],
    [1, "add"],
    [1, "status"],
    [1, "type"],
  ]);
  if ((kind === "money" || kind === "money-balanced") && money.length > 0) {
    const l = rng.pick(money);
    const d = rng.pick([1n, -1n, 100_000_000n, -100_000_000n, 10n ** 17n]);
    setAt(doc, l.path, oreText(ore(l.value) + d));
    if (kind === "money-balanced") {
      // the case: another amount of the same list moved back, so that sums still hold
      const sibling = money.find((m) => m !== l && m.path.length === l.path.length && m.path[0] === l.path[0] && m.path.at(-1) === l.path.at(-1));
      if (sibling) setAt(doc, sibling.path, oreText(ore(sibling.value) - d));
    }
    return `${kind} ${l.path.join(".")} ${d > 0n ? "+" : ""}${d} öre`;
  }
  if (kind === "year" && typeof doc.year === "number") {
    doc.year = rng.pick([doc.year + 1, doc.year - 1, 1899, 3000, 2025.5]);
    return `year ${String(doc.year)}`;
  }
  if (kind === "party") {
    const ids = all.filter((l) => typeof l.value === "string" && /^(RJL|RKL|RÖ)$/.test(l.value));
    if (ids.length > 0) {
      const l = rng.pick(ids);
      setAt(doc, l.path, rng.pick(["RXX", "", "rjl", "RÖ ", "RJL"]));
      return `party ${l.path.join(".")}`;
    }
  }
  if (kind === "add") {
    doc[rng.pick(["tariffStatus", "forecast", "scenario", "note", "__proto__x"])] = rng.pick([null, "decided", { through: "2025-06-30" }, 1, "x"]);
    return "field added";
  }
  if (kind === "status") {
    if ("tariffStatus" in doc) delete doc.tariffStatus;
    else if ("scenario" in doc) delete doc.scenario;
    else if ("forecast" in doc) delete doc.forecast;
    else doc.tariffStatus = "decided";
    return "status/scenario/forecast removed or set";
  }
  if (kind === "type" && all.length > 0) {
    const l = rng.pick(all);
    setAt(doc, l.path, rng.pick([null, 0, "", [], {}, true, -1e308, "1e400"]));
    return `type ${l.path.join(".")}`;
  }
  const l = rng.pick(all.filter((x) => x.path.length > 0));
  setAt(doc, l.path, undefined, true);
  return `deleted ${l.path.join(".")}`;
}

/** A mutation of a file vardavtal wrote (JSON with a digest). */
function mutateWritten(name: string, text: string, rng: Rng): Mutated {
  const doc = JSON.parse(text) as Doc;
  const kind = rng.weighted<string>([
    [5, "edit"],
    [4, "forge"],
    [2, "reformat"],
    [2, "digest"],
    [3, "bytes"],
  ]);
  if (kind === "edit") {
    const format = doc.format;
    const what = editContent(doc, rng);
    const after = JSON.stringify(doc, null, 2);
    // an edit that changed nothing (a value set to itself) keeps the file's meaning; one of the
    // format makes it another kind of file, refused as such
    const expect = checkDigest(JSON.parse(after) as Doc).state === "ok" ? "any" : doc.format !== format ? "refused-any" : "refused";
    return { file: name, text: after, what: `edit: ${what}`, expect };
  }
  if (kind === "forge") {
    const what = editContent(doc, rng);
    return { file: name, text: JSON.stringify(withDigest(doc), null, rng.pick([0, 2])), what: `forged (digest recomputed): ${what}`, expect: "any" };
  }
  if (kind === "reformat") {
    const reorder = (v: unknown): unknown => (Array.isArray(v) ? v.map(reorder) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v);
    const indent = rng.pick([0, 1, 4, "\t"]);
    let out = JSON.stringify(rng.chance(0.5) ? reorder(doc) : doc, null, indent);
    if (rng.chance(0.3)) out = out.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    return { file: name, text: rng.chance(0.2) ? `\uFEFF${out}\r\n` : out, what: "reformatted", expect: "same" };
  }
  if (kind === "digest") {
    const d = String(doc.digest ?? "");
    const choice = rng.pick(["remove", "upper", "other", "truncate", "number", "null"]);
    if (choice === "remove") delete doc.digest;
    else if (choice === "upper") doc.digest = d.toUpperCase();
    else if (choice === "other") doc.digest = `sha256:${"0".repeat(64)}`;
    else if (choice === "truncate") doc.digest = d.slice(0, 20);
    else doc.digest = choice === "number" ? 1 : null;
    return { file: name, text: JSON.stringify(doc, null, 2), what: `digest ${choice}`, expect: "refused" };
  }
  return { file: name, ...mutateBytes(text, rng), expect: "any" };
}

/** A byte-level mutation of any text. */
function mutateBytes(text: string, rng: Rng): { text: string | Uint8Array; what: string } {
  const at = rng.int(text.length + 1);
  const choice = rng.pick(["truncate", "insert", "delete", "digit", "bom", "nest", "empty", "latin1", "duplicate-key", "nul", "huge"]);
  switch (choice) {
    case "truncate":
      return { text: text.slice(0, at), what: `truncated at ${at}` };
    case "insert":
      return { text: text.slice(0, at) + rng.pick(["{", "}", ",", '"', "\\", "\n", "x", "0", "\u00a0", "\u2028", ";", "\uFFFD"]) + text.slice(at), what: `char inserted at ${at}` };
    case "delete":
      return { text: text.slice(0, at) + text.slice(at + rng.range(1, 20)), what: `chars deleted at ${at}` };
    case "digit": {
      const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
      const i = digits.length ? rng.pick(digits) : 0;
      return { text: text.slice(0, i) + String((Number(text[i] ?? "0") + rng.range(1, 9)) % 10) + text.slice(i + 1), what: `digit changed at ${i}` };
    }
    case "bom":
      return { text: `\uFEFF${text}`, what: "BOM" };
    case "nest": {
      const depth = rng.pick([50, 500, 100_000]);
      return { text: "[".repeat(depth) + "]".repeat(rng.chance(0.5) ? depth : 0), what: `nested ${depth}` };
    }
    case "empty":
      return { text: rng.pick(["", " ", "\n", "{}", "[]", "null", '"x"']), what: "empty or not an object" };
    case "latin1":
      return { text: Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f))), what: "latin-1 bytes" };
    case "duplicate-key":
      return { text: text.replace(/^\{/, `{ "year": ${rng.pick([2024, 2026, '"2025"', null])},`), what: "a key given twice" };
    case "nul":
      return { text: text.slice(0, at) + "\u0000" + text.slice(at), what: `NUL at ${at}` };
    default:
      return { text: text.replace(/"(-?\d+\.\d\d)"/, `"${"9".repeat(rng.pick([17, 20, 40]))}.00"`), what: "a huge amount" };
  }
}

/** A mutation of a CSV input (payments, costs). */
function mutateCsv(name: string, text: string, rng: Rng): Mutated {
  const lines = text.split("\n");
  const choice = rng.pick(["amount", "party", "date", "duplicate", "delimiter", "header", "blank", "bytes", "quote", "component"]);
  const row = rng.range(1, Math.max(1, lines.length - 2));
  const cells = (lines[row] ?? "").split(";");
  const amountCol = name === "costs.csv" ? 2 : 2;
  switch (choice) {
    case "amount":
      cells[amountCol] = rng.pick(["-400 000,00", "0", "1e9", "1 000,001", "12,5 kr", "99999999999999999999,00", "abc", "", "1.000.000,00", "−5,00", "4,00E+05"]);
      break;
    case "party":
      cells[rng.int(2)] = rng.pick(["Skåne", "", "RJL", "Jönköping", "=HYPERLINK(\"x\")", "RÖ", "rö"]);
      break;
    case "date":
      if (name === "payments.csv") cells[3] = rng.pick(["2024-12-31", "2026-01-01", "2025-02-30", "31/12/2025", "", "2025-13-01"]);
      else cells[0] = rng.pick(["", "RCC 2024", "x".repeat(5000)]);
      break;
    case "duplicate":
      lines.splice(row, 0, lines[row] ?? "");
      return { file: name, text: lines.join("\n"), what: "a row twice", expect: "any" };
    case "delimiter":
      return { file: name, text: text.replace(/;/g, rng.pick([",", "\t", "|"])), what: "another delimiter", expect: "any" };
    case "header":
      lines[0] = rng.pick(["", "a;b;c", "betalare;mottagare", "Betalningar 2025", (lines[0] ?? "") + ";extra"]);
      return { file: name, text: lines.join("\n"), what: "header changed", expect: "any" };
    case "blank":
      lines.splice(row, 0, rng.pick(["", ";;;", "   ", "Summa;;1 000,00"]));
      return { file: name, text: lines.join("\n"), what: "a blank or total line", expect: "any" };
    case "quote":
      cells[rng.int(cells.length)] = rng.pick(['"RJL', '"R""Ö"', '"1 000,00"', '"']);
      break;
    case "component":
      if (name === "payments.csv") cells[4] = rng.pick(["okänd", "solidarity", "fast", "x".repeat(300)]);
      break;
    default:
      return { file: name, ...mutateBytes(text, rng), expect: "any" };
  }
  lines[row] = cells.join(";");
  return { file: name, text: lines.join("\n"), what: `${choice} on row ${row + 1}`, expect: "any" };
}

/** A tariff changed in a value (the year's commands read it too). */
function mutateTariff(text: string, rng: Rng): Mutated {
  if (rng.chance(0.3)) return { file: "tariff.json", ...mutateBytes(text, rng), expect: "any" };
  const doc = JSON.parse(text) as Doc;
  const all = leaves(doc).filter((l) => typeof l.value === "string" || typeof l.value === "number");
  const l = rng.pick(all);
  setAt(doc, l.path, rng.pick(["0", "-1", "0.00", "1e3", "", "99999999999999999.99", 0, -5, null, "RXX", "2026-01-01", "1.5"]));
  return { file: "tariff.json", text: JSON.stringify(doc, null, 2), what: `tariff ${l.path.join(".")}`, expect: "any" };
}

export interface YearCase {
  command: string;
  /** the argv, given the case folder */
  args: (dir: string) => string[];
  mutated: Mutated;
  /** the output JSON the command writes (relative to the case folder), when it writes one */
  json?: string;
  /** the argv of the same command on the base files (for "same") */
  key: string;
}

const P = (dir: string, f: string): string => join(dir, f);
const pickHostile = (rng: Rng, values: string[]): string => rng.pick(values);

/** One case: a command over the base files, one of its inputs (or arguments) mutated. */
export function makeYearCase(rng: Rng, base: string): YearCase {
  const read = (f: string): string => readFileSync(join(base, f), "utf8");
  const command = rng.weighted<string>([
    [4, "settle-plan"],
    [2, "settle-earlier"],
    [3, "settle-payments"],
    [1, "settle-forecast"],
    [3, "compare"],
    [3, "overview"],
    [2, "propose"],
    [1, "acconto"],
    [1, "explain"],
    [1, "key"],
    [2, "check-key"],
  ]);
  const written = (f: string): Mutated => mutateWritten(f, read(f), rng);
  const out = "out.json";
  switch (command) {
    case "settle-plan": {
      const m = rng.chance(0.5) ? written("result.json") : written("plan.json");
      return { command, key: command, mutated: m, json: out, args: (d) => ["settle", "--result", P(d, "result.json"), "--paid", P(d, "plan.json"), "--json", P(d, out)] };
    }
    case "settle-earlier": {
      const m = written("settlement.json");
      return { command, key: command, mutated: m, json: out, args: (d) => ["settle", "--result", P(d, "result.json"), "--paid", P(d, "settlement.json"), "--json", P(d, out)] };
    }
    case "settle-payments": {
      const m = mutateCsv("payments.csv", read("payments.csv"), rng);
      return { command, key: command, mutated: m, json: out, args: (d) => ["settle", "--result", P(d, "result.json"), "--paid", P(d, "payments.csv"), "--paid", P(d, "plan.json"), "--json", P(d, out)] };
    }
    case "settle-forecast": {
      const m = rng.chance(0.5) ? written("forecast.json") : written("scenario.json");
      return { command, key: `${command}-${m.file}`, mutated: m, json: out, args: (d) => ["settle", "--result", P(d, m.file as string), "--forecast", "--paid", P(d, "plan.json"), "--json", P(d, out)] };
    }
    case "compare": {
      const [a, b] = rng.pick([["result.json", "scenario.json"], ["forecast.json", "result.json"], ["result.json", "result.json"]] as const);
      const m = written(rng.chance(0.5) ? a : b);
      const same = a === b;
      return { command, key: `${command}-${a}-${b}`, mutated: same ? { ...m, file: "b.json" } : m, json: out, args: (d) => ["compare", P(d, a), P(d, same ? "b.json" : b), "--json", P(d, out)] };
    }
    case "overview": {
      const f = rng.pick(["plan.json", "forecast.json", "result.json", "settlement.json"]);
      const m = written(f);
      return { command, key: command, mutated: m, json: out, args: (d) => ["overview", "--plan", P(d, "plan.json"), "--forecast", P(d, "forecast.json"), "--result", P(d, "result.json"), "--settlement", P(d, "settlement.json"), "--json", P(d, out)] };
    }
    case "propose": {
      const index = rng.chance(0.6) ? "2026=3,1" : pickHostile(rng, ["2026=-150", "2026=-100", "2026=-99,999999", "2026=1000", "2026=abc", "2025=3", "2026=3,1 %", "2026=0", "2026=999,999999", "=3", "2026=−2"]);
      const m: Mutated = index === "2026=3,1" ? written(rng.chance(0.5) ? "result.json" : "scenario.json") : { what: `--index ${index}`, expect: "any" };
      const results = m.file ?? "result.json";
      return { command, key: `${command}-${results}`, mutated: m, json: "proposal.json", args: (d) => ["propose", "--tariff", P(d, "tariff.json"), "--results", P(d, results), "--index", index, "--out", P(d, "proposal.json")] };
    }
    case "acconto":
      return { command, key: command, mutated: mutateTariff(read("tariff.json"), rng), json: out, args: (d) => ["acconto", "--tariff", P(d, "tariff.json"), "--json", P(d, out)] };
    case "explain": {
      const flow = pickHostile(rng, ["net RJL", "RJL>RÖ variable", "RÖ>RJL fixed", "RKL>RÖ solidarity RCC", "net RXX", "RJL>RJL fixed", "", ">", "net", "RJL>RÖ variable extra words here"]);
      const set = rng.chance(0.5) ? ["--set", pickHostile(rng, ["fixedShare=0.60", "fixedShare=2", "fixedShare=-0.1", "key.basis=fixed", "nosuch=1", "fixedShare", "solidarity.RCC.amount=-5"])] : [];
      const m = rng.chance(0.5) ? mutateTariff(read("tariff.json"), rng) : { what: `flow "${flow}" ${set.join(" ")}`, expect: "any" as const };
      return { command, key: command, mutated: m, json: out, args: (d) => ["explain", "--tariff", P(d, "tariff.json"), "--consumption", P(d, "consumption.csv"), ...set, flow, "--json", P(d, out)] };
    }
    case "key": {
      const amount = pickHostile(rng, ["18000000", "18 000 000,50", "-5", "0", "1e9", "abc", "99999999999999999999", "0,001", "1.000.000"]);
      const m = rng.chance(0.4) ? mutateTariff(read("tariff.json"), rng) : { what: `--amount ${amount}`, expect: "any" as const };
      return { command, key: command, mutated: m, args: (d) => ["key", "--tariff", P(d, "tariff.json"), "--amount", amount] };
    }
    default: {
      const tolerance = rng.chance(0.7) ? "1" : pickHostile(rng, ["0", "-1", "abc", "1e3", "1 000,00", "99999999999999999999"]);
      const m = rng.chance(0.7) ? mutateCsv("costs.csv", read("costs.csv"), rng) : { what: `--tolerance ${tolerance}`, expect: "any" as const };
      return { command: "check-key", key: "check-key", mutated: m, json: out, args: (d) => ["check-key", "--tariff", P(d, "tariff.json"), "--costs", P(d, "costs.csv"), "--tolerance", tolerance, "--json", P(d, out)] };
    }
  }
}

/** Lays out a case folder: the base files, the mutated one replaced. */
export function layOut(c: YearCase, base: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(base)) copyFileSync(join(base, f), join(dir, f));
  if (c.mutated.file !== undefined && c.mutated.text !== undefined) writeFileSync(join(dir, c.mutated.file), c.mutated.text);
  if (c.mutated.file === "b.json" && c.mutated.text === undefined) copyFileSync(join(base, "result.json"), join(dir, "b.json"));
}

const LINE = /^\S.*:\d+:\d+: (error|warning)\[[A-Z_]+\]: \S/;

/** The money of a written JSON, checked: problems as text (none: it adds up). */
export function moneyProblems(command: string, doc: Doc): string[] {
  const p: string[] = [];
  const sum = (xs: unknown[]): bigint => xs.reduce<bigint>((a, x) => a + ore(x), 0n);
  const arr = (k: string): Doc[] => (Array.isArray(doc[k]) ? (doc[k] as Doc[]) : []);
  if (command !== "propose" && checkDigest(doc).state !== "ok") p.push("its own digest does not hold");
  if (command.startsWith("settle")) {
    const parties = arr("parties");
    if (sum(parties.map((x) => x.net)) !== 0n) p.push("Σ net ≠ 0");
    if (sum(parties.map((x) => x.paidNet)) !== 0n) p.push("Σ paid net ≠ 0");
    if (sum(parties.map((x) => x.remaining)) !== 0n) p.push("Σ remaining ≠ 0");
    for (const x of parties) if (ore(x.remaining) !== ore(x.net) - ore(x.paidNet)) p.push(`remaining of ${String(x.party)} ≠ net − paid net`);
    for (const l of arr("lines")) if (ore(l.difference) !== ore(l.due) - ore(l.paid)) p.push("a line's difference ≠ due − paid");
    const left = new Map(parties.map((x) => [x.party, ore(x.remaining)]));
    for (const t of arr("transfers")) {
      if (ore(t.amount) <= 0n) p.push("a transfer ≤ 0");
      left.set(t.payee, (left.get(t.payee) ?? 0n) - ore(t.amount));
      left.set(t.payer, (left.get(t.payer) ?? 0n) + ore(t.amount));
    }
    if ([...left.values()].some((v) => v !== 0n)) p.push("the transfers do not settle what remains");
  } else if (command === "acconto") {
    for (const l of arr("lines")) if (sum(l.months as unknown[]) !== ore(l.annual)) p.push("a line's months ≠ its annual amount");
    if (sum(arr("net").map((x) => x.annual)) !== 0n) p.push("Σ annual net ≠ 0");
  } else if (command === "compare") {
    for (const n of arr("net")) if (ore(n.change) !== ore(n.b) - ore(n.a)) p.push("a change ≠ B − A");
    if (sum(arr("net").map((x) => x.change)) !== 0n) p.push("Σ change ≠ 0");
  } else if (command === "overview") {
    const parties = arr("parties");
    for (const k of ["plan", "outcome", "remaining"]) if (sum(parties.map((x) => x[k])) !== 0n) p.push(`Σ ${k} ≠ 0`);
  } else if (command === "check-key") {
    if (sum(arr("totals").map((x) => x.deviation)) !== 0n) p.push("Σ deviations ≠ 0");
  } else if (command === "explain") {
    if (typeof doc.amount !== "string" || !MONEY_PATH.test(doc.amount)) p.push("the amount is not money");
  } else if (command === "propose") {
    if (doc.format !== "vardavtal-tariff/1" || doc.year !== 2026) p.push("the proposal is not next year's tariff");
  }
  return p;
}

export interface YearOutcome {
  code: number | undefined;
  failures: string[];
  run: RunOutcome;
}

/** Runs a laid-out case and checks the contract; `same` is the outcome on the base files (for a re-formatted file). */
export async function runYearCase(c: YearCase, dir: string, same?: { code: number | undefined; stdout: string }): Promise<YearOutcome> {
  const before = snapshot(dir);
  const raw = await runInProcess(c.args(dir));
  // the case's folder as a placeholder, so that outcomes in two folders compare
  const run = { ...raw, stdout: raw.stdout.split(dir).join("<DIR>"), stderr: raw.stderr.split(dir).join("<DIR>") };
  const after = snapshot(dir);
  const f: string[] = [];
  if (run.threw !== undefined) f.push(`threw: ${run.threw.split("\n")[0]}`);
  const allowed = c.command === "check-key" ? [0, 1, 2] : [0, 2];
  if (run.code === undefined || !allowed.includes(run.code)) f.push(`exit ${String(run.code)}`);
  if (/\n\s+at \S|internal error|internt fel|TypeError|RangeError|SyntaxError: /.test(run.stderr + run.stdout)) f.push("a stack trace or an internal error");
  const diag = run.stderr.split("\n").filter((l) => /(error|warning)\[/.test(l));
  for (const l of diag) if (!LINE.test(l)) f.push(`a diagnostic without FILE:LINE:COLUMN: ${l.slice(0, 200)}`);
  if (run.code === 2) {
    if (!diag.some((l) => / error\[/.test(l))) f.push("exit 2 without an error line");
    const changed = [...after].filter(([k, v]) => before.get(k)?.hash !== v.hash).map(([k]) => k);
    const gone = [...before.keys()].filter((k) => !after.has(k));
    if (changed.length + gone.length > 0) f.push(`exit 2 but written: ${[...changed, ...gone].join(", ")}`);
  }
  if ((c.mutated.expect === "refused" || c.mutated.expect === "refused-any") && run.code !== 2) f.push(`SILENT ACCEPTANCE: ${c.mutated.what} gave exit ${String(run.code)}`);
  if (c.mutated.expect === "refused" && run.code === 2 && !/error\[(RESULT_EDITED|RESULT_NO_DIGEST)\]/.test(run.stderr)) f.push(`an edited file refused without RESULT_EDITED/RESULT_NO_DIGEST: ${diag[0] ?? ""}`);
  if (c.mutated.expect === "same" && same && (run.code !== same.code || run.stdout !== same.stdout)) f.push(`a re-formatted file changed the outcome: exit ${String(run.code)} (was ${String(same.code)})`);
  if (run.code === 0 && c.json !== undefined) {
    let doc: Doc | undefined;
    try {
      doc = JSON.parse(readFileSync(join(dir, c.json), "utf8")) as Doc;
    } catch (e) {
      f.push(`exit 0 without a readable ${c.json}: ${String(e)}`);
    }
    if (doc) for (const m of moneyProblems(c.command, doc)) f.push(`WRONG MONEY: ${m}`);
  }
  return { code: run.code, failures: f, run };
}
