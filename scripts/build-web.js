#!/usr/bin/env node
// npm run build:web: writes web/dist/vardavtal.html, the offline page as one self-contained file
// (scripts, styles, bundled tariffs and the worker inline). A strict Content-Security-Policy
// allows only its own inline script (by hash), its worker (a blob: URL) and no connection at all.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "web");
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;

/**
 * node: modules in the browser, for exceljs (the worker writes the workbooks with it, and it
 * imports path, fs, crypto and Buffer): a small path, and stubs for what the page never calls.
 * vardavtal's own code in the page has no node: import (test/house.test.ts holds it).
 */
const nodeShims = {
  name: "node-shims",
  setup(b) {
    b.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: join(web, "shims", "node-path.js") }));
    b.onResolve({ filter: /^(node:)?(fs|crypto)$/ }, () => ({ path: join(web, "shims", "node-none.js") }));
  },
};

const common = { bundle: true, minify: true, platform: "browser", format: "iife", target: ["chrome109", "firefox115", "edge109"], legalComments: "none", write: false, logLevel: "warning" };

const hashWorker = await build({ ...common, entryPoints: [join(web, "src", "hash-worker.ts")] });

const worker = await build({
  ...common,
  entryPoints: [join(web, "src", "worker.ts")],
  plugins: [nodeShims],
  inject: [join(web, "shims", "buffer.js")],
  define: { "process.env": "{}", global: "globalThis", __HASH_WORKER_SOURCE__: JSON.stringify(hashWorker.outputFiles[0].text) },
});
const workerText = worker.outputFiles[0].text;

const page = await build({
  ...common,
  entryPoints: [join(web, "src", "page.ts")],
  plugins: [nodeShims],
  define: { __WORKER_SOURCE__: JSON.stringify(workerText), __EXAMPLE_POPULATION__: JSON.stringify(readFileSync(join(root, "examples", "2025", "befolkning-2024-12-31.csv"), "utf8")) },
});
// An inline script must not close its own element.
const script = page.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
const hash = createHash("sha256").update(script).digest("base64");
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "worker-src blob:",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");
const html = readFileSync(join(web, "page.html"), "utf8")
  .replace("__CSP__", csp)
  .replace("__VERSION__", version)
  .replace("<script>__SCRIPT__</script>", () => `<script>${script}</script>`);
const out = join(web, "dist", "vardavtal.html");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`wrote ${out} (${(html.length / 1024).toFixed(0)} kB)`);
