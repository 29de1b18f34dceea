/**
 * Messages of the year's overview (`vardavtal overview`): inputs that do not belong together are
 * refused, each with its reason. Kept in their own module and merged into MESSAGES; same shape as
 * the base table.
 */
import type { MessageEntry } from "./message-entry.js";

export const DECIDED_MESSAGES = {
  OVERVIEW_YEAR: {
    sv: "filen gäller {year}, men a conto-planen {first} gäller {expected}",
    en: "the file is for {year}, but the a-conto plan {first} is for {expected}",
    hint: { sv: "en översikt visar ett år: ge plan, prognoser, utfall och slutreglering för samma år", en: "an overview shows one year: give the plan, forecasts, outcome and settlement of the same year" },
  },
  OVERVIEW_PARTIES: {
    sv: "filen har parterna {parties}, men a conto-planen {first} har {expected}",
    en: "the file has the parties {parties}, but the a-conto plan {first} has {expected}",
    hint: { sv: "räkna om filen med samma tariff som planen", en: "compute the file again with the plan's tariff" },
  },
  OVERVIEW_TARIFF: {
    sv: "filen är räknad med en annan tariff än {first}: {reason}",
    en: "the file was computed with another tariff than {first}: {reason}",
    hint: { sv: "plan, prognoser, utfall och slutreglering ska alla bygga på årets beslutade tariff", en: "the plan, forecasts, outcome and settlement must all rest on the year's decided tariff" },
  },
  OVERVIEW_KIND: {
    sv: "{reason}",
    en: "{reason}",
    hint: { sv: "--forecast tar resultat från calculate --through, --result årets resultat utan --through", en: "--forecast takes results of calculate --through, --result the year's result without --through" },
  },
  OVERVIEW_SETTLEMENT: {
    sv: "slutregleringen gäller ett annat utfall än {result}: nettopositionen för {party} är {net} kr i slutregleringen men {outcome} kr i utfallet",
    en: "the settlement is of another outcome than {result}: the net position of {party} is SEK {net} in the settlement but SEK {outcome} in the outcome",
    hint: { sv: "gör om slutregleringen (settle) med det utfall som ges med --result", en: "settle again (settle) with the outcome given with --result" },
  },
} satisfies Record<string, MessageEntry>;
