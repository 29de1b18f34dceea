/**
 * Writing results: every file goes to a temporary name beside its target and is renamed into
 * place only when all of them were produced, so a failed run leaves no half-written file and
 * does not touch an older one. The renames are all-or-nothing too: an older file is kept as a
 * hard link (a backup name beside it) until every rename succeeded, and put back if one fails.
 */
import * as nodeFs from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { InputError, type Diagnostic, type FileProblem, type Params } from "../core/model/diagnostics.js";
import { phrase, type Phrase } from "../core/model/phrases.js";
import type { Lang } from "../text/messages.js";
import type { PendingFile } from "../render/format.js";

export type { PendingFile } from "../render/format.js";

/** The file-system calls writeFilesAtomically makes (replaceable in tests, to simulate failures). */
export type OutputFs = Pick<
  typeof nodeFs,
  "copyFileSync" | "linkSync" | "lstatSync" | "mkdirSync" | "readlinkSync" | "realpathSync" | "renameSync" | "rmdirSync" | "statSync" | "unlinkSync" | "writeFileSync"
>;

export interface WriteOptions {
  /**
   * @deprecated not read: a failure is an InputError whose diagnostics are codes with
   * parameters, worded in any language by renderDiagnostic
   */
  lang?: Lang;
  /** file-system calls to use instead of node:fs (tests) */
  fs?: Partial<OutputFs>;
}

export type OutputKind = "directory" | "device" | "fifo" | "socket" | "brokenLink" | "notFolder" | "other";

/** What a path leads to, as a coded phrase of a message (its words are in the catalogues). */
export function outputKindPhrase(kind: OutputKind): Phrase {
  return phrase(`output_kind_${kind}`);
}

