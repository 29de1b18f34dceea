/** model.md step 1: the properties of allocate() that must hold for every input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateAmounts } from "../src/core/model/allocate.js";

const weightsArb = fc.array(fc.bigInt({ min: 0n, max: 10_000_000n }), { minLength: 1, maxLength: 8 }).filter((ws) => ws.some((w) => w > 0n));
const totalArb = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });

describe("allocate (largest remainder)", () => {
  it("parts sum to the total exactly", () => {
    fc.assert(fc.property(totalArb, weightsArb, (x, ws) => allocateAmounts(x, ws).reduce((a, b) => a + b, 0n) === x));
  });

  it("each part is the floor or the ceiling of its exact share", () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (x, ws) => {
        const W = ws.reduce((a, b) => a + b, 0n);
        return allocateAmounts(x, ws).every((part, i) => {
          const q = x * (ws[i] as bigint); // exact share = q / W
          const floor = q >= 0n ? q / W : -((-q + W - 1n) / W);
          return part === floor || (q % W !== 0n && part === floor + 1n);
        });
      }),
    );
  });

  it("a zero share gets zero", () => {
    fc.assert(
      fc.property(totalArb, weightsArb, fc.nat(7), (x, ws, k) => {
        const withZero = [...ws];
        withZero.splice(k % (ws.length + 1), 0, 0n);
        const idx = withZero.indexOf(0n);
        return allocateAmounts(x, withZero)[idx] === 0n;
      }),
    );
  });

  it("a negative total is the mirror of the positive one", () => {
    fc.assert(fc.property(totalArb, weightsArb, (x, ws) => allocateAmounts(-x, ws).every((p, i) => p === -(allocateAmounts(x, ws)[i] as bigint))));
  });

  it("reversing the party order reverses the parts when no two remainders tie", () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (x, ws) => {
        const W = ws.reduce((a, b) => a + b, 0n);
        const rems = ws.map((w) => ((x < 0n ? -x : x) * w) % W);
        fc.pre(new Set(rems.map(String)).size === rems.length);
        const forward = allocateAmounts(x, ws);
        const backward = allocateAmounts(x, [...ws].reverse()).reverse();
        return forward.every((p, i) => p === backward[i]);
      }),
    );
  });

  it("ties go to the party that comes first", () => {
    // 1 öre over three equal shares: the first party gets it.
    expect(allocateAmounts(1n, [1n, 1n, 1n])).toEqual([1n, 0n, 0n]);
    expect(allocateAmounts(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    expect(allocateAmounts(-2n, [1n, 1n, 1n])).toEqual([-1n, -1n, 0n]);
  });

  it("reports the öre moved by the remainder step", () => {
    const parts = allocate(12_000_000n, [368856n, 246667n, 472298n]);
    expect(parts.map((p) => p.extra)).toEqual([0n, 1n, 0n]);
    expect(parts.map((p) => p.base)).toEqual([4068934n, 2721039n, 5210026n]);
  });

  it("refuses weights that cannot make a key", () => {
    expect(() => allocate(1n, [0n, 0n])).toThrow();
    expect(() => allocate(1n, [1n, -1n, 1n])).toThrow();
  });
});
