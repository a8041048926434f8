import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Deflate the entry (method 8) rather than store it. */
  deflate?: boolean;
  /** Write this uncompressed size into the headers instead of the true one: a zip that lies about itself. */
  declaredSize?: number;
}

/**
 * A small ZIP writer, deflate or stored, so tests can build real Word files, and zip bombs, in memory.
 * (libs/spec-check/test/helpers/zip.ts stores only; a bomb needs compression.)
 */
export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflate ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const method = entry.deflate ? 8 : 0;
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(0x00210000, 12);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBuf, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The parts every .docx has besides its body, so a reader takes it for a Word document. */
function docxFrame(): ZipEntry[] {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '</Relationships>',
      ),
    },
  ];
}

export function documentXml(bodyXml: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`,
  );
}

/** A small real .docx with one paragraph per line. */
export function docx(paragraphs: string[]): Buffer {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('');
  return zip([...docxFrame(), { name: 'word/document.xml', data: documentXml(body), deflate: true }]);
}

/** A .docx whose document.xml holds `paragraphs` short paragraphs: a few kilobytes that expand to megabytes of XML. */
export function paragraphBomb(paragraphs: number, opts: { declaredSize?: number } = {}): Buffer {
  const body = '<w:p><w:r><w:t>The supplier shall.</w:t></w:r></w:p>'.repeat(paragraphs);
  return zip([...docxFrame(), { name: 'word/document.xml', data: documentXml(body), deflate: true, declaredSize: opts.declaredSize }]);
}

/** A .docx whose document.xml is one enormous text run (`megabytes` of the same letter): the best ratio deflate gives. */
export function textBomb(megabytes: number): Buffer {
  const body = `<w:p><w:r><w:t>${'a'.repeat(megabytes * 1024 * 1024)}</w:t></w:r></w:p>`;
  return zip([...docxFrame(), { name: 'word/document.xml', data: documentXml(body), deflate: true }]);
}

/** A .docx with thousands of tiny extra entries: cheap to send, costly for a reader that opens each. */
export function manyEntries(count: number): Buffer {
  const extra = Array.from({ length: count }, (_, i) => ({ name: `word/media/p${i}.xml`, data: Buffer.from('<x/>') }));
  return zip([
    ...docxFrame(),
    { name: 'word/document.xml', data: documentXml('<w:p><w:r><w:t>One.</w:t></w:r></w:p>'), deflate: true },
    ...extra,
  ]);
}
