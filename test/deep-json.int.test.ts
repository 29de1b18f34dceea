/**
 * Deeply nested JSON (`[` × 200 000) given to any command that reads JSON: one guard before every
 * JSON parser refuses it as bad input (exit 2, with its position), never a stack overflow.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, runMain, tempDir } from "./helpers.js";

let dir = "";

beforeAll(async () => {
  dir = tempDir("vardavtal-deep-");
  writeFileSync(join(dir, "deep.json"), "[".repeat(200_000));
  writeFileSync(join(dir, "deep-object.json"), '{"a":'.repeat(100_000));
  const demo = await runMain(["demo", "--out", join(dir, "demo")]);
  expect(demo.code, demo.stderr).toBe(0);
}, 120_000);

describe("deeply nested JSON", () => {
  const cases: [string, (d: string, deep: string) => string[]][] = [
    ["settle --result", (d, deep) => ["settle", "--result", deep, "--paid", join(d, "acconto-2025.json")]],
    ["settle --paid", (d, deep) => ["settle", "--result", join(d, "resultat-2025.json"), "--paid", deep]],
    ["compare", (d, deep) => ["compare", deep, join(d, "resultat-2025.json")]],
    ["propose --results", (_d, deep) => ["propose", "--tariff", "2025", "--results", deep, "--index", "2026=2", "--out", join(dir, "p.json")]],
    ["calculate --scenario", (d, deep) => ["calculate", "--tariff", "2025", "--consumption", join(d, "konsumtion-2025.csv"), "--scenario", deep]],
    ["calculate --tariff", (d, deep) => ["calculate", "--tariff", deep, "--consumption", join(d, "konsumtion-2025.csv")]],
    ["overview --plan", (_d, deep) => ["overview", "--plan", deep]],
  ];
  // the first case through the real bin (a process's own stack), the others in process
  for (const [k, [name, args]] of cases.entries()) {
    it(`${name}: exit 2, an error with its position, no stack trace`, async () => {
      for (const file of ["deep.json", "deep-object.json"]) {
        const argv = args(join(dir, "demo"), join(dir, file));
        const r = k === 0 ? runCli(argv) : await runMain(argv);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/:\d+:\d+: error\[[A-Z_]+\]/);
        expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|\n\s+at |internal error/);
      }
    }, 60_000);
  }
});
