import { InputError, diagnosticKey, sortDiagnostics, type Diagnostic } from "../core/model/diagnostics.js";

/** `--strict`: every warning of the run becomes an error (exit 2, nothing written). */
export function failOnWarnings(warnings: readonly Diagnostic[]): void {
  if (warnings.length === 0) return;
  const seen = new Set<string>();
  const errors: Diagnostic[] = [];
  for (const w of warnings) {
    const k = diagnosticKey(w);
    if (seen.has(k)) continue;
    seen.add(k);
    errors.push({ ...w, severity: "error" });
  }
  throw new InputError(sortDiagnostics(errors));
}
