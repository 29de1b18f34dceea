#!/usr/bin/env node
// npm run bench:page [-- --rows 1000000 --repeat 3 --dir DIR]
//
// The offline page's speed against the command line's on one large consumption file: the page
// (web/dist/vardavtal.html, built first by the npm script) opened in Chromium (Debian's
// /usr/bin/chromium, through playwright-core), the file picked in the calculate form, the time
// from the click to the result; `vardavtal calculate` on the same file as a process (start-up
// included). Both must give the same JSON byte for byte. Prints the medians of --repeat and the
// ratio page/CLI. No pass/fail: this is a measurement (the tests check the figures, on a smaller
// file).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { generate } from "./lib/consumption.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const rows = Number(option("rows", "1000000"));
const repeat = Math.max(1, Number(option("repeat", "3")));
const dir = resolve(option("dir", join(tmpdir(), "vardavtal-bench-page")));
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!executablePath) {
  console.error("bench:page: no Chromium (apt-get install chromium)");
  process.exit(2);
}
const page = join(root, "web", "dist", "vardavtal.html");
if (!existsSync(page)) {
  console.error("bench:page: no web/dist/vardavtal.html (npm run build:web)");
  process.exit(2);
}

mkdirSync(dir, { recursive: true });
const csv = join(dir, `rader-${rows}.csv`);
if (!existsSync(csv)) {
  process.stderr.write(`generating ${rows} rows in ${csv} …\n`);
  generate(csv, rows);
}
copyFileSync(join(root, "tariffs", "2025.json"), join(dir, "tariff-2025.json"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cliTimes = [];
for (let i = 0; i < repeat; i++) {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [join(root, "bin", "vardavtal.js"), "calculate", "--tariff", "tariff-2025.json", "--consumption", `rader-${rows}.csv`, "--json", "cli.json"], { cwd: dir, encoding: "utf8" });
  cliTimes.push((performance.now() - t0) / 1000);
  if (run.status !== 0) throw new Error(run.stderr);
}
const cliJson = readFileSync(join(dir, "cli.json"), "utf8");

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const pageTimes = [];
try {
  for (let i = 0; i < repeat; i++) {
    const p = await browser.newPage();
    await p.goto(pathToFileURL(page).href);
    await p.click('nav.steps button[data-step="calculate"]');
    const form = p.locator('form[data-command="calculate"]');
    await form.locator("input[name=tariff]").setInputFiles(join(dir, "tariff-2025.json"));
    await form.locator("input[name=consumption]").setInputFiles(csv); // the driver's copy into the browser is not timed
    const t0 = performance.now();
    await form.locator("button[type=submit]").click();
    await p.locator("#results:not([hidden]), #vardavtal-errors:not([hidden])").first().waitFor({ state: "attached", timeout: 600_000 });
    pageTimes.push((performance.now() - t0) / 1000);
    if (!(await p.locator("#vardavtal-errors").isHidden())) throw new Error(`the page refused the file: ${await p.locator("#vardavtal-errors").textContent()}`);
    const json = (await p.locator("script#vardavtal-result").textContent()) ?? "";
    if (json !== cliJson) throw new Error("the page's JSON differs from the CLI's");
    await p.close();
  }
} finally {
  await browser.close();
}

const [cliS, pageS] = [median(cliTimes), median(pageTimes)];
console.log(`machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`file: ${rows.toLocaleString("sv-SE")} rows, ${(statSync(csv).size / 1e6).toFixed(0)} MB; median of ${repeat}`);
console.log(`CLI (a process, start-up included): ${cliS.toFixed(2)} s`);
console.log(`page (click to result, Chromium):   ${pageS.toFixed(2)} s`);
console.log(`ratio page/CLI: ${(pageS / cliS).toFixed(1)}; the JSON byte-identical`);
