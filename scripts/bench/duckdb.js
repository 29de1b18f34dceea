#!/usr/bin/env node
// DuckDB on the same file, as a power user would: read_csv + GROUP BY with DECIMAL sums.
// duckdb.mjs FILE THREADS [ENCODING: utf-8 | latin-1]
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2].replace(/'/g, "''");
const threads = Number(process.argv[3] ?? 2);
const encoding = process.argv[4] === "latin-1" ? "latin-1" : "utf-8";
const db = await DuckDBInstance.create(":memory:", { threads: String(threads) });
const con = await db.connect();
const sql = `
  SELECT "säljare" AS seller, "köpare" AS buyer, "verksamhet" AS area,
         sum("poäng") AS points, sum("belopp") AS amount, count(*) AS n
  FROM read_csv('${file}', delim = ';', header = true, decimal_separator = ',', quote = '"', encoding = '${encoding}',
       columns = {'år': 'INTEGER', 'datum': 'DATE', 'säljare': 'VARCHAR', 'köpare': 'VARCHAR',
                  'verksamhet': 'VARCHAR', 'drg': 'VARCHAR', 'poäng': 'DECIMAL(18,6)', 'belopp': 'DECIMAL(18,2)',
                  'patient': 'VARCHAR', 'vårdtillfälle': 'VARCHAR', 'ålder': 'INTEGER', 'kön': 'VARCHAR'})
  WHERE "år" = 2025 AND "säljare" <> "köpare"
  GROUP BY ALL`;
const result = await con.runAndReadAll(sql);
process.stdout.write(`groups=${result.getRows().length}\n`);
const usage = process.resourceUsage();
process.stderr.write(`vardavtal-peak-rss-kb=${usage.maxRSS}\nvardavtal-cpu-us=${usage.userCPUTime + usage.systemCPUTime}\n`);
