/**
 * Reproducible output: with SOURCE_DATE_EPOCH set (seconds since 1970, the reproducible-builds
 * convention) the same inputs give byte-identical files: the workbooks' document properties,
 * the run time they show, and the time of every entry of the .xlsx archive all carry that time.
 */
import { readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, runMain, tempDir } from "./helpers.js";

const MINI = join(FIXTURES, "spec", "mini-2025");
const KC = join(FIXTURES, "keycheck");
const EPOCH = "1700000000";
/** The run time the workbooks show: local time (here Stockholm's), to the minute. */
const TZ = "Europe/Stockholm";
const EPOCH_SHOWN = "2023-11-14 22:13 UTC"; // a reproducible run shows its time in UTC, the same in every time zone

/** The modification time of every entry of a ZIP archive, from its central directory (DOS time, read as UTC). */
function zipTimes(zip: Buffer): { name: string; time: string }[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out: { name: string; time: string }[] = [];
  let p = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < zip.readUInt16LE(eocd + 10); k++) {
    const t = zip.readUInt16LE(p + 12);
    const d = zip.readUInt16LE(p + 14);
    const nameLength = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    expect([zip.readUInt16LE(local + 10), zip.readUInt16LE(local + 12)]).toEqual([t, d]);
    const time = new Date(Date.UTC((d >> 9) + 1980, ((d >> 5) & 15) - 1, d & 31, t >> 11, (t >> 5) & 63, (t & 31) * 2)).toISOString();
    out.push({ name: zip.subarray(p + 46, p + 46 + nameLength).toString("utf8"), time });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** The mini tariff marked illustrative: its workbook carries a banner on every sheet. */
function illustrativeTariff(): string {
  const t = JSON.parse(readFileSync(join(MINI, "tariff.json"), "utf8"));
  const file = join(tempDir("vardavtal-repro-t-"), "tariff.json");
  writeFileSync(file, JSON.stringify({ ...t, status: "illustrative" }));
  return file;
}

async function calculateRun(env: Record<string, string>, tariff = join(MINI, "tariff.json")): Promise<string> {
  const out = tempDir("vardavtal-repro-");
  const r = await runMain(["calculate", "--tariff", tariff, "--consumption", join(MINI, "consumption.csv"), "--xlsx", join(out, "r.xlsx"), "--json", join(out, "r.json"), "--csv-dir", join(out, "csv")], undefined, env);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

async function checkKeyRun(env: Record<string, string>): Promise<string> {
  const out = tempDir("vardavtal-repro-kc-");
  const r = await runMain(["check-key", "--tariff", join(KC, "tariff.json"), "--costs", join(KC, "costs.csv"), "--xlsx", join(out, "kc.xlsx"), "--json", join(out, "kc.json")], undefined, env);
  expect(r.code, r.stderr).toBe(1); // the example has deviations
  return out;
}

async function shownRunTimes(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const summary = (wb.worksheets[0] as ExcelJS.Worksheet).getCell(4, 2).value;
  const inputs = wb.worksheets[wb.worksheets.length - 1] as ExcelJS.Worksheet;
  let fact: unknown;
  inputs.eachRow((row) => {
    if (["Körd", "Run at"].includes(String(row.getCell(1).value))) fact = row.getCell(2).value;
  });
  return [String(summary), String(fact)];
}

async function coreTimes(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
  return [...core.matchAll(/<dcterms:(created|modified)[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
}

describe("with SOURCE_DATE_EPOCH", () => {
  let a = "";
  let b = "";
  let kcA = "";
  let kcB = "";
  let illA = "";
  let illB = "";
  beforeAll(async () => {
    const env = { SOURCE_DATE_EPOCH: EPOCH, TZ };
    const illustrative = illustrativeTariff();
    a = await calculateRun(env);
    kcA = await checkKeyRun(env);
    illA = await calculateRun(env, illustrative);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the 2-second step of ZIP times
    const elsewhere = { SOURCE_DATE_EPOCH: EPOCH, TZ: "Asia/Tokyo" }; // and on a machine in another time zone
    b = await calculateRun(elsewhere);
    kcB = await checkKeyRun(elsewhere);
    illB = await calculateRun(elsewhere, illustrative);
  }, 90_000);

  it("calculate writes byte-identical workbook, JSON and CSV files", () => {
    const list = files(a);
    expect(list).toEqual(["csv/areas.csv", "csv/flows.csv", "csv/key.csv", "csv/net.csv", "csv/transfers.csv", "r.json", "r.xlsx"]);
    expect(files(b)).toEqual(list);
    for (const f of list) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it("a workbook with a banner (illustrative tariff) is byte-identical too", () => {
    expect(readFileSync(join(illB, "r.xlsx")).equals(readFileSync(join(illA, "r.xlsx")))).toBe(true);
  });

  it("check-key writes byte-identical workbook and JSON", () => {
    for (const f of ["kc.xlsx", "kc.json"]) expect(readFileSync(join(kcB, f)).equals(readFileSync(join(kcA, f))), f).toBe(true);
  });

  it("stamps the workbooks with that time: properties, shown run time and ZIP entries", async () => {
    for (const file of [join(a, "r.xlsx"), join(kcA, "kc.xlsx")]) {
      expect(await coreTimes(file)).toEqual(["created 2023-11-14T22:13:20Z", "modified 2023-11-14T22:13:20Z"]);
      const [summary, fact] = await shownRunTimes(file);
      expect(summary?.startsWith(EPOCH_SHOWN), summary).toBe(true);
      expect(fact).toBe(EPOCH_SHOWN);
      const times = zipTimes(readFileSync(file));
      expect(times.length).toBeGreaterThan(10);
      for (const t of times) expect(t.time, t.name).toBe("2023-11-14T22:13:20.000Z");
    }
  });
});

describe("without SOURCE_DATE_EPOCH", () => {
  it("shows the time of the run", async () => {
    const before = Date.now();
    const out = await calculateRun({ SOURCE_DATE_EPOCH: "" });
    const [summary, fact] = await shownRunTimes(join(out, "r.xlsx"));
    expect(fact).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const shown = new Date(`${(fact ?? "").replace(" ", "T")}:00`).getTime(); // local time, to the minute
    expect(shown).toBeGreaterThanOrEqual(before - 61_000);
    expect(shown).toBeLessThanOrEqual(Date.now() + 1000);
    expect(summary?.startsWith(fact ?? "?")).toBe(true);
    const zipTime = Date.parse(zipTimes(readFileSync(join(out, "r.xlsx")))[0]?.time ?? "");
    expect(Math.abs(zipTime - shown)).toBeLessThan(63_000);
  });

  it("refuses a malformed SOURCE_DATE_EPOCH instead of ignoring it, and writes nothing", async () => {
    const out = tempDir("vardavtal-repro-bad-");
    const r = await runMain(["calculate", "--tariff", join(MINI, "tariff.json"), "--consumption", join(MINI, "consumption.csv"), "--xlsx", join(out, "r.xlsx")], undefined, { SOURCE_DATE_EPOCH: "yesterday" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("SOURCE_DATE_EPOCH");
    expect(existsSync(join(out, "r.xlsx"))).toBe(false);
  });
});
