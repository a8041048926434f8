import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { readZipDirectory } from '../../../common/zip/zip-directory';
import { refuse, type ImportLimits, type ImportOutcome } from './import-refusals';

const MAIN_PART = 'word/document.xml';

/**
 * Reads only the zip's central directory (common/zip: no decompression, so it is cheap enough for the event loop)
 * and refuses a .docx that is not a zip, has too many entries, declares more expanded bytes than allowed in
 * one entry or in all, or has no document body. The worker later checks the real sizes against these.
 */
export async function inspectWordArchive(buffer: Buffer, limits: ImportLimits): Promise<ImportOutcome | null> {
  const directory = readZipDirectory(buffer, { maxEntries: limits.maxEntries, maxExpandedBytes: limits.maxExpandedBytes });
  if (!directory.ok) {
    if (directory.reason === 'too-many-entries') return refuse.tooManyEntries(limits);
    if (directory.reason === 'expands-too-far') return refuse.expandsTooFar(limits);
    return refuse.notWord();
  }
  return directory.entries.some((entry) => entry.name === MAIN_PART) ? null : refuse.notWord();
}

/**
 * Inflates every entry with yauzl, which stops an entry as soon as it yields more bytes than its header
 * declared, so a zip that lies about its sizes costs no more than the declared (already limited) total.
 * Returns the document body's XML, or a refusal.
 */
export async function readWordBody(buffer: Buffer, limits: ImportLimits): Promise<{ xml: string } | ImportOutcome> {
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return refuse.notWord();
  }
  let total = 0;
  let xml: string | null = null;
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limits.maxExpandedBytes) {
          stream.destroy();
          return refuse.expandsTooFar(limits);
        }
        if (entry.fileName === MAIN_PART) chunks.push(chunk);
      }
      if (entry.fileName === MAIN_PART) xml = Buffer.concat(chunks).toString('utf8');
    }
  } catch (error) {
    // yauzl: "too many bytes in the stream", "not enough bytes", "invalid compressed data", CRC-free but sized.
    return /bytes in the stream|expected \d+/i.test((error as Error).message ?? '') ? refuse.sizesDoNotMatch() : refuse.notWord();
  } finally {
    zip.close();
  }
  return xml === null ? refuse.notWord() : { xml };
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    zip.once('entry', onEntry);
    zip.once('end', onEnd);
    zip.once('error', onError);
    zip.readEntry();
  });
}
