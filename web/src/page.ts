/**
 * The offline page: one form per command of the CLI (`form[data-command]`, fields named like the
 * CLI's long options), run by the worker with the library's own code. What the CLI prints is
 * shown as it prints it; the JSON `--json` writes is in `script#vardavtal-result`; every file the
 * CLI writes is a download; the year's files stay in the page and are offered to the next form.
 */
import { BUNDLED_TARIFFS } from "../../src/package-data.js";
import type { Component } from "../../src/core/model/calculate.js";
import { groupedDecimal } from "../../src/core/model/decimal.js";
import { exampleConsumptionCsv } from "../../src/read/example-year.js";
import { draftLines, monthName, titleWithYear, type TariffStatus } from "../../src/render/labels.js";
import { componentName } from "../../src/text/i18n.js";
import { hbarChart, monthColumns, type Bar } from "./charts.js";
import type { AccontoJson, CommandName, Download, Job, KeptKind, KeyCheckJson, OverviewJson, Picked, Reply, ResultJson, SettlementJson, View } from "./protocol.js";

declare const __WORKER_SOURCE__: string;
declare const __EXAMPLE_POPULATION__: string;

const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
};

/** An amount of a contract ("-1234.50") as a controller reads it ("-1 234,50 kr"): from its text, never a float. */
const money = (text: string): string => `${groupedDecimal(text, "sv")} kr`;

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
    r.forEach((c, i) => row.appendChild(el("td", c, numeric.includes(i) ? (c.startsWith("-") ? "num neg" : "num") : undefined)));
  }
  return t;
}

// ------------------------------------------------------------------ the forms

type Field =
  | { kind: "tariff"; optional?: boolean }
  | { kind: "file"; name: string; label: string; accept: string; takes: KeptKind[]; multiple?: boolean; required?: boolean; hint?: string }
  | { kind: "text"; name: string; label: string; value?: string; hint?: string; placeholder?: string }
  | { kind: "lines"; name: string; label: string; value?: string; hint?: string; placeholder?: string }
  | { kind: "check"; name: string; label: string; checked: boolean }
  | { kind: "choice"; name: string; label: string; options: [string, string][] };

interface Spec {
  command: CommandName;
  step: string;
  title: string;
  about: string;
  button: string;
  fields: Field[];
}

const CSV_ACCEPT = ".csv,.txt,text/csv";
const JSON_ACCEPT = ".json,application/json";
const population: Field = { kind: "file", name: "population", label: "Befolkning (CSV, valfri: ersätter tariffens)", accept: CSV_ACCEPT, takes: ["population"] };
const consumption: Field = { kind: "file", name: "consumption", label: "Vårdkonsumtion (CSV)", accept: CSV_ACCEPT, takes: ["consumption"], required: true };
const through: Field = { kind: "text", name: "through", label: "Prognos till och med (ÅÅÅÅ-MM-DD, valfri)", placeholder: "2025-08-31", hint: "Konsumtionen räknas upp till helår; tom = årets utfall." };
const set: Field = { kind: "lines", name: "set", label: "Scenario: ändra tariffvärden (SÖKVÄG=VÄRDE, ett per rad, valfritt)", placeholder: "fixedShare=0.60" };
const scenarioFile: Field = { kind: "file", name: "scenario", label: "Scenariofil (JSON merge patch, valfri)", accept: JSON_ACCEPT, takes: [] };
const RESULTS: KeptKind[] = ["result", "forecast", "scenario"];

