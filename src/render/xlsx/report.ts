/**
 * The Excel report of a calculation: a view of the checked result model, never a second
 * calculation. Every figure that follows from others on the workbook is a formula with the
 * library's exact figure as its cached result; formulas round (ROUND) exactly where model.md
 * rounds, so a full recalculation gives the same öre.
 */
import { COMPONENTS, MODELS, type CalculationResult, type Component } from "../../core/model/calculate.js";
import { areaCells } from "../../core/model/consumption.js";
import { VALUE_UNITS_PER_ORE, formatRational, roundHalfAwayFromZero } from "../../core/model/decimal.js";
import type { Lang } from "../../text/messages.js";
import type { InputFileInfo } from "../../contracts/result-json.js";
import { explainAll } from "../../core/analysis/explain.js";
import { explanationWords } from "../../text/explain.js";
import type { CareModel } from "../../core/model/tariff-schema.js";
import { componentName, nettingWords, t as cliText } from "../../text/i18n.js";
import { checkFigures, checkName, reportAreaOrder, runTimeText, shareDecimalExact, shareFraction, statusBanner, titleWithYear } from "../labels.js";
import { FORMATS, boldRow, colLetter, decimalCellNumber, exactCellNumber, formula, header, money, moneyFormula, put, rangeRef, ref, shareCellNumber, title, type CellRef, type Sheet } from "./kit/cells.js";
import { constantLiteral, sumExact } from "./kit/formula.js";
import { finishSheet } from "./kit/layout.js";
import { signatureBlock } from "./kit/signature.js";
import { addBanner, putRef } from "./kit/banner.js";
import { inputsSheet } from "./kit/inputs-sheet.js";
import { ParameterTable } from "./kit/parameter-table.js";
import { newWorkbook, reportTime, workbookBuffer } from "./kit/workbook.js";
import { formatValueSek } from "../../core/model/decimal.js";
import { type ScenarioRecord } from "../../core/analysis/scenario-record.js";
import { messageText } from "../../text/diagnostics.js";

export interface ReportOptions {
  lang: Lang;
  inputs: InputFileInfo[];
  version: string;
  /** ISO timestamp of the run; defaults to SOURCE_DATE_EPOCH when set, else now (see runTime) */
  runAt?: string;
  /** more lines for the banner on every sheet, e.g. a scenario's "SCENARIO: …" and what was set */
  banner?: string[];
  /** the scenario the result was computed with: the explanations name it as the source of what it replaced */
  scenario?: ScenarioRecord;
}

const W = {
  sheets: {
    summary: ["Sammanfattning", "Summary"],
    settlement: ["Avräkning", "Settlement"],
    flows: ["Flöden", "Flows"],
    care: ["Vårdavtal", "Care agreement"],
    areas: ["Per verksamhet", "Per area of care"],
    key: ["Fördelningsnyckel", "Distribution key"],
    checks: ["Kontroller", "Checks"],
    params: ["Parametrar", "Parameters"],
    inputs: ["Indata", "Inputs"],
    explain: ["Förklaringar", "Explanations"],
  },
  words: {
    year: ["År", "Year"],
    explanation: ["Förklaring", "Explanation"],
    explainNote: [
      "Kedjan bakom varje flöde, som vardavtal explain skriver den: raderna per verksamhet, regeln som valde modellen, priserna, andelen, det exakta värdet, avrundningen och största-restmetodens öre, med tariffens källor. Kolumnen Förklaring på bladet Flöden pekar hit.",
      "The chain behind every flow, as vardavtal explain prints it: the rows per area, the rule that chose the model, the prices, the share, the exact value, the rounding and the largest-remainder öre, with the tariff's sources. The Explanation column of the Flows sheet points here.",
    ],
    tariff: ["Tariff", "Tariff"],
    source: ["Källa", "Source"],
    runAt: ["Körd", "Run at"],
    tool: ["Verktyg", "Tool"],
    name: ["Namn", "Name"],
    receives: ["Får", "Receives"],
    pays: ["Betalar", "Pays"],
    net: ["Nettoposition", "Net position"],
    total: ["Summa", "Total"],
    transfers: ["Reglering: betalningar som nollställer nettopositionerna", "Settlement: payments that settle the net positions"],
    perComponent: ["Summa per komponent", "Total per component"],
    warnings: ["Varningar", "Warnings"],
    none: ["Inga", "None"],
    payerPayee: ["Betalare \\ mottagare", "Payer \\ payee"],
    paidTotal: ["Summa betalt", "Total paid"],
    receivedTotal: ["Summa mottaget", "Total received"],
    allComponents: ["Alla komponenter", "All components"],
    flows: ["Flöden (varje belopp pekar på sin källa)", "Flows (each amount points to its source)"],
    code: ["Kod", "Code"],
    forecast: ["PROGNOS", "FORECAST"],
    forecastNote: ["PROGNOS för helåret, konsumtionen till och med", "FORECAST for the whole year, consumption through"],
    daysInYear: ["Dagar i året", "Days in the year"],
    daysThrough: ["Dagar till och med", "Days through"],
    from: ["Från", "From"],
    reference: ["Referensbelopp", "Reference amount"],
    fixedShare: ["Fast andel", "Fixed share"],
    fixed: ["Fast ersättning", "Fixed"],
    valueOf: ["Värde", "Value"],
    variable: ["Rörlig ersättning", "Variable"],
    unitPrice: ["Styckpris", "Unit price"],
    rowsCount: ["Rader", "Rows"],
    perArea: ["Per verksamhet", "Per area of care"],
    rounded: ["Avrundat", "Rounded"],
    population: ["Befolkning", "Population"],
    share: ["Andel", "Share"],
    shareExact: ["Andel (exakt)", "Share (exact)"],
    exactPart: ["Exakt del", "Exact part"],
    floorPart: ["Avrundat nedåt", "Rounded down"],
    oreMoved: ["Öre från största resten", "Öre from largest remainder"],
    part: ["Del", "Part"],
    paidToHost: ["Betalas till värd", "Paid to the host"],
    paidByRecipient: ["Betalas ut av mottagaren", "Paid out by the recipient"],
    host: ["Värd", "Host"],
    grant: ["Statsbidrag vidarebefordrat", "State grant passed on"],
    recipient: ["mottagare", "recipient"],
    perParty: ["beslutat belopp per part", "decided amount per party"],
    retained: ["stannar hos mottagaren", "stays with the recipient"],
    check: ["Kontroll", "Check"],
    value: ["Värde", "Value"],
    expected: ["Förväntat", "Expected"],
    status: ["Status", "Status"],
    section: ["Avsnitt", "Section"],
    item: ["Post", "Item"],
    detail: ["Detalj", "Detail"],
    rowsRead: ["Rader lästa", "Rows read"],
    rowsCounted: ["Rader räknade", "Rows counted"],
    otherYear: ["Hoppade över: annat år", "Skipped: other year"],
    ownRegion: ["Hoppade över: egen region", "Skipped: own region"],
    keyBasis: ["Nyckel", "Key"],
    keyPopulation: ["befolkning", "population"],
    keyFixed: ["fasta andelar", "fixed shares"],
    pointPrice: ["Poängpris", "Point price"],
    validFrom: ["Gäller från", "Valid from"],
    careRule: ["Vårdregel", "Care rule"],
    fixedOnly: ["Endast fast ersättning", "Fixed only"],
    solidarity: ["Solidarisk finansiering", "Solidarity"],
    sellers: ["säljare", "sellers"],
    all: ["alla", "all"],
    keySplit: ["fördelas med nyckeln", "split by the key"],
    perBuyer: ["belopp per köpare", "amount per buyer"],
    title: ["Titel", "Title"],
    populationFrom: ["Befolkningen från", "Population from"],
    programChecks: ["Kontroller som programmet gjorde innan resultatet skrevs", "Checks the program made before the result was written"],
    sheetChecks: ["Kontroller i arbetsboken (formler)", "Checks in the workbook (formulas)"],
    sharesSum: ["Andelarna summerar till 1", "The shares sum to 1"],
    splitSum: ["Delarna summerar till beloppet", "The parts sum to the amount"],
    netZero: ["Nettopositionerna summerar till 0", "The net positions sum to 0"],
    settles: ["Regleringen nollställer nettopositionen", "The settlement brings the net position to zero"],
    flowsMatch: ["Flödena = summan per komponent", "The flows = the total per component"],
    careMatch: ["Vårdavtalets summa = fast + rörlig + styckpris i flödena", "The care agreement total = fixed + variable + unit price in the flows"],
    matrixMatch: ["Avräkningsmatrisen (alla komponenter) = flödena", "The settlement matrix (all components) = the flows"],
    valueMatch: ["Värde per modell = summan per verksamhet", "Value per model = the total per area"],
    ok: ["OK", "OK"],
    fail: ["FEL", "FAIL"],
  },
} as const;

