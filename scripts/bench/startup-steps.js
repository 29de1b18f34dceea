#!/usr/bin/env node
// Used by `npm run bench` (start-up): imports the given modules in order, in this fresh process,
// and prints the processor time (user + system) each import took, and the process's before the
// first, as JSON: [[name, ms], …]. Specifiers are resolved from the package's root.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(root, "package.json"));
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const out = [["node itself", cpu()]];
for (const spec of process.argv.slice(2)) {
  const url = spec.startsWith("./") ? pathToFileURL(join(root, spec)).href : spec.startsWith("node:") ? spec : pathToFileURL(require.resolve(spec)).href;
  const t = cpu();
  await import(url);
  out.push([spec, cpu() - t]);
}
process.stdout.write(JSON.stringify(out) + "\n");