const SPECS: Spec[] = [
  { command: "check-tariff", step: "Tariff", title: "Kontrollera tariffen", about: "Visar vad tariffen innehåller: status, beslut, parter, nyckel, priser, referensbelopp och budgetar.", button: "Kontrollera tariffen", fields: [{ kind: "tariff" }] },
  { command: "key", step: "Nyckel", title: "Fördelningsnyckeln", about: "Varje parts andel och hur ett belopp fördelas.", button: "Visa nyckeln", fields: [{ kind: "tariff" }, population, { kind: "text", name: "amount", label: "Belopp att fördela som exempel (kr)", value: "1000000" }] },
  {
    command: "acconto",
    step: "A conto-plan",
    title: "A conto-plan",
    about: "Årsbelopp och tolv månadsdelar per betalare, mottagare och komponent: faktureringsunderlaget.",
    button: "Gör a conto-planen",
    fields: [{ kind: "tariff" }, population, { kind: "check", name: "variable", label: "Ta med rörlig ersättning a conto", checked: true }],
  },
  {
    command: "calculate",
    step: "Prognos och utfall",
    title: "Beräkna året",
    about: "Flöden, nettopositioner och reglering ur årets konsumtion; med ett datum blir det en prognos, med ändrade värden ett scenario.",
    button: "Beräkna",
    fields: [{ kind: "tariff" }, consumption, population, through, set, scenarioFile],
  },
  {
    command: "explain",
    step: "Förklara",
    title: "Förklara ett belopp",
    about: "Varifrån ett flöde eller en nettoposition kommer: raderna, priserna, regeln, andelen och avrundningen.",
    button: "Förklara",
    fields: [{ kind: "text", name: "flow", label: "Beloppet", placeholder: "RJL>RÖ variable  eller  net RKL", hint: "BETALARE>MOTTAGARE KOMPONENT [AVSER], eller net PART" }, { kind: "tariff" }, consumption, population, through, set],
  },
  {
    command: "compare",
    step: "Jämför",
    title: "Jämför två resultat",
    about: "Två år, ett scenario mot beslutet eller en prognos mot utfallet; förändringen uppdelad i effekter.",
    button: "Jämför",
    fields: [
      { kind: "file", name: "a", label: "Resultat A (t.ex. förra året)", accept: JSON_ACCEPT, takes: RESULTS, required: true },
      { kind: "file", name: "b", label: "Resultat B (förändring = B − A)", accept: JSON_ACCEPT, takes: RESULTS, required: true },
    ],
  },
  {
    command: "check-key",
    step: "Nyckelkontroll",
    title: "Kontrollera gemensamma kostnader",
    about: "Att de gemensamma kostnaderna burits enligt fördelningsnyckeln.",
    button: "Kontrollera nyckeln",
    fields: [{ kind: "tariff" }, { kind: "file", name: "costs", label: "Gemensamma kostnader (CSV: post; part; belopp)", accept: CSV_ACCEPT, takes: ["costs"], required: true }, population, { kind: "text", name: "tolerance", label: "Tillåten avvikelse i kr per part och post", value: "1" }],
  },
  {
    command: "settle",
    step: "Slutreglering",
    title: "Slutreglering",
    about: "Årets resultat mot det som betalats, per motpart, och de slutliga betalningarna.",
    button: "Gör slutregleringen",
    fields: [
      { kind: "file", name: "result", label: "Årets resultat (JSON från Beräkna)", accept: JSON_ACCEPT, takes: ["result", "forecast"], required: true },
      { kind: "file", name: "paid", label: "Betalt: a conto-planen, betalningar (CSV) eller en tidigare slutreglering", accept: `${JSON_ACCEPT},${CSV_ACCEPT}`, takes: ["plan", "payments", "settlement"], multiple: true, required: true },
      { kind: "check", name: "forecast", label: "Resultatet är en prognos: gör en PROGNOS för slutregleringen", checked: false },
      { kind: "choice", name: "unit-price", label: "Styckpris", options: [["", "som standard"], ["invoiced", "fakturerat löpande (räknas som betalt)"], ["unpaid", "betalt enligt källorna"]] },
      { kind: "tariff", optional: true },
    ],
  },
  {
    command: "overview",
    step: "Översikt",
    title: "Året på en sida",
    about: "A conto-planens netto, varje prognos, utfallet och det som är kvar att reglera, per region.",
    button: "Gör översikten",
    fields: [
      { kind: "file", name: "plan", label: "A conto-planen (JSON)", accept: JSON_ACCEPT, takes: ["plan"], required: true },
      { kind: "file", name: "forecast", label: "Prognoser (JSON, en per tertial)", accept: JSON_ACCEPT, takes: ["forecast"], multiple: true },
      { kind: "file", name: "result", label: "Årets utfall (JSON)", accept: JSON_ACCEPT, takes: ["result"] },
      { kind: "file", name: "settlement", label: "Slutregleringen (JSON)", accept: JSON_ACCEPT, takes: ["settlement"] },
    ],
  },
  {
    command: "propose",
    step: "Nästa år",
    title: "Förslag till nästa års tariff",
    about: "Referensbelopp ur tidigare års resultat, uppräknade med index; priser och budgetar med årets index.",
    button: "Gör förslaget",
    fields: [
      { kind: "tariff" },
      { kind: "file", name: "results", label: "Resultat för basåren (JSON, ett eller flera)", accept: JSON_ACCEPT, takes: ["result"], multiple: true, required: true },
      { kind: "lines", name: "index", label: "Index per år (ÅR=PROCENT, ett per rad)", placeholder: "2026=2,8" },
      { kind: "file", name: "population", label: "Nästa års befolkning (CSV, valfri)", accept: CSV_ACCEPT, takes: ["population"] },
      { kind: "text", name: "round-to", label: "Avrunda referensbeloppen till (kr, valfritt)", placeholder: "1000" },
    ],
  },
];

