/**
 * `vardavtal settle` over texts and bytes: the year's result read and checked (a forecast only
 * with `forecast`, never a scenario), every paid source read against it, then the settlement
 * and its warnings. The command line, the library's `settle` and the offline page all run this.
 * No `node:` import.
 */
import { InputError, type Diagnostic, type DiagnosticBag } from "../core/model/diagnostics.js";
import { finalSettlement, type Settlement, type UnitPriceMode } from "../core/year/settlement.js";
import { readResultJson, type ReadResult } from "../contracts/result-input.js";
import type { InputFileInfo } from "../contracts/result-json.js";
import { readPaidSources, type PaidSourceBytes, type PaidSourcesRead } from "./paid-sources.js";

/** What {@link settleRun} reads. */
export interface SettleRunInput {
  /** the year's result as `calculate --json` wrote it, with its name; undefined when it could not be read (the error is in the bag) */
  result: { name: string; text: string } | undefined;
  /** the paid sources: a-conto plans, payments CSV files, earlier settlements */
  paid: readonly PaidSourceBytes[];
  forecast?: boolean;
  unitPrice?: UnitPriceMode;
}

/** The settlement, the result it settles, the paid sources as read and the warnings (sorted by the caller). */
export interface SettleRun {
  settlement: Settlement;
  result: ReadResult;
  read: PaidSourcesRead;
  /** the paid sources' file records */
  infos: InputFileInfo[];
  warnings: Diagnostic[];
}

/** Reads everything first (every problem to the bag, thrown as one InputError), then settles. */
export async function settleRun(input: SettleRunInput, bag: DiagnosticBag): Promise<SettleRun> {
  const file = input.result?.name ?? "<result>";
  const result = input.result ? readResultJson(input.result.text, file, bag) : undefined;
  if (result?.forecastThrough !== undefined && !input.forecast) bag.error("SETTLE_FORECAST", { through: result.forecastThrough }, { file, line: 1, column: 1 });
  if (result?.scenario) bag.error("SETTLE_SCENARIO", {}, { file, line: 1, column: 1 });
  const read = result ? await readPaidSources(result, input.paid, bag) : undefined;
  bag.throwIfErrors();
  if (!result || !read) throw new InputError(bag.items);
  const first = input.paid[0]?.name;
  const settlement = finalSettlement(result, read.items, first ?? "<paid>", { sources: read.sources, forecast: input.forecast === true, ...(input.unitPrice ? { unitPrice: input.unitPrice } : {}) });
  for (const c of settlement.counterparties) {
    if (c.withoutFlow && c.paid !== 0n) bag.warning("PAYMENT_WITHOUT_FLOW", { payer: result.parties[c.paid > 0n ? c.a : c.b] ?? "", payee: result.parties[c.paid > 0n ? c.b : c.a] ?? "", amount: { ore: c.paid < 0n ? -c.paid : c.paid } }, { file: first ?? "", line: 1, column: 1 });
  }
  return { settlement, result, read, infos: read.infos, warnings: bag.warnings };
}
