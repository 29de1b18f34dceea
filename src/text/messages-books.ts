/**
 * Messages of the books (settlement against what was paid, payments files, the proposal's
 * grants), kept in their own module and merged into MESSAGES. Same shape as the base table.
 */
import type { MessageEntry } from "./message-entry.js";

export const BOOKS_MESSAGES = {
  PAYMENT_DATE_OUTSIDE: {
    sv: "datumet {text} ligger utanför avtalsåret {year} och året efter ({next})",
    en: "the date {text} is outside the agreement year {year} and the year after ({next})",
    hint: {
      sv: "en betalning för {year} görs under året eller, för slutregleringen, året efter; hör raden till ett annat avtalsår, ange det i kolumnen år",
      en: "a payment for {year} is made during the year or, for the final settlement, the year after; if the row belongs to another agreement year, give that in the column year",
    },
  },
  PAYMENT_DUPLICATE: {
    sv: "raden är likadan som rad {first} (samma betalare, mottagare, belopp, datum och text)",
    en: "the row is identical to line {first} (same payer, payee, amount, date and text)",
    hint: {
      sv: "ta bort den ena, eller skilj dem åt med datum eller avser om det verkligen är två betalningar",
      en: "remove one, or tell them apart by date or note if they really are two payments",
    },
  },
  PAID_SOURCE_UNKNOWN: {
    sv: "inte en källa för det som betalats: {found}; väntade en a conto-plan (vardavtal-acconto/1), en tidigare slutreglering (vardavtal-settlement/1) eller en fil med betalningar (CSV)",
    en: "not a source of what was paid: {found}; expected an a-conto plan (vardavtal-acconto/1), an earlier settlement (vardavtal-settlement/1) or a payments file (CSV)",
  },
  PAYMENTS_XLSX: {
    sv: "det här är en Excelfil (xlsx), inte en CSV-fil",
    en: "this is an Excel file (xlsx), not a CSV file",
    hint: {
      sv: "spara bladet med betalningarna som \"CSV UTF-8\" eller \"CSV (semikolonavgränsad)\" i Excel och ange den filen",
      en: "save the sheet of payments as \"CSV UTF-8\" or \"CSV (semicolon delimited)\" from Excel and give that file",
    },
  },
  PAYMENTS_OTHER_YEAR: {
    warning: true,
    sv: "{count} rader med år {years} hör till ett annat avtalsår än {year} och räknas inte (summa {amount} kr)",
    en: "{count} rows with year {years} belong to another agreement year than {year} and are not counted (sum SEK {amount})",
  },
  PROPOSE_INDEX_RANGE: {
    sv: "indexet för {year} är {percent} %: en uppräkning med −100 % eller mindre gör beloppen noll eller negativa",
    en: "the index for {year} is {percent} %: an uprating by −100 % or less makes the amounts zero or negative",
    hint: { sv: "ett index är en procentsats större än −100, t.ex. --index {year}=3,1 eller {year}=-0,5", en: "an index is a percentage above −100, e.g. --index {year}=3.1 or {year}=-0.5" },
  },
  PROPOSE_GRANT_DROPPED: {
    warning: true,
    sv: "statsbidraget \"{name}\" ({amount} kr) förs inte över till förslaget: statsbidrag beslutas för varje år",
    en: "the state grant \"{name}\" (SEK {amount}) is not carried into the proposal: state grants are decided each year",
  },
} satisfies Record<string, MessageEntry>;
