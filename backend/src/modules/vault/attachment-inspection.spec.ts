import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docx, zip, type ZipEntry } from '../../../test/support/zip-writer';
import { ATTACHMENT_ZIP_BOUNDS, inspectAttachment } from './attachment-inspection';
import { safeAttachmentName } from './attachment-name';
import { AttachmentRefusedError } from './vault.errors';

const ooxml = (main: string): ZipEntry[] => [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: '_rels/.rels', data: Buffer.from('<Relationships/>') },
  { name: main, data: Buffer.from('<x/>'), deflate: true },
];
const odf = (mime: string) =>
  zip([
    { name: 'mimetype', data: Buffer.from(mime) },
    { name: 'content.xml', data: Buffer.from('<office:document-content/>'), deflate: true },
    { name: 'META-INF/manifest.xml', data: Buffer.from('<manifest/>'), deflate: true },
  ]);

const files = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR')]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  docx: docx(['Our approach']),
  xlsx: zip(ooxml('xl/workbook.xml')),
  pptx: zip(ooxml('ppt/presentation.xml')),
  odt: odf('application/vnd.oasis.opendocument.text'),
  ods: odf('application/vnd.oasis.opendocument.spreadsheet'),
  txt: Buffer.from('\ufeffPlain text, with “quotes” and £.\n'),
  csv: Buffer.from('line,quantity,unit price\nLicences,10,£120.00\n'),
  exe: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(64), Buffer.from('PE\0\0')]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(32)]),
};

const refusal = (name: string, data: Buffer) => {
  try {
    inspectAttachment(name, data);
  } catch (error) {
    expect(error).toBeInstanceOf(AttachmentRefusedError);
    expect(error).toMatchObject({ kind: 'unprocessable' });
    return (error as Error).message;
  }
  throw new Error(`${name} was accepted`);
};

