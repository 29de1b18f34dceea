/**
 * CSV injection ("formula injection"): a spreadsheet that opens a CSV file runs a text cell that
 * begins with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `@SUM(A1)`), and tab or CR
 * can hide such a start. The OWASP defence: such a text cell gets a leading apostrophe, so it
 * is shown as the text it is. Only text columns are neutralised, by column: a number column
 * ("-1234,56") is left alone, since its minus sign is a number's, not a formula's.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */

/** Characters that make a spreadsheet read a cell as a formula when they start it. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell for a CSV file that spreadsheets open: prefixed with `'` when it could start a formula. */
export function csvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a spreadsheet could read this text cell as a formula (before csvText). */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
