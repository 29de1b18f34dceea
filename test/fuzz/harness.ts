/**
 * The fuzz harness: builds one case (seed files, mutations, command line) in its own temporary
 * folder, runs it (in this process or through the real `bin/vardavtal.js`) with both consumption
 * readers, and checks the contract of the issue on every run. Returns the failures found.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { decodeCsv, detectDelimiter, encodeCsv, mustRejectNumber, mutateCsv, mutateTariff, parseCsv, tariffIds, type Mutated } from "./mutations.js";
import { metamorphic, renameParty, type Expectation } from "./metamorphic.js";
import { Rng } from "./prng.js";

export const ROOT = join(import.meta.dirname, "..", "..");
const FIX = join(ROOT, "test", "fixtures");
export const BIN = join(ROOT, "bin", "vardavtal.js");

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTty: boolean;
}
type Main = (argv: string[], io: Io) => Promise<number>;

let mainFn: Main | undefined;
/**
 * The command's `main`, from the built package: the fast reader runs its scan on worker threads
 * that load `dist/node/fast/worker.js`, which only exists in the build (`npm run build`).
 */
export async function loadMain(): Promise<Main> {
  if (!mainFn) {
    const url = pathToFileURL(join(ROOT, "dist", "cli", "main.js")).href;
    mainFn = ((await import(url)) as { main: Main }).main;
  }
  return mainFn;
}

// ---------------------------------------------------------------------------------------------
// Seeds

type Role = "tariff" | "consumption" | "population" | "costs";
export interface SeedCase {
  name: string;
  command: "calculate" | "check-key";
  files: Partial<Record<Role, { name: string; data: Buffer }>>;
}

export function loadSeeds(): SeedCase[] {
  const f = (p: string) => readFileSync(join(FIX, p));
  const seeds: SeedCase[] = [
    { name: "mini-2025", command: "calculate", files: { tariff: { name: "tariff.json", data: f("spec/mini-2025/tariff.json") }, consumption: { name: "consumption.csv", data: f("spec/mini-2025/consumption.csv") } } },
    { name: "keycheck", command: "check-key", files: { tariff: { name: "tariff.json", data: f("keycheck/tariff.json") }, costs: { name: "costs.csv", data: f("keycheck/costs.csv") } } },
  ];
  for (const c of readdirSync(join(FIX, "spec", "generated")).filter((d) => d.startsWith("case")).sort()) {
    const files: SeedCase["files"] = {
      tariff: { name: "tariff.json", data: f(`spec/generated/${c}/tariff.json`) },
      consumption: { name: "consumption.csv", data: f(`spec/generated/${c}/consumption.csv`) },
    };
    if (existsSync(join(FIX, "spec", "generated", c, "population.csv"))) files.population = { name: "population.csv", data: f(`spec/generated/${c}/population.csv`) };
    seeds.push({ name: c, command: "calculate", files });
  }
  return seeds;
}

// ---------------------------------------------------------------------------------------------
// A case

export interface FuzzCase {
  seed: SeedCase;
  what: string[];
  /** input files by role, after mutation */
  files: Partial<Record<Role, { name: string; data: Buffer }>>;
  /** builds the argv inside a case folder */
  args: (dir: string) => string[];
  /** what to set up in the case folder before each run (old outputs, devices, folders) */
  setup: (dir: string) => void;
  /** output paths (relative to the case folder) that a successful run must write */
  outputs: { json?: string; csvDir?: string; xlsx?: string };
  /** the outputs must not be checked for existence (written to a device, equal to an input…) */
  outputsSpecial: boolean;
  expect: Expectation;
}

const OLD = { json: "OLD RESULT (must survive a failed run)\n", csv: "OLD CSV\n", xlsx: "OLD XLSX\n" };

