/**
 * Messages about what an exported file carries besides its table (issue 19, first contact): a
 * title line above the header (SCB's exports) and a total row (a ledger's exports). Kept in their
 * own module and merged into MESSAGES. Same shape as the base table.
 */
import type { MessageEntry } from "./message-entry.js";

export const DOCS_MESSAGES = {
  CSV_TITLE_LINE: {
    sv: "kolumnrubrikerna står på rad {line}, och ovanför står något som ser ut som en titel: \"{title}\"",
    en: "the column headers are on line {line}, and above them stands what looks like a title: \"{title}\"",
    hint: {
      sv: "ta bort {above} så att rubrikraden kommer först, och spara filen igen (SCB:s exporter har ofta en titelrad överst)",
      en: "delete {above} so that the header line comes first, and save the file again (SCB's exports often have a title line on top)",
    },
  },
  CSV_TOTAL_ROW: {
    sv: "raden ser ut som en summarad: den börjar med \"{text}\"",
    en: "the row looks like a total row: it begins with \"{text}\"",
    hint: {
      sv: "ta bort summaraden: vardavtal summerar raderna själv, och en summarad skulle räknas som en rad till",
      en: "delete the total row: vardavtal sums the rows itself, and a total row would count as one more row",
    },
  },
} satisfies Record<string, MessageEntry>;