describe('inspectAttachment', () => {
  it.each([
    ['Method statement.pdf', files.pdf, 'application/pdf', 'pdf'],
    ['Org chart.PNG', files.png, 'image/png', 'png'],
    ['Team photo.jpg', files.jpeg, 'image/jpeg', 'jpg'],
    ['Team photo.jpeg', files.jpeg, 'image/jpeg', 'jpeg'],
    ['Approach.docx', files.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['Pricing.xlsx', files.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['Pitch.pptx', files.pptx, 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
    ['Approach.odt', files.odt, 'application/vnd.oasis.opendocument.text', 'odt'],
    ['Pricing.ods', files.ods, 'application/vnd.oasis.opendocument.spreadsheet', 'ods'],
    ['Notes.txt', files.txt, 'text/plain; charset=utf-8', 'txt'],
    ['Breakdown.csv', files.csv, 'text/csv; charset=utf-8', 'csv'],
  ])('accepts %s as what its content is', (name, data, contentType, extension) => {
    expect(inspectAttachment(name, data)).toEqual({ fileName: name, contentType, extension });
  });

  it('accepts a real Word document saved by Word', () => {
    const real = readFileSync(join(__dirname, '../../../test/fixtures/specification.docx'));
    expect(inspectAttachment('specification.docx', real).extension).toBe('docx');
  });

  it('refuses a Windows program renamed .pdf, and other programs, saying what they are', () => {
    expect(refusal('invoice.pdf', files.exe)).toMatch(/^"invoice\.pdf" is a program, not a document/);
    expect(refusal('setup.docx', files.elf)).toMatch(/is a program/);
    expect(refusal('setup.exe', files.exe)).toMatch(/Files ending \.exe cannot be attached/);
  });

  it('refuses content that does not match its extension, naming both', () => {
    expect(refusal('price.pdf', files.docx)).toBe(
      '"price.pdf" is named .pdf but it is a Word document. Save it with the right extension and attach it again.',
    );
    expect(refusal('photo.png', files.jpeg)).toMatch(/is named \.png but it is a JPEG image/);
    expect(refusal('notes.txt', files.pdf)).toMatch(/is named \.txt but it is a PDF/);
    expect(refusal('book.xlsx', files.docx)).toMatch(/is a Word document/);
    expect(refusal('report.pdf', Buffer.from('just some text'))).toMatch(/is named \.pdf but it is a text file/);
  });

  it('refuses unknown types, archives and macro-enabled documents', () => {
    expect(refusal('archive.zip', zip([{ name: 'a.txt', data: Buffer.from('a') }]))).toMatch(/Files ending \.zip cannot be attached/);
    expect(refusal('approach.docx', zip([{ name: 'a.txt', data: Buffer.from('a') }]))).toMatch(/is not a Word document/);
    expect(refusal('legacy.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/\.doc cannot be attached/);
    const macro = zip([...ooxml('word/document.xml'), { name: 'word/vbaProject.bin', data: Buffer.from('vba') }]);
    expect(refusal('approach.docx', macro)).toMatch(/contains macros/);
    expect(refusal('image.png', Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0]))).toMatch(/is not a PNG image/);
  });

  it('refuses a zip bomb inside a .docx: a real one (tiny, unpacks 1,000-fold) and one whose directory declares too much', () => {
    const bomb = zip([
      ...ooxml('word/document.xml'),
      { name: 'word/media/filler.bin', data: Buffer.alloc(32 * 1024 * 1024), deflate: true },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(refusal('bomb.docx', bomb)).toMatch(/^"bomb\.docx" unpacks to far more than its size/);
    const liar = zip([...ooxml('word/document.xml'), { name: 'word/media/a.bin', data: Buffer.from('x'), declaredSize: 0xfffffff0 }]);
    expect(refusal('liar.docx', liar)).toMatch(/unpacks to far more than its size/);
    const many = zip([
      ...ooxml('word/document.xml'),
      ...Array.from({ length: ATTACHMENT_ZIP_BOUNDS.maxEntries }, (_, i) => ({ name: `p/${i}`, data: Buffer.alloc(0) })),
    ]);
    expect(refusal('many.docx', many)).toMatch(/is made of more than 2,000 parts/);
  });

  it('refuses a damaged Office file', () => {
    expect(refusal('broken.docx', files.docx.subarray(0, files.docx.length - 10))).toMatch(/looks damaged/);
  });

  it('refuses text with a NUL byte or that is not UTF-8', () => {
    expect(refusal('notes.txt', Buffer.from('hello\0world'))).toMatch(/"notes\.txt" is not a text file/);
    expect(refusal('data.csv', Buffer.from([0x61, 0x2c, 0xff, 0xfe, 0x0a]))).toMatch(/is not a CSV file/);
  });

  it('refuses an empty file and a name without an extension', () => {
    expect(refusal('empty.pdf', Buffer.alloc(0))).toMatch(/is empty/);
    expect(refusal('README', files.txt)).toMatch(/has no file extension/);
  });

  describe('file names', () => {
    it.each([
      ['../../etc/passwd', 'has no file extension', 'passwd'],
      ['..\\..\\win.ini', 'Files ending .ini', null],
      ['/var/www/../../evidence.pdf', null, 'evidence.pdf'],
      ['C:\\Users\\me\\Desktop\\Method statement.pdf', null, 'Method statement.pdf'],
      ['..\\..\\..\\evidence.pdf', null, 'evidence.pdf'],
      ['.hidden.pdf', null, 'hidden.pdf'],
      ['...pdf', 'has no file extension', null],
      ['evil\u202Efdp.exe', 'Files ending .exe', null],
      ['re\u0000port\u0007.pdf', null, 'report.pdf'],
      ['a<b>:c|d?.pdf', null, 'a_b__c_d_.pdf'],
      ['report.pdf. . ', null, 'report.pdf'],
    ])('%j', (name, refused, kept) => {
      if (refused) expect(refusal(name, files.pdf)).toContain(refused);
      else expect(inspectAttachment(name, files.pdf).fileName).toBe(kept);
      if (kept) expect(safeAttachmentName(name)).toBe(kept);
    });

    it('bounds a very long name and keeps its extension', () => {
      const long = `${'Very long tender response appendix '.repeat(40)}.pdf`;
      const { fileName } = inspectAttachment(long, files.pdf);
      expect(fileName.length).toBeLessThanOrEqual(120);
      expect(fileName.endsWith('.pdf')).toBe(true);
      expect(inspectAttachment(`${'é'.repeat(500)}.pdf`, files.pdf).fileName).toBe(`${'é'.repeat(116)}.pdf`);
    });

    it('never lets a name climb out of a directory, whatever it holds', () => {
      for (const name of ['../x.pdf', '..%2F..%2Fx.pdf', 'a/../../x.pdf', '\\\\server\\share\\x.pdf', '....//x.pdf'])
        expect(inspectAttachment(name, files.pdf).fileName).not.toMatch(/[/\\]|^\./);
    });
  });
});
