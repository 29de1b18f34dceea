/**
 * Seeded mutation fuzzing of the year's commands (issue 23): propose, acconto, settle (a plan, an
 * earlier settlement, a payments CSV as paid; a forecast), compare, explain, overview, key and
 * check-key, each case one mutated input or argument over genuine files the commands wrote. The
 * contract each run keeps is in test/fuzz/year.ts: exit 0 or 2 (check-key 1 too), never a stack
 * trace, every diagnostic at FILE:LINE:COLUMN, nothing written on exit 2, a hand-edited file
 * never accepted, a re-formatted one the same, and on exit 0 the money adds up.
 *
 * In `npm test` a small seeded round; the big round once by hand:
 *   npm run build && VARDAVTAL_YEAR_FUZZ_CASES=2000 VARDAVTAL_YEAR_FUZZ_REPORT=/tmp/year-fuzz.json npx vitest run test/fuzz-year.int.test.ts
 * Environment: VARDAVTAL_YEAR_FUZZ_CASES (default 100), VARDAVTAL_YEAR_FUZZ_SEED,
 * VARDAVTAL_YEAR_FUZZ_CASE (case numbers to replay), VARDAVTAL_YEAR_FUZZ_REPORT (figures and
 * failures as JSON). Needs the build (`npm run build`).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMain } from "./fuzz/harness.js";
import { Rng, caseSeed } from "./fuzz/prng.js";
import { layOut, makeBase, makeYearCase, runYearCase, type YearCase } from "./fuzz/year.js";
import { FIXTURES } from "./helpers.js";

const CASES = Number(process.env.VARDAVTAL_YEAR_FUZZ_CASES || 100);
const SEED = Number(process.env.VARDAVTAL_YEAR_FUZZ_SEED || 0x23ea7) >>> 0;
const ONLY = (process.env.VARDAVTAL_YEAR_FUZZ_CASE || "").split(",").filter(Boolean).map(Number);
const REPORT = process.env.VARDAVTAL_YEAR_FUZZ_REPORT;

describe("fuzz: the year's commands under mutated plans, settlements, payments, results and scenarios", () => {
  const indexes = ONLY.length ? ONLY : [...Array(CASES).keys()];
  it(`${indexes.length} cases from seed ${SEED}`, async () => {
    expect(existsSync(join(import.meta.dirname, "..", "dist", "cli", "main.js")), "run `npm run build` first").toBe(true);
    await loadMain();
    const root = mkdtempSync(join(tmpdir(), "vardavtal-year-fuzz-"));
    const base = join(root, "base");
    await makeBase(base, join(FIXTURES, "spec", "mini-2025"));
    const baselines = new Map<string, { code: number | undefined; stdout: string }>();
    const baseline = async (c: YearCase): Promise<{ code: number | undefined; stdout: string }> => {
      const known = baselines.get(c.key);
      if (known) return known;
      const plain: YearCase = { ...c, mutated: { ...(c.mutated.file === "b.json" ? { file: "b.json" } : {}), what: "none", expect: "any" } };
      const dir = join(root, `baseline-${baselines.size}`);
      layOut(plain, base, dir);
      const r = await runYearCase(plain, dir);
      const got = { code: r.run.code, stdout: r.run.stdout };
      baselines.set(c.key, got);
      return got;
    };
    const failures: { index: number; command: string; what: string; failures: string[]; stderr: string }[] = [];
    const exits = new Map<string, number>();
    const byCommand = new Map<string, number>();
    const codes = new Map<string, number>();
    const t0 = Date.now();
    for (const index of indexes) {
      const rng = new Rng(caseSeed(SEED, index));
      const c = makeYearCase(rng, base);
      const dir = join(root, `case-${index}`);
      layOut(c, base, dir);
      const same = c.mutated.expect === "same" ? await baseline(c) : undefined;
      const r = await runYearCase(c, dir, same);
      exits.set(String(r.code), (exits.get(String(r.code)) ?? 0) + 1);
      byCommand.set(c.command, (byCommand.get(c.command) ?? 0) + 1);
      for (const m of r.run.stderr.matchAll(/ error\[([A-Z_]+)\]/g)) codes.set(m[1] as string, (codes.get(m[1] as string) ?? 0) + 1);
      if (r.failures.length > 0) failures.push({ index, command: c.command, what: c.mutated.what, failures: r.failures, stderr: r.run.stderr.slice(0, 2000) });
      else rmSync(dir, { recursive: true, force: true });
    }
    const figures = { cases: indexes.length, seed: SEED, seconds: Math.round((Date.now() - t0) / 1000), exits: Object.fromEntries(exits), commands: Object.fromEntries(byCommand), errorCodes: Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])), failures };
    if (REPORT) writeFileSync(REPORT, JSON.stringify(figures, null, 2) + "\n");
    if (failures.length === 0) rmSync(root, { recursive: true, force: true });
    expect(failures.map((f) => `case ${f.index} (${f.command}, ${f.what}): ${f.failures.join("; ")}\n${f.stderr.split("\n").slice(0, 3).join("\n")}`)).toEqual([]);
    // the round did what it is for: refusals and successes both, over every command
    if (indexes.length >= 100) {
      expect(exits.get("2") ?? 0).toBeGreaterThan(0);
      expect(exits.get("0") ?? 0).toBeGreaterThan(0);
      expect(byCommand.size).toBeGreaterThanOrEqual(10);
    }
  }, 600_000);
});
