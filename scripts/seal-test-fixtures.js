#!/usr/bin/env node
// Gives the JSON test fixtures under test/fixtures/ the integrity digest the readers require
// (`"digest": "sha256:…"`, src/contracts/digest.ts, docs/filformat.md): computed by the built
// library, never by hand, and written as the file's last field (a digest already there is
// replaced). For the fixtures only, that were written by hand to show one refusal each (a net
// position that its flows do not give, a forecast, another year …): with a digest that holds, the
// reader gets past the digest to the check the fixture is about.
//
//   npm run build --silent && node scripts/seal-test-fixtures.js test/fixtures/bad/X/result.json …
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = realpathSync(join(dirname(fileURLToPath(import.meta.url)), ".."));
const { digestOf } = await import(join(ROOT, "dist", "contracts", "digest.js"));

for (const arg of process.argv.slice(2)) {
  const file = resolve(arg);
  const rel = relative(ROOT, file).split(sep).join("/");
  if (!rel.startsWith("test/fixtures/")) throw new Error(`${arg}: only the test fixtures are sealed here`);
  const text = readFileSync(file, "utf8");
  const doc = JSON.parse(text);
  const digest = digestOf(doc);
  let out;
  const existing = /("digest"\s*:\s*)"[^"]*"/;
  if (existing.test(text) && Object.hasOwn(doc, "digest")) out = text.replace(existing, `$1"${digest}"`);
  else {
    const end = text.lastIndexOf("}");
    const body = text.slice(0, end).replace(/\s*$/, "");
    const indent = /\n(\s+)"/.exec(text)?.[1] ?? "";
    const nl = text.includes("\n") ? "\n" : "";
    out = `${body}${body.endsWith("{") ? "" : ","}${nl}${nl ? indent : " "}"digest": "${digest}"${nl}${text.slice(end)}`;
  }
  if (digestOf(JSON.parse(out)) !== digest || JSON.parse(out).digest !== digest) throw new Error(`${arg}: the sealed file does not hold its digest`);
  writeFileSync(file, out);
  process.stderr.write(`${rel}: ${digest}\n`);
}