export function makeCase(seeds: SeedCase[], rng: Rng): FuzzCase {
  const seed = rng.pick(seeds);
  const files: FuzzCase["files"] = {};
  for (const [role, file] of Object.entries(seed.files) as [Role, { name: string; data: Buffer }][]) files[role] = { name: file.name, data: Buffer.from(file.data) };
  const what: string[] = [`seed ${seed.name}`];
  let expect: Expectation = { kind: "any" };
  const dataRole: Role = seed.command === "calculate" ? "consumption" : "costs";
  const mode = rng.weighted<string>([
    [70, "mutate"],
    [12, "metamorphic"],
    [6, "rename"],
    [8, "mustReject"],
    [4, "none"],
  ]);
  if (mode === "mutate") {
    const n = rng.weighted([
      [6, 1],
      [3, 2],
      [1, 3],
    ] as const);
    for (let k = 0; k < n; k++) {
      const role = rng.weighted<Role>([
        [55, dataRole],
        [30, "tariff"],
        [15, files.population ? "population" : dataRole],
      ]);
      const file = files[role] as { name: string; data: Buffer };
      let m: Mutated;
      try {
        m = role === "tariff" ? mutateTariff(file.data, rng) : mutateCsv(file.data, rng);
      } catch (e) {
        throw new Error(`the fuzzer's own mutation failed on ${role}: ${(e as Error).stack}`);
      }
      file.data = m.data;
      what.push(`${role}: ${m.what}`);
    }
  } else if (mode === "metamorphic" && seed.command === "calculate") {
    const roles: Role[] = files.population && rng.chance(0.3) ? ["population"] : ["consumption"];
    const n = rng.range(1, 3);
    for (const role of roles) {
      const file = files[role] as { name: string; data: Buffer };
      for (let k = 0; k < n; k++) {
        const m = metamorphic(file.data, rng);
        file.data = m.data;
        what.push(`${role}: same content, ${m.what}`);
      }
    }
    expect = { kind: "same", rename: {} };
  } else if (mode === "rename" && seed.command === "calculate") {
    const r = renameParty(files, rng);
    what.push(r.what);
    expect = { kind: "sameOrRejected", rename: r.rename };
  } else if (mode === "mustReject") {
    const role: Role = files.population && rng.chance(0.2) ? "population" : dataRole;
    const cols = role === "population" ? ["befolkning", "invånare", "population"] : role === "costs" ? ["belopp", "amount"] : ["poäng", "poang", "points", "belopp", "amount"];
    const file = files[role] as { name: string; data: Buffer };
    const m = mustRejectNumber(file.data, rng, cols);
    if (m) {
      file.data = m.data;
      what.push(`${role}: ${m.what}`);
      expect = { kind: "reject" };
    }
  } else what.push("unchanged seed files");

  // Outputs
  const outputs: FuzzCase["outputs"] = { json: "out/result.json" };
  if (seed.command === "calculate" && rng.chance(0.4)) outputs.csvDir = "out/csv";
  if (rng.chance(0.08)) outputs.xlsx = "out/report.xlsx";
  const old = rng.chance(0.4);
  if (old) what.push("old outputs present");
  const setups: ((dir: string) => void)[] = [
    (dir) => {
      mkdirSync(join(dir, "out"), { recursive: true });
      if (!old) return;
      writeFileSync(join(dir, "out", "result.json"), OLD.json);
      if (outputs.csvDir) {
        mkdirSync(join(dir, "out", "csv"), { recursive: true });
        writeFileSync(join(dir, "out", "csv", "flows.csv"), OLD.csv);
        writeFileSync(join(dir, "out", "csv", "net.csv"), OLD.csv);
      }
      if (outputs.xlsx) writeFileSync(join(dir, "out", "report.xlsx"), OLD.xlsx);
    },
  ];
  let outputsSpecial = false;
  const inputPath = (role: Role) => `in/${(files[role] as { name: string }).name}`;
  const argRole: Record<Role, string> = { tariff: "--tariff", consumption: "--consumption", population: "--population", costs: "--costs" };
  const replaced: Partial<Record<string, string>> = {};
  let extra: string[] = [];

  if (expect.kind !== "same" && expect.kind !== "sameOrRejected" && rng.chance(0.15)) {
    const roles = Object.keys(files) as Role[];
    const cl = rng.pick(["jsonIsInput", "jsonIsInputSpelledOtherwise", "xlsxIsInput", "csvDirHoldsInput", "jsonIsDir", "jsonIsDevice", "missingInput", "dirAsInput", "jsonUnderFile", "jsonIsXlsx", "tariffYear", "tolerance", "inputIsDevice", "csvDirIsFile", "emptyPath"]);
    outputsSpecial = true;
    switch (cl) {
      case "jsonIsInput":
        outputs.json = inputPath(rng.pick(roles));
        break;
      case "jsonIsInputSpelledOtherwise": {
        const r = rng.pick(roles);
        outputs.json = `in/../in/./${(files[r] as { name: string }).name}`;
        break;
      }
      case "xlsxIsInput":
        outputs.xlsx = inputPath(rng.pick(roles));
        break;
      case "csvDirHoldsInput":
        if (seed.command === "calculate") {
          const r = rng.pick(roles.filter((x) => x !== "tariff"));
          (files[r] as { name: string }).name = rng.pick(["flows.csv", "net.csv", "key.csv", "areas.csv", "transfers.csv"]);
          outputs.csvDir = "in";
        } else outputs.json = inputPath("costs");
        break;
      case "jsonIsDir":
        outputs.json = "out/adir";
        setups.push((dir) => mkdirSync(join(dir, "out", "adir", "sub"), { recursive: true }));
        break;
      case "jsonIsDevice":
        // Never /dev/null itself: run as root, a rename over it would replace the system's /dev/null.
        outputs.json = "out/null";
        setups.push((dir) => mknodNull(join(dir, "out", "null")));
        break;
      case "missingInput": {
        const r = rng.pick(roles);
        replaced[argRole[r]] = `in/missing-${r}.csv`;
        break;
      }
      case "dirAsInput": {
        const r = rng.pick(roles);
        replaced[argRole[r]] = "in/adir";
        setups.push((dir) => mkdirSync(join(dir, "in", "adir"), { recursive: true }));
        break;
      }
      case "inputIsDevice": {
        const r = rng.pick(roles);
        replaced[argRole[r]] = "in/null";
        setups.push((dir) => mknodNull(join(dir, "in", "null")));
        break;
      }
      case "jsonUnderFile":
        outputs.json = `${inputPath(dataRole)}/result.json`;
        break;
      case "jsonIsXlsx":
        outputs.xlsx = "out/result.json";
        break;
      case "csvDirIsFile":
        if (seed.command === "calculate") outputs.csvDir = inputPath("tariff");
        else outputs.json = "out";
        break;
      case "tariffYear":
        replaced["--tariff"] = rng.pick(["2025", "2026", "1999", "abc", "", "-1", "2025.json", "../2025"]);
        break;
      case "tolerance":
        if (seed.command === "check-key") extra = ["--tolerance", rng.pick(["abc", "-1", "1e3", "99999999999999999999", "0,005", "", " ", "1 000", "−1", "NaN"])];
        else {
          extra = ["--reader", "fast"]; // --reader given twice: a usage error must still name its place (FILE:LINE:COLUMN)
          what.push("--reader given twice");
        }
        break;
      case "emptyPath":
        outputs.json = rng.pick(["out/", "./", ".", ""]);
        break;
    }
    what.push(`command line: ${cl}`);
  }
  const args = (dir: string): string[] => {
    const p = (rel: string) => (rel === "" ? "" : rel.startsWith("/") ? rel : join(dir, rel));
    const a: string[] = [seed.command];
    for (const role of Object.keys(files) as Role[]) {
      const flag = argRole[role];
      const v = replaced[flag];
      a.push(flag, v === undefined ? p(inputPath(role)) : v === "" || /^[\d.a-z-]+$/.test(v) ? v : p(v));
    }
    if (outputs.json !== undefined) a.push("--json", p(outputs.json));
    if (outputs.csvDir !== undefined) a.push("--csv-dir", p(outputs.csvDir));
    if (outputs.xlsx !== undefined) a.push("--xlsx", p(outputs.xlsx));
    a.push(...extra);
    return a;
  };
  return {
    seed,
    what,
    files,
    args,
    setup: (dir) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, "in"), { recursive: true });
      for (const f of Object.values(files)) writeFileSync(join(dir, "in", f.name), f.data);
      for (const s of setups) s(dir);
    },
    outputs,
    outputsSpecial,
    expect,
  };
}

