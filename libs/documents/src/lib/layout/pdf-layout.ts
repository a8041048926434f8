import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import {
  CalloutBlock,
  ContentsBlock,
  GroupBlock,
  HeadingBlock,
  KeyValueTableBlock,
  ListBlock,
  NumberedParagraphBlock,
  PageBreakBlock,
  ParagraphBlock,
  RuleBlock,
  SpacerBlock,
  TableBlock,
  type Block,
  type CalloutKind,
  type HeadingLevel,
  type HeadingOptions,
  type ParagraphOptions,
  type TableColumn,
  type TableOptions,
} from './blocks';
import { StructNode } from './display';
import { FontSet, type Substitution } from './fonts';
import { writeMetadata } from './metadata';
import { paginate } from './paginate';
import { Painter, type Decorations } from './paint';
import { parseProse } from './prose';
import type { Inline, Run } from './text';
import { defaultTheme, type Theme } from './theme';
import type { LayoutContext, TocEntry, Unit } from './unit';

export interface PdfLayoutOptions extends Decorations {
  /** Document title: metadata, XMP dc:title and the viewer's window title. */
  title: string;
  /** Natural language of the document (BCP 47). */
  lang?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /**
   * Creation and modification dates written into the file. Required, never "now": the same input must
   * give the same bytes so a published file's SHA-256 can be shown and checked.
   */
  creationDate: Date;
  modDate?: Date;
  theme?: Theme;
  /** Draw the running header and footer on the first page (default false: covers stand alone). */
  runningOnFirstPage?: boolean;
}

export interface RenderResult {
  pageCount: number;
  byteLength: number;
  /** Hex SHA-256 of exactly the bytes written. */
  sha256: string;
  /** Characters the embedded fonts lack, shown as "□" (the original is kept as ActualText). */
  substitutions: Substitution[];
}

export interface RenderToBufferResult extends RenderResult {
  pdf: Buffer;
}

export interface RenderStreamOptions {
  /** End `out` when the document is complete (default true). */
  end?: boolean;
}

/**
 * Builds a document from building blocks and renders it to a tagged, accessible PDF.
 *
 * Rendering is two passes over an in-memory display list: layout (line breaking, pagination, page
 * numbers) and then paint, which streams each finished page to the output. See README for why this beats
 * buffering pages in pdfkit.
 */
export class PdfLayout {
  private readonly root: Block[] = [];
  private target: Block[] = this.root;
  private headingCount = 0;

  constructor(readonly options: PdfLayoutOptions) {}

  add(block: Block): this {
    this.target.push(block);
    return this;
  }

  heading(level: HeadingLevel, text: string, options?: HeadingOptions): this {
    const block = new HeadingBlock(level, text, options);
    block.id = `h${++this.headingCount}`;
    return this.add(block);
  }

  paragraph(content: Inline, options?: ParagraphOptions): this {
    return this.add(new ParagraphBlock(content, options));
  }

  /** Author-written text: paragraphs split at blank lines, "- " and "1. " lines as lists. */
  prose(text: string | null | undefined, options?: ParagraphOptions): this {
    for (const part of parseProse(text)) {
      if (part.kind === 'paragraph') this.paragraph(part.text, options);
      else this.list(part.items, { ordered: part.ordered, indent: options?.indent });
    }
    return this;
  }

  numberedParagraph(number: string, content: Inline, options?: { keepWithNext?: boolean; spaceBefore?: number }): this {
    return this.add(new NumberedParagraphBlock(number, content, options));
  }

  list(items: Inline[], options?: { ordered?: boolean; indent?: number }): this {
    return items.length > 0 ? this.add(new ListBlock(items, options)) : this;
  }

  keyValueTable(rows: [Inline, Inline][], options?: { caption?: string; labelWidth?: number }): this {
    return rows.length > 0 ? this.add(new KeyValueTableBlock(rows, options)) : this;
  }

  table(columns: TableColumn[], rows: Inline[][], options?: TableOptions): this {
    return this.add(new TableBlock(columns, rows, options));
  }

  /** A tinted panel; each entry of `paragraphs` is one paragraph. */
  callout(kind: CalloutKind, paragraphs: Inline[], options?: { title?: string }): this {
    return this.add(new CalloutBlock(kind, paragraphs, options));
  }

  rule(options?: { thickness?: number; color?: string; spaceBefore?: number; spaceAfter?: number }): this {
    return this.add(new RuleBlock(options));
  }

  spacer(height: number): this {
    return this.add(new SpacerBlock(height));
  }

  pageBreak(): this {
    return this.add(new PageBreakBlock());
  }

  /** The contents: headings marked for it, with page numbers and links. */
  contents(): this {
    return this.add(new ContentsBlock());
  }

  /** Groups the blocks added by `build` under one structure element (a Sect per section, a Div per item). */
  group(type: 'Sect' | 'Div', build: (layout: this) => void): this {
    const children: Block[] = [];
    const outer = this.target;
    this.target = children;
    try {
      build(this);
    } finally {
      this.target = outer;
    }
    return this.add(new GroupBlock(type, children));
  }

  /** All text of the document in reading order, with emphasis, without layout. */
  textRuns(): Run[] {
    return this.root.flatMap((b) => (b instanceof ContentsBlock ? this.tocEntries().map((e) => ({ text: e.title })) : b.textRuns()));
  }