/** The year's files, by name: computed here or picked, offered to the forms that take their kind. */
const year = new Map<string, { kind: KeptKind; blob: Blob; /** its link in the list of the year's files, made once */ url: string }>();

const KIND_WORDS: Record<KeptKind, string> = { tariff: "tariff", consumption: "konsumtion", population: "befolkning", result: "resultat", forecast: "prognos", scenario: "scenario", plan: "a conto-plan", settlement: "slutreglering", costs: "kostnader", payments: "betalningar" };

function fieldBox(label: string, option: string): HTMLElement {
  const box = el("div", undefined, "field");
  const span = el("span", label + " ");
  span.appendChild(el("code", `--${option}`));
  box.appendChild(span);
  return box;
}

function tariffField(optional: boolean): HTMLElement {
  const box = fieldBox("Tariff: en vald fil, annars en fil från året, annars det medföljande året", "tariff");
  const select = document.createElement("select");
  select.name = "tariff-year";
  if (optional) select.add(new Option("ingen (valfri: konton och beslut till bokföringen)", "", true, true));
  for (const y of Object.keys(BUNDLED_TARIFFS).map(Number).sort((a, b) => a - b)) select.add(new Option(`medföljande ${y}`, String(y), !optional && y === 2025, !optional && y === 2025));
  box.appendChild(select);
  const file = document.createElement("input");
  file.type = "file";
  file.name = "tariff";
  file.accept = JSON_ACCEPT;
  file.dataset.kind = "tariff";
  box.append(" ", file);
  box.appendChild(pick("tariff", ["tariff"], false));
  return box;
}

/** "or from the year": the kept files of the kinds a field takes. */
function pick(option: string, takes: KeptKind[], multiple: boolean): HTMLElement {
  const box = el("div", undefined, "pick");
  box.dataset.yearFor = option;
  box.dataset.takes = takes.join(" ");
  box.dataset.multiple = String(multiple);
  box.hidden = true;
  return box;
}

function renderPicks(): void {
  for (const box of document.querySelectorAll<HTMLElement>(".pick[data-year-for]")) {
    const takes = (box.dataset.takes ?? "").split(" ");
    const option = box.dataset.yearFor as string;
    const names = [...year].filter(([, f]) => takes.includes(f.kind)).map(([n]) => n);
    const before = new Set([...box.querySelectorAll<HTMLInputElement | HTMLOptionElement>("input:checked, option:checked")].map((e) => e.value));
    box.replaceChildren();
    box.hidden = names.length === 0;
    if (names.length === 0) continue;
    if (box.dataset.multiple === "true") {
      box.appendChild(document.createTextNode("eller från året: "));
      for (const n of names) {
        const c = document.createElement("input");
        c.type = "checkbox";
        c.value = n;
        c.dataset.yearFor = option;
        c.checked = before.has(n);
        const l = el("label");
        l.append(c, `${n}`);
        box.appendChild(l);
      }
    } else {
      const s = document.createElement("select");
      s.dataset.yearFor = option;
      s.add(new Option("eller från året: välj …", ""));
      for (const n of names) s.add(new Option(`${n} (${KIND_WORDS[year.get(n)?.kind ?? "result"]})`, n, false, before.has(n)));
      box.appendChild(s);
    }
  }
  const list = $("#year-files");
  list.replaceChildren();
  for (const [name, f] of year) {
    const a = el("a", `${name}`) as HTMLAnchorElement;
    a.href = f.url;
    a.download = name;
    a.title = KIND_WORDS[f.kind];
    const li = el("li");
    li.appendChild(a);
    list.appendChild(li);
  }
}