function mknodNull(path: string): void {
  const r = spawnSync("mknod", [path, "c", "1", "3"]);
  if (r.status !== 0) writeFileSync(path, ""); // no mknod here: an empty file stands in
}

// ---------------------------------------------------------------------------------------------
// Running

export interface RunOutcome {
  code: number | undefined;
  stdout: string;
  stderr: string;
  threw?: string;
  ms: number;
}

export async function runInProcess(argv: string[]): Promise<RunOutcome> {
  const main = await loadMain();
  let stdout = "";
  let stderr = "";
  const t0 = Date.now();
  try {
    const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTty: false });
    return { code, stdout, stderr, ms: Date.now() - t0 };
  } catch (e) {
    return { code: undefined, stdout, stderr, threw: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e), ms: Date.now() - t0 };
  }
}

/** Runs the real command; with `closedStdout`, its stdout is a pipe whose reader has gone (EPIPE). */
export function runSpawned(argv: string[], closedStdout = false): RunOutcome {
  const t0 = Date.now();
  const [cmd, args] = closedStdout ? ["bash", ["-c", '"$0" "$@" | true; exit "${PIPESTATUS[0]}"', process.execPath, BIN, ...argv]] : [process.execPath, [BIN, ...argv]];
  const r = spawnSync(cmd as string, args as string[], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20, env: { ...process.env, VARDAVTAL_LANG: "" } });
  return { code: r.status ?? undefined, stdout: r.stdout ?? "", stderr: r.stderr ?? "", threw: r.error ? String(r.error) : r.signal ? `killed by ${r.signal}` : undefined, ms: Date.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// Snapshots of the case folder

type Entry = { kind: "file" | "dir" | "char" | "link" | "other"; hash?: string };
export function snapshot(dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = relative(dir, p);
      const st = lstatSync(p);
      if (st.isDirectory()) {
        out.set(rel, { kind: "dir" });
        walk(p);
      } else if (st.isFile()) out.set(rel, { kind: "file", hash: createHash("sha256").update(readFileSync(p)).digest("hex") });
      else if (st.isCharacterDevice()) out.set(rel, { kind: "char" });
      else if (st.isSymbolicLink()) out.set(rel, { kind: "link" });
      else out.set(rel, { kind: "other" });
    }
  };
  walk(dir);
  return out;
}

