/**
 * Every export of the three public entries (`vardavtal`, `vardavtal/node`, `vardavtal/xlsx`)
 * carries a TSDoc comment, read the way an editor shows it (the TypeScript compiler's checker,
 * through re-exports to the declaration).
 */
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const ENTRIES = ["src/index.ts", "src/node/index.ts", "src/xlsx.ts"];

function exportDocs(): { entry: string; name: string; doc: string; tags: string[] }[] {
  const files = ENTRIES.map((f) => join(ROOT, f));
  const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true, types: ["node"] });
  const checker = program.getTypeChecker();
  const out: { entry: string; name: string; doc: string; tags: string[] }[] = [];
  for (const [k, file] of files.entries()) {
    const sf = program.getSourceFile(file);
    const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) throw new Error(`no module symbol for ${file}`);
    for (const sym of checker.getExportsOfModule(moduleSymbol)) {
      const real = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      out.push({
        entry: ENTRIES[k] as string,
        name: sym.name,
        doc: ts.displayPartsToString(real.getDocumentationComment(checker)).trim(),
        tags: real.getJsDocTags(checker).map((t) => t.name),
      });
    }
  }
  return out;
}

describe("the public API's documentation", () => {
  const docs = exportDocs();

  it("reads the exports of every entry", () => {
    for (const entry of ENTRIES) expect(docs.filter((d) => d.entry === entry).length, entry).toBeGreaterThan(5);
    // the embedder's functions are there
    const names = new Set(docs.map((d) => d.name));
    for (const name of ["calculate", "resultToJson", "checkKey", "acconto", "settle", "propose", "calculateFiles", "resultWorkbook", "proposalWorkbook"]) expect(names, name).toContain(name);
  });

  it("documents every export (a sentence, not a stub)", () => {
    const missing = docs.filter((d) => d.doc.length < 20).map((d) => `${d.entry}: ${d.name} ${JSON.stringify(d.doc)}`);
    expect(missing).toEqual([]);
  });

  it("gives the main functions an example", () => {
    const main = ["calculate", "resultToJson", "acconto", "settle", "propose", "keyCheckToJson", "settlementToJson", "resultWorkbook", "accontoWorkbook", "settlementWorkbook", "keyCheckWorkbook", "proposalWorkbook"];
    const without = docs.filter((d) => main.includes(d.name) && !d.tags.includes("example")).map((d) => d.name);
    expect(without).toEqual([]);
  });

  it("keeps internals out of the entries", () => {
    const names = new Set(docs.map((d) => d.name));
    for (const internal of ["DiagnosticBag", "ConsumptionAccumulator", "settleCommand", "finalSettlement", "proposeTariff", "readResultJson", "MESSAGES"]) expect(names, internal).not.toContain(internal);
  });
});
