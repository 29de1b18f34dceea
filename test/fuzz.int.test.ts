/**
 * Seeded mutation fuzzing of the command line (issue: "never a crash, never a half-written or
 * wrong result"). Valid seed files (the worked example, the generated cases, the key check) are
 * mutated — bytes, lines, delimiters, quotes, line ends, BOMs, encodings, odd characters, huge
 * numbers, tariff keys, types, nesting, party ids — and the command line too (outputs equal to
 * inputs, folders, devices, missing files). Every run must keep the contract:
 *
 * - never exit 3, never a stack trace or an uncaught exception;
 * - exit 2 with at least one `FILE:LINE:COLUMN: error[CODE]: message` line, and nothing written:
 *   no new file, older outputs byte for byte as they were;
 * - inputs never modified;
 * - exit 0 with the outputs written, and the result's invariants (Σ net = 0 to the öre, flows sum
 *   to each net position, transfers settle them);
 * - the fast and the general reader agree (exit code, diagnostics, result except `inputs[].reader`);
 * - changes that keep a file's meaning keep the money; numbers the spec calls errors are errors.
 *
 * Most cases run in this process (the built `main`), a few through the real `bin/vardavtal.js`.
 * Environment: VARDAVTAL_FUZZ_CASES (default 60 in npm test; 2000 or more before a release: npm run fuzz), VARDAVTAL_FUZZ_SEED, VARDAVTAL_FUZZ_CASE
 * (comma-separated case numbers to replay), VARDAVTAL_FUZZ_SPAWN (cases through the bin, default
 * 4), VARDAVTAL_FUZZ_KEEP=1 (keep the case folders), VARDAVTAL_FUZZ_REPORT=FILE (all failures as
 * JSON). Needs the build (`npm run build`; `npm test` builds first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRun, comparableResult, diagLines, loadMain, loadSeeds, makeCase, moneyOf, runInProcess, runSpawned, snapshot, type Failure, type RunOutcome } from "./fuzz/harness.js";
import { Rng, caseSeed } from "./fuzz/prng.js";

const CASES = Number(process.env.VARDAVTAL_FUZZ_CASES || 60);
const SEED = Number(process.env.VARDAVTAL_FUZZ_SEED || 0x5eed2025) >>> 0;
const ONLY = (process.env.VARDAVTAL_FUZZ_CASE || "").split(",").filter(Boolean).map(Number);
const SPAWN = Number(process.env.VARDAVTAL_FUZZ_SPAWN ?? 4);
const KEEP = Boolean(process.env.VARDAVTAL_FUZZ_KEEP);
const REPORT = process.env.VARDAVTAL_FUZZ_REPORT;

interface CaseFailure extends Failure {
  index: number;
  what: string[];
  argv: string;
  stderr: string;
  dir: string;
}

describe("fuzz: mutated inputs and command lines keep the contract", () => {
  const indexes = ONLY.length ? ONLY : [...Array(CASES).keys()];
  const every = Math.max(1, Math.ceil(indexes.length / Math.max(1, SPAWN)));
  it(`${indexes.length} cases from seed ${SEED}`, async () => {
    expect(existsSync(join(import.meta.dirname, "..", "dist", "cli", "main.js")), "run `npm run build` first").toBe(true);
    await loadMain();
    const seeds = loadSeeds();
    const root = mkdtempSync(join(tmpdir(), "vardavtal-fuzz-"));
    const failures: CaseFailure[] = [];

    // The unmutated seeds' results, for the cases that must keep the money.
    const base = new Map<string, string>();
    for (const s of seeds.filter((x) => x.command === "calculate")) {
      const dir = join(root, `base-${s.name}`);
      const c = makeCase([s], new Rng(0));
      const plain = { ...c, what: [], outputs: { json: "out/result.json" }, outputsSpecial: false };
      plain.files = s.files;
      plain.setup(dir);
      const argv = ["calculate", "--tariff", join(dir, "in", "tariff.json"), "--consumption", join(dir, "in", "consumption.csv"), ...(s.files.population ? ["--population", join(dir, "in", "population.csv")] : []), "--json", join(dir, "out", "result.json")];
      const r = await runInProcess(argv);
      expect(r.code, `seed ${s.name} must compute: ${r.stderr}${r.threw ?? ""}`).toBe(0);
      base.set(s.name, readFileSync(join(dir, "out", "result.json"), "utf8"));
    }

    for (const [n, index] of indexes.entries()) {
      const rng = new Rng(caseSeed(SEED, index));
      const c = makeCase(seeds, rng);
      const dir = join(root, `case-${index}`);
      const spawned = n % every === 0 && SPAWN > 0;
      const readers = c.seed.command === "calculate" ? ["general", "fast"] : [""];
      const runs: { reader: string; run: RunOutcome; json?: string }[] = [];
      const fail = (f: Failure, run?: RunOutcome, argv: string[] = []) =>
        failures.push({ ...f, index, what: c.what, argv: argv.map((a) => (a.startsWith(dir) ? relative(dir, a) || "." : a)).join(" "), stderr: run ? run.stderr + (run.threw ? `\n[thrown] ${run.threw}` : "") : "", dir });
      for (const reader of readers) {
        c.setup(dir);
        const before = snapshot(dir);
        const argv = [...c.args(dir), ...(reader ? ["--reader", reader] : [])];
        const closedStdout = spawned && reader === "fast" && index % 2 === 0;
        const run = spawned ? runSpawned(argv, closedStdout) : await runInProcess(argv);
        const after = snapshot(dir);
        for (const f of checkRun(c, dir, run, before, after, `${spawned ? (closedStdout ? "bin | true" : "bin") : "in-process"}${reader ? ` --reader ${reader}` : ""}`)) fail(f, run, argv);
        const jsonPath = c.outputs.json && !c.outputsSpecial ? join(dir, c.outputs.json) : undefined;
        const json = (run.code === 0 || run.code === 1) && jsonPath && existsSync(jsonPath) ? readFileSync(jsonPath, "utf8") : undefined;
        runs.push({ reader, run, json });
        const e = c.expect;
        if ((e.kind === "same" || e.kind === "sameOrRejected") && !run.threw) {
          if (e.kind === "same" && run.code !== 0) fail({ cls: "a change that keeps the meaning was rejected", detail: `[${reader}] exit ${run.code}` }, run, argv);
          if (run.code === 0 && json) {
            try {
              const got = moneyOf(json);
              const want = moneyOf(base.get(c.seed.name) as string, e.rename);
              if (JSON.stringify(got) !== JSON.stringify(want)) fail({ cls: e.kind === "same" ? "WRONG MONEY: a change that keeps the meaning changed the result" : "WRONG MONEY: a renamed party changed the result", detail: `[${reader}] got ${JSON.stringify(got)}\nwant ${JSON.stringify(want)}` }, run, argv);
            } catch (err) {
              fail({ cls: "result unreadable", detail: String(err) }, run, argv);
            }
          }
        }
      }
      if (runs.length === 2) {
        const [g, f] = runs as [(typeof runs)[0], (typeof runs)[0]];
        const argv = c.args(dir);
        if (g.run.code !== f.run.code) fail({ cls: "fast/general: exit codes differ", detail: `general ${g.run.code}, fast ${f.run.code}\n--- general stderr:\n${g.run.stderr}\n--- fast stderr:\n${f.run.stderr}` }, f.run, argv);
        else if (JSON.stringify(diagLines(g.run.stderr)) !== JSON.stringify(diagLines(f.run.stderr))) fail({ cls: "fast/general: diagnostics differ", detail: `--- general:\n${diagLines(g.run.stderr).join("\n")}\n--- fast:\n${diagLines(f.run.stderr).join("\n")}` }, f.run, argv);
        if (g.json && f.json) {
          const a = JSON.stringify(comparableResult(g.json));
          const b = JSON.stringify(comparableResult(f.json));
          if (a !== b) fail({ cls: "fast/general: results differ", detail: firstDifference(g.json, f.json) }, f.run, argv);
        }
      }
      if (process.env.VARDAVTAL_FUZZ_TIMING) console.log(`case ${index} ${runs.map((r) => r.run.ms).join("+")} ms ${spawned ? "bin " : ""}${c.what.join(" | ")}`);
      if (!KEEP && !failures.some((x) => x.index === index)) rmSync(dir, { recursive: true, force: true });
    }
    if (!KEEP && !failures.length) rmSync(root, { recursive: true, force: true });
    if (REPORT) writeFileSync(REPORT, JSON.stringify({ seed: SEED, cases: indexes.length, failures }, null, 1));
    expect(failures.length, report(failures)).toBe(0);
  }, Math.max(600_000, indexes.length * 4_000));
});

function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i] && !/"reader"/.test(x[i] ?? "")) return `line ${i + 1}: general ${x[i]} | fast ${y[i]}`;
  return "(only reader lines)";
}

function report(failures: CaseFailure[]): string {
  const byClass = new Map<string, CaseFailure[]>();
  for (const f of failures) byClass.set(f.cls, [...(byClass.get(f.cls) ?? []), f]);
  const out = [`${failures.length} contract violations in ${byClass.size} classes (seed ${SEED}). Replay a case: VARDAVTAL_FUZZ_SEED=${SEED} VARDAVTAL_FUZZ_CASE=<n> VARDAVTAL_FUZZ_KEEP=1 npx vitest run test/fuzz.int.test.ts`];
  for (const [cls, list] of byClass) {
    out.push(`\n=== ${cls} — ${list.length}× (cases ${[...new Set(list.map((f) => f.index))].slice(0, 12).join(", ")})`);
    for (const f of list.slice(0, 2)) {
      out.push(`  seed ${SEED} case ${f.index}: ${f.what.join(" | ")}`);
      out.push(`  argv: ${f.argv}`);
      out.push(`  ${f.detail.slice(0, 1500).replace(/\n/g, "\n  ")}`);
      out.push(`  stderr: ${f.stderr.slice(0, 1500).replace(/\n/g, "\n  ")}`);
    }
  }
  return out.join("\n");
}
