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
    sv: "filen är räknad med tariffen \"{title}\", men {first} med \"{expected}\"",
    en: "the file was computed with the tariff \"{title}\", but {first} with \"{expected}\"",
    hint: { sv: "plan, prognoser, utfall och slutreglering ska alla bygga på årets tariff", en: "the plan, forecasts, outcome and settlement must all rest on the year's tariff" },
  },
  OVERVIEW_DECISION: {
    sv: "filen bygger på beslutet {decision}, men {first} på {expected} (null: tariffen namnger inget beslut)",
    en: "the file rests on the decision {decision}, but {first} on {expected} (null: the tariff names no decision)",
    hint: { sv: "räkna alla filer med årets beslutade tariff", en: "compute every file with the year's decided tariff" },
  },
  OVERVIEW_NOT_FORECAST: {
    sv: "--forecast: filen är ett helårsresultat, inte en prognos (calculate --through)",
    en: "--forecast: the file is a full-year result, not a forecast (calculate --through)",
    hint: { sv: "ge årets resultat med --result", en: "give the year's result with --result" },
  },
  OVERVIEW_FORECAST_RESULT: {
    sv: "--result: filen är en prognos t.o.m. {through}, inte årets utfall",
    en: "--result: the file is a forecast through {through}, not the year's outcome",
    hint: { sv: "ge prognosen med --forecast och årets resultat (calculate utan --through) med --result", en: "give the forecast with --forecast and the year's result (calculate without --through) with --result" },
  },
  OVERVIEW_FORECAST_TWICE: {
    sv: "två prognoser t.o.m. {through} (även {other})",
    en: "two forecasts through {through} (also {other})",
    hint: { sv: "ge en prognos per datum", en: "give one forecast per date" },
  },
  OVERVIEW_SETTLEMENT: {
    sv: "slutregleringen gäller ett annat utfall än {result}: nettopositionen för {party} är {net} kr i slutregleringen men {outcome} kr i utfallet",
    en: "the settlement is of another outcome than {result}: the net position of {party} is SEK {net} in the settlement but SEK {outcome} in the outcome",
    hint: { sv: "gör om slutregleringen (settle) med det utfall som ges med --result", en: "settle again (settle) with the outcome given with --result" },
  },
} satisfies Record<string, MessageEntry>;
