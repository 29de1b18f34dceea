/**
 * The offline page in a real browser (Debian's chromium driven by playwright-core): pick the
 * files, compare the page's result JSON with the CLI's for the same files, download the workbook
 * and open it, list bad input as the terminal does, check a key, and make no request off the
 * machine. Skipped (saying so) when no chromium is installed; `.ci/run` installs it.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, ROOT, loadWorkbook, runMain, tempDir } from "./helpers.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const PAGE = join(ROOT, "web", "dist", "vardavtal.html");

describe.skipIf(!CHROMIUM)("the offline page (web/dist/vardavtal.html)", () => {
  let browser: Browser;
  const offMachine: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(ROOT, "scripts", "build-web.js")], { cwd: ROOT, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ acceptDownloads: true });
    page.on("request", (r) => {
      if (!/^(file|blob|data):/.test(r.url())) offMachine.push(r.url());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    await page.goto(pathToFileURL(PAGE).href);
    return page;
  }

  it("is one self-contained file with a strict Content-Security-Policy", () => {
    const html = readFileSync(PAGE, "utf8");
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; worker-src blob:;[^"]*connect-src 'none'/);
    // Nothing loaded from elsewhere (URLs inside the bundled libraries are XML namespaces, never fetched:
    // the last test checks that no request leaves the machine).
    expect(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|url\(\s*["']?https?:/i.test(html)).toBe(false);
  });

  it("gives the CLI's result JSON for the same files, and the workbook opens", async () => {
    const dir = tempDir();
    for (const f of ["tariff.json", "consumption.csv", "population.csv"]) copyFileSync(join(FIXTURES, "spec", "generated", "case001", f), join(dir, f));
    const cli = await runMain(["calculate", "--tariff", "tariff.json", "--consumption", "consumption.csv", "--population", "population.csv", "--json", "out.json"], dir);
    expect(cli.code, cli.stderr).toBe(0);

    const page = await open();
    expect(await page.evaluate('[...document.scripts].map((s) => s.src || s.type || "inline")')).toEqual(["inline"]);
    await page.setInputFiles("input[name=tariff]", join(dir, "tariff.json"));
    await page.setInputFiles("input[name=consumption]", join(dir, "consumption.csv"));
    await page.setInputFiles("input[name=population]", join(dir, "population.csv"));
    await page.click("button[name=calculate]");
    const json = await page.locator("script#vardavtal-result").textContent({ timeout: 30_000 });
    // Same names (the CLI was given bare file names in the same folder): the whole JSON is equal.
    expect(JSON.parse(json ?? "")).toEqual(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")));
    expect(await page.locator("#summary").textContent()).toContain("Nettoposition per region");
    expect(await page.locator("#flows tbody tr").count()).toBe(JSON.parse(json ?? "").flows.length);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[download$=".xlsx"]')]);
    const xlsx = join(dir, "page.xlsx");
    await download.saveAs(xlsx);
    const wb = await loadWorkbook(xlsx);
    expect(wb.worksheets.length).toBeGreaterThan(1);
    expect(await page.locator('a[download="net.csv"]').count()).toBe(1);
    await page.screenshot({ path: join(dir, "page.png"), fullPage: true });
    expect(readFileSync(join(dir, "page.png")).length).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);

  it("lists bad input as the terminal does, with file, line and column", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "consumption.csv"), "år;säljare;köpare;verksamhet;poäng\n2025;RÖ;RJL;neurokirurgi;2,5x\n2025;RÖ;Skåne;neurokirurgi;1\n");
    const cli = await runMain(["calculate", "--tariff", "2025", "--consumption", "consumption.csv"], dir);
    expect(cli.code).toBe(2);
    const page = await open();
    await page.setInputFiles("input[name=consumption]", join(dir, "consumption.csv"));
    await page.click("button[name=calculate]");
    await page.waitForSelector("#vardavtal-errors:not([hidden])", { timeout: 30_000 });
    const items = await page.locator("#vardavtal-errors li").allTextContents();
    expect(items.map((t) => t.split("\n")[0])).toEqual(cli.stderr.split("\n").filter((l) => /^consumption\.csv:\d+:\d+: error\[/.test(l)));
    expect(items[0]).toMatch(/^consumption\.csv:2:\d+: error\[BAD_NUMBER\]/);
    expect(await page.locator("script#vardavtal-result").count()).toBe(0);
    await page.close();
  }, 60_000);

  it("checks a key as check-key does", async () => {
    const dir = tempDir();
    for (const f of ["tariff.json", "costs.csv"]) copyFileSync(join(FIXTURES, "keycheck", f), join(dir, f));
    const cli = await runMain(["check-key", "--tariff", "tariff.json", "--costs", "costs.csv", "--json", "out.json"], dir);
    expect([0, 1], cli.stderr).toContain(cli.code); // 1: deviations above the tolerance
    const page = await open();
    await page.setInputFiles("input[name=tariff]", join(dir, "tariff.json"));
    await page.setInputFiles("input[name=costs]", join(dir, "costs.csv"));
    await page.click("button[name=check-key]");
    const json = await page.locator("script#vardavtal-keycheck").textContent({ timeout: 30_000 });
    expect(JSON.parse(json ?? "")).toEqual(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")));
    expect(await page.locator('a[download$=".xlsx"]').count()).toBe(1);
    await page.close();
  }, 60_000);

  it("says a key check failed when it failed, and passed only when it passed (the verdict read from the library's type)", async () => {
    const dir = tempDir();
    for (const f of ["tariff.json", "costs.csv"]) copyFileSync(join(FIXTURES, "keycheck", f), join(dir, f));
    for (const [tolerance, cliCode, verdict] of [
      ["0", 1, "Nyckelkontroll: avvikelser över toleransen"],
      ["100000000", 0, "Nyckelkontroll: inom toleransen"],
    ] as const) {
      const cli = await runMain(["check-key", "--tariff", "tariff.json", "--costs", "costs.csv", "--tolerance", tolerance], dir);
      expect(cli.code, cli.stderr).toBe(cliCode);
      const page = await open();
      await page.setInputFiles("input[name=tariff]", join(dir, "tariff.json"));
      await page.setInputFiles("input[name=costs]", join(dir, "costs.csv"));
      await page.fill("input[name=tolerance]", tolerance);
      await page.click("button[name=check-key]");
      await page.locator("script#vardavtal-keycheck").waitFor({ state: "attached", timeout: 30_000 });
      expect(await page.locator("#summary h2").first().textContent()).toBe(verdict);
      await page.close();
    }
  }, 90_000);

  it("made no request off the machine and met no script error", () => {
    expect(offMachine).toEqual([]);
    expect(problems).toEqual([]);
  });
});