function errno(e: unknown): string | undefined {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

/** Paths that name a process's streams or kernel files, never a file to replace (/dev/stdout may lead to a regular file). */
export function isSpecialPath(path: string): boolean {
  const p = resolve(path);
  return (p.startsWith("/dev/") && !p.startsWith("/dev/shm/")) || p.startsWith("/proc/");
}

/**
 * Where an output path really leads: `{ target }` (after symbolic links; the path itself when
 * nothing is there yet), `{ kind }` when it is anything but a regular file or nothing.
 */
export function outputTarget(path: string, fs: Pick<OutputFs, "lstatSync" | "statSync" | "realpathSync"> = nodeFs): { target: string; exists: boolean } | { kind: OutputKind } {
  if (isSpecialPath(path)) return { kind: "device" };
  let lst: nodeFs.Stats;
  try {
    lst = fs.lstatSync(path);
  } catch (e) {
    if (errno(e) === "ENOENT") return { target: resolve(path), exists: false };
    throw e;
  }
  let st = lst;
  let target = resolve(path);
  if (lst.isSymbolicLink()) {
    try {
      st = fs.statSync(path);
      target = fs.realpathSync(path);
    } catch (e) {
      if (errno(e) === "ENOENT" || errno(e) === "ELOOP" || errno(e) === "ENOTDIR") return { kind: "brokenLink" };
      throw e;
    }
    if (isSpecialPath(target)) return { kind: "device" };
  }
  if (st.isFile()) return { target, exists: true };
  return { kind: statKind(st) };
}

export function statKind(st: nodeFs.Stats): OutputKind {
  if (st.isDirectory()) return "directory";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "device";
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  return "other";
}

/** Why a write failed, in words: the folder is missing (ENOENT), or the file-system error's words. */
function reasonOf(e: unknown): Phrase | FileProblem | string {
  const code = errno(e);
  const message = e instanceof Error ? e.message : String(e);
  if (code === "ENOENT") return phrase("folder_missing", { code });
  if (code) return { errno: code, detail: message };
  return message;
}

function outputError(code: "OUTPUT_WRITE" | "OUTPUT_NOT_FILE", file: PendingFile, params: Params): InputError {
  const d: Diagnostic = { severity: "error", code, params: { option: file.option ?? file.path, ...params }, file: file.path, line: 1, column: 1 };
  return new InputError([d]);
}

function uniqueName(target: string, suffix: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.${suffix}`);
}

/**
 * Writes all files, all or nothing: temp files first, then (older files kept as backups) the
 * renames. On any failure the temps are removed, every older file is put back, folders made
 * for the run are removed, and an InputError with OUTPUT_WRITE is thrown. A target that exists
 * and is not a regular file (a directory, a device, a FIFO…) is never replaced: OUTPUT_NOT_FILE.
 * A symbolic link to a file is followed: the file it leads to is replaced, the link stays.
 */
export function writeFilesAtomically(files: PendingFile[], options: WriteOptions = {}): void {
  const fs: OutputFs = { ...nodeFs, ...options.fs };
  interface Step {
    file: PendingFile;
    target: string;
    exists: boolean;
    tmp?: string;
    backup?: string;
    renamed?: boolean;
  }
  const steps: Step[] = [];
  for (const file of files) {
    let where: ReturnType<typeof outputTarget>;
    try {
      where = outputTarget(file.path, fs);
    } catch (e) {
      throw outputError("OUTPUT_WRITE", file, { reason: reasonOf(e), restore: "" });
    }
    if ("kind" in where) throw outputError("OUTPUT_NOT_FILE", file, { kind: outputKindPhrase(where.kind) });
    steps.push({ file, target: where.target, exists: where.exists });
  }
  const createdDirs: string[] = [];
  let current: Step | undefined;
  try {
    for (const s of steps) {
      current = s;
      const dir = dirname(s.target);
      const first = fs.mkdirSync(dir, { recursive: true });
      if (first !== undefined) {
        // every folder from `first` down to `dir` is new
        const made: string[] = [];
        for (let d = dir; ; d = dirname(d)) {
          made.push(d);
          if (d === first || dirname(d) === d) break;
        }
        createdDirs.push(...made.reverse());
      }
      // Registered before the write: a write that fails half-way (a full disk) leaves a partial
      // temp file that the cleanup below must remove. Only a name someone else holds (EEXIST,
      // nothing written by us) is not ours to remove.
      const tmp = uniqueName(s.target, "tmp");
      s.tmp = tmp;
      try {
        fs.writeFileSync(tmp, s.file.data, { flag: "wx" });
      } catch (e) {
        if (errno(e) === "EEXIST") s.tmp = undefined;
        throw e;
      }
    }
    for (const s of steps) {
      current = s;
      if (!s.exists) continue;
      // Registered before the copy, like the temp file: a copy cut short by a full disk is removed.
      const backup = uniqueName(s.target, "bak");
      s.backup = backup;
      try {
        try {
          fs.linkSync(s.target, backup);
        } catch {
          fs.copyFileSync(s.target, backup, nodeFs.constants.COPYFILE_EXCL);
        }
      } catch (e) {
        if (errno(e) === "EEXIST") s.backup = undefined;
        throw e;
      }
    }
    for (const s of steps) {
      current = s;
      fs.renameSync(s.tmp as string, s.target);
      s.renamed = true;
    }
  } catch (e) {
    const failed = current as Step;
    const unrestored: string[] = [];
    for (const s of [...steps].reverse()) {
      if (s.renamed) {
        try {
          if (s.backup) {
            fs.renameSync(s.backup, s.target);
            s.backup = undefined;
          } else fs.unlinkSync(s.target);
        } catch {
          if (s.backup) unrestored.push(`${s.target} ← ${s.backup}`);
          s.backup = undefined; // keep it: it is the only copy of the older file
        }
      }
      for (const f of [s.renamed ? undefined : s.tmp, s.backup]) {
        if (!f) continue;
        try {
          fs.unlinkSync(f);
        } catch {
          /* already gone */
        }
      }
    }
    for (const d of createdDirs.reverse()) {
      try {
        fs.rmdirSync(d);
      } catch {
        /* not empty or gone: leave it */
      }
    }
    const restore = unrestored.length > 0 ? phrase("not_restored", { files: unrestored.join(", ") }) : "";
    throw outputError("OUTPUT_WRITE", failed.file, { reason: reasonOf(e), restore });
  }
  for (const s of steps) {
    if (!s.backup) continue;
    try {
      fs.unlinkSync(s.backup);
    } catch {
      /* a stale backup name is harmless */
    }
  }
}
