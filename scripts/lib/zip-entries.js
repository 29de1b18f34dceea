// Shared by scripts/snapshot-outputs.js and test/outputs-unchanged.test.ts: one reader of a ZIP
// archive (.xlsx) for both, so that the manifest and its check digest a workbook alike.
import { inflateRawSync } from "node:zlib";

/**
 * A ZIP archive's entries from its central directory, each with the header fields that do not
 * follow from the content, and its uncompressed content.
 */
export function zipEntries(zip) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a ZIP archive: no end of central directory");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`ZIP central directory entry ${k} is broken`);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`ZIP entry ${name}: no local header`);
    const localNameLength = zip.readUInt16LE(local + 26);
    const start = local + 30 + localNameLength + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    const content = method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined;
    if (!content) throw new Error(`ZIP entry ${name}: compression method ${method} is not read here`);
    const header = {
      madeBy: zip.readUInt16LE(p + 4),
      needed: zip.readUInt16LE(p + 6),
      flags: zip.readUInt16LE(p + 8),
      method,
      time: zip.readUInt16LE(p + 12),
      date: zip.readUInt16LE(p + 14),
      internalAttributes: zip.readUInt16LE(p + 36),
      externalAttributes: zip.readUInt32LE(p + 38),
      extra: zip.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength).toString("hex"),
      comment: zip.subarray(p + 46 + nameLength + extraLength, p + 46 + nameLength + extraLength + commentLength).toString("hex"),
      localName: zip.subarray(local + 30, local + 30 + localNameLength).toString("utf8"),
      localNeeded: zip.readUInt16LE(local + 4),
      localFlags: zip.readUInt16LE(local + 6),
      localMethod: zip.readUInt16LE(local + 8),
      localTime: zip.readUInt16LE(local + 10),
      localDate: zip.readUInt16LE(local + 12),
      localExtra: zip.subarray(local + 30 + localNameLength, start).toString("hex"),
    };
    entries.push({ name, header, content });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, comment: zip.subarray(eocd + 22, eocd + 22 + zip.readUInt16LE(eocd + 20)).toString("hex") };
}
