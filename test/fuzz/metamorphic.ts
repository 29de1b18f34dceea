/**
 * Changes that keep a file's meaning (line endings, BOM, encoding, delimiter, quoting, column
 * order, row order, an extra column): the money must come out the same, to the öre. And a party
 * renamed consistently in every file: the same money under the new name, or a clear rejection.
 */
import { cp1252Encodable, decodeCsv, detectDelimiter, encodeCp1252, encodeCsv, parseCsv, quoteField, writeCsv, type Mutated } from "./mutations.js";
import { Rng } from "./prng.js";

export type Expectation = { kind: "any" } | { kind: "reject" } | { kind: "same"; rename: Record<string, string> } | { kind: "sameOrRejected"; rename: Record<string, string> };

export function metamorphic(input: Buffer, rng: Rng): Mutated {
  const dec = decodeCsv(input);
  const delim = detectDelimiter(dec.text);
  const rows = parseCsv(dec.text, delim);
  const kinds = ["crlf", "lf", "bom", "noBom", "cp1252", "utf8", "delimiter", "quoteAll", "extraColumn", "shuffleRows", "upperHeader", "permuteColumns", "noFinalNewline", "finalNewline"];
  const kind = rng.pick(kinds);
  const same = (text: string, how: { cp1252: boolean; bom: boolean } = dec) => encodeCsv(text, how);
  switch (kind) {
    case "crlf":
      return { data: same(writeCsv(rows.map((r) => ({ ...r, eol: r.eol ? "\r\n" : "" })), delim)), what: "CRLF line ends" };
    case "lf":
      return { data: same(writeCsv(rows.map((r) => ({ ...r, eol: r.eol ? "\n" : "" })), delim)), what: "LF line ends" };
    case "bom":
      return dec.cp1252 ? { data: input, what: "(cp1252: no BOM added)" } : { data: same(dec.text, { cp1252: false, bom: true }), what: "UTF-8 BOM" };
    case "noBom":
      return dec.cp1252 ? { data: input, what: "(cp1252)" } : { data: same(dec.text, { cp1252: false, bom: false }), what: "no BOM" };
    case "cp1252":
      return cp1252Encodable(dec.text) ? { data: encodeCp1252(dec.text), what: "Windows-1252" } : { data: input, what: "(not Windows-1252 encodable)" };
    case "utf8":
      return { data: Buffer.from(dec.text, "utf8"), what: "UTF-8" };
    case "delimiter": {
      const to = rng.pick([";", ",", "\t"].filter((d) => d !== delim));
      return { data: same(writeCsv(rows, to)), what: `delimiter ${JSON.stringify(to)} (fields quoted where needed)` };
    }
    case "quoteAll":
      return { data: same(writeCsv(rows, delim, true)), what: "every field quoted" };
    case "extraColumn": {
      const at = rng.int((rows[0]?.fields.length ?? 0) + 1);
      const values = ["", "x", "=HYPERLINK(\"http://evil.example/\",\"RÖ\")", `a${delim}b`, 'say "hi"', "two\nlines", "1e5", "99999999999999999999", "RÖ", "\u3000", "ö".repeat(500)];
      const out = rows.map((r, i) => {
        const fields = [...r.fields];
        if (i === 0) fields.splice(at, 0, rng.pick(["kommentar", "note", "drg-kod", "patient", "extra"]));
        else if (r.fields.length > 1 || r.fields[0] !== "") fields.splice(at, 0, rng.pick(values));
        return { ...r, fields };
      });
      return { data: same(writeCsv(out, delim)), what: `an unknown column at ${at + 1}` };
    }
    case "shuffleRows": {
      const [head, ...body] = rows;
      const lastEol = body[body.length - 1]?.eol ?? "";
      const b = body.map((r) => ({ ...r, eol: r.eol || "\n" }));
      for (let i = b.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [b[i], b[j]] = [b[j] as (typeof b)[number], b[i] as (typeof b)[number]];
      }
      if (b.length) (b[b.length - 1] as (typeof b)[number]).eol = lastEol;
      return { data: same(writeCsv(head ? [head, ...b] : b, delim)), what: "rows shuffled" };
    }
    case "upperHeader": {
      const out = rows.map((r, i) => (i === 0 ? { ...r, fields: r.fields.map((f) => f.toUpperCase()) } : r));
      return { data: same(writeCsv(out, delim)), what: "header in upper case" };
    }
    case "permuteColumns": {
      const w = rows[0]?.fields.length ?? 0;
      const perm = [...Array(w).keys()];
      for (let i = perm.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
      }
      const out = rows.map((r) => (r.fields.length === w ? { ...r, fields: perm.map((k) => r.fields[k] as string) } : r));
      return { data: same(writeCsv(out, delim)), what: `columns reordered ${perm.join(",")}` };
    }
    case "noFinalNewline":
      return { data: same(dec.text.replace(/(\r\n|\n|\r)$/, "")), what: "no final line end" };
    default:
      return { data: same(/(\r\n|\n|\r)$/.test(dec.text) ? dec.text : dec.text + (dec.text.includes("\r\n") ? "\r\n" : "\n")), what: "final line end" };
  }
}

const NEW_IDS = ['R"J', "R*", "__proto__", "source", "constructor", "toString", "hasOwnProperty", "valueOf", "rjl", "rkl", "Kalmar", "RO", "R;J", "R,J", "=HYPERLINK(\"x\")", "Ö".repeat(32), "x".repeat(32), "R J", "rö", "Rö", "RÖ2", "0", "1", "length"];

type Files = Partial<Record<"tariff" | "consumption" | "population" | "costs", { name: string; data: Buffer }>>;

/** Renames one party in the tariff and in every CSV value that names it by its id. */
export function renameParty(files: Files, rng: Rng): { what: string; rename: Record<string, string> } {
  const tariff = files.tariff as { data: Buffer };
  let ids: string[] = [];
  try {
    ids = ((JSON.parse(tariff.data.toString("utf8")) as { parties: { id: string }[] }).parties ?? []).map((p) => p.id);
  } catch {
    /* empty */
  }
  if (!ids.length) return { what: "rename: no parties", rename: {} };
  const from = rng.pick(ids);
  const to = rng.pick(NEW_IDS.filter((x) => x !== from));
  tariff.data = Buffer.from(tariff.data.toString("utf8").split(JSON.stringify(from)).join(JSON.stringify(to)), "utf8");
  for (const role of ["consumption", "population", "costs"] as const) {
    const f = files[role];
    if (!f) continue;
    const dec = decodeCsv(f.data);
    const delim = detectDelimiter(dec.text);
    const rows = parseCsv(dec.text, delim).map((r, i) => (i === 0 ? r : { ...r, fields: r.fields.map((v) => (v.trim().toLowerCase() === from.toLowerCase() ? to : v)) }));
    f.data = encodeCsv(writeCsv(rows, delim), dec);
    void quoteField;
  }
  return { what: `rename party ${from} → ${JSON.stringify(to)} in the tariff and every CSV value`, rename: { [from]: to } };
}
