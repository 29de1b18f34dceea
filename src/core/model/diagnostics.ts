/**
 * Diagnostics: every problem found in the input, with its position, collected so that one
 * run reports all of them: a code and its parameters, no words. `renderDiagnostic` (src/text/)
 * writes one as `FILE:LINE:COLUMN: error[CODE]: message` in Swedish (default) or English.
 */
import type { Code } from "./codes.js";
import type { Phrase } from "./phrases.js";

export type { Code, Lang } from "./codes.js";
export type { Phrase, PhraseCode, PhraseParams } from "./phrases.js";

/** Where a problem is: a file (or a label such as "<consumption>"), 1-based line and column. */
export interface Location {
  file: string;
  /** 1-based line */
  line: number;
  /** 1-based column, in characters */
  column: number;
  /** the CSV column the value stands in, as Excel names it: the message ends "(kolumn G, belopp)" */
  field?: FieldRef;
}

/** A column of a CSV file: its 0-based position and its header as written. */
export interface FieldRef {
  index: number;
  name: string;
}

/** An amount in öre, written in a message the way the language writes money ("1 234,50" / "1,234.50"). */
export interface Money {
  ore: bigint;
}

/** A file-system error code (ENOENT, EISDIR…), written in a message in words. */
export interface FileProblem {
  errno: string;
  /** the system's own message, shown when there are no words for `errno` */
  detail?: string;
}

/**
 * A text given in both languages.
 * @deprecated the core passes a coded `Phrase` (core/model/phrases.ts), worded by src/text/; kept so
 * that a parameter written this way still renders.
 */
export interface Localized {
  sv: string;
  en: string;
}

export type Params = Record<string, string | number | bigint | Money | FileProblem | Phrase | Localized>;


/**
 * One problem found in the input: an error (nothing is computed) or a warning (odd but allowed),
 * with a stable code (docs/felkoder.md lists them), the values for its message and, when known,
 * its position. `InputError.diagnostics` carries every error of a run; render one with
 * `renderDiagnostic` as `file:line:column: error[CODE]: message`.
 *
 * @example
 * ```ts
 * try {
 *   await calculate({ tariff, consumption });
 * } catch (e) {
 *   if (e instanceof InputError) for (const d of e.diagnostics) console.error(renderDiagnostic(d, "sv"));
 * }
 * ```
 */
export interface Diagnostic extends Partial<Location> {
  severity: "error" | "warning";
  /** the stable code, e.g. "UNKNOWN_PARTY" */
  code: Code;
  /** the values the message names (a party, an amount, …) */
  params: Params;
}

/** Thrown by the core and the adapters when the input has errors; carries all of them. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    // Codes and places only: the words are renderDiagnostic's (src/text/), in the reader's language.
    super(
      errors
        .slice(0, 20)
        .map((d) => `${d.code} (${d.file ?? "-"}:${d.line ?? 1}:${d.column ?? 1})`)
        .join(", ") + (errors.length > 20 ? `, +${errors.length - 20}` : ""),
    );
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

/** Collects diagnostics during a run. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private errorCount = 0;

  error(code: Code, params: Params, at?: Partial<Location>): void {
    this.items.push({ severity: "error", code, params, ...at });
    this.errorCount++;
  }

  warning(code: Code, params: Params, at?: Partial<Location>): void {
    this.items.push({ severity: "warning", code, params, ...at });
  }

  /** Takes over diagnostics collected elsewhere (e.g. from an InputError). */
  absorb(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      this.items.push(d);
      if (d.severity === "error") this.errorCount++;
    }
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "error");
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "warning");
  }

  /** Throws an InputError carrying every diagnostic if any error was collected. */
  throwIfErrors(): void {
    if (this.hasErrors) throw new InputError(sortDiagnostics(this.items));
  }
}

/**
 * A diagnostic's code, parameters and place as one text, to drop a problem found twice. Its
 * parameters may hold bigints (öre), which JSON cannot write as they are.
 */
export function diagnosticKey(d: Pick<Diagnostic, "code" | "params"> & Partial<Pick<Diagnostic, "file" | "line" | "column">>): string {
  return JSON.stringify([d.code, d.params, d.file, d.line, d.column], (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Errors in file, line, column order, so a user reads them top to bottom. */
export function sortDiagnostics(items: Diagnostic[]): Diagnostic[] {
  return items
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (a.d.file ?? "").localeCompare(b.d.file ?? "") ||
        (a.d.line ?? 0) - (b.d.line ?? 0) ||
        (a.d.column ?? 0) - (b.d.column ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.d);
}
