/** The lines every report of a scenario shows: that it is one, and what was set. */
import type { Lang } from "../core/model/codes.js";
import type { ScenarioRecord } from "../core/analysis/scenario-record.js";
import { t } from "./catalogue.js";

export function scenarioLines(scenario: ScenarioRecord | undefined, lang: Lang): string[] {
  if (!scenario) return [];
  const lines = [t(lang, "labels.scenario_heading")];
  if (scenario.patch) lines.push(`  ${t(lang, "labels.scenario_file")}: ${scenario.patch.file}${scenario.patch.sha256 ? ` (sha256 ${scenario.patch.sha256})` : ""}`);
  for (const s of scenario.set) lines.push(`  --set ${s.path}=${s.value}`);
  if (scenario.changed.length > 0) lines.push(`  ${t(lang, "labels.scenario_changed")}: ${scenario.changed.join(", ")}`);
  return lines;
}
