/**
 * First contact: the README's first code block is what a newcomer types, and `.ci/run` runs that
 * block line by line exactly as written (it reads it from the README, so a changed line is what CI
 * runs). These checks hold the pieces that make it work on a fresh clone: the block holds the two
 * set-up commands, CI's extraction finds exactly those lines, and `npm install` builds the CLI
 * (`prepare`), because `dist/` is not committed.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const ciRun = readFileSync(join(ROOT, ".ci", "run"), "utf8");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; bin: Record<string, string> };

/** The README's first ```sh block, as the awk line in .ci/run extracts it. */
function ciLines(): string[] {
  const awk = /mapfile -t readme_lines < <\((awk '[^\n]*' README\.md)\)/.exec(ciRun)?.[1];
  expect(awk, ".ci/run extracts the README's lines with awk").toBeTruthy();
  const run = spawnSync("bash", ["-c", awk ?? "false"], { cwd: ROOT, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split("\n").filter((l) => l.trim() !== "");
}

describe("the README's first commands", () => {
  it("are the first code block: install and demo, then the tests", () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const commands = first
      .split("\n")
      .map((l) => l.replace(/#.*$/, "").trim())
      .filter((l) => l !== "");
    expect(commands).toEqual(["npm install && npm run demo", "npm test"]);
  });

  it("are exactly what .ci/run runs, in order, after the system packages and before anything else", () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(ciLines()).toEqual(first.split("\n").filter((l) => l.trim() !== ""));
    const runAt = ciRun.indexOf('bash -euo pipefail -c "$line"');
    expect(runAt).toBeGreaterThan(0);
    // nothing of the project (npm) is run before the README's lines
    expect(ciRun.slice(0, ciRun.indexOf("mapfile -t readme_lines"))).not.toMatch(/^\s*npm /m);
    expect(ciRun.slice(runAt)).not.toMatch(/^\s*npm /m);
  });

  it("build the CLI on install, since dist/ is not committed", () => {
    expect(readFileSync(join(ROOT, ".gitignore"), "utf8")).toMatch(/^dist\/$/m);
    expect(pkg.scripts.prepare).toBe("npm run build");
    expect(pkg.scripts.demo).toMatch(/bin\/vardavtal\.js demo/);
    expect(readFileSync(join(ROOT, pkg.bin.vardavtal ?? ""), "utf8")).toContain("../dist/cli/main.js");
  });
});
