/** What a scenario changed, as the result and every report list it. */
export interface ScenarioRecord {
  /** each --set as given, and the value in the tariff it changed (`target`, "$.references[1].amount") */
  set: { path: string; value: string; target?: string; /** the value it replaced, as JSON text (absent when there was none) */ was?: string }[];
  /** the scenario file (a JSON merge patch), when one was given: its name, checksum and content */
  patch?: { file: string; sha256?: string; content: unknown; changed: string[] };
  /** every tariff value the scenario changed, as a path in the tariff ("$.fixedShare", "$.solidarity[0].amount") */
  changed: string[];
}
