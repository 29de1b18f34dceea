#!/usr/bin/env node
// npm run bench [-- --rows 10000000 --dir bench-output --general --repeat 1 --no-baseline --no-duckdb]
//
// Generates a deterministic patient-level consumption file of N rows (cached in --dir), then
// times whole processes on it, side by side in one run:
//   - vardavtal calculate (the fast reader, as a user runs it)
//   - vardavtal calculate --reader general (with --general)
//   - a plain baseline: csv-parse + decimal.js, one pass
//   - DuckDB: read_csv + GROUP BY with DECIMAL sums (when @duckdb/node-api is installed)
// and prints wall time, rows/s, MB/s and peak RSS. No pass/fail: this is a measurement.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, writeSync, statSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rng } from "./lib/rng.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const ROWS = Number(option("rows", "10000000"));
const DIR = resolve(option("dir", join(root, "bench-output")));
const REPEAT = Number(option("repeat", "1"));
const DUCKDB_VERSION = "1.5.6-r.1";
mkdirSync(DIR, { recursive: true });

// ------------------------------------------------------------------ the file

function generate(file, rows) {
  const rand = rng(42);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const PARTIES = ["RJL", "RKL", "RÖ"];
  const SPECIALIST = ["neurokirurgi", "thoraxkirurgi", "kärlkirurgi", "onkologi", "hematologi", "plastikkirurgi", "barnkirurgi", "urologi", "infektion", "ögonsjukvård", "ortopedi", "reumatologi"];
  const UNIT = ["primärvård", "psykiatri"];
  const OTHER = ["rättspsykiatri", "klinisk genetik", "brännskadevård", "arbets- och miljömedicin"];
  const DRG = Array.from({ length: 400 }, (_, i) => `${String.fromCharCode(65 + (i % 20))}${String(i).padStart(2, "0")}${"ABCZ"[i % 4]}`);
  const dec = (units, d) => {
    const s = String(units).padStart(d + 1, "0");
    return `${s.slice(0, s.length - d)},${s.slice(s.length - d)}`;
  };
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, "w");
  writeSync(fd, "\ufeffår;datum;säljare;köpare;verksamhet;drg;poäng;belopp;patient;vårdtillfälle;ålder;kön\n");
  const batch = 50_000;
  for (let done = 0; done < rows; done += batch) {
    const lines = [];
    for (let i = done; i < Math.min(rows, done + batch); i++) {
      const seller = PARTIES[rand() < 0.7 ? 2 : int(0, 1)];
      const buyer = rand() < 0.25 ? seller : PARTIES[int(0, 2)];
      const year = rand() < 0.02 ? 2024 : 2025;
      const month = int(1, 12);
      const day = int(1, 28);
      const date = `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
      const r = rand();
      let area, points = "", amount = "";
      if (r < 0.72) {
        area = SPECIALIST[int(0, SPECIALIST.length - 1)];
        points = dec(int(800, 90000), 4);
      } else if (r < 0.95) {
        area = UNIT[int(0, 1)];
        amount = dec(int(150000, 2500000), 2);
      } else {
        area = OTHER[int(0, 3)];
        amount = dec(int(500000, 90000000), 2);
      }
      lines.push(`${year};${date};${seller};${buyer};${area};${DRG[int(0, 399)]};${points};${amount};P${int(1000000, 9999999)};V${i};${int(0, 99)};${rand() < 0.5 ? "K" : "M"}`);
    }
    writeSync(fd, lines.join("\n") + "\n");
    if (process.stderr.isTTY) process.stderr.write(`\rgenerating ${Math.min(rows, done + batch).toLocaleString("sv-SE")} / ${rows.toLocaleString("sv-SE")} rows`);
  }
  closeSync(fd);
  renameSync(tmp, file);
  if (process.stderr.isTTY) process.stderr.write("\n");
}

const file = join(DIR, `konsumtion-${ROWS}.csv`);
if (!existsSync(file)) {
  const t0 = process.hrtime.bigint();
  generate(file, ROWS);
  console.log(`generated ${file} in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
}
const bytes = statSync(file).size;

// ------------------------------------------------------------------ the runs
function timed(name, argv, env = {}) {
  let best;
  for (let k = 0; k < REPEAT; k++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8", env: { ...process.env, VARDAVTAL_REPORT_RSS: "1", ...env }, maxBuffer: 64 << 20 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rss = Number(/vardavtal-peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    if (r.status !== 0) {
      console.log(`${name}: exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
      return undefined;
    }
    if (!best || seconds < best.seconds) best = { name, seconds, rss, stdout: r.stdout };
  }
  return best;
}

const results = [];
const out = (n) => join(DIR, `result-${n}.json`);
const cli = join(root, "bin", "vardavtal.js");
results.push(timed("vardavtal calculate (fast reader)", [cli, "calculate", "--tariff", "2025", "--consumption", file, "--json", out("fast"), "--reader", "fast"]));
if (flag("general")) results.push(timed("vardavtal calculate --reader general", [cli, "calculate", "--tariff", "2025", "--consumption", file, "--json", out("general"), "--reader", "general"]));
if (!flag("no-baseline")) results.push(timed("baseline: csv-parse + decimal.js", [join(root, "scripts", "bench", "baseline.js"), file]));
let duck;
if (!flag("no-duckdb")) {
  // DuckDB is not a dependency of the project (its lockfile entries exist only for this
  // platform): the bench installs it beside its files on first use.
  const tools = join(DIR, "tools");
  const runner = join(tools, "duckdb.mjs");
  if (!existsSync(join(tools, "node_modules", "@duckdb", "node-api"))) {
    mkdirSync(tools, { recursive: true });
    console.log("installing @duckdb/node-api for the comparison (once) …");
    const npm = spawnSync("npm", ["install", "--prefix", tools, "--no-save", "--no-audit", "--no-fund", "--no-package-lock", `@duckdb/node-api@${DUCKDB_VERSION}`], { encoding: "utf8" });
    if (npm.status !== 0) console.log(`DuckDB could not be installed; skipped\n${npm.stderr.slice(-1000)}`);
  }
  if (existsSync(join(tools, "node_modules", "@duckdb", "node-api"))) {
    writeFileSync(runner, readFileSync(join(root, "scripts", "bench", "duckdb.js")));
    duck = timed(`DuckDB read_csv + GROUP BY (${availableParallelism()} threads)`, [runner, file, String(availableParallelism())]);
    results.push(duck);
  }
}

// ------------------------------------------------------------------ the table
const mb = bytes / 1e6;
const rowsText = (n) => Math.round(n).toLocaleString("sv-SE");
console.log(`\n${ROWS.toLocaleString("sv-SE")} rows, ${mb.toFixed(0)} MB, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}\n`);
const table = [["run", "seconds", "rows/s", "MB/s", "peak RSS MB", "× DuckDB"]];
for (const r of results.filter(Boolean)) {
  table.push([r.name, r.seconds.toFixed(2), rowsText(ROWS / r.seconds), (mb / r.seconds).toFixed(0), r.rss.toFixed(0), duck ? (r.seconds / duck.seconds).toFixed(2) : "–"]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
for (const row of table) console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  "));
if (existsSync(out("fast")) && existsSync(out("general")) && flag("general")) {
  const a = JSON.parse(readFileSync(out("fast"), "utf8"));
  const b = JSON.parse(readFileSync(out("general"), "utf8"));
  const same = ["flows", "net", "skipped", "rows", "areas", "pairs"].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
  console.log(`\nfast reader = general reader: ${same ? "identical results" : "DIFFERENT RESULTS"}`);
}
const fast = results[0];
if (fast) {
  const reader = JSON.parse(readFileSync(out("fast"), "utf8")).inputs?.find((i) => i.role === "consumption")?.reader;
  console.log(`consumption read by: ${reader}`);
  if (duck) console.log(`targets: time ≤ 1.5 × DuckDB (must ≤ 3 ×): ${(fast.seconds / duck.seconds).toFixed(2)} ×; peak RSS < 256 MB: ${fast.rss.toFixed(0)} MB`);
}
writeFileSync(join(DIR, "bench.json"), JSON.stringify({ rows: ROWS, bytes, results: results.filter(Boolean).map(({ stdout, ...r }) => r) }, null, 2) + "\n");
