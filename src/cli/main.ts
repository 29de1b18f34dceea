/**
 * The `vardavtal` command. Exit codes: 0 done; 1 check-key found deviations above the tolerance;
 * 2 bad input or usage (nothing written): also an output path that is an input, a folder or a
 * device, two outputs on one path, an output that cannot be written, and with `--strict` any
 * warning; 3 internal error (a result failed its own checks; nothing written).
 * A closed stdout (`vardavtal key | head -1`) ends the printing quietly: see bin/vardavtal.js.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Argv } from "yargs";
import { InputError, sortDiagnostics } from "../core/model/diagnostics.js";
import type { Lang } from "../text/messages.js";
import type { PendingFile } from "../render/format.js";
import { runTime } from "../render/run-time.js";
import type { PathArg } from "../node/outputs.js";
import { DEFAULT_TOLERANCE } from "../core/year/tolerance.js";
import { formatOre } from "../core/model/decimal.js";
import { t } from "../text/i18n.js";
import { joinNegativeValues, rawOptionValue } from "../read/options.js";
import { PACKAGE_VERSION } from "../package-data.js";

// What the commands need beyond yargs and the words (the tariff's schema, the readers, the
// calculation…) loads when a command runs: `--help` and a usage error do not wait for it.
let heavy: typeof import("./heavy.js") | undefined;
const loaded = (): typeof import("./heavy.js") => heavy as typeof import("./heavy.js");

// The commands load when they run: `calculate` on a large file starts reading sooner.
const commands = {
  acconto: () => import("./commands/acconto.js"),
  checkKey: () => import("./commands/check-key.js"),
  checkTariff: () => import("./commands/check-tariff.js"),
  settle: () => import("./commands/settle.js"),
  compare: () => import("./commands/compare.js"),
  explain: () => import("./commands/explain.js"),
  propose: () => import("./commands/propose.js"),
  key: () => import("./commands/key.js"),
  overview: () => import("./commands/overview.js"),
};

export const EXIT = { ok: 0, deviations: 1, input: 2, internal: 3 } as const;

/** Thrown inside commands to end with an exit code after output was printed. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

import type { Io } from "./io.js";

export type { Io } from "./io.js";
import { renderDiagnostic } from "../text/diagnostics.js";
import { renderDiagnostics } from "../text/diagnostic-groups.js";
import { acceptedNames, unknownFlags } from "./unknown-flags.js";

function detectLang(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--lang") return argv[i + 1] === "en" ? "en" : "sv";
    if (a.startsWith("--lang=")) return a.slice(7) === "en" ? "en" : "sv";
  }
  return process.env.VARDAVTAL_LANG === "en" ? "en" : "sv";
}

const SV_STRINGS: Record<string, string | { one: string; other: string }> = {
  "Commands:": "Kommandon:",
  "Options:": "Flaggor:",
  "Examples:": "Exempel:",
  boolean: "sant/falskt",
  count: "antal",
  string: "text",
  number: "tal",
  array: "lista",
  required: "krävs",
  default: "standard",
  "default:": "standard:",
  "choices:": "val:",
  "aliases:": "alias:",
  "Show help": "Visa hjälp",
  "Show version number": "Visa versionsnummer",
  "Missing required argument: %s": { one: "Obligatoriskt argument saknas: %s", other: "Obligatoriska argument saknas: %s" },
  "Unknown argument: %s": { one: "Okänt argument: %s", other: "Okända argument: %s" },
  "Invalid values:": "Ogiltiga värden:",
  "Argument: %s, Given: %s, Choices: %s": "Argument: %s, angivet: %s, val: %s",
  "Not enough arguments following: %s": "För få argument efter: %s",
  "Unknown command: %s": "Okänt kommando: %s",
  "Did you mean %s?": "Menade du %s?",
  "Not enough non-option arguments: got %s, need at least %s": { one: "Ett kommando behövs (fick %s, behöver minst %s)", other: "Ett kommando behövs (fick %s, behöver minst %s)" },
};

/** The columns of a consumption file, for `calculate --help`: the names a header may use. */
function consumptionColumnsHelp(lang: Lang): string {
  const names = (field: string): string => (loaded().CONSUMPTION_COLUMNS.find((c) => c.field === field)?.names ?? [field]).join(" / ");
  const line = (field: string, sv: string, en: string): string => `  ${names(field)}: ${tr(lang, sv, en)}`;
  return [
    tr(lang, "Konsumtionsfilen (CSV med ; , eller tabb; UTF-8 eller Windows-1252 från Excel) har en rubrikrad med kolumnerna:", "The consumption file (CSV with ; , or tab; UTF-8 or Windows-1252 from Excel) has a header line with the columns:"),
    line("year", "år (eller ett datum)", "year (or a date)"),
    line("date", "datum ÅÅÅÅ-MM-DD (krävs om år saknas, och för --through)", "date YYYY-MM-DD (required if year is missing, and for --through)"),
    line("seller", "säljande region (vårdgivare)", "selling region (care provider)"),
    line("buyer", "köpande region (patientens hemregion)", "buying region (the patient's home region)"),
    line("area", "verksamhetsområde", "area of care"),
    line("points", "DRG-poäng (för styckpris och rörlig ersättning)", "DRG points (for unit price and variable reimbursement)"),
    line("amount", "belopp i kronor (där poäng saknas)", "amount in SEK (where points are missing)"),
    tr(lang, "Tal skrivs med decimalkomma eller punkt, gärna med mellanslag mellan tusental (1 234,50), utan \"kr\".", "Numbers use a decimal comma or point, thousands may be grouped (1 234.50), without \"kr\"."),
  ].join("\n");
}

function tr(lang: Lang, sv: string, en: string): string {
  return lang === "sv" ? sv : en;
}

/** Errors of one kind are printed once with the rows they stand on; `--all-errors` prints each. */
function printDiagnostics(e: InputError, io: Io, lang: Lang, all = false): void {
  const sorted = sortDiagnostics(e.diagnostics);
  const errors = sorted.filter((d) => d.severity === "error");
  for (const text of renderDiagnostics(sorted, lang, all)) io.stderr(text + "\n");
  io.stderr(t(lang, "errors_found", { count: errors.length }) + "\n");
}