type WordKey = keyof typeof W.words;
/** What every sheet of the report is written from: the result, the options, and their words. */
interface Report {
  r: CalculationResult;
  options: ReportOptions;
  lang: Lang;
  L: 0 | 1;
  w: (k: WordKey) => string;
  modelName: (m: CareModel) => string;
  /** the number of parties */
  n: number;
  id: (i: number) => string;
  ok: string;
  fail: string;
  /** a check's status formula: OK when `cond` holds, else FEL */
  status: (cond: string) => string;
  /** the title every sheet names */
  T: string;
}

/**
 * The report's sheets, in the order they are written: the parameters first (the key, the care
 * agreement and the flows refer to their cells), the summary and the checks last (they refer to
 * every table before them).
 */
export async function resultWorkbook(r: CalculationResult, options: ReportOptions): Promise<Buffer> {
  const ctx = reportContext(r, options);
  const { lang, L, w } = ctx;
  const at = reportTime(options.runAt);
  const runAt = runTimeText(at);

  // No input text (ids, names, areas, units, labels) is ever part of a formula: formulas refer to
  // the cells that hold it and compare with EXACT (sumExact), never with SUMIFS criteria.
  const wb = newWorkbook(`vardavtal ${options.version}`, at);
  addBanner(wb, [...statusBanner(r.tariff.file.status, lang), ...(options.banner ?? [])]);
  const S = {
    summary: wb.addWorksheet(W.sheets.summary[L]),
    settlement: wb.addWorksheet(W.sheets.settlement[L]),
    flows: wb.addWorksheet(W.sheets.flows[L]),
    care: wb.addWorksheet(W.sheets.care[L]),
    areas: wb.addWorksheet(W.sheets.areas[L]),
    key: wb.addWorksheet(W.sheets.key[L]),
    checks: wb.addWorksheet(W.sheets.checks[L]),
    params: wb.addWorksheet(W.sheets.params[L]),
    explain: wb.addWorksheet(W.sheets.explain[L]),
    inputs: wb.addWorksheet(W.sheets.inputs[L]),
  };
  const areas = areaTable(ctx, S.areas);
  const flows = flowTable(ctx, S.flows);

  const params = parametersSheet(ctx, S.params);
  const key = keySheet(ctx, S.key, params);
  const care = careSheet(ctx, S.care, params, areas);
  areasSheet(ctx, areas);
  const settlement = settlementSheet(ctx, S.settlement, flows);
  const explanations = explanationsSheet(ctx, S.explain);
  flowsSheet(ctx, flows, { params, key, care, explanations });
  const summary = summarySheet(ctx, S.summary, runAt, key, flows);
  checksSheet(ctx, S.checks, { key, care, settlement, summary, flows });
  inputsSheet(S.inputs, lang, options.inputs, [
    [w("rowsRead"), r.consumption.rowsRead],
    [w("rowsCounted"), r.consumption.rowsCounted],
    [w("otherYear"), r.skipped.otherYear],
    [w("ownRegion"), r.skipped.ownRegion],
    [w("tool"), `vardavtal ${options.version}`],
    [w("runAt"), runAt],
  ]);

  return workbookBuffer(wb);
}

function reportContext(r: CalculationResult, options: ReportOptions): Report {
  const lang = options.lang;
  const L = lang === "sv" ? 0 : 1;
  const w = (k: WordKey): string => W.words[k][L];
  const modelName = (m: CareModel): string => cliText(lang, `model_${m}`);
  const n = r.parties.length;
  const id = (i: number): string => r.parties[i]?.id ?? String(i);
  const ok = w("ok");
  const fail = w("fail");
  const status = (cond: string): string => `IF(${cond},${constantLiteral(ok)},${constantLiteral(fail)})`;
  // A forecast says so in every title; its factor is two cells that the care sheet's formulas use.
  const T = r.forecast ? `${w("forecast")} ${r.forecast.through}: ${r.title}` : r.title;
  return { r, options, lang, L, w, modelName, n, id, ok, fail, status, T };
}