  /**
   * Renders to `out`, page by page, honouring back-pressure. Resolves once the whole file has been
   * handed to `out` (and, unless `end: false`, `out` has finished).
   */
  async render(out: NodeJS.WritableStream, streamOptions: RenderStreamOptions = {}): Promise<RenderResult> {
    const theme = this.options.theme ?? defaultTheme();
    const doc = this.createDocument(theme);
    const sink = new ChunkSink(out);
    try {
      doc.on('data', (chunk: Buffer) => sink.push(chunk));
      const ended = once(doc, 'end');

      // Pass 1: lay everything out into a display list (positions only; nothing written yet).
      const fonts = new FontSet(doc);
      const root = new StructNode('Document', null);
      const ctx = this.context(fonts, theme);
      const units: Unit[] = [];
      for (const block of this.root) for (const unit of block.layout(ctx, root)) units.push(unit);
      const pagination = paginate(units, theme);
      units.length = 0;

      // Pass 2: paint and stream page by page, now that page numbers and the page count are known.
      const painter = new Painter(doc, fonts, theme, this.decorations(), root);
      await painter.paint(pagination, () => sink.flush());
      doc.end();
      await ended;
      await sink.flush();
      if (streamOptions.end ?? true) {
        out.end();
        await sink.finished();
      }
      return { pageCount: pagination.pages.length, byteLength: sink.bytes, sha256: sink.sha256(), substitutions: fonts.substitutions() };
    } finally {
      sink.detach();
    }
  }

  /** Renders into memory; convenient for tests and for storing a published pack with its hash. */
  async renderToBuffer(): Promise<RenderToBufferResult> {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    const result = await this.render(out);
    return { ...result, pdf: Buffer.concat(chunks) };
  }

  private createDocument(theme: Theme): PDFKit.PDFDocument {
    const { options } = this;
    const info: PDFKit.DocumentInfo = {
      Title: options.title,
      Creator: 'Openbrief',
      Producer: 'Openbrief documents (PDFKit)',
      CreationDate: options.creationDate,
      ModDate: options.modDate ?? options.creationDate,
    };
    if (options.author) info.Author = options.author;
    if (options.subject) info.Subject = options.subject;
    if (options.keywords) info.Keywords = options.keywords;
    const doc = new PDFDocument({
      size: [theme.page.width, theme.page.height],
      margin: 0,
      // No default font: pdfkit would parse Helvetica's metrics on every render, and PDF/UA forbids
      // using a non-embedded font anyway. Every piece of text sets one of our embedded faces.
      font: '',
      pdfVersion: '1.7',
      tagged: true,
      lang: options.lang ?? 'en-GB',
      displayTitle: true,
      // Adds the PDF/UA-1 identification to the XMP metadata.
      subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
      info,
    });
    writeMetadata(doc);
    return doc;
  }

  /** Running heads are skipped on the first page unless asked for: covers stand alone. */
  private decorations(): Decorations {
    const { header, footer, watermark } = this.options;
    const onFirst = this.options.runningOnFirstPage ?? false;
    return {
      watermark,
      header: header && ((p) => (p.number > 1 || onFirst ? header(p) : null)),
      footer: footer && ((p) => (p.number > 1 || onFirst ? footer(p) : null)),
    };
  }

  private tocEntries(): TocEntry[] {
    const toc: TocEntry[] = [];
    const collect = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b instanceof HeadingBlock && b.inToc) toc.push({ id: b.id, level: b.level, title: b.text });
        if (b instanceof GroupBlock) collect(b.children);
      }
    };
    collect(this.root);
    return toc;
  }

  private context(fonts: FontSet, theme: Theme): LayoutContext {
    const toc = this.tocEntries();
    return {
      fonts,
      theme,
      left: theme.margin.left,
      width: theme.page.width - theme.margin.left - theme.margin.right,
      toc,
    };
  }
}

/**
 * Collects pdfkit's many small writes and hands them to the output once per page, hashing as it goes,
 * and waits for 'drain' when the output is slow (an HTTP client on a poor connection).
 */
class ChunkSink {
  private pending: Buffer[] = [];
  private readonly hash = createHash('sha256');
  private error: Error | null = null;
  bytes = 0;

  private readonly onError = (err: Error) => (this.error = err);

  constructor(private readonly out: NodeJS.WritableStream) {
    out.on('error', this.onError);
  }

  detach() {
    this.out.removeListener('error', this.onError);
  }

  push(chunk: Buffer) {
    this.pending.push(chunk);
  }

  async flush(): Promise<void> {
    // pdfkit's readable may hold chunks until the next tick; yielding also keeps a server responsive
    // while a long pack renders.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.error) throw this.error;
    if (this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await this.drain();
  }

  async finished(): Promise<void> {
    const out = this.out as NodeJS.WritableStream & { writableFinished?: boolean };
    if (out.writableFinished) return;
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
    });
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  private drain(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (err?: Error) => {
        this.out.removeListener('drain', onDrain);
        this.out.removeListener('error', onError);
        this.out.removeListener('close', onClose);
        if (err) reject(err);
        else resolve();
      };
      const onDrain = () => done();
      const onError = (err: Error) => done(err);
      const onClose = () => done(new Error('Output closed before the document was complete'));
      this.out.once('drain', onDrain);
      this.out.once('error', onError);
      this.out.once('close', onClose);
    });
  }
}
