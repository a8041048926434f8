/**
 * Reads a zip's central directory only (no decompression, synchronous and cheap: fine on the event loop) and checks
 * its declared bounds before anything inflates a byte: entry count, each entry's and the total uncompressed size,
 * and the compression ratio. Used by the specification import (.docx) and attachment checks (Office and ODF files
 * are zips). Whoever inflates later must still stop at the declared sizes (yauzl does: validateEntrySizes).
 */
export interface ZipBounds {
  maxEntries: number;
  /** Most bytes one entry, or all together, may declare they unpack to. */
  maxExpandedBytes: number;
  /** Most uncompressed bytes per compressed byte over the whole archive, once it unpacks to more than ratioFromBytes. */
  maxRatio?: number;
  ratioFromBytes?: number;
}

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipRefusal = 'not-zip' | 'too-many-entries' | 'expands-too-far' | 'too-compressed';

export type ZipDirectory = { ok: true; entries: ZipEntryInfo[]; expandedBytes: number } | { ok: false; reason: ZipRefusal };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;

export function readZipDirectory(zip: Buffer, bounds: ZipBounds): ZipDirectory {
  const eocd = findEndOfDirectory(zip);
  if (eocd < 0) return { ok: false, reason: 'not-zip' };
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  // Multi-disk archives and Zip64 (markers 0xffff / 0xffffffff) are not documents anyone uploads here.
  if (zip.readUInt16LE(eocd + 4) !== 0 || count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    return { ok: false, reason: 'not-zip' };
  if (count > bounds.maxEntries) return { ok: false, reason: 'too-many-entries' };
  if (offset + size > eocd) return { ok: false, reason: 'not-zip' };

  const entries: ZipEntryInfo[] = [];
  let at = offset;
  let expanded = 0;
  let compressed = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_BYTES > offset + size || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) return { ok: false, reason: 'not-zip' };
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + CENTRAL_BYTES + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (next > offset + size) return { ok: false, reason: 'not-zip' };
    const entry: ZipEntryInfo = {
      name: zip.toString('utf8', at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    };
    if (entry.localHeaderOffset + LOCAL_BYTES > offset) return { ok: false, reason: 'not-zip' };
    expanded += entry.uncompressedSize;
    compressed += entry.compressedSize;
    if (entry.uncompressedSize > bounds.maxExpandedBytes || expanded > bounds.maxExpandedBytes)
      return { ok: false, reason: 'expands-too-far' };
    entries.push(entry);
    at = next;
  }
  if (bounds.maxRatio && expanded > (bounds.ratioFromBytes ?? 0) && expanded / Math.max(1, compressed) > bounds.maxRatio)
    return { ok: false, reason: 'too-compressed' };
  return { ok: true, entries, expandedBytes: expanded };
}

/**
 * The bytes of a stored (method 0) entry, read through its local header; null when it is compressed, encrypted
 * or out of bounds. For small marker entries such as an ODF package's `mimetype`.
 */
export function storedEntryData(zip: Buffer, entry: ZipEntryInfo): Buffer | null {
  if (entry.method !== 0 || (entry.flags & 0x1) !== 0) return null;
  const at = entry.localHeaderOffset;
  if (at + LOCAL_BYTES > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) return null;
  const start = at + LOCAL_BYTES + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end <= zip.length ? zip.subarray(start, end) : null;
}

/** The end-of-central-directory record: searched backwards, past a comment of up to 65,535 bytes. */
function findEndOfDirectory(zip: Buffer): number {
  if (zip.length < EOCD_BYTES) return -1;
  const lowest = Math.max(0, zip.length - EOCD_BYTES - 0xffff);
  for (let at = zip.length - EOCD_BYTES; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_BYTES + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  return -1;
}