/** Where the per-area table stands on its sheet: the care agreement's formulas sum it before it is written. */
function areaTable(ctx: Report, V: Sheet) {
  const { r, n } = ctx;
  const areaLines = areaCells(r.consumption, n).sort(reportAreaOrder);
  const areaHeadRow = 2;
  const firstAreaRow = areaHeadRow + 1;
  const lastAreaRow = firstAreaRow + Math.max(areaLines.length, 1) - 1;
  const areaCol = { area: 1, seller: 2, buyer: 3, model: 4, rows: 5, value: 6, rounded: 7 };
  return { V, areaLines, areaHeadRow, firstAreaRow, lastAreaRow, areaCol };
}
type AreaTable = ReturnType<typeof areaTable>;

/** Where the flow list stands on its sheet: the matrices, the summary and the checks sum it by EXACT. */
function flowTable(ctx: Report, Fl: Sheet) {
  const { r } = ctx;
  const flowHeadRow = 2;
  const firstFlowRow = flowHeadRow + 1;
  const lastFlowRow = firstFlowRow + Math.max(r.flows.length, 1) - 1;
  const fc = { payer: 1, payee: 2, component: 3, label: 4, amount: 5, from: 6 };
  const flowRangeFrom = (col: number, from: Sheet): string => rangeRef(Fl, firstFlowRow, col, lastFlowRow, col, from);
  return { Fl, flowHeadRow, firstFlowRow, lastFlowRow, fc, flowRangeFrom };
}
type FlowTable = ReturnType<typeof flowTable>;

/** Parametrar: every tariff value the other sheets refer to, with its source. */
function parametersSheet(ctx: Report, P: Sheet) {
  const { r, L, w, modelName, n, id, T } = ctx;
  const file = r.tariff.file;
  title(P, 1, `${W.sheets.params[L]}: ${T}`, 14, 6);
  header(P, 2, [w("section"), w("item"), w("detail"), w("value"), w("source")]);
  const params = new ParameterTable(P);
  const paramRow = params.add.bind(params);
  paramRow(w("tariff"), w("title"), "", r.title, undefined, r.source);
  paramRow(w("tariff"), w("year"), "", r.year, "0", undefined);
  const fsCell = paramRow(w("tariff"), w("fixedShare"), "", decimalCellNumber(r.tariff.fixedShareText), FORMATS.factor, file.sources?.fixedShare);
  const forecastCells = r.forecast
    ? {
        days: paramRow(w("forecast"), w("daysInYear"), String(r.year), r.forecast.daysInYear, FORMATS.count, undefined),
        through: paramRow(w("forecast"), w("daysThrough"), r.forecast.through, r.forecast.daysThrough, FORMATS.count, undefined),
      }
    : undefined;
  paramRow(w("keyBasis"), w("keyBasis"), r.key.date ?? "", r.key.basis === "population" ? w("keyPopulation") : w("keyFixed"), undefined, file.key.source);
  const weightCells: CellRef[] = [];
  if (r.key.basis === "population") {
    const from = r.key.populationSource?.kind === "file" ? r.key.populationSource.file : w("tariff");
    r.parties.forEach((p, i) => weightCells.push(paramRow(w("population"), p.id, `${w("populationFrom")}: ${from}`, Number(r.key.population?.[i] ?? 0n), FORMATS.count, r.key.populationSource?.kind === "file" ? from : file.population?.source)));
  } else if (r.tariff.key.basis === "fixed") {
    const shares = r.tariff.key.shares;
    r.parties.forEach((p, i) => weightCells.push(paramRow(w("share"), p.id, p.name, decimalCellNumber(shares[i] ?? "0"), FORMATS.shareExact, file.key.source)));
  }
  r.tariff.pointPrices.forEach((list, s) => list.forEach((pp) => paramRow(w("pointPrice"), id(s), `${w("validFrom")} ${pp.validFrom}`, exactCellNumber(pp.price), FORMATS.money, pp.source)));
  for (const rule of r.tariff.careRules) {
    const sellers = rule.sellers ? rule.sellers.map(id).join(", ") : w("all");
    paramRow(w("careRule"), rule.area, `${w("sellers")}: ${sellers}`, modelName(rule.model), undefined, rule.source);
  }
  const refCell = new Map<number, CellRef>();
  for (const rf of r.tariff.references) refCell.set(rf.seller * n + rf.buyer, paramRow(w("reference"), `${id(rf.seller)}→${id(rf.buyer)}`, "", exactCellNumber(rf.amount), FORMATS.money, rf.source));
  const fixedAmountCell = new Map<string, CellRef>();
  const splitTotalCell = new Map<string, CellRef>(); // `${kind}|${label}` -> the amount being split
  for (const f of r.tariff.fixedOnly) {
    if (f.total !== undefined) splitTotalCell.set(`fixed_only|${f.area}`, paramRow(w("fixedOnly"), f.area, `${w("host")} ${id(f.host)}, ${w("keySplit")}`, exactCellNumber(f.total), FORMATS.money, f.source));
    f.amounts?.forEach((a, b) => {
      if (a !== undefined) fixedAmountCell.set(`${f.area}|${b}`, paramRow(w("fixedOnly"), f.area, `${id(b)} → ${id(f.host)} (${w("perBuyer")})`, exactCellNumber(a), FORMATS.money, f.source));
    });
  }
  for (const u of r.tariff.solidarity) splitTotalCell.set(`solidarity|${u.unit}`, paramRow(w("solidarity"), u.unit, `${w("host")} ${id(u.host)}, ${w("keySplit")}`, exactCellNumber(u.amount), FORMATS.money, u.source));
  const grantAmountCell = new Map<string, CellRef>(); // `${name}|${party}` -> a decided amount
  r.tariff.grants.forEach((g, gi) => {
    if (!g.amounts) {
      splitTotalCell.set(`grant|${g.name}`, paramRow(w("grant"), g.name, `${w("recipient")} ${id(g.recipient)}, ${w("keySplit")}`, exactCellNumber(g.amount), FORMATS.money, g.source));
      return;
    }
    const amountsSource = file.grants[gi]?.amounts?.source ?? g.source;
    paramRow(w("grant"), g.name, `${w("recipient")} ${id(g.recipient)}`, exactCellNumber(g.amount), FORMATS.money, g.source);
    g.amounts.forEach((a, p) => {
      if (a !== undefined) grantAmountCell.set(`${g.name}|${p}`, paramRow(w("grant"), g.name, `${id(g.recipient)} → ${id(p)} (${w("perParty")})`, exactCellNumber(a), FORMATS.money, amountsSource));
    });
    const retained = r.grantAmounts.find((x) => x.label === g.name)?.retained ?? 0n;
    paramRow(w("grant"), g.name, `${id(g.recipient)}: ${w("retained")}`, exactCellNumber(retained), FORMATS.money, undefined);
  });
  params.finish();
  return { fsCell, forecastCells, weightCells, refCell, fixedAmountCell, splitTotalCell, grantAmountCell };
}
type ParameterCells = ReturnType<typeof parametersSheet>;

