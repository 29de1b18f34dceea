/**
 * LibreOffice for the tests: one instance kept running for the whole integration run.
 *
 * A start of LibreOffice costs about 4 s of CPU; the recalculation of a workbook a tenth of
 * that. A `soffice --convert-to` started while an instance of the same profile runs hands its
 * files to that instance over LibreOffice's own pipe and returns when they are written (about
 * 0.5 s). The instance lives only while it has a document open, so the global setup opens a
 * one-cell workbook in it and keeps it open until the run ends.
 *
 * Without the global setup (a test file run on its own with another config) each test process
 * makes a profile of its own and starts LibreOffice per batch, as before: slower, same results.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";

export function soffice(): string | undefined {
  for (const cmd of ["soffice", "libreoffice"]) if (spawnSync("which", [cmd]).status === 0) return cmd;
  return undefined;
}

/**
 * A new LibreOffice profile under `dir`, set to recalculate OOXML on load (so that the values
 * saved are LibreOffice's own, never the cached ones read back). Returns its path.
 */
export function makeProfile(dir: string): string {
  const profile = join(dir, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

/** The arguments that make `soffice` use `profile` (the same text in server and clients: LibreOffice names its pipe after it). */
export function profileArg(profile: string): string {
  return `-env:UserInstallation=file://${profile}`;
}

export interface KeptOffice {
  profile: string;
  stop(): void;
}

/**
 * Starts LibreOffice headless with a one-cell workbook open in a new profile, and returns at once
 * (the start takes seconds: the tests that need it come later). Undefined when LibreOffice is
 * missing. The instance is ready once LibreOffice's lock file beside the workbook appears
 * (`officeReady`); a file "exited" beside it says that it stopped.
 */
export async function keepOfficeRunning(): Promise<KeptOffice | undefined> {
  const cmd = soffice();
  if (!cmd) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "vardavtal-lo-kept-"));
  const profile = makeProfile(dir);
  const keep = join(dir, "keep.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("keep").getCell("A1").value = 1;
  await wb.xlsx.writeFile(keep);
  const child: ChildProcess = spawn(cmd, ["--headless", "--norestore", profileArg(profile), keep], { stdio: "ignore", detached: true });
  child.unref();
  let exited = false;
  child.on("exit", () => {
    exited = true;
    if (existsSync(dir)) writeFileSync(join(dir, "exited"), "");
  });
  const stop = (): void => {
    try {
      if (child.pid && !exited) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { profile, stop };
}

/**
 * Whether the instance kept for `profile` is up: waits (up to `timeoutMs`) until its workbook is
 * loaded; false when it stopped or did not come up in time (the caller then starts its own).
 */
export function officeReady(profile: string, timeoutMs = 60_000): boolean {
  const dir = dirname(profile);
  const until = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (Date.now() < until) {
    if (existsSync(join(dir, "exited"))) return false;
    if (existsSync(join(dir, ".~lock.keep.xlsx#"))) return true;
    Atomics.wait(pause, 0, 0, 100);
  }
  return false;
}
