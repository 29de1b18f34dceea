/**
 * Start-up (issue 25): `key`, `check-tariff` and `--help` answer without loading yargs or zod,
 * with the same output, messages and exit codes as the road through yargs and the schema:
 * - a bundled tariff validated at build time compiles to exactly what loadTariff (zod) gives,
 *   warnings and their positions included; another text (another hash) is validated by zod;
 * - positions in a validated text (json-offsets.ts) are jsonc-parser's, on every path;
 * - a plain command line of key/check-tariff gives what yargs gives, byte for byte, on the
 *   bundled tariffs and on every bad tariff fixture; anything not plain goes to yargs;
 * - `--help` from the build (dist/cli/help-texts.json) is yargs's own output.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { parseTree } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { main, plainCommandLine } from "../src/cli/main.js";
import { DiagnosticBag } from "../src/core/model/diagnostics.js";
import { joinNegativeValues } from "../src/read/options.js";
import { loadTariff, treeLocator, type CompiledTariff } from "../src/core/model/tariff.js";
import { compileValidated, PositionMap, validJsonLocator, type Path } from "../src/core/model/tariff-compile.js";
import { VALIDATED_TARIFFS } from "../src/node/bundled-tariffs.js";
import { bundledTariffFile, compileBundledTariff } from "../src/node/paths.js";
import { BUNDLED_TARIFFS } from "../src/package-data.js";
import { BIN, FIXTURES, ROOT, tempDir } from "./helpers.js";

const YEARS = Object.keys(BUNDLED_TARIFFS).map(Number);

/** Everything of a compiled tariff but its function, bigints as text: two compilations compare as values. */
function plain(t: CompiledTariff): unknown {
  return JSON.parse(JSON.stringify({ ...t, resolveParty: undefined }, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)));
}

describe("bundled tariffs validated at build time", () => {
  it("src/node/bundled-tariffs.ts is current: each tariff's hash and the schema's output for it", () => {
    expect(Object.keys(VALIDATED_TARIFFS).map(Number).sort()).toEqual([...YEARS].sort());
    for (const year of YEARS) {
      const text = BUNDLED_TARIFFS[year] as string;
      const v = VALIDATED_TARIFFS[year];
      expect(v?.sha256, String(year)).toBe(createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"));
      expect(JSON.parse(v?.file ?? "null"), String(year)).toStrictEqual(loadTariff(text, `tariffs/${year}.json`).file);
    }
  });

  it("compile without zod to exactly what loadTariff gives: values, warnings with positions, party lookup", () => {
    for (const year of YEARS) {
      const text = BUNDLED_TARIFFS[year] as string;
      const name = join(ROOT, "tariffs", `${year}.json`);
      const viaZod = loadTariff(text, name);
      const direct = compileValidated(text, name, JSON.parse(VALIDATED_TARIFFS[year]?.file ?? "null"));
      expect(plain(direct), String(year)).toEqual(plain(viaZod));
      expect(direct.warnings.length, String(year)).toBeGreaterThan(0); // positions were asked for
      const names = [...viaZod.parties.flatMap((p) => [p.id, p.name, ...p.aliases]), "rö", " RJL ", "nobody", ""];
      for (const n of names) expect(direct.resolveParty(n), n).toBe(viaZod.resolveParty(n));
      // the command line's road: hashed as the file is, compiled from the build's output
      const f = bundledTariffFile(year, name);
      const bag = new DiagnosticBag();
      const compiled = f && compileBundledTariff(year, f, bag);
      expect(typeof compiled === "object" && compiled ? plain(compiled.tariff) : compiled).toEqual(plain(viaZod));
      expect(bag.items).toEqual([]);
    }
  });

  it("a text that is not the validated one is left to the schema", () => {
    const year = YEARS[0] as number;
    const f = bundledTariffFile(year, "x.json");
    if (!f) throw new Error("no bundled tariff");
    const changed = { ...f, info: { ...f.info, sha256: "0".repeat(64) } };
    expect(compileBundledTariff(year, changed, new DiagnosticBag())).toBe("unvalidated");
    expect(compileBundledTariff(1999, f, new DiagnosticBag())).toBe("unvalidated");
  });
});

/** Every path of a JSON value, with a missing child of each. */
function paths(value: unknown, path: Path = []): Path[] {
  const out: Path[] = [path, [...path, "saknas"], [...path, 99]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...path, i])));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...path, k]));
  return out;
}