/** Kinds a step computes (or the consumption): selected where they are taken; tariffs, populations and costs are only offered. */
const FLOWS: KeptKind[] = ["consumption", "result", "forecast", "scenario", "plan", "settlement"];

/** Offers a kept file in every pick that takes its kind, and selects it there when it flows on (the newest of its kind). */
function keep(name: string, kind: KeptKind, blob: Blob): void {
  const replaced = year.get(name);
  if (replaced) URL.revokeObjectURL(replaced.url);
  year.delete(name);
  year.set(name, { kind, blob, url: URL.createObjectURL(blob) });
  renderPicks();
  if (!FLOWS.includes(kind)) return;
  for (const box of document.querySelectorAll<HTMLElement>(".pick[data-year-for]")) {
    // only where it is the field's first kind: a forecast is offered to the settlement, the result chosen
    if ((box.dataset.takes ?? "").split(" ")[0] !== kind) continue;
    const form = box.closest("form");
    const input = form?.querySelector<HTMLInputElement>(`input[type=file][name="${box.dataset.yearFor}"]`);
    if (input?.files?.length) continue; // a picked file wins
    const s = box.querySelector("select");
    if (s) s.value = name;
    const c = box.querySelector<HTMLInputElement>(`input[value="${CSS.escape(name)}"]`);
    if (c) c.checked = true;
  }
}

function buildForm(spec: Spec): HTMLFormElement {
  const form = document.createElement("form");
  form.dataset.command = spec.command;
  form.hidden = true;
  form.appendChild(el("h2", spec.title));
  form.appendChild(el("p", spec.about, "about"));
  const fields = el("div", undefined, "fields");
  for (const f of spec.fields) {
    if (f.kind === "tariff") {
      fields.appendChild(tariffField(f.optional === true));
      continue;
    }
    const box = fieldBox(f.label, f.name);
    if (f.kind === "file") {
      const input = document.createElement("input");
      input.type = "file";
      input.name = f.name;
      input.accept = f.accept;
      input.multiple = f.multiple === true;
      const kind = f.takes[0];
      if (kind) input.dataset.kind = kind;
      box.appendChild(input);
      box.appendChild(pick(f.name, f.takes, f.multiple === true));
    } else if (f.kind === "text") {
      const input = document.createElement("input");
      input.type = "text";
      input.name = f.name;
      input.value = f.value ?? "";
      if (f.placeholder) input.placeholder = f.placeholder;
      box.appendChild(input);
    } else if (f.kind === "lines") {
      const area = document.createElement("textarea");
      area.name = f.name;
      area.value = f.value ?? "";
      if (f.placeholder) area.placeholder = f.placeholder;
      box.appendChild(area);
    } else if (f.kind === "check") {
      box.replaceChildren();
      const l = el("label");
      const c = document.createElement("input");
      c.type = "checkbox";
      c.name = f.name;
      c.checked = f.checked;
      l.append(c, ` ${f.label} `, el("code", `--${f.name}`));
      box.appendChild(l);
    } else {
      const s = document.createElement("select");
      s.name = f.name;
      for (const [v, text] of f.options) s.add(new Option(text, v));
      box.appendChild(s);
    }
    if ("hint" in f && f.hint) box.appendChild(el("p", f.hint, "hint"));
    fields.appendChild(box);
  }
  form.appendChild(fields);
  const button = el("button", spec.button) as HTMLButtonElement;
  button.type = "submit";
  form.appendChild(button);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run(form);
  });
  // a picked file joins the year's files, named, for the next forms
  form.addEventListener("change", (e) => {
    const input = e.target as HTMLInputElement;
    if (input.type !== "file" || !input.files) return;
    const kind = input.dataset.kind as KeptKind | undefined;
    if (kind) for (const f of input.files) keep(f.name, guessKind(f.name, kind), f);
  });
  return form;
}

