#!/usr/bin/env node
// The plain baseline of `npm run bench`: csv-parse + decimal.js, one pass, sums of points and
// amounts per (seller, buyer, area). What a developer would write first.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { Decimal } from "decimal.js";

const file = process.argv[2];
const sums = new Map();
let rows = 0;
const parser = createReadStream(file).pipe(parse({ delimiter: ";", columns: true, bom: true }));
for await (const r of parser) {
  rows++;
  const key = `${r["säljare"]}|${r["köpare"]}|${r["verksamhet"]}`;
  let s = sums.get(key);
  if (!s) sums.set(key, (s = { points: new Decimal(0), amount: new Decimal(0) }));
  if (r["belopp"]) s.amount = s.amount.plus(r["belopp"].replace(",", "."));
  else if (r["poäng"]) s.points = s.points.plus(r["poäng"].replace(",", "."));
}
process.stdout.write(`rows=${rows} groups=${sums.size}\n`);
process.stderr.write(`vardavtal-peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
