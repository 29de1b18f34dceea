/**
 * A proposal is written only when it passes the same validation as any tariff. Base results and
 * indexes that are each valid can still give amounts beyond the tariff's limits (a reference of
 * 10¹² kr or more): that is bad input, exit 2 with the first reason (PROPOSE_INVALID), never an
 * internal error.
 */
import { DiagnosticBag, InputError } from "../core/model/diagnostics.js";
import { loadTariff } from "../core/model/tariff.js";
import { messageText } from "../text/diagnostics.js";

/** Loads the proposal's tariff text as any tariff; its problems go to the bag as PROPOSE_INVALID. */
export function checkProposalTariff(text: string, file: string, bag: DiagnosticBag): boolean {
  try {
    loadTariff(text, file);
    return true;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const errors = e.diagnostics.filter((d) => d.severity === "error");
    const first = errors[0] ?? e.diagnostics[0];
    const reason = first ? { sv: messageText(first, "sv"), en: messageText(first, "en") } : { sv: "okänt fel", en: "unknown error" };
    bag.error("PROPOSE_INVALID", { count: Math.max(1, errors.length), reason }, { file: "--results", line: 1, column: 1 });
    return false;
  }
}
