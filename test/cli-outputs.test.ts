/**
 * The real `vardavtal` command and its output paths: never onto an input (by name, symbolic
 * link or hard link), never two outputs on one file, never onto a folder or a device, all
 * outputs or none (a closed stdout and a FIFO: test/process.int.test.ts); money options bounded and may be negative;
 * --strict turns warnings into errors.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, runMain, tempDir } from "./helpers.js";
import { asDecided } from "./decided.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const KEYCHECK = join(FIXTURES, "keycheck");
const WARN = join(FIXTURES, "warn-host-pays-itself");
const BUNDLED_2025 = join(ROOT, "tariffs", "2025.json");

/** A folder holding copies of the mini example's tariff and consumption. */
function workDir(): { dir: string; tariff: string; consumption: string } {
  const dir = tempDir("vardavtal-outputs-");
  copyFileSync(join(MINI, "tariff.json"), join(dir, "tariff.json"));
  copyFileSync(join(MINI, "consumption.csv"), join(dir, "consumption.csv"));
  return { dir, tariff: join(dir, "tariff.json"), consumption: join(dir, "consumption.csv") };
}

function bytes(file: string): Buffer {
  return readFileSync(file);
}

/** exit 2, the given code reported at FILE:1:1, nothing written, no stack trace */
function expectUsageError(r: { code: number; stderr: string }, code: string, file?: string): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(`error[${code}]`);
  if (file) expect(r.stderr).toContain(`${file}:1:1: error[${code}]`);
  expect(r.stderr).not.toMatch(/internal error|    at |EPIPE/);
}

describe("an output on an input is refused before the run (exit 2, the input unchanged)", () => {
  it("--json onto the consumption file", async () => {
    const w = workDir();
    const before = bytes(w.consumption);
    const r = await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", w.consumption]);
    expectUsageError(r, "OUTPUT_IS_INPUT", w.consumption);
    expect(bytes(w.consumption)).toEqual(before);
    expect(readdirSync(w.dir).sort()).toEqual(["consumption.csv", "tariff.json"]);
  });

  it("--xlsx onto the tariff file, and onto the bundled tariff", async () => {
    const w = workDir();
    const before = bytes(w.tariff);
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--xlsx", w.tariff, "--lang", "en"]), "OUTPUT_IS_INPUT", w.tariff);
    expect(bytes(w.tariff)).toEqual(before);
    const bundled = bytes(BUNDLED_2025);
    expectUsageError(await runMain(["calculate", "--tariff", "2025", "--consumption", w.consumption, "--xlsx", BUNDLED_2025]), "OUTPUT_IS_INPUT", BUNDLED_2025);
    expect(bytes(BUNDLED_2025)).toEqual(bundled);
  });

  it("--population as an output too", async () => {
    const w = workDir();
    const pop = join(w.dir, "befolkning.csv");
    writeFileSync(pop, "part;befolkning\nRJL;1\n");
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--population", pop, "--json", pop]), "OUTPUT_IS_INPUT", pop);
    expect(readFileSync(pop, "utf8")).toBe("part;befolkning\nRJL;1\n");
  });

  it("check-key --json onto the costs file", async () => {
    const dir = tempDir("vardavtal-outputs-");
    const costs = join(dir, "costs.csv");
    copyFileSync(join(KEYCHECK, "costs.csv"), costs);
    const before = bytes(costs);
    expectUsageError(await runMain(["check-key", "--tariff", join(KEYCHECK, "tariff.json"), "--costs", costs, "--json", costs]), "OUTPUT_IS_INPUT", costs);
    expectUsageError(await runMain(["check-key", "--tariff", join(KEYCHECK, "tariff.json"), "--costs", costs, "--xlsx", costs]), "OUTPUT_IS_INPUT", costs);
    expect(bytes(costs)).toEqual(before);
    expect(readdirSync(dir)).toEqual(["costs.csv"]);
  });

  it("--csv-dir holding an input named like an output (flows.csv)", async () => {
    const w = workDir();
    const out = join(w.dir, "out");
    mkdirSync(out);
    const flows = join(out, "flows.csv");
    copyFileSync(w.consumption, flows);
    const before = bytes(flows);
    const r = await runMain(["calculate", "--tariff", w.tariff, "--consumption", flows, "--csv-dir", out]);
    expectUsageError(r, "OUTPUT_IS_INPUT", flows);
    expect(r.stderr).toContain("--csv-dir");
    expect(bytes(flows)).toEqual(before);
    expect(readdirSync(out)).toEqual(["flows.csv"]);
  });

  it("a symbolic link to the input", async () => {
    const w = workDir();
    const link = join(w.dir, "link.json");
    symlinkSync(w.consumption, link);
    const before = bytes(w.consumption);
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", link]), "OUTPUT_IS_INPUT", link);
    expect(bytes(w.consumption)).toEqual(before);
    // and a link to the folder of the input, with the input's name
    const folderLink = join(tempDir("vardavtal-outputs-"), "here");
    symlinkSync(w.dir, folderLink);
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", join(folderLink, "consumption.csv")]), "OUTPUT_IS_INPUT");
    expect(bytes(w.consumption)).toEqual(before);
  });

  it("a hard link to the input", async () => {
    const w = workDir();
    const hard = join(w.dir, "hard.json");
    linkSync(w.consumption, hard);
    const before = bytes(w.consumption);
    const ino = statSync(w.consumption).ino;
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", hard]), "OUTPUT_IS_INPUT", hard);
    expect(bytes(w.consumption)).toEqual(before);
    expect(statSync(hard).ino).toBe(ino);
  });
});

