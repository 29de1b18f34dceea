/**
 * What only a real `vardavtal` process shows, run through the built bin: a closed stdout ends the
 * run quietly with the run's own exit code; a FIFO is no output file; the fast reader's worker
 * threads (they load from dist/); a run under a small heap. The rest of the command's checks run
 * in process (runMain); test/runner-parity.int.test.ts holds that both give the same.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, runCli, tempDir } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const MINI_TARIFF = join(MINI, "tariff.json");
const KEYCHECK = join(FIXTURES, "keycheck");
const HEAD = "år;säljare;köpare;verksamhet;belopp\n";

function file(dir: string, name: string, data: string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe("a closed stdout ends the run quietly", () => {
  it("key --tariff 2025 | head -1", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" key --tariff 2025 | head -1`], { encoding: "utf8" });
    expect(r.stdout).toBe("Överenskommelse 2025, Sydöstra sjukvårdsregionen\n");
    expect(r.stderr).not.toMatch(/EPIPE|    at |internal error|Error/);
    expect(r.status).toBe(0);
  });

  it("check-key with deviations | head -1 keeps exit code 1; --help | head -1 is 0", () => {
    const dir = tempDir("vardavtal-outputs-");
    const json = join(dir, "check.json");
    const unpiped = runCli(["check-key", "--tariff", "2025", "--costs", join(KEYCHECK, "costs.csv")]);
    expect([0, 1]).toContain(unpiped.code);
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" check-key --tariff 2025 --costs "${join(KEYCHECK, "costs.csv")}" --json "${json}" | head -1`], { encoding: "utf8" });
    expect(r.stderr).not.toMatch(/EPIPE|    at |internal error/);
    expect(r.status).toBe(unpiped.code); // what the run returns: 1 only for deviations
    expect(JSON.parse(readFileSync(json, "utf8")).format).toBe("vardavtal-keycheck/1"); // outputs already written stay
    const h = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" --help | head -1`], { encoding: "utf8" });
    expect(h.status).toBe(0);
    expect(h.stderr).toBe("");
  });
});

describe("outputs a process needs to show", () => {
  it("a FIFO as output: exit 2, untouched", () => {
    const dir = tempDir("vardavtal-outputs-");
    const fifo = join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = runCli(["calculate", "--tariff", MINI_TARIFF, "--consumption", join(MINI, "consumption.csv"), "--xlsx", fifo]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${fifo}:1:1: error[OUTPUT_NOT_FILE]`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it("the fast reader (worker threads) gives CSV_FIELD_COUNT where the general reader does", () => {
    const dir = tempDir();
    const csv = file(dir, "c.csv", "datum,säljare,köpare,verksamhet,drg,poäng,belopp\n2025-02-03,RÖ,RJL,neurokirurgi,B03A,2,5,\n2025-02-04,RÖ,RJL,neurokirurgi,B03A,1,\n");
    const fast = runCli(["calculate", "--tariff", MINI_TARIFF, "--consumption", csv, "--reader", "fast"]);
    expect(fast.code, fast.stderr).toBe(2);
    expect(fast.stderr).toContain("c.csv:2:");
    expect(fast.stderr).toContain("error[CSV_FIELD_COUNT]");
    expect(fast).toEqual(runCli(["calculate", "--tariff", MINI_TARIFF, "--consumption", csv, "--reader", "general"]));
  });

  it("blank lines cost neither memory nor a record (under a 200 MB heap); a file may start with them", () => {
    const dir = tempDir();
    const csv = file(dir, "c.csv", `\n\r\n${HEAD}${"\n".repeat(2 << 20)}${"\r".repeat(1 << 20)}2025;RÖ;RJL;neurokirurgi;1,00\n`);
    const r = runCli(["calculate", "--tariff", MINI_TARIFF, "--consumption", csv, "--reader", "general", "--json", join(dir, "r.json")], undefined, { NODE_OPTIONS: "--max-old-space-size=200" });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).rows).toEqual({ read: 1, counted: 1 });
  });
});
