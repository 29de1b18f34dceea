/**
 * `vardavtal demo --out DIR` never overwrites a controller's own files: it writes only into an
 * absent or empty folder, or one it wrote itself (its marker), and otherwise refuses, naming the
 * files, with exit 2 and nothing written.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runMain, tempDir } from "./helpers.js";

describe("demo --out", () => {
  it("refuses a folder holding a controller's own files and leaves them untouched", async () => {
    const dir = tempDir("vardavtal-demo-own-");
    writeFileSync(join(dir, "konsumtion-2025.csv"), "mina egna rader\n");
    writeFileSync(join(dir, "resultat-2025.json"), "{}\n");
    const r = await runMain(["demo", "--out", dir]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("error[DEMO_FOLDER_IN_USE]");
    expect(r.stderr).toContain("konsumtion-2025.csv, resultat-2025.json");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(["konsumtion-2025.csv", "resultat-2025.json"]);
    expect(readFileSync(join(dir, "konsumtion-2025.csv"), "utf8")).toBe("mina egna rader\n");
  });

  // the first run through the real bin (as `npm run demo` runs it), the others in process
  it("writes into a new folder, and again into the folder it wrote", async () => {
    const dir = join(tempDir("vardavtal-demo-new-"), "ut");
    const first = runCli(["demo", "--out", dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(dir, ".vardavtal-demo"))).toBe(true);
    const again = await runMain(["demo", "--out", dir]);
    expect(again.code, again.stderr).toBe(0);
  });

  it("writes into an empty folder", async () => {
    const dir = join(tempDir("vardavtal-demo-empty-"), "tom");
    mkdirSync(dir);
    const r = await runMain(["demo", "--out", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "resultat-2025.json"))).toBe(true);
  });
});
