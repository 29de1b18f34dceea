/**
 * Diagnostics: every problem found in the input, with its position, collected so that one
 * run reports all of them. Rendered as `FILE:LINE:COLUMN: error[CODE]: message` in Swedish
 * (default) or English.
 */
import { MESSAGES, type Code, type Lang } from "./messages.js";
import { escapeForMessage } from "./text.js";

export type { Code, Lang } from "./messages.js";

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

/** A 0-based column position as Excel names the column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** An amount in öre, written in a message the way the language writes money ("1 234,50" / "1,234.50"). */
export interface Money {
  ore: bigint;
}

/** A file-system error code (ENOENT, EISDIR…), written in a message in words. */
export interface FileProblem {
  errno: string;
}

/** A text given in both languages (e.g. why a tariff value is wrong). */
export interface Localized {
  sv: string;
  en: string;
}

export type Params = Record<string, string | number | bigint | Money | FileProblem | Localized>;

const FILE_PROBLEMS: Record<string, [string, string]> = {
  ENOENT: ["filen finns inte", "the file does not exist"],
  EISDIR: ["det är en mapp, inte en fil", "it is a folder, not a file"],
  ENOTDIR: ["en del av sökvägen är inte en mapp", "a part of the path is not a folder"],
  EACCES: ["behörighet saknas", "permission denied"],
  EPERM: ["behörighet saknas", "permission denied"],
  ELOOP: ["för många symboliska länkar", "too many symbolic links"],
  ENAMETOOLONG: ["sökvägen är för lång", "the path is too long"],
  EMFILE: ["för många öppna filer", "too many open files"],
  EIO: ["in-/utmatningsfel på disken", "an input/output error"],
  ENOSPC: ["disken är full", "no space left on the disk"],
  EDQUOT: ["diskkvoten är slut", "disk quota exceeded"],
  EROFS: ["filsystemet är skrivskyddat", "read-only file system"],
  EEXIST: ["filen finns redan", "the file already exists"],
};

/** A file-system error in words, with its code for those who search for it ("filen finns inte (ENOENT)"). */
export function fileProblemText(errno: string, lang: Lang): string {
  const words = FILE_PROBLEMS[errno];
  return words ? `${words[lang === "sv" ? 0 : 1]} (${errno})` : errno;
}

/** Whether fileProblemText has words for this error code. */
export function knownFileProblem(errno: string): boolean {
  return errno in FILE_PROBLEMS;
}

/** Öre as a message writes money: "−" never (an ASCII minus pastes as a number), grouped thousands. */
export function moneyText(ore: bigint, lang: Lang): string {
  const neg = ore < 0n;
  const digits = (neg ? -ore : ore).toString().padStart(3, "0");
  const int = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",");
  return `${neg ? "-" : ""}${int}${lang === "sv" ? "," : "."}${digits.slice(-2)}`;
}

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

/** A value echoed in a message is cut after 120 characters (a whole over-long field helps no one). */
function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function fill(template: string, params: Params, lang: Lang = "sv"): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === "object") {
      if ("ore" in v) return moneyText(v.ore, lang);
      if ("errno" in v) return escapeForMessage(fileProblemText(v.errno, lang));
      return escapeForMessage(shorten(v[lang]));
    }
    return escapeForMessage(shorten(String(v)));
  });
}

export function messageText(d: Pick<Diagnostic, "code" | "params"> & { field?: FieldRef }, lang: Lang): string {
  const entry = MESSAGES[d.code];
  const text = fill(entry[lang], d.params, lang);
  if (!d.field) return text;
  return `${text} (${lang === "sv" ? "kolumn" : "column"} ${columnLetter(d.field.index)}, ${escapeForMessage(shorten(d.field.name))})`;
}

export function hintText(d: Pick<Diagnostic, "code" | "params">, lang: Lang): string | undefined {
  const entry = MESSAGES[d.code] as { hint?: { sv: string; en: string }; suggestionHint?: { sv: string; en: string } };
  const hint = d.params.suggestion !== undefined && entry.suggestionHint ? entry.suggestionHint : entry.hint;
  return hint ? fill(hint[lang], d.params, lang) : undefined;
}

/** One diagnostic as text, with its hint on the next line where there is one. */
export function renderDiagnostic(d: Diagnostic, lang: Lang = "sv"): string {
  const where = `${escapeForMessage(d.file || "-")}:${d.line ?? 1}:${d.column ?? 1}`;
  const severity = d.severity === "error" ? (lang === "sv" ? "error" : "error") : "warning";
  let text = `${where}: ${severity}[${d.code}]: ${messageText(d, lang)}`;
  const hint = hintText(d, lang);
  if (hint) text += `\n  ${lang === "sv" ? "tips" : "hint"}: ${hint}`;
  return text;
}

/** Thrown by the core and the adapters when the input has errors; carries all of them. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(
      `${errors.length} error(s) in the input:\n` +
        errors
          .slice(0, 20)
          .map((d) => renderDiagnostic(d, "en"))
          .join("\n"),
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
