/**
 * A tariff read as text, compiled: its own module, so that the readers of CSV files (inputs.ts)
 * do not load the tariff schema (zod) for a command that only reads a population file.
 */
import { InputError, type DiagnosticBag } from "../core/model/diagnostics.js";
import { loadTariff, type CompiledTariff } from "../core/model/tariff.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import type { HashedFile } from "./inputs.js";

/** Compiles a tariff read as text; errors (with positions) go to the bag. */
export function tariffFromText(f: HashedFile, bag: DiagnosticBag): { tariff: CompiledTariff; info: InputFileInfo } | undefined {
  try {
    return { tariff: loadTariff(f.text, f.info.file), info: f.info };
  } catch (e) {
    if (e instanceof InputError) {
      bag.absorb(e.diagnostics);
      return undefined;
    }
    throw e;
  }
}
