/**
 * Docs that run: every shell example in README.md and docs/*.md that calls `vardavtal` runs here,
 * against one folder laid out as the examples assume (the demo's files under the names the docs
 * use), and every command and flag the docs name (in a block or an inline `vardavtal …` span) must
 * exist in the real CLI's --help. A block that cannot run as written carries the marker
 * `<!-- docs-test: skip (reason) -->` on the line before it; a block whose command ends with
 * another exit code than 0 says so with `<!-- docs-test: exit N (reason) -->`. A marker without a
 * reason, a marker not followed by a block, or an unknown marker is itself a failure.
 *
 * Each page runs its blocks in order (a later block may read what an earlier one wrote) in its own
 * copy of the shared folder; `npx vardavtal` and `vardavtal` both run this checkout's CLI.
 *
 * What the docs show the tool printing is checked too: a block after `<!-- docs-test: output -->`
 * shows the standard output of the last command of the runnable block before it, and a block after
 * `<!-- docs-test: file PATH -->` shows the file PATH as the examples above it wrote it. Every
 * line shown must be a line of the real output, in the same order; a line `…` stands for lines
 * left out. So a figure in the docs that the tool no longer prints fails the test.
 */
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, resealedText, runCli, runMain, tempDir } from "./helpers.js";

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// Reading the examples out of the Markdown

export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  /** the command lines, continuation lines (`\`) joined, comments kept (bash drops them) */
  commands: string[];
  marker: { kind: "run" } | { kind: "skip"; reason: string } | { kind: "exit"; code: number; reason: string } | { kind: "output" } | { kind: "file"; path: string };
  /** an output or file block: the lines it shows */
  shown?: string[];
}

export interface DocProblem {
  file: string;
  line: number;
  problem: string;
}

const MARKER = /^<!--\s*docs-test:\s*(.*?)\s*-->$/;
const SHELL_LANGS = new Set(["", "sh", "bash", "shell", "console"]);
/** A line that calls the tool: `vardavtal …` or `npx vardavtal …`. */
const CALLS = /^(?:\$\s+)?(?:npx\s+)?vardavtal\s/;

