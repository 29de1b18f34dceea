/**
 * Messages of the comparison commands (compare, scenarios with --set, explain), kept in their own
 * module and merged into MESSAGES. Same shape as the base table.
 */
import type { MessageEntry } from "./message-entry.js";

export const COMPARE_MESSAGES = {
  SET_SYNTAX: {
    sv: "--set {arg}: väntade SÖKVÄG=VÄRDE",
    en: "--set {arg}: expected PATH=VALUE",
    hint: { sv: "t.ex. --set fixedShare=0.60 eller --set solidarity.RCC.amount=19000000", en: "e.g. --set fixedShare=0.60 or --set solidarity.RCC.amount=19000000" },
  },
  SET_UNKNOWN_PATH: {
    sv: "{path}: finns inte i tariffen ({reason_sv})",
    en: "{path}: not in the tariff ({reason_en})",
    hint: {
      sv: "sökvägar namnger tariffens värden: fixedShare, key.basis, key.shares.RJL, population.RJL, solidarity.RCC.amount, fixedOnly.<verksamhet>.total, references.RÖ>RJL.amount, pointPrices.RJL.price (pointPrices.RÖ@2025-07-01.price för en säljare med flera priser), grants.<namn>.amount; se docs/jamforelse.md",
      en: "paths name the tariff's values: fixedShare, key.basis, key.shares.RJL, population.RJL, solidarity.RCC.amount, fixedOnly.<area>.total, references.RÖ>RJL.amount, pointPrices.RJL.price (pointPrices.RÖ@2025-07-01.price for a seller with several prices), grants.<name>.amount; see docs/jamforelse.md",
    },
  },
  SET_TWICE: {
    sv: "{path} sätts två gånger (även av {other})",
    en: "{path} is set twice (also by {other})",
  },
  SET_POPULATION_FILE: {
    sv: "{path}: scenariot ändrar befolkningen, men den kommer från {file} (--population), så ändringen skulle inte få någon verkan",
    en: "{path}: the scenario changes the population, but it comes from {file} (--population), so the change would have no effect",
    hint: { sv: "ändra i befolkningsfilen eller ta bort --population", en: "change the population file or leave out --population" },
  },
  SCENARIO_PATCH: {
    sv: "ett scenario ska vara ett JSON-objekt med de värden i tariffen som ändras (en JSON merge patch, RFC 7386), inte {kind_sv}",
    en: "a scenario must be a JSON object of the tariff values that change (a JSON merge patch, RFC 7386), not {kind_en}",
  },
  EFFECTS_PARTIES: {
    sv: "förändringen kan inte delas upp i effekter: resultaten har {how} ({a} mot {b})",
    en: "the change cannot be split into effects: the results have {how} ({a} against {b})",
    warning: true,
  },
  EFFECTS_INCOMPLETE: {
    sv: "förändringen kan inte delas upp i effekter: {file} saknar {what}, som behövs för att räkna om resultatet steg för steg",
    en: "the change cannot be split into effects: {file} lacks {what}, which is needed to recompute the result step by step",
    hint: { sv: "använd resultatfiler som skrivits av denna version av vardavtal (calculate --json)", en: "use result files written by this version of vardavtal (calculate --json)" },
    warning: true,
  },
  EFFECTS_MISMATCH: {
    sv: "förändringen kan inte delas upp i effekter: {file} räknat på nytt från de tal filen bär ger inte samma belopp ({what}: {inFile} kr i filen, {recomputed} kr omräknat)",
    en: "the change cannot be split into effects: {file} recomputed from the figures it carries does not give the same amounts ({what}: {inFile} in the file, {recomputed} recomputed)",
    hint: { sv: "filen har ändrats efter att den skrevs, eller skrevs av en annan version", en: "the file was changed after it was written, or written by another version" },
    warning: true,
  },
  EXPLAIN_FLOW: {
    sv: "{text}: inget sådant belopp i resultatet ({reason_sv})",
    en: "{text}: no such figure in the result ({reason_en})",
    hint: {
      sv: "skriv t.ex. \"RJL>RÖ variable\", \"RKL>RÖ solidarity RCC\", \"RJL>RÖ fixed_only klinisk genetik\" eller \"net RKL\"",
      en: "write e.g. \"RJL>RÖ variable\", \"RKL>RÖ solidarity RCC\", \"RJL>RÖ fixed_only klinisk genetik\" or \"net RKL\"",
    },
  },
} satisfies Record<string, MessageEntry>;