function progressReporter(io: Io, lang: Lang, file: string): ((read: number, total: number) => void) | undefined {
  if (!io.stderrIsTty) return undefined;
  let last = -1;
  return (read, total) => {
    const pct = total > 0 ? Math.floor((read / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    io.stderr(`\r${t(lang, "progress", { file, pct })}${pct >= 100 ? "\n" : ""}`);
  };
}

interface CalculateArgs {
  tariff: string;
  consumption: string;
  population?: string;
  json?: string;
  csvDir?: string;
  xlsx?: string;
  reader?: "auto" | "fast" | "general";
  /** --through: a forecast from the rows up to this date */
  through?: string;
  /** --strict: warnings are errors */
  strict?: boolean;
  /** --set PATH=VALUE (repeatable) and --scenario FILE: a scenario on the tariff */
  set?: string[];
  scenario?: string;
  /** --baseline: the tariff as it stands too, and the comparison written next to the scenario */
  baseline?: boolean;
  /** the option each output is named by in messages (demo: all are `--out`) */
  labels?: { json?: string; csvDir?: string; xlsx?: string };
  /** folders that must be folders or absent (demo: `--out`) */
  dirs?: PathArg[];
}

async function runCalculate(args: CalculateArgs, io: Io, lang: Lang): Promise<void> {
  const { assertOutputPaths, calculateFiles, CSV_DIR_FILES, failOnWarnings, loadXlsx, packageVersion, resultToJson, scenarioLines, summaryText, tariffInput, writeOutputs } = loaded();
  const label = { json: "--json", csvDir: "--csv-dir", xlsx: "--xlsx", ...args.labels };
  const inputs: PathArg[] = [
    ...tariffInput(args.tariff),
    { option: "--consumption", path: args.consumption },
    ...(args.population ? [{ option: "--population", path: args.population }] : []),
    ...(args.scenario ? [{ option: "--scenario", path: args.scenario }] : []),
  ];
  const planned: PathArg[] = [];
  const { COMPARISON_CSV_FILES } = args.baseline ? await import("../render/csv/compare-csv.js") : { COMPARISON_CSV_FILES: [] };
  if (args.baseline) for (const c of comparisonOutputs(args)) planned.push(...(c.kind === "csvDir" ? COMPARISON_CSV_FILES.map((name) => join(c.path, name)) : [c.path]).map((path) => ({ option: "--baseline", path })));
  if (args.json) planned.push({ option: label.json, path: args.json });
  if (args.csvDir) for (const name of CSV_DIR_FILES) planned.push({ option: label.csvDir, path: join(args.csvDir, name) });
  if (args.xlsx) planned.push({ option: label.xlsx, path: args.xlsx });
  const dirs = [...(args.dirs ?? []), ...(args.csvDir ? [{ option: label.csvDir, path: args.csvDir }] : [])];
  // Before anything is read: an output must not overwrite an input, nor be a folder or a device.
  assertOutputPaths({ inputs, files: planned, dirs }, lang);

  const scenarioArgs = args.set?.length || args.scenario !== undefined ? { scenario: { set: args.set ?? [], ...(args.scenario !== undefined ? { file: args.scenario } : {}) }, baseline: args.baseline } : {};
  const run = await calculateFiles({ tariff: args.tariff, consumption: args.consumption, population: args.population, reader: args.reader, through: args.through, onProgress: progressReporter(io, lang, args.consumption), ...scenarioArgs });
  const effects = run.baseline?.comparison.effects;
  const comparisonWarnings = effects && !effects.available ? [effects.reason] : [];
  if (args.strict) failOnWarnings([...run.result.warnings, ...comparisonWarnings]);
  const files: PendingFile[] = [];
  const meta = { tool: { name: "vardavtal", version: packageVersion() }, inputs: run.inputs, ...(run.scenario ? { scenario: run.scenario } : {}) };
  if (args.json) files.push({ path: args.json, option: label.json, data: JSON.stringify(resultToJson(run.result, meta), null, 2) + "\n" });
  if (args.csvDir) files.push(...(await import("../render/csv/result-csv.js")).resultCsvFiles(run.result, args.csvDir, lang, run.scenario ? { scenario: run.scenario } : {}).map((f) => ({ ...f, option: label.csvDir })));
  if (args.xlsx) {
    const { resultWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    files.push({ path: args.xlsx, option: label.xlsx, data: await resultWorkbook(run.result, { lang, inputs: run.inputs, version: packageVersion(), banner: scenarioLines(run.scenario, lang).map((l) => l.trim()), scenario: run.scenario }) });
  }
  // --baseline: the comparison with the tariff as it stands, written next to the scenario's files.
  const compared = run.baseline ? comparisonOutputs(args) : [];
  const comparing = run.baseline ? await commands.compare() : undefined;
  if (run.baseline && comparing) {
    const out = Object.fromEntries(compared.map((c) => [c.kind, c.path]));
    files.push(...(await comparing.comparisonFiles(run.baseline.comparison, out, lang, run.inputs, { json: "--baseline", csvDir: "--baseline", xlsx: "--baseline" })));
  }
  writeOutputs(files, inputs, dirs, lang);
  // Warnings in the usual layout (position and hint), the summary on stdout lists them briefly.
  for (const w of sortDiagnostics([...run.result.warnings, ...comparisonWarnings])) io.stderr(renderDiagnostic(w, lang) + "\n");
  io.stdout(summaryText(run.result, lang, run.scenario));
  if (run.baseline && comparing) io.stdout("\n" + comparing.comparisonText(run.baseline.comparison, lang));
  for (const written of [args.json, args.csvDir, args.xlsx, ...compared.filter((c) => c.kind !== "csvDir").map((c) => c.path)]) if (written) io.stderr(t(lang, "written", { file: written }) + "\n");
}

/**
 * Where --baseline writes the comparison: next to the scenario's own files, `X.json` →
 * `X-jamforelse.json`, `X.xlsx` → `X-jamforelse.xlsx`, and comparison-*.csv in the --csv-dir.
 */
function comparisonOutputs(args: { json?: string; xlsx?: string; csvDir?: string }): { kind: "json" | "xlsx" | "csvDir"; path: string }[] {
  const sibling = (p: string): string => {
    const m = /^(.*?)(\.[^./\\]*)?$/.exec(p) as RegExpExecArray;
    return `${m[1]}-jamforelse${m[2] ?? ""}`;
  };
  return [
    ...(args.json ? [{ kind: "json" as const, path: sibling(args.json) }] : []),
    ...(args.xlsx ? [{ kind: "xlsx" as const, path: sibling(args.xlsx) }] : []),
    ...(args.csvDir ? [{ kind: "csvDir" as const, path: args.csvDir }] : []),
  ];
}

/** The --set arguments: one gives a text, several a list. */
function setArgs(v: unknown): string[] {
  return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String);
}

/** The commands' words: `main` loads what they need when one of them is given. */
const COMMAND_WORDS = new Set(["calculate", "acconto", "settle", "propose", "compare", "explain", "key", "check-key", "check-tariff", "demo", "overview"]);

/** Options that take one value: given twice, yargs makes a list of them, and which one was meant is unclear. */
const SINGLE_VALUED = ["tariff", "consumption", "population", "json", "xlsx", "csv-dir", "reader", "through", "result", "round-to", "ledger-dir", "unit-price", "costs", "tolerance", "amount", "out", "lang", "write-schema", "scenario"];

/** Boolean options every command takes: given bare, they are true. */
const BOOLEAN_FLAGS = ["strict", "all-errors"];

/**
 * The commands `main` runs without yargs (which takes about as long to load as Node itself to
 * start) when their command line is plain: the command word first, then only the options below,
 * each once, as `--name value` or `--name=value` with a value yargs reads as it is, and the bare
 * flags of BOOLEAN_FLAGS. Anything else (help, a typo, a missing or repeated option, a value that
 * starts with "-") goes to yargs, so every usage error and its message is yargs's as before.
 */
const DIRECT: Record<string, { values: readonly string[]; run: (values: Record<string, string | undefined>, flags: ReadonlySet<string>, argv: string[], io: Io, lang: Lang) => Promise<void> }> = {
  key: {
    values: ["tariff", "population", "amount", "lang"],
    run: async (v, f, argv, io, lang) => (await commands.key()).keyCommand({ tariff: v.tariff as string, population: v.population, amount: rawOptionValue(argv, "--amount") ?? "1000000", strict: f.has("strict") }, io, lang),
  },
  "check-tariff": {
    values: ["tariff", "write-schema", "lang"],
    run: async (v, f, _argv, io, lang) => (await commands.checkTariff()).checkTariffCommand({ tariff: v.tariff as string, writeSchema: v["write-schema"], strict: f.has("strict") }, io, lang),
  },
};

/** The plain command line of a DIRECT command, or undefined when yargs must read it. */
export function plainCommandLine(argv: readonly string[]): { command: string; values: Record<string, string | undefined>; flags: Set<string> } | undefined {
  const [command, ...rest] = argv;
  const spec = command !== undefined && Object.prototype.hasOwnProperty.call(DIRECT, command) ? DIRECT[command] : undefined;
  if (!spec || command === undefined) return undefined;
  const values: Record<string, string | undefined> = {};
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (!a.startsWith("--")) return undefined;
    const eq = a.indexOf("=");
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (eq < 0 && BOOLEAN_FLAGS.includes(name)) {
      if (flags.has(name)) return undefined;
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name) || values[name] !== undefined) return undefined;
    const value = eq < 0 ? rest[++i] : a.slice(eq + 1);
    // `--amount=-5` is how joinNegativeValues passes a negative amount; other values starting with "-" are yargs's to read
    if (value === undefined || value === "" || (value.startsWith("-") && !(name === "amount" && eq >= 0))) return undefined;
    values[name] = value;
  }
  if (values.tariff === undefined) return undefined;
  if (values.lang !== undefined && values.lang !== "sv" && values.lang !== "en") return undefined;
  return { command, values, flags };
}

