/** A file as the readers' ByteSource, hashed with `node:crypto`: its own module, light to load. */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import type { ByteSource } from "../read/csv.js";
import type { Sha256Hasher } from "../read/sha256.js";

/** Node's native SHA-256 behind the readers' hasher interface. */
export function nodeSha256(): Sha256Hasher {
  const h = createHash("sha256");
  return { update: (bytes) => void h.update(bytes), hex: () => h.digest("hex") };
}

/** A file as a ByteSource: its size from `stat`, its bytes streamed in chunks. */
export function fileSource(file: string): ByteSource {
  return {
    name: file,
    open: (chunkSize) => {
      const size = statSync(file).size;
      return { size, chunks: createReadStream(file, { highWaterMark: chunkSize }) as AsyncIterable<Buffer> };
    },
    sha256: nodeSha256,
  };
}
