/**
 * The house rules, read from the sources' own imports (docs/arkitektur.md draws the same):
 * numbers below, words and views above, and every import pointing down.
 *
 *   core/       the calculation: codes and parameters, no words, no `node:`
 *   text/       the words (one catalogue per language): imports core's types only
 *   contracts/  the JSON formats, written and read: core, text
 *   read/       CSV and the inputs over byte sources: core, contracts
 *   render/     text, CSV and workbook views: core, contracts, text, read's types; no `node:`
 *   node/       files, atomic writes, the fast reader: the only `node:` imports below the CLI
 *   api.ts, index.ts, xlsx.ts   the library's entries: anything but the CLI
 *   cli/, web/  the shells: anything below
 *
 * And no circle anywhere: a file never reaches itself through its imports.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

const FILES = [...sources(join(ROOT, "src")), ...sources(join(ROOT, "web", "src"))].map((f) => relative(ROOT, f).split("\\").join("/"));

/** Every import of a file: relative ones resolved to a source file, packages by name. */
function importsOf(file: string): { relative: Edge[]; packages: string[] } {
  const text = readFileSync(join(ROOT, file), "utf8");
  const rel: Edge[] = [];
  const packages: string[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4] ?? "";
    const typeOnly = m[2] !== undefined;
    if (spec.startsWith(".")) {
      const to = relative(ROOT, resolve(dirname(join(ROOT, file)), spec.replace(/\.js$/, ".ts"))).split("\\").join("/");
      rel.push({ from: file, to, typeOnly });
    } else packages.push(spec);
  }
  return { relative: rel, packages };
}

/** The room a file lives in. */
function room(file: string): string {
  if (file.startsWith("web/")) return "web";
  const m = /^src\/([^/]+)\//.exec(file);
  if (m) return m[1] as string;
  if (file === "src/package-data.ts") return "package-data";
  return "entry"; // src/api.ts, src/index.ts, src/xlsx.ts
}

/** Which rooms each room may import from (its own always). */
const MAY_IMPORT: Record<string, string[]> = {
  "package-data": [],
  core: [],
  text: ["core"],
  contracts: ["core", "text"],
  read: ["core", "contracts"],
  render: ["core", "contracts", "text", "read", "package-data"],
  node: ["core", "contracts", "text", "read", "render", "package-data"],
  entry: ["core", "contracts", "text", "read", "render", "node", "package-data", "entry"],
  cli: ["core", "contracts", "text", "read", "render", "node", "package-data", "entry"],
  web: ["core", "contracts", "text", "read", "render", "package-data", "entry"],
};

const EDGES = FILES.flatMap((f) => importsOf(f).relative);

describe("the house", () => {
  it("has every room of the layout", () => {
    const rooms = new Set(FILES.map(room));
    for (const r of ["core", "text", "contracts", "read", "render", "node", "cli", "web", "entry"]) expect(rooms, r).toContain(r);
    for (const r of rooms) expect(Object.keys(MAY_IMPORT), `unknown room ${r}`).toContain(r);
  });

  it("imports only point down", () => {
    const upward = EDGES.filter((e) => room(e.from) !== room(e.to) && !(MAY_IMPORT[room(e.from)] ?? []).includes(room(e.to))).map((e) => `${e.from} -> ${e.to}`);
    expect(upward).toEqual([]);
  });

  it("text takes only types from core", () => {
    const values = EDGES.filter((e) => room(e.from) === "text" && room(e.to) === "core" && !e.typeOnly).map((e) => `${e.from} -> ${e.to}`);
    expect(values).toEqual([]);
  });

  it("has node: imports only in node/ and cli/", () => {
    const found = FILES.filter((f) => !["node", "cli"].includes(room(f)) && importsOf(f).packages.some((p) => p.startsWith("node:"))).sort();
    expect(found).toEqual([]);
  });

  it("has no circle", () => {
    const next = new Map<string, string[]>();
    for (const e of EDGES) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        circles.push([...path.slice(path.indexOf(f)), f].join(" -> "));
        return;
      }
      state.set(f, "open");
      for (const t of next.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, "done");
    };
    for (const f of FILES) visit(f, []);
    expect(circles).toEqual([]);
  });

  it("has no sentence in core/: words live in text/", () => {
    // A string literal of three or more words with a Swedish or English sentence's shape.
    const sentence = /(["'`])(?:(?!\1).)*\b[A-Za-zÅÄÖåäö]{2,}\s+[a-zåäö]{2,}\s+[a-zåäö]{2,}\b(?:(?!\1).)*\1/;
    const found: string[] = [];
    for (const f of FILES.filter((x) => room(x) === "core")) {
      readFileSync(join(ROOT, f), "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "");
          if (/^\s*(\*|\/\*\*?)/.test(line)) return; // doc comments
          if (sentence.test(code)) found.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
