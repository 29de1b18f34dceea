#!/usr/bin/env node
// npm run bench [-- --rows 10000000 --repeat 3 --dialects plain,cp1252,bom,crlf,quoted-some,quoted-all
//                   --dir DIR --general --baseline --no-duckdb --no-phases --no-startup --startup-runs 15
//                   --quick]
// --quick: 1 000 000 rows and 9 start-up runs (a few minutes less; the ratios hold less well)
//
// Generates a deterministic patient-level consumption file of N rows (default 10 000 000) in
// the dialects controllers' tools write (cached in DIR, by default a folder in the system's
// temp directory, never in the repository):
//   plain        UTF-8 without BOM, `;`, decimal comma, LF
//   cp1252       the same rows as Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, CRLF
//   bom          UTF-8 with a BOM (Excel's "CSV UTF-8")
//   crlf         UTF-8, CRLF
//   quoted-some  UTF-8, the text fields in quotes (as many exporting tools write)
//   quoted-all   UTF-8, every field in quotes, the header's names too (csv.QUOTE_ALL, BI exports)
// then times whole processes on each, alternating the runs and taking the median of --repeat:
//   - vardavtal calculate (the fast reader, as a user runs it)
//   - DuckDB: read_csv + GROUP BY with exact DECIMAL sums (when @duckdb/node-api can be installed)
//   - vardavtal calculate --reader general (with --general; slow)
//   - a plain baseline: csv-parse + decimal.js, one pass (with --baseline; slow)
// It prints wall time, processor time (all threads), rows/s, MB/s, peak RSS, the ratio to DuckDB
// and to the plain UTF-8 time,
// the machine and its load, the fast reader's phases and the floor (reading and hashing the
// file), checks that every dialect gives the same flows, and times the start-up of `key`,
// `check-tariff` and `--help` beside `node -e 0` (and where it goes, import by import). At the end
// it prints both tables as Markdown, ready for docs/prestanda.md.
// No pass/fail: this is a measurement.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, writeSync, readSync, statSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./lib/consumption.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const QUICK = flag("quick");
const ROWS = Number(option("rows", QUICK ? "1000000" : "10000000"));
const DIR = resolve(option("dir", join(tmpdir(), "vardavtal-bench")));
const REPEAT = Math.max(1, Number(option("repeat", "3")));
const DIALECTS = option("dialects", "plain,cp1252,bom,crlf,quoted-some,quoted-all").split(",");
const DUCKDB_VERSION = "1.5.6-r.1";
mkdirSync(DIR, { recursive: true });

// ------------------------------------------------------------------ the files

/** Rewrites the plain file line by line into another dialect. */
function transcode(from, to, dialect) {
  const TEXT = new Set([2, 3, 4, 5, 8, 9, 11]); // säljare köpare verksamhet drg patient vårdtillfälle kön
  const quote = (f) => `"${f.replace(/"/g, '""')}"`;
  const line =
    dialect === "quoted-some" ? (l) => l.split(";").map((f, i) => (TEXT.has(i) ? quote(f) : f)).join(";")
    : dialect === "quoted-all" ? (l) => l.split(";").map(quote).join(";")
    : (l) => l;
  const header = dialect === "quoted-all" ? line : (l) => l; // the header as it is, but in quoted-all
  const crlf = dialect === "cp1252" || dialect === "crlf";
  const encode = (text) => {
    const t = crlf ? text.replace(/\n/g, "\r\n") : text;
    return dialect === "cp1252" ? Buffer.from(t, "latin1") : Buffer.from(t, "utf8");
  };
  const src = openSync(from, "r");
  const tmp = `${to}.tmp`;
  const dst = openSync(tmp, "w");
  if (dialect === "bom") writeSync(dst, Buffer.from("\ufeff", "utf8"));
  const buf = Buffer.alloc(16 << 20);
  let carry = "";
  let pos = 0;
  let first = true;
  for (;;) {
    const got = readSync(src, buf, 0, buf.length, pos);
    pos += got;
    const text = carry + buf.toString("utf8", 0, got);
    const cut = got === 0 ? text.length : text.lastIndexOf("\n") + 1;
    carry = text.slice(cut);
    const lines = text.slice(0, cut).split("\n");
    const last = lines.pop(); // "" after the final line feed
    let out = lines.map((l, i) => (i === 0 && first ? header(l) : line(l))).join("\n") + (lines.length ? "\n" : "");
    if (lines.length) first = false;
    if (last) out += line(last);
    writeSync(dst, encode(out));
    if (got === 0) break;
  }
  closeSync(src);
  closeSync(dst);
  renameSync(tmp, to);
}

