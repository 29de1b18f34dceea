/** One code's words: the message in both languages, its hint, and whether it is a warning. */
export interface MessageEntry {
  sv: string;
  en: string;
  hint?: { sv: string; en: string };
  /** a hint used instead of `hint` when the diagnostic has a `suggestion` parameter */
  suggestionHint?: { sv: string; en: string };
  /** a warning (the run goes on) rather than an error */
  warning?: true;
}

