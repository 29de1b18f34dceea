/**
 * The offline page's worker: runs one command of the CLI over the picked (or kept) files with the
 * library's own readers, checks, contracts and views, and hands back what the CLI would print
 * (its text, its warnings, or its error lines) and every file it would write. Nothing leaves the
 * machine: the page's Content-Security-Policy forbids every connection.
 */
import { DiagnosticBag, InputError, sortDiagnostics, type Diagnostic } from "../../src/core/model/diagnostics.js";
import { readFailure } from "../../src/read/csv.js";
import { populationKeyOf, resolveKey } from "../../src/core/model/key.js";
import type { CompiledTariff } from "../../src/core/model/tariff.js";
import { accontoPlan } from "../../src/core/year/acconto.js";
import { accontoLedger, ledgerFileName, settlementLedger, type Ledger } from "../../src/core/year/ledger.js";
import { explainFlow } from "../../src/core/analysis/explain.js";
import { compareResultTexts } from "../../src/contracts/compare-files.js";
import { comparisonToJson } from "../../src/contracts/comparison.js";
import { accontoToJson } from "../../src/contracts/acconto.js";
import { explanationToJson } from "../../src/contracts/explanation.js";
import { keyCheckToJson } from "../../src/contracts/keycheck.js";
import { overviewFromTexts, overviewToJson } from "../../src/contracts/overview.js";
import { resultToJson, type InputFileInfo } from "../../src/contracts/result-json.js";
import { settlementToJson } from "../../src/contracts/settlement.js";
import { TARIFF_SCHEMA_FILE, tariffJsonSchema } from "../../src/contracts/tariff-json-schema.js";
import { csvInfoToInput, hashedText, readPopulation } from "../../src/read/inputs.js";
import { moneyOption } from "../../src/read/options.js";
import { proposeRun } from "../../src/read/propose-run.js";
import { blobSource, calculateCsv, checkKeyCsv, loadTariffSource, type TariffSource } from "../../src/read/runs.js";
import { settleRun } from "../../src/read/settle-run.js";
import { accontoCsvFiles } from "../../src/render/csv/acconto-csv.js";
import { comparisonCsvFiles } from "../../src/render/csv/compare-csv.js";
import { ledgerCsv } from "../../src/render/csv/ledger-csv.js";
import { resultCsvFiles } from "../../src/render/csv/result-csv.js";
import { settlementCsvFiles } from "../../src/render/csv/settlement-csv.js";
import { runTime } from "../../src/render/run-time.js";
import { accontoText } from "../../src/render/text/acconto.js";
import { comparisonText } from "../../src/render/text/compare.js";
import { keyText } from "../../src/render/text/key.js";
import { keyCheckText } from "../../src/render/text/keycheck.js";
import { overviewText } from "../../src/render/text/overview.js";
import { proposalText } from "../../src/render/text/proposal.js";
import { settlementText } from "../../src/render/text/settlement.js";
import { summaryText } from "../../src/render/text/summary.js";
import { describeTariff, tariffValidText } from "../../src/render/text/tariff.js";
import { accontoWorkbook } from "../../src/render/xlsx/acconto.js";
import { comparisonWorkbook } from "../../src/render/xlsx/compare.js";
import { keyCheckWorkbook } from "../../src/render/xlsx/keycheck.js";
import { overviewWorkbook } from "../../src/render/xlsx/overview.js";
import { proposalWorkbook } from "../../src/render/xlsx/proposal.js";
import { resultWorkbook } from "../../src/render/xlsx/report.js";
import { settlementWorkbook } from "../../src/render/xlsx/settlement.js";
import { BUNDLED_TARIFFS, PACKAGE_VERSION } from "../../src/package-data.js";
import { renderDiagnostic } from "../../src/text/diagnostics.js";
import { renderDiagnostics } from "../../src/text/diagnostic-groups.js";
import { componentNames, explanationText, explanationWords } from "../../src/text/explain.js";
import { t } from "../../src/text/i18n.js";
import { proposalNotes } from "../../src/text/proposal-notes.js";
import { scenarioLines } from "../../src/text/scenario-lines.js";
import type { Download, Job, Picked, Reply, View } from "./protocol.js";
import { FAST_THRESHOLD, readConsumptionStream, type StreamHasher } from "../../src/read/fast/stream.js";
import { sha256 } from "../../src/read/sha256.js";

