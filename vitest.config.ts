/**
 * Two projects, chosen file by file by what a test file does:
 *
 * - `integration`: every test file that starts a process — it calls runCli (the built bin),
 *   recalculate/compareRecalculated (LibreOffice), a node:child_process function (spawn, exec,
 *   fork …) or Chromium — and every file named `*.int.test.ts` (name a file so when it needs the
 *   build without starting a process, e.g. it imports dist/). These need `npm run build` first.
 * - `unit`: all other test files: in-process and pure, the inner loop (`npm run test:unit`, under
 *   30 s on 2 cores, no build needed). CLI checks run the command in process with runMain
 *   (test/helpers.ts); runCli only where the process itself is under test (exit code of the bin,
 *   a closed stdout, signals, the fast reader's worker threads).
 *
 * A new test file lands in the right project without a list to keep: the rule reads it. Moving
 * a CLI check from runCli to runMain moves it (when nothing else in the file starts a process)
 * to the unit project.
 */
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

const STARTS_A_PROCESS = /(?<![.\w])(runCli|recalculate|recalculateAll|compareRecalculated|compareRecalculatedAll|spawnSync|spawn|execFileSync|execFile|execSync|exec|fork)\s*\(|\bchromium\b/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : []));
}

const integration = testFiles("test").filter((f) => f.endsWith(".int.test.ts") || STARTS_A_PROCESS.test(readFileSync(f, "utf8")));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // the built package (dist/) runs as Node loads it, not through Vite's module runner
    server: { deps: { external: [/\/dist\//] } },
    // every core (vitest's default leaves one for itself: on 2 cores, one test file at a time)
    maxWorkers: availableParallelism(),
    projects: [
      // unit files share their worker's modules (no fresh import of src/, exceljs … per file):
      // they keep no state between files (runMain restores cwd and env after each run)
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: integration, isolate: false } },
      // one LibreOffice kept running for the run (test/libreoffice.ts): a recalculation is handed to it
      { extends: true, test: { name: "integration", include: integration, globalSetup: ["test/global-setup.ts"] } },
    ],
  },
});
