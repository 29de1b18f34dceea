/** The example year is generated (demo writes it), and it is the file the repository holds. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleConsumptionCsv, rng } from "../src/read/example-year.js";
import { ROOT } from "./helpers.js";

const sha = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

describe("the example year", () => {
  it("generates examples/2025/konsumtion-2025.csv byte for byte, the same on every call", () => {
    const text = exampleConsumptionCsv();
    const committed = readFileSync(join(ROOT, "examples", "2025", "konsumtion-2025.csv"));
    expect(sha(Buffer.from(text, "utf8"))).toBe(sha(committed));
    expect(sha(exampleConsumptionCsv())).toBe(sha(text));
    expect(text.startsWith("\ufeffår;datum;säljare;köpare;verksamhet;drg;poäng;belopp;vårdtillfällen;kontakt-id\r\n")).toBe(true);
    expect(text.split("\r\n").length - 2).toBe(12191);
  });

  it("draws from mulberry32 (the same numbers for a seed)", () => {
    const a = rng(1);
    const b = rng(1);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(rng(2)()).not.toBe(xs[0]);
  });
});