/** Fördelningsnyckel: each party's share, then each split by the key (solidarity, fixed-only, grants). */
function keySheet(ctx: Report, K: Sheet, params: ParameterCells) {
  const { r, lang, L, w, n, id } = ctx;
  const { weightCells, splitTotalCell } = params;
  title(K, 1, `${W.sheets.key[L]} (${r.key.basis === "population" ? w("keyPopulation") : w("keyFixed")}${r.key.date ? ", " + r.key.date : ""})`, 14, 6);
  header(K, 2, [cliText(lang, "party"), r.key.basis === "population" ? w("population") : w("share"), w("share"), w("shareExact")]);
  const shareCells: CellRef[] = [];
  const firstKeyRow = 3;
  const lastKeyRow = firstKeyRow + n - 1;
  r.parties.forEach((p, i) => {
    const row = firstKeyRow + i;
    put(K, row, 1, `${p.id} ${p.name}`);
    const wc = weightCells[i];
    const weight = r.key.weights[i] ?? 0n;
    if (r.key.basis === "population") formula(K, row, 2, wc ? ref(wc, K) : "0", Number(weight), FORMATS.count);
    else formula(K, row, 2, wc ? ref(wc, K) : "0", decimalCellNumber(formatRational({ num: weight, den: r.key.totalWeight }, 1, 30)), FORMATS.shareExact);
    const shareValue = shareCellNumber(r.key, i);
    shareCells.push(formula(K, row, 3, `B${row}/SUM($B$${firstKeyRow}:$B$${lastKeyRow})`, shareValue, FORMATS.share));
    put(K, row, 4, r.key.basis === "population" ? shareFraction(weight, r.key.totalWeight, lang) : (shareDecimalExact(weight, r.key.totalWeight, lang) ?? shareFraction(weight, r.key.totalWeight, lang, true)));
    K.getCell(row, 4).alignment = { horizontal: "right" };
  });
  const keyTotalRow = lastKeyRow + 1;
  put(K, keyTotalRow, 1, w("total"));
  formula(K, keyTotalRow, 2, `SUM(B${firstKeyRow}:B${lastKeyRow})`, r.key.basis === "population" ? Number(r.key.totalWeight) : 1, r.key.basis === "population" ? FORMATS.count : FORMATS.shareExact);
  formula(K, keyTotalRow, 3, `SUM(C${firstKeyRow}:C${lastKeyRow})`, 1, FORMATS.share);
  boldRow(K, keyTotalRow, 1, 4);

  let kr = keyTotalRow + 2;
  const splitPartCell = new Map<string, CellRef>(); // `${kind}|${label}|${party}`
  const splitRanges: { label: string; kind: string; sumCell: CellRef; totalCell: CellRef }[] = [];
  for (const s of r.splits) {
    const kindText = s.kind === "solidarity" ? w("solidarity") : s.kind === "grant" ? w("grant") : w("fixedOnly");
    title(K, kr, `${s.label}: ${kindText}, ${s.kind === "grant" ? w("recipient") : w("host")} ${id(s.host)}`, 12, 7);
    kr++;
    header(K, kr, [cliText(lang, "party"), w("share"), w("exactPart"), w("floorPart"), w("oreMoved"), w("part"), s.kind === "grant" ? w("paidByRecipient") : w("paidToHost")]);
    kr++;
    const totalRef = splitTotalCell.get(`${s.kind}|${s.label}`);
    const first = kr;
    s.parts.forEach((part, i) => {
      put(K, kr, 1, id(i));
      formula(K, kr, 2, ref(shareCells[i] as CellRef, K), shareCellNumber(r.key, i), FORMATS.share);
      const exact = formatRational({ num: part.exact.num, den: part.exact.den * 100n }, 2, 10);
      formula(K, kr, 3, totalRef ? `${ref(totalRef, K)}*B${kr}` : `0`, decimalCellNumber(exact), FORMATS.value);
      money(K, kr, 4, part.base);
      const partCell = money(K, kr, 6, part.amount);
      moneyFormula(K, kr, 5, `ROUND(F${kr}-D${kr},2)`, part.extra);
      // the host's own part stays with the host: compared with the host's row of this table
      moneyFormula(K, kr, 7, `IF(EXACT(A${kr},$A$${first + s.host}),0,F${kr})`, i === s.host ? 0n : part.amount);
      splitPartCell.set(`${s.kind}|${s.label}|${i}`, partCell);
      kr++;
    });
    put(K, kr, 1, w("total"));
    moneyFormula(K, kr, 5, `ROUND(SUM(E${first}:E${kr - 1}),2)`, s.parts.reduce((a, p) => a + p.extra, 0n), true);
    const sumCell = moneyFormula(K, kr, 6, `ROUND(SUM(F${first}:F${kr - 1}),2)`, s.parts.reduce((a, p) => a + p.amount, 0n), true);
    moneyFormula(K, kr, 7, `ROUND(SUM(G${first}:G${kr - 1}),2)`, s.parts.reduce((a, p, i) => a + (i === s.host ? 0n : p.amount), 0n), true);
    boldRow(K, kr, 1, 7);
    if (totalRef) splitRanges.push({ label: s.label, kind: s.kind, sumCell, totalCell: totalRef });
    kr += 2;
  }
  finishSheet(K, { freezeRows: 2 });
  return { K, shareCells, firstKeyRow, lastKeyRow, splitPartCell, splitRanges };
}
type KeyCells = ReturnType<typeof keySheet>;

