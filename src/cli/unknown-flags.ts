/**
 * Unknown flags, named before anything else: `vardavtal key --tarif 2025` is a typo of `--tariff`,
 * and "Obligatoriskt argument saknas: tariff" (what yargs says first, since the real flag is now
 * missing) points the reader the wrong way. The flags are read from the arguments as given; the
 * known ones are the command's options as yargs holds them when it fails.
 */

/** The flags given (`--name` or `--name=value`, up to a `--` that ends the options), by name. */
export function givenFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (a === "--") break;
    const m = /^--([^=\s]+)/.exec(a);
    if (m) out.push(m[1] as string);
  }
  return out;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_w, c: string) => c.toUpperCase());
}

/** The names the options accept: each key, its aliases, `no-KEY` for a boolean, and camelCase forms. */
export function acceptedNames(keys: readonly string[], aliases: Record<string, readonly string[]>, booleans: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const k of keys) {
    names.add(k);
    for (const a of aliases[k] ?? []) names.add(a);
  }
  for (const b of booleans) names.add(`no-${b}`);
  for (const n of [...names]) names.add(camel(n));
  return names;
}

/** Edit distance (insert, delete, replace, swap of two neighbours), for a near name. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_r, i) => Array.from({ length: b.length + 1 }, (_c, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The known name nearest to an unknown one, if it is near enough to be the one meant: at most two
 * edits (one for names of up to four letters), or the unknown one is the start of exactly one name.
 */
export function nearestName(unknown: string, known: Iterable<string>): string | undefined {
  const names = [...known].filter((k) => !/[A-Z]/.test(k) && k.length > 1);
  const limit = unknown.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(unknown.toLowerCase(), name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  const starts = names.filter((n) => unknown.length >= 3 && n.startsWith(unknown.toLowerCase()));
  return starts.length === 1 ? starts[0] : undefined;
}

/** The unknown flags given, each with the known name it is nearest to (if any), in the order given. */
export function unknownFlags(argv: readonly string[], accepted: Set<string>): { flag: string; suggestion?: string }[] {
  const seen = new Set<string>();
  const out: { flag: string; suggestion?: string }[] = [];
  for (const flag of givenFlags(argv)) {
    if (accepted.has(flag) || seen.has(flag)) continue;
    seen.add(flag);
    const suggestion = nearestName(flag, accepted);
    out.push(suggestion ? { flag, suggestion } : { flag });
  }
  return out;
}
