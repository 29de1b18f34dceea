/**
 * `vardavtal check-tariff`: validates a tariff and prints what it holds (status, parties, key,
 * fixed share, point prices, care rules, reference amounts, fixed-only amounts, solidarity
 * budgets, state grants, known areas). Exit 0 when it is valid, 2 with every error when not.
 * `--write-schema DIR` also writes the JSON Schema beside a user's tariff, so that its `$schema`
 * keeps working in an editor after the tariff was copied out of the package.
 */
import { join } from "node:path";
import type { Lang } from "../../text/messages.js";
import { TARIFF_SCHEMA_FILE } from "../../core/model/tariff-format.js";
import { DiagnosticBag } from "../../core/model/diagnostics.js";
import { assertOutputPaths, failOnWarnings, tariffInput, writeOutputs } from "../../node/outputs.js";
import { loadTariffArg } from "../../node/tariff-arg.js";
import { t } from "../../text/i18n.js";
import type { Io } from "../io.js";
import { renderDiagnostic } from "../../text/diagnostics.js";
import { describeTariff, tariffValidText } from "../../render/text/tariff.js";

export interface CheckTariffArgs {
  tariff: string;
  /** a folder to write the JSON Schema into (vardavtal-tariff-1.schema.json) */
  writeSchema?: string;
  strict?: boolean;
}

export async function checkTariffCommand(args: CheckTariffArgs, io: Io, lang: Lang): Promise<void> {
  const schemaPath = args.writeSchema ? join(args.writeSchema, TARIFF_SCHEMA_FILE) : undefined;
  const inputs = tariffInput(args.tariff);
  if (schemaPath) assertOutputPaths({ inputs, files: [{ option: "--write-schema", path: schemaPath }], dirs: [{ option: "--write-schema", path: args.writeSchema as string }] }, lang);
  const bag = new DiagnosticBag();
  const loaded = await loadTariffArg(args.tariff, bag);
  bag.throwIfErrors();
  if (!loaded) return;
  const tariff = loaded.tariff;
  if (args.strict) failOnWarnings(tariff.warnings);
  if (schemaPath) writeOutputs([{ path: schemaPath, option: "--write-schema", data: JSON.stringify((await import("../../contracts/tariff-json-schema.js")).tariffJsonSchema(), null, 2) + "\n" }], inputs, [{ option: "--write-schema", path: args.writeSchema as string }], lang);
  io.stdout(describeTariff(tariff, lang));
  for (const w of tariff.warnings) io.stderr(renderDiagnostic(w, lang) + "\n");
  io.stdout(tariffValidText(tariff, lang));
  if (schemaPath) io.stderr(t(lang, "written", { file: schemaPath }) + "\n");
}

