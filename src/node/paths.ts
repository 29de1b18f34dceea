/**
 * Where the package's own things are: the bundled tariffs (compiled in, so a bundled Node app
 * finds them without a package folder), the example year and the version.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import { InputError } from "../core/model/diagnostics.js";
import { compileValidated, type CompiledTariff } from "../core/model/tariff-compile.js";
import type { TariffFile } from "../core/model/tariff-schema.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { hashedText, type HashedFile } from "../read/hashed-text.js";
import { nodeSha256 } from "./source.js";
import { VALIDATED_TARIFFS } from "./bundled-tariffs.js";
import { BUNDLED_TARIFFS, PACKAGE_VERSION } from "../package-data.js";

/**
 * The package root (the folder holding package.json), from dist/ or src/. In a bundle without
 * `import.meta.url` (CommonJS output): the working directory, used only to name files.
 */
export const PACKAGE_ROOT = packageRoot();

function packageRoot(): string {
  try {
    return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  } catch {
    return process.cwd();
  }
}

/** The folder of the bundled tariffs, as installed (the tariffs themselves are compiled in). */
export const TARIFFS_DIR = join(PACKAGE_ROOT, "tariffs");
/** The folder of the example year's small files that ship (examples/2025: population, joint costs); demo generates the consumption (src/read/example-year.ts). */
export const EXAMPLES_DIR = join(PACKAGE_ROOT, "examples");

/** The years of the bundled tariffs, ascending. */
export function bundledYears(): number[] {
  return Object.keys(BUNDLED_TARIFFS)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * `--tariff 2025` means the bundled tariff of 2025 (`bundled`, named by its installed path),
 * unless a file of that name exists.
 */
export function resolveTariffArg(arg: string): { path: string; bundled?: number } | { missingYear: number } {
  if (/^\d{4}$/.test(arg) && !existsSync(arg)) {
    const year = Number(arg);
    return BUNDLED_TARIFFS[year] !== undefined ? { path: join(TARIFFS_DIR, `${arg}.json`), bundled: year } : { missingYear: year };
  }
  return { path: arg };
}

/** A bundled tariff's text with its file description (the bytes and hash of tariffs/YYYY.json). */
export function bundledTariffFile(year: number, name: string): HashedFile | undefined {
  const text = BUNDLED_TARIFFS[year];
  return text === undefined ? undefined : hashedText(name, "tariff", new TextEncoder().encode(text), nodeSha256);
}

/**
 * A bundled tariff compiled without the schema (zod): the build validated its text with the
 * schema (scripts/bundle-tariffs.js) and kept the schema's output, which is used when the text's
 * SHA-256 is the one validated. "unvalidated" otherwise: then `loadTariff` must validate it.
 * The compiled tariff, its warnings and their positions are those `loadTariff` gives.
 */
export function compileBundledTariff(year: number, f: HashedFile, bag: DiagnosticBag): { tariff: CompiledTariff; info: InputFileInfo } | undefined | "unvalidated" {
  const validated = VALIDATED_TARIFFS[year];
  if (!validated || validated.sha256 !== f.info.sha256) return "unvalidated";
  try {
    return { tariff: compileValidated(f.text, f.info.file, JSON.parse(validated.file) as TariffFile), info: f.info };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    bag.absorb(e.diagnostics);
    return undefined;
  }
}

/** The package's version (compiled in). */
export function packageVersion(): string {
  return PACKAGE_VERSION;
}