function samePositions(text: string): void {
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  const viaJsonc = new PositionMap("f", text, tree && treeLocator(tree));
  const viaOffsets = new PositionMap("f", text, validJsonLocator(text));
  for (const p of paths(JSON.parse(text))) {
    for (const key of [false, true]) expect(viaOffsets.at(p, key), `${JSON.stringify(p)} ${key}`).toEqual(viaJsonc.at(p, key));
  }
}

describe("positions in a validated text", () => {
  it("are jsonc-parser's on every path of the bundled tariffs and the tariff fixtures", () => {
    for (const year of YEARS) samePositions(BUNDLED_TARIFFS[year] as string);
    let fixtures = 0;
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/tariff.*\.json$/.test(e.name)) {
          const text = readFileSync(p, "utf8");
          const errors: unknown[] = [];
          parseTree(text, errors as never, { disallowComments: true, allowTrailingComma: false });
          if (errors.length > 0 || text.charCodeAt(0) === 0xfeff) continue; // not JSON: never validated
          samePositions(text);
          fixtures++;
        }
      }
    };
    walk(FIXTURES);
    expect(fixtures).toBeGreaterThan(10);
  });

  it("are jsonc-parser's on random JSON, any layout, names with escapes and repeated", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, "\t", " \r\n "), (value, indent) => {
        const text = typeof indent === "string" && indent.includes("\r") ? JSON.stringify(value, null, 1).replace(/\n/g, indent) : JSON.stringify(value, null, indent);
        samePositions(text);
        samePositions(`{"a":1,"a":${text},"\\u0061":[${text}]}`);
      }),
      { numRuns: 300 },
    );
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** One run of main in this process, directly or through yargs. */
async function run(argv: string[], viaYargs: boolean): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const log = console.log;
  console.log = (...xs: unknown[]) => void (stdout += xs.map(String).join(" ") + "\n");
  try {
    const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTty: false }, { viaYargs });
    return { code, stdout, stderr };
  } finally {
    console.log = log;
  }
}

const BAD_TARIFFS = readdirSync(join(FIXTURES, "bad"))
  .map((d) => join(FIXTURES, "bad", d, "tariff.json"))
  .filter((p) => existsSync(p));

