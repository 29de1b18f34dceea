/** Shared helpers for the tests: running the real command, comparing results to the öre. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { expect, inject, type ProvidedContext } from "vitest";
import { makeProfile, officeReady, profileArg, soffice } from "./libreoffice.js";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resultFromSummary, type CalculationResult } from "../src/core/model/calculate.js";
import { ConsumptionAccumulator, type ConsumptionRow, type ConsumptionSummary } from "../src/core/model/consumption.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { resolveKey, type DistributionKey } from "../src/core/model/key.js";
import { loadTariff, type CompiledTariff } from "../src/core/model/tariff.js";
import type { TariffInput } from "../src/core/model/tariff-schema.js";
import { withDigest } from "../src/contracts/digest.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(ROOT, "test", "fixtures");
export const BIN = join(ROOT, "bin", "vardavtal.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `vardavtal` command (the built package) with a clean, non-TTY stdio. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What the integration project's global setup (test/global-setup.ts) provides; undefined without it. */
function provided<K extends keyof ProvidedContext>(key: K): ProvidedContext[K] | undefined {
  try {
    return inject(key);
  } catch {
    return undefined; // this run has no global setup
  }
}

/**
 * The main runMain calls: in the integration project (its global setup provides
 * `builtMain`, and `npm run build` has run) the built dist/cli/main.js, the code the bin runs,
 * loaded by Node itself (vitest.config.ts keeps dist/ out of Vite's module runner: no transform
 * of the whole CLI in each test file's process); else src/cli/main.ts, no build needed.
 */
function mainModule(): string {
  const dist = join(ROOT, "dist", "cli", "main.js");
  return provided("builtMain") === true && existsSync(dist) ? pathToFileURL(dist).href : "../src/cli/main.js";
}

/**
 * Runs `vardavtal` in this process: `main(argv, io)` (src/cli/main.ts, or dist/ in the
 * integration project: mainModule), with stdout and stderr captured, a non-TTY stderr, and what
 * the bin adds around main (an uncaught error is an internal error, exit 3). The same arguments
 * as runCli, and the same result, about 50 times faster.
 *
 * The command reads its working directory and environment where it needs them (relative paths in
 * every file read, SOURCE_DATE_EPOCH in each workbook writer, VARDAVTAL_LANG), so a run sets both
 * for its duration and restores them after, one run at a time (the test pools are processes, one
 * test file each: nothing else sees the change). Not for the fast reader's worker threads (they
 * load from dist/) nor for what only the bin does (EPIPE, exit codes of the process): runCli.
 */
export async function runMain(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const previous = mainQueue;
  let release = (): void => undefined;
  mainQueue = new Promise<void>((r) => (release = r));
  await previous;
  const { main } = (await import(mainModule())) as typeof import("../src/cli/main.js");
  let stdout = "";
  let stderr = "";
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), stderrIsTty: false };
  const savedCwd = process.cwd();
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  // yargs prints --help and --version with console.log, as the bin's process would to stdout
  const savedConsole = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const line = (xs: unknown[]): string => xs.map(String).join(" ") + "\n";
  try {
    setEnv(env);
    process.chdir(cwd);
    console.log = console.info = (...xs: unknown[]) => void (stdout += line(xs));
    console.warn = console.error = (...xs: unknown[]) => void (stderr += line(xs));
    let code: number;
    try {
      code = await main(args, io);
    } catch (e) {
      stderr += `vardavtal: internal error: ${e instanceof Error && e.stack ? e.stack : String(e)}\n`;
      code = 3;
    }
    return { code, stdout, stderr };
  } finally {
    Object.assign(console, savedConsole);
    process.chdir(savedCwd);
    setEnv(savedEnv);
    release();
  }
}
let mainQueue: Promise<void> = Promise.resolve();