declare const __HASH_WORKER_SOURCE__: string;

const lang = "sv" as const;
const CHUNK = 1 << 20;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const JSON_TYPE = "application/json";
const CSV = "text/csv";
const tool = { name: "vardavtal", version: PACKAGE_VERSION };

function post(reply: Reply): void {
  (self as unknown as { postMessage(m: unknown): void }).postMessage(reply);
}

/** The JSON text as the CLI writes it (two spaces, a final line end). */
const jsonText = (value: unknown): string => JSON.stringify(value, null, 2) + "\n";

/** A usage problem in the CLI's layout, for a form missing what the CLI's option requires. */
function usage(message: string): InputError {
  return new InputError([{ severity: "error", code: "USAGE", params: { message }, file: "vardavtal", line: 1, column: 1 }]);
}

/** What yargs says for a required option that is missing (its words, in the catalogue). */
const missing = (option: string): InputError => usage(t(lang, "usage_missing_one", { options: option }));

/** A download whose bytes are still being made. */
interface Later extends Omit<Download, "data"> {
  data: Promise<Download["data"]>;
}

interface Done {
  json?: string;
  text: string;
  warnings: Diagnostic[];
  downloads: (Download | Later)[];
  view: View;
}

class Form {
  constructor(readonly job: Job) {}
  files(name: string): Picked[] {
    return this.job.files[name] ?? [];
  }
  file(name: string): Picked | undefined {
    return this.files(name)[0];
  }
  need(name: string): Picked {
    const f = this.file(name);
    if (!f) throw missing(name);
    return f;
  }
  value(name: string): string | undefined {
    const v = this.job.values[name]?.trim();
    return v === undefined || v === "" ? undefined : v;
  }
  lines(name: string): string[] {
    return (this.job.values[name] ?? "").split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  }
  flag(name: string): boolean {
    return this.job.flags[name] === true;
  }
}

async function bytesOf(p: Picked): Promise<Uint8Array> {
  try {
    return new Uint8Array(await p.blob.arrayBuffer());
  } catch (e) {
    // a file picked before and deleted, moved or changed since: FILE_READ at the file, as the terminal says it
    throw new InputError([{ severity: "error", code: "FILE_READ", params: { reason: readFailure(e) }, file: p.name, line: 1, column: 1 }]);
  }
}

async function textOf(p: Picked): Promise<{ name: string; text: string; info: InputFileInfo }> {
  const h = hashedText(p.name, "result", await bytesOf(p));
  return { name: p.name, text: h.text, info: h.info };
}

/** The tariff the form names: a file (picked or kept), else the bundled year (`tariff-year`). */
async function tariffSource(form: Form): Promise<TariffSource | undefined> {
  const file = form.file("tariff");
  if (file) return { name: file.name, data: await bytesOf(file) };
  const year = form.value("tariff-year");
  if (year === undefined) return undefined;
  return { name: `vardavtal/tariffs/${year}.json`, data: BUNDLED_TARIFFS[Number(year)] ?? "" };
}

async function loadTariff(form: Form, bag: DiagnosticBag): Promise<{ tariff: CompiledTariff; info: InputFileInfo } | undefined> {
  const source = await tariffSource(form);
  if (!source) throw missing("tariff");
  return loadTariffSource(source, bag);
}

async function loadPopulation(form: Form, bag: DiagnosticBag) {
  const p = form.file("population");
  if (!p) return {};
  const read = await readPopulation(blobSource(p.name, p.blob), bag);
  return { population: read.population, info: csvInfoToInput("population", read.info) };
}

