#!/usr/bin/env node
// Writes test/fixtures/outputs/manifest.json: what the built command line writes for the runs of
// test/fixtures/outputs/runs.json and for every bad-input fixture (test/fixtures/bad/*/case.json),
// so that test/outputs-unchanged.test.ts can show that a refactor changed no output byte.
//
//   npm run build --silent && node scripts/snapshot-outputs.js [--out FILE]
//
// Per run: the exit code, stdout and stderr, and a SHA-256 of every file the run wrote (new or
// changed in its folder). Plain Node, no dependencies, nothing imported from src/ or dist/: the
// command is spawned as `node bin/vardavtal.js …`, as a user runs it. The runs of runs.json run
// in order in one folder (the first, demo, fills it); each bad case runs in a copy of its folder.
//
// What would differ from one run of this script to the next, and how it is made not to:
// - Time: SOURCE_DATE_EPOCH (runs.json) fixes the time the command writes into its files.
// - Paths: the outputs name the folder the runs use (a new temp folder each time) and the project
//   folder (the bundled tariffs, examples/), which differs between checkouts. In stdout, stderr
//   and files they are replaced by <DIR> and <ROOT> before anything is compared or hashed.
// - The length of those paths: a workbook's layout depends on it (a column is as wide as the
//   longest path in it; a sentence holding a path wraps, and its row grows, by its length). So
//   the runs see both at one fixed length, PATH_LENGTH: the folder is padded to it with "_", and
//   the project is reached through a symbolic link of that length, which node keeps as the
//   package's path with --preserve-symlinks-main and --preserve-symlinks (it would otherwise
//   follow the link, and the tariffs' path would be the project's own).
// - Hashes of inputs: an output records the SHA-256 of each file it read (the workbooks' input
//   sheet), and an input written by an earlier run (resultat-2025.json …) holds paths, so its
//   hash differs from folder to folder. Each such hash is replaced by the input's own digest with
//   placeholders (the digest this manifest records for it: 64 hex digits too, so nothing moves).
// - Workbooks (.xlsx) are ZIP archives with compressed entries, so the replacements are made in
//   each entry's uncompressed bytes: the digest of a workbook covers every entry's name, order,
//   method, flags, time and attributes and its content, not the compressed bytes nor the CRC and
//   sizes, which follow from the content. Each entry's own digest is listed too, so that a
//   change shows which part of a workbook changed.
// - The JSON files' own digests (`"digest": "sha256:…"`, over their content, paths included) are
//   replaced by `sha256:<DIGEST>`: the content they cover is digested anyway, and the readers'
//   tests hold every digest a writer writes.
//
// test/outputs-unchanged.test.ts runs the same list in the same folders (its own copy of these
// functions, so that it depends on nothing but node: and the built command): keep the two alike.
// It runs the built main for every run in one child process (scripts/lib/main-runner.js, started
// through the same link): so it holds that main without a process each writes what the bin wrote.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { zipEntries } from "./lib/zip-entries.js";

const ROOT = realpathSync(join(dirname(fileURLToPath(import.meta.url)), ".."));
const OUTPUTS = join(ROOT, "test", "fixtures", "outputs");
const BAD = join(ROOT, "test", "fixtures", "bad");
/** The length of every path the runs see: their folder and the project (see the header). */
const PATH_LENGTH = 100;

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** The environment of every run: this one without what changes the command's output, and the runs' own. */
function runEnv(extra) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("VARDAVTAL_") || k === "NODE_OPTIONS") delete env[k];
  return { ...env, ...extra };
}

/**
 * A temp folder holding a link to the project and the runs' folders, each a path of PATH_LENGTH
 * characters (a short name padded with "_").
 */
