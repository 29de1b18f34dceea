#!/usr/bin/env node
// The build's stamp: a SHA-256 over everything `npm run build` reads (src/, tariffs/, the
// build's scripts, the tsconfigs, package.json and the lock file), each file's path and bytes.
//
//   node scripts/build-stamp.js write   # the last step of npm run build: dist/.build-stamp
//   node scripts/build-stamp.js build   # npm test's first step: npm run build, unless dist/
//                                       # was built from exactly these files (then it says so)
//
// So `npm test` right after `npm install` (which builds) does not build the same dist/ again,
// and any change (an edit, a new or deleted file, a checkout) builds it anew.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = join(root, "dist", ".build-stamp");
const INPUTS = ["src", "tariffs", "scripts/bundle-tariffs.js", "scripts/help-texts.js", "scripts/build-stamp.js", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"];

/** The files under a path (itself when it is a file), relative to the project, with "/". */
function files(path) {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"));
}

export function stamp() {
  const hash = createHash("sha256");
  const all = INPUTS.flatMap((p) => files(p)).sort();
  for (const f of all) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update("\0");
  return hash.digest("hex");
}

const command = process.argv[2];
if (command === "write") {
  writeFileSync(STAMP, stamp() + "\n");
} else if (command === "build") {
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === stamp()) {
    console.log("dist/ is built from these sources already (dist/.build-stamp): no build");
  } else {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const r = spawnSync(npm, ["run", "build", "--silent"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    process.exit(r.status ?? 1);
  }
} else {
  console.error("usage: node scripts/build-stamp.js write|build");
  process.exit(2);
}
