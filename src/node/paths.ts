/**
 * Where the package's own things are: the bundled tariffs (compiled in, so a bundled Node app
 * finds them without a package folder), the example year and the version.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import type { CompiledTariff } from "../core/model/tariff.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { hashedText, tariffFromText } from "../read/inputs.js";
import { nodeSha256 } from "./files.js";
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

/** A bundled tariff, compiled, with its file description (the bytes and hash of tariffs/YYYY.json). */
export function loadBundledTariff(year: number, name: string, bag: DiagnosticBag): { tariff: CompiledTariff; info: InputFileInfo } | undefined {
  const text = BUNDLED_TARIFFS[year];
  if (text === undefined) return undefined;
  return tariffFromText(hashedText(name, "tariff", new TextEncoder().encode(text), nodeSha256), bag);
}

/** The package's version (compiled in). */
export function packageVersion(): string {
  return PACKAGE_VERSION;
}
