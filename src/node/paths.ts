/** Where the package's own files are: bundled tariffs and the example year. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (the folder holding package.json), from dist/ or src/. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const TARIFFS_DIR = join(PACKAGE_ROOT, "tariffs");
export const EXAMPLES_DIR = join(PACKAGE_ROOT, "examples");

/** The years of the bundled tariffs. */
export function bundledYears(): number[] {
  if (!existsSync(TARIFFS_DIR)) return [];
  return readdirSync(TARIFFS_DIR)
    .map((f) => /^(\d{4})\.json$/.exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort();
}

/** `--tariff 2025` means the bundled tariffs/2025.json, unless a file of that name exists. */
export function resolveTariffArg(arg: string): { path: string } | { missingYear: number } {
  if (/^\d{4}$/.test(arg) && !existsSync(arg)) {
    const path = join(TARIFFS_DIR, `${arg}.json`);
    return existsSync(path) ? { path } : { missingYear: Number(arg) };
  }
  return { path: arg };
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