const csv = (files: { path: string; data: string | Uint8Array }[]): Download[] => files.map((f) => ({ name: f.path, type: CSV, data: f.data }));
const ledgerFiles = (ledger: Ledger, year: number): Download[] => ledger.parties.map((p) => ({ name: ledgerFileName(p.id, year), type: CSV, data: ledgerCsv(p.lines, lang) }));
/** A workbook: built after the result is shown (it is offered a moment later). */
const xlsx = (name: string, data: Promise<Uint8Array | ArrayBuffer | { buffer: ArrayBufferLike }>): Later => ({ name, type: XLSX, data: data.then((d) => (d instanceof Uint8Array ? d : new Uint8Array(d as ArrayBuffer))) });

/** A SHA-256 computed in a worker of its own (another core), or here where a worker cannot start one. */
function workerHasher(): StreamHasher {
  const url = URL.createObjectURL(new Blob([__HASH_WORKER_SOURCE__], { type: "text/javascript" }));
  let w: Worker;
  try {
    w = new Worker(url);
  } catch {
    URL.revokeObjectURL(url);
    return sha256();
  }
  return {
    update(bytes) {
      const copy = bytes.slice(); // the reader scans these bytes too: the worker gets its own
      w.postMessage(copy, [copy.buffer]);
    },
    hex: () =>
      new Promise((resolve, reject) => {
        w.onmessage = (e: MessageEvent<string>) => resolve(e.data);
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage("end");
      }),
    // the read ended (read through, or handed over to the general reader): no more hashing
    dispose() {
      w.terminate();
      URL.revokeObjectURL(url);
    },
  };
}

/** The consumption file: read by the fast path in this worker (streaming), handing over to the general reader when it must. */
function consumptionOptions(form: Form) {
  const picked = form.need("consumption");
  const source = blobSource(picked.name, picked.blob);
  const open = source.open.bind(source);
  source.open = () => open(CHUNK);
  const onProgress = (read: number, total: number): void => post({ kind: "progress", read, total });
  // the CLI's "auto": the fast reader from 8 MiB on (the JSON records which reader read the file)
  const fast = picked.blob.size >= FAST_THRESHOLD ? { fast: (tariff: CompiledTariff) => readConsumptionStream(blobSource(picked.name, picked.blob), tariff, { onProgress, hasher: workerHasher }) } : {};
  return { consumption: source, onProgress, ...fast };
}

async function calculateRun(form: Form) {
  const tariff = await tariffSource(form);
  if (!tariff) throw missing("tariff");
  const population = form.file("population");
  const scenarioFile = form.file("scenario");
  const set = form.lines("set");
  const scenario = set.length > 0 || scenarioFile ? { scenario: { set, ...(scenarioFile ? { patch: { name: scenarioFile.name, data: await bytesOf(scenarioFile) } } : {}) } } : {};
  const through = form.value("through");
  return calculateCsv({ tariff, ...consumptionOptions(form), ...(population ? { population: blobSource(population.name, population.blob) } : {}), ...(through !== undefined ? { through } : {}), ...scenario });
}

