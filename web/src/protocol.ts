/** The messages between the page and its worker. */
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
  | { kind: "calculated"; json: string; warnings: string[]; downloads: Download[] }
  | { kind: "key-checked"; json: string; warnings: string[]; downloads: Download[] };
