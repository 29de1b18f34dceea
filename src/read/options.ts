/** Command-line values: money options (`--amount`, `--tolerance`), which may be negative. */
import { formatOre } from "../core/model/decimal.js";
import type { DiagnosticBag } from "../core/model/diagnostics.js";
import { MAX_INPUT_ORE } from "../core/model/limits.js";
import { badNumberParams, parseLocaleNumber } from "../core/model/numbers.js";

/** Options that take a money value, which may be negative (`--amount -0,01`). */
const NUMBER_OPTIONS = new Set(["--amount", "--tolerance"]);

/**
 * yargs reads `--amount -0,01` as the option without a value followed by the flags `-0,01`:
 * a value that starts with a minus sign is joined to its option (`--amount=-0,01`).
 */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (NUMBER_OPTIONS.has(a) && next !== undefined && /^[-\u2212]/.test(next) && !/^--?[A-Za-z]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * A money value given on the command line, in öre: the number rules of the input files (decimal
 * comma or point, thousands in groups of three, a leading - or −), at most 2 decimals, at most
 * MAX_INPUT_ORE in size. Problems go to the bag at `OPTION:1:1`; undefined then.
 */
export function moneyOption(text: string, option: string, bag: DiagnosticBag, { negative = true }: { negative?: boolean } = {}): bigint | undefined {
  const at = { file: option, line: 1, column: 1 };
  const n = parseLocaleNumber(text, 2);
  if (!n.ok) {
    if (n.problem === "TOO_MANY_DECIMALS") bag.error("TOO_MANY_DECIMALS", { text, max: 2, what: option }, at);
    else bag.error("BAD_NUMBER", badNumberParams(text), at);
    return undefined;
  }
  if (!negative && n.units < 0n) {
    bag.error("BAD_NUMBER", { text }, at);
    return undefined;
  }
  if ((n.units < 0n ? -n.units : n.units) > MAX_INPUT_ORE) {
    bag.error("AMOUNT_TOO_LARGE", { text: text.trim(), what: option, max: formatOre(MAX_INPUT_ORE) }, at);
    return undefined;
  }
  return n.units;
}

/**
 * The text given for an option (`--tolerance 0,5` or `--tolerance=0,5`; the last one wins), as
 * written. Number options are declared as numbers for --help, but yargs would read the Swedish
 * `0,5` as NaN: their value is taken from the command line as written and parsed by moneyOption.
 */
export function rawOptionValue(argv: readonly string[], option: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") break;
    if (a === option && i + 1 < argv.length) value = argv[++i];
    else if (a.startsWith(`${option}=`)) value = a.slice(option.length + 1);
  }
  return value;
}
