import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { renderTenderPack, renderTenderPackToBuffer } from '../src';
import { SAMPLE_CLARIFICATIONS, sampleTender } from './fixtures/sample-tender';
import { flat, PdfFile } from './support/readers';

/**
 * A published pack is hashed and the hash shown next to the download, so the same tender version must
 * always produce the same bytes — and any change must produce different ones. The file also streams:
 * bytes reach the output while later pages are still being laid out, and a slow reader is waited for.
 */

const options = { draft: false, version: 2, generatedAt: new Date('2026-11-02T10:30:00Z'), clarifications: SAMPLE_CLARIFICATIONS };

describe('deterministic output', () => {
  it('renders the same tender version to byte-identical files with the same SHA-256', async () => {
    const a = await renderTenderPackToBuffer(sampleTender(), options);
    const b = await renderTenderPackToBuffer(sampleTender(), { ...options, generatedAt: new Date(options.generatedAt) });
    expect(a.pdf.equals(b.pdf)).toBe(true);
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toBe(createHash('sha256').update(a.pdf).digest('hex'));
    expect(a.byteLength).toBe(a.pdf.length);
  });

  it('produces different bytes when the title changes', async () => {
    const a = await renderTenderPackToBuffer(sampleTender(), options);
    const b = await renderTenderPackToBuffer(sampleTender({ title: 'Community wellbeing navigation services' }), options);
    expect(a.sha256).not.toBe(b.sha256);
  });

  it('produces different bytes for a different version or publication date', async () => {
    const a = await renderTenderPackToBuffer(sampleTender(), options);
    const v3 = await renderTenderPackToBuffer(sampleTender(), { ...options, version: 3 });
    const later = await renderTenderPackToBuffer(sampleTender(), { ...options, generatedAt: new Date('2026-11-03T10:30:00Z') });
    expect(new Set([a.sha256, v3.sha256, later.sha256]).size).toBe(3);
  });

  it('refuses to stamp a pack without a valid date rather than falling back to "now"', async () => {
    await expect(renderTenderPackToBuffer(sampleTender(), { ...options, generatedAt: new Date('not a date') })).rejects.toThrow(
      /generatedAt/,
    );
  });

  it('writes the given date, not the current time, as the creation and modification date', async () => {
    const { pdf } = await renderTenderPackToBuffer(sampleTender(), options);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('(D:20261102103000Z)');
    expect(raw).not.toContain(
      `(D:${new Date().getUTCFullYear()}${String(new Date().getUTCMonth() + 1).padStart(2, '0')}${String(new Date().getUTCDate()).padStart(2, '0')}`,
    );
  });
});

describe('draft packs', () => {
  it('carry a DRAFT watermark and warning; published packs do not', async () => {
    const draft = new PdfFile((await renderTenderPackToBuffer(sampleTender(), { ...options, draft: true })).pdf);
    const published = new PdfFile((await renderTenderPackToBuffer(sampleTender(), options)).pdf);
    try {
      const draftPages = draft.pages();
      // Every page's content draws the watermark, marked as a watermark artifact.
      const objects = draft.objects();
      const pageDicts = objects.all().filter((o) => o?.['/Type'] === '/Page');
      expect(pageDicts).toHaveLength(draftPages.length);
      for (const page of pageDicts)
        expect(objects.streamText(page['/Contents'])).toContain('/Artifact <</Type /Pagination /Subtype /Watermark>> BDC');
      expect(flat(draftPages[0])).toContain('Draft – not for publication');
      expect(flat(draftPages[1])).toContain('Version 2 · DRAFT');
      expect(draft.info()['Subject']).toContain('(draft)');
      expect(published.text()).not.toMatch(/DRAFT/);
      // The watermark is an artifact: not part of the document's logical content.
      expect(draft.structure()).not.toMatch(/"DRAFT"/);
    } finally {
      draft.dispose();
      published.dispose();
    }
  });
});

describe('streaming', () => {
  /** A writable that accepts one small chunk at a time, slowly, like a client on a poor connection. */
  function slowSink() {
    const chunks: Buffer[] = [];
    const writeTimes: number[] = [];
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, callback) {
        chunks.push(chunk);
        writeTimes.push(Date.now());
        setTimeout(callback, 1);
      },
    });
    return { out, chunks, writeTimes };
  }

  it('sends pages as they are painted, waits for a slow reader, and produces the same bytes', async () => {
    const { out, chunks, writeTimes } = slowSink();
    let resolvedAt = 0;
    const result = await renderTenderPack(sampleTender(), options, out).then((r) => {
      resolvedAt = Date.now();
      return r;
    });
    const streamed = Buffer.concat(chunks);
    const buffered = await renderTenderPackToBuffer(sampleTender(), options);
    expect(streamed.equals(buffered.pdf)).toBe(true);
    expect(result.sha256).toBe(buffered.sha256);
    // Roughly one write per page: the file was not produced in one piece at the end.
    expect(chunks.length).toBeGreaterThanOrEqual(result.pageCount);
    expect(writeTimes[0]).toBeLessThanOrEqual(resolvedAt);
    expect(out.writableFinished).toBe(true);
  });

  it('can leave the output open for the caller', async () => {
    const { out } = slowSink();
    await renderTenderPack(sampleTender(), options, out, { end: false });
    expect(out.writableEnded).toBe(false);
    out.end();
  });

  it('rejects when the output fails', async () => {
    const out = new Writable({
      write(_chunk, _enc, callback) {
        callback(new Error('client went away'));
      },
    });
    out.on('error', () => undefined);
    await expect(renderTenderPack(sampleTender(), options, out)).rejects.toThrow('client went away');
  });
});
