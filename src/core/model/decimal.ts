/**
 * Exact decimal arithmetic on BigInt. Money is held in integer öre; consumption values
 * (points × point price) in units of 10⁻⁸ SEK, which holds every product of a 6-decimal
 * point count and a 2-decimal price exactly. Nothing here ever touches a binary float.
 */

/** Consumption values are kept in 10⁻⁸ SEK: 10⁶ value units per öre. */
export const VALUE_UNITS_PER_ORE = 1_000_000n;
export const POINT_DECIMALS = 6;
export const MONEY_DECIMALS = 2;

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

export function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** n / d rounded to the nearest integer, half away from zero (model.md `round`). */
export function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError("rational: denominator 0");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return negative ? -q : q;
}

/** A decimal text as an exact fraction: value = units / 10^scale. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

const CANONICAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a canonical decimal text ("-123.45", "0.65"; no exponent, no separators),
 * as the tariff file writes money and shares. Returns undefined when malformed.
 */
export function parseCanonicalDecimal(text: string): ScaledDecimal | undefined {
  const m = CANONICAL.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? "";
  const units = BigInt((m[2] ?? "") + frac);
  return { units: m[1] === "-" ? -units : units, scale: frac.length };
}

/** Rescales to `scale` decimals; undefined if that would lose digits. */
export function rescale(d: ScaledDecimal, scale: number): bigint | undefined {
  if (d.scale === scale) return d.units;
  if (d.scale < scale) return d.units * pow10(scale - d.scale);
  const f = pow10(d.scale - scale);
  return d.units % f === 0n ? d.units / f : undefined;
}

/** Formats an integer count of 10^-scale units as a decimal with exactly `scale` decimals. */
export function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  if (scale === 0) return (negative ? "-" : "") + digits;
  digits = digits.padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${int}.${frac}`;
}

/** Öre as the JSON contract writes money: exactly two decimals, "." separator. */
export function formatOre(ore: bigint): string {
  return formatScaled(ore, MONEY_DECIMALS);
}

/** Parses canonical money ("1234.56", at most 2 decimals) into öre. */
export function parseMoney(text: string): bigint | undefined {
  const d = parseCanonicalDecimal(text);
  if (!d || d.scale > MONEY_DECIMALS) return undefined;
  return rescale(d, MONEY_DECIMALS);
}

/** An exact non-negative or negative rational number num/den with den > 0. */
export interface Rational {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rational(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError("zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/**
 * A rational as a decimal text. When its decimal expansion terminates within `maxDecimals`
 * the text is exact (padded to `minDecimals`); otherwise it is rounded half away from zero
 * to `maxDecimals` decimals.
 */
export function formatRational(r: Rational, minDecimals = 15, maxDecimals = 15): string {
  const red = rational(r.num, r.den);
  for (let k = 0; k <= maxDecimals; k++) {
    const scaled = red.num * pow10(k);
    if (scaled % red.den === 0n) {
      return formatScaled((scaled / red.den) * pow10(Math.max(minDecimals, k) - k), Math.max(minDecimals, k));
    }
  }
  return formatScaled(roundHalfAwayFromZero(red.num * pow10(maxDecimals), red.den), maxDecimals);
}

/** A whole number with thousands separators ("1 234 567" / "1,234,567"); any other text as it is. */
export function groupedInteger(text: string, lang: "sv" | "en"): string {
  if (!/^-?\d+$/.test(text)) return text;
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",");
}

/** A decimal text ("-1234.5") with the language's separators ("-1 234,5" / "-1,234.5"). */
export function groupedDecimal(text: string, lang: "sv" | "en"): string {
  const [int = "", frac] = text.split(".");
  const g = groupedInteger(int, lang);
  return frac === undefined ? g : `${g}${lang === "sv" ? "," : "."}${frac}`;
}

/** Value in 10⁻⁸ SEK as SEK text with up to 8 decimals, trimmed to at least 2 (exact, never rounded). */
export function formatValueSek(units: bigint): string {
  let s = formatScaled(units, 8);
  while (s.endsWith("0") && s.length - s.indexOf(".") > 3) s = s.slice(0, -1);
  return s;
}

export function shareText(num: bigint, den: bigint): string {
  return formatRational({ num, den }, 15, 15);
}

/** A value text of a result ("123.45678") in 10⁻⁸ SEK. */
export function valueUnits(text: string): bigint {
  const [int = "0", frac = ""] = text.split(".");
  const neg = int.startsWith("-");
  const units = BigInt(`${neg ? int.slice(1) : int}${frac.padEnd(8, "0")}`);
  return neg ? -units : units;
}
