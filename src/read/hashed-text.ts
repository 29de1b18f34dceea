/** A small file's bytes as text with its description (name, size, SHA-256): a tariff, a result JSON. */
import type { InputFileInfo } from "../contracts/result-json.js";
import { sha256, type Sha256Hasher } from "./sha256.js";

export interface HashedFile {
  text: string;
  info: InputFileInfo;
}

/**
 * A small file's bytes as text (a tariff, a result JSON), with its hash. Undecodable bytes become
 * U+FFFD and a BOM is kept, for the JSON reader to report.
 */
export function hashedText(name: string, role: InputFileInfo["role"], bytes: Uint8Array, hasher: () => Sha256Hasher = sha256): HashedFile {
  const h = hasher();
  h.update(bytes);
  return {
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
    info: { role, file: name, sha256: h.hex(), bytes: bytes.length, encoding: "utf-8" },
  };
}
