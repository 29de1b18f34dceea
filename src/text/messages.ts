/**
 * Every message the tool writes about the input, by code: the Swedish and English words from the
 * catalogues (sv.ts, en.ts) with their hints, and whether the code is a warning. The code is the
 * stable part (tests and scripts match on it); the text may be improved freely.
 */
import type { Code } from "../core/model/codes.js";
import { en } from "./en.js";
import type { MessageEntry as Entry } from "./message-entry.js";
import { sv } from "./sv.js";

export type { Code, Lang } from "../core/model/codes.js";
export type { MessageEntry } from "./message-entry.js";

/** The codes that are warnings (the run goes on). */
const WARNINGS: readonly Code[] = [
  "TARIFF_HOST_PAYS_ITSELF",
  "TARIFF_ILLUSTRATIVE",
  "TARIFF_STALE_DATE",
  "TARIFF_VALID_FROM_OUTSIDE_YEAR",
  "NO_REFERENCE",
  "POPULATION_UNUSED",
  "TARIFF_FIXED_ONLY_NO_RULE",
  "UNKNOWN_AREA",
  "PAYMENT_WITHOUT_FLOW",
  "PROPOSE_FORECAST_BASE",
  "PROPOSE_SCENARIO_BASE",
  "PROPOSE_REFERENCE_NEW",
  "PROPOSE_REFERENCE_DROPPED",
  "PROPOSE_KEY_KEPT",
  "MANY_SKIPPED",
  "POPULATION_YEAR_COLUMN",
  "POPULATION_OTHER_REGIONS",
  "POPULATION_FROM_FILE",
  "EFFECTS_PARTIES",
  "EFFECTS_INCOMPLETE",
  "EFFECTS_MISMATCH",
  "PAYMENTS_OTHER_YEAR",
  "PROPOSE_GRANT_DROPPED",
];

const both = (table: "hints" | "suggestionHints", code: string): { sv: string; en: string } | undefined => {
  const s = (sv[table] as Record<string, string>)[code];
  const e = (en[table] as Record<string, string>)[code];
  return s !== undefined && e !== undefined ? { sv: s, en: e } : undefined;
};

/** The catalogues' messages as one entry per code. */
const BASE_MESSAGES = Object.fromEntries(
  (Object.keys(sv.messages) as (keyof typeof sv.messages)[]).map((code): [string, Entry] => {
    const hint = both("hints", code);
    const suggestionHint = both("suggestionHints", code);
    return [code, { sv: sv.messages[code], en: en.messages[code], ...(hint ? { hint } : {}), ...(suggestionHint ? { suggestionHint } : {}), ...(WARNINGS.includes(code) ? { warning: true as const } : {}) }];
  }),
) as Record<keyof typeof sv.messages, Entry>;

/** The table of every code, from the catalogues. */
export const MESSAGES: Record<Code, Entry> = BASE_MESSAGES;
