/** How party and area names compare: without case, surrounding blanks or repeated spaces (NFC). */

/** Area names are compared case-insensitively, trimmed, with repeated spaces folded. */
export function areaKey(area: string): string {
  return area.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Party ids and aliases match the same way. */
export function partyKey(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
