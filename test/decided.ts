/**
 * A bundled tariff as a decided one, for tests: `status: "decided"` needs a decision and no
 * source that still says "illustrativ" (TARIFF_DECISION_MISSING, TARIFF_DECIDED_ILLUSTRATIVE_SOURCE).
 */
export const TEST_DECISION = { body: "Samverkansnämnden", date: "2025-12-08", paragraph: "§ 12" };

const DECIDED_SOURCE = "Samverkansnämnden 2025-12-08 § 12";

function replaceSources(value: unknown, inSources = false): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceSources(v));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, (k === "source" || inSources) && typeof v === "string" && /illustrativ/i.test(v) ? DECIDED_SOURCE : replaceSources(v, k === "sources")]),
  );
}

/** The tariff's JSON text with every illustrative source replaced by a decided one (status kept). */
export function decidedText(tariffJson: string): string {
  return JSON.stringify(replaceSources(JSON.parse(tariffJson)), null, 2);
}

/** The parsed tariff as decided: status, decision, and no illustrative source. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a tariff object that tests edit freely
export function asDecided(tariffJson: string): any {
  return { ...(replaceSources(JSON.parse(tariffJson)) as object), status: "decided", decision: TEST_DECISION };
}
