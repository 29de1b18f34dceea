#!/usr/bin/env node
// Writes dist/cli/help-texts.json: `vardavtal --help` as yargs prints it, per language and width
// (each console.log call's arguments), so that `main` prints it without loading yargs. Run by
// `npm run build` after tsc; test/startup.test.ts checks the file against yargs's own output.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "cli", "help-texts.json");
rmSync(out, { force: true }); // yargs itself, never an earlier file
const { main } = await import(pathToFileURL(join(root, "dist", "cli", "main.js")).href);
/** The widths `main` lays the help out in: min(110, the terminal's columns, or 100 when stdout is not a terminal). */
const WIDTHS = [80, 100, 110];
const texts = {};
const log = console.log;
const columns = Object.getOwnPropertyDescriptor(process.stdout, "columns");
try {
  for (const lang of ["sv", "en"]) {
    for (const width of WIDTHS) {
      Object.defineProperty(process.stdout, "columns", { value: width, configurable: true });
      const calls = [];
      console.log = (...args) => void calls.push(args);
      const io = { stdout: () => fail("stdout"), stderr: () => fail("stderr"), stderrIsTty: false };
      const code = await main(["--help", "--lang", lang], io);
      console.log = log;
      if (code !== 0 || calls.length === 0 || !calls.every((c) => c.every((x) => typeof x === "string"))) fail(`exit ${code}`);
      texts[`${lang}:${width}`] = calls;
    }
  }
} finally {
  console.log = log;
  if (columns) Object.defineProperty(process.stdout, "columns", columns);
  else delete process.stdout.columns;
}
writeFileSync(out, JSON.stringify(texts) + "\n");

function fail(what) {
  console.log = log;
  throw new Error(`help-texts: vardavtal --help did not print as expected (${what})`);
}