/**
 * `vardavtal --help` as yargs printed it when the package was built (scripts/help-texts.js writes
 * dist/cli/help-texts.json: each console.log call's arguments, per language and width), so that
 * the help answers without loading yargs. Undefined for any other command line, width or when
 * the file is not there (running from src/): then yargs prints it.
 */
function builtHelp(argv: readonly string[], lang: Lang): unknown[][] | undefined {
  let help = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--help" || a === "-h") help++;
    else if (a === "--lang" && (argv[i + 1] === "sv" || argv[i + 1] === "en")) i++;
    else if (a !== "--lang=sv" && a !== "--lang=en") return undefined;
  }
  if (help !== 1 || argv.filter((a) => a.startsWith("--lang")).length > 1) return undefined;
  try {
    const texts = JSON.parse(readFileSync(new URL("./help-texts.json", import.meta.url), "utf8")) as Record<string, unknown[][]>;
    const calls = texts[`${lang}:${helpWidth()}`];
    return Array.isArray(calls) ? calls : undefined;
  } catch {
    return undefined;
  }
}

/** The width yargs lays the help out in. */
function helpWidth(): number {
  return Math.min(110, process.stdout.columns || 100);
}

/**
 * Runs the command line. `options.viaYargs` sends every command line through yargs (no direct
 * `key`/`check-tariff`, no help from the build): for the tests that hold both roads identical.
 */