function diffSnapshots(a: Map<string, Entry>, b: Map<string, Entry>, only?: (rel: string) => boolean): string[] {
  const d: string[] = [];
  for (const [k, v] of a) {
    if (only && !only(k)) continue;
    const w = b.get(k);
    if (!w) d.push(`removed ${k}`);
    else if (w.kind !== v.kind) d.push(`${k} changed from ${v.kind} to ${w.kind}`);
    else if (w.hash !== v.hash) d.push(`${k} changed content`);
  }
  for (const k of b.keys()) if (!a.has(k) && (!only || only(k))) d.push(`new ${k}`);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Checks

export interface Failure {
  /** a short key for grouping failures of one kind */
  cls: string;
  detail: string;
}

const DIAG = /^.+:\d+:\d+: error\[[A-Z_]+\]: /m;
const DIAG_LINE = /^.+:\d+:\d+: (error|warning)\[[A-Z_]+\]: .*$/gm;
const STACK = /^\s+at\s+\S.*(\(.*\)|:\d+:\d+)\s*$/m;

/** Money text → öre, exactly. */
export function ore(text: unknown): bigint {
  const m = typeof text === "string" ? /^(-?)(\d+)\.(\d{2})$/.exec(text) : null;
  if (!m) throw new Error(`not an amount with two decimals: ${JSON.stringify(text)}`);
  const v = BigInt((m[2] ?? "") + (m[3] ?? ""));
  return m[1] === "-" ? -v : v;
}

interface ResultJson {
  format: string;
  parties: string[];
  key: { party: string; share: string; population?: number }[];
  flows: { payer: string; payee: string; component: string; label: string | null; amount: string }[];
  net: { party: string; amount: string }[];
  transfers: { payer: string; payee: string; amount: string }[];
  netting?: "bilateral" | "multilateral";
  skipped: Record<string, number>;
  inputs?: { reader?: string }[];
}

/** The invariants of a `vardavtal-result/1` file. */
export function resultInvariants(r: ResultJson): string[] {
  const bad: string[] = [];
  try {
    if (r.format !== "vardavtal-result/1") bad.push(`format ${JSON.stringify(r.format)}`);
    const parties = r.parties;
    if (!Array.isArray(parties) || new Set(parties).size !== parties.length) bad.push(`parties not a list of distinct ids: ${JSON.stringify(parties)}`);
    const net = new Map<string, bigint>();
    for (const n of r.net) {
      if (net.has(n.party)) bad.push(`net lists ${n.party} twice`);
      net.set(n.party, ore(n.amount));
    }
    for (const p of parties) if (!net.has(p)) bad.push(`no net position for ${p}`);
    for (const p of net.keys()) if (!parties.includes(p)) bad.push(`net position for unknown party ${p}`);
    const sum = [...net.values()].reduce((a, b) => a + b, 0n);
    if (sum !== 0n) bad.push(`Σ net = ${sum} öre, not 0`);
    const byFlows = new Map<string, bigint>(parties.map((p) => [p, 0n]));
    for (const f of r.flows) {
      const a = ore(f.amount);
      if (!parties.includes(f.payer) || !parties.includes(f.payee)) bad.push(`flow between unknown parties ${f.payer}→${f.payee}`);
      byFlows.set(f.payer, (byFlows.get(f.payer) ?? 0n) - a);
      byFlows.set(f.payee, (byFlows.get(f.payee) ?? 0n) + a);
    }
    for (const p of parties) if ((byFlows.get(p) ?? 0n) !== (net.get(p) ?? 0n)) bad.push(`flows of ${p} sum to ${byFlows.get(p)} öre, net is ${net.get(p)}`);
    const byTransfers = new Map<string, bigint>(parties.map((p) => [p, 0n]));
    for (const t of r.transfers) {
      const a = ore(t.amount);
      if (a <= 0n) bad.push(`transfer of ${t.amount} (not positive)`);
      if (t.payer === t.payee) bad.push(`transfer from ${t.payer} to itself`);
      byTransfers.set(t.payer, (byTransfers.get(t.payer) ?? 0n) - a);
      byTransfers.set(t.payee, (byTransfers.get(t.payee) ?? 0n) + a);
    }
    for (const p of parties) if ((byTransfers.get(p) ?? 0n) !== (net.get(p) ?? 0n)) bad.push(`transfers of ${p} sum to ${byTransfers.get(p)} öre, net is ${net.get(p)}`);
    // multilateral: at most one fewer than the parties; bilateral (the default): at most one per pair, each pair once
    const pairs = new Set(r.transfers.map((t) => [t.payer, t.payee].sort().join("|")));
    if (pairs.size !== r.transfers.length) bad.push(`two transfers between one pair of parties`);
    const most = r.netting === "multilateral" ? Math.max(0, parties.length - 1) : (parties.length * (parties.length - 1)) / 2;
    if (r.transfers.length > most) bad.push(`${r.transfers.length} transfers for ${parties.length} parties (${r.netting ?? "bilateral"})`);
    for (const [k, v] of Object.entries(r.skipped ?? {})) if (!Number.isSafeInteger(v) || v < 0) bad.push(`skipped.${k} = ${v}`);
    for (const k of r.key ?? []) if (typeof k.share !== "string" || !/^(0|1)\.\d{12,}$/.test(k.share)) bad.push(`key share ${JSON.stringify(k.share)} of ${k.party}`);
  } catch (e) {
    bad.push(`malformed result: ${(e as Error).message}`);
  }
  return bad;
}

interface KeyCheckJson {
  format: string;
  items: { item: string; total: string; parties: { party: string; paid: string; expected: string; deviation: string }[] }[];
  totals: { party: string; paid: string; expected: string; deviation: string }[];
  transfers: { payer: string; payee: string; amount: string }[];
}

export function keyCheckInvariants(r: KeyCheckJson): string[] {
  const bad: string[] = [];
  try {
    if (r.format !== "vardavtal-keycheck/1") bad.push(`format ${JSON.stringify(r.format)}`);
    const totals = new Map<string, { paid: bigint; expected: bigint }>();
    for (const it of r.items) {
      let paid = 0n;
      let expected = 0n;
      for (const p of it.parties) {
        const [a, e, d] = [ore(p.paid), ore(p.expected), ore(p.deviation)];
        if (a - e !== d) bad.push(`${it.item}/${p.party}: paid − expected ≠ deviation`);
        paid += a;
        expected += e;
        const t = totals.get(p.party) ?? { paid: 0n, expected: 0n };
        totals.set(p.party, { paid: t.paid + a, expected: t.expected + e });
      }
      if (paid !== ore(it.total) || expected !== ore(it.total)) bad.push(`${it.item}: Σ paid ${paid}, Σ expected ${expected}, total ${ore(it.total)} öre`);
    }
    const dev = new Map<string, bigint>();
    for (const t of r.totals) {
      const s = totals.get(t.party) ?? { paid: 0n, expected: 0n };
      if (ore(t.paid) !== s.paid || ore(t.expected) !== s.expected) bad.push(`totals of ${t.party} are not the sums of the items`);
      if (ore(t.paid) - ore(t.expected) !== ore(t.deviation)) bad.push(`total deviation of ${t.party}`);
      dev.set(t.party, ore(t.deviation));
    }
    const sum = [...dev.values()].reduce((a, b) => a + b, 0n);
    if (sum !== 0n) bad.push(`Σ deviation = ${sum} öre`);
    const settle = new Map<string, bigint>();
    for (const t of r.transfers) {
      const a = ore(t.amount);
      if (a <= 0n) bad.push(`transfer of ${t.amount}`);
      settle.set(t.payer, (settle.get(t.payer) ?? 0n) - a);
      settle.set(t.payee, (settle.get(t.payee) ?? 0n) + a);
    }
    // A party that paid more than its share (deviation > 0) receives the difference.
    for (const [p, d] of dev) if ((settle.get(p) ?? 0n) !== d) bad.push(`transfers give ${p} ${settle.get(p) ?? 0n} öre, deviation is ${d}`);
  } catch (e) {
    bad.push(`malformed key check: ${(e as Error).message}`);
  }
  return bad;
}

/** Checks one run against the contract; returns the failures. */
export function checkRun(c: FuzzCase, dir: string, run: RunOutcome, before: Map<string, Entry>, after: Map<string, Entry>, via: string): Failure[] {
  const f: Failure[] = [];
  const add = (cls: string, detail: string) => f.push({ cls: `${cls}`, detail: `[${via}] ${detail}` });
  if (run.threw) add(`uncaught exception: ${firstLine(run.threw)}`, run.threw);
  if (run.code === 3) add("exit 3", "exit code 3");
  if (run.code !== undefined && ![0, 1, 2, 3].includes(run.code)) add(`exit ${run.code}`, `exit code ${run.code}`);
  if (run.code === 1 && c.seed.command !== "check-key") add("exit 1 from calculate", "exit 1");
  if (STACK.test(run.stderr)) add("stack trace on stderr", "a stack line on stderr");
  if (/internal error|internt fel|uncaught|unhandled/i.test(run.stderr)) add("internal error on stderr", "stderr says internal error");
  if (run.ms > 30_000) add("slow (>30 s)", `took ${run.ms} ms`);
  const inputsChanged = diffSnapshots(before, after, (rel) => rel === "in" || rel.startsWith("in/") && !rel.startsWith("in/adir"));
  // With --csv-dir pointing at the input folder, new result files may appear there on success; a changed or removed input is always a failure.
  const inputsHurt = inputsChanged.filter((d) => !(d.startsWith("new ") && run.code !== 2));
  if (inputsHurt.length) add("input modified", `inputs: ${inputsHurt.join(", ")}`);
  if (run.code === 2) {
    if (!DIAG.test(run.stderr)) add("exit 2 without FILE:LINE:COLUMN: error[CODE] line", "no diagnostic line");
    const d = diffSnapshots(before, after);
    if (d.length) add(d.some((x) => x.startsWith("new ")) && !d.some((x) => !x.startsWith("new ")) ? "exit 2 but files written" : "exit 2 but files changed", d.join(", "));
  }
  if (c.expect.kind === "reject" && run.code !== 2) add("invalid number accepted", `expected exit 2 (the spec says this number is an error), got ${run.code}`);
  if ((run.code === 0 || run.code === 1) && !run.threw) {
    for (const d of after.values()) void d;
    const leftovers = [...after.keys()].filter((k) => /\.tmp$/.test(k) && !before.has(k));
    if (leftovers.length) add("temporary files left behind", leftovers.join(", "));
    const dev = [...before].filter(([, v]) => v.kind === "char").map(([k]) => k);
    for (const k of dev) if (after.get(k)?.kind !== "char") add("device replaced by a regular file (an output path that is a device, e.g. /dev/null as root)", `${k} is now ${after.get(k)?.kind ?? "gone"}`);
    if (c.outputs.json === "") add("an empty --json path accepted: exit 0 and no JSON written", `exit ${run.code} with --json ""`);
    if (!c.outputsSpecial) {
      const o = c.outputs;
      if (o.json) {
        const p = join(dir, o.json);
        if (!existsSync(p)) add("success without the JSON output", o.json);
        else {
          let parsed: unknown;
          try {
            parsed = JSON.parse(readFileSync(p, "utf8"));
          } catch (e) {
            add("JSON output does not parse", String(e));
          }
          if (parsed) {
            const bad = c.seed.command === "calculate" ? resultInvariants(parsed as ResultJson) : keyCheckInvariants(parsed as KeyCheckJson);
            for (const b of bad) add(`invariant: ${b.replace(/-?\d+/g, "N").slice(0, 70)}`, b);
          }
        }
      }
      if (o.csvDir) for (const n of ["flows.csv", "net.csv", "key.csv", "transfers.csv", "areas.csv"]) if (!existsSync(join(dir, o.csvDir, n))) add("success without a CSV output", `${o.csvDir}/${n}`);
      if (o.csvDir && o.json && existsSync(join(dir, o.json)) && existsSync(join(dir, o.csvDir, "net.csv"))) {
        const mismatch = csvNetMismatch(readFileSync(join(dir, o.json), "utf8"), readFileSync(join(dir, o.csvDir, "net.csv")));
        if (mismatch) add("net.csv disagrees with the JSON", mismatch);
      }
      if (o.xlsx) {
        const p = join(dir, o.xlsx);
        if (!existsSync(p)) add("success without the xlsx output", o.xlsx);
        else if (readFileSync(p).subarray(0, 2).toString() !== "PK") add("xlsx output is not a zip", o.xlsx);
      }
    }
  }
  return f;
}

function csvNetMismatch(json: string, csv: Buffer): string | undefined {
  try {
    const r = JSON.parse(json) as ResultJson;
    const dec = decodeCsv(csv);
    const rows = parseCsv(dec.text, ";").slice(1).filter((x) => x.fields.length >= 2);
    const fromCsv = new Map(rows.map((x) => [x.fields[0] as string, (x.fields[1] as string).replace(",", ".")]));
    for (const n of r.net) {
      const c = fromCsv.get(n.party);
      if (c === undefined) return `net.csv has no row for ${JSON.stringify(n.party)} (rows: ${JSON.stringify([...fromCsv.keys()])})`;
      if (ore(c) !== ore(n.amount)) return `${n.party}: net.csv ${c}, JSON ${n.amount}`;
    }
    if (fromCsv.size !== r.net.length) return `net.csv has ${fromCsv.size} rows, JSON ${r.net.length}`;
  } catch (e) {
    return `net.csv unreadable: ${(e as Error).message}`;
  }
  return undefined;
}

function firstLine(s: string): string {
  return (s.split("\n")[0] ?? "").replace(/\d+/g, "N").slice(0, 90);
}

/** Diagnostic lines (errors and warnings) of a run, in order. */
export function diagLines(stderr: string): string[] {
  return stderr.match(DIAG_LINE) ?? [];
}

/** The JSON result without the fields that may differ between the readers. */
export function comparableResult(text: string): unknown {
  const r = JSON.parse(text) as ResultJson & { digest?: string };
  for (const i of r.inputs ?? []) delete i.reader;
  // the digest covers inputs[].reader too: the content is compared, each file's own digest is checked by its readers
  delete r.digest;
  return r;
}

/** Money-relevant content of a result, with parties renamed. */
export function moneyOf(text: string, rename: Record<string, string> = {}): unknown {
  const r = JSON.parse(text) as ResultJson;
  const n = (p: string) => (Object.hasOwn(rename, p) ? (rename[p] as string) : p);
  const flows = new Map<string, bigint>();
  for (const f of r.flows) {
    const k = `${n(f.payer)}→${n(f.payee)} ${f.component} ${f.label ?? ""}`;
    flows.set(k, (flows.get(k) ?? 0n) + ore(f.amount));
  }
  return {
    net: Object.fromEntries(r.net.map((x) => [n(x.party), x.amount]).sort()),
    flows: Object.fromEntries([...flows].filter(([, v]) => v !== 0n).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.toString()])),
    key: Object.fromEntries(r.key.map((k) => [n(k.party), k.share]).sort()),
    skipped: r.skipped,
  };
}

export { encodeCsv, detectDelimiter, tariffIds };
export const TMP = tmpdir();