/** A JSON picked for a field that takes several kinds is kept as the field's first kind, unless its name says otherwise. */
function guessKind(name: string, kind: KeptKind): KeptKind {
  if (kind === "plan" && /\.csv$/i.test(name)) return "payments";
  if (kind === "plan" && /slutreglering|settlement/i.test(name)) return "settlement";
  if (kind === "result" && /prognos|forecast/i.test(name)) return "forecast";
  return kind;
}

function showStep(command: CommandName): void {
  for (const f of document.querySelectorAll<HTMLFormElement>("form[data-command]")) f.hidden = f.dataset.command !== command;
  for (const b of document.querySelectorAll<HTMLButtonElement>("nav.steps button")) b.setAttribute("aria-selected", String(b.dataset.step === command));
}

for (const spec of SPECS) {
  $("#forms").appendChild(buildForm(spec));
  const b = el("button", spec.step) as HTMLButtonElement;
  b.type = "button";
  b.dataset.step = spec.command;
  b.addEventListener("click", () => showStep(spec.command));
  $("#steps").appendChild(b);
}
showStep("calculate");

let jobs = 0;

/** The form's values as a job: files picked, else those chosen from the year. */
function jobOf(form: HTMLFormElement): Job {
  const job: Job = { id: ++jobs, command: form.dataset.command as CommandName, values: {}, flags: {}, files: {} };
  for (const e of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("[name]")) {
    if (e instanceof HTMLInputElement && e.type === "file") {
      const picked: Picked[] = [...(e.files ?? [])].map((f) => ({ name: f.name, blob: f }));
      const fromYear = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[data-year-for="${e.name}"]`)]
        .filter((x) => (x instanceof HTMLInputElement ? x.checked : x.value !== ""))
        .map((x) => x.value);
      const kept: Picked[] = fromYear.flatMap((n) => {
        const f = year.get(n);
        return f ? [{ name: n, blob: f.blob }] : [];
      });
      job.files[e.name] = e.multiple ? [...kept, ...picked.filter((p) => !fromYear.includes(p.name))] : picked.length > 0 ? picked : kept;
    } else if (e instanceof HTMLInputElement && e.type === "checkbox") job.flags[e.name] = e.checked;
    else job.values[e.name] = e.value;
  }
  return job;
}

// ------------------------------------------------------------------ running

let urls: string[] = [];
// started with the page, so that it is ready (its code compiled) when the first form is sent
const worker = new Worker(URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: "text/javascript" })));

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
  $("#error-count").textContent = "";
  $("#results").hidden = true;
  for (const id of ["#summary", "#charts"]) {
    $(id).replaceChildren();
    $(id).hidden = true;
  }
  $("#warnings").replaceChildren();
  $("#downloads").replaceChildren();
  $("#vardavtal-text").textContent = "";
  document.getElementById("vardavtal-result")?.remove();
}

function showErrors(lines: string[], count: string): void {
  const list = $("#vardavtal-errors ol");
  for (const l of lines) list.appendChild(el("li", l));
  $("#error-count").textContent = count;
  $("#vardavtal-errors").hidden = false;
  status("Inget resultat: rätta indata nedan och försök igen.");
}

function showDownloads(downloads: Download[]): void {
  const list = $("#downloads");
  for (const d of downloads) {
    const blob = new Blob([d.data as BlobPart], { type: d.type });
    const url = URL.createObjectURL(blob);
    urls.push(url);
    const a = el("a", d.name) as HTMLAnchorElement;
    a.href = url;
    a.download = d.name;
    const li = el("li");
    li.appendChild(a);
    list.appendChild(li);
    if (d.keep) keep(d.name, d.keep, blob);
  }
}

function showWarnings(lines: string[]): void {
  if (lines.length === 0) return;
  const box = $("#warnings");
  box.appendChild(el("h2", `Varningar (${lines.length})`));
  const ol = el("ol");
  for (const l of lines) ol.appendChild(el("li", l));
  box.appendChild(ol);
}

function embedJson(json: string): void {
  const s = document.createElement("script");
  s.type = "application/json";
  s.id = "vardavtal-result";
  s.textContent = json.replace(/</g, "\\u003c");
  document.body.appendChild(s);
}

function chartCard(title: string, chart: SVGSVGElement, figures: HTMLElement, legend?: HTMLElement): void {
  const c = $("#charts");
  c.hidden = false;
  c.appendChild(el("h2", title));
  if (legend) c.appendChild(legend);
  const row = el("div", undefined, "chart");
  row.append(chart, figures);
  c.appendChild(row);
}

function legendOf(series: { name: string; color: string }[]): HTMLElement {
  const l = el("div", undefined, "legend");
  for (const s of series) {
    const item = el("span");
    const sw = el("i");
    sw.style.background = s.color;
    item.append(sw, s.name);
    l.appendChild(item);
  }
  return l;
}

const COLORS = ["#2469b8", "#d08a1e", "#6a4fb3", "#8a8f98", "#1d6b3a", "#b3261e"];

/** A draft says so before any figure (a result, a forecast, the overview of them). */
function showDraft(status: string | undefined): void {
  // the line the terminal's summary starts with
  const [draft] = draftLines(status as TariffStatus | undefined, "sv");
  if (draft !== undefined) $("#charts").appendChild(el("p", draft, "draft"));
}

function showResult(r: ResultJson): void {
  const bars: Bar[] = r.net.map((n) => ({ group: n.party, series: 0, amount: n.amount, label: money(n.amount) }));
  showDraft(r.tariffStatus);
  chartCard(
    titleWithYear(`Nettoposition per region${r.forecast ? " (prognos)" : ""}`, r.year),
    hbarChart(bars, [COLORS[0] as string]),
    table(["Region", "Netto (+ får, − betalar)"], r.net.map((n) => [n.party, money(n.amount)]), [1]),
  );
  const s = $("#summary");
  s.hidden = false;
  s.appendChild(el("h2", titleWithYear(r.title, r.year)));
  s.appendChild(el("h3", r.keyBasis === "population" ? "Fördelningsnyckel (befolkning)" : "Fördelningsnyckel (fast)"));
  s.appendChild(table(["Region", "Befolkning", "Andel"], r.key.map((k) => [k.party, k.population === undefined ? "" : k.population.toLocaleString("sv-SE"), (Number(k.share) * 100).toFixed(4).replace(".", ",") + " %"]), [1, 2]));
  s.appendChild(el("h3", "Reglering"));
  s.appendChild(r.transfers.length ? table(["Betalare", "Mottagare", "Belopp"], r.transfers.map((t) => [t.payer, t.payee, money(t.amount)]), [2]) : el("p", "Inga betalningar behövs."));
  const details = el("details");
  details.appendChild(el("summary", `Flöden (${r.flows.length})`));
  details.appendChild(table(["Betalare", "Mottagare", "Komponent", "Avser", "Belopp"], r.flows.map((x) => [x.payer, x.payee, componentName(x.component as Component, "sv"), x.label ?? "", money(x.amount)]), [4]));
  s.appendChild(details);
}

function showKeyCheck(r: KeyCheckJson): void {
  const s = $("#summary");
  s.hidden = false;
  s.appendChild(el("h2", r.deviationsAboveTolerance ? "Nyckelkontroll: avvikelser över toleransen" : "Nyckelkontroll: inom toleransen"));
  s.appendChild(table(["Region", "Betalt", "Enligt nyckeln", "Avvikelse"], r.totals.map((t) => [t.party, money(t.paid), money(t.expected), money(t.deviation) + (t.exceedsTolerance ? " ⚠" : "")]), [1, 2, 3]));
  if (r.transfers.length) {
    s.appendChild(el("h3", "Utjämnande betalningar"));
    s.appendChild(table(["Betalare", "Mottagare", "Belopp"], r.transfers.map((t) => [t.payer, t.payee, money(t.amount)]), [2]));
  }
}

function showAcconto(p: AccontoJson): void {
  const series = p.net.map((n, i) => ({ name: n.party, color: COLORS[i % COLORS.length] as string }));
  const months = Array.from({ length: 12 }, (_, m) => monthName(m + 1, "sv"));
  chartCard(
    titleWithYear("A conto: nettoposition per månad", p.year),
    monthColumns(p.net.map((n) => n.months), months, series.map((s) => s.color)),
    table(["Månad", ...p.net.map((n) => n.party)], [...months.map((m, k) => [m, ...p.net.map((n) => money(n.months[k] ?? "0.00"))]), ["År", ...p.net.map((n) => money(n.annual))]], p.net.map((_, i) => i + 1)),
    legendOf(series),
  );
}

function showSettlement(s: SettlementJson): void {
  const bars: Bar[] = s.parties.map((p) => ({ group: p.party, series: 0, amount: p.remaining, label: money(p.remaining) }));
  chartCard(
    titleWithYear(`${s.forecast ? "PROGNOS: " : ""}Kvar att reglera per region`, s.year),
    hbarChart(bars, [COLORS[1] as string]),
    table(["Region", "Netto", "Netto betalt", "Kvar att reglera"], s.parties.map((p) => [p.party, money(p.net), money(p.paidNet), money(p.remaining)]), [1, 2, 3]),
  );
}

function showOverview(o: OverviewJson): void {
  showDraft(o.tariffStatus);
  const names = ["A conto-plan", ...o.forecasts.map((f) => `Prognos t.o.m. ${f.through}`), ...(o.parties.every((p) => p.outcome !== null) ? ["Utfall"] : [])];
  const bars: Bar[] = [];
  for (const p of o.parties) {
    const values = [p.plan, ...p.forecasts.map((f) => f.net), ...(p.outcome !== null ? [p.outcome] : [])];
    values.forEach((v, k) => bars.push({ group: p.party, series: k, amount: v, label: money(v) }));
  }
  const colors = names.map((_, k) => (k === 0 ? (COLORS[3] as string) : k === names.length - 1 && names.length > 1 && names[k] === "Utfall" ? (COLORS[0] as string) : (COLORS[1] as string)));
  chartCard(
    titleWithYear("Plan, prognos och utfall per region", o.year),
    hbarChart(bars, colors),
    table(["Region", ...names, ...(o.parties.every((p) => p.remaining !== null) ? ["Kvar att reglera"] : [])], o.parties.map((p) => [p.party, money(p.plan), ...p.forecasts.map((f) => money(f.net)), ...(p.outcome !== null ? [money(p.outcome)] : []), ...(p.remaining !== null ? [money(p.remaining)] : [])]), names.map((_, k) => k + 1).concat([names.length + 1])),
    legendOf(names.map((name, k) => ({ name, color: colors[k] as string }))),
  );
}

function showView(v: View): void {
  if (v.kind === "result") showResult(v.value);
  else if (v.kind === "keycheck") showKeyCheck(v.value);
  else if (v.kind === "acconto") showAcconto(v.value);
  else if (v.kind === "settlement") showSettlement(v.value);
  else if (v.kind === "overview") showOverview(v.value);
}

/** Runs a form in the worker; resolves when it is done (true) or failed (false). */
function run(form: HTMLFormElement): Promise<boolean> {
  const job = jobOf(form);
  clear();
  busy(true);
  status("Räknar …");
  const w = worker;
  return new Promise((resolve) => {
    w.onmessage = (event: MessageEvent<Reply>) => {
      const m = event.data;
      if (m.kind === "progress") {
        const p = $<HTMLProgressElement>("#progress");
        p.max = m.total || 1;
        p.value = m.read;
        status(`Läser konsumtionen: ${Math.round((100 * m.read) / (m.total || 1))} %`);
        return;
      }
      if (m.kind === "files") {
        if (m.id !== job.id) return; // an earlier run's workbooks
        showDownloads(m.downloads);
        $("#downloads").setAttribute("aria-busy", "false");
        return;
      }
      busy(false);
      if (m.kind === "errors") {
        showErrors(m.lines, m.count);
        return resolve(false);
      }
      if (m.json !== undefined) embedJson(m.json);
      $("#vardavtal-text").textContent = m.text;
      showDownloads(m.downloads);
      $("#downloads").setAttribute("aria-busy", String(m.more));
      // a command that writes no file (key, check-tariff) shows no empty download box
      ($("#downloads").parentElement as HTMLElement).style.display = m.downloads.length === 0 && !m.more ? "none" : "";
      showWarnings(m.warnings);
      showView(m.view);
      $<HTMLDetailsElement>("#text-box").open = m.view.kind === "none";
      $("#results").hidden = false;
      status(`Klart på ${(m.seconds ?? 0).toFixed(1).replace(".", ",")} s.`);
      resolve(true);
    };
    w.onerror = (e) => {
      busy(false);
      showErrors([`internt fel i beräkningen: ${e.message}`], "");
      resolve(false);
    };
    w.postMessage(job);
  });
}

// ------------------------------------------------------------------ the example year

function formOf(command: CommandName): HTMLFormElement {
  return $<HTMLFormElement>(`form[data-command="${command}"]`);
}

function setValue(form: HTMLFormElement, name: string, value: string): void {
  $<HTMLInputElement>(`[name="${name}"]`, form).value = value;
}

/** Chooses kept files in a form's picks by name (and nothing else there). */
function choose(form: HTMLFormElement, option: string, names: string[]): void {
  const s = form.querySelector<HTMLSelectElement>(`select[data-year-for="${option}"]`);
  if (s) s.value = names[0] ?? "";
  for (const c of form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][data-year-for="${option}"]`)) c.checked = names.includes(c.value);
}

