/**
 * Every export of the three public entries (`vardavtal`, `vardavtal/node`, `vardavtal/xlsx`)
 * carries a TSDoc comment, read the way an editor shows it (the TypeScript compiler's checker,
 * through re-exports to the declaration), and every example in them compiles against the built
 * package as an embedder imports it.
 */
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const ENTRIES = ["src/index.ts", "src/node/index.ts", "src/xlsx.ts"];

interface ExportDoc {
  entry: string;
  name: string;
  doc: string;
  tags: string[];
  /** the code of each @example */
  examples: string[];
}

/** The entries' program, made once for the file (a program over src/ takes seconds). */
let entriesProgram: ts.Program | undefined;
function entries(): ts.Program {
  return (entriesProgram ??= ts.createProgram(
    ENTRIES.map((f) => join(ROOT, f)),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true, types: ["node"] },
  ));
}

function exportDocs(): ExportDoc[] {
  const files = ENTRIES.map((f) => join(ROOT, f));
  const program = entries();
  const checker = program.getTypeChecker();
  const out: ExportDoc[] = [];
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
        examples: real
          .getJsDocTags(checker)
          .filter((t) => t.name === "example")
          .map((t) => /```ts\n([\s\S]*?)```/.exec(ts.displayPartsToString(t.text))?.[1] ?? ""),
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
    for (const name of ["calculate", "calculateCsv", "resultToJson", "checkKey", "acconto", "settle", "propose", "compare", "explain", "safe", "Outcome", "InputError", "calculateFiles", "readTariffFile", "readPopulationFile", "resultWorkbook", "proposalWorkbook"]) expect(names, name).toContain(name);
  });

  it("documents every export (a sentence, not a stub)", () => {
    const missing = docs.filter((d) => d.doc.length < 20).map((d) => `${d.entry}: ${d.name} ${JSON.stringify(d.doc)}`);
    expect(missing).toEqual([]);
  });

  it("gives the main functions an example", () => {
    const main = ["calculate", "calculateCsv", "checkKey", "resultToJson", "acconto", "settle", "propose", "compare", "explain", "safe", "Outcome", "keyCheckToJson", "settlementToJson", "calculateFiles", "readTariffFile", "readPopulationFile", "resultWorkbook", "accontoWorkbook", "settlementWorkbook", "keyCheckWorkbook", "proposalWorkbook", "comparisonWorkbook"];
    const without = docs.filter((d) => main.includes(d.name) && !d.tags.includes("example")).map((d) => d.name);
    expect(without).toEqual([]);
  });

  it("keeps internals out of the entries", () => {
    const names = new Set(docs.map((d) => d.name));
    for (const internal of ["DiagnosticBag", "ConsumptionAccumulator", "settleCommand", "finalSettlement", "proposeTariff", "readResultJson", "MESSAGES", "resultFromSummary", "loadTariffArg", "loadPopulationArg", "readConsumptionFile", "readCostsFile", "readPaymentsFile", "checkKeyCsv"]) expect(names, internal).not.toContain(internal);
  });

  it("names each export once across the entries (one settle, one calculate)", () => {
    const byName = new Map<string, string[]>();
    for (const d of docs) byName.set(d.name, [...(byName.get(d.name) ?? []), d.entry]);
    expect([...byName].filter(([, entries]) => entries.length > 1)).toEqual([]);
  });

  it("takes no DiagnosticBag in any exported function (an embedder cannot make one)", () => {
    const files = ENTRIES.map((f) => join(ROOT, f));
    const program = entries();
    const checker = program.getTypeChecker();
    const taking: string[] = [];
    for (const file of files) {
      const sf = program.getSourceFile(file);
      const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
      for (const sym of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
        const type = checker.getTypeOfSymbol(sym);
        for (const sig of type.getCallSignatures())
          for (const p of sig.getParameters()) if (/DiagnosticBag/.test(checker.typeToString(checker.getTypeOfSymbol(p)))) taking.push(`${sym.name}(${p.name})`);
      }
    }
    expect(taking).toEqual([]);
  });

  it("has examples that compile against the built package, as an embedder writes them", () => {
    // Each example is a module of its own: the package's exports imported by name (the example's
    // own imports replaced by these), and the names it takes as given (tariff, consumption, …)
    // declared. A call of an older shape (`.result`, `.settlement`, a sync call used as a value) fails.
    const withExamples = docs.filter((d) => d.examples.length > 0);
    const imports = (entry: string, from: string) => {
      const names = [...new Set(docs.filter((d) => d.entry === entry).map((d) => d.name))];
      return `import { ${names.join(", ")} } from "${from}";`;
    };
    const preamble = [imports("src/index.ts", "vardavtal"), imports("src/node/index.ts", "vardavtal/node"), imports("src/xlsx.ts", "vardavtal/xlsx")].join("\n") + "\n";
    const examples = withExamples.flatMap((d) => d.examples.map((code, k) => ({ where: `${d.entry} ${d.name} #${k + 1}`, code: code.replace(/^import .*$/gm, "") })));
    expect(examples.length).toBeGreaterThan(20);
    const path = (i: number) => join(ROOT, "test", `__example-${i}.mts`);
    const parsed = new Map<string, ts.SourceFile | undefined>(); // the package's and lib's files, parsed once for both passes
    const compile = (declared: string[][]) => {
      const texts = new Map(examples.map((e, i) => [path(i), preamble + declared[i]!.map((n) => `declare const ${n}: any;\n`).join("") + e.code + "\nexport {};\n"]));
      const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], strict: true, skipLibCheck: true, noEmit: true, types: [] };
      const host = ts.createCompilerHost(options);
      const read = host.readFile.bind(host);
      const exists = host.fileExists.bind(host);
      const getSource = host.getSourceFile.bind(host);
      host.readFile = (f) => texts.get(f) ?? read(f);
      host.fileExists = (f) => texts.has(f) || exists(f);
      host.getSourceFile = (f, v, ...rest) => {
        if (texts.has(f)) return ts.createSourceFile(f, texts.get(f)!, v);
        if (!parsed.has(f)) parsed.set(f, getSource(f, v, ...rest));
        return parsed.get(f);
      };
      const program = ts.createProgram([...texts.keys()], options, host);
      return examples.map((_, i) => ts.getPreEmitDiagnostics(program, program.getSourceFile(path(i))));
    };
    // the first pass names what each example takes as given: "Cannot find name"
    const given = compile(examples.map(() => [])).map((diags) => [...new Set(diags.filter((d) => d.code === 2304 || d.code === 2552 || d.code === 18004).map((d) => /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, "\n"))?.[1] ?? ""))]);
    const problems = compile(given).flatMap((diags, i) => diags.map((d) => `${examples[i]!.where}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`));
    expect(problems).toEqual([]);
  }, 120_000);
});
