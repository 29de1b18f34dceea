/** How party and area names compare: without case, surrounding blanks or repeated spaces (NFC). */

/** Area names are compared case-insensitively, trimmed, with repeated spaces folded. */
export function areaKey(area: string): string {
  return area.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Party ids and aliases match the same way. */
export function partyKey(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** The name an unknown name (as a key: areaKey/partyKey) most likely meant: a prefix, a containment, or a small edit distance. */
export function nearestName(key: string, names: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const k = areaKey(name);
    if (k === "" || key === "") continue;
    const d = editDistance(key, k);
    const close = d <= Math.max(1, Math.floor(Math.min(key.length, k.length) / 4));
    const part = k.startsWith(key) || key.startsWith(k) || (k.length >= 4 && key.includes(k)) || (key.length >= 4 && k.includes(key));
    if (!close && !part) continue;
    const score = close ? d : 100 + d;
    if (!best || score < best.score) best = { name, score };
  }
  return best?.name;
}

/** Levenshtein distance (code units), rows of the dynamic programme only. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 20) return Math.abs(a.length - b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