const fileOf = (dialect) => join(DIR, `konsumtion-${ROWS}-${dialect}.csv`);
const plain = fileOf("plain");
if (!existsSync(plain)) {
  const t0 = process.hrtime.bigint();
  generate(plain, ROWS);
  console.log(`generated ${plain} in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
}
for (const d of DIALECTS) {
  if (d !== "plain" && !existsSync(fileOf(d))) {
    transcode(plain, fileOf(d), d);
    console.log(`wrote ${fileOf(d)}`);
  }
}

// ------------------------------------------------------------------ DuckDB
let duckRunner;
if (!flag("no-duckdb")) {
  // DuckDB is not a dependency of the project (its lockfile entries exist only for this
  // platform): the bench installs it beside its files on first use.
  const tools = join(DIR, "tools");
  if (!existsSync(join(tools, "node_modules", "@duckdb", "node-api"))) {
    mkdirSync(tools, { recursive: true });
    console.log("installing @duckdb/node-api for the comparison (once) …");
    const npm = spawnSync("npm", ["install", "--prefix", tools, "--no-save", "--no-audit", "--no-fund", "--no-package-lock", `@duckdb/node-api@${DUCKDB_VERSION}`], { encoding: "utf8" });
    if (npm.status !== 0) console.log(`DuckDB could not be installed: the comparison is left out\n${npm.stderr.slice(-1000)}`);
  }
  if (existsSync(join(tools, "node_modules", "@duckdb", "node-api"))) {
    duckRunner = join(tools, "duckdb.mjs");
    writeFileSync(duckRunner, readFileSync(join(root, "scripts", "bench", "duckdb.js")));
  }
}

// ------------------------------------------------------------------ the runs
function once(argv) {
  const load = loadavg()[0];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8", env: { ...process.env, VARDAVTAL_REPORT_RSS: "1" }, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = Number(/vardavtal-peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/vardavtal-cpu-us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
  if (r.status !== 0 && r.status !== 1) return { error: `exit ${r.status}\n${r.stderr.slice(0, 2000)}` };
  return { seconds, cpu, rss, load, stdout: r.stdout };
}

const cli = join(root, "bin", "vardavtal.js");
const out = (name) => join(DIR, `result-${name}.json`);
const jobs = [];
for (const d of DIALECTS) {
  const file = fileOf(d);
  jobs.push({ key: `fast-${d}`, dialect: d, name: `vardavtal calculate, ${d}`, argv: [cli, "calculate", "--tariff", "2025", "--consumption", file, "--json", out(`fast-${d}`)] });
  if (duckRunner) jobs.push({ key: `duckdb-${d}`, dialect: d, name: `DuckDB read_csv + GROUP BY, ${d}`, argv: [duckRunner, file, String(availableParallelism()), d === "cp1252" ? "latin-1" : "utf-8"] });
  if (flag("general")) jobs.push({ key: `general-${d}`, dialect: d, name: `vardavtal calculate --reader general, ${d}`, argv: [cli, "calculate", "--tariff", "2025", "--consumption", file, "--json", out(`general-${d}`), "--reader", "general"], once: true });
  if (flag("baseline") && d === "plain") jobs.push({ key: "baseline", dialect: d, name: "baseline: csv-parse + decimal.js, plain", argv: [join(root, "scripts", "bench", "baseline.js"), file], once: true });
}
const runs = new Map(jobs.map((j) => [j.key, []]));
for (let k = 0; k < REPEAT; k++) {
  for (const j of jobs) {
    if (j.once && k > 0) continue;
    const r = once(j.argv);
    if (r.error) {
      console.log(`${j.name}: ${r.error}`);
      continue;
    }
    runs.get(j.key).push(r);
    if (process.stderr.isTTY) process.stderr.write(`run ${k + 1}/${REPEAT} ${j.name}: ${r.seconds.toFixed(2)} s\n`);
  }
}
const median = (list, f) => {
  const v = list.map(f).sort((a, b) => a - b);
  return v.length ? v[(v.length - 1) >> 1] : NaN;
};
const stat = (key) => {
  const list = runs.get(key) ?? [];
  return list.length ? { seconds: median(list, (r) => r.seconds), cpu: median(list, (r) => r.cpu), rss: Math.max(...list.map((r) => r.rss)), load: median(list, (r) => r.load), all: list.map((r) => r.seconds) } : undefined;
};

// ------------------------------------------------------------------ the floor and the phases
function floor(file) {
  const { createHash } = awaitCrypto;
  const buf = Buffer.allocUnsafe(1 << 20);
  const time = (hash) => {
    const fd = openSync(file, "r");
    const h = hash ? createHash("sha256") : undefined;
    const t0 = process.hrtime.bigint();
    for (let got; (got = readSync(fd, buf, 0, buf.length, null)) > 0; ) h?.update(buf.subarray(0, got));
    h?.digest();
    closeSync(fd);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  return { read: median([0, 1, 2], () => time(false)), hash: median([0, 1, 2], () => time(true)) };
}
const awaitCrypto = await import("node:crypto");

// ------------------------------------------------------------------ the table
const rowsText = (n) => Math.round(n).toLocaleString("sv-SE");
console.log(`\n${ROWS.toLocaleString("sv-SE")} rows; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; median of ${REPEAT}, runs alternated`);
console.log(`load average (1 min) at the start of the runs: median ${median(jobs.flatMap((j) => runs.get(j.key)), (r) => r.load).toFixed(2)}, max ${Math.max(...jobs.flatMap((j) => runs.get(j.key).map((r) => r.load))).toFixed(2)}\n`);
const table = [["run", "MB", "seconds", "CPU s", "rows/s", "MB/s", "peak RSS MiB", "× DuckDB", "× plain", "× plain CPU"]];
const markdown = [];
const summary = { rows: ROWS, cores: cpus().length, node: process.version, repeat: REPEAT, results: [] };
const fastPlain = stat("fast-plain");
const sv = (x, d) => x.toFixed(d).replace(".", ",");
const loads = jobs.flatMap((j) => runs.get(j.key).map((r) => r.load));
for (const j of jobs) {
  const s = stat(j.key);
  if (!s) continue;
  const mb = statSync(fileOf(j.dialect)).size / 1e6;
  const duck = stat(`duckdb-${j.dialect}`);
  const ours = !j.key.startsWith("duckdb");
  const vsDuck = duck && ours ? s.seconds / duck.seconds : undefined;
  const vsPlain = j.key.startsWith("fast-") && fastPlain ? s.seconds / fastPlain.seconds : undefined;
  const vsPlainCpu = j.key.startsWith("fast-") && fastPlain ? s.cpu / fastPlain.cpu : undefined;
  table.push([j.name, mb.toFixed(0), s.seconds.toFixed(2), s.cpu.toFixed(2), rowsText(ROWS / s.seconds), (mb / s.seconds).toFixed(0), s.rss.toFixed(0), vsDuck?.toFixed(2) ?? "–", vsPlain?.toFixed(2) ?? "–", vsPlainCpu?.toFixed(2) ?? "–"]);
  markdown.push(`| ${j.name} | ${mb.toFixed(0)} | ${sv(s.seconds, 2)} | ${sv(s.cpu, 2)} | ${rowsText(ROWS / s.seconds)} | ${s.rss.toFixed(0)} MiB | ${vsDuck !== undefined ? sv(vsDuck, 2) : "–"} | ${vsPlain !== undefined ? sv(vsPlain, 2) : "–"} | ${vsPlainCpu !== undefined ? sv(vsPlainCpu, 2) : "–"} |`);
  summary.results.push({ key: j.key, name: j.name, mb, ...s, vsDuckdb: vsDuck });
}
const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
for (const row of table) console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  "));
if (!duckRunner && !flag("no-duckdb")) console.log("\nDuckDB: not available here, so no ratio to it.");

// every dialect: read by the fast reader, with the same flows as the plain file (and the general reader's)
console.log("");
const flows = (f) => {
  const j = JSON.parse(readFileSync(f, "utf8"));
  return { reader: j.inputs?.find((i) => i.role === "consumption")?.reader, same: JSON.stringify(["flows", "net", "skipped", "rows", "areas", "pairs"].map((k) => j[k])) };
};
const reference = existsSync(out("fast-plain")) ? flows(out("fast-plain")).same : undefined;
for (const d of DIALECTS) {
  if (!existsSync(out(`fast-${d}`))) continue;
  const f = flows(out(`fast-${d}`));
  const general = existsSync(out(`general-${d}`)) && flag("general") ? (flows(out(`general-${d}`)).same === f.same ? ", = general reader" : ", DIFFERENT FROM THE GENERAL READER") : "";
  console.log(`${d}: read by ${f.reader}; ${f.same === reference ? "same flows as plain" : "DIFFERENT FLOWS FROM plain"}${general}`);
}

if (!flag("no-phases")) {
  const fl = floor(plain);
  console.log(`\nfloor (plain file, this process, from the page cache): read ${fl.read.toFixed(2)} s, read + SHA-256 ${fl.hash.toFixed(2)} s`);
  for (const d of DIALECTS) {
    const r = spawnSync(process.execPath, [join(root, "scripts", "bench-phases.js"), fileOf(d)], { cwd: root, encoding: "utf8" });
    console.log(`phases, ${d}: ${r.stdout.trim() || r.stderr.trim().slice(0, 500)}`);
  }
}
// ------------------------------------------------------------------ start-up
let startupMarkdown = [];
if (!flag("no-startup")) {
  const N = Math.max(3, Number(option("startup-runs", QUICK ? "9" : "15")));
  // each process reports its own processor time (all threads) as it exits; `node -e` with only that
  const nodeExit = "process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('vardavtal-cpu-us='+(u.userCPUTime+u.systemCPUTime)+'\\n')})";
  const commands = [
    ["node -e 0", ["-e", nodeExit]],
    ["vardavtal key --tariff 2025", [cli, "key", "--tariff", "2025"]],
    ["vardavtal check-tariff --tariff 2025", [cli, "check-tariff", "--tariff", "2025"]],
    ["vardavtal --help", [cli, "--help"]],
  ];
  const times = commands.map(() => []);
  const cpuTimes = commands.map(() => []);
  const loads = [];
  for (let k = 0; k < N; k++) {
    commands.forEach(([, argv], i) => {
      loads.push(loadavg()[0]);
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8", env: { ...process.env, VARDAVTAL_REPORT_RSS: "1" } });
      times[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
      cpuTimes[i].push(Number(/vardavtal-cpu-us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000);
      if (r.status !== 0) console.log(`${commands[i][0]}: exit ${r.status}\n${r.stderr.slice(0, 500)}`);
    });
  }
  const nodeMs = median(times[0], (x) => x);
  const nodeCpu = median(cpuTimes[0], (x) => x);
  console.log(`\nstart-up, median of ${N} runs alternated (load average median ${median(loads, (x) => x).toFixed(2)}); wall time and processor time (all threads):`);
  summary.startup = commands.map(([name], i) => {
    const ms = median(times[i], (x) => x);
    const cpu = median(cpuTimes[i], (x) => x);
    console.log(`  ${name.padEnd(38)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / nodeMs).toFixed(2)} × node -e 0   CPU ${cpu.toFixed(0).padStart(5)} ms  ${(cpu / nodeCpu).toFixed(2)} × node -e 0`);
    startupMarkdown.push(`| \`${name.replace(/^node -e 0$/, "node -e 0")}\` | ${ms.toFixed(0)} ms | ${sv(ms / nodeMs, 2)} | ${cpu.toFixed(0)} ms | ${sv(cpu / nodeCpu, 2)} |`);
    return { name, ms, vsNode: ms / nodeMs, cpuMs: cpu, cpuVsNode: cpu / nodeCpu };
  });
  // where it goes: processor time of each import, in order, in fresh processes. The first steps are
  // what `key` and `check-tariff` load; the last ones what they no longer load (for comparison).
  const steps = ["./dist/cli/main.js", "./dist/node/tariff-arg.js", "./dist/cli/commands/key.js", "./dist/cli/commands/check-tariff.js", "yargs", "zod", "./dist/core/model/tariff-schema.js", "./dist/cli/heavy.js"];
  const stepRuns = [];
  for (let k = 0; k < 7; k++) {
    const r = spawnSync(process.execPath, [join(root, "scripts", "bench", "startup-steps.js"), ...steps], { cwd: root, encoding: "utf8" });
    if (r.status === 0) stepRuns.push(JSON.parse(r.stdout));
  }
  if (stepRuns.length) {
    console.log("  processor time by import (median of 7; each only what it adds to those before; from yargs on: not loaded by key, check-tariff or --help):");
    stepRuns[0].forEach(([name], i) => console.log(`    ${name.padEnd(40)} ${median(stepRuns, (r) => r[i][1]).toFixed(0).padStart(4)} ms`));
    summary.startupSteps = stepRuns[0].map(([name], i) => ({ name, ms: median(stepRuns, (r) => r[i][1]) }));
  }
}

// ------------------------------------------------------------------ for docs/prestanda.md
console.log(`\nMarkdown for docs/prestanda.md (${ROWS.toLocaleString("sv-SE")} rader, median av ${REPEAT}, load average median ${sv(median(loads, (x) => x), 1)}, högst ${sv(Math.max(...loads), 1)}):\n`);
console.log(`| ${ROWS.toLocaleString("sv-SE")} rader | MB | sekunder (median) | processortid, s | rader/s | högsta RSS | × DuckDB | × plain | × plain (processortid) |`);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const line of markdown) console.log(line);
if (startupMarkdown.length) {
  console.log("\n| kommando | väggtid (median) | × `node -e 0` | processortid (median) | × `node -e 0` |");
  console.log("|---|---|---|---|---|");
  for (const line of startupMarkdown) console.log(line);
}
writeFileSync(join(DIR, `bench-${ROWS}.json`), JSON.stringify(summary, null, 2) + "\n");
console.log(`\nfiles and bench-${ROWS}.json in ${DIR}`);
