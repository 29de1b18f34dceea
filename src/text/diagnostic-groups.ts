/**
 * Many problems of one kind as one entry: a ledger export with "kr" in every amount gives one
 * error per row, and 72 rows of the same error hide the one other error in the file. Problems of
 * the same kind (same severity, code and file, and the same CSV column, or else the same words)
 * are printed once, at their first place, with a line that says on which rows the same kind
 * stands: "samma slags fel på 72 rader: 2, 3, 4, … 73". `--all-errors` prints each as before.
 */
import type { Diagnostic } from "../core/model/diagnostics.js";
import type { Lang } from "../core/model/codes.js";
import { hintText, messageText, renderDiagnostic } from "./diagnostics.js";

/** Diagnostics of one kind, in the order given; `members[0]` is the one printed in full. */
export interface DiagnosticGroup {
  members: Diagnostic[];
}

/** How many row numbers a group line names before "… last". */
export const LINES_SHOWN = 10;

/** What makes two diagnostics the same kind. */
function kindOf(d: Diagnostic): string {
  const base = [d.severity, d.code, d.file ?? ""];
  // A value in a CSV column: the same code in the same column, with the same kind of hint.
  if (d.field !== undefined && d.line !== undefined) return JSON.stringify([...base, "field", d.field.index, d.params.suggestion !== undefined]);
  // Anything else: the same words (in either language they differ where the parameters do).
  return JSON.stringify([...base, "text", messageText(d, "en"), hintText(d, "en") ?? ""]);
}

/**
 * The diagnostics in groups of one kind, each group where its first member stands; the order of
 * the input is kept inside and between groups. Every diagnostic is in exactly one group.
 */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const groups: DiagnosticGroup[] = [];
  const byKind = new Map<string, DiagnosticGroup>();
  for (const d of diagnostics) {
    const kind = kindOf(d);
    const group = byKind.get(kind);
    if (group) group.members.push(d);
    else {
      const fresh = { members: [d] };
      byKind.set(kind, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/** "2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … 73": the first rows, then the last. */
export function rowList(lines: readonly number[]): string {
  const distinct = [...new Set(lines)];
  if (distinct.length <= LINES_SHOWN + 1) return distinct.join(", ");
  return `${distinct.slice(0, LINES_SHOWN).join(", ")}, … ${distinct[distinct.length - 1] as number}`;
}

const WORDS = {
  sv: {
    error: "samma slags fel",
    warning: "samma slags varning",
    rows: (what: string, count: number, lines: string): string => `${what} på ${count} rader: ${lines} (alla visas med --all-errors)`,
    times: (what: string, count: number): string => `${what} ${count} gånger (alla visas med --all-errors)`,
  },
  en: {
    error: "the same kind of error",
    warning: "the same kind of warning",
    rows: (what: string, count: number, lines: string): string => `${what} on ${count} rows: ${lines} (--all-errors shows each)`,
    times: (what: string, count: number): string => `${what} ${count} times (--all-errors shows each)`,
  },
} as const;

/** One group as text: its first member in full, then (for more than one) where the rest stand. */
export function renderGroup(group: DiagnosticGroup, lang: Lang): string {
  const first = group.members[0] as Diagnostic;
  const text = renderDiagnostic(first, lang);
  if (group.members.length === 1) return text;
  const w = WORDS[lang];
  const lines = group.members.map((d) => d.line).filter((l): l is number => l !== undefined);
  const what = w[first.severity];
  const tail = lines.length === group.members.length ? w.rows(what, new Set(lines).size, rowList(lines)) : w.times(what, group.members.length);
  return `${text}\n  ${tail}`;
}

/** Every diagnostic as text, grouped by kind unless `all` asks for each one (one entry per item). */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], lang: Lang, all = false): string[] {
  return all ? diagnostics.map((d) => renderDiagnostic(d, lang)) : groupDiagnostics(diagnostics).map((g) => renderGroup(g, lang));
}