/** Vårdavtal: fixed, variable and unit price per pair, from the reference and the per-area values. */
function careSheet(ctx: Report, C: Sheet, params: ParameterCells, areas: AreaTable) {
  const { r, lang, L, w, modelName, n, id, T } = ctx;
  const { fsCell, forecastCells, refCell } = params;
  const { V, firstAreaRow, lastAreaRow, areaCol } = areas;
  title(C, 1, `${W.sheets.care[L]}: ${T}`, 14, 6);
  const careHead = [cliText(lang, "seller"), cliText(lang, "buyer"), w("reference"), w("fixedShare"), w("fixed"), ...MODELS.map((m) => `${w("valueOf")}: ${modelName(m)}`), w("variable"), w("unitPrice"), w("total"), w("rowsCount")];
  header(C, 2, careHead);
  const pairRows = new Map<number, number>();
  const firstPairRow = 3;
  const pairTotalRow = firstPairRow + r.pairs.length;
  const areaRange = (col: number): string => rangeRef(V, firstAreaRow, col, lastAreaRow, col, C);
  r.pairs.forEach((p, k) => {
    const row = firstPairRow + k;
    pairRows.set(p.seller * n + p.buyer, row);
    put(C, row, 1, id(p.seller));
    put(C, row, 2, id(p.buyer));
    const rc = refCell.get(p.seller * n + p.buyer);
    if (rc) formula(C, row, 3, ref(rc, C), exactCellNumber(p.reference ?? 0n), FORMATS.money);
    formula(C, row, 4, ref(fsCell, C, true), decimalCellNumber(r.tariff.fixedShareText), FORMATS.factor);
    moneyFormula(C, row, 5, rc ? `ROUND(D${row}*C${row},2)` : "0", p.fixed);
    MODELS.forEach((m, j) => {
      const v = p.value[m];
      const f = sumExact(areaRange(areaCol.value), [
        [areaRange(areaCol.seller), `$A${row}`],
        [areaRange(areaCol.buyer), `$B${row}`],
        [areaRange(areaCol.model), constantLiteral(modelName(m))],
      ]);
      formula(C, row, 6 + j, f, decimalCellNumber(formatValueSek(v)), FORMATS.value);
    });
    // A forecast scales the consumption values by days in the year / days through the cut-off.
    const scale = forecastCells ? `*${ref(forecastCells.days, C, true)}/${ref(forecastCells.through, C, true)}` : "";
    moneyFormula(C, row, 10, `ROUND((1-D${row})*F${row}${scale},2)`, p.variable);
    moneyFormula(C, row, 11, `ROUND(G${row}${scale},2)`, p.unitPrice);
    moneyFormula(C, row, 12, `ROUND(E${row}+J${row}+K${row},2)`, p.total);
    formula(C, row, 13, sumExact(areaRange(areaCol.rows), [[areaRange(areaCol.seller), `$A${row}`], [areaRange(areaCol.buyer), `$B${row}`]]), MODELS.reduce((a, m) => a + p.rows[m], 0), FORMATS.count);
  });
  put(C, pairTotalRow, 1, w("total"));
  const sumCol = (col: number, ore: bigint) => moneyFormula(C, pairTotalRow, col, `ROUND(SUM(${colLetter(col)}${firstPairRow}:${colLetter(col)}${pairTotalRow - 1}),2)`, ore, true);
  sumCol(3, r.pairs.reduce((a, p) => a + (p.reference ?? 0n), 0n));
  sumCol(5, r.pairs.reduce((a, p) => a + p.fixed, 0n));
  MODELS.forEach((m, j) => {
    const v = r.pairs.reduce((a, p) => a + p.value[m], 0n);
    formula(C, pairTotalRow, 6 + j, `SUM(${colLetter(6 + j)}${firstPairRow}:${colLetter(6 + j)}${pairTotalRow - 1})`, decimalCellNumber(formatValueSek(v)), FORMATS.value, true);
  });
  sumCol(10, r.pairs.reduce((a, p) => a + p.variable, 0n));
  sumCol(11, r.pairs.reduce((a, p) => a + p.unitPrice, 0n));
  const careTotal = sumCol(12, r.pairs.reduce((a, p) => a + p.total, 0n));
  formula(C, pairTotalRow, 13, `SUM(M${firstPairRow}:M${pairTotalRow - 1})`, r.pairs.reduce((a, p) => a + MODELS.reduce((x, m) => x + p.rows[m], 0), 0), FORMATS.count, true);
  boldRow(C, pairTotalRow, 1, 13);

  finishSheet(C, { freezeRows: 2 });
  return { C, pairRows, careTotal };
}
type CareCells = ReturnType<typeof careSheet>;

/** Per verksamhet: the consumption value per area, seller, buyer and model. */
function areasSheet(ctx: Report, areas: AreaTable): void {
  const { lang, w, modelName, id, T } = ctx;
  const { V, areaLines, areaHeadRow, firstAreaRow } = areas;
  title(V, 1, `${w("perArea")}: ${T}`, 14, 7);
  header(V, areaHeadRow, [cliText(lang, "area"), cliText(lang, "seller"), cliText(lang, "buyer"), cliText(lang, "model"), w("rowsCount"), w("valueOf"), `${w("valueOf")} (${w("rounded").toLowerCase()})`]);
  areaLines.forEach((a, k) => {
    const row = firstAreaRow + k;
    put(V, row, 1, a.area.area);
    put(V, row, 2, id(a.seller));
    put(V, row, 3, id(a.buyer));
    put(V, row, 4, modelName(a.model));
    put(V, row, 5, a.rows, FORMATS.count);
    put(V, row, 6, decimalCellNumber(formatValueSek(a.value)), FORMATS.value);
    moneyFormula(V, row, 7, `ROUND(F${row},2)`, roundHalfAwayFromZero(a.value, VALUE_UNITS_PER_ORE));
  });
  finishSheet(V, { freezeRows: 2, filter: { row: areaHeadRow, from: 1, to: 7, lastRow: firstAreaRow + areaLines.length - 1 } });
}