describe("key and check-tariff without yargs", () => {
  it("give what yargs gives: output, messages and exit code, on the bundled tariffs and every bad tariff", async () => {
    const population = join(ROOT, "examples", "2025", "befolkning-2024-12-31.csv");
    const lines: string[][] = [
      ["key", "--tariff", "2025"],
      ["key", "--tariff=2026", "--lang", "en"],
      ["key", "--tariff", "2025", "--amount", "1 000,50"],
      ["key", "--tariff", "2025", "--amount", "-18000000"],
      ["key", "--tariff", "2025", "--amount", "−5"],
      ["key", "--tariff", "2025", "--amount", "12x"],
      ["key", "--tariff", "2025", "--amount", "1e9"],
      ["key", "--tariff", "2025", "--strict"],
      ["key", "--tariff", "2025", "--strict", "--all-errors", "--lang=en"],
      ["key", "--tariff", "2025", "--population", population],
      ["key", "--population", join(FIXTURES, "bad", "BAD_POPULATION", "population.csv"), "--tariff", "2025"],
      ["key", "--tariff", "1999"],
      ["key", "--tariff", "saknas.json"],
      ["check-tariff", "--tariff", "2025"],
      ["check-tariff", "--tariff", "2026", "--lang", "en", "--strict"],
      ["check-tariff", "--tariff", join(ROOT, "tariffs", "2025.json")],
      ["check-tariff", "--tariff", "1999", "--lang", "en"],
      ...BAD_TARIFFS.flatMap((t) => [
        ["check-tariff", "--tariff", t],
        ["check-tariff", "--tariff", t, "--all-errors", "--lang", "en"],
        ["key", "--tariff", t],
      ]),
    ];
    expect(BAD_TARIFFS.length).toBeGreaterThan(10);
    for (const argv of lines) {
      expect(plainCommandLine(joinNegativeValues(argv)), argv.join(" ")).toBeDefined(); // as main passes it
      const direct = await run(argv, false);
      const viaYargs = await run(argv, true);
      expect(direct, argv.join(" ")).toEqual(viaYargs);
    }
  });

  it("write the schema as yargs's road does", async () => {
    const results: Run[] = [];
    const dirs = [tempDir(), tempDir()];
    for (const [i, dir] of dirs.entries()) {
      const r = await run(["check-tariff", "--tariff", "2025", "--write-schema", dir], i === 1);
      results.push({ ...r, stderr: r.stderr.replaceAll(dir, "DIR") });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]?.code).toBe(0);
    expect(readFileSync(join(dirs[0] as string, "vardavtal-tariff-1.schema.json"), "utf8")).toBe(readFileSync(join(dirs[1] as string, "vardavtal-tariff-1.schema.json"), "utf8"));
  });

  it("leave every other command line to yargs", () => {
    const yargsOnly = [
      ["key"],
      ["key", "--tariff"],
      ["key", "--tariff", ""],
      ["key", "--tariff="],
      ["key", "--tarif", "2025"],
      ["key", "--tariff", "2025", "--tariff", "2026"],
      ["key", "--tariff", "2025", "extra"],
      ["key", "--tariff", "-x"],
      ["key", "--tariff", "2025", "--help"],
      ["key", "--tariff", "2025", "-h"],
      ["key", "--tariff", "2025", "--version"],
      ["key", "--tariff", "2025", "--lang", "de"],
      ["--lang", "en", "key", "--tariff", "2025"],
      ["key", "--strict=false", "--tariff", "2025"],
      ["key", "--no-strict", "--tariff", "2025"],
      ["key", "--tariff", "2025", "--strict", "--strict"],
      ["key", "--tariff", "2025", "--amount", "5", "--amount", "6"],
      ["key", "--tariff", "2025", "--costs", "x.csv"],
      ["key", "--tariff", "2025", "--"],
      ["key", "--tariff", "2025", "--write-schema", "."],
      ["check-tariff", "--tariff", "2025", "--amount", "5"],
      ["check-tariff", "--write-schema", "."],
      ["calculate", "--tariff", "2025"],
      ["constructor", "--tariff", "2025"],
      ["kye", "--tariff", "2025"],
    ];
    for (const argv of yargsOnly) expect(plainCommandLine(argv), argv.join(" ")).toBeUndefined();
  });
});

describe("--help from the build", () => {
  const file = join(ROOT, "dist", "cli", "help-texts.json");

  it("is what yargs prints, in both languages", async () => {
    expect(existsSync(file), "npm run build writes dist/cli/help-texts.json").toBe(true);
    const built = JSON.parse(readFileSync(file, "utf8")) as Record<string, string[][]>;
    expect(Object.keys(built).sort()).toEqual(["en:100", "en:110", "en:80", "sv:100", "sv:110", "sv:80"]);
    for (const lang of ["sv", "en"]) {
      const viaYargs = await run(["--help", "--lang", lang], true); // stdout is not a terminal here: width 100
      expect(viaYargs.code).toBe(0);
      expect((built[`${lang}:100`] ?? []).map((call) => call.join(" ") + "\n").join(""), lang).toBe(viaYargs.stdout);
    }
    const bin = spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(bin.status).toBe(0);
    expect(bin.stdout).toBe((await run(["--help"], true)).stdout);
  });

  it("and the start-up of key, check-tariff and --help loads neither yargs nor zod nor jsonc-parser", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "hooks.mjs"), 'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }\n');
    writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
    for (const argv of [["key", "--tariff", "2025"], ["check-tariff", "--tariff", "2026", "--lang", "en"], ["--help"], ["--help", "--lang", "en"]]) {
      const r = spawnSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, BIN, ...argv], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      const loaded = r.stderr.split("\n").filter((l) => l.startsWith("LOADED "));
      expect(loaded.length, argv.join(" ")).toBeGreaterThan(5);
      expect(loaded.filter((l) => /node_modules\/(yargs|zod|jsonc-parser|csv-stringify)\//.test(l)), argv.join(" ")).toEqual([]);
    }
    // while a tariff file of one's own is validated by the schema, as always
    const own = spawnSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, BIN, "check-tariff", "--tariff", join(ROOT, "tariffs", "2025.json")], { cwd: ROOT, encoding: "utf8" });
    expect(own.stderr).toMatch(/node_modules\/zod\//);
  });
});
