import { docx, zip } from '../../../test/support/zip-writer';
import { readZipDirectory, storedEntryData } from './zip-directory';

const bounds = { maxEntries: 10, maxExpandedBytes: 1000, maxRatio: 50, ratioFromBytes: 100 };

describe('readZipDirectory', () => {
  it('lists the entries of a zip with their declared sizes, without inflating them', () => {
    const result = readZipDirectory(docx(['Hello']), { maxEntries: 10, maxExpandedBytes: 100_000 });
    expect(result.ok && result.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('reads a stored entry through its local header', () => {
    const archive = zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') }]);
    const result = readZipDirectory(archive, bounds);
    expect(result.ok && storedEntryData(archive, result.entries[0]!)?.toString()).toBe('application/vnd.oasis.opendocument.text');
  });

  it('refuses too many entries before walking them', () => {
    const many = zip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}`, data: Buffer.alloc(0) })));
    expect(readZipDirectory(many, bounds)).toEqual({ ok: false, reason: 'too-many-entries' });
  });

  it('refuses an entry, or all of them, declaring more than allowed', () => {
    expect(readZipDirectory(zip([{ name: 'a', data: Buffer.from('x'), declaredSize: 1001 }]), bounds)).toEqual({
      ok: false,
      reason: 'expands-too-far',
    });
    const total = zip(Array.from({ length: 3 }, (_, i) => ({ name: `${i}`, data: Buffer.alloc(400, 65) })));
    expect(readZipDirectory(total, bounds)).toEqual({ ok: false, reason: 'expands-too-far' });
  });

  it('refuses an archive that compresses far beyond any document', () => {
    expect(readZipDirectory(zip([{ name: 'a', data: Buffer.alloc(900), deflate: true }]), bounds)).toEqual({
      ok: false,
      reason: 'too-compressed',
    });
    // Below ratioFromBytes the ratio is not judged: small parts compress well.
    expect(readZipDirectory(zip([{ name: 'a', data: Buffer.alloc(90), deflate: true }]), bounds).ok).toBe(true);
  });

  it.each([
    ['nothing', Buffer.alloc(0)],
    ['text', Buffer.from('PK not really a zip at all, just text that is long enough')],
    ['a truncated zip', docx(['Hello']).subarray(0, 200)],
    [
      'a zip with its directory cut',
      (() => {
        const z = docx(['Hello']);
        return Buffer.concat([z.subarray(0, z.length - 60), z.subarray(z.length - 22)]);
      })(),
    ],
  ])('says %s is not a zip', (_what, data) => {
    expect(readZipDirectory(data, bounds)).toEqual({ ok: false, reason: 'not-zip' });
  });
});
