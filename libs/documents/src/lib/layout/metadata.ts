/**
 * XMP metadata. pdfkit writes the document title into XMP without XML-escaping it, so a tender called
 * "Care & support" would produce invalid XMP (and fail PDF/UA validation, which reads dc:title there).
 * We replace that one step with an escaping version; the rest of pdfkit's metadata handling (the PDF/UA
 * identification added for `subset: 'PDF/UA'`) is unchanged.
 */

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmpDate(date: Date): string {
  return date.toISOString().split('.')[0] + 'Z';
}

interface MetadataHost {
  info: Record<string, unknown>;
  appendXML(xml: string, newline?: boolean): void;
}

export function writeMetadata(doc: unknown): void {
  const host = doc as MetadataHost & { _addInfo: () => void };
  host._addInfo = function (this: MetadataHost) {
    const info = this.info;
    const text = (key: string) => (typeof info[key] === 'string' ? xml(info[key] as string) : '');
    const created = info['CreationDate'] as Date;
    const modified = (info['ModDate'] as Date | undefined) ?? created;
    const lines = [
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
      `<xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>`,
      `<xmp:ModifyDate>${xmpDate(modified)}</xmp:ModifyDate>`,
      `<xmp:CreatorTool>${text('Creator')}</xmp:CreatorTool>`,
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
      `<pdf:Producer>${text('Producer')}</pdf:Producer>`,
      info['Keywords'] ? `<pdf:Keywords>${text('Keywords')}</pdf:Keywords>` : '',
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      '<dc:format>application/pdf</dc:format>',
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text('Title')}</rdf:li></rdf:Alt></dc:title>`,
      info['Author'] ? `<dc:creator><rdf:Seq><rdf:li>${text('Author')}</rdf:li></rdf:Seq></dc:creator>` : '',
      info['Subject'] ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text('Subject')}</rdf:li></rdf:Alt></dc:description>` : '',
      '</rdf:Description>',
    ];
    this.appendXML(lines.filter(Boolean).join('\n'));
  };
}
