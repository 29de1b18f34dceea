/**
 * The offline page's worker: reads the picked files (slice by slice), runs the same readers and
 * checks as the command line, and hands back the result JSON, the CSV files and the workbook.
 * Nothing leaves the machine: the page's Content-Security-Policy forbids every connection.
 */
import { blobSource, resultToJson, InputError, type Diagnostic, type TariffSource } from "../../src/index.js";
import { calculateCsv, checkKeyCsv as checkKey } from "../../src/read/runs.js";
import { DiagnosticBag, sortDiagnostics } from "../../src/core/model/diagnostics.js";
import { moneyOption } from "../../src/read/options.js";
import { resultCsvFiles } from "../../src/render/csv/result-csv.js";
import { resultWorkbook } from "../../src/render/xlsx/report.js";
import { keyCheckWorkbook } from "../../src/render/xlsx/keycheck.js";
import { BUNDLED_TARIFFS, PACKAGE_VERSION } from "../../src/package-data.js";
import type { Download, Job, Reply, TariffChoice } from "./protocol.js";
import { keyCheckToJson } from "../../src/contracts/keycheck.js";
import { renderDiagnostic } from "../../src/text/diagnostics.js";

const CHUNK = 1 << 20;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const tool = { name: "vardavtal", version: PACKAGE_VERSION };

function post(reply: Reply, transfer: Transferable[] = []): void {
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(reply, transfer);
}

/** The tariff as the page names it: a bundled year as `vardavtal/tariffs/YYYY.json`, a file by its name. */
async function tariffSource(choice: TariffChoice): Promise<TariffSource> {
  if ("year" in choice) return { name: `vardavtal/tariffs/${choice.year}.json`, data: BUNDLED_TARIFFS[choice.year] ?? "" };
  return { name: choice.file.name, data: new Uint8Array(await choice.file.arrayBuffer()) };
}

const lines = (ds: Diagnostic[]): string[] => sortDiagnostics(ds).map((d) => renderDiagnostic(d, "sv"));

async function run(job: Job): Promise<void> {
  const tariff = await tariffSource(job.tariff);
  const population = job.population ? blobSource(job.population.name, job.population) : undefined;
  if (job.kind === "calculate") {
    const consumption = blobSource(job.consumption.name, job.consumption);
    const open = consumption.open.bind(consumption);
    consumption.open = () => open(CHUNK);
    const { result, inputs } = await calculateCsv({ tariff, consumption, population, onProgress: (read, total) => post({ kind: "progress", read, total }) });
    const value = resultToJson(result, { tool, inputs });
    const json = JSON.stringify(value, null, 2) + "\n";
    const runAt = new Date().toISOString();
    const downloads: Download[] = [
      { name: `vardavtal-${result.year}.xlsx`, type: XLSX, data: new Uint8Array(await resultWorkbook(result, { lang: "sv", inputs, version: PACKAGE_VERSION, runAt })) },
      { name: `vardavtal-${result.year}.json`, type: "application/json", data: json },
      ...resultCsvFiles(result, "", "sv").map((f) => ({ name: f.path, type: "text/csv", data: f.data as Uint8Array | string })),
    ];
    post({ kind: "calculated", json, value, warnings: lines(result.warnings), downloads });
    return;
  }
  const bag = new DiagnosticBag();
  const tolerance = moneyOption(job.tolerance, "tolerans", bag, { negative: false });
  bag.throwIfErrors();
  const { result, inputs, warnings } = await checkKey({ tariff, costs: blobSource(job.costs.name, job.costs), population, tolerance });
  const value = keyCheckToJson(result, { tool, inputs });
  const json = JSON.stringify(value, null, 2) + "\n";
  const downloads: Download[] = [
    { name: `vardavtal-nyckelkontroll-${result.tariff.year}.xlsx`, type: XLSX, data: new Uint8Array(await keyCheckWorkbook(result, { lang: "sv", inputs, version: PACKAGE_VERSION, runAt: new Date().toISOString() })) },
    { name: `vardavtal-nyckelkontroll-${result.tariff.year}.json`, type: "application/json", data: json },
  ];
  post({ kind: "key-checked", json, value, warnings: lines(warnings), downloads });
}

self.onmessage = (event: MessageEvent<Job>) => {
  run(event.data).catch((e: unknown) => {
    if (e instanceof InputError) post({ kind: "errors", lines: lines(e.diagnostics) });
    else post({ kind: "errors", lines: [`internt fel: ${e instanceof Error ? e.message : String(e)}`] });
  });
};
