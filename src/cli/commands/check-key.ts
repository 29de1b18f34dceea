/** `vardavtal check-key`: joint costs against the decided key (RSL au). */
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { checkKey } from "../../core/year/keycheck.js";
import { resolveKey } from "../../core/model/key.js";
import type { Lang } from "../../text/messages.js";
import { csvInfoToInput } from "../../read/inputs.js";
import { readCostsFile } from "../../node/table-files.js";
import { type PendingFile } from "../../render/format.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs, type PathArg } from "../../node/outputs.js";
import { packageVersion } from "../../node/paths.js";
import { loadPopulationArg, loadTariffArg } from "../../node/run.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { moneyOption } from "../../read/options.js";
import { loadXlsx } from "../load-xlsx.js";
import { keyCheckToJson } from "../../contracts/keycheck.js";
import { renderDiagnostic } from "../../text/diagnostics.js";
import { keyCheckText } from "../../render/text/keycheck.js";

export interface CheckKeyArgs {
  tariff: string;
  costs: string;
  population?: string;
  tolerance: string;
  json?: string;
  xlsx?: string;
  /** --strict: warnings are errors */
  strict?: boolean;
}

/** Returns the exit code: 1 when a deviation is above the tolerance, else 0. */
export async function checkKeyCommand(args: CheckKeyArgs, io: Io, lang: Lang): Promise<number> {
  const inputs: PathArg[] = [
    ...tariffInput(args.tariff),
    { option: "--costs", path: args.costs },
    ...(args.population ? [{ option: "--population", path: args.population }] : []),
  ];
  const outputs: PathArg[] = [...(args.xlsx ? [{ option: "--xlsx", path: args.xlsx }] : []), ...(args.json ? [{ option: "--json", path: args.json }] : [])];
  // Before anything is read: an output must not overwrite an input, nor be a folder or a device.
  assertOutputPaths({ inputs, files: outputs }, lang);
  const bag = new DiagnosticBag();
  const loaded = await loadTariffArg(args.tariff, bag);
  const pop = await loadPopulationArg(args.population, bag);
  // a negative tolerance is an error; above MAX_INPUT_ORE too (the same in every output mode)
  const tol = moneyOption(args.tolerance, "--tolerance", bag, { negative: false });
  const costs = await readCostsFile(args.costs, bag);
  // Every problem in one run: the rows that could be read are still checked for unknown parties.
  const key = loaded ? resolveKey(loaded.tariff, pop.population, bag) : undefined;
  const result = loaded && key && tol !== undefined ? checkKey(loaded.tariff, key, costs.rows, tol, bag, costs.info.file) : undefined;
  bag.throwIfErrors();
  if (!result || !loaded) return 2;
  const warnings = [...loaded.tariff.warnings, ...bag.warnings];
  if (args.strict) failOnWarnings(warnings);
  if (result.checks.some((c) => !c.holds)) throw new Error(`key check failed its own invariants: ${JSON.stringify(result.checks.filter((c) => !c.holds))}`);

  const inputInfos = [loaded.info, csvInfoToInput("costs", costs.info), ...(pop.info ? [pop.info] : [])];
  const files: PendingFile[] = [];
  if (args.xlsx) {
    const { keyCheckWorkbook } = await loadXlsx(); // exceljs loads only when a workbook is asked for
    files.push({ path: args.xlsx, option: "--xlsx", data: await keyCheckWorkbook(result, { lang, inputs: inputInfos, version: packageVersion() }) });
  }
  if (args.json) files.push({ path: args.json, option: "--json", data: JSON.stringify(keyCheckToJson(result, { tool: { name: "vardavtal", version: packageVersion() }, inputs: inputInfos }), null, 2) + "\n" });
  writeOutputs(files, inputs, [], lang);
  io.stdout(keyCheckText(result, lang));
  for (const w of warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
  for (const f of files) io.stderr(t(lang, "written", { file: f.path }) + "\n");
  return result.exceeded ? 1 : 0;
}

