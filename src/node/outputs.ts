/**
 * The output paths of a run, checked before anything is read or computed: an output may not be
 * one of the inputs (after symbolic links, and by device and inode, so a hard link counts too),
 * two outputs may not be the same file, and an output that exists must be a regular file
 * (a folder option: a folder). Problems are usage errors (exit 2); nothing is written.
 */
import { lstatSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DiagnosticBag, InputError, type Diagnostic } from "../core/model/diagnostics.js";
import type { Lang } from "../text/messages.js";
import { isSpecialPath, outputKindPhrase, outputTarget, statKind, writeFilesAtomically, type PendingFile } from "./atomic-write.js";
import { resolveTariffArg } from "./paths.js";
import { tableArg } from "./table-arg.js";

export interface PathArg {
  /** the option that named it (`--json`, `--consumption`) */
  option: string;
  path: string;
}

export interface OutputPlan {
  /** the files the run reads (a bundled tariff by its path in the package) */
  inputs: PathArg[];
  /** the files the run writes */
  files: PathArg[];
  /** folders the run writes into (`--csv-dir`, `demo --out`): a folder or nothing there yet */
  dirs?: PathArg[];
}

/** The same file, however named: the canonical path, and device and inode when it exists. */
interface Identity {
  canonical: string;
  dev?: number;
  ino?: number;
}

function errno(e: unknown): string | undefined {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

/** The real path, also for a path that does not exist yet (its nearest existing folder's real path + the rest). */
export function canonicalPath(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(canonicalPath(parent), basename(abs));
  }
}

function identity(path: string): Identity {
  const id: Identity = { canonical: canonicalPath(path) };
  try {
    const st = statSync(path);
    id.dev = st.dev;
    id.ino = st.ino;
  } catch {
    /* nothing there (yet) */
  }
  return id;
}

function sameFile(a: Identity, b: Identity): boolean {
  if (a.canonical === b.canonical) return true;
  return a.ino !== undefined && a.dev === b.dev && a.ino === b.ino;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if (errno(e) === "ENOENT" || errno(e) === "ENOTDIR") return undefined;
    throw e;
  }
}

/** Whether a file stands where a folder on the way to `path` would have to be made (`out.txt/sub/x.json`). */
function fileOnTheWay(path: string): boolean {
  for (let d = dirname(resolve(path)); ; d = dirname(d)) {
    try {
      return !statSync(d).isDirectory();
    } catch (e) {
      if (errno(e) !== "ENOENT" && errno(e) !== "ENOTDIR") return false; // cannot look: writing will tell
    }
    if (dirname(d) === d) return false;
  }
}

/** Every problem with the output paths of a run, as error diagnostics (empty when all is well). */
export function checkOutputPaths(plan: OutputPlan, lang: Lang): Diagnostic[] {
  const bag = new DiagnosticBag();
  const at = (p: PathArg) => ({ file: p.path, line: 1, column: 1 });
  const notFile = (p: PathArg, kind: Parameters<typeof outputKindPhrase>[0]) => bag.error("OUTPUT_NOT_FILE", { option: p.option, kind: outputKindPhrase(kind) }, at(p));

  // A folder that cannot be one is reported once; the files and folders inside it are not looked at.
  const badDirs: string[] = [];
  const insideBad = (p: string): boolean => {
    const c = canonicalPath(p);
    return badDirs.some((d) => c === d || c.startsWith(d.endsWith("/") ? d : `${d}/`));
  };
  for (const d of plan.dirs ?? []) {
    if (insideBad(d.path)) continue;
    const before = bag.errors.length;
    if (isSpecialPath(d.path)) notFile(d, "device");
    else if (fileOnTheWay(d.path)) notFile(d, "notFolder");
    else {
      let st: Stats | undefined;
      try {
        st = statOrUndefined(d.path);
      } catch {
        st = undefined; // cannot look (e.g. no permission): writing will tell
      }
      if (st && !st.isDirectory()) notFile(d, st.isFile() ? "notFolder" : statKind(st));
      else if (!st) {
        // nothing there, or a symbolic link that leads nowhere (it would not become a folder)
        try {
          if (lstatSync(d.path).isSymbolicLink()) notFile(d, "brokenLink");
        } catch {
          /* nothing there: the folder is made when the results are written */
        }
      }
    }
    if (bag.errors.length > before) badDirs.push(canonicalPath(d.path));
  }

  const outputs: (PathArg & { id: Identity })[] = [];
  for (const f of plan.files) {
    if (insideBad(f.path)) continue;
    if (fileOnTheWay(f.path)) {
      notFile(f, "notFolder");
      continue;
    }
    let where: ReturnType<typeof outputTarget>;
    try {
      where = outputTarget(f.path);
    } catch {
      continue; // cannot look (e.g. no permission): writing will tell
    }
    if ("kind" in where) notFile(f, where.kind);
    outputs.push({ ...f, id: identity(f.path) });
  }
  // "" names no file; `FILE.xlsx#Blad` names the workbook FILE.xlsx
  const inputs = plan.inputs.filter((i) => i.path !== "").map((i) => ({ ...i, id: identity(tableArg(i.path).file) }));
  for (const o of outputs) {
    const input = inputs.find((i) => sameFile(o.id, i.id));
    if (input) bag.error("OUTPUT_IS_INPUT", { input: input.path, option: o.option }, at(o));
  }
  const all = [...outputs, ...(plan.dirs ?? []).filter((d) => !insideBad(d.path)).map((d) => ({ ...d, id: identity(d.path) }))];
  for (let j = 1; j < all.length; j++) {
    const b = all[j] as (typeof all)[number];
    const a = all.slice(0, j).find((x) => sameFile(x.id, b.id));
    if (a) bag.error("OUTPUT_TWICE", { option: a.option, other: b.option }, at(b));
  }
  return bag.errors;
}

/** Throws an InputError (exit 2, nothing written) when the output paths of a run have a problem. */
export function assertOutputPaths(plan: OutputPlan, lang: Lang): void {
  const errors = checkOutputPaths(plan, lang);
  if (errors.length > 0) throw new InputError(errors);
}

/** The names `--csv-dir` writes (src/render/csv/result-csv.ts), checked before the run. */
export const CSV_DIR_FILES = ["flows.csv", "net.csv", "transfers.csv", "key.csv", "areas.csv"] as const;

export { failOnWarnings } from "./strict.js";

/** The tariff argument as an input file: a path, or the bundled file a year stands for. */
export function tariffInput(arg: string): PathArg[] {
  const r = resolveTariffArg(arg);
  return "path" in r ? [{ option: "--tariff", path: r.path }] : [];
}

/**
 * Writes the outputs all or nothing, after checking the files actually produced once more (the
 * same checks as before the run: a file list that grew, or a path that changed meanwhile).
 */
export function writeOutputs(files: PendingFile[], inputs: PathArg[], dirs: PathArg[], lang: Lang): void {
  assertOutputPaths({ inputs, files: files.map((f) => ({ option: f.option ?? f.path, path: f.path })), dirs }, lang);
  writeFilesAtomically(files);
}