/** Avräkning: a payer × payee matrix per component and for all, summed from the flow list. */
function settlementSheet(ctx: Report, A: Sheet, flows: FlowTable) {
  const { r, lang, L, w, n, id, T } = ctx;
  const { fc, flowRangeFrom } = flows;
  title(A, 1, `${W.sheets.settlement[L]}: ${T}`, 14, 6);
  const blocks: (Component | "all")[] = [...COMPONENTS, "all"];
  const flowRange = (col: number): string => flowRangeFrom(col, A);
  const matrixValue = (c: Component | "all", payer: number, payee: number): bigint =>
    r.flows.filter((f) => f.payer === payer && f.payee === payee && (c === "all" || f.component === c)).reduce((a, f) => a + f.amount, 0n);
  let ar = 3;
  const allMatrixTotal: { row: number; col: number } = { row: 0, col: 0 };
  const componentMatrixCell = new Map<string, string>(); // `${c}|${payer}|${payee}` -> address
  for (const c of blocks) {
    title(A, ar, c === "all" ? w("allComponents") : componentName(c, lang), 12, 6);
    const nameCell = `$A$${ar}`; // the component's name, as the flows list names it
    ar++;
    header(A, ar, [w("payerPayee"), ...r.parties.map((p) => p.id), w("paidTotal")]);
    const idRow = ar; // the payees' ids
    ar++;
    const firstRow = ar;
    for (let payer = 0; payer < n; payer++) {
      put(A, ar, 1, id(payer), undefined, true);
      for (let payee = 0; payee < n; payee++) {
        const v = matrixValue(c, payer, payee);
        const f =
          c === "all"
            ? `ROUND(${COMPONENTS.map((x) => componentMatrixCell.get(`${x}|${payer}|${payee}`)).join("+")},2)`
            : `ROUND(${sumExact(flowRange(fc.amount), [
                [flowRange(fc.payer), `$A${ar}`],
                [flowRange(fc.payee), `${colLetter(2 + payee)}$${idRow}`],
                [flowRange(fc.component), nameCell],
              ])},2)`;
        moneyFormula(A, ar, 2 + payee, f, v);
        if (c !== "all") componentMatrixCell.set(`${c}|${payer}|${payee}`, `${colLetter(2 + payee)}${ar}`);
      }
      moneyFormula(A, ar, 2 + n, `ROUND(SUM(${colLetter(2)}${ar}:${colLetter(1 + n)}${ar}),2)`, r.flows.filter((f) => f.payer === payer && (c === "all" || f.component === c)).reduce((a, f) => a + f.amount, 0n), true);
      ar++;
    }
    put(A, ar, 1, w("receivedTotal"));
    for (let payee = 0; payee <= n; payee++) {
      const col = 2 + payee;
      const v = payee < n ? r.flows.filter((f) => f.payee === payee && (c === "all" || f.component === c)).reduce((a, f) => a + f.amount, 0n) : r.flows.filter((f) => c === "all" || f.component === c).reduce((a, f) => a + f.amount, 0n);
      moneyFormula(A, ar, col, `ROUND(SUM(${colLetter(col)}${firstRow}:${colLetter(col)}${ar - 1}),2)`, v, true);
      if (c === "all" && payee === n) Object.assign(allMatrixTotal, { row: ar, col });
    }
    boldRow(A, ar, 1, 2 + n);
    ar += 2;
  }
  finishSheet(A, { freezeRows: 1 });
  // the matrices' columns alike, as wide as the widest figure
  const matrixWidth = Math.max(...Array.from({ length: n + 1 }, (_, k) => A.getColumn(2 + k).width ?? 0));
  for (let k = 0; k <= n; k++) A.getColumn(2 + k).width = matrixWidth;
  return { A, allMatrixTotal };
}

/** Förklaringar: the chain behind every flow (what `vardavtal explain` prints). */
function explanationsSheet(ctx: Report, X: Sheet) {
  const { r, options, lang, L, w, modelName, T } = ctx;
  // The chain behind every flow (what `vardavtal explain` prints), each linked from its row in Flöden.
  title(X, 1, `${W.sheets.explain[L]}: ${T}`, 14, 2);
  put(X, 2, 1, w("explainNote"));
  const explainRow: number[] = [];
  let xr = 4;
  explainAll(r, { scenario: options.scenario }).map((e) => explanationWords(e, lang, { modelName })).forEach((e, k) => {
    explainRow[k] = xr;
    put(X, xr, 1, e.title, undefined, true);
    money(X, xr, 2, e.amount, true);
    xr++;
    for (const l of e.lines) {
      put(X, xr, 1, l.text);
      X.getCell(xr, 1).alignment = { indent: l.depth + 1, wrapText: true, vertical: "top" };
      xr++;
    }
    xr++;
  });
  finishSheet(X, { freezeRows: 1 });
  // one readable column of prose: each row as tall as its wrapped lines (about 105 characters a line)
  X.getColumn(1).width = 110;
  for (let row = 4; row < xr; row++) {
    const text = String(X.getCell(row, 1).value ?? "");
    X.getRow(row).height = 14 * Math.max(1, Math.ceil(text.length / 105));
  }
  return { X, explainRow };
}

/** Flöden: every flow, its amount a reference to the cell it comes from, and its explanation. */
function flowsSheet(ctx: Report, flows: FlowTable, from: { params: ParameterCells; key: KeyCells; care: CareCells; explanations: ReturnType<typeof explanationsSheet> }): void {
  const { r, lang, w, n, id, T } = ctx;
  const { Fl, flowHeadRow, firstFlowRow, fc } = flows;
  const { fixedAmountCell, grantAmountCell } = from.params;
  const { splitPartCell } = from.key;
  const { C, pairRows } = from.care;
  const { X, explainRow } = from.explanations;
  title(Fl, 1, `${w("flows")}: ${T}`, 14, 6);
  header(Fl, flowHeadRow, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "component"), cliText(lang, "label"), cliText(lang, "amount"), w("from"), w("explanation")]);
  r.flows.forEach((f, k) => {
    const row = firstFlowRow + k;
    put(Fl, row, fc.payer, id(f.payer));
    put(Fl, row, fc.payee, id(f.payee));
    put(Fl, row, fc.component, componentName(f.component, lang));
    put(Fl, row, fc.label, f.label ?? "");
    let source: CellRef | undefined;
    if (f.component === "fixed" || f.component === "variable" || f.component === "unit_price") {
      const pr2 = pairRows.get(f.payee * n + f.payer);
      if (pr2) source = { sheet: C, row: pr2, col: f.component === "fixed" ? 5 : f.component === "variable" ? 10 : 11 };
    } else {
      // a grant's part belongs to its payee (the recipient pays it out); every other split's to its payer
      source =
        f.component === "grant"
          ? (splitPartCell.get(`grant|${f.label}|${f.payee}`) ?? grantAmountCell.get(`${f.label}|${f.payee}`))
          : (splitPartCell.get(`${f.component}|${f.label}|${f.payer}`) ?? fixedAmountCell.get(`${f.label}|${f.payer}`));
    }
    if (source) {
      moneyFormula(Fl, row, fc.amount, ref(source, Fl), f.amount);
      putRef(Fl, row, fc.from, source);
    } else {
      money(Fl, row, fc.amount, f.amount);
    }
    const why = explainRow[k];
    if (why !== undefined) putRef(Fl, row, fc.from + 1, { sheet: X, row: why, col: 1 });
  });
  finishSheet(Fl, { freezeRows: 2, filter: { row: flowHeadRow, from: 1, to: fc.from + 1, lastRow: firstFlowRow + r.flows.length - 1 } });
}

