/**
 * A write cut short by a full disk: the partial temp file (or the partial backup copy) is
 * registered before it is written, so the cleanup removes it and nothing is left beside the
 * outputs; the older files stay as they were.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/core/model/diagnostics.js";
import { writeFilesAtomically } from "../src/node/atomic-write.js";
import { tempDir } from "./helpers.js";

const enospc = (): Error => Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });

function failingRun(run: () => void): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
}

describe("a full disk in the middle of a write", () => {
  it("removes the half-written temp file of the second output", () => {
    const dir = tempDir("vardavtal-full-");
    fs.writeFileSync(join(dir, "r.xlsx"), "old workbook");
    let count = 0;
    const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
      if (++count === 2) {
        // half of the bytes reach the disk, then the disk is full
        fs.writeFileSync(file, String(data).slice(0, 3), options);
        throw enospc();
      }
      fs.writeFileSync(file, data, options);
    };
    const files = [
      { path: join(dir, "r.json"), data: "{}\n" },
      { path: join(dir, "r.xlsx"), data: "new workbook bytes" },
    ];
    expect(failingRun(() => writeFilesAtomically(files, { fs: { writeFileSync } }))).toEqual(["OUTPUT_WRITE"]);
    expect(fs.readdirSync(dir).sort()).toEqual(["r.xlsx"]);
    expect(fs.readFileSync(join(dir, "r.xlsx"), "utf8")).toBe("old workbook");
  });

  it("removes a backup copy cut short", () => {
    const dir = tempDir("vardavtal-full-");
    fs.writeFileSync(join(dir, "r.json"), "older result");
    const linkSync = (): never => {
      throw Object.assign(new Error("EXDEV"), { code: "EXDEV" });
    };
    const copyFileSync: typeof fs.copyFileSync = (src, dest) => {
      fs.writeFileSync(dest, "old");
      void src;
      throw enospc();
    };
    expect(failingRun(() => writeFilesAtomically([{ path: join(dir, "r.json"), data: "new" }], { fs: { linkSync, copyFileSync } }))).toEqual(["OUTPUT_WRITE"]);
    expect(fs.readdirSync(dir)).toEqual(["r.json"]);
    expect(fs.readFileSync(join(dir, "r.json"), "utf8")).toBe("older result");
  });

  it("never removes a temp name that someone else holds (EEXIST)", () => {
    const dir = tempDir("vardavtal-full-");
    let held = "";
    const writeFileSync: typeof fs.writeFileSync = (file) => {
      held = String(file);
      fs.writeFileSync(held, "someone else's");
      throw Object.assign(new Error("EEXIST"), { code: "EEXIST" });
    };
    expect(failingRun(() => writeFilesAtomically([{ path: join(dir, "r.json"), data: "new" }], { fs: { writeFileSync } }))).toEqual(["OUTPUT_WRITE"]);
    expect(fs.readFileSync(held, "utf8")).toBe("someone else's");
  });
});
