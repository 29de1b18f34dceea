/**
 * writeFilesAtomically: all or nothing. A failure at any step (a temp file, a backup, a rename)
 * leaves every older file as it was (the same file: content and inode), no temp or backup file,
 * and no folder made for the run; a target that is not a regular file is never replaced.
 */
import * as fs from "node:fs";
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, type Diagnostic } from "../src/core/model/diagnostics.js";
import { messageText } from "../src/text/diagnostics.js";
import { writeFilesAtomically, type OutputFs, type PendingFile } from "../src/node/atomic-write.js";
import { tempDir } from "./helpers.js";

function codesOf(f: () => void): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
}

/** A folder with two older files; three outputs: the two, and a new one in a new sub-folder. */
function scene(): { dir: string; files: PendingFile[]; inodes: Map<string, number> } {
  const dir = tempDir("vardavtal-output-");
  writeFileSync(join(dir, "a.json"), "old a\n");
  writeFileSync(join(dir, "b.xlsx"), "old b\n");
  const inodes = new Map(["a.json", "b.xlsx"].map((n) => [n, statSync(join(dir, n)).ino]));
  const files: PendingFile[] = [
    { path: join(dir, "a.json"), data: "new a\n", option: "--json" },
    { path: join(dir, "b.xlsx"), data: "new b\n", option: "--xlsx" },
    { path: join(dir, "csv", "deep", "flows.csv"), data: "new flows\n", option: "--csv-dir" },
  ];
  return { dir, files, inodes };
}

function expectUntouched(dir: string, inodes: Map<string, number>): void {
  expect(readdirSync(dir).sort()).toEqual(["a.json", "b.xlsx"]); // no temp, no backup, no new folder
  expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old a\n");
  expect(readFileSync(join(dir, "b.xlsx"), "utf8")).toBe("old b\n");
  for (const [name, ino] of inodes) expect(statSync(join(dir, name)).ino).toBe(ino);
}

/** node:fs, with renames of temp files into place failing from the `n`th one on. */
function failingRename(n: number): Partial<OutputFs> {
  let count = 0;
  return {
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (String(from).endsWith(".tmp") && ++count >= n) throw Object.assign(new Error(`EACCES: permission denied, rename '${String(from)}'`), { code: "EACCES" });
      fs.renameSync(from, to);
    },
  };
}

describe("writeFilesAtomically", () => {
  it("writes every file and leaves nothing else behind", () => {
    const { dir, files } = scene();
    writeFilesAtomically(files);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.xlsx", "csv"]);
    expect(readdirSync(join(dir, "csv", "deep"))).toEqual(["flows.csv"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("new a\n");
    expect(readFileSync(join(dir, "b.xlsx"), "utf8")).toBe("new b\n");
  });

  it("says so, and where the older file is kept, when it cannot put one back", () => {
    const { dir, files } = scene();
    let count = 0;
    const fsMock: Partial<OutputFs> = {
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        // the second file's move into place fails, and so does putting the first one back
        if (String(from).endsWith(".tmp") && ++count >= 2) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
        if (String(from).endsWith(".bak")) throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
        fs.renameSync(from, to);
      },
    };
    let error: unknown;
    try {
      writeFilesAtomically(files, { fs: fsMock });
    } catch (e) {
      error = e;
    }
    const d = (error as InputError).diagnostics[0] as Diagnostic;
    const text = messageText(d, "sv");
    expect(text).toMatch(/^kan inte skriva --xlsx: behörighet saknas \(EACCES\); KUNDE INTE ÅTERSTÄLLA, den äldre filen finns kvar som: .*a\.json ← .*; inget skrevs/);
    expect(messageText(d, "en")).toContain("; COULD NOT RESTORE, the older file is kept as: ");
    expect(readdirSync(dir).some((f) => f.endsWith(".bak"))).toBe(true);
  });

  for (const n of [1, 2, 3]) {
    it(`puts every older file back when rename ${n} of 3 fails`, () => {
      const { dir, files, inodes } = scene();
      let error: unknown;
      try {
        writeFilesAtomically(files, { fs: failingRename(n), lang: "en" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      const d = (error as InputError).diagnostics[0];
      expect(d?.code).toBe("OUTPUT_WRITE");
      expect(d?.file).toBe(files[n - 1]?.path);
      // the reason is coded (the errno), worded where the diagnostic is shown
      expect(d?.params.reason).toMatchObject({ errno: "EACCES" });
      expect(messageText(d as Diagnostic, "en")).toContain("permission denied (EACCES)");
      expect(messageText(d as Diagnostic, "sv")).toContain("behörighet saknas (EACCES)");
      expectUntouched(dir, inodes);
    });
  }

  it("changes nothing when a temp file cannot be written", () => {
    const { dir, files, inodes } = scene();
    let count = 0;
    const writeFileSync: OutputFs["writeFileSync"] = (file, data, options) => {
      if (++count === 3) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      fs.writeFileSync(file, data, options);
    };
    expect(codesOf(() => writeFilesAtomically(files, { fs: { writeFileSync } }))).toEqual(["OUTPUT_WRITE"]);
    expectUntouched(dir, inodes);
  });

  it("changes nothing when a backup cannot be made", () => {
    const { dir, files, inodes } = scene();
    const fail = (): never => {
      throw Object.assign(new Error("EPERM"), { code: "EPERM" });
    };
    expect(codesOf(() => writeFilesAtomically(files, { fs: { linkSync: fail, copyFileSync: fail } }))).toEqual(["OUTPUT_WRITE"]);
    expectUntouched(dir, inodes);
  });

  it("never replaces a folder, a device or a FIFO", () => {
    const dir = tempDir("vardavtal-output-");
    writeFileSync(join(dir, "ok.json"), "old\n");
    mkdirSync(join(dir, "folder"));
    for (const target of [join(dir, "folder"), "/dev/null", "/dev/full"]) {
      expect(codesOf(() => writeFilesAtomically([{ path: join(dir, "ok.json"), data: "new\n" }, { path: target, data: "x" }]))).toEqual(["OUTPUT_NOT_FILE"]);
    }
    expect(readdirSync(dir).sort()).toEqual(["folder", "ok.json"]);
    expect(readdirSync(join(dir, "folder"))).toEqual([]);
    expect(readFileSync(join(dir, "ok.json"), "utf8")).toBe("old\n");
  });

  it("replaces the file a symbolic link leads to and keeps the link", () => {
    const dir = tempDir("vardavtal-output-");
    writeFileSync(join(dir, "real.json"), "old\n");
    symlinkSync("real.json", join(dir, "link.json"));
    writeFilesAtomically([{ path: join(dir, "link.json"), data: "new\n" }]);
    expect(fs.lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.json"), "utf8")).toBe("new\n");
    expect(readdirSync(dir).sort()).toEqual(["link.json", "real.json"]);
  });
});
