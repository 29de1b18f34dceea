/**
 * The package as a consumer gets it: packed, installed in a fresh project without the optional
 * dependencies (exceljs, yargs), the README's embedding example run unchanged, `require` from
 * CommonJS, and the browser bundle of `calculate` + `resultToJson` small and free of `node:`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers.js";

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

  it("installs without exceljs and yargs, and runs the README's example unchanged", () => {
    expect(readdirSync(join(project, "node_modules")).sort()).not.toContain("exceljs");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Som bibliotek"));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    expect(code).toContain('from "vardavtal"');
    writeFileSync(join(project, "example.mjs"), code);
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: project, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/party: 'RÖ', amount: '\d+\.\d\d'/);
  });

  it("works from CommonJS require", () => {
    writeFileSync(join(project, "r.cjs"), 'const v = require("vardavtal"); const n = require("vardavtal/node"); console.log(typeof v.calculate, typeof v.calculateCsv, n.bundledYears().join(","));');
    const run = spawnSync(process.execPath, ["r.cjs"], { cwd: project, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe("function function 2025,2026");
  });

  it("bundles calculate + resultToJson for a browser in at most 60 kB gzipped, with no node: import", async () => {
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
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(60 * 1024);
  });
});
