/**
 * The one allocation function (model.md, step 1): splits X öre between the parties by their
 * weights with the largest-remainder (Hamilton) method. Every split in the tool goes through
 * here: solidarity units, fixed-only totals, the key check, the `key` command.
 */
import { rational, type Rational } from "./decimal.js";

export interface AllocationPart {
  /** the exact share of the total, in öre: total × weight / Σ weights */
  exact: Rational;
  /** floor of the exact share (for a negative total: minus the floor of the positive split) */
  base: bigint;
  /** the öre moved by the largest-remainder step: 1, 0 (or −1 for a negative total) */
  extra: bigint;
  /** base + extra */
  amount: bigint;
}

/**
 * Splits `total` öre by `weights` (non-negative, not all zero). Ties in the fractional part go
 * to the party that comes first (lowest index), never to input order.
 */
export function allocate(total: bigint, weights: readonly bigint[]): AllocationPart[] {
  const sumW = weights.reduce((a, b) => a + b, 0n);
  if (sumW <= 0n) throw new RangeError("allocate: Σ weights <= 0");
  if (weights.some((w) => w < 0n)) throw new RangeError("allocate: negative weight");
  if (total < 0n) {
    return allocate(-total, weights).map((p) => ({
      exact: { num: -p.exact.num, den: p.exact.den },
      base: -p.base,
      extra: -p.extra,
      amount: -p.amount,
    }));
  }
  const products = weights.map((w) => total * w);
  const bases = products.map((q) => q / sumW);
  const remainders = products.map((q) => q % sumW);
  const left = total - bases.reduce((a, b) => a + b, 0n);
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  const extra = weights.map(() => 0n);
  for (let k = 0; k < Number(left); k++) extra[order[k] ?? 0] = 1n;
  return weights.map((_, i) => {
    const base = bases[i] ?? 0n;
    const e = extra[i] ?? 0n;
    return { exact: rational(products[i] ?? 0n, sumW), base, extra: e, amount: base + e };
  });
}

/** The amounts only. */
export function allocateAmounts(total: bigint, weights: readonly bigint[]): bigint[] {
  return allocate(total, weights).map((p) => p.amount);
}
