/**
 * The browser's streaming fast reader (read/fast/stream.ts) frees its hasher once the read ends,
 * whether it read the file through or handed it over to the general reader: the page's hasher is
 * a worker of its own, which would otherwise go on hashing (and live) after a hand-over.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTariff } from "../src/core/model/tariff.js";
import { bytesSource } from "../src/read/csv.js";
import { exampleConsumptionCsv } from "../src/read/example-year.js";
import { readConsumptionStream, type StreamHasher } from "../src/read/fast/stream.js";
import { sha256 } from "../src/read/sha256.js";
import { ROOT } from "./helpers.js";

const tariff = loadTariff(readFileSync(join(ROOT, "tariffs", "2025.json"), "utf8"));

/** The pure SHA-256, counting its updates and how often it was freed. */
function countingHasher(): { hasher: () => StreamHasher; updates: () => number; disposed: () => number } {
  let updates = 0;
  let disposed = 0;
  return {
    hasher: () => {
      const h = sha256();
      return {
        update: (b) => (updates++, h.update(b)),
        hex: () => h.hex(),
        dispose: () => void disposed++,
      };
    },
    updates: () => updates,
    disposed: () => disposed,
  };
}

describe("the streaming fast reader's hasher", () => {
  it("is freed once after a file read through, and after a hand-over that came once hashing had begun", async () => {
    const good = countingHasher();
    const read = await readConsumptionStream(bytesSource("k.csv", exampleConsumptionCsv()), tariff, { chunkSize: 1 << 16, hasher: good.hasher });
    expect(read.ok).toBe(true);
    expect(good.disposed()).toBe(1);

    // a party the tariff does not know, near the end: the fast reader hands over after hashing most of the file
    const bad = countingHasher();
    const text = exampleConsumptionCsv().replace(/\n$/, "") + "\n2025;2025-12-30;RÖ;XYZ;Neurokirurgi;;;1,00;1;X\n";
    const handed = await readConsumptionStream(bytesSource("k.csv", text), tariff, { chunkSize: 1 << 16, hasher: bad.hasher });
    expect(handed.ok).toBe(false);
    expect(bad.updates()).toBeGreaterThan(1);
    expect(bad.disposed()).toBe(1);
  });
});
