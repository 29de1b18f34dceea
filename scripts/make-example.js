#!/usr/bin/env node
// Writes the bundled example year: examples/2025/konsumtion-2025.csv, as Swedish Excel writes
// "CSV UTF-8" (semicolons, decimal comma, space as thousands separator, BOM, CRLF).
// Deterministic: the same file every run (seeded generator, no clock). Run: npm run example
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rng } from "./lib/rng.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const rand = rng(20250101);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
/** Fixed-point text with `dec` decimals from an integer of 10^-dec units, Swedish style. */
function sv(units, dec, group = true) {
  const neg = units < 0;
  const s = String(Math.abs(units)).padStart(dec + 1, "0");
  let int = s.slice(0, s.length - dec);
  if (group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return (neg ? "-" : "") + int + (dec > 0 ? "," + s.slice(s.length - dec) : "");
}

// Areas sold by each region, with DRG codes and typical weights (points × 10 000).
const SPECIALIST = {
  RÖ: [
    ["neurokirurgi", ["B02A", "B02B", "B03A", "B04C"], [18000, 52000]],
    ["thoraxkirurgi", ["F06A", "F06B", "F04B", "F07A"], [22000, 61000]],
    ["kärlkirurgi", ["F08A", "F08B", "F14B"], [9000, 31000]],
    ["onkologi", ["R61A", "R62B", "R63Z"], [6000, 21000]],
    ["hematologi", ["Q60A", "R60A", "R60B"], [8000, 42000]],
    ["plastikkirurgi", ["J08A", "J08B", "J09Z"], [5000, 19000]],
    ["barnkirurgi", ["G07B", "G10A", "P60A"], [7000, 24000]],
    ["urologi", ["L02A", "M01A", "M02B"], [6000, 22000]],
    ["infektion", ["T01A", "T62A", "S65A"], [4000, 16000]],
    ["ögonsjukvård", ["C01A", "C02B", "C03Z"], [2000, 9000]],
    ["öron-, näs- och halssjukvård", ["D01Z", "D02A", "D06B"], [3000, 12000]],
  ],
  RJL: [
    ["ortopedi", ["I04B", "I08A", "I03B"], [8000, 26000]],
    ["reumatologi", ["I66A", "I66B"], [3000, 11000]],
    ["ögonsjukvård", ["C01A", "C02B", "C03Z"], [2000, 9000]],
    ["kärlkirurgi", ["F08A", "F08B"], [9000, 28000]],
    ["barn- och ungdomsmedicin", ["P67A", "P66B"], [3000, 14000]],
  ],
  RKL: [
    ["ortopedi", ["I04B", "I08A"], [8000, 24000]],
    ["infektion", ["T01A", "T62A"], [4000, 14000]],
    ["urologi", ["L02A", "M02B"], [6000, 20000]],
    ["öron-, näs- och halssjukvård", ["D01Z", "D06B"], [3000, 10000]],
  ],
};
// How many specialist episodes each seller→buyer flow has in a year.
const VOLUME = { "RÖ→RJL": 4420, "RÖ→RKL": 3180, "RJL→RÖ": 640, "RJL→RKL": 500, "RKL→RÖ": 260, "RKL→RJL": 270 };
// Spellings a real extract has: ids, aliases, full names.
const SPELL = {
  RÖ: ["RÖ", "RÖ", "RÖ", "Region Östergötland", "Östergötland"],
  RJL: ["RJL", "RJL", "RJL", "Region Jönköpings län", "Jönköping"],
  RKL: ["RKL", "RKL", "Kalmar", "Region Kalmar län"],
};

function date(year) {
  const month = int(1, 12);
  const days = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return `${year}-${String(month).padStart(2, "0")}-${String(int(1, days)).padStart(2, "0")}`;
}

const rows = [];
const add = (d, s, b, area, drg, points, amount, episodes = 1) =>
  rows.push([d.slice(0, 4), d, pick(SPELL[s]), pick(SPELL[b]), area, drg, points, amount, String(episodes), `K${int(100000, 999999)}`]);

for (const [flow, n] of Object.entries(VOLUME)) {
  const [s, b] = flow.split("→");
  for (let i = 0; i < n; i++) {
    const [area, drgs, [lo, hi]] = pick(SPECIALIST[s]);
    const pts = int(lo, hi) * (rand() < 0.04 ? 3 : 1); // a few heavy cases
    add(date(2025), s, b, area, pick(drgs), sv(pts, 4, false), "");
  }
}
// Fixed-only areas at RÖ: reported, no flow.
for (let i = 0; i < 260; i++) {
  const b = pick(["RJL", "RKL"]);
  const [area, lo, hi] = pick([
    ["klinisk genetik", 4500, 38000],
    ["brännskadevård", 60000, 900000],
    ["arbets- och miljömedicin", 2500, 16000],
  ]);
  add(date(2025), "RÖ", b, area, "", "", sv(int(lo * 100, hi * 100), 2));
}
// Unit price: primärvård (every seller) and psykiatri sold by RJL and RKL, billed in full per visit.
for (let i = 0; i < 1400; i++) {
  const [s, b] = pick([["RÖ", "RJL"], ["RÖ", "RKL"], ["RJL", "RÖ"], ["RJL", "RKL"], ["RKL", "RÖ"], ["RKL", "RJL"]]);
  add(date(2025), s, b, "primärvård", "", "", sv(int(180000, 950000), 2));
}
for (let i = 0; i < 520; i++) {
  const [s, b] = pick([["RJL", "RÖ"], ["RJL", "RKL"], ["RKL", "RÖ"], ["RKL", "RJL"]]);
  add(date(2025), s, b, "psykiatri", "", "", sv(int(350000, 6800000), 2));
}
// Psykiatri sold by RÖ is not exempted: it is valued by points like other specialist care.
for (let i = 0; i < 240; i++) add(date(2025), "RÖ", pick(["RJL", "RKL"]), "psykiatri", "U67B", sv(int(5000, 30000), 4, false), "");
// Rättspsykiatri RÖ–RJL: its own agreement, reported only.
for (let i = 0; i < 36; i++) {
  const [s, b] = pick([["RÖ", "RJL"], ["RJL", "RÖ"]]);
  add(date(2025), s, b, "rättspsykiatri", "", "", sv(int(8000000, 42000000), 2));
}
// Credits: corrections of earlier invoices (negative amounts).
for (let i = 0; i < 45; i++) add(date(2025), "RÖ", pick(["RJL", "RKL"]), pick(["neurokirurgi", "onkologi", "thoraxkirurgi"]), "", "", sv(-int(2000000, 18000000), 2));
// Own patients (skipped) and late rows of the previous year (skipped).
for (let i = 0; i < 300; i++) {
  const s = pick(["RÖ", "RJL", "RKL"]);
  add(date(2025), s, s, pick(SPECIALIST[s])[0], "", sv(int(5000, 30000), 4, false), "");
}
for (let i = 0; i < 120; i++) add(date(2024), "RÖ", pick(["RJL", "RKL"]), "neurokirurgi", "B03A", sv(int(18000, 40000), 4, false), "");

// Stable shuffle so that the file is not ordered by flow.
for (let i = rows.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [rows[i], rows[j]] = [rows[j], rows[i]];
}
rows.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));

const header = ["år", "datum", "säljare", "köpare", "verksamhet", "drg", "poäng", "belopp", "vårdtillfällen", "kontakt-id"];
const text = "\ufeff" + [header, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n";
const out = join(root, "examples", "2025", "konsumtion-2025.csv");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text, "utf8");
console.log(`wrote ${out}: ${rows.length} rows`);