const commands: Record<Job["command"], (form: Form) => Promise<Done>> = {
  async calculate(form) {
    const run = await calculateRun(form);
    const { result, inputs, scenario } = run;
    const value = resultToJson(result, { tool, inputs, ...(scenario ? { scenario } : {}) });
    const json = jsonText(value);
    const through = result.forecast?.through;
    const base = through !== undefined ? `prognos-${through.slice(0, 7)}` : scenario ? `scenario-${result.year}` : `resultat-${result.year}`;
    const downloads: (Download | Later)[] = [
      { name: `${base}.json`, type: JSON_TYPE, data: json, keep: through !== undefined ? "forecast" : scenario ? "scenario" : "result" },
      xlsx(`${base === `resultat-${result.year}` ? `rapport-${result.year}` : base}.xlsx`, resultWorkbook(result, { lang, inputs, version: PACKAGE_VERSION, banner: scenarioLines(scenario, lang).map((l) => l.trim()), ...(scenario ? { scenario } : {}) })),
      ...csv(resultCsvFiles(result, "", lang, scenario ? { scenario } : {})),
    ];
    return { json, text: summaryText(result, lang, scenario), warnings: result.warnings, downloads, view: { kind: "result", value } };
  },

  async key(form) {
    const bag = new DiagnosticBag();
    const loaded = await loadTariff(form, bag);
    const pop = await loadPopulation(form, bag);
    const amount = moneyOption(form.value("amount") ?? "1000000", "--amount", bag);
    bag.throwIfErrors();
    if (!loaded) throw new InputError(bag.items);
    const tariff = loaded.tariff;
    const key = resolveKey(tariff, pop.population, bag);
    const side = tariff.key.basis === "fixed" && (pop.population || tariff.population) ? populationKeyOf(tariff, pop.population, new DiagnosticBag()) : undefined;
    bag.throwIfErrors();
    if (!key) throw new InputError(bag.items);
    return { text: keyText(tariff, key, side, amount ?? 0n, lang), warnings: [...tariff.warnings, ...bag.warnings], downloads: [], view: { kind: "none" } };
  },

  async "check-key"(form) {
    const bag = new DiagnosticBag();
    const tolerance = moneyOption(form.value("tolerance") ?? "1", "--tolerance", bag, { negative: false });
    bag.throwIfErrors();
    const tariff = await tariffSource(form);
    if (!tariff) throw missing("tariff");
    const costs = form.need("costs");
    const population = form.file("population");
    const { result, inputs, warnings } = await checkKeyCsv({ tariff, costs: blobSource(costs.name, costs.blob), ...(population ? { population: blobSource(population.name, population.blob) } : {}), ...(tolerance !== undefined ? { tolerance } : {}) });
    const value = keyCheckToJson(result, { tool, inputs });
    const json = jsonText(value);
    const downloads: (Download | Later)[] = [{ name: `nyckelkontroll-${result.tariff.year}.json`, type: JSON_TYPE, data: json }, xlsx(`nyckelkontroll-${result.tariff.year}.xlsx`, keyCheckWorkbook(result, { lang, inputs, version: PACKAGE_VERSION }))];
    return { json, text: keyCheckText(result, lang), warnings, downloads, view: { kind: "keycheck", value } };
  },

  async "check-tariff"(form) {
    const bag = new DiagnosticBag();
    const loaded = await loadTariff(form, bag);
    bag.throwIfErrors();
    if (!loaded) throw new InputError(bag.items);
    const schema = { name: TARIFF_SCHEMA_FILE, type: JSON_TYPE, data: jsonText(tariffJsonSchema()) };
    return { text: describeTariff(loaded.tariff, lang) + tariffValidText(loaded.tariff, lang), warnings: loaded.tariff.warnings, downloads: [schema], view: { kind: "none" } };
  },

  async propose(form) {
    const bag = new DiagnosticBag();
    const loaded = await loadTariff(form, bag);
    const pop = await loadPopulation(form, bag);
    const texts = await Promise.all(form.files("results").map(textOf));
    if (texts.length === 0) throw missing("results");
    const run = proposeRun({ tariff: loaded?.tariff, results: texts, index: form.lines("index"), population: pop.population, roundTo: form.value("round-to"), notes: proposalNotes(lang), lang }, bag);
    if (!loaded) throw new InputError(bag.items);
    const { proposal, results, index, text } = run;
    const inputs = [loaded.info, ...texts.map((x) => x.info), ...(pop.info ? [pop.info] : [])];
    const downloads: (Download | Later)[] = [
      { name: `forslag-${proposal.year}.json`, type: JSON_TYPE, data: text, keep: "tariff" },
      xlsx(`forslag-${proposal.year}.xlsx`, proposalWorkbook(proposal, { lang, inputs, version: PACKAGE_VERSION, tariff: loaded.tariff, results, index })),
    ];
    return { json: text, text: proposalText(proposal, loaded.tariff, results, run.index, lang), warnings: [...loaded.tariff.warnings, ...bag.warnings], downloads, view: { kind: "none" } };
  },

  async acconto(form) {
    const bag = new DiagnosticBag();
    const loaded = await loadTariff(form, bag);
    const pop = await loadPopulation(form, bag);
    bag.throwIfErrors();
    if (!loaded) throw new InputError(bag.items);
    const key = resolveKey(loaded.tariff, pop.population, bag);
    bag.throwIfErrors();
    if (!key) throw new InputError(bag.items);
    const plan = accontoPlan(loaded.tariff, key, { variable: form.flag("variable") });
    const value = accontoToJson(plan, { tool });
    const json = jsonText(value);
    const downloads: (Download | Later)[] = [
      { name: `acconto-${plan.year}.json`, type: JSON_TYPE, data: json, keep: "plan" },
      xlsx(`acconto-${plan.year}.xlsx`, accontoWorkbook(plan, { lang, inputs: [loaded.info, ...(pop.info ? [pop.info] : [])], version: PACKAGE_VERSION })),
      ...csv(accontoCsvFiles(plan, "", lang)),
      ...ledgerFiles(accontoLedger(plan), plan.year),
    ];
    return { json, text: accontoText(plan, lang), warnings: [...loaded.tariff.warnings, ...bag.warnings], downloads, view: { kind: "acconto", value } };
  },

  async settle(form) {
    const bag = new DiagnosticBag();
    const paid = form.files("paid");
    // both missing: named together, as yargs does on the command line
    if (!form.file("result") && paid.length === 0) throw usage(t(lang, "usage_missing_many", { options: "result, paid" }));
    const resultFile = form.need("result");
    if (paid.length === 0) throw missing("paid");
    const result = await textOf(resultFile);
    const paidBytes = await Promise.all(paid.map(async (p) => ({ name: p.name, bytes: await bytesOf(p) })));
    const tariff = form.file("tariff") || form.value("tariff-year") !== undefined ? await loadTariff(form, bag) : undefined;
    const unitPrice = form.value("unit-price");
    const run = await settleRun({ result, paid: paidBytes, forecast: form.flag("forecast"), ...(unitPrice === "invoiced" || unitPrice === "unpaid" ? { unitPrice } : {}) }, bag);
    const s = run.settlement;
    const value = settlementToJson(s, { tool });
    const json = jsonText(value);
    const base = s.forecast ? `prognos-slutreglering-${s.year}` : `slutreglering-${s.year}`;
    const inputs = [{ ...result.info }, ...run.infos];
    const ledger = settlementLedger(s, { date: runTime().toISOString().slice(0, 10), ...(tariff ? { tariff: tariff.tariff } : {}) });
    const downloads: (Download | Later)[] = [
      { name: `${base}.json`, type: JSON_TYPE, data: json, keep: "settlement" },
      xlsx(`${base}.xlsx`, settlementWorkbook(s, { lang, inputs, version: PACKAGE_VERSION, resultFile: resultFile.name, tariffStatus: run.result.tariffStatus, decision: run.result.decision })),
      ...csv(settlementCsvFiles(s, "", lang)),
      ...ledgerFiles(ledger, s.year),
    ];
    return { json, text: settlementText(s, lang, run.result.tariffStatus), warnings: sortDiagnostics(run.warnings), downloads, view: { kind: "settlement", value } };
  },

  async compare(form) {
    const bag = new DiagnosticBag();
    // the command line's words for its two positional results
    if (!form.file("a") || !form.file("b")) throw usage(t(lang, "usage_compare_needs"));
    const a = await textOf(form.need("a"));
    const b = await textOf(form.need("b"));
    const compared = compareResultTexts({ text: a.text, file: a.name }, { text: b.text, file: b.name }, bag);
    bag.throwIfErrors();
    if (!compared) throw new InputError(bag.items);
    const c = compared.comparison;
    const json = jsonText(comparisonToJson(c, { tool }));
    const downloads: (Download | Later)[] = [{ name: "jamforelse.json", type: JSON_TYPE, data: json }, ...csv(comparisonCsvFiles(c, "", lang)), xlsx("jamforelse.xlsx", comparisonWorkbook(c, { lang, inputs: [a.info, b.info], version: PACKAGE_VERSION }))];
    return { json, text: comparisonText(c, lang), warnings: compared.warnings, downloads, view: { kind: "none" } };
  },

  async explain(form) {
    const flow = form.value("flow");
    if (flow === undefined) throw usage(t(lang, "usage_explain_needs"));
    const run = await calculateRun(form);
    const found = explainFlow(run.result, flow, { componentNames: componentNames(), ...(run.scenario ? { scenario: run.scenario } : {}) });
    if ("code" in found) throw new InputError([found]);
    const e = explanationWords(found, lang);
    const json = jsonText(explanationToJson(e));
    return { json, text: explanationText(e).join("\n") + "\n", warnings: run.result.warnings, downloads: [{ name: "forklaring.json", type: JSON_TYPE, data: json }], view: { kind: "none" } };
  },

  async overview(form) {
    const bag = new DiagnosticBag();
    const plan = await textOf(form.need("plan"));
    const forecasts = await Promise.all(form.files("forecast").map(textOf));
    const result = form.file("result");
    const settlement = form.file("settlement");
    const o = overviewFromTexts({ plan, forecasts, ...(result ? { result: await textOf(result) } : {}), ...(settlement ? { settlement: await textOf(settlement) } : {}) }, bag);
    if (!o) throw new InputError(bag.items);
    const value = overviewToJson(o, { tool });
    const json = jsonText(value);
    const downloads: (Download | Later)[] = [{ name: `oversikt-${o.year}.json`, type: JSON_TYPE, data: json }, xlsx(`oversikt-${o.year}.xlsx`, overviewWorkbook(o, { lang, version: PACKAGE_VERSION }))];
    return { json, text: overviewText(o, lang), warnings: [], downloads, view: { kind: "overview", value } };
  },
};

