/**
 * Every output unchanged: the built command (`node bin/vardavtal.js`) is run as in
 * test/fixtures/outputs/runs.json (demo, calculate, key, check-key, check-tariff, compare, explain,
 * propose, acconto, settle, help) and on every bad-input fixture (test/fixtures/bad/*), and its
 * exit code, stdout, stderr and every file it writes (a SHA-256 of each) must be those recorded in
 * test/fixtures/outputs/manifest.json. A refactor that moves code must leave all of them
 * byte-identical; a difference prints the run's name and a diff of the text or of the list of
 * file digests (for a workbook, per part: which sheet, strings, styles …).
 *
 * When an output is meant to change, write the manifest again from the built code and commit it
 * with the change (the diff of manifest.json shows what changed):
 *
 *   npm run build --silent && node scripts/snapshot-outputs.js
 *
 * This file uses nothing but node: builtins and the built command (no src/, no helpers), so that
 * it holds while src/ moves. It runs the list as scripts/snapshot-outputs.js does, with its own
 * copy of the few functions (keep the two alike) and the script's own ZIP reader
 * (scripts/lib/zip-entries.js); that script's header says what would differ
 * from one run to the next and how it is made not to: SOURCE_DATE_EPOCH for the time; <DIR> and
 * <ROOT> for the temp folder and the project, both seen by the command at one fixed length,
 * because a workbook's column widths and row heights follow the length of the paths it shows (the
 * project through a symbolic link, with node's --preserve-symlinks-main); and, where an output
 * records the SHA-256 of an input that itself holds a path (resultat-2025.json), that input's
 * digest with placeholders instead.
 *
 * The runs of runs.json run in order in one folder (demo fills it), the bad cases meanwhile, each
 * in a copy of its folder; all of them, one at a time, in one child process that runs the built
 * command's `main` (dist/cli/main.js, what the bin calls) with each run's folder and environment
 * (scripts/lib/main-runner.js, started through the project's link as the script starts the bin).
 * The script spawns the bin for every run, so the manifest it writes is the bin's, and this test
 * holds that `main` run without a process start each gives every byte of it; a process for each
 * run cost three quarters of this file's time (test/runner-parity.int.test.ts holds the same for
 * the bin and `main` in process).
 */
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipEntries } from "../scripts/lib/zip-entries.js";

const ROOT = realpathSync(join(dirname(fileURLToPath(import.meta.url)), ".."));
const OUTPUTS = join(ROOT, "test", "fixtures", "outputs");
const BAD = join(ROOT, "test", "fixtures", "bad");
/** The length of every path the runs see: their folder and the project. */
const PATH_LENGTH = 100;

interface RunSpec {
  name: string;
  args: string[];
  write?: Record<string, string>;
}
interface RunList {
  env: Record<string, string>;
  runs: RunSpec[];
}
type Digest = string | { zip: string; entries: Record<string, string> };
interface Outcome {
  code: number | string;
  stdout: string;
  stderr: string;
  files: Record<string, Digest>;
}
interface Recorded extends Outcome {
  name: string;
  args: string[];
}
interface Manifest {
  env: Record<string, string>;
  pathLength: number;
  runs: Recorded[];
  bad: Recorded[];
}
interface Folder {
  dir: string;
  root: string;
  known: Map<string, string>;
}
type Settled = { ok: true; value: Outcome } | { ok: false; error: unknown };

const list = JSON.parse(readFileSync(join(OUTPUTS, "runs.json"), "utf8")) as RunList;
const manifest = JSON.parse(readFileSync(join(OUTPUTS, "manifest.json"), "utf8")) as Manifest;
const badCases = readdirSync(BAD)
  .filter((name) => existsSync(join(BAD, name, "case.json")))
  .sort();

const sha256 = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex");

/** The environment of every run: this one without what changes the command's output, and the runs' own. */
function runEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("VARDAVTAL_") || k === "NODE_OPTIONS") delete env[k];
  return { ...env, ...extra };
}

