import { readZipDirectory, storedEntryData, type ZipBounds, type ZipEntryInfo } from '../../common/zip/zip-directory';
import { extensionOf, safeAttachmentName } from './attachment-name';
import { AttachmentRefusedError } from './vault.errors';

export interface InspectedAttachment {
  /** The name to show and offer for download (attachment-name.ts); never a storage key. */
  fileName: string;
  contentType: string;
  /** Lower case, no dot: "pdf", "docx", "jpg"… */
  extension: string;
}

type Kind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'png' | 'jpeg' | 'txt' | 'csv';

/** What may be attached: each kind, the extensions it may carry, its content type and the name a supplier knows it by. */
const KINDS: Record<Kind, { extensions: string[]; contentType: string; label: string }> = {
  pdf: { extensions: ['pdf'], contentType: 'application/pdf', label: 'a PDF' },
  docx: {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'a Word document',
  },
  xlsx: {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'an Excel workbook',
  },
  pptx: {
    extensions: ['pptx'],
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'a PowerPoint presentation',
  },
  odt: { extensions: ['odt'], contentType: 'application/vnd.oasis.opendocument.text', label: 'an OpenDocument text' },
  ods: { extensions: ['ods'], contentType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'an OpenDocument spreadsheet' },
  png: { extensions: ['png'], contentType: 'image/png', label: 'a PNG image' },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', label: 'a JPEG image' },
  txt: { extensions: ['txt'], contentType: 'text/plain; charset=utf-8', label: 'a text file' },
  csv: { extensions: ['csv'], contentType: 'text/csv; charset=utf-8', label: 'a CSV file' },
};

const KIND_BY_EXTENSION = new Map(Object.entries(KINDS).flatMap(([kind, k]) => k.extensions.map((ext) => [ext, kind as Kind])));

export const ALLOWED_ATTACHMENT_EXTENSIONS = [...KIND_BY_EXTENSION.keys()];
const ALLOWED_LIST = 'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods), PNG, JPEG, text (.txt) or CSV';

/**
 * Office and ODF files are zips: their central directory is checked before anything else. Real documents stay far
 * inside these; a zip bomb (a few KB declaring gigabytes, or thousands of entries) does not.
 */
export const ATTACHMENT_ZIP_BOUNDS: ZipBounds = {
  maxEntries: 2000,
  maxExpandedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFromBytes: 10 * 1024 * 1024,
};

/**
 * Decides what an uploaded file is from its content (not its name), and refuses it unless it is one of the allowed
 * kinds and its extension says the same: an executable renamed .pdf, a zip bomb named .docx, a binary named .txt
 * are each refused with a plain message (422). Pure and synchronous: reads headers and the zip directory only.
 */
export function inspectAttachment(originalName: string, data: Buffer): InspectedAttachment {
  const fileName = safeAttachmentName(originalName);
  const extension = extensionOf(fileName);
  const claimed = KIND_BY_EXTENSION.get(extension);
  if (!claimed)
    throw new AttachmentRefusedError(
      extension
        ? `Files ending .${extension} cannot be attached. Attach ${ALLOWED_LIST} files.`
        : `"${fileName}" has no file extension. Attach ${ALLOWED_LIST} files, with their extension.`,
    );
  if (data.length === 0) throw new AttachmentRefusedError(`"${fileName}" is empty. Choose the file again.`);
  if (looksExecutable(data))
    throw new AttachmentRefusedError(`"${fileName}" is a program, not a document, so it cannot be attached. Attach ${ALLOWED_LIST} files.`);

  const found = kindOf(fileName, data, claimed);
  if (found !== claimed)
    throw new AttachmentRefusedError(
      found
        ? `"${fileName}" is named .${extension} but it is ${KINDS[found].label}. Save it with the right extension and attach it again.`
        : `"${fileName}" is not ${KINDS[claimed].label}: its content does not match its name. Save it again as ${KINDS[claimed].label} and attach it.`,
    );
  return { fileName, contentType: KINDS[claimed].contentType, extension };
}

function kindOf(fileName: string, data: Buffer, claimed: Kind): Kind | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return packageKind(fileName, data);
  if (isPlainText(data)) return claimed === 'csv' ? 'csv' : 'txt';
  return null;
}

/** Which document a zip holds, from its parts; refuses bombs, damaged archives and macro-enabled documents. */
function packageKind(fileName: string, data: Buffer): Kind | null {
  const directory = readZipDirectory(data, ATTACHMENT_ZIP_BOUNDS);
  if (!directory.ok) {
    if (directory.reason === 'not-zip')
      throw new AttachmentRefusedError(`"${fileName}" could not be read: it looks damaged. Save it again and attach the new copy.`);
    if (directory.reason === 'too-many-entries')
      throw new AttachmentRefusedError(
        `"${fileName}" is made of more than ${ATTACHMENT_ZIP_BOUNDS.maxEntries.toLocaleString('en-GB')} parts, more than a document needs. Save it again without embedded files.`,
      );
    throw new AttachmentRefusedError(
      `"${fileName}" unpacks to far more than its size (more than ${ATTACHMENT_ZIP_BOUNDS.maxExpandedBytes / (1024 * 1024)} MB, or over ${ATTACHMENT_ZIP_BOUNDS.maxRatio} times its size), so it cannot be attached. Remove large embedded files, or save it as PDF.`,
    );
  }
  const names = new Set(directory.entries.map((e) => e.name));
  if (directory.entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name)))
    throw new AttachmentRefusedError(
      `"${fileName}" contains macros, which cannot be attached. Save it without macros (.docx, .xlsx, .pptx) or as PDF.`,
    );
  if (names.has('[Content_Types].xml')) {
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('ppt/presentation.xml')) return 'pptx';
  }
  const odf = odfMimeType(data, directory.entries);
  if (odf === KINDS.odt.contentType) return 'odt';
  if (odf === KINDS.ods.contentType) return 'ods';
  // Some other zip (a plain archive, a .jar, an .epub): not a document we accept, whatever its name.
  return null;
}

/** An ODF package starts with a stored entry `mimetype` holding its media type (ODF 1.2 part 3, 3.3). */
function odfMimeType(data: Buffer, entries: ZipEntryInfo[]): string | null {
  const entry = entries.find((e) => e.name === 'mimetype');
  if (!entry || entry.compressedSize > 100) return null;
  return storedEntryData(data, entry)?.toString('ascii') ?? null;
}

/** Valid UTF-8 (a byte-order mark allowed), no NUL bytes: what a .txt or .csv must be to open everywhere. */
function isPlainText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Windows (MZ with its zero-filled DOS header), ELF, Mach-O and Java class files, whatever they are called. */
function looksExecutable(data: Buffer): boolean {
  if (startsWith(data, [0x4d, 0x5a]) && data.subarray(0, 64).includes(0)) return true;
  if (startsWith(data, [0x7f, 0x45, 0x4c, 0x46])) return true;
  const magic = data.length >= 4 ? data.readUInt32BE(0) : 0;
  return [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic);
}

function startsWith(data: Buffer, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}
