#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// A closed stdout or stderr (`vardavtal key --tariff 2025 | head -1`) ends the printing quietly,
// as Unix tools do: no stack trace, no error text. The run itself goes on, so output files are
// written (or not) exactly as without the pipe, and the exit code is the one the run returns
// (0 done, 1 check-key deviations, 2 bad input): a reader that stopped early is not an error.
// Any other failure to write stdout (e.g. `> /dev/full`: no space) would lose the printed
// result silently, so it is reported on stderr and the exit code becomes 2 if it was 0.
let stdoutFailure;
process.stdout.on("error", (error) => {
  if (stdoutFailure) return;
  stdoutFailure = error;
  if (error && error.code !== "EPIPE") {
    process.stderr.write(`vardavtal: stdout: ${error.message}\n`);
  }
});
process.stderr.on("error", () => {
  // nowhere left to report anything
});
process.on("exit", () => {
  if (stdoutFailure && stdoutFailure.code !== "EPIPE" && !process.exitCode) process.exitCode = 2;
});

// For `npm run bench`: report this process's peak resident memory and processor time (all threads) on exit.
if (process.env.VARDAVTAL_REPORT_RSS) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    process.stderr.write(`vardavtal-peak-rss-kb=${u.maxRSS}\nvardavtal-cpu-us=${u.userCPUTime + u.systemCPUTime}\n`);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`vardavtal: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 3;
  },
);
