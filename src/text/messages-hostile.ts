/**
 * Messages of the refusals added against hostile input (issue 23): same shape as MESSAGES,
 * spread into it.
 */
import type { MessageEntry } from "./message-entry.js";

export const HOSTILE_MESSAGES = {
  DEMO_FOLDER_IN_USE: {
    sv: "demo skriver bara i en tom mapp eller i en mapp som demo skrev själv, men {dir} har {count} filer som demo inte skrev: {files}; inget skrevs",
    en: "demo writes only into an empty folder or one that demo wrote itself, but {dir} holds {count} files that demo did not write: {files}; nothing was written",
    hint: {
      sv: "välj en ny mapp, t.ex. --out vardavtal-demo",
      en: "choose a new folder, e.g. --out vardavtal-demo",
    },
  },
  POPULATION_DATES_DIFFER: {
    sv: "befolkningen är räknad per {date} på den här raden men per {first} på rad {line}: en nyckel har ett datum",
    en: "the population on this row is counted at {date} but at {first} on line {line}: a key has one date",
    hint: {
      sv: "ta med folkmängden per samma datum för alla regioner (SCB: samma år för alla)",
      en: "give every region's population at the same date (SCB: the same year for all)",
    },
  },
  POPULATION_DATE_AFTER_YEAR: {
    sv: "befolkningen är räknad per {date}, efter avtalsåret {year}: nyckeln för ett år kan inte bygga på en senare folkmängd",
    en: "the population is counted at {date}, after the agreement year {year}: a year's key cannot rest on a later population",
    hint: {
      sv: "välj befolkningsfilen för nyckeldatumet (oftast 31 december året före)",
      en: "choose the population file of the key date (usually 31 December of the year before)",
    },
  },
  SETTLE_SCENARIO: {
    sv: "resultatet är ett scenario (räknat med --set eller --scenario), inte årets beslutade utfall: det kan inte slutregleras",
    en: "the result is a scenario (calculated with --set or --scenario), not the year's decided outcome: it cannot be settled",
    hint: {
      sv: "slutreglera mot resultatet som calculate --json gav utan --set och --scenario; jämför scenariot med compare",
      en: "settle against the result calculate --json gave without --set and --scenario; compare the scenario with compare",
    },
  },
} satisfies Record<string, MessageEntry>;