export async function main(argv: string[] = process.argv.slice(2), io: Io = defaultIo(), options: { viaYargs?: boolean } = {}): Promise<number> {
  const lang = detectLang(argv);
  argv = joinNegativeValues(argv);
  try {
    runTime(); // a malformed SOURCE_DATE_EPOCH is a usage error before anything runs
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    printDiagnostics(e, io, lang);
    return EXIT.input;
  }
  // `key` and `check-tariff` on a plain command line, and `--help`, without yargs
  const plain = options.viaYargs ? undefined : plainCommandLine(argv);
  if (plain) {
    try {
      await (DIRECT[plain.command] as (typeof DIRECT)[string]).run(plain.values, plain.flags, argv, io, lang);
    } catch (e) {
      if (e instanceof Exit) return e.code;
      if (e instanceof InputError) {
        printDiagnostics(e, io, lang, argv.includes("--all-errors"));
        return EXIT.input;
      }
      throw e;
    }
    return EXIT.ok;
  }
  const help = options.viaYargs ? undefined : builtHelp(argv, lang);
  if (help) {
    for (const call of help) console.log(...call);
    return EXIT.ok;
  }
  let exitCode = 0;
  // a command's word (the first word that is not an option's) loads what the commands need
  if (argv.some((a) => COMMAND_WORDS.has(a))) heavy ??= await import("./heavy.js");
  const { default: yargs } = await import("yargs");
  const cli: Argv = yargs(argv)
    .scriptName("vardavtal")
    .usage(tr(lang, "$0 <kommando> [flaggor]\n\nBeräknar vårdavtalets ersättningar mellan regionerna i en sjukvårdsregion.", "$0 <command> [options]\n\nComputes the money that moves between the regions of a Swedish healthcare region."))
    .option("lang", { choices: ["sv", "en"] as const, default: "sv", describe: tr(lang, "språk för meddelanden och rapporter", "language of messages and reports"), global: true })
    .option("strict", {
      type: "boolean",
      default: false,
      global: true,
      describe: tr(lang, "varningar räknas som fel: de skrivs som error[KOD], inget skrivs och koden blir 2", "treat warnings as errors: they are printed as error[CODE], nothing is written and the exit code is 2"),
    })
    .option("all-errors", { type: "boolean", default: false, global: true, describe: tr(lang, "visa varje fel för sig (annars ett per slag, med raderna där det står)", "print every error on its own (else one per kind, with the rows it stands on)") })
    .check((a) => {
      const empty = SINGLE_VALUED.filter((k) => a[k] === "");
      if (empty.length > 0) return tr(lang, `Tom sökväg eller tomt värde: ${empty.map((k) => `--${k}`).join(", ")}`, `Empty path or value: ${empty.map((k) => `--${k}`).join(", ")}`);
      const twice = SINGLE_VALUED.filter((k) => Array.isArray(a[k]));
      if (twice.length === 0) return true;
      return tr(lang, `Flaggan får bara anges en gång: ${twice.map((k) => `--${k}`).join(", ")}`, `The option may be given only once: ${twice.map((k) => `--${k}`).join(", ")}`);
    }, true)
    .command(
      "calculate",
      tr(lang, "beräkna flöden, nettopositioner och reglering för ett år", "compute flows, net positions and settlement for a year"),
      (y) =>
        y
          .option("tariff", { type: "string", demandOption: true, describe: tr(lang, "tariffil (JSON) eller ett år för en medföljande tariff, t.ex. 2025", "tariff file (JSON), or a year for a bundled tariff, e.g. 2025") })
          .option("consumption", { type: "string", demandOption: true, describe: tr(lang, "vårdkonsumtion (CSV, eller FIL.xlsx[#Blad])", "consumption (CSV, or FILE.xlsx[#Sheet])") })
          .option("population", { type: "string", describe: tr(lang, "befolkning (CSV eller FIL.xlsx[#Blad]); ersätter tariffens", "population (CSV or FILE.xlsx[#Sheet]); replaces the tariff's") })
          .option("json", { type: "string", describe: tr(lang, "skriv resultatet som JSON (vardavtal-result/1)", "write the result as JSON (vardavtal-result/1)") })
          .option("xlsx", { type: "string", describe: tr(lang, "skriv Excelrapporten (för controllers och RSL)", "write the Excel report (for controllers and RSL)") })
          .option("reader", {
            choices: ["auto", "fast", "general"] as const,
            default: "auto",
            describe: tr(
              lang,
              "hur konsumtionsfilen läses; resultatet blir detsamma: auto väljer själv (använd den), fast läser stora filer snabbare med datorns alla processorkärnor, general läser rad för rad (långsammare, samma fel och varningar)",
              "how the consumption file is read; the result is the same: auto chooses (use it), fast reads large files faster on all the computer's cores, general reads line by line (slower, same errors and warnings)",
            ),
          })
          .option("csv-dir", { type: "string", describe: tr(lang, "skriv flöden, nettopositioner, nyckel och verksamheter som CSV för Excel", "write flows, net positions, key and areas as CSV for Excel") })
          .option("through", {
            type: "string",
            describe: tr(
              lang,
              "prognos för helåret från raderna till och med detta datum (ÅÅÅÅ-MM-DD, t.ex. tertialets slut 2025-08-31): konsumtionen räknas upp med dagar i året / dagar hittills",
              "forecast for the whole year from the rows up to this date (YYYY-MM-DD, e.g. the tertial's end 2025-08-31): consumption is scaled by days in the year / days so far",
            ),
          })
          .option("set", {
            // not `array: true`: that takes every following word, a positional too; a repeated --set still gives a list
            type: "string",
            describe: tr(
              lang,
              "scenario: ersätt ett värde i tariffen, SÖKVÄG=VÄRDE (kan upprepas), t.ex. fixedShare=0.60, solidarity.RCC.amount=19000000, key.basis=fixed, key.shares.RJL=0.34, references.RÖ>RJL.amount=…",
              "scenario: replace a tariff value, PATH=VALUE (repeatable), e.g. fixedShare=0.60, solidarity.RCC.amount=19000000, key.basis=fixed, key.shares.RJL=0.34, references.RÖ>RJL.amount=…",
            ),
          })
          .option("scenario", { type: "string", describe: tr(lang, "scenario: en JSON-fil med de värden i tariffen som ändras (JSON merge patch, RFC 7386)", "scenario: a JSON file of the tariff values that change (JSON merge patch, RFC 7386)") })
          .option("baseline", {
            type: "boolean",
            default: false,
            describe: tr(
              lang,
              "med --set/--scenario: räkna även tariffen som den är och skriv jämförelsen bredvid scenariot (X.json → X-jamforelse.json, X.xlsx → X-jamforelse.xlsx, comparison-*.csv i --csv-dir)",
              "with --set/--scenario: compute the tariff as it stands too and write the comparison next to the scenario (X.json → X-jamforelse.json, X.xlsx → X-jamforelse.xlsx, comparison-*.csv in --csv-dir)",
            ),
          })
          .check((a) => (a.baseline && setArgs(a.set).length === 0 && a.scenario === undefined ? tr(lang, "--baseline kräver --set eller --scenario", "--baseline needs --set or --scenario") : true))
          .example("$0 calculate --tariff 2025 --consumption konsumtion.csv --json resultat.json --xlsx rapport.xlsx", tr(lang, "årets resultat med Excelrapport", "the year's result with the Excel report"))
          .example("$0 calculate --tariff 2025 --consumption konsumtion.csv --through 2025-08-31 --json prognos.json", tr(lang, "prognos efter andra tertialet", "forecast after the second tertial"))
          .example("$0 calculate --tariff tariff-2025.json --consumption konsumtion.csv --population befolkning.csv --csv-dir ut", tr(lang, "egen tariff, befolkning från SCB, CSV-filer för Excel", "own tariff, population from SCB, CSV files for Excel"))
          .example("$0 calculate --tariff 2025 --consumption konsumtion.csv --set fixedShare=0.60 --baseline --json scenario.json", tr(lang, "scenario 60/40 i stället för 65/35, med jämförelse mot tariffen", "a 60/40 scenario instead of 65/35, compared with the tariff"))
          .epilog(consumptionColumnsHelp(lang)),
      async (a) => {
        await runCalculate(
          { tariff: a.tariff, consumption: a.consumption, population: a.population, json: a.json, xlsx: a.xlsx, csvDir: a["csv-dir"], reader: a.reader as CalculateArgs["reader"], through: a.through, strict: a.strict as boolean, set: setArgs(a.set), scenario: a.scenario, baseline: a.baseline },
          io,
          lang,
        );
      },
    )
    .command(
      "acconto",
      tr(lang, "a conto-plan för ett år: årsbelopp och tolv månadsdelar per betalare, mottagare och komponent", "a-conto plan for a year: annual amounts and twelve monthly parts per payer, payee and component"),
      (y) =>
        y
          .option("tariff", { type: "string", demandOption: true, describe: tr(lang, "tariffil eller år", "tariff file or year") })
          .option("population", { type: "string", describe: tr(lang, "befolkning (CSV eller FIL.xlsx[#Blad]); ersätter tariffens", "population (CSV or FILE.xlsx[#Sheet]); replaces the tariff's") })
          .option("variable", { type: "boolean", default: true, describe: tr(lang, "ta med rörlig ersättning a conto, (1 − fast andel) × referensbelopp; --no-variable utelämnar den", "include a variable a conto, (1 − fixed share) × reference amount; --no-variable leaves it out") })
          .option("json", { type: "string", describe: tr(lang, "skriv planen som JSON (vardavtal-acconto/1)", "write the plan as JSON (vardavtal-acconto/1)") })
          .option("csv-dir", { type: "string", describe: tr(lang, "skriv planen som CSV för Excel (rader, netto per månad, betalningar)", "write the plan as CSV for Excel (lines, net per month, payments)") })
          .option("xlsx", { type: "string", describe: tr(lang, "skriv faktureringsunderlaget a conto som Excelarbetsbok (ett blad per betalande region)", "write the a-conto invoicing basis as an Excel workbook (one sheet per paying region)") })
          .option("ledger-dir", { type: "string", describe: tr(lang, "skriv bokföringsunderlag: en CSV per part (bokforing-RKL-2026.csv), en rad per månad, motpart och komponent", "write ledger lines: one CSV per party (bokforing-RKL-2026.csv), one line per month, counterparty and component") })
          .example("$0 acconto --tariff 2026 --json acconto-2026.json --csv-dir acconto-2026", "")
          .example("$0 acconto --tariff 2026 --xlsx acconto-2026.xlsx", ""),
      async (a) => {
        await (await commands.acconto()).accontoCommand({ tariff: a.tariff, population: a.population, variable: a.variable, json: a.json, csvDir: a["csv-dir"], xlsx: a.xlsx, ledgerDir: a["ledger-dir"], strict: a.strict as boolean }, io, lang);
      },
    )
    .command(
      "settle",
      tr(lang, "slutreglering per motpart: årets resultat mot det som betalats (a conto-planen, betalningar, en tidigare slutreglering)", "settlement per counterparty: the year's result against what was paid (the a-conto plan, payments, an earlier settlement)"),
      (y) =>
        y
          .option("result", { type: "string", demandOption: true, describe: tr(lang, "årets resultat (calculate --json); en prognos bara med --forecast", "the year's result (calculate --json); a forecast only with --forecast") })
          .option("paid", {
            // not `array: true` (that takes every following word); a repeated --paid still gives a list
            type: "string",
            demandOption: true,
            describe: tr(
              lang,
              "betalat (kan upprepas): a conto-planen (acconto --json, \"betalt enligt plan\"), en CSV eller FIL.xlsx[#Blad] med betalare; mottagare; belopp [; datum; avser; år] eller en tidigare slutreglering av samma år (settle --json, efterreglering)",
              "paid (repeatable): the a-conto plan (acconto --json, \"paid as planned\"), a CSV or FILE.xlsx[#Sheet] of payer; payee; amount [; date; note; year] or an earlier settlement of the same year (settle --json, a correction)",
            ),
          })
          .option("forecast", { type: "boolean", default: false, describe: tr(lang, "resultatet är en prognos (calculate --through): gör en PROGNOS för slutregleringen", "the result is a forecast (calculate --through): make a FORECAST of the final settlement") })
          .option("unit-price", { type: "string", choices: ["invoiced", "unpaid"], describe: tr(lang, "styckpris: invoiced = fakturerat löpande, räknas som betalt (standard när bara planer och slutregleringar anges); unpaid = betalt enligt källorna (standard med betalningsfil)", "unit price: invoiced = invoiced as given, counts as paid (default with only plans and settlements); unpaid = paid as the sources say (default with a payments file)") })
          .option("ledger-dir", { type: "string", describe: tr(lang, "skriv bokföringsunderlag för slutregleringen: en CSV per part, en rad per motpart och komponent", "write ledger lines of the settlement: one CSV per party, one line per counterparty and component") })
          .option("tariff", { type: "string", describe: tr(lang, "årets tariff (fil eller år): konton, motpartskoder och beslut till bokföringsunderlaget", "the year's tariff (file or year): accounts, counterparty codes and decision for the ledger lines") })
          .option("json", { type: "string", describe: tr(lang, "skriv slutregleringen som JSON (vardavtal-settlement/1)", "write the settlement as JSON (vardavtal-settlement/1)") })
          .option("csv-dir", { type: "string", describe: tr(lang, "skriv slutregleringen som CSV för Excel", "write the settlement as CSV for Excel") })
          .option("xlsx", { type: "string", describe: tr(lang, "skriv slutregleringen som Excelarbetsbok", "write the settlement as an Excel workbook") })
          .example("$0 settle --result resultat-2025.json --paid acconto-2025.json --json slutreglering-2025.json", "")
          .example("$0 settle --result resultat-2025.json --paid betalningar-2025.csv --xlsx slutreglering-2025.xlsx", "")
          .example("$0 settle --result resultat-2025.json --paid acconto-2025.json --paid extra-betalningar-2025.csv --ledger-dir bokforing", "")
          .example("$0 settle --result prognos-2025-08.json --paid acconto-2025.json --forecast --xlsx prognos-slutreglering.xlsx", ""),
      async (a) => {
        await (await commands.settle()).settleCommand(
          { result: a.result, paid: setArgs(a.paid), forecast: a.forecast, unitPrice: a["unit-price"] as "invoiced" | "unpaid" | undefined, json: a.json, csvDir: a["csv-dir"], xlsx: a.xlsx, ledgerDir: a["ledger-dir"], tariff: a.tariff, strict: a.strict as boolean },
          io,
          lang,
        );
      },
    )
    .command(
      "propose",
      tr(lang, "förslag till nästa års tariff: referensbelopp ur tidigare års resultat, uppräknade med index", "a proposal for next year's tariff: reference amounts from earlier years' results, uprated by an index"),
      (y) =>
        y
          .option("tariff", { type: "string", demandOption: true, describe: tr(lang, "årets tariff (fil eller år); förslaget gäller året efter", "this year's tariff (file or year); the proposal is for the year after") })
          .option("results", { type: "string", array: true, demandOption: true, describe: tr(lang, "resultat för basåren (calculate --json), ett eller flera", "results of the base years (calculate --json), one or more") })
          .option("index", { type: "string", array: true, default: [], describe: tr(lang, "index per år, ÅR=PROCENT (t.ex. LPIK: --index 2025=3,1); ett för varje år efter basåren till och med nästa år", "an index per year, YEAR=PERCENT (e.g. LPIK: --index 2025=3.1); one for each year after the base years through next year") })
          .option("population", { type: "string", describe: tr(lang, "nästa års befolkning (CSV eller FIL.xlsx[#Blad]); dess datum blir nyckelns datum", "next year's population (CSV or FILE.xlsx[#Sheet]); its date becomes the key's date") })
          .option("round-to", { type: "number", describe: tr(lang, "avrunda referensbeloppen till en multipel av detta belopp i kr (standard 0,01; 1000 är vanligt)", "round the reference amounts to a multiple of this amount in SEK (default 0.01; 1000 is common)") })
          .option("out", { type: "string", demandOption: true, describe: tr(lang, "den nya tariffilen (JSON, \"status\": \"proposal\")", "the new tariff file (JSON, \"status\": \"proposal\")") })
          .option("xlsx", { type: "string", describe: tr(lang, "skriv härledningen som Excelarbetsbok (index, referensbelopp, priser och budgetar, budgeterad avräkning)", "write the derivation as an Excel workbook (index, reference amounts, prices and budgets, budgeted settlement)") })
          .example("$0 propose --tariff 2025 --results resultat-2023.json resultat-2024.json --index 2024=2,9 --index 2025=3,1 --index 2026=2,8 --round-to 1000 --out tariff-2026-forslag.json", ""),
      async (a) => {
        await (await commands.propose()).proposeCommand({ tariff: a.tariff, results: a.results as string[], index: (a.index as string[]).map(String), population: a.population, roundTo: rawOptionValue(argv, "--round-to"), out: a.out, xlsx: a.xlsx, strict: a.strict as boolean }, io, lang);
      },
    )
    .command(
      "compare <a> <b>",
      tr(lang, "jämför två resultat (två år, ett scenario mot beslutet, en prognos mot utfallet): nettopositioner, komponenter, flöden och förändringen uppdelad i effekter", "compare two results (two years, a scenario against the decision, a forecast against the outcome): net positions, components, flows and the change split into effects"),
      (y) =>
        y
          .positional("a", { type: "string", demandOption: true, describe: tr(lang, "resultat A (calculate --json), t.ex. förra året", "result A (calculate --json), e.g. last year") })
          .positional("b", { type: "string", demandOption: true, describe: tr(lang, "resultat B, t.ex. i år; förändring = B − A", "result B, e.g. this year; change = B − A") })
          .option("json", { type: "string", describe: tr(lang, "skriv jämförelsen som JSON (vardavtal-comparison/1)", "write the comparison as JSON (vardavtal-comparison/1)") })
          .option("csv-dir", { type: "string", describe: tr(lang, "skriv jämförelsen som CSV för Excel", "write the comparison as CSV for Excel") })
          .option("xlsx", { type: "string", describe: tr(lang, "skriv jämförelsen som Excelarbetsbok (skillnaderna som formler, störst förändring överst)", "write the comparison as an Excel workbook (differences as formulas, largest change first)") })
          .example("$0 compare resultat-2024.json resultat-2025.json --xlsx jamforelse.xlsx", ""),
      async (a) => {
        await (await commands.compare()).compareCommand({ a: String(a.a), b: String(a.b), json: a.json, csvDir: a["csv-dir"], xlsx: a.xlsx, strict: a.strict as boolean }, io, lang);
      },
    )
    .command(
      "overview",
      tr(lang, "året på en sida för ekonomidirektören: a conto-planens netto, varje prognos, utfallet och det som är kvar att reglera, per region i Mkr", "the year on one page for the finance director: the a-conto plan's net, each forecast, the outcome and what remains to settle, per region in SEK m"),
      (y) =>
        y
          .option("plan", { type: "string", demandOption: true, describe: tr(lang, "a conto-planen (acconto --json)", "the a-conto plan (acconto --json)") })
          .option("forecast", { type: "string", array: true, describe: tr(lang, "en prognos (calculate --through … --json); kan upprepas, en per tertial", "a forecast (calculate --through … --json); may be repeated, one per tertial") })
          .option("result", { type: "string", describe: tr(lang, "årets utfall (calculate --json, utan --through)", "the year's outcome (calculate --json, without --through)") })
          .option("settlement", { type: "string", describe: tr(lang, "slutregleringen (settle --json): det som är kvar att reglera", "the settlement (settle --json): what remains to settle") })
          .option("json", { type: "string", describe: tr(lang, "skriv översikten som JSON (vardavtal-overview/1)", "write the overview as JSON (vardavtal-overview/1)") })
          .option("xlsx", { type: "string", describe: tr(lang, "skriv översikten som Excelarbetsbok: en A4-sida liggande i Mkr med stapeldiagram, exakta kronor på blad två", "write the overview as an Excel workbook: one A4 page in landscape in SEK m with bar charts, exact kronor on sheet two") })
          .example("$0 overview --plan acconto-2025.json --forecast prognos-2025-04.json --forecast prognos-2025-08.json --result resultat-2025.json --settlement slutreglering-2025.json --xlsx oversikt-2025.xlsx", tr(lang, "hela året: plan, två tertialprognoser, utfall och slutreglering", "the whole year: plan, two tertial forecasts, outcome and settlement"))
          .example("$0 overview --plan acconto-2025.json --forecast prognos-2025-04.json --json oversikt.json", tr(lang, "mitt i året: planen mot första tertialets prognos", "mid-year: the plan against the first tertial's forecast")),
      async (a) => {
        exitCode = await (await commands.overview()).overviewCommand({ plan: a.plan, forecast: (a.forecast as string[] | undefined)?.map(String), result: a.result, settlement: a.settlement, json: a.json, xlsx: a.xlsx }, io, lang);
      },
    )
    .command(
      "explain <flow>",
      tr(lang, "visa varifrån ett belopp kommer: raderna, poängpriserna, regeln, andelen, det exakta värdet och avrundningen, med tariffens källor", "show where a figure comes from: the rows, point prices, rule, share, exact value and rounding, with the tariff's sources"),
      (y) =>
        y
          .positional("flow", { type: "string", demandOption: true, describe: tr(lang, "beloppet: \"BETALARE>MOTTAGARE KOMPONENT [AVSER]\" eller \"netto PART\", komponenten som rapporterna skriver den, t.ex. \"RJL>RÖ rörlig\", \"RKL>RÖ solidarisk finansiering RCC\", \"netto RKL\"", "the figure: \"PAYER>PAYEE COMPONENT [LABEL]\" or \"net PARTY\", e.g. \"RJL>RÖ variable\", \"RKL>RÖ solidarity RCC\", \"net RKL\"") })
          .option("tariff", { type: "string", demandOption: true, describe: tr(lang, "tariffil eller år", "tariff file or year") })
          .option("consumption", { type: "string", demandOption: true, describe: tr(lang, "vårdkonsumtion (CSV, eller FIL.xlsx[#Blad])", "consumption (CSV, or FILE.xlsx[#Sheet])") })
          .option("population", { type: "string", describe: tr(lang, "befolkning (CSV eller FIL.xlsx[#Blad]); ersätter tariffens", "population (CSV or FILE.xlsx[#Sheet]); replaces the tariff's") })
          .option("through", { type: "string", describe: tr(lang, "prognos t.o.m. detta datum", "forecast through this date") })
          .option("set", { type: "string", describe: tr(lang, "scenario: SÖKVÄG=VÄRDE (kan upprepas), som för calculate", "scenario: PATH=VALUE, as for calculate") })
          .option("scenario", { type: "string", describe: tr(lang, "scenario: JSON merge patch, som för calculate", "scenario: JSON merge patch, as for calculate") })
          .option("json", { type: "string", describe: tr(lang, "skriv förklaringen som JSON (vardavtal-explanation/1)", "write the explanation as JSON (vardavtal-explanation/1)") })
          .example(tr(lang, "$0 explain --tariff 2025 --consumption konsumtion.csv \"RJL>RÖ rörlig\"", "$0 explain --tariff 2025 --consumption konsumtion.csv \"RJL>RÖ variable\""), ""),
      async (a) => {
        await (await commands.explain()).explainCommand({ tariff: a.tariff, consumption: a.consumption, population: a.population, through: a.through, set: setArgs(a.set), scenario: a.scenario, flow: String(a.flow), json: a.json, strict: a.strict as boolean }, io, lang);
      },
    )
    .command(
      "key",
      tr(lang, "visa fördelningsnyckeln för en tariff", "show the distribution key of a tariff"),
      (y) =>
        y
          .option("tariff", { type: "string", demandOption: true, describe: tr(lang, "tariffil eller år", "tariff file or year") })
          .option("population", { type: "string", describe: tr(lang, "befolkning (CSV eller FIL.xlsx[#Blad]); ersätter tariffens", "population (CSV or FILE.xlsx[#Sheet]); replaces the tariff's") })
          .option("amount", { type: "number", default: 1000000, describe: tr(lang, "belopp att fördela som exempel, i kronor (t.ex. 18000000 eller 18000000,50)", "amount to split as an example, in SEK (e.g. 18000000 or 18000000.50)") })
          .example("$0 key --tariff 2025", tr(lang, "nyckeln för 2025 och hur 1 000 000 kr fördelas", "the key of 2025 and how SEK 1,000,000 is split"))
          .example("$0 key --tariff 2025 --amount 18000000 --population befolkning.csv", tr(lang, "hur RCC:s budget fördelas med en ny befolkning", "how RCC's budget is split by a new population")),
      async (a) => {
        await (await commands.key()).keyCommand({ tariff: a.tariff, population: a.population, amount: rawOptionValue(argv, "--amount") ?? "1000000", strict: a.strict as boolean }, io, lang);
      },
    )
    .command(
      "check-key",
      tr(lang, "kontrollera att gemensamma kostnader burits enligt fördelningsnyckeln (RSL au)", "check that joint costs were carried by the distribution key (RSL au)"),
      (y) =>
        y
          .option("tariff", { type: "string", demandOption: true, describe: tr(lang, "tariffil eller år", "tariff file or year") })
          .option("costs", { type: "string", demandOption: true, describe: tr(lang, "gemensamma kostnader (CSV eller FIL.xlsx[#Blad]: post; part; belopp)", "joint costs (CSV or FILE.xlsx[#Sheet]: item; party; amount)") })
          .option("population", { type: "string", describe: tr(lang, "befolkning (CSV eller FIL.xlsx[#Blad]); ersätter tariffens", "population (CSV or FILE.xlsx[#Sheet]); replaces the tariff's") })
          .option("tolerance", { type: "number", default: Number(DEFAULT_TOLERANCE) / 100, describe: tr(lang, "tillåten avvikelse i kronor per part och post, t.ex. 0 eller 1000; standard 1 kr, så att avrundning på några öre inte räknas som avvikelse", "allowed deviation in SEK per party and item, e.g. 0 or 1000; default SEK 1, so that rounding by a few öre is no deviation") })
          .option("json", { type: "string", describe: tr(lang, "skriv resultatet som JSON (vardavtal-keycheck/1)", "write the result as JSON (vardavtal-keycheck/1)") })
          .option("xlsx", { type: "string", describe: tr(lang, "skriv kontrollen som Excelarbetsbok", "write the check as an Excel workbook") })
          .example("$0 check-key --tariff 2025 --costs gemensamma-kostnader-2025.csv --tolerance 1", tr(lang, "kontrollera årets gemensamma kostnader med 1 kr tolerans", "check the year's joint costs with a tolerance of SEK 1"))
          .example("$0 check-key --tariff 2025 --costs kostnader.csv --xlsx kontroll.xlsx --json kontroll.json", tr(lang, "kontrollen som arbetsbok och JSON", "the check as a workbook and JSON"))
          .epilog(tr(lang, "Avslutas med kod 1 när någon avvikelse är större än toleransen, 0 när alla håller.", "Exits with code 1 when a deviation is above the tolerance, 0 when all hold.")),
      async (a) => {
        exitCode = await (await commands.checkKey()).checkKeyCommand({ tariff: a.tariff, costs: a.costs, population: a.population, tolerance: rawOptionValue(argv, "--tolerance") ?? formatOre(DEFAULT_TOLERANCE), json: a.json, xlsx: a.xlsx, strict: a.strict as boolean }, io, lang);
      },
    )
    .command(
      "check-tariff",
      tr(lang, "kontrollera en tariffil och visa vad den innehåller (parter, nyckel, referensbelopp, regler, budgetar, status)", "validate a tariff file and show what it holds (parties, key, reference amounts, rules, budgets, status)"),
      (y) =>
        y
          .option("tariff", { type: "string", demandOption: true, describe: tr(lang, "tariffil (JSON) eller ett år för en medföljande tariff", "tariff file (JSON), or a year for a bundled tariff") })
          .option("write-schema", {
            type: "string",
            describe: tr(
              lang,
              `skriv JSON-schemat (${loaded().TARIFF_SCHEMA_FILE}) i denna mapp, bredvid en kopierad tariff, så att "$schema" i tariffen fungerar i editorn`,
              `write the JSON Schema (${loaded().TARIFF_SCHEMA_FILE}) into this folder, beside a copied tariff, so that the tariff's "$schema" works in an editor`,
            ),
          })
          .example("$0 check-tariff --tariff 2025", tr(lang, "visa den medföljande tariffen för 2025", "show the bundled tariff of 2025"))
          .example("$0 check-tariff --tariff min-tariff-2026.json --write-schema .", tr(lang, "kontrollera en egen tariff och lägg schemat bredvid den", "check your own tariff and put the schema beside it"))
          .epilog(tr(lang, "Avslutas med kod 0 när tariffen är giltig, 2 när den har fel (alla fel listas med rad och kolumn).", "Exits with code 0 when the tariff is valid, 2 when it has errors (all are listed with line and column).")),
      async (a) => {
        await (await commands.checkTariff()).checkTariffCommand({ tariff: a.tariff, writeSchema: a["write-schema"], strict: a.strict as boolean }, io, lang);
      },
    )
    .command(
      "demo",
      tr(lang, "räkna det medföljande exempelåret 2025 från början till slut", "run the bundled example year 2025 end to end"),
      (y) =>
        y
          .option("out", { type: "string", default: "vardavtal-demo", describe: tr(lang, "mapp för resultaten", "folder for the results") })
          .example("$0 demo", tr(lang, "räkna exempelåret och skriv rapporter, a conto-plan, slutreglering och förslag i ./vardavtal-demo", "run the example year and write reports, a-conto plan, settlement and proposal into ./vardavtal-demo"))
          .example("$0 demo --out demo-en --lang en", tr(lang, "samma på engelska", "the same in English")),
      async (a) => {
        const out = resolve(a.out);
        await runCalculate(
          {
            tariff: "2025",
            consumption: (await import("../node/example.js")).writeExampleConsumption(out, lang), // generated, not shipped
            json: join(out, "resultat-2025.json"),
            csvDir: join(out, "csv"),
            xlsx: join(out, "rapport-2025.xlsx"),
            strict: a.strict as boolean,
            labels: { json: "--out", csvDir: "--out", xlsx: "--out" },
            dirs: [{ option: "--out", path: out }],
          },
          io,
          lang,
        );
        // The rest of the year, from the same example: the a-conto plan for 2025 (the invoicing
        // basis), the final settlement of the year as if paid as planned, and a proposal for 2026 from the year's result, an illustrative index (2,8 %) and
        // SCB's population per 2024-12-31. Their tables are in the files; only "Skrev …" is printed.
        const quiet: Io = { ...io, stdout: () => undefined };
        // The ledger lines (one CSV per party) of the a-conto months and of the settlement, each in its own folder.
        await (await commands.acconto()).accontoCommand({ tariff: "2025", variable: true, json: join(out, "acconto-2025.json"), xlsx: join(out, "acconto-2025.xlsx"), ledgerDir: join(out, "bokforing", "acconto"), strict: a.strict as boolean }, quiet, lang);
        await (await commands.settle()).settleCommand({ result: join(out, "resultat-2025.json"), paid: [join(out, "acconto-2025.json")], tariff: "2025", json: join(out, "slutreglering-2025.json"), xlsx: join(out, "slutreglering-2025.xlsx"), ledgerDir: join(out, "bokforing", "slutreglering"), strict: a.strict as boolean }, quiet, lang);
        // the year on one page: the plan, the forecast after the second tertial, the outcome, the settlement
        await runCalculate({ tariff: "2025", consumption: join(out, "konsumtion-2025.csv"), through: "2025-08-31", json: join(out, "prognos-2025-08.json"), strict: a.strict as boolean, labels: { json: "--out" }, dirs: [{ option: "--out", path: out }] }, quiet, lang);
        await (await commands.overview()).overviewCommand({ plan: join(out, "acconto-2025.json"), forecast: [join(out, "prognos-2025-08.json")], result: join(out, "resultat-2025.json"), settlement: join(out, "slutreglering-2025.json"), json: join(out, "oversikt-2025.json"), xlsx: join(out, "oversikt-2025.xlsx") }, quiet, lang);
        await (await commands.propose()).proposeCommand(
          {
            tariff: "2025",
            results: [join(out, "resultat-2025.json")],
            index: ["2026=2,8"],
            population: join(loaded().EXAMPLES_DIR, "2025", "befolkning-2024-12-31.csv"),
            roundTo: "1000",
            out: join(out, "forslag-2026.json"),
            strict: a.strict as boolean,
          },
          quiet,
          lang,
        );
      },
    )
    .demandCommand(1)
    .recommendCommands()
    .strict()
    .help()
    .alias("h", "help")
    .version(PACKAGE_VERSION)
    .wrap(helpWidth())
    .exitProcess(false)
    .fail((msg, err) => {
      if (err && typeof err !== "string") throw err; // a check that returned a message passes it as err
      // Usage errors in the usual layout too, so that tools reading stderr see every error alike.
      // "Menade du calculate?" alone does not say what was wrong: name the unknown command first.
      const first = argv.find((x) => !x.startsWith("-"));
      const missingPositional = /^(Not enough non-option arguments|Ett kommando behövs)/.test(msg ?? "");
      const positionalNeeded: Record<string, string> = {
        compare: t(lang, "usage_compare_needs"),
        explain: t(lang, "usage_explain_needs"),
      };
      // An unknown flag first: `--tarif` is a typo, and "tariff is missing" would point elsewhere.
      const options = (cli as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]>; boolean: string[] } }).getOptions();
      // only once a command's options are known (without a command, say that one is needed)
      const commandKnown = Object.keys(options.key).some((k) => !["lang", "strict", "all-errors", "help", "version"].includes(k));
      const unknown = commandKnown ? unknownFlags(argv, acceptedNames(Object.keys(options.key), options.alias, options.boolean)) : [];
      const unknownText = unknown
        .map((u) => (u.suggestion ? tr(lang, `okänd flagga --${u.flag}, menade du --${u.suggestion}?`, `unknown option --${u.flag}, did you mean --${u.suggestion}?`) : tr(lang, `okänd flagga --${u.flag}`, `unknown option --${u.flag}`)))
        .join("; ");
      const message =
        unknown.length > 0 ? unknownText : missingPositional && first && positionalNeeded[first] ? positionalNeeded[first] : /^(Menade du|Did you mean) /.test(msg ?? "") && first ? `${tr(lang, `okänt kommando "${first}"`, `unknown command "${first}"`)}. ${msg}` : msg;
      io.stderr(renderDiagnostic({ severity: "error", code: "USAGE", params: { message }, file: "vardavtal", line: 1, column: 1 }, lang) + "\n");
      exitCode = EXIT.input;
      throw new Exit(EXIT.input);
    });
  if (lang === "sv") cli.updateStrings(SV_STRINGS as Record<string, string>);
  // yargs lays out a command's whole help text as it starts the command, in case the command asks
  // for it later. None of ours does (--help is laid out when asked for), and on a large file that
  // layout is time the reading waits for.
  const usage = (cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === "function") usage.cacheHelpMessage = () => undefined;
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof InputError) {
      printDiagnostics(e, io, lang, argv.includes("--all-errors"));
      return EXIT.input;
    }
    if (heavy && (e instanceof heavy.InvariantError || e instanceof heavy.ComparisonInvariantError)) {
      io.stderr(t(lang, "internal_error", { message: e.message }) + "\n");
      return EXIT.internal;
    }
    throw e;
  }
  return exitCode;
}

function defaultIo(): Io {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTty: Boolean(process.stderr.isTTY),
  };
}