describe("outputs: all or nothing, regular files only", () => {
  it("two outputs on one path", async () => {
    const w = workDir();
    const x = join(w.dir, "x");
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", x, "--xlsx", x]), "OUTPUT_TWICE", x);
    const out = join(w.dir, "out");
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", join(out, "net.csv"), "--csv-dir", out]), "OUTPUT_TWICE");
    expectUsageError(await runMain(["check-key", "--tariff", join(KEYCHECK, "tariff.json"), "--costs", join(KEYCHECK, "costs.csv"), "--json", x, "--xlsx", x]), "OUTPUT_TWICE", x);
    expect(readdirSync(w.dir).sort()).toEqual(["consumption.csv", "tariff.json"]);
  });

  it("--json ok.json --xlsx <a folder>: exit 2, ok.json as it was, no temp file", async () => {
    const w = workDir();
    const ok = join(w.dir, "ok.json");
    writeFileSync(ok, "older result\n");
    const folder = join(w.dir, "folder");
    mkdirSync(folder);
    const r = await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", ok, "--xlsx", folder]);
    expectUsageError(r, "OUTPUT_NOT_FILE", folder);
    expect(readFileSync(ok, "utf8")).toBe("older result\n");
    expect(readdirSync(w.dir).sort()).toEqual(["consumption.csv", "folder", "ok.json", "tariff.json"]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a device or a FIFO as output: exit 2, untouched", async () => {
    const w = workDir();
    // /dev/stdout: the child's stdout is a pipe (it must not be replaced, nor what it may lead to)
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", "/dev/stdout"]), "OUTPUT_NOT_FILE", "/dev/stdout");
    for (const dev of ["/dev/full", "/dev/null"]) {
      const before = statSync(dev, { bigint: true });
      expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--json", dev]), "OUTPUT_NOT_FILE", dev);
      expectUsageError(await runMain(["check-key", "--tariff", join(KEYCHECK, "tariff.json"), "--costs", join(KEYCHECK, "costs.csv"), "--xlsx", dev]), "OUTPUT_NOT_FILE", dev);
      const after = statSync(dev, { bigint: true });
      expect(after.isCharacterDevice()).toBe(true);
      expect(after.ino).toBe(before.ino);
    }
    // a FIFO: test/process.int.test.ts (making one takes a process)
  });

  it("--csv-dir must be a folder or absent; demo --out too", async () => {
    const w = workDir();
    const file = join(w.dir, "file.txt");
    writeFileSync(file, "keep\n");
    expectUsageError(await runMain(["calculate", "--tariff", w.tariff, "--consumption", w.consumption, "--csv-dir", file]), "OUTPUT_NOT_FILE", file);
    expectUsageError(await runMain(["demo", "--out", "/dev/null"]), "OUTPUT_NOT_FILE", "/dev/null");
    expectUsageError(await runMain(["demo", "--out", file]), "OUTPUT_NOT_FILE", file);
    expectUsageError(await runMain(["demo", "--out", join(file, "sub")]), "OUTPUT_NOT_FILE");
    expect(readFileSync(file, "utf8")).toBe("keep\n");
    expect(readdirSync(w.dir).sort()).toEqual(["consumption.csv", "file.txt", "tariff.json"]);
  });
});

describe("money options", () => {
  it("refuses --tolerance and --amount above the limit, in every output mode", async () => {
    const dir = tempDir("vardavtal-outputs-");
    const big = "99999999999999999999";
    const costs = join(KEYCHECK, "costs.csv");
    for (const extra of [[], ["--json", join(dir, "c.json")], ["--xlsx", join(dir, "c.xlsx")]]) {
      const r = await runMain(["check-key", "--tariff", "2025", "--costs", costs, "--tolerance", big, ...extra]);
      expectUsageError(r, "AMOUNT_TOO_LARGE", "--tolerance");
    }
    expect(readdirSync(dir)).toEqual([]);
    expectUsageError(await runMain(["key", "--tariff", "2025", "--amount", big]), "AMOUNT_TOO_LARGE", "--amount");
    expectUsageError(await runMain(["key", "--tariff", "2025", "--amount", "-" + big]), "AMOUNT_TOO_LARGE", "--amount");
    expect((await runMain(["key", "--tariff", "2025", "--amount", "1000000000000"])).code).toBe(0); // the limit itself
  });

  it("takes negative values: --amount -0,01 and --amount=-0,01; a negative tolerance is an error", async () => {
    for (const args of [["--amount", "-0,01"], ["--amount=-0,01"], ["--amount", "−0,01"]]) {
      const r = await runMain(["key", "--tariff", "2025", ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("summa -0,01");
    }
    const r = await runMain(["check-key", "--tariff", "2025", "--costs", join(KEYCHECK, "costs.csv"), "--tolerance", "-0,01"]);
    expectUsageError(r, "BAD_NUMBER", "--tolerance");
  });
});

describe("--strict", () => {
  it("turns a warning into an error: exit 2, error[CODE], nothing written", async () => {
    const dir = tempDir("vardavtal-outputs-");
    const json = join(dir, "r.json");
    const args = ["calculate", "--tariff", join(WARN, "tariff.json"), "--consumption", join(WARN, "consumption.csv"), "--json", json];
    const plain = await runMain(args);
    expect(plain.code, plain.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(["r.json"]);
    const older = readFileSync(json, "utf8");
    const r = await runMain([...args, "--strict"]);
    expectUsageError(r, "TARIFF_HOST_PAYS_ITSELF");
    expect(r.stderr).not.toContain("warning[");
    expect(r.stderr).toMatch(/\d+ fel i indata; inget skrevs\./);
    expect(readFileSync(json, "utf8")).toBe(older);
    expect(readdirSync(dir)).toEqual(["r.json"]);
    const key = await runMain(["key", "--tariff", join(WARN, "tariff.json"), "--strict", "--lang", "en"]);
    expectUsageError(key, "TARIFF_HOST_PAYS_ITSELF");
    expect(key.stdout).toBe("");
    // the bundled tariffs are illustrative: --strict refuses them
    expectUsageError(await runMain(["key", "--tariff", "2025", "--strict"]), "TARIFF_ILLUSTRATIVE");
    // without warnings, --strict changes nothing
    const decided = join(dir, "decided.json");
    writeFileSync(decided, JSON.stringify({ ...asDecided(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8")), $schema: undefined }));
    expect((await runMain(["calculate", "--tariff", decided, "--consumption", join(MINI, "consumption.csv"), "--strict"])).code).toBe(0);
    expect((await runMain(["key", "--tariff", decided, "--strict"])).code).toBe(0);
  });

  it("is in --help, in Swedish and English", async () => {
    expect((await runMain(["calculate", "--help"])).stdout).toMatch(/--strict\s+varningar räknas som fel/);
    expect((await runMain(["check-key", "--help", "--lang", "en"])).stdout).toMatch(/--strict\s+treat warnings as errors/);
  });
});