/** Sammanfattning: the facts of the run, each party's net, the transfers, the components, the warnings. */
function summarySheet(ctx: Report, M: Sheet, runAt: string, key: KeyCells, flows: FlowTable) {
  const { r, options, lang, w, T } = ctx;
  title(M, 1, r.forecast ? T : titleWithYear(r.title, r.year), 16, 6);
  put(M, 2, 1, w("source"));
  M.getCell(2, 1).alignment = { vertical: "top" }; // level with the source text, which wraps from the top
  put(M, 2, 2, r.source ?? "");
  put(M, 3, 1, w("year"));
  if (r.forecast) put(M, 3, 2, `${r.year}: ${w("forecastNote")} ${r.forecast.through} × ${r.forecast.daysInYear}/${r.forecast.daysThrough}`);
  else put(M, 3, 2, r.year, "0");
  put(M, 4, 1, w("runAt"));
  put(M, 4, 2, `${runAt} (vardavtal ${options.version})`);
  put(M, 5, 1, w("keyBasis"));
  put(M, 5, 2, `${r.key.basis === "population" ? w("keyPopulation") : w("keyFixed")}${r.key.date ? ", " + r.key.date : ""}${r.key.populationSource?.kind === "file" ? ` (${r.key.populationSource.file})` : ""}`);
  // the facts run over the table's columns, so that they do not widen its first columns
  for (let row = 3; row <= 5; row++) M.mergeCells(row, 2, row, 6);
  const { netCells, netSumCell, mt } = partiesTable(ctx, M, key, flows);
  const transfers = transfersTable(ctx, M, mt + 2);
  const components = componentsTable(ctx, M, transfers.next + 1, flows);
  warningsList(ctx, M, components.next + 2);
  M.mergeCells(2, 2, 2, 6);
  M.getRow(2).height = 15 * Math.min(6, Math.ceil((r.source ?? "").length / 110) || 1);
  finishSheet(M, { freezeRows: 0 });
  signatureBlock(M, lang, r.tariff.decision);
  return { M, netCells, netSumCell, firstTransferRow: transfers.firstTransferRow, lastTransferRow: transfers.lastTransferRow, compCells: components.compCells, compTotal: components.compTotal };
}

/** Each party's share, received, paid and net (from row 8), summed from the flow list. */
function partiesTable(ctx: Report, M: Sheet, key: KeyCells, flows: FlowTable) {
  const { r, lang, w, n } = ctx;
  const { shareCells } = key;
  const { fc, flowRangeFrom } = flows;
  header(M, 7, [cliText(lang, "party"), w("name"), w("share"), w("receives"), w("pays"), w("net")]);
  const netCells: CellRef[] = [];
  r.parties.forEach((p, i) => {
    const row = 8 + i;
    put(M, row, 1, p.id);
    put(M, row, 2, p.name);
    formula(M, row, 3, ref(shareCells[i] as CellRef, M), shareCellNumber(r.key, i), FORMATS.share);
    const received = r.flows.filter((f) => f.payee === i).reduce((a, f) => a + f.amount, 0n);
    const paid = r.flows.filter((f) => f.payer === i).reduce((a, f) => a + f.amount, 0n);
    moneyFormula(M, row, 4, `ROUND(${sumExact(flowRangeFrom(fc.amount, M), [[flowRangeFrom(fc.payee, M), `$A${row}`]])},2)`, received);
    moneyFormula(M, row, 5, `ROUND(${sumExact(flowRangeFrom(fc.amount, M), [[flowRangeFrom(fc.payer, M), `$A${row}`]])},2)`, paid);
    netCells.push(moneyFormula(M, row, 6, `ROUND(D${row}-E${row},2)`, r.net[i] ?? 0n, true));
  });
  const mt = 8 + n;
  put(M, mt, 1, w("total"));
  moneyFormula(M, mt, 4, `ROUND(SUM(D8:D${mt - 1}),2)`, r.flows.reduce((a, f) => a + f.amount, 0n), true);
  moneyFormula(M, mt, 5, `ROUND(SUM(E8:E${mt - 1}),2)`, r.flows.reduce((a, f) => a + f.amount, 0n), true);
  const netSumCell = moneyFormula(M, mt, 6, `ROUND(SUM(F8:F${mt - 1}),2)`, r.net.reduce((a, b) => a + b, 0n), true);
  boldRow(M, mt, 1, 6);
  return { netCells, netSumCell, mt };
}

/** The transfers that settle the nets (from row `mr`). */
function transfersTable(ctx: Report, M: Sheet, mr: number) {
  const { r, lang, w, id } = ctx;
  title(M, mr, w("transfers"), 12, 6);
  mr++;
  put(M, mr, 1, nettingWords(r.netting, lang));
  M.mergeCells(mr, 1, mr, 6);
  mr++;
  header(M, mr, [cliText(lang, "payer"), cliText(lang, "payee"), cliText(lang, "amount")]);
  mr++;
  const firstTransferRow = mr;
  for (const tr of r.transfers) {
    put(M, mr, 1, id(tr.payer));
    put(M, mr, 2, id(tr.payee));
    money(M, mr, 3, tr.amount);
    mr++;
  }
  if (r.transfers.length === 0) put(M, mr++, 1, cliText(lang, "no_transfers"));
  const lastTransferRow = Math.max(firstTransferRow, mr - 1);
  return { firstTransferRow, lastTransferRow, next: mr };
}

