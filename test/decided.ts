/**
 * A bundled tariff as a decided one, for tests: `status: "decided"` needs a decision and no
 * source that still says "illustrativ" (TARIFF_DECISION_MISSING, TARIFF_DECIDED_ILLUSTRATIVE_SOURCE).
 */
export const TEST_DECISION = { body: "Samverkansnämnden", date: "2025-12-08", paragraph: "§ 12" };

/** The tariff's JSON text with every illustrative source replaced by a decided one. */
export function decidedText(tariffJson: string): string {
  return tariffJson.replace(/"[^"]*(ILLUSTRATIV|illustrativ|Illustrativ)[^"]*"/g, '"Samverkansnämnden 2025-12-08 § 12"');
}

/** The parsed tariff as decided: status, decision, and no illustrative source. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a tariff object that tests edit freely
export function asDecided(tariffJson: string): any {
  return { ...JSON.parse(decidedText(tariffJson)), status: "decided", decision: TEST_DECISION };
}