/** The shell blocks of one page that call vardavtal, with their markers, and the problems found. */
export function docBlocks(file: string, text: string): { blocks: DocBlock[]; problems: DocProblem[] } {
  const lines = text.split("\n");
  const blocks: DocBlock[] = [];
  const problems: DocProblem[] = [];
  let pending: { line: number; body: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] as string).trim();
    const m = MARKER.exec(l);
    if (m) {
      if (pending) problems.push({ file, line: pending.line, problem: "a docs-test marker that is not followed by a code block" });
      pending = { line: i + 1, body: m[1] as string };
      continue;
    }
    const fence = /^```(\S*)\s*$/.exec(l);
    if (!fence) {
      if (pending && l !== "") {
        problems.push({ file, line: pending.line, problem: "a docs-test marker that is not followed by a code block" });
        pending = undefined;
      }
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] as string); i++) body.push(lines[i] as string);
    const marked = pending;
    pending = undefined;
    const lang = (fence[1] ?? "").toLowerCase();
    // what the tool printed or wrote: shown lines, checked against the real output
    const shows = marked ? /^(?:(output)|file\s+(\S+))$/.exec(marked.body) : null;
    if (shows && marked) {
      blocks.push({ file, line: start + 1, commands: [], marker: shows[1] ? { kind: "output" } : { kind: "file", path: shows[2] as string }, shown: body });
      continue;
    }
    const commands = joinContinuations(body).filter((c) => c.trim() !== "" && !c.trim().startsWith("#"));
    if (!SHELL_LANGS.has(lang) || !commands.some((c) => CALLS.test(c.trim()))) {
      if (marked) problems.push({ file, line: marked.line, problem: "a docs-test marker before a block that runs no vardavtal command" });
      continue;
    }
    let marker: DocBlock["marker"] = { kind: "run" };
    if (marked) {
      const skip = /^skip\s+\((.+)\)$/.exec(marked.body);
      const exit = /^exit\s+(\d+)\s+\((.+)\)$/.exec(marked.body);
      if (skip) marker = { kind: "skip", reason: skip[1] as string };
      else if (exit) marker = { kind: "exit", code: Number(exit[1]), reason: exit[2] as string };
      else problems.push({ file, line: marked.line, problem: `unknown docs-test marker "${marked.body}" (write "skip (reason)", "exit N (reason)", "output" or "file PATH")` });
    }
    blocks.push({ file, line: start + 1, commands: commands.map((c) => c.trim()), marker });
  }
  if (pending) problems.push({ file, line: pending.line, problem: "a docs-test marker that is not followed by a code block" });
  return { blocks, problems };
}

function joinContinuations(lines: string[]): string[] {
  const out: string[] = [];
  let acc = "";
  for (const l of lines) {
    if (/\\\s*$/.test(l)) acc += l.replace(/\\\s*$/, " ");
    else {
      out.push(acc + l);
      acc = "";
    }
  }
  if (acc) out.push(acc);
  return out;
}

/**
 * The shown lines that are not in the real text, in order (none: an empty list): each shown line
 * (trailing blanks ignored) must be a line of the text after the one matched before it; `…` skips.
 */
export function notShown(shown: readonly string[], actual: string): string[] {
  const lines = actual.replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.trimEnd());
  const missing: string[] = [];
  let at = 0;
  for (const raw of shown) {
    const line = raw.trimEnd();
    if (line === "…" || line === "") continue;
    const k = lines.indexOf(line, at);
    if (k < 0) missing.push(line);
    else at = k + 1;
  }
  return missing;
}

/** Every `vardavtal <command> …` the page names inline (single backticks), outside code blocks. */
export function inlineCalls(text: string): { line: number; call: string }[] {
  const out: { line: number; call: string }[] = [];
  let inBlock = false;
  text.split("\n").forEach((l, i) => {
    if (/^\s*```/.test(l)) inBlock = !inBlock;
    if (inBlock) return;
    for (const m of l.matchAll(/`((?:npx\s+)?vardavtal\s+[a-z][a-z-]*[^`]*)`/g)) out.push({ line: i + 1, call: m[1] as string });
  });
  return out;
}

/** What the CLI offers: its commands and each command's flags, as its --help lists them. */
export interface CliSurface {
  commands: Map<string, Set<string>>;
}

/** The command and the flags a call names that the CLI does not have (none: an empty list). */
export function unknownNames(call: string, cli: CliSurface): string[] {
  const words = call.trim().replace(/^(?:\$\s+)?(?:npx\s+)?vardavtal\s+/, "");
  const command = /^([a-z][a-z-]*)/.exec(words)?.[1];
  if (!command) return [];
  const flags = cli.commands.get(command);
  if (!flags) return [`command "${command}"`];
  const named = [...words.replace(/#.*$/, "").matchAll(/(?:^|[\s[|(])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1] as string);
  return [...new Set(named)].filter((f) => !flags.has(f)).map((f) => `flag ${f} of ${command}`);
}

/** Reads the commands and flags from the CLI's help (in process: runMain prints what the bin prints). */
async function cliSurface(): Promise<CliSurface> {
  const help = async (args: string[]): Promise<string> => (await runMain([...args, "--help", "--lang", "en"], ROOT)).stdout;
  const top = await help([]);
  const names = [...top.matchAll(/^\s+vardavtal ([a-z][a-z-]*)/gm)].map((m) => m[1] as string);
  const commands = new Map<string, Set<string>>();
  const texts = await Promise.all(names.map((name) => help([name])));
  for (const [i, name] of names.entries()) {
    const text = texts[i] as string;
    const flags = new Set<string>();
    // one entry per option: its line and the description lines under it, up to the next option
    for (const entry of text.split(/\n(?=\s+(?:-\w, )?--[a-z])/)) {
      const flag = /^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)\s/.exec(entry)?.[1];
      if (!flag) continue;
      flags.add(flag);
      if (/\[boolean\]/.test(entry)) flags.add(`--no-${flag.slice(2)}`); // yargs reads --no-X as X=false
    }
    commands.set(name, flags);
  }
  return { commands };
}

// ---------------------------------------------------------------------------------------------
// The folder the examples assume

/** The pages whose examples run: README.md and every page in docs/. */
const PAGES = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];

/**
 * The demo's output, plus its files under the names the docs use. A file a page reads that is
 * neither here nor written by an earlier example on the page makes that example fail.
 */
function layOutFolder(dir: string): void {
  const demo = runCli(["demo", "--out", dir]);
  if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const consumption = readFileSync(join(dir, "konsumtion-2025.csv"), "utf8");
  const [header, ...rows] = consumption.split("\n");
  // the consumption under its short name, and the second tertial's file (rows through 31 August)
  writeFileSync(join(dir, "konsumtion.csv"), consumption);
  writeFileSync(join(dir, "konsumtion-2025-t2.csv"), [header, ...rows.filter((r) => r === "" || !/^2025;2025-(09|10|11|12)-/.test(r))].join("\n"));
  // last year's result: a stand-in with the demo's figures under the year 2024 (sealed again: a
  // year changed by hand is otherwise refused, RESULT_EDITED)
  const result = readFileSync(join(dir, "resultat-2025.json"), "utf8");
  writeFileSync(join(dir, "resultat-2024.json"), resealedText(result.replace(/^ {2}"year": 2025,$/m, '  "year": 2024,')));
  // the bundled example inputs, by their own names and as the README's relative paths name them
  for (const f of ["befolkning-2024-12-31.csv", "gemensamma-kostnader-2025.csv"]) cpSync(join(ROOT, "examples", "2025", f), join(dir, f));
  symlinkSync(join(ROOT, "examples"), join(dir, "examples"));
  // a scenario file (JSON merge patch on the tariff): 60/40 instead of 65/35
  writeFileSync(join(dir, "andring.json"), JSON.stringify({ fixedShare: "0.60" }, null, 2) + "\n");
  // `vardavtal` and `npx vardavtal` run this checkout's CLI
  mkdirSync(join(dir, ".bin"));
  writeFileSync(join(dir, ".bin", "vardavtal"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, ".bin", "vardavtal"), 0o755);
}

/** The paths an example asks to be written: they must exist after it ran. */
function outputsOf(command: string): string[] {
  return [...command.matchAll(/--(?:json|xlsx|out|csv-dir)\s+("[^"]+"|\S+)/g)].map((m) => (m[1] as string).replace(/^"|"$/g, ""));
}

/**
 * The words of a plain `vardavtal …` line as bash would pass them (quotes removed, a trailing
 * comment dropped), or undefined when the line needs the shell: a pipe, a redirection, a
 * variable, a glob, more than one command.
 */
export function plainCall(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) return undefined;
      const inner = line.slice(i + 1, end);
      if (c === '"' && /[$`\\!]/.test(inner)) return undefined;
      word = (word ?? "") + inner;
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "#" && word === undefined) break;
    else if (/[|&;<>()$`\\*?[\]{}~!]/.test(c)) return undefined;
    else word = (word ?? "") + c;
  }
  if (word !== undefined) words.push(word);
  return words[0] === "vardavtal" ? words.slice(1) : undefined;
}

/**
 * Runs a block's commands in order: a plain `vardavtal …` line through the CLI's main in this
 * process (runMain: the same code the bin runs, without a process start each), any other line
 * through bash with `vardavtal` on the PATH.
 */
async function runBlock(block: DocBlock, cwd: string): Promise<{ command: string; code: number; stdout: string; stderr: string; missing: string[] }[]> {
  const results = [];
  for (const command of block.commands) {
    const line = command.replace(/^\$\s+/, "").replace(/^npx\s+vardavtal\s/, "vardavtal ");
    const args = plainCall(line);
    const { code, stdout, stderr } = args ? await runMain(args, cwd, { VARDAVTAL_LANG: "sv" }) : await runBash(line, cwd);
    results.push({ command, code, stdout, stderr, missing: outputsOf(line).filter((p) => !existsSync(join(cwd, p))) });
  }
  return results;
}

/** A line through bash, `vardavtal` on the PATH: its exit code and output. */
async function runBash(line: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("bash", ["-euo", "pipefail", "-c", line], { cwd, env: { ...process.env, PATH: `${join(cwd, ".bin")}:${process.env.PATH ?? ""}`, VARDAVTAL_LANG: "sv" }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : -1, stdout: "", stderr: err.stderr ?? String(e) };
  }
}

// ---------------------------------------------------------------------------------------------

const pages = PAGES.map((file) => ({ file, ...docBlocks(file, readFileSync(join(ROOT, file), "utf8")), inline: inlineCalls(readFileSync(join(ROOT, file), "utf8")) }));
let base = "";
let cli: CliSurface;

beforeAll(async () => {
  base = tempDir("vardavtal-docs-");
  const folder = join(base, "folder");
  [cli] = await Promise.all([cliSurface(), Promise.resolve(layOutFolder(folder))]);
}, 120_000);

describe("the docs' examples", () => {
  it("find the examples: README and arbetsgang have runnable blocks, the markers are well-formed", () => {
    expect(pages.flatMap((p) => p.problems)).toEqual([]);
    const runnable = (file: string): number => pages.find((p) => p.file === file)?.blocks.filter((b) => b.commands.length > 0 && b.marker.kind !== "skip").length ?? 0;
    expect(runnable("README.md")).toBeGreaterThan(0);
    expect(runnable("docs/arbetsgang.md")).toBeGreaterThanOrEqual(5);
    expect(pages.flatMap((p) => p.blocks).length).toBeGreaterThanOrEqual(10);
  });

  it("name only commands and flags the CLI has (blocks, skipped ones too, and inline calls)", () => {
    expect(cli.commands.size).toBeGreaterThanOrEqual(9);
    const wrong = pages.flatMap((p) => [
      ...p.blocks.flatMap((b) => b.commands.filter((c) => CALLS.test(c)).flatMap((c) => unknownNames(c, cli).map((u) => `${p.file}:${b.line}: ${u}: ${c}`))),
      ...p.inline.flatMap((c) => unknownNames(c.call, cli).map((u) => `${p.file}:${c.line}: ${u}: ${c.call}`)),
    ]);
    expect(wrong).toEqual([]);
  });

  // the pages run side by side (about 35 s of CPU in all; the timeout is for a loaded machine), each in its own folder; the blocks of a page in order
  it.concurrent.for(pages.filter((p) => p.blocks.some((b) => b.marker.kind !== "skip")).map((p) => [p.file, p] as const))("%s: every example runs as written", { timeout: 300_000 }, async ([, page], { expect }) => {
    const cwd = join(base, page.file.replace(/[/.]/g, "_"));
    cpSync(join(base, "folder"), cwd, { recursive: true, verbatimSymlinks: true });
    const failures: string[] = [];
    let stdout: string | undefined; // of the last command that ran
    for (const block of page.blocks) {
      if (block.marker.kind === "skip") continue;
      if (block.marker.kind === "output" || block.marker.kind === "file") {
        const path = block.marker.kind === "file" ? join(cwd, block.marker.path) : undefined;
        const actual = path ? (existsSync(path) ? readFileSync(path, "utf8") : undefined) : stdout;
        if (actual === undefined) failures.push(`${page.file}:${block.line}: nothing to compare with (${path ? `no file ${block.marker.kind === "file" ? block.marker.path : ""}` : "no command ran before it"})`);
        else for (const line of notShown(block.shown ?? [], actual)) failures.push(`${page.file}:${block.line}: shown but not ${path ? "in the file" : "printed"}: ${line}`);
        continue;
      }
      const expected = block.marker.kind === "exit" ? block.marker.code : 0;
      for (const r of await runBlock(block, cwd)) {
        stdout = r.stdout;
        if (r.code !== expected) failures.push(`${page.file}:${block.line}: exit ${r.code}, expected ${expected}: ${r.command}\n${r.stderr}`);
        else if (/\berror\[/.test(r.stderr)) failures.push(`${page.file}:${block.line}: an error on stderr: ${r.command}\n${r.stderr}`);
        if (r.missing.length > 0) failures.push(`${page.file}:${block.line}: not written: ${r.missing.join(", ")}: ${r.command}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("the docs test catches what it is for", () => {
  const fakeCli: CliSurface = { commands: new Map([["calculate", new Set(["--tariff", "--consumption", "--json", "--variable", "--no-variable"])]]) };

  it("a flag or command that no longer exists", () => {
    expect(unknownNames("vardavtal calculate --tarif 2025 --consumption k.csv", fakeCli)).toEqual(["flag --tarif of calculate"]);
    expect(unknownNames("npx vardavtal kalkylera --tariff 2025", fakeCli)).toEqual(['command "kalkylera"']);
    expect(unknownNames("vardavtal calculate --tariff 2025 [--json r.json] --no-variable  # --comment", fakeCli)).toEqual([]);
  });

  it("a plain line runs in process with bash's words; a line that needs the shell goes to bash", () => {
    expect(plainCall(`vardavtal explain --tariff 2025 --consumption k.csv "RJL>RÖ rörlig"   # en rad`)).toEqual(["explain", "--tariff", "2025", "--consumption", "k.csv", "RJL>RÖ rörlig"]);
    expect(plainCall(`vardavtal calculate --set 'a.b=1' --set "references.RÖ>RJL.amount=6"`)).toEqual(["calculate", "--set", "a.b=1", "--set", "references.RÖ>RJL.amount=6"]);
    expect(plainCall(`vardavtal calculate --x=""`)).toEqual(["calculate", "--x="]);
    for (const line of ["vardavtal key | head -1", "vardavtal key > k.txt", "vardavtal key && ls", "vardavtal key --out $HOME", 'vardavtal key "$X"', "vardavtal key *.csv", "vardavtal key 'open", "ls; vardavtal key", "node x.js"]) expect(plainCall(line), line).toBeUndefined();
  });

  it("markers: a skip needs a reason, an unknown or stray marker is a problem, a block's lines are joined", () => {
    const md = [
      "<!-- docs-test: skip (placeholders) -->",
      "```sh",
      "vardavtal calculate --tariff T.json \\",
      "  --consumption K.csv",
      "```",
      "<!-- docs-test: skip -->",
      "```sh",
      "vardavtal calculate --tariff 2025",
      "```",
      "<!-- docs-test: exit 1 (deviations) -->",
      "",
      "```",
      "npx vardavtal check-key --tariff 2025",
      "```",
      "<!-- docs-test: skip (nothing follows) -->",
      "text",
      "```json",
      '{ "vardavtal": 1 }',
      "```",
    ].join("\n");
    const { blocks, problems } = docBlocks("x.md", md);
    expect(blocks.map((b) => [b.line, b.marker.kind, b.commands])).toEqual([
      [2, "skip", ["vardavtal calculate --tariff T.json    --consumption K.csv"]],
      [7, "run", ["vardavtal calculate --tariff 2025"]],
      [12, "exit", ["npx vardavtal check-key --tariff 2025"]],
    ]);
    expect(problems.map((p) => p.line)).toEqual([6, 15]);
  });

  it("shown output: every line printed, in order, … for lines left out; the markers read", () => {
    const printed = "Slutreglering 2025\nPart   Netto\nRJL    -1,00   \nRKL     1,00\n";
    expect(notShown(["Slutreglering 2025", "…", "RKL     1,00"], printed)).toEqual([]);
    expect(notShown(["RKL     1,00", "RJL    -1,00"], printed)).toEqual(["RJL    -1,00"]); // out of order
    expect(notShown(["RJL    -2,00"], printed)).toEqual(["RJL    -2,00"]); // a figure it no longer prints
    const { blocks, problems } = docBlocks("x.md", ["```sh", "vardavtal key --tariff 2025", "```", "<!-- docs-test: output -->", "```text", "Part", "```", "<!-- docs-test: file a/b.csv -->", "```", "x;y", "```"].join("\n"));
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.marker, b.shown ?? b.commands])).toEqual([
      [{ kind: "run" }, ["vardavtal key --tariff 2025"]],
      [{ kind: "output" }, ["Part"]],
      [{ kind: "file", path: "a/b.csv" }, ["x;y"]],
    ]);
  });

  it("a file name that no longer exists fails the run", async () => {
    const [r] = await runBlock({ file: "x.md", line: 1, commands: ["vardavtal key --tariff 2025 --population finns-inte.csv"], marker: { kind: "run" } }, join(base, "folder"));
    expect(r?.code).toBe(2);
    expect(r?.stderr).toMatch(/finns-inte\.csv.*error\[FILE_READ\]/);
  });
});
