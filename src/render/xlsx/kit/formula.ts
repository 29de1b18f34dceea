/**
 * The text of formulas: a program constant as a string literal, the exact-match sum that stands
 * in for SUMIFS, and the row shift of a formula (a small lexer that skips string literals and
 * quoted sheet names) for when every sheet of a workbook moves down under a banner.
 */

/**
 * A text constant of the program (a model name, a component code) inside a formula. Input text
 * (ids, names, areas, labels, items) never goes into formula text: formulas reference the cell
 * that holds it, and compare with EXACT (no wildcards, no operators, case-sensitive).
 */
export function constantLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The sum of `values` over the rows whose `criteria[k]` range equals `criteria[k]` exactly:
 * SUMPRODUCT(EXACT(range,cell)*…*values). Unlike SUMIFS, nothing in the compared text is
 * interpreted (SUMIFS reads `*`, `?`, `~`, leading `=`, `<`, `>` and number-like text in its
 * criteria, and ignores case).
 */
export function sumExact(values: string, criteria: [range: string, cell: string][]): string {
  return `SUMPRODUCT(${[...criteria.map(([range, cell]) => `EXACT(${range},${cell})`), values].join("*")})`;
}

const CELL_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![0-9A-Za-z_(!.])/g;

/**
 * A formula (or a reference text) with every row number moved down by `k`, outside string
 * literals ("…") and quoted sheet names ('…'). Used when every sheet of a workbook moves down by
 * the same number of rows, so that references across sheets move alike.
 */
export function shiftFormulaRows(f: string, k: number): string {
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < f.length) {
        if (f[j] === ch) {
          if (f[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < f.length && f[j] !== '"' && f[j] !== "'") j++;
    out += f.slice(i, j).replace(CELL_REF, (_m, pre: string, d1: string, col: string, d2: string, row: string) => `${pre}${d1}${col}${d2}${Number(row) + k}`);
    i = j;
  }
  return out;
}
