/**
 * The byte checks of the fast reader's scanner: is a range ASCII, is it valid UTF-8. Plain code
 * here (browsers); the Node reader and its workers put Node's native checks in their place.
 */
export interface ByteChecks {
  isAscii(b: Uint8Array): boolean;
  isUtf8(b: Uint8Array): boolean;
}

const fatal = new TextDecoder("utf-8", { fatal: true });

export const byteChecks: ByteChecks = {
  isAscii(b) {
    for (let i = 0; i < b.length; i++) if ((b[i] as number) >= 0x80) return false;
    return true;
  },
  isUtf8(b) {
    try {
      fatal.decode(b);
      return true;
    } catch {
      return false;
    }
  },
};

/** Puts faster checks in place (Node's `isAscii` and `isUtf8` of node:buffer). */
export function useByteChecks(checks: ByteChecks): void {
  byteChecks.isAscii = checks.isAscii;
  byteChecks.isUtf8 = checks.isUtf8;
}
