/**
 * The offline page: picks the files, hands them to the worker (so that a large file keeps the
 * page responsive), shows the progress, then the summary, the flows, the warnings and the
 * downloads. The result JSON is also put in `<script type="application/json" id="vardavtal-result">`.
 */
import { BUNDLED_TARIFFS } from "../../src/package-data.js";
import type { Component } from "../../src/core/model/calculate.js";
import { componentName } from "../../src/text/i18n.js";
import { groupedDecimal } from "../../src/core/model/decimal.js";
import { statusBanner, titleWithYear, type TariffStatus } from "../../src/render/labels.js";
import type { Download, Job, KeyCheckJson, Reply, ResultJson, TariffChoice } from "./protocol.js";

declare const __WORKER_SOURCE__: string;

const $ = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
};
const input = (name: string) => $<HTMLInputElement>(`input[name="${name}"]`);
const fileOf = (name: string): File | undefined => input(name).files?.[0];

/** An amount of the result ("-1234.50") as a controller reads it ("-1 234,50 kr"): from its text, never a float, with an ASCII minus that pastes into Excel as a number. */
const money = (text: string): string => `${groupedDecimal(text, "sv")} kr`;

const yearSelect = $<HTMLSelectElement>('select[name="year"]');
for (const year of Object.keys(BUNDLED_TARIFFS).map(Number).sort((a, b) => a - b)) yearSelect.add(new Option(String(year), String(year), year === 2025, year === 2025));

let worker: Worker | undefined;
let urls: string[] = [];

function tariffChoice(): TariffChoice {
  const file = fileOf("tariff");
  return file ? { file } : { year: Number(yearSelect.value) };
}

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function table(head: string[], rows: string[][], numeric: number[] = []): HTMLTableElement {
  const t = document.createElement("table");
  const tr = t.createTHead().insertRow();
  head.forEach((h, i) => tr.appendChild(el("th", h, numeric.includes(i) ? "num" : undefined)));
  const body = t.createTBody();
  for (const r of rows) {
    const row = body.insertRow();
    r.forEach((c, i) => row.appendChild(el("td", c, numeric.includes(i) ? "num" : undefined)));
  }
  return t;
}

function status(text: string): void {
  $("#status").textContent = text;
}

function busy(on: boolean): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("button")) b.disabled = on;
  $<HTMLProgressElement>("#progress").hidden = !on;
}

function clear(): void {
  for (const u of urls) URL.revokeObjectURL(u);
  urls = [];
  $("#vardavtal-errors").hidden = true;
  $("#vardavtal-errors ol").replaceChildren();
  $("#results").hidden = true;
  $("#summary").replaceChildren();
  $("#flows").replaceChildren();
  $("#warnings").replaceChildren();
  $("#downloads").replaceChildren();
  document.getElementById("vardavtal-result")?.remove();
  document.getElementById("vardavtal-keycheck")?.remove();
}

function showErrors(lines: string[]): void {
  const list = $("#vardavtal-errors ol");
  for (const l of lines) list.appendChild(el("li", l));
  $("#vardavtal-errors").hidden = false;
  status(`${lines.length} fel: inget resultat. Rätta filerna och räkna igen.`);
}

function showDownloads(downloads: Download[]): void {
  const list = $("#downloads");
  for (const d of downloads) {
    const url = URL.createObjectURL(new Blob([d.data as BlobPart], { type: d.type }));
    urls.push(url);
    const a = el("a", d.name) as HTMLAnchorElement;
    a.href = url;
    a.download = d.name;
    const li = el("li");
    li.appendChild(a);
    list.appendChild(li);
  }
}

function showWarnings(lines: string[]): void {
  const box = $("#warnings");
  if (lines.length === 0) return;
  box.appendChild(el("h2", `Varningar (${lines.length})`));
  const ol = el("ol");
  for (const l of lines) ol.appendChild(el("li", l));
  box.appendChild(ol);
}

function embedJson(id: string, json: string): void {
  const s = document.createElement("script");
  s.type = "application/json";
  s.id = id;
  s.textContent = json.replace(/</g, "\\u003c");
  document.body.appendChild(s);
}