/** A temp folder holding a link to the project and the runs' folders, each a path of PATH_LENGTH characters. */
function sandbox(): { folder: (name: string) => Folder; remove: () => void } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), "vardavtal-out-")));
  if (base.length > PATH_LENGTH - 10) throw new Error(`the temp folder ${base} is too long for paths of ${PATH_LENGTH} characters: set TMPDIR to a shorter one`);
  const padded = (name: string): string => {
    const p = join(base, `${name}_`);
    return p + "_".repeat(PATH_LENGTH - p.length);
  };
  const root = padded("root");
  symlinkSync(ROOT, root, "dir");
  return {
    folder: (name) => {
      const dir = padded(name);
      mkdirSync(dir);
      return { dir, root, known: new Map() };
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Each path by its placeholder (the longest first), each hash in `hashes` by its digest; bytes read as latin1. */
function replacer(paths: [string, string][], hashes: Map<string, string>): { text: (s: string) => string; bytes: (b: Buffer) => Buffer } {
  const sorted = [...paths].sort((a, b) => b[0].length - a[0].length);
  const text = (s: string, encode: (x: string) => string): string => {
    for (const [from, to] of sorted) s = s.split(encode(from)).join(encode(to));
    // a JSON file's own digest covers its paths, so it differs from folder to folder: a placeholder
    s = s.replace(/"digest": "sha256:[0-9a-f]{64}"/g, '"digest": "sha256:<DIGEST>"');
    return hashes.size === 0 ? s : s.replace(/[0-9a-f]{64}/g, (h) => hashes.get(h) ?? h);
  };
  const latin1 = (x: string): string => Buffer.from(x, "utf8").toString("latin1");
  return { text: (s) => text(s, (x) => x), bytes: (buf) => Buffer.from(text(buf.toString("latin1"), latin1), "latin1") };
}

/** A file's digest with the replacements made; for a ZIP archive, of its entries' headers and contents, with each entry's own. */
function fileDigest(buf: Buffer, rep: ReturnType<typeof replacer>): Digest {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    const { entries, comment } = zipEntries(buf);
    const parts = entries.map((e) => ({ name: e.name, header: e.header, sha256: sha256(rep.bytes(e.content)) }));
    return { zip: sha256(JSON.stringify({ comment, entries: parts })), entries: Object.fromEntries(parts.map((e) => [e.name, e.sha256])) };
  }
  return sha256(rep.bytes(buf));
}

const digestHex = (d: Digest): string => (typeof d === "string" ? d : d.zip);

/** Every file under dir: relative name (with /) → SHA-256 of its bytes as they are. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = join(e.parentPath, e.name);
    out[relative(dir, abs).split(sep).join("/")] = sha256(readFileSync(abs));
  }
  return out;
}

let runner: { child: ChildProcess; ready: Promise<void>; queue: Promise<unknown> } | undefined;

/**
 * The built command's main in one child process for every run (runs.json and the bad cases)
 * (scripts/lib/main-runner.js, forked through the project's link with --preserve-symlinks, so
 * that the command sees the project at the path of fixed length, as a spawned bin does), one run
 * at a time: the runs' work without a process start and a cold start of the code each.
 */
function forkedMain(folder: Folder, args: string[], env: Record<string, string>): Promise<{ code: number | string; stdout: string; stderr: string }> {
  if (!runner) {
    const child = fork(join(folder.root, "scripts", "lib", "main-runner.js"), [], { cwd: folder.dir, env: runEnv(env), execArgv: ["--preserve-symlinks", "--preserve-symlinks-main"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const ready = new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`scripts/lib/main-runner.js exited (${code}) before it was ready`)));
    });
    runner = { child, ready, queue: Promise.resolve() };
  }
  const r = runner;
  const p = r.queue.then(async () => {
    await r.ready;
    return new Promise<{ code: number | string; stdout: string; stderr: string }>((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`scripts/lib/main-runner.js exited (${code}) during ${args.join(" ")}`));
      r.child.once("exit", onExit);
      r.child.once("message", (m) => {
        r.child.off("exit", onExit);
        resolve(m as { code: number; stdout: string; stderr: string });
      });
      r.child.send({ args, cwd: folder.dir, env: runEnv(env) });
    });
  });
  r.queue = p.catch(() => undefined);
  return p;
}

/**
 * One run in a folder: exit code, stdout and stderr with placeholders, the digest of every file
 * it wrote. folder.known maps each file's hash to its digest with placeholders (see the script).
 */
async function run(folder: Folder, args: string[], env: Record<string, string>, via: typeof forkedMain): Promise<Outcome> {
  const paths: [string, string][] = [
    [folder.dir, "<DIR>"],
    [folder.root, "<ROOT>"],
    [ROOT, "<ROOT>"],
  ];
  const before = tree(folder.dir);
  for (const [name, raw] of Object.entries(before)) {
    if (!folder.known.has(raw)) folder.known.set(raw, digestHex(fileDigest(readFileSync(join(folder.dir, name)), replacer(paths, folder.known))));
  }
  const filled = args.map((a) => a.split("<DIR>").join(folder.dir).split("<ROOT>").join(folder.root));
  const r = await via(folder, filled, env);
  const after = tree(folder.dir);
  const written = Object.keys(after)
    .filter((name) => before[name] !== after[name])
    .sort()
    .map((name) => ({ name, raw: after[name] as string, bytes: readFileSync(join(folder.dir, name)) }));
  let files: Record<string, Digest> = {};
  for (let round = 0; ; round++) {
    const rep = replacer(paths, folder.known);
    const next = Object.fromEntries(written.map((f) => [f.name, fileDigest(f.bytes, rep)]));
    for (const f of written) folder.known.set(f.raw, digestHex(next[f.name] as Digest));
    if (JSON.stringify(next) === JSON.stringify(files)) break;
    if (round > written.length) throw new Error(`the digests of the files written by ${args.join(" ")} do not settle`);
    files = next;
  }
  const rep = replacer(paths, folder.known);
  return { code: r.code, stdout: rep.text(r.stdout), stderr: rep.text(r.stderr), files };
}