function sandbox() {
  const base = realpathSync(mkdtempSync(join(tmpdir(), "vardavtal-out-")));
  if (base.length > PATH_LENGTH - 10) throw new Error(`the temp folder ${base} is too long for paths of ${PATH_LENGTH} characters: set TMPDIR to a shorter one`);
  const padded = (name) => {
    const p = join(base, `${name}_`);
    return p + "_".repeat(PATH_LENGTH - p.length);
  };
  const root = padded("root");
  symlinkSync(ROOT, root, "dir");
  return {
    root,
    folder: (name) => {
      const dir = padded(name);
      mkdirSync(dir);
      return { dir, root, known: new Map() };
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/**
 * Replaces each path by its placeholder (the longest first: a path may hold another) and each
 * hash in `hashes` (64 lowercase hex digits) by its digest with placeholders. Bytes are read as
 * latin1, one character per byte, so that a UTF-8 path is found as its bytes.
 */
function replacer(paths, hashes) {
  const sorted = [...paths].sort((a, b) => b[0].length - a[0].length);
  const text = (s, encode) => {
    for (const [from, to] of sorted) s = s.split(encode(from)).join(encode(to));
    // a JSON file's own digest covers its paths, so it differs from folder to folder: a placeholder
    s = s.replace(/"digest": "sha256:[0-9a-f]{64}"/g, '"digest": "sha256:<DIGEST>"');
    return hashes.size === 0 ? s : s.replace(/[0-9a-f]{64}/g, (h) => hashes.get(h) ?? h);
  };
  const same = (x) => x;
  const latin1 = (x) => Buffer.from(x, "utf8").toString("latin1");
  return { text: (s) => text(s, same), bytes: (buf) => Buffer.from(text(buf.toString("latin1"), latin1), "latin1") };
}

/**
 * The digest of a file with the replacements made: the SHA-256 of its bytes; for a ZIP archive
 * (.xlsx), of its entries' headers and contents (zip), with each entry's own.
 */
function fileDigest(buf, rep) {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    const { entries, comment } = zipEntries(buf);
    const parts = entries.map((e) => ({ name: e.name, header: e.header, sha256: sha256(rep.bytes(e.content)) }));
    return { zip: sha256(JSON.stringify({ comment, entries: parts })), entries: Object.fromEntries(parts.map((e) => [e.name, e.sha256])) };
  }
  return sha256(rep.bytes(buf));
}

const digestHex = (d) => (typeof d === "string" ? d : d.zip);

/** Every file under dir: relative name (with /) → SHA-256 of its bytes as they are. */
function tree(dir) {
  const out = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = join(e.parentPath ?? e.path, e.name);
    out[relative(dir, abs).split(sep).join("/")] = sha256(readFileSync(abs));
  }
  return out;
}

/**
 * One run of the command in a folder, through the project's link: the exit code, stdout and
 * stderr with placeholders, and the digest of every file it wrote (new or changed in the folder).
 *
 * folder.known maps the hash of each file in the folder (as it is) to its digest with
 * placeholders, which replaces the hash where an output records it. A file that no run wrote (a
 * bad case's fixture, runs.json's `write`) is digested before the run. The files a run writes are
 * digested until their digests no longer change: one may record the hash of another written
 * earlier in the same run (demo's settlement workbook records its result's and plan's hashes).
 */
function run(folder, args, env) {
  const paths = [[folder.dir, "<DIR>"], [folder.root, "<ROOT>"], [ROOT, "<ROOT>"]];
  const before = tree(folder.dir);
  for (const [name, raw] of Object.entries(before)) {
    if (!folder.known.has(raw)) folder.known.set(raw, digestHex(fileDigest(readFileSync(join(folder.dir, name)), replacer(paths, folder.known))));
  }
  const filled = args.map((a) => a.split("<DIR>").join(folder.dir).split("<ROOT>").join(folder.root));
  const r = spawnSync(process.execPath, ["--preserve-symlinks", "--preserve-symlinks-main", join(folder.root, "bin", "vardavtal.js"), ...filled], {
    cwd: folder.dir,
    env: runEnv(env),
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  const after = tree(folder.dir);
  const written = Object.keys(after)
    .filter((name) => before[name] !== after[name])
    .sort()
    .map((name) => ({ name, raw: after[name], bytes: readFileSync(join(folder.dir, name)) }));
  let files = {};
  for (let round = 0; ; round++) {
    const rep = replacer(paths, folder.known);
    const next = Object.fromEntries(written.map((f) => [f.name, fileDigest(f.bytes, rep)]));
    for (const f of written) folder.known.set(f.raw, digestHex(next[f.name]));
    if (JSON.stringify(next) === JSON.stringify(files)) break;
    if (round > written.length) throw new Error(`the digests of the files written by ${args.join(" ")} do not settle`);
    files = next;
  }
  const rep = replacer(paths, folder.known);
  return { code: r.status ?? `signal ${r.signal}`, stdout: rep.text(r.stdout), stderr: rep.text(r.stderr), files };
}

function main() {
  const outArg = process.argv.indexOf("--out");
  const target = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(OUTPUTS, "manifest.json");
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw new Error("build first: npm run build");
  const list = JSON.parse(readFileSync(join(OUTPUTS, "runs.json"), "utf8"));
  const t0 = Date.now();
  const box = sandbox();
  const runs = [];
  const bad = [];
  try {
    const folder = box.folder("runs");
    for (const r of list.runs) {
      for (const [name, text] of Object.entries(r.write ?? {})) {
        mkdirSync(dirname(join(folder.dir, name)), { recursive: true });
        writeFileSync(join(folder.dir, name), text);
      }
      const t = Date.now();
      const result = run(folder, r.args, list.env);
      runs.push({ name: r.name, args: r.args, ...result });
      process.stderr.write(`${r.name}: exit ${result.code}, ${Object.keys(result.files).length} files, ${Date.now() - t} ms\n`);
    }
    const cases = readdirSync(BAD)
      .filter((name) => existsSync(join(BAD, name, "case.json")))
      .sort();
    for (const [i, name] of cases.entries()) {
      const c = JSON.parse(readFileSync(join(BAD, name, "case.json"), "utf8"));
      const folder = box.folder(`bad${i + 1}`);
      cpSync(join(BAD, name), folder.dir, { recursive: true });
      bad.push({ name, args: c.args, ...run(folder, c.args, list.env) });
    }
  } finally {
    box.remove();
  }
  const manifest = {
    about:
      "What `node bin/vardavtal.js` wrote for each run of runs.json and each bad-input fixture (test/fixtures/bad/*/case.json, run in a copy of its folder). Written by `npm run build --silent && node scripts/snapshot-outputs.js` (its header says how the paths and input hashes are made the same in every folder); checked by test/outputs-unchanged.test.ts. <DIR> is the run's folder and <ROOT> the project, both paths of pathLength characters when the command ran. files: the SHA-256 of each file written, with <DIR>, <ROOT> and input digests in place of paths and input hashes; for a ZIP archive (.xlsx) the digest of its entries' headers and contents (zip) and each entry's own.",
    env: list.env,
    pathLength: PATH_LENGTH,
    runs,
    bad,
  };
  writeFileSync(target, JSON.stringify(manifest, null, 2) + "\n");
  process.stderr.write(`wrote ${target}: ${runs.length} runs, ${bad.length} bad cases, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

main();
