/**
 * The offline page in a real browser (Debian's chromium driven by playwright-core), opened from a
 * copy outside the repository: every command's form run on the example year, the page's JSON
 * (`script#vardavtal-result`) byte-identical to what the CLI's `--json` writes for the same files,
 * its printed text identical to the CLI's stdout, bad input listed as the terminal lists it, the
 * year flowing from one form to the next without a download, the charts with their figures, every
 * download present, a 200 000-row file through the fast reader in the worker (its speed against
 * the CLI on 1 000 000 rows: npm run bench:page), and no request off the machine.
 * Skipped (saying so) when no chromium is installed; `.ci/run` installs it.
 * Screenshots of each step, to look at, go to $VARDAVTAL_SCREENSHOTS when it is set (none are taken
 * otherwise: a full-page PNG costs a fifth of a second each, and nobody looks at a temp folder).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleConsumptionCsv } from "../src/read/example-year.js";
import { groupedDecimal } from "../src/core/model/decimal.js";
import { BIN, FIXTURES, ROOT, loadWorkbook, runMain, tempDir } from "./helpers.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const BUILT = join(ROOT, "web", "dist", "vardavtal.html");
const SHOTS = process.env.VARDAVTAL_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

describe.skipIf(!CHROMIUM)("the offline page (web/dist/vardavtal.html)", () => {
  let browser: Browser;
  let page: Page;
  /** the page, copied outside the repository */
  let pageFile: string;
  /** the example year's files and what the CLI wrote from them */
  const dir = tempDir();
  const offMachine: string[] = [];
  const problems: string[] = [];
  const cliOut: Record<string, string> = {};

  async function cli(name: string, args: string[], codes: number[] = [0]): Promise<string> {
    const run = await runMain(args, dir);
    expect(codes, `${args.join(" ")}\n${run.stderr}`).toContain(run.code);
    cliOut[name] = run.stdout;
    return run.stderr;
  }

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(ROOT, "scripts", "build-web.js")], { cwd: ROOT, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    pageFile = join(tempDir("vardavtal-page-"), "vardavtal.html");
    copyFileSync(BUILT, pageFile);
    copyFileSync(join(ROOT, "tariffs", "2025.json"), join(dir, "tariff-2025.json"));
    writeFileSync(join(dir, "konsumtion-2025.csv"), exampleConsumptionCsv());
    for (const f of ["befolkning-2024-12-31.csv", "gemensamma-kostnader-2025.csv"]) copyFileSync(join(ROOT, "examples", "2025", f), join(dir, f));
    const T = ["--tariff", "tariff-2025.json"];
    const C = ["--consumption", "konsumtion-2025.csv"];
    await cli("calculate", ["calculate", ...T, ...C, "--json", "resultat-2025.json", "--csv-dir", "csv"]);
    await cli("forecast", ["calculate", ...T, ...C, "--through", "2025-08-31", "--json", "prognos-2025-08.json"]);
    await cli("scenario", ["calculate", ...T, ...C, "--set", "fixedShare=0.60", "--json", "scenario-2025.json"]);
    await cli("acconto", ["acconto", ...T, "--json", "acconto-2025.json", "--ledger-dir", "bokforing-acconto"]);
    await cli("settle", ["settle", "--result", "resultat-2025.json", "--paid", "acconto-2025.json", "--json", "slutreglering-2025.json"]);
    await cli("overview", ["overview", "--plan", "acconto-2025.json", "--forecast", "prognos-2025-08.json", "--result", "resultat-2025.json", "--settlement", "slutreglering-2025.json", "--json", "oversikt-2025.json"]);
    await cli("compare", ["compare", "resultat-2025.json", "prognos-2025-08.json", "--json", "jamforelse.json"]);
    await cli("explain", ["explain", ...T, ...C, "RJL>RÖ variable", "--json", "forklaring.json"]);
    await cli("propose", ["propose", ...T, "--results", "resultat-2025.json", "--index", "2026=2,8", "--population", "befolkning-2024-12-31.csv", "--round-to", "1000", "--out", "forslag-2026.json"]);
    await cli("key", ["key", ...T, "--amount", "18000000"]);
    await cli("check-tariff", ["check-tariff", ...T]);
    await cli("check-key", ["check-key", ...T, "--costs", "gemensamma-kostnader-2025.csv", "--json", "nyckelkontroll-2025.json"], [0, 1]); // 1: deviations above the tolerance

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await open();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    const p = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    p.on("request", (r) => {
      if (!/^(file|blob|data):/.test(r.url())) offMachine.push(r.url());
    });
    p.on("pageerror", (e) => problems.push(e.message));
    p.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    await p.goto(pathToFileURL(pageFile).href);
    return p;
  }

  /** Opens a command's form, fills it, submits it and waits for the result or the errors. */
  async function submit(p: Page, command: string, fill: (form: Locator) => Promise<void> = async () => undefined, timeout = 60_000): Promise<"done" | "errors"> {
    await p.click(`nav.steps button[data-step="${command}"]`);
    const form = p.locator(`form[data-command="${command}"]`);
    await fill(form);
    await form.locator("button[type=submit]").click();
    // (no waitForFunction: the page's CSP forbids evaluating strings, rightly)
    await p.locator("#results:not([hidden]), #vardavtal-errors:not([hidden])").first().waitFor({ state: "attached", timeout });
    return (await p.locator("#vardavtal-errors").isHidden()) ? "done" : "errors";
  }

  const pageJson = async (p: Page): Promise<string> => (await p.locator("script#vardavtal-result").textContent()) ?? "";
  const pageText = async (p: Page): Promise<string> => (await p.locator("pre#vardavtal-text").textContent()) ?? "";
  /** An attribute of every element a locator finds. */
  const attrs = async (l: Locator, name: string): Promise<string[]> => {
    const out: string[] = [];
    for (let i = 0, n = await l.count(); i < n; i++) out.push((await l.nth(i).getAttribute(name)) ?? "");
    return out;
  };
  const downloads = async (p: Page): Promise<string[]> => {
    await p.locator('#downloads[aria-busy="false"]').waitFor({ state: "attached" }); // the workbooks come a moment after the result
    return attrs(p.locator("#downloads a[download]"), "download");
  };
  const written = (name: string): string => readFileSync(join(dir, name), "utf8");
  const shot = async (p: Page, name: string): Promise<void> => {
    if (!SHOTS) return;
    const file = join(SHOTS, `${name}.png`);
    await p.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  };
  /** The amount as the page writes it beside a chart. */
  const money = (text: string): string => `${groupedDecimal(text, "sv")} kr`;

  it("is one self-contained file with a strict Content-Security-Policy, a form per command named like the CLI's options", async () => {
    const html = readFileSync(pageFile, "utf8");
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'wasm-unsafe-eval'; worker-src blob:;[^"]*connect-src 'none'/);
    expect(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|url\(\s*["']?https?:/i.test(html)).toBe(false);
    expect(await page.evaluate('[...document.scripts].map((s) => s.src || s.type || "inline")')).toEqual(["inline"]);
    const forms = await attrs(page.locator("form[data-command]"), "data-command");
    expect(forms.sort()).toEqual(["acconto", "calculate", "check-key", "check-tariff", "compare", "explain", "key", "overview", "propose", "settle"]);
    const names = async (command: string, selector: string): Promise<string[]> => attrs(page.locator(`form[data-command="${command}"] ${selector}`), "name");
    expect(await names("calculate", "input[type=file]")).toEqual(["tariff", "consumption", "population", "scenario"]);
    expect(await names("calculate", ":is(input[type=text], textarea)")).toEqual(["through", "set"]);
    expect(await names("settle", "input[type=file]")).toEqual(["result", "paid", "tariff"]);
    expect(await page.locator('form[data-command="settle"] input[name=paid]').getAttribute("multiple")).not.toBeNull();
    expect(await names("settle", "select")).toEqual(["unit-price", "tariff-year"]);
    expect(await names("propose", "input[type=file]")).toEqual(["tariff", "results", "population"]);
    expect(await names("propose", ":is(input[type=text], textarea)")).toEqual(["index", "round-to"]);
    expect(await names("compare", "input[type=file]")).toEqual(["a", "b"]);
    expect(await names("overview", "input[type=file]")).toEqual(["plan", "forecast", "result", "settlement"]);
    expect(await names("check-key", "input[type=text]")).toEqual(["tolerance"]);
    expect(await names("explain", ":is(input[type=text], textarea)")).toEqual(["flow", "through", "set"]);
    await shot(page, "00-start");
  });

  it("calculates as `calculate --json --csv-dir` does, offers the files, draws the net positions with their figures", async () => {
    expect(
      await submit(page, "calculate", async (f) => {
        await f.locator("input[name=tariff]").setInputFiles(join(dir, "tariff-2025.json"));
        await f.locator("input[name=consumption]").setInputFiles(join(dir, "konsumtion-2025.csv"));
      }),
    ).toBe("done");
    expect(await pageJson(page)).toBe(written("resultat-2025.json"));
    expect(await pageText(page)).toBe(cliOut.calculate);
    const names = await downloads(page);
    expect(names).toEqual(expect.arrayContaining(["resultat-2025.json", "rapport-2025.xlsx", ...readdirSync(join(dir, "csv"))]));
    // the CSV files byte for byte as `--csv-dir` wrote them (downloaded: the page may fetch nothing)
    for (const csv of readdirSync(join(dir, "csv"))) {
      const [d] = await Promise.all([page.waitForEvent("download"), page.click(`#downloads a[download="${csv}"]`)]);
      const saved = join(dir, `page-${csv}`);
      await d.saveAs(saved);
      expect(readFileSync(saved).equals(readFileSync(join(dir, "csv", csv))), csv).toBe(true);
    }
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('#downloads a[download="rapport-2025.xlsx"]')]);
    const xlsx = join(dir, "page.xlsx");
    await download.saveAs(xlsx);
    expect((await loadWorkbook(xlsx)).worksheets.length).toBeGreaterThan(1);
    // the chart: one bar per region, each with its exact figure
    const result = JSON.parse(written("resultat-2025.json")) as { net: { party: string; amount: string }[] };
    expect(await page.locator("#charts svg rect").count()).toBe(result.net.length);
    const figures = await page.locator("#charts svg text.figure").allTextContents();
    expect(figures).toEqual(result.net.map((n) => money(n.amount)));
    await shot(page, "01-calculate");
  });

  it("keeps the result in the page and offers it to the settlement and the overview, without a download", async () => {
    await page.click('nav.steps button[data-step="settle"]');
    const settle = page.locator('form[data-command="settle"]');
    expect(await settle.locator('select[data-year-for="result"]').inputValue()).toBe("resultat-2025.json");
    expect(await settle.locator("input[name=result]").inputValue()).toBe(""); // no file picked
    expect(await page.locator("#year-files a[download]").allTextContents()).toEqual(["tariff-2025.json", "konsumtion-2025.csv", "resultat-2025.json"]);
    await shot(page, "02-flow-settle-offered");
  });

  it("gives the CLI's forecast and scenario, the consumption taken from the year", async () => {
    expect(await submit(page, "calculate", async (f) => f.locator("input[name=through]").fill("2025-08-31"))).toBe("done");
    expect(await pageJson(page)).toBe(written("prognos-2025-08.json"));
    expect(
      await submit(page, "calculate", async (f) => {
        await f.locator("input[name=through]").fill("");
        await f.locator("textarea[name=set]").fill("fixedShare=0.60");
      }),
    ).toBe("done");
    expect(await pageJson(page)).toBe(written("scenario-2025.json"));
    await page.locator('form[data-command="calculate"] textarea[name=set]').fill("");
  });

  it("makes the a-conto plan with its ledger lines, the tariff chosen from the year, and draws the months", async () => {
    expect(await submit(page, "acconto", async (f) => void (await f.locator('select[data-year-for="tariff"]').selectOption("tariff-2025.json")))).toBe("done");
    expect(await pageJson(page)).toBe(written("acconto-2025.json"));
    expect(await pageText(page)).toBe(cliOut.acconto);
    const ledger = readdirSync(join(dir, "bokforing-acconto"));
    expect(await downloads(page)).toEqual(expect.arrayContaining(["acconto-2025.json", "acconto-2025.xlsx", "acconto-lines.csv", "acconto-net.csv", "acconto-transfers.csv", ...ledger]));
    const plan = JSON.parse(written("acconto-2025.json")) as { net: { party: string; annual: string; months: string[] }[] };
    expect(await page.locator("#charts svg rect").count()).toBe(plan.net.length * 12);
    const figures = await page.locator("#charts table").textContent();
    for (const n of plan.net) for (const m of [...n.months, n.annual]) expect(figures).toContain(money(m));
    await shot(page, "03-acconto");
  });

  it("settles the year from the kept result and plan (no upload), as `settle --json`; a forecast without --forecast gives the CLI's errors", async () => {
    expect(await submit(page, "settle")).toBe("done");
    expect(await pageJson(page)).toBe(written("slutreglering-2025.json"));
    expect(await pageText(page)).toBe(cliOut.settle);
    expect(await page.locator("#charts svg text.figure").count()).toBeGreaterThan(0);
    await shot(page, "04-settle");

    const stderr = await cli("settle-forecast", ["settle", "--result", "prognos-2025-08.json", "--paid", "acconto-2025.json"], [2]);
    expect(await submit(page, "settle", async (f) => void (await f.locator('select[data-year-for="result"]').selectOption("prognos-2025-08.json")))).toBe("errors");
    const lines = await page.locator("#vardavtal-errors li").allTextContents();
    expect([...lines, await page.locator("#error-count").textContent()].join("\n") + "\n").toBe(stderr);
    expect(await page.locator("script#vardavtal-result").count()).toBe(0);
    await shot(page, "05-settle-errors");
    await page.locator('form[data-command="settle"] select[data-year-for="result"]').selectOption("resultat-2025.json");
  });

  it("draws the overview (plan, forecast, outcome) with the exact figures, as `overview --json`", async () => {
    expect(await submit(page, "overview")).toBe("done");
    expect(await pageJson(page)).toBe(written("oversikt-2025.json"));
    expect(await pageText(page)).toBe(cliOut.overview);
    const o = JSON.parse(written("oversikt-2025.json")) as { parties: { plan: string; forecasts: { net: string }[]; outcome: string }[] };
    const figures = await page.locator("#charts svg text.figure").allTextContents();
    expect(figures).toEqual(o.parties.flatMap((p) => [p.plan, ...p.forecasts.map((f) => f.net), p.outcome].map(money)));
    await shot(page, "06-overview");
  });

  it("compares, explains and proposes as the CLI does", async () => {
    expect(
      await submit(page, "compare", async (f) => {
        await f.locator('select[data-year-for="a"]').selectOption("resultat-2025.json");
        await f.locator('select[data-year-for="b"]').selectOption("prognos-2025-08.json");
      }),
    ).toBe("done");
    expect(await pageJson(page)).toBe(written("jamforelse.json"));
    expect(await pageText(page)).toBe(cliOut.compare);
    await shot(page, "07-compare");

    expect(
      await submit(page, "explain", async (f) => {
        await f.locator("input[name=flow]").fill("RJL>RÖ variable");
        await f.locator('select[data-year-for="tariff"]').selectOption("tariff-2025.json");
      }),
    ).toBe("done");
    expect(await pageJson(page)).toBe(written("forklaring.json"));
    expect(await pageText(page)).toBe(cliOut.explain);
    await shot(page, "08-explain");

    expect(
      await submit(page, "propose", async (f) => {
        await f.locator('select[data-year-for="tariff"]').selectOption("tariff-2025.json");
        await f.locator("input[name=population]").setInputFiles(join(dir, "befolkning-2024-12-31.csv"));
        await f.locator("textarea[name=index]").fill("2026=2,8");
        await f.locator("input[name=round-to]").fill("1000");
      }),
    ).toBe("done");
    expect(await pageJson(page)).toBe(written("forslag-2026.json"));
    expect(await pageText(page)).toBe(cliOut.propose);
    expect(await downloads(page)).toEqual(["forslag-2026.json", "forslag-2026.xlsx"]);
    // the proposal is a tariff of the year: offered to the tariff fields
    expect(await page.locator('form[data-command="acconto"] select[data-year-for="tariff"] option[value="forslag-2026.json"]').count()).toBe(1);
    await shot(page, "09-propose");
  });

  it("shows the key, the tariff and the key check as the CLI prints them", async () => {
    expect(
      await submit(page, "key", async (f) => {
        await f.locator('select[data-year-for="tariff"]').selectOption("tariff-2025.json");
        await f.locator("input[name=amount]").fill("18000000");
      }),
    ).toBe("done");
    expect(await pageText(page)).toBe(cliOut.key);
    await shot(page, "10-key");
    expect(await submit(page, "check-tariff", async (f) => void (await f.locator('select[data-year-for="tariff"]').selectOption("tariff-2025.json")))).toBe("done");
    expect(await pageText(page)).toBe(cliOut["check-tariff"]);
    expect(await downloads(page)).toEqual(["vardavtal-tariff-1.schema.json"]);
    await shot(page, "11-check-tariff");
    expect(
      await submit(page, "check-key", async (f) => {
        await f.locator('select[data-year-for="tariff"]').selectOption("tariff-2025.json");
        await f.locator("input[name=costs]").setInputFiles(join(dir, "gemensamma-kostnader-2025.csv"));
      }),
    ).toBe("done");
    expect(await pageJson(page)).toBe(written("nyckelkontroll-2025.json"));
    expect(await pageText(page)).toBe(cliOut["check-key"]);
    await shot(page, "12-check-key");
  });

  it("lists bad input as the terminal does, every line", async () => {
    const bad = tempDir();
    writeFileSync(join(bad, "consumption.csv"), "år;säljare;köpare;verksamhet;poäng\n2025;RÖ;RJL;neurokirurgi;2,5x\n2025;RÖ;Skåne;neurokirurgi;1\n");
    const run = await runMain(["calculate", "--tariff", "2025", "--consumption", "consumption.csv"], bad);
    expect(run.code).toBe(2);
    const p = await open();
    expect(await submit(p, "calculate", async (f) => f.locator("input[name=consumption]").setInputFiles(join(bad, "consumption.csv")))).toBe("errors");
    const items = await p.locator("#vardavtal-errors li").allTextContents();
    expect([...items, await p.locator("#error-count").textContent()].join("\n") + "\n").toBe(run.stderr);
    expect(items[0]).toMatch(/^consumption\.csv:2:\d+: error\[BAD_NUMBER\]/);
    await shot(p, "13-errors");
    await p.close();
  });

  it("says a file picked and then deleted is gone, and names a missing result as the terminal does", async () => {
    const gone = tempDir();
    writeFileSync(join(gone, "borta.csv"), "år;säljare;köpare;verksamhet;poäng\n2025;RÖ;RJL;neurokirurgi;1\n");
    writeFileSync(join(gone, "borta.json"), "{}\n");
    const p = await open();
    expect(await submit(p, "calculate", async (f) => {
      await f.locator("input[name=consumption]").setInputFiles(join(gone, "borta.csv"));
      rmSync(join(gone, "borta.csv"));
    })).toBe("errors");
    expect(await p.locator("#vardavtal-errors li").allTextContents()).toEqual(["borta.csv:1:1: error[FILE_READ]: kan inte läsa filen: filen finns inte längre där den valdes: välj den igen"]);
    expect(await submit(p, "settle", async (f) => {
      await f.locator("input[name=result]").setInputFiles(join(gone, "borta.json"));
      await f.locator("input[name=paid]").setInputFiles(join(gone, "borta.json"));
      rmSync(join(gone, "borta.json"));
    })).toBe("errors");
    expect((await p.locator("#vardavtal-errors li").allTextContents())[0]).toBe("borta.json:1:1: error[FILE_READ]: kan inte läsa filen: filen finns inte längre där den valdes: välj den igen");
    // compare without its two results: the command line's words, one line, no count
    const run = await runMain(["compare"], gone);
    expect(await submit(p, "compare")).toBe("errors");
    expect([...(await p.locator("#vardavtal-errors li").allTextContents()), (await p.locator("#error-count").textContent()) ?? ""].filter((l) => l !== "").join("\n") + "\n").toBe(run.stderr);
    await p.close();
  });

  it("says a key check failed when it failed, and passed only when it passed (the verdict read from the library's type)", async () => {
    const kc = tempDir();
    for (const f of ["tariff.json", "costs.csv"]) copyFileSync(join(FIXTURES, "keycheck", f), join(kc, f));
    const p = await open();
    for (const [tolerance, cliCode, verdict] of [
      ["0", 1, "Nyckelkontroll: avvikelser över toleransen"],
      ["100000000", 0, "Nyckelkontroll: inom toleransen"],
    ] as const) {
      const run = await runMain(["check-key", "--tariff", "tariff.json", "--costs", "costs.csv", "--tolerance", tolerance, "--json", `out-${tolerance}.json`], kc);
      expect(run.code, run.stderr).toBe(cliCode);
      expect(
        await submit(p, "check-key", async (f) => {
          await f.locator("input[name=tariff]").setInputFiles(join(kc, "tariff.json"));
          await f.locator("input[name=costs]").setInputFiles(join(kc, "costs.csv"));
          await f.locator("input[name=tolerance]").fill(tolerance);
        }),
      ).toBe("done");
      expect(await pageJson(p)).toBe(readFileSync(join(kc, `out-${tolerance}.json`), "utf8"));
      expect(await p.locator("#summary h2").first().textContent()).toBe(verdict);
    }
    await p.close();
  });

  it("runs the example year end to end from one button", async () => {
    const p = await open();
    await p.click("#example");
    await p.getByText(/^Exempelåret 2025 är räknat/).or(p.locator("#vardavtal-errors:not([hidden])")).waitFor({ timeout: 120_000 });
    expect(await p.locator("#vardavtal-errors").isHidden()).toBe(true);
    expect(await p.locator("#year-files a[download]").allTextContents()).toEqual(["konsumtion-2025.csv", "befolkning-2024-12-31.csv", "resultat-2025.json", "acconto-2025.json", "slutreglering-2025.json", "prognos-2025-08.json", "forslag-2026.json"]);
    expect(JSON.parse(await pageJson(p)).format).toBe("vardavtal-overview/1");
    expect(await p.locator("#charts svg text.figure").count()).toBe(9);
    await shot(p, "14-example-year");
    await p.close();
  }, 180_000);

  // (how fast against the CLI, on 1 000 000 rows: npm run bench:page; here the figures)
  it("reads 200 000 rows with the fast reader in its worker, chunk by chunk, the same figures as the CLI", async () => {
    if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) return void console.warn("web.test: no dist/ (npm run build): the large file is skipped");
    const big = tempDir();
    const { generate } = (await import(pathToFileURL(join(ROOT, "scripts", "lib", "consumption.js")).href)) as { generate(file: string, rows: number): void };
    generate(join(big, "rader.csv"), 200_000);
    // over 8 MiB, so the page (as the CLI) reads it with the fast reader, in 1 MiB chunks
    expect(statSync(join(big, "rader.csv")).size).toBeGreaterThan(12 << 20);
    copyFileSync(join(ROOT, "tariffs", "2025.json"), join(big, "tariff-2025.json"));
    const run = spawnSync(process.execPath, [BIN, "calculate", "--tariff", "tariff-2025.json", "--consumption", "rader.csv", "--json", "cli.json"], { cwd: big, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const p = await open();
    const form = p.locator('form[data-command="calculate"]');
    await form.locator("input[name=tariff]").setInputFiles(join(big, "tariff-2025.json"));
    await form.locator("input[name=consumption]").setInputFiles(join(big, "rader.csv"));
    expect(await submit(p, "calculate", async () => undefined, 180_000)).toBe("done");
    const text = await pageJson(p);
    expect(JSON.parse(text).inputs[1]).toMatchObject({ role: "consumption", rows: 200_000, reader: "fast" });
    expect(text).toBe(readFileSync(join(big, "cli.json"), "utf8"));
    await shot(p, "15-large-file");
    await p.close();
  }, 300_000);

  it("made no request off the machine and met no script error", () => {
    expect(offMachine).toEqual([]);
    expect(problems).toEqual([]);
  });
});
