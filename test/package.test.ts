/**
 * The package as a consumer gets it: packed, installed in a fresh project without the optional
 * dependency (exceljs; yargs, the command line's parser, is a dependency), the README's embedding
 * example run unchanged, `require` from CommonJS, the browser bundle of `calculate` +
 * `resultToJson` small and free of `node:`, and the browser entries' types compiled with neither
 * @types/node nor exceljs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers.js";
import { loadXlsx } from "../src/cli/load-xlsx.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the packed package in a consumer project", () => {
  let project = "";
  let files: string[] = [];

  beforeAll(() => {
    const dir = tempDir("vardavtal-pack-");
    const packed = JSON.parse(execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" })) as { filename: string; files: { path: string }[] }[];
    files = packed[0]?.files.map((f) => f.path) ?? [];
    project = join(dir, "consumer");
    execFileSync("mkdir", [project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", type: "module" }));
    execFileSync(npm, ["install", "--no-audit", "--no-fund", "--omit=optional", "--prefer-offline", join(dir, packed[0]?.filename ?? "")], { cwd: project, encoding: "utf8" });
  }, 180_000);

  it("holds a LICENSE and no source maps", () => {
    expect(files).toContain("LICENSE");
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  });

  it("ships the small example files and not the example consumption (demo generates it)", () => {
    expect(files.filter((f) => f.startsWith("examples/")).sort()).toEqual(["examples/2025/befolkning-2024-12-31.csv", "examples/2025/gemensamma-kostnader-2025.csv"]);
  });

  it("installs without exceljs (optional) but with yargs (the command line's own parser), and runs the README's example unchanged", () => {
    expect(readdirSync(join(project, "node_modules")).sort()).not.toContain("exceljs");
    expect(readdirSync(join(project, "node_modules")).sort()).toContain("yargs");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Som bibliotek"));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    expect(code).toContain('from "vardavtal"');
    writeFileSync(join(project, "example.mjs"), code);
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: project, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/party: 'RÖ', amount: '\d+\.\d\d'/);
  });

  it("compiles a browser project against vardavtal and vardavtal/xlsx with no @types/node (types: [], the declarations checked with skipLibCheck off)", () => {
    expect(readdirSync(join(project, "node_modules")).sort()).not.toContain("@types");
    const consumer = join(project, "consumer.ts");
    writeFileSync(
      consumer,
      [
        'import { acconto, calculate, compare, explain, resultToJson, safe, settle, type CalculationResult, type Outcome } from "vardavtal";',
        'import { resultWorkbook, settlementWorkbook } from "vardavtal/xlsx";',
        "declare const tariff: unknown;",
        'const rows = [{ date: "2025-02-03", seller: "RÖ", buyer: "RJL", area: "neurokirurgi", points: "2,5" }];',
        "const result: Outcome<CalculationResult> = await calculate({ tariff, consumption: rows });",
        "const settled = await settle({ result, plan: await acconto({ tariff }) });",
        "const change: bigint = (await compare(result, result.value)).value.net[0]!.change;",
        'const chain: string = (await explain({ result, flow: "net RJL" })).value.lines[0]!.text;',
        "const checked = await safe(calculate({ tariff, consumption: rows }));",
        "const count: number = checked.ok ? checked.value.flows.length : checked.diagnostics.length;",
        'const bytes: Uint8Array = await resultWorkbook(result.value, { lang: "sv", inputs: [], version: "1" });',
        'const more: Uint8Array = await settlementWorkbook(settled.value, { lang: "en", inputs: [], version: "1", resultFile: "r.json" });',
        "const amount: string = resultToJson(result).net[0]!.amount;",
        "export const all = [change, chain, count, bytes, more, amount];",
        "",
      ].join("\n"),
    );
    const compile = (lib: string[], skipLibCheck: boolean) => {
      const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib, types: [], strict: true, noUncheckedIndexedAccess: true, skipLibCheck, noEmit: true };
      const program = ts.createProgram([consumer], options);
      return { program, problems: ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.fileName.slice(project.length + 1) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`) };
    };
    // a browser project: ES2022 and the DOM (the declarations themselves checked below)
    const { program, problems } = compile(["lib.es2022.d.ts", "lib.dom.d.ts"], true);
    expect(problems).toEqual([]);
    // vardavtal's own declarations, checked too (skipLibCheck off), need not even the DOM (zod's
    // name URL, which a Web Worker has too)
    expect(compile(["lib.es2022.d.ts"], false).problems.filter((p) => !p.startsWith("node_modules/zod/"))).toEqual([]);
    // and it reached the declarations of both entries (nothing resolved to any)
    const declared = program.getSourceFiles().map((f) => f.fileName.slice(project.length + 1));
    expect(declared).toEqual(expect.arrayContaining(["node_modules/vardavtal/dist/index.d.ts", "node_modules/vardavtal/dist/xlsx.d.ts"]));
    expect(declared.filter((f) => /@types\/node|exceljs/.test(f))).toEqual([]);
  }, 240_000);

  it("works from CommonJS require", () => {
    writeFileSync(join(project, "r.cjs"), 'const v = require("vardavtal"); const n = require("vardavtal/node"); console.log(typeof v.calculate, typeof v.calculateCsv, n.bundledYears().join(","));');
    const run = spawnSync(process.execPath, ["r.cjs"], { cwd: project, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe("function function 2025,2026");
  });

  it("answers --xlsx without exceljs with XLSX_UNAVAILABLE: exit 2, no stack trace, nothing written", () => {
    // a CLI-only install (--omit=optional): yargs is a dependency, exceljs absent
    const bin = join(project, "node_modules", "vardavtal", "bin", "vardavtal.js");
    const sv = spawnSync(process.execPath, [bin, "acconto", "--tariff", "2025", "--json", "plan.json", "--xlsx", "plan.xlsx"], { cwd: project, encoding: "utf8" });
    expect(sv.status, sv.stderr).toBe(2);
    expect(sv.stderr).toMatch(/^--xlsx:1:1: error\[XLSX_UNAVAILABLE\]: Excelrapporten kräver paketet exceljs, som inte är installerat; inget skrevs\n  tips: installera det med npm install exceljs/);
    expect(sv.stderr).not.toMatch(/\n\s+at |internal error/);
    expect([existsSync(join(project, "plan.json")), existsSync(join(project, "plan.xlsx"))]).toEqual([false, false]);
    const en = spawnSync(process.execPath, [bin, "key", "--lang", "en", "--tariff", "2025"], { cwd: project, encoding: "utf8" });
    expect(en.status, en.stderr).toBe(0); // the command line itself runs without exceljs
    const calc = spawnSync(process.execPath, [bin, "calculate", "--lang", "en", "--tariff", "2025", "--consumption", join(ROOT, "test", "fixtures", "spec", "mini-2025", "consumption.csv"), "--xlsx", "r.xlsx"], { cwd: project, encoding: "utf8" });
    expect(calc.status, calc.stderr).toBe(2);
    expect(calc.stderr).toContain("error[XLSX_UNAVAILABLE]: the Excel workbook needs the package exceljs, which is not installed");
    // an input workbook needs exceljs too: said as such; CSV inputs need it not (the runs above)
    const bad = join(ROOT, "test", "fixtures", "bad", "XLSX_NOT_EXACT");
    const paid = spawnSync(process.execPath, [bin, "settle", "--result", join(bad, "result.json"), "--paid", join(bad, "paid.xlsx"), "--json", "s.json"], { cwd: project, encoding: "utf8" });
    expect(paid.status, paid.stderr).toBe(2);
    expect(paid.stderr).toContain(`${join(bad, "paid.xlsx")}:1:1: error[XLSX_READ_UNAVAILABLE]: att läsa en Excelfil kräver paketet exceljs, som inte är installerat`);
    expect(paid.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(existsSync(join(project, "s.json"))).toBe(false);
  });

  it("bundles calculate + resultToJson for a browser in at most 88 kB gzipped, with no node: import", async () => {
    const out = await build({
      stdin: { contents: 'export { calculate, resultToJson } from "vardavtal";', resolveDir: project },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const text = out.outputFiles[0]?.text ?? "";
    expect(text).not.toMatch(/["']node:/);
    // 88 kB: the words of both languages (the catalogues every message and its hint come from: about
    // 100 kB of the 260 kB before gzip) are in it, and zod (about 90 kB, its JSON Schema writer
    // included, which esbuild cannot leave out); this round added the books', the decision's, the
    // digest's, the Excel inputs' and the workbooks' words (81.4 kB measured 2026-12-04)
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(88 * 1024);
  });
});

describe("loadXlsx", () => {
  it("turns only a missing exceljs into XLSX_UNAVAILABLE; any other failure goes on as it is", async () => {
    const missing = Object.assign(new Error("Cannot find package 'exceljs' imported from /x/dist/render/xlsx/kit/workbook.js"), { code: "ERR_MODULE_NOT_FOUND" });
    const err = await loadXlsx("--xlsx", () => Promise.reject(missing)).catch((e) => e);
    expect(err.diagnostics).toEqual([{ severity: "error", code: "XLSX_UNAVAILABLE", params: { option: "--xlsx" }, file: "--xlsx", line: 1, column: 1 }]);
    const other = Object.assign(new Error("Cannot find module '/x/dist/render/xlsx/report.js'"), { code: "ERR_MODULE_NOT_FOUND" });
    expect(await loadXlsx("--xlsx", () => Promise.reject(other)).catch((e) => e)).toBe(other);
    // with exceljs installed (this project), the writers load
    expect(typeof (await loadXlsx()).resultWorkbook).toBe("function");
  });
});