/** The result, in the library's own contract type (what the worker's resultToJson gave). */
function showResult(r: ResultJson): void {
  const s = $("#summary");
  // the year once, as the workbook's title has it
  s.appendChild(el("h2", titleWithYear(r.title, r.year)));
  const [draft] = statusBanner(r.tariffStatus as TariffStatus | undefined, "sv");
  if (draft !== undefined) {
    const banner = el("p", r.tariffStatus === "illustrative" ? `${draft}: tariffen är inte beslutad` : draft);
    banner.className = "draft";
    s.appendChild(banner);
  }
  s.appendChild(el("h3", r.keyBasis === "population" ? "Fördelningsnyckel (befolkning)" : "Fördelningsnyckel (fast)"));
  s.appendChild(table(["Region", "Befolkning", "Andel"], r.key.map((k) => [k.party, k.population === undefined ? "" : k.population.toLocaleString("sv-SE"), (Number(k.share) * 100).toFixed(4).replace(".", ",") + " %"]), [1, 2]));
  s.appendChild(el("h3", "Nettoposition per region"));
  s.appendChild(table(["Region", "Netto (+ får, − betalar)"], r.net.map((n) => [n.party, money(n.amount)]), [1]));
  s.appendChild(el("h3", "Reglering"));
  s.appendChild(r.transfers.length ? table(["Betalare", "Mottagare", "Belopp"], r.transfers.map((t) => [t.payer, t.payee, money(t.amount)]), [2]) : el("p", "Inga betalningar behövs."));
  const f = $("#flows");
  f.appendChild(el("h2", `Flöden (${r.flows.length})`));
  f.appendChild(table(["Betalare", "Mottagare", "Komponent", "Avser", "Belopp"], r.flows.map((x) => [x.payer, x.payee, componentName(x.component as Component, "sv"), x.label ?? "", money(x.amount)]), [4]));
}

/** The key check, in the library's own contract type: its verdict is `deviationsAboveTolerance`. */
function showKeyCheck(r: KeyCheckJson): void {
  const s = $("#summary");
  s.appendChild(el("h2", r.deviationsAboveTolerance ? "Nyckelkontroll: avvikelser över toleransen" : "Nyckelkontroll: inom toleransen"));
  s.appendChild(table(["Region", "Betalt", "Enligt nyckeln", "Avvikelse"], r.totals.map((t) => [t.party, money(t.paid), money(t.expected), money(t.deviation) + (t.exceedsTolerance ? " ⚠" : "")]), [1, 2, 3]));
  if (r.transfers.length) {
    s.appendChild(el("h3", "Utjämnande betalningar"));
    s.appendChild(table(["Betalare", "Mottagare", "Belopp"], r.transfers.map((t) => [t.payer, t.payee, money(t.amount)]), [2]));
  }
}

function start(job: Job): void {
  clear();
  worker ??= new Worker(URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: "text/javascript" })));
  busy(true);
  status("Läser filerna …");
  const started = performance.now();
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const m = event.data;
    if (m.kind === "progress") {
      const p = $<HTMLProgressElement>("#progress");
      p.max = m.total || 1;
      p.value = m.read;
      status(`Läser konsumtionen: ${Math.round((100 * m.read) / (m.total || 1))} %`);
      return;
    }
    busy(false);
    if (m.kind === "errors") return showErrors(m.lines);
    const seconds = ((performance.now() - started) / 1000).toFixed(1).replace(".", ",");
    if (m.kind === "calculated") {
      embedJson("vardavtal-result", m.json);
      showResult(m.value);
    } else {
      embedJson("vardavtal-keycheck", m.json);
      showKeyCheck(m.value);
    }
    showWarnings(m.warnings);
    showDownloads(m.downloads);
    $("#results").hidden = false;
    status(`Klart på ${seconds} s.`);
  };
  worker.onerror = (e) => {
    busy(false);
    showErrors([`internt fel i beräkningen: ${e.message}`]);
  };
  worker.postMessage(job);
}

$<HTMLButtonElement>('button[name="calculate"]').addEventListener("click", () => {
  const consumption = fileOf("consumption");
  if (!consumption) return void (clear(), showErrors(["Välj konsumtionsfilen (CSV) först."]));
  start({ kind: "calculate", tariff: tariffChoice(), consumption, population: fileOf("population") });
});

$<HTMLButtonElement>('button[name="check-key"]').addEventListener("click", () => {
  const costs = fileOf("costs");
  if (!costs) return void (clear(), showErrors(["Välj filen med gemensamma kostnader (CSV) först."]));
  start({ kind: "check-key", tariff: tariffChoice(), costs, population: fileOf("population"), tolerance: input("tolerance").value });
});
