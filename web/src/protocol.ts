/** The messages between the page and its worker. */
import type { keyCheckToJson } from "../../src/contracts/keycheck.js";
import type { resultToJson } from "../../src/contracts/result-json.js";

/** The result as `calculate --json` writes it: the library's own contract type, never re-declared. */
export type ResultJson = ReturnType<typeof resultToJson>;
/** The key check as `check-key --json` writes it: the library's own contract type. */
export type KeyCheckJson = ReturnType<typeof keyCheckToJson>;
export type TariffChoice = { year: number } | { file: File };

export type Job =
  | { kind: "calculate"; tariff: TariffChoice; consumption: File; population?: File }
  | { kind: "check-key"; tariff: TariffChoice; costs: File; population?: File; tolerance: string };

export interface Download {
  name: string;
  type: string;
  data: Uint8Array | string;
}

export type Reply =
  | { kind: "progress"; read: number; total: number }
  | { kind: "errors"; lines: string[] }
  | { kind: "calculated"; json: string; value: ResultJson; warnings: string[]; downloads: Download[] }
  | { kind: "key-checked"; json: string; value: KeyCheckJson; warnings: string[]; downloads: Download[] };