function setEnv(env: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/**
 * `vardavtal demo --out DIR` run once per test process (in process, runMain) and shared by the
 * tests that only read what it gives: its exit code, stdout, stderr and the folder it wrote (the
 * demo takes seconds). A test that changes the folder runs a demo of its own.
 */
export function demoRun(): Promise<CliRun & { out: string }> {
  demo ??= (async () => {
    const out = tempDir("vardavtal-demo-");
    return { ...(await runMain(["demo", "--out", out])), out };
  })();
  return demo;
}
let demo: Promise<CliRun & { out: string }> | undefined;

export function tempDir(prefix = "vardavtal-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

interface FlowJson {
  payer: string;
  payee: string;
  component: string;
  label: string | null;
  amount: string;
}

/** Money text → öre, exactly. */
export function ore(text: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not an amount with two decimals: ${text}`);
  const v = BigInt((m[2] ?? "") + (m[3] ?? ""));
  return m[1] === "-" ? -v : v;
}

/** Flows summed by (payer, payee, component, label), zero sums left out, as the spec compares them. */
export function flowSums(flows: FlowJson[]): Record<string, string> {
  const sums = new Map<string, bigint>();
  for (const f of flows) {
    const k = `${f.payer}→${f.payee} ${f.component} ${f.label ?? ""}`;
    sums.set(k, (sums.get(k) ?? 0n) + ore(f.amount));
  }
  return Object.fromEntries([...sums].filter(([, v]) => v !== 0n).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.toString()]));
}

/** A share text compared within 1e-12 of the expected one, exactly (no float). */
export function sharesClose(a: string, b: string): boolean {
  const scale = (s: string): bigint => {
    const [i, f = ""] = s.split(".");
    return BigInt((i ?? "0") + f.padEnd(20, "0").slice(0, 20));
  };
  const d = scale(a) - scale(b);
  return (d < 0n ? -d : d) <= 10n ** 8n; // 1e-12 at 20 decimals
}

export { soffice };

/**
 * The LibreOffice profile the tests use: the one of the instance the integration run keeps
 * running (test/global-setup.ts), so that a conversion is handed to it instead of starting
 * LibreOffice again; else one made for this test process (a first start in a new profile costs
 * seconds). Either way set to recalculate OOXML on load, so that the saved values are
 * LibreOffice's own.
 */
let loProfile: string | undefined;
function libreOfficeProfile(): string {
  if (loProfile) return loProfile;
  const kept = provided("libreOfficeProfile");
  return (loProfile = kept && officeReady(kept) ? kept : makeProfile(tempDir("vardavtal-lo-")));
}

/**
 * Converts files with LibreOffice (headless) to `format` ("xlsx": recalculated; "pdf": printed),
 * as few runs as names allow (files with distinct names go in one run), and returns the paths of
 * the results, in order.
 */
export function convertAll(files: readonly string[], format: "xlsx" | "pdf"): string[] {
  const cmd = soffice() as string;
  const results: string[] = [];
  let pending = [...files.keys()];
  while (pending.length > 0) {
    const names = new Set<string>();
    const batch = pending.filter((i) => {
      const name = basename(files[i] as string);
      return names.has(name) ? false : (names.add(name), true);
    });
    pending = pending.filter((i) => !batch.includes(i));
    const out = tempDir("vardavtal-recalc-");
    execFileSync(cmd, ["--headless", profileArg(libreOfficeProfile()), "--convert-to", format, "--outdir", out, ...batch.map((i) => files[i] as string)], { stdio: "pipe", timeout: 300_000 });
    for (const i of batch) results[i] = join(out, basename(files[i] as string).replace(/\.xlsx$/, `.${format}`));
  }
  return results;
}

/** Recalculates workbooks fully in LibreOffice (headless) and returns the paths of the results, in order. */
export function recalculateAll(files: readonly string[]): string[] {
  return convertAll(files, "xlsx");
}

/** Recalculates a workbook fully in LibreOffice (headless) and returns the path of the result. */
export function recalculate(file: string): string {
  return recalculateAll([file])[0] as string;
}

export const haveLibreOffice = soffice() !== undefined;
if (!haveLibreOffice && process.env.CI) throw new Error("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc");

// ---------------------------------------------------------------- reading workbooks back

/** exceljs, loaded when a test first reads a workbook (a third of a second a test file without one saves). */
async function excel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new (await excel()).Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function isFormula(c: ExcelJS.Cell): boolean {
  const v = c.value as unknown;
  return Boolean(v && typeof v === "object" && ("formula" in (v as object) || "sharedFormula" in (v as object)));
}

export function formulaOf(c: ExcelJS.Cell): string {
  return isFormula(c) ? (c.value as { formula: string }).formula : "";
}

/** The value a cell shows: a formula's cached result (exceljs reads a cached 0 as none), or the value. */
export function shownValue(c: ExcelJS.Cell): unknown {
  const v = c.value as unknown;
  if (isFormula(c)) return (v as { result?: unknown }).result ?? 0;
  return v;
}

export function cellText(c: ExcelJS.Cell): string {
  return String(shownValue(c) ?? "");
}

/** A money cell → öre, checking that the cell is a number carrying the exact amount. */
export function cellOre(c: ExcelJS.Cell): bigint {
  const v = shownValue(c);
  expect(typeof v, `${c.worksheet.name}!${c.address} is numeric`).toBe("number");
  const t = (v as number).toFixed(2);
  expect(Number(t), `${c.worksheet.name}!${c.address} holds exactly ${t}`).toBe(v);
  return ore(t);
}

export function sheetNamed(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} (${wb.worksheets.map((w) => w.name).join(", ")})`);
  return ws;
}

/** The first row (from `after`) whose cell in `col` shows `t`. */
export function findRow(ws: ExcelJS.Worksheet, t: string, col = 1, after = 1): number {
  for (let r = after; r <= ws.rowCount; r++) if (cellText(ws.getCell(r, col)) === t) return r;
  throw new Error(`«${t}» not found in ${ws.name}`);
}

/** Every formula of a workbook with its place. */
export function formulasOf(wb: ExcelJS.Workbook): { where: string; f: string }[] {
  const out: { where: string; f: string }[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (isFormula(c)) out.push({ where: `${ws.name}!${c.address}`, f: formulaOf(c) });
      }),
    );
  return out;
}

