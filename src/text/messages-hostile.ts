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
} satisfies Record<string, MessageEntry>;
