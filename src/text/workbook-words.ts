/** The workbooks' words: the catalogues' section `workbook` (sv.ts, en.ts), by key. */
import type { Lang } from "../core/model/codes.js";
import { CATALOGUES, fillText } from "./catalogue.js";
import type { sv } from "./sv.js";

export type WorkbookWord = keyof typeof sv.workbook;

/** A workbook's word in the language asked for, its {placeholders} filled. */
export function workbookWord(lang: Lang, key: WorkbookWord, params: Record<string, string | number> = {}): string {
  return fillText(CATALOGUES[lang].workbook[key], params);
}
