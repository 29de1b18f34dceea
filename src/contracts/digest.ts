/**
 * The integrity digest every JSON file vardavtal computes carries (`"digest": "sha256:…"`,
 * docs/filformat.md): the SHA-256 of the document's canonical form without the digest itself. A
 * reader recomputes it, so that a file changed by hand after it was written (an amount moved, a
 * field removed) is refused instead of trusted. It is a check against edits, not a signature:
 * whoever recomputes the digest by hand has forged the file on purpose.
 *
 * The canonical form is the JSON text without whitespace, each object's keys sorted by UTF-16
 * code units, strings and numbers as `JSON.stringify` writes them (RFC 8785, JCS, for the values
 * these files hold); the top-level `digest` field is left out. Its UTF-8 bytes are hashed.
 */
import { sha256 } from "../core/model/sha256.js";

/** The name of the top-level field that carries the digest. */
export const DIGEST_FIELD = "digest";

function canonical(value: unknown, out: string[]): void {
  if (value === null || typeof value !== "object") {
    // as JSON.stringify writes a value (a non-finite number as null); a bigint is a programming error
    out.push(typeof value === "number" && !Number.isFinite(value) ? "null" : (JSON.stringify(value) ?? "null"));
    return;
  }
  if (Array.isArray(value)) {
    out.push("[");
    value.forEach((v, i) => {
      if (i > 0) out.push(",");
      canonical(v === undefined || typeof v === "function" || typeof v === "symbol" ? null : v, out);
    });
    out.push("]");
    return;
  }
  out.push("{");
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue; // JSON.stringify leaves them out
    if (!first) out.push(",");
    first = false;
    out.push(JSON.stringify(key), ":");
    canonical(v, out);
  }
  out.push("}");
}

/** The canonical JSON text of a value (keys sorted, no whitespace): what the digest is taken over. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  canonical(value, out);
  return out.join("");
}

/** The digest of a document: `sha256:` and the hex SHA-256 of its canonical form without its `digest` field. */
export function digestOf(doc: object): string {
  const rest: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  delete rest[DIGEST_FIELD];
  const h = sha256();
  h.update(new TextEncoder().encode(canonicalJson(rest)));
  return `sha256:${h.hex()}`;
}

/** The document with its digest as its last field (the writers' last step). */
export function withDigest<T extends object>(doc: T): T & { digest: string } {
  return { ...doc, digest: digestOf(doc) };
}

/** What a file's digest says about it: whole, without a digest, or changed after it was written. */
export type DigestState = { state: "ok" } | { state: "missing" } | { state: "changed"; found: string; expected: string };

/** Checks a parsed document's digest against its content. */
export function checkDigest(doc: Record<string, unknown>): DigestState {
  if (!Object.prototype.hasOwnProperty.call(doc, DIGEST_FIELD)) return { state: "missing" };
  const found = doc[DIGEST_FIELD];
  const expected = digestOf(doc);
  if (typeof found === "string" && found === expected) return { state: "ok" };
  return { state: "changed", found: typeof found === "string" ? found : JSON.stringify(found) ?? "", expected };
}