/**
 * The bundled example year end to end, as `vardavtal demo`: the result, the a-conto plan, the
 * settlement as if paid as planned, the forecast after the second tertial, the overview, and a
 * proposal for 2026 (index 2,8 %, SCB's population per 2024-12-31).
 */
async function exampleYear(): Promise<void> {
  keep("konsumtion-2025.csv", "consumption", new Blob([exampleConsumptionCsv()], { type: "text/csv" }));
  keep("befolkning-2024-12-31.csv", "population", new Blob([__EXAMPLE_POPULATION__], { type: "text/csv" }));
  const steps: [CommandName, (f: HTMLFormElement) => void][] = [
    ["calculate", (f) => (choose(f, "consumption", ["konsumtion-2025.csv"]), choose(f, "population", []), setValue(f, "through", ""))],
    ["acconto", (f) => choose(f, "population", [])],
    ["settle", (f) => (choose(f, "result", ["resultat-2025.json"]), choose(f, "paid", ["acconto-2025.json"]), setValue(f, "tariff-year", "2025"))],
    ["calculate", (f) => (choose(f, "consumption", ["konsumtion-2025.csv"]), setValue(f, "through", "2025-08-31"))],
    ["propose", (f) => (choose(f, "results", ["resultat-2025.json"]), choose(f, "population", ["befolkning-2024-12-31.csv"]), setValue(f, "index", "2026=2,8"), setValue(f, "round-to", "1000"))],
    // the overview is the year's picture: end there
    ["overview", (f) => (choose(f, "plan", ["acconto-2025.json"]), choose(f, "forecast", ["prognos-2025-08.json"]), choose(f, "result", ["resultat-2025.json"]), choose(f, "settlement", ["slutreglering-2025.json"]))],
  ];
  for (const [command, fill] of steps) {
    const form = formOf(command);
    for (const tariff of form.querySelectorAll<HTMLSelectElement>('select[data-year-for="tariff"]')) tariff.value = "";
    fill(form);
    showStep(command);
    if (!(await run(form))) return;
  }
  status("Exempelåret 2025 är räknat: resultat, a conto-plan, slutreglering, prognos, översikt och förslag för 2026 finns bland årets filer.");
}

$("#example").addEventListener("click", () => void exampleYear());