self.onmessage = (event: MessageEvent<Job>) => {
  const job = event.data;
  const started = performance.now();
  commands[job.command](new Form(job))
    .then(async (done) => {
      const warnings = sortDiagnostics(done.warnings).map((w) => renderDiagnostic(w, lang));
      const ready = done.downloads.filter((d): d is Download => !(d.data instanceof Promise));
      const later = done.downloads.filter((d): d is Later => d.data instanceof Promise);
      post({ kind: "done", command: job.command, ...(done.json !== undefined ? { json: done.json } : {}), text: done.text, warnings, downloads: ready, view: done.view, seconds: (performance.now() - started) / 1000, more: later.length > 0 });
      if (later.length > 0) post({ kind: "files", id: job.id, downloads: await Promise.all(later.map(async (d) => ({ ...d, data: await d.data }))) });
    })
    .catch((e: unknown) => {
      if (e instanceof InputError) {
        // as the terminal prints it: errors of one kind once, with the rows they stand on, then the count
        const sorted = sortDiagnostics(e.diagnostics);
        // a usage problem alone is one line, without the count, as the terminal prints it
        const usageOnly = sorted.every((d) => d.code === "USAGE");
        post({ kind: "errors", lines: renderDiagnostics(sorted, lang, false), count: usageOnly ? "" : t(lang, "errors_found", { count: sorted.filter((d) => d.severity === "error").length }) });
      } else post({ kind: "errors", lines: [t(lang, "internal_error", { message: e instanceof Error ? e.message : String(e) })], count: "" });
    });
};