/**
 * Recalculates a workbook in LibreOffice and compares every formula's new value with the cached
 * one: money to the öre and exactly, other numbers within 1e-9 relative, texts equal.
 */
export async function compareRecalculated(file: string): Promise<{ diffs: string[]; formulas: number }> {
  return (await compareRecalculatedAll([file]))[0] as { diffs: string[]; formulas: number };
}

/** compareRecalculated for many workbooks with one LibreOffice start: the results in order. */
export async function compareRecalculatedAll(files: readonly string[]): Promise<{ diffs: string[]; formulas: number }[]> {
  const again = recalculateAll(files);
  return Promise.all(files.map((f, i) => compareWorkbooks(f, again[i] as string)));
}

async function compareWorkbooks(file: string, recalculated: string): Promise<{ diffs: string[]; formulas: number }> {
  const { Workbook } = await excel();
  const mine = new Workbook();
  await mine.xlsx.readFile(file);
  const again = new Workbook();
  await again.xlsx.readFile(recalculated);
  let formulas = 0;
  const diffs: string[] = [];
  for (const ws of mine.worksheets) {
    const other = again.getWorksheet(ws.name) as ExcelJS.Worksheet;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as unknown;
        if (!(v && typeof v === "object" && "formula" in (v as object))) return;
        formulas++;
        const a = shownValue(cell);
        const b = shownValue(other.getCell(r, c));
        if (typeof a === "number" && typeof b === "number") {
          const money = cell.numFmt?.startsWith("#,##0.00;");
          const same = money ? a.toFixed(2) === b.toFixed(2) && Math.abs(a - b) < 1e-6 : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
          if (!same) diffs.push(`${ws.name}!${cell.address}: ${a} ≠ ${b} (${(v as { formula: string }).formula})`);
        } else if ((a ?? "") !== (b ?? "")) diffs.push(`${ws.name}!${cell.address}: ${String(a)} ≠ ${String(b)}`);
      }),
    );
  }
  return { diffs, formulas };
}

/**
 * The rows a banner (an illustrative or proposed tariff, a scenario) takes at the top of a sheet,
 * with the empty row under it: 0 without a banner. Tests add it to the rows they read, so that
 * they hold whether or not the tariff is marked.
 */
export function bannerRows(ws: ExcelJS.Worksheet): number {
  let k = 0;
  while ((ws.getCell(k + 1, 1).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === BANNER_FILL) k++;
  return k === 0 ? 0 : k + 1;
}
/** The fill of the banner rows (xlsx-kit). */
export const BANNER_FILL = "FFFFC7CE";

/** Every text a workbook shows (values and cached formula results), with where it is. */
export function textsOf(wb: ExcelJS.Workbook): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const ws of wb.worksheets) {
    out.push({ where: `${ws.name} (sheet name)`, text: ws.name });
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = shownValue(c);
        if (typeof v === "string") out.push({ where: `${ws.name}!${c.address}`, text: v });
      }),
    );
  }
  return out;
}

/** Reads the sheets' XML of a workbook: the number of formulas and those stored without a cached value. */
export async function uncachedFormulas(file: string): Promise<{ formulas: number; uncached: string[]; sheets: number }> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  let formulas = 0;
  const uncached: string[] = [];
  for (const f of sheets) {
    const xml = (await zip.file(f)?.async("string")) ?? "";
    for (const m of xml.matchAll(/<c [^>]*>(.*?)<\/c>/g)) {
      if (!m[1]?.includes("<f>")) continue;
      formulas++;
      if (!/<f>.*<\/f><v>[^<]+<\/v>/.test(m[1])) uncached.push(`${f}: ${m[0]}`);
    }
  }
  return { formulas, uncached, sheets: sheets.length };
}

/**
 * A year calculated from rows in memory, as the property tests need it: the compiled tariff, its
 * key, the consumption summary and the result (errors in the rows throw).
 */
export function calculateRows(tariff: TariffInput | CompiledTariff, rows: readonly ConsumptionRow[]): { tariff: CompiledTariff; key: DistributionKey; consumption: ConsumptionSummary; result: CalculationResult } {
  const t = "fileName" in tariff ? tariff : loadTariff(tariff);
  const bag = new DiagnosticBag();
  const key = resolveKey(t, undefined, bag);
  const acc = new ConsumptionAccumulator(t, bag);
  for (const r of rows) acc.add(r);
  bag.throwIfErrors();
  if (!key) throw new Error("no key");
  return { tariff: t, key, consumption: acc.summary, result: resultFromSummary(t, key, acc.summary) };
}

/**
 * A JSON file of vardavtal's that a test changed on purpose, given a digest that holds again, as
 * the writers give one (src/contracts/digest.ts): for the checks that stand behind the digest (a
 * net position its flows do not give, a forecast, a file without its areas). A test of the digest
 * itself changes a file without this.
 */
export function resealed<T extends object>(doc: T): T & { digest: string } {
  return withDigest(doc);
}

/** resealed for a file's text: the document parsed, sealed again and written as the commands write it. */
export function resealedText(text: string): string {
  return JSON.stringify(resealed(JSON.parse(text) as object), null, 2) + "\n";
}
