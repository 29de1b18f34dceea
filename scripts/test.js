#!/usr/bin/env node
// npm test (after its pretest, the build): the type check of src/ and test/ (tsc --noEmit, as
// `npm run typecheck`) and vitest side by side. The type check runs at low priority, so it takes
// the processor time the tests leave idle (the LibreOffice and browser waits) instead of 10 s of
// its own before them. Its output is printed after the tests' summary; the exit code is the
// tests' failure, else the type check's.
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const tsc = spawn(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--noEmit"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
try {
  setPriority(tsc.pid, 15);
} catch {
  // not allowed here: it runs at the same priority
}
let typeErrors = "";
tsc.stdout.on("data", (c) => (typeErrors += c));
tsc.stderr.on("data", (c) => (typeErrors += c));
const typecheck = new Promise((resolve) => tsc.on("close", (code) => resolve(code ?? 1)));

const vitest = spawn(process.execPath, [join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
const tests = await new Promise((resolve) => vitest.on("close", (code) => resolve(code ?? 1)));

const typed = await typecheck;
if (typed === 0) console.log("Type check (tsc --noEmit): no errors");
else process.stdout.write(`\nType check (tsc --noEmit) failed:\n${typeErrors}`);
process.exit(tests !== 0 ? tests : typed);
