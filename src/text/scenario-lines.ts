/** The lines every report of a scenario shows: that it is one, and what was set. */
import type { Lang } from "../core/model/codes.js";
import type { ScenarioRecord } from "../core/analysis/scenario-record.js";
import { decimalText } from "./diagnostics.js";
import { t } from "./catalogue.js";

/** Tariff values that are shares, shown as percentages ("0.65" → "65 %"). */
const SHARES = /^\$\.(fixedShare|key\.shares(\.[^.]+|\[[^\]]+\]))$/;

/** A decimal text times 100, exactly ("0.605" → "60.5"). */
function percentOf(text: string): string {
  const neg = text.startsWith("-");
  const [int = "0", frac = ""] = (neg ? text.slice(1) : text).split(".");
  const digits = `${int}${frac.padEnd(2, "0")}`;
  const cut = digits.length - Math.max(0, frac.length - 2);
  const whole = digits.slice(0, cut).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(cut);
  return `${neg ? "-" : ""}${whole}${rest ? `.${rest}` : ""}`;
}

/** A tariff value as a report shows it: numbers grouped, shares in per cent, text as it is. */
function valueText(value: unknown, share: boolean, lang: Lang): string {
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().replace(",", ".") : JSON.stringify(value);
  if (typeof value !== "object" && /^-?\d+(\.\d+)?$/.test(s)) return share ? `${decimalText(percentOf(s), lang)} %` : decimalText(s, lang);
  return typeof value === "string" ? value : s;
}

/** What one --set changed, in words: "Fast andel ändrad från 65 % till 60 %". */
function setLine(s: ScenarioRecord["set"][number], lang: Lang): string {
  const share = SHARES.test(s.target ?? "");
  const what = s.target === "$.fixedShare" ? t(lang, "labels.scenario_fixedShare") : s.path;
  const value = valueText(s.value, share, lang);
  let was: unknown;
  try {
    was = s.was === undefined ? undefined : JSON.parse(s.was);
  } catch {
    was = s.was;
  }
  const line = was === undefined ? t(lang, "labels.scenario_set_new", { what, value }) : t(lang, "labels.scenario_set_changed", { what, was: valueText(was, share, lang), value });
  return `${line} (--set ${s.path}=${s.value})`;
}

export function scenarioLines(scenario: ScenarioRecord | undefined, lang: Lang): string[] {
  if (!scenario) return [];
  const lines = [t(lang, "labels.scenario_heading")];
  if (scenario.patch) lines.push(`  ${t(lang, "labels.scenario_file")}: ${scenario.patch.file}${scenario.patch.sha256 ? ` (sha256 ${scenario.patch.sha256})` : ""}`);
  for (const s of scenario.set) lines.push(`  ${setLine(s, lang)}`);
  // the file's changes by their place in the tariff; each --set is said above
  if (scenario.patch && scenario.patch.changed.length > 0) lines.push(`  ${t(lang, "labels.scenario_changed")}: ${scenario.patch.changed.join(", ")}`);
  return lines;
}
