/**
 * The page's hashing worker: the SHA-256 of a large consumption file, fed chunk by chunk by the
 * reading worker, on another core while that one scans. "end" asks for the digest.
 */
import { sha256 } from "../../src/read/sha256.js";

const hash = sha256();
self.onmessage = (event: MessageEvent<Uint8Array | "end">) => {
  if (event.data === "end") (self as unknown as { postMessage(m: string): void }).postMessage(hash.hex());
  else hash.update(event.data);
};
