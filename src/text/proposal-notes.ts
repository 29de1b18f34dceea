/**
 * The words a proposal writes into the new tariff's sources (core/year/proposal.ts asks for them
 * through ProposalNotes), in Swedish or English.
 */
import type { Lang } from "../core/model/codes.js";
import type { ProposalNotes } from "../core/year/proposal.js";

const earlier = (old: string | undefined, lang: Lang): string => (old ? (lang === "en" ? `. Earlier source: ${old}` : `. Tidigare källa: ${old}`) : "");

const SV: ProposalNotes = {
  unchanged: (prev) => `Oförändrad från överenskommelse ${prev}: `,
  uprated: (year, was, prev, pct, old) => `Förslag ${year}: ${was} kr (${prev}) × (1 + ${pct} %), avrundat till öre${earlier(old, "sv")}`,
  upratedAmounts: (year, pct, old) => `Förslag ${year}: beloppen × (1 + ${pct} %), avrundade till öre${earlier(old, "sv")}`,
  title: (title) => `Förslag: ${title}`,
  fileSource: (year, title, bases, index) => `Förslag till överenskommelse ${year}, framräknat av vardavtal ur ${title} och resultaten för ${bases}. Index: ${index}.`,
  reference: (year, seller, buyer, bases, index, unit) =>
    `Förslag ${year}: medelvärdet av värdet med fast och rörlig ersättning ${seller}→${buyer} för ${bases}, uppräknat med index till ${year} (${index}), avrundat till ${"ore" in unit ? "öre" : `${unit.kr} kr`}`,
  population: (file, date) => `Befolkning ur ${file}${date ? ` per ${date}` : ""}`,
  keyFromPopulation: (year, file, date) => `Förslag ${year}: nyckeln efter befolkningen i ${file}${date ? ` per ${date}` : ""}`,
  keyKept: (year, prev) => `Förslag ${year}: nyckeln från överenskommelse ${prev} behålls (ingen befolkningsfil)`,
};

// The values uprated and the title keep the Swedish words they always had (the tariff is a
// Swedish document); the copied, population and key sources follow the language, as before.
const EN: ProposalNotes = {
  ...SV,
  unchanged: (prev) => `Unchanged from the ${prev} agreement: `,
  population: (file, date) => `Population from ${file}${date ? ` as of ${date}` : ""}`,
  keyFromPopulation: (year, file, date) => `Proposal ${year}: key by the population in ${file}${date ? ` as of ${date}` : ""}`,
  keyKept: (year, prev) => `Proposal ${year}: the key of the ${prev} agreement is kept (no population file)`,
};

/** The proposal's source texts in the reader's language. */
export function proposalNotes(lang: Lang): ProposalNotes {
  return lang === "en" ? EN : SV;
}
