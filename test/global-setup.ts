/**
 * The integration project's global setup: one LibreOffice kept running for the whole run (see
 * test/libreoffice.ts), its profile handed to the test processes with `provide`.
 */
import type { TestProject } from "vitest/node";
import { keepOfficeRunning, type KeptOffice } from "./libreoffice.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The profile of the LibreOffice kept running, or "" when none is. */
    libreOfficeProfile: string;
    /** runMain runs the built dist/cli/main.js (the integration project), not src/ */
    builtMain: boolean;
  }
}

let office: KeptOffice | undefined;

export async function setup(project: TestProject): Promise<void> {
  office = await keepOfficeRunning();
  project.provide("libreOfficeProfile", office?.profile ?? "");
  project.provide("builtMain", true);
}

export function teardown(): void {
  office?.stop();
}
