/** A ZIP archive's entries from its central directory: the header fields that do not follow from the content, and the uncompressed content. */
export function zipEntries(zip: Buffer): { entries: { name: string; header: Record<string, unknown>; content: Buffer }[]; comment: string };
