/**
 * The year's overview as text (what `vardavtal overview` prints) and its unit: million kronor
 * (Mkr) with one decimal, rounded half away from zero from the exact öre.
 */
import { roundHalfAwayFromZero } from "../../core/model/decimal.js";
import type { Overview } from "../../core/year/overview.js";
import type { Lang } from "../../text/messages.js";
import { decisionText, dw } from "../../text/decided-words.js";
import { textTable } from "../format.js";
import { draftLines } from "../labels.js";

/** Öre per tenth of a million kronor. */
const ORE_PER_TENTH_MKR = 10_000_000n;

/** Öre in tenths of a Mkr, rounded half away from zero (the one decimal the overview shows). */
export function mkrTenths(ore: bigint): bigint {
  return roundHalfAwayFromZero(ore, ORE_PER_TENTH_MKR);
}

/** Öre as Mkr with one decimal, as text: "-564,7" (sv, with a space between thousands) or "-564.7" (en). */
export function mkrText(ore: bigint, lang: Lang): string {
  const t = mkrTenths(ore);
  const neg = t < 0n;
  const digits = (neg ? -t : t).toString().padStart(2, "0");
  const int = digits.slice(0, -1).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",");
  return `${neg ? "-" : ""}${int}${lang === "sv" ? "," : "."}${digits.slice(-1)}`;
}

/** Öre as the Mkr cell number with one decimal (exact in a double: at most 15 significant digits). */
export function mkrNumber(ore: bigint): number {
  const t = mkrTenths(ore);
  return Number(t) / 10;
}

/** The rows of the overview, per party: the measures shown, each with its label and amounts (öre). */
export function overviewRows(o: Overview, lang: Lang): { key: "plan" | "forecast" | "outcome" | "remaining"; label: string; amounts: bigint[] | undefined }[] {
  // a forecast or outcome that is a scenario is labelled so wherever it is shown
  const marked = (label: string, scenario: boolean): string => (scenario ? dw(lang, "scenarioMark", { label }) : label);
  const isScenario = (kind: string, file?: string): boolean => o.sources.some((s) => s.kind === kind && (file === undefined || s.file === file) && s.scenario !== undefined);
  return [
    { key: "plan", label: dw(lang, "plan"), amounts: o.plan },
    ...o.forecasts.map((f) => ({ key: "forecast" as const, label: marked(dw(lang, "forecast", { through: f.through }), isScenario("forecast", f.file)), amounts: f.net })),
    { key: "outcome", label: marked(dw(lang, "outcome"), isScenario("result")), amounts: o.outcome },
    { key: "remaining", label: dw(lang, "remaining"), amounts: o.remaining },
  ];
}

/** One line per input that is a what-if scenario: which file, and what was set. */
export function overviewScenarioLines(o: Overview, lang: Lang): string[] {
  return o.sources.filter((s) => s.scenario !== undefined).map((s) => dw(lang, "scenarioLine", { file: s.file, list: (s.scenario ?? []).join("; ") }));
}

/** The summary printed on stdout: one column per measure, one row per party, in Mkr. */
export function overviewText(o: Overview, lang: Lang): string {
  const rows = overviewRows(o, lang);
  const out: string[] = [dw(lang, "textTitle", { year: o.year })];
  if (o.title !== undefined) out.push(o.title);
  out.push(...draftLines(o.tariffStatus, lang));
  out.push(decisionText(o.decision, lang));
  out.push(...overviewScenarioLines(o, lang), "");
  out.push(
    textTable(
      [[dw(lang, "region"), ...rows.map((r) => r.label)], ...o.parties.map((p, i) => [p, ...rows.map((r) => (r.amounts ? mkrText(r.amounts[i] ?? 0n, lang) : dw(lang, "missing")))])],
      [false, ...rows.map(() => true)],
    ),
  );
  return out.join("\n") + "\n";
}