/** The total per component (from row `mr`), summed from the flow list. */
function componentsTable(ctx: Report, M: Sheet, mr: number, flows: FlowTable) {
  const { r, lang, w } = ctx;
  const { fc, flowRangeFrom } = flows;
  title(M, mr, w("perComponent"), 12, 6);
  mr++;
  header(M, mr, [cliText(lang, "component"), cliText(lang, "amount")]);
  mr++;
  const compCells: CellRef[] = [];
  for (const c of COMPONENTS) {
    put(M, mr, 1, componentName(c, lang));
    compCells.push(moneyFormula(M, mr, 2, `ROUND(${sumExact(flowRangeFrom(fc.amount, M), [[flowRangeFrom(fc.component, M), `$A${mr}`]])},2)`, r.componentTotals[c]));
    mr++;
  }
  put(M, mr, 1, w("total"));
  const compTotal = moneyFormula(M, mr, 2, `ROUND(SUM(B${mr - COMPONENTS.length}:B${mr - 1}),2)`, COMPONENTS.reduce((a, c) => a + r.componentTotals[c], 0n), true);
  boldRow(M, mr, 1, 2);
  return { compCells, compTotal, next: mr };
}

/** The calculation's warnings in words (from row `mr`). */
function warningsList(ctx: Report, M: Sheet, mr: number): void {
  const { r, lang, w } = ctx;
  title(M, mr, w("warnings"), 12, 6);
  mr++;
  if (r.warnings.length === 0) put(M, mr++, 1, w("none"));
  for (const d of r.warnings) {
    // the warning in words (its code is for the command line and the JSON)
    put(M, mr, 1, messageText(d, lang));
    M.mergeCells(mr, 1, mr, 6);
    mr++;
  }
}

/** Kontroller: the workbook's own checks as formulas, then the program's checks. */
function checksSheet(ctx: Report, K2: Sheet, from: { key: KeyCells; care: CareCells; settlement: ReturnType<typeof settlementSheet>; summary: ReturnType<typeof summarySheet>; flows: FlowTable }): void {
  const { r, lang, L, w, ok, fail, status } = ctx;
  const { K, firstKeyRow, lastKeyRow, splitRanges } = from.key;
  const { careTotal } = from.care;
  const { A, allMatrixTotal } = from.settlement;
  const { M, netCells, netSumCell, firstTransferRow, lastTransferRow, compCells, compTotal } = from.summary;
  const { fc, flowRangeFrom } = from.flows;
  title(K2, 1, w("sheetChecks"), 14, 6);
  header(K2, 2, [w("check"), w("detail"), w("value"), w("expected"), w("status")]);
  let cr = 3;
  const checkRow = (name: string, detail: string, valueF: string, valueOre: bigint, expectedF: string, expectedOre: bigint): void => {
    put(K2, cr, 1, name);
    put(K2, cr, 2, detail);
    moneyFormula(K2, cr, 3, valueF, valueOre);
    moneyFormula(K2, cr, 4, expectedF, expectedOre);
    formula(K2, cr, 5, status(`ROUND(C${cr}-D${cr},2)=0`), valueOre === expectedOre ? ok : fail, undefined, true);
    cr++;
  };
  // shares
  put(K2, cr, 1, w("sharesSum"));
  put(K2, cr, 2, W.sheets.key[L]);
  formula(K2, cr, 3, `SUM(${rangeRef(K, firstKeyRow, 3, lastKeyRow, 3, K2)})`, 1, FORMATS.share);
  put(K2, cr, 4, 1, FORMATS.share);
  formula(K2, cr, 5, status(`ABS(C${cr}-D${cr})<0.000000001`), ok, undefined, true);
  cr++;
  for (const s of splitRanges) {
    const split = r.splits.find((x) => x.label === s.label && x.kind === s.kind);
    const total = split?.total ?? 0n;
    checkRow(w("splitSum"), s.label, ref(s.sumCell, K2), total, ref(s.totalCell, K2), total);
  }
  checkRow(w("netZero"), W.sheets.summary[L], ref(netSumCell, K2), r.net.reduce((a, b) => a + b, 0n), "0", 0n);
  r.parties.forEach((p, i) => {
    const tPaid = r.transfers.filter((t) => t.payer === i).reduce((a, t) => a + t.amount, 0n);
    const tGot = r.transfers.filter((t) => t.payee === i).reduce((a, t) => a + t.amount, 0n);
    const tr = (col: number) => rangeRef(M, firstTransferRow, col, lastTransferRow, col, K2);
    checkRow(
      w("settles"),
      p.id,
      `ROUND(${ref(netCells[i] as CellRef, K2)}+${sumExact(tr(3), [[tr(1), `$B${cr}`]])}-${sumExact(tr(3), [[tr(2), `$B${cr}`]])},2)`, // B: the party's id
      (r.net[i] ?? 0n) + tPaid - tGot,
      "0",
      0n,
    );
  });
  const flowSum = r.flows.reduce((a, f) => a + f.amount, 0n);
  checkRow(w("flowsMatch"), W.sheets.flows[L], `ROUND(SUM(${flowRangeFrom(fc.amount, K2)}),2)`, flowSum, ref(compTotal, K2), flowSum);
  checkRow(w("matrixMatch"), W.sheets.settlement[L], ref({ sheet: A, row: allMatrixTotal.row, col: allMatrixTotal.col }, K2), flowSum, `ROUND(SUM(${flowRangeFrom(fc.amount, K2)}),2)`, flowSum);
  const careFlowSum = r.componentTotals.fixed + r.componentTotals.variable + r.componentTotals.unit_price;
  checkRow(w("careMatch"), W.sheets.care[L], ref(careTotal, K2), careFlowSum, `ROUND(${compCells.slice(0, 3).map((c) => ref(c, K2)).join("+")},2)`, careFlowSum);
  cr++;
  title(K2, cr, w("programChecks"), 12, 6);
  cr++;
  header(K2, cr, [w("check"), w("detail"), w("status")]);
  cr++;
  for (const c of r.checks) {
    put(K2, cr, 1, checkName(c.id, lang));
    put(K2, cr, 2, checkFigures(c.figures, lang, r.parties.map((p) => p.id)));
    put(K2, cr, 3, c.holds ? ok : fail, undefined, true);
    cr++;
  }
  finishSheet(K2, { freezeRows: 2 });
}
