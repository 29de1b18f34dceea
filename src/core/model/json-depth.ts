/**
 * The one guard of every JSON input (tariff, result, plan, settlement, scenario, overview): a
 * text nested deeper than MAX_JSON_DEPTH is refused before any parser sees it, since a parser
 * that recurses would overflow the stack on `[` × 200 000.
 */
import { MAX_JSON_DEPTH } from "./limits.js";

/** The offset where the JSON text nests deeper than MAX_JSON_DEPTH (outside strings), if it does. */
export function jsonTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}
