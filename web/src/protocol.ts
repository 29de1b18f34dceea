/** The messages between the page and its worker, and the year's files the page keeps. */
import type { accontoToJson } from "../../src/contracts/acconto.js";
import type { keyCheckToJson } from "../../src/contracts/keycheck.js";
import type { overviewToJson } from "../../src/contracts/overview.js";
import type { resultToJson } from "../../src/contracts/result-json.js";
import type { settlementToJson } from "../../src/contracts/settlement.js";

/** The result as `calculate --json` writes it: the library's own contract type, never re-declared. */
export type ResultJson = ReturnType<typeof resultToJson>;
/** The key check as `check-key --json` writes it: the library's own contract type. */
export type KeyCheckJson = ReturnType<typeof keyCheckToJson>;
/** The a-conto plan as `acconto --json` writes it. */
export type AccontoJson = ReturnType<typeof accontoToJson>;
/** The settlement as `settle --json` writes it. */
export type SettlementJson = ReturnType<typeof settlementToJson>;
/** The overview as `overview --json` writes it. */
export type OverviewJson = ReturnType<typeof overviewToJson>;

/** The commands of the CLI, each a form of the page. */
export const COMMANDS = ["calculate", "key", "check-key", "check-tariff", "propose", "acconto", "settle", "compare", "explain", "overview"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** What a kept file of the year is, so that the forms that take it offer it. */
export type KeptKind = "tariff" | "consumption" | "population" | "result" | "forecast" | "scenario" | "plan" | "settlement" | "costs" | "payments";

/** A file picked, or kept from an earlier step of the year. */
export interface Picked {
  name: string;
  blob: Blob;
}

/** One form's submission, by the CLI's long option names. */
export interface Job {
  /** which run a reply belongs to (a run's workbooks may come after the next run started) */
  id: number;
  command: CommandName;
  /** text fields (`through`, `tolerance`, `index`, `set`, `flow`, `tariff-year`, …) */
  values: Record<string, string>;
  /** check boxes (`variable`, `forecast`) */
  flags: Record<string, boolean>;
  /** file fields, each with its files in order */
  files: Record<string, Picked[]>;
}

export interface Download {
  name: string;
  type: string;
  data: Uint8Array | string;
  /** kept in the year as this kind (offered to the next forms) */
  keep?: KeptKind;
}

/** What the page draws beside the text: the library's JSON contract of the command's output. */
export type View =
  | { kind: "result"; value: ResultJson }
  | { kind: "keycheck"; value: KeyCheckJson }
  | { kind: "acconto"; value: AccontoJson }
  | { kind: "settlement"; value: SettlementJson }
  | { kind: "overview"; value: OverviewJson }
  | { kind: "none" };

export type Reply =
  | { kind: "progress"; read: number; total: number }
  /** the terminal's stderr for bad input: one entry per block, then the count line */
  | { kind: "errors"; lines: string[]; count: string }
  /** the result; `more`: workbooks follow in a "files" message */
  | { kind: "done"; command: CommandName; json?: string; text: string; warnings: string[]; downloads: Download[]; view: View; seconds?: number; more: boolean }
  | { kind: "files"; id: number; downloads: Download[] };
