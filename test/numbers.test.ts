/** formats.md "Numbers": every dialect a spreadsheet writes, and what is refused with its position. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScaled, formatRational, roundHalfAwayFromZero } from "../src/core/model/decimal.js";
import { isoDateYear, parseLocaleNumber } from "../src/core/model/numbers.js";

const ok = (text: string, dec: number) => {
  const r = parseLocaleNumber(text, dec);
  if (!r.ok) throw new Error(`${text}: ${r.problem} at ${r.offset}`);
  return r.units;
};

describe("parseLocaleNumber", () => {
  it("reads decimal comma and point, thousands separators and both minus signs", () => {
    expect(ok("12 500,00", 2)).toBe(1250000n);
    expect(ok("1\u00a0234,56", 2)).toBe(123456n);
    expect(ok("1\u202f234\u202f567.8", 2)).toBe(123456780n);
    expect(ok("−693\u00a0112,46", 2)).toBe(-69311246n);
    expect(ok("-0,5", 2)).toBe(-50n);
    expect(ok("4,125", 6)).toBe(4125000n);
    expect(ok("  7  ", 0)).toBe(7n);
    expect(ok("0012", 2)).toBe(1200n);
  });

  it("refuses what is not a number, pointing at the offending character", () => {
    expect(parseLocaleNumber("12,5,0", 2)).toEqual({ ok: false, problem: "BAD_NUMBER", offset: 4 });
    expect(parseLocaleNumber("1e5", 2)).toEqual({ ok: false, problem: "BAD_NUMBER", offset: 1 });
    expect(parseLocaleNumber("1 23", 2)).toMatchObject({ ok: false, problem: "BAD_NUMBER" });
    expect(parseLocaleNumber("1234 567", 2)).toMatchObject({ ok: false, problem: "BAD_NUMBER" });
    expect(parseLocaleNumber("1.234,56", 2)).toMatchObject({ ok: false, problem: "BAD_NUMBER" });
    expect(parseLocaleNumber("+5", 2)).toMatchObject({ ok: false, problem: "BAD_NUMBER" });
    expect(parseLocaleNumber("5,", 2)).toMatchObject({ ok: false, problem: "BAD_NUMBER" });
    expect(parseLocaleNumber(",5", 2)).toMatchObject({ ok: false, problem: "BAD_NUMBER" });
    expect(parseLocaleNumber("abc", 2)).toMatchObject({ ok: false, problem: "BAD_NUMBER", offset: 0 });
    expect(parseLocaleNumber("12,345", 2)).toEqual({ ok: false, problem: "TOO_MANY_DECIMALS", offset: 5 });
    expect(parseLocaleNumber("1,0000001", 6)).toMatchObject({ ok: false, problem: "TOO_MANY_DECIMALS" });
  });

  it("reads back any amount written in any dialect", () => {
    const sep = fc.constantFrom("", " ", "\u00a0", "\u202f");
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), sep, fc.constantFrom(",", "."), fc.constantFrom("-", "−"), (units, thousands, point, minus) => {
        const neg = units < 0n;
        const digits = (neg ? -units : units).toString().padStart(3, "0");
        const int = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
        const text = `${neg ? minus : ""}${int}${point}${digits.slice(-2)}`;
        return ok(text, 2) === units;
      }),
    );
  });
});

describe("exact decimals", () => {
  it("rounds half away from zero", () => {
    expect(roundHalfAwayFromZero(2345n, 10n)).toBe(235n);
    expect(roundHalfAwayFromZero(-2345n, 10n)).toBe(-235n);
    expect(roundHalfAwayFromZero(2344n, 10n)).toBe(234n);
    expect(roundHalfAwayFromZero(-2346n, 10n)).toBe(-235n);
    expect(roundHalfAwayFromZero(1028671875n, 10000n)).toBe(102867n); // 102 867.1875 öre-units → 102 867
  });

  it("formats exactly", () => {
    expect(formatScaled(-5n, 2)).toBe("-0.05");
    expect(formatScaled(123456n, 2)).toBe("1234.56");
    expect(formatRational({ num: 368856n, den: 1087821n })).toBe("0.339077844608626");
    expect(formatRational({ num: 3391n, den: 10000n })).toBe("0.339100000000000");
    expect(formatRational({ num: 1n, den: 1n })).toBe("1.000000000000000");
  });

  it("checks calendar dates", () => {
    expect(isoDateYear("2024-02-29")).toBe(2024);
    expect(isoDateYear("2025-02-29")).toBeUndefined();
    expect(isoDateYear("2025-13-01")).toBeUndefined();
    expect(isoDateYear("25-01-01")).toBeUndefined();
  });
});
