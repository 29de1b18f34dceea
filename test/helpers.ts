/** Shared helpers for the tests: running the real command, comparing results to the öre. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(ROOT, "test", "fixtures");
export const BIN = join(ROOT, "bin", "vardavtal.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `vardavtal` command (the built package) with a clean, non-TTY stdio. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "vardavtal-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

interface FlowJson {
  payer: string;
  payee: string;
  component: string;
  label: string | null;
  amount: string;
}

/** Money text → öre, exactly. */
export function ore(text: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not an amount with two decimals: ${text}`);
  const v = BigInt((m[2] ?? "") + (m[3] ?? ""));
  return m[1] === "-" ? -v : v;
}

/** Flows summed by (payer, payee, component, label), zero sums left out, as the spec compares them. */
export function flowSums(flows: FlowJson[]): Record<string, string> {
  const sums = new Map<string, bigint>();
  for (const f of flows) {
    const k = `${f.payer}→${f.payee} ${f.component} ${f.label ?? ""}`;
    sums.set(k, (sums.get(k) ?? 0n) + ore(f.amount));
  }
  return Object.fromEntries([...sums].filter(([, v]) => v !== 0n).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.toString()]));
}

/** A share text compared within 1e-12 of the expected one, exactly (no float). */
export function sharesClose(a: string, b: string): boolean {
  const scale = (s: string): bigint => {
    const [i, f = ""] = s.split(".");
    return BigInt((i ?? "0") + f.padEnd(20, "0").slice(0, 20));
  };
  const d = scale(a) - scale(b);
  return (d < 0n ? -d : d) <= 10n ** 8n; // 1e-12 at 20 decimals
}
