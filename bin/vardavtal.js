#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`vardavtal: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 3;
  },
);
