/**
 * The in-process runner (runMain) against the real command (runCli, the built bin): the same
 * stdout, stderr and exit code for each kind of run the tests make in process, so that a test
 * moved from the one to the other still tests the command.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, runMain, tempDir } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const BAD = join(FIXTURES, "bad");
const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

const runs: { name: string; args: string[]; cwd?: string; env?: Record<string, string> }[] = [
  { name: "help (sv)", args: ["--help"] },
  { name: "a command's help (en)", args: ["calculate", "--help", "--lang", "en"] },
  { name: "version", args: ["--version"] },
  { name: "a usage error", args: ["frobnicate"] },
  { name: "no command", args: [] },
  { name: "calculate", args: ["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv")] },
  { name: "key (en, by VARDAVTAL_LANG)", args: ["key", "--tariff", "2025"], env: { VARDAVTAL_LANG: "en" } },
  { name: "bad input, relative paths", args: ["calculate", "--tariff", "tariff.json", "--consumption", "consumption.csv"], cwd: join(BAD, "MANY_ERRORS") },
  { name: "a malformed SOURCE_DATE_EPOCH", args: ["key", "--tariff", "2025"], env: { SOURCE_DATE_EPOCH: "yesterday" } },
  { name: "check-key with deviations (exit 1)", args: ["check-key", "--tariff", "2025", "--costs", join(FIXTURES, "..", "..", "examples", "2025", "gemensamma-kostnader-2025.csv")] },
];

describe("runMain gives what the bin gives", () => {
  for (const r of runs)
    it(r.name, async () => {
      const real = runCli(r.args, r.cwd, r.env);
      const here = await runMain(r.args, r.cwd, r.env);
      expect(here).toEqual(real);
    });

  it("writes the same workbook bytes under SOURCE_DATE_EPOCH, and restores cwd and env after", async () => {
    const out = tempDir();
    const args = (f: string) => ["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--xlsx", join(out, f)];
    const cwd = process.cwd();
    const before = process.env.SOURCE_DATE_EPOCH;
    expect(runCli(args("real.xlsx"), undefined, EPOCH).code).toBe(0);
    expect((await runMain(args("here.xlsx"), out, EPOCH)).code).toBe(0);
    expect(readFileSync(join(out, "here.xlsx")).equals(readFileSync(join(out, "real.xlsx")))).toBe(true);
    expect([process.cwd(), process.env.SOURCE_DATE_EPOCH]).toEqual([cwd, before]);
  });
});
