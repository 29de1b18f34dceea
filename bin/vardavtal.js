#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// For `npm run bench`: report this process's peak resident memory (all threads) on exit.
if (process.env.VARDAVTAL_REPORT_RSS) {
  process.on("exit", () => process.stderr.write(`vardavtal-peak-rss-kb=${process.resourceUsage().maxRSS}\n`));
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