/** The files written as lines, one per file and one per workbook part, for a readable diff. */
function filesText(files: Record<string, Digest>): string {
  const lines: string[] = [];
  for (const [name, d] of Object.entries(files)) {
    if (typeof d === "string") lines.push(`${name}  ${d}`);
    else {
      lines.push(`${name}  zip ${d.zip}`);
      for (const [entry, h] of Object.entries(d.entries)) lines.push(`${name} » ${entry}  ${h}`);
    }
  }
  return lines.join("\n") + "\n";
}

function compare(kind: string, name: string, actual: Outcome, expected: Recorded | undefined): void {
  if (!expected) throw new Error(`${kind} ${name} is not in test/fixtures/outputs/manifest.json: run npm run build --silent && node scripts/snapshot-outputs.js`);
  expect.soft(actual.code, `${kind} ${name}: exit code`).toBe(expected.code);
  expect.soft(actual.stdout, `${kind} ${name}: stdout`).toBe(expected.stdout);
  expect.soft(actual.stderr, `${kind} ${name}: stderr`).toBe(expected.stderr);
  expect.soft(filesText(actual.files), `${kind} ${name}: files written (name, SHA-256)`).toBe(filesText(expected.files));
}

const results = new Map<string, Promise<Settled>>();
let box: ReturnType<typeof sandbox> | undefined;

beforeAll(() => {
  const b = sandbox();
  box = b;
  const settle = (p: Promise<Outcome>): Promise<Settled> => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
  // the runs of runs.json, in order, in one folder
  const folder = b.folder("runs");
  let chain: Promise<unknown> = Promise.resolve();
  for (const r of list.runs) {
    const p = settle(
      chain.then(() => {
        for (const [name, text] of Object.entries(r.write ?? {})) {
          mkdirSync(dirname(join(folder.dir, name)), { recursive: true });
          writeFileSync(join(folder.dir, name), text);
        }
        return run(folder, r.args, list.env, forkedMain);
      }),
    );
    results.set(`run ${r.name}`, p);
    chain = p;
  }
  // the bad cases meanwhile, each in a copy of its folder (the same child, one run at a time)
  badCases.forEach((name, i) => {
    const c = JSON.parse(readFileSync(join(BAD, name, "case.json"), "utf8")) as { args: string[] };
    const f = b.folder(`bad${i + 1}`);
    cpSync(join(BAD, name), f.dir, { recursive: true });
    results.set(`bad ${name}`, settle(run(f, c.args, list.env, forkedMain)));
  });
});

afterAll(async () => {
  await Promise.all(results.values());
  runner?.child.kill();
  box?.remove();
});

async function outcome(key: string): Promise<Outcome> {
  const s = await (results.get(key) as Promise<Settled>);
  if (!s.ok) throw s.error;
  return s.value;
}

describe("every output of the command is unchanged", () => {
  it("the manifest was written for this list of runs and every bad case", () => {
    expect(manifest.env, "runs.json env").toEqual(list.env);
    expect(manifest.pathLength).toBe(PATH_LENGTH);
    const specs = (xs: { name: string; args: string[] }[]): string => xs.map((x) => `${x.name}: ${JSON.stringify(x.args)}`).join("\n") + "\n";
    expect(specs(manifest.runs), "runs.json changed since the manifest was written: run npm run build --silent && node scripts/snapshot-outputs.js").toBe(specs(list.runs));
    const cases = badCases.map((name) => ({ name, args: (JSON.parse(readFileSync(join(BAD, name, "case.json"), "utf8")) as { args: string[] }).args }));
    expect(specs(manifest.bad), "test/fixtures/bad changed since the manifest was written: run npm run build --silent && node scripts/snapshot-outputs.js").toBe(specs(cases));
  });

  for (const r of list.runs) {
    it(`run ${r.name}`, async () => {
      compare("run", r.name, await outcome(`run ${r.name}`), manifest.runs.find((m) => m.name === r.name));
    });
  }

  for (const name of badCases) {
    it(`bad case ${name}`, async () => {
      compare("bad case", name, await outcome(`bad ${name}`), manifest.bad.find((m) => m.name === name));
    });
  }
});
