import type { FontSet } from './fonts';
import type { Op, StructNode, TextOp } from './display';
import type { Pagination } from './paginate';
import { COLOURS, type FontKey, type Theme } from './theme';

/** Page number and count, for running heads. */
export interface PageInfo {
  number: number;
  count: number;
}

/** Text at the left and right of a running header or footer line. */
export interface RunningText {
  left?: string;
  right?: string;
}

export interface Decorations {
  header?: (page: PageInfo) => RunningText | null;
  footer?: (page: PageInfo) => RunningText | null;
  /** Large diagonal text on every page (e.g. "DRAFT"). */
  watermark?: string | null;
}

type PdfDoc = PDFKit.PDFDocument;
type PdfElement = PDFKit.PDFStructureElement;

/** Options for pdfkit's text fragments: left-aligned, no wrapping (lines are already broken). */
const FRAGMENT_OPTIONS = Object.freeze({});

/** pdfkit's reference objects carry a mutable `data` dictionary that its typings do not expose. */
interface RefWithData {
  data: Record<string, unknown>;
  end(chunk?: unknown): void;
}

function refData(ref: unknown): RefWithData {
  return ref as RefWithData;
}

/**
 * The paint pass: draws the display list page by page into pdfkit, tagging as it goes. Every piece of
 * content is either inside a marked-content sequence tied to its structure element or marked as an
 * artifact (running heads, rules, tints, watermark, repeated table headers) — the core of PDF/UA.
 * Each page is flushed to the output as soon as it is painted.
 */
export class Painter {
  /** Structure elements created and not yet ended. */
  private readonly elements = new Map<StructNode, PdfElement>();
  private readonly reentrantChildren = new Map<StructNode, StructNode[]>();
  private stack: StructNode[] = [];
  private markedNode: StructNode | null = null;
  private inArtifact = false;
  private font: FontKey | null = null;
  private size = 0;
  private fill = '';
  private stroke = '';
  private strokeWidth = -1;
  private bookmarkParents: PDFKit.PDFOutline[] = [];

  constructor(
    private readonly doc: PdfDoc,
    private readonly fonts: FontSet,
    private readonly theme: Theme,
    private readonly decorations: Decorations,
    root: StructNode,
  ) {
    const el = doc.struct(root.type);
    doc.addStructure(el);
    this.elements.set(root, el);
    this.stack = [root];
  }

  async paint(layout: Pagination, afterPage: () => Promise<void>): Promise<void> {
    const count = layout.pages.length;
    for (let i = 0; i < count; i++) {
      if (i > 0) this.doc.addPage({ size: [this.theme.page.width, this.theme.page.height], margin: 0 });
      this.resetGraphicsState();
      for (const op of layout.pages[i]) this.op(op, layout.anchors);
      this.closeMarked();
      this.running({ number: i + 1, count });
      this.watermark();
      this.endArtifact();
      // Free the page's ops as we go: the display list shrinks while the file grows.
      layout.pages[i] = [];
      this.doc.flushPages();
      await afterPage();
    }
    // Close every open structure element; pdfkit ends children with their parent.
    this.closeMarked();
    for (let j = this.stack.length - 1; j >= 1; j--) this.end(this.stack[j]);
    this.stack = this.stack.slice(0, 1);
  }

  private resetGraphicsState() {
    this.font = null;
    this.size = 0;
    this.fill = '';
    this.stroke = '';
    this.strokeWidth = -1;
  }

  private op(op: Op, anchors: Map<string, number>) {
    switch (op.k) {
      case 't':
        if (op.node) this.beginMarked(op.node);
        else this.beginArtifact();
        this.text(op, anchors);
        return;
      case 'r':
        this.beginArtifact();
        this.setFill(op.color);
        this.doc.rect(op.x, op.y, op.w, op.h).fill();
        return;
      case 'l':
        this.beginArtifact();
        this.setStroke(op.color, op.width);
        this.doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke();
        return;
      case 'a':
        this.anchor(op.id, op.title, op.level, op.bookmark, op.y);
        return;
      case 'n':
        this.closeMarked();
        this.endArtifact();
        this.enter(op.node);
        return;
      case 'link':
        this.link(op.node, op.x, op.y, op.w, op.h, op.contents);
        return;
    }
  }

  private text(op: TextOp, anchors: Map<string, number>) {
    let text = op.text;
    let x = op.x;
    if (op.pageOf !== undefined) {
      const page = anchors.get(op.pageOf);
      // The leading space separates title and number in extracted text ("Summary 3", not "Summary3").
      text = page === undefined ? '' : ` ${page + 1}`;
      x -= this.fonts.width(text, op.font, op.size);
    }
    if (!text) return;
    this.setFont(op.font, op.size);
    this.setFill(op.color);
    this.draw(text, x, op.y);
  }

  /**
   * Draws one already-positioned run of text. We call pdfkit's `_fragment` — the step `doc.text` ends
   * in — because `doc.text` would also re-measure the string and merge options on every call, a fifth of
   * the paint time. Pinned pdfkit version; the tests read the output back with poppler, so a change in
   * this internal would fail loudly.
   */
  private draw(text: string, x: number, y: number) {
    (this.doc as unknown as { _fragment(text: string, x: number, y: number, options: object): void })._fragment(
      text,
      x,
      y,
      FRAGMENT_OPTIONS,
    );
  }

  private setFont(font: FontKey, size: number) {
    if (font !== this.font) {
      this.doc.font(font);
      this.font = font;
    }
    if (size !== this.size) {
      this.doc.fontSize(size);
      this.size = size;
    }
  }

  private setFill(color: string) {
    if (color !== this.fill) {
      this.doc.fillColor(color);
      this.fill = color;
    }
  }

  private setStroke(color: string, width: number) {
    if (color !== this.stroke) {
      this.doc.strokeColor(color);
      this.stroke = color;
    }
    if (width !== this.strokeWidth) {
      this.doc.lineWidth(width);
      this.strokeWidth = width;
    }
  }

  // ---- tagging ------------------------------------------------------------------------------------

  /** Opens (or continues) a marked-content sequence for `node`, creating its structure element if needed. */
  private beginMarked(node: StructNode) {
    this.endArtifact();
    if (this.markedNode === node) return;
    this.closeMarked();
    this.enter(node);
    const content = this.doc.markStructureContent(node.type);
    this.elements.get(node)!.add(content);
    this.markedNode = node;
  }

  private closeMarked() {
    if (this.markedNode) {
      this.doc.endMarkedContent();
      this.markedNode = null;
    }
  }

  private beginArtifact(attrs = '') {
    this.closeMarked();
    if (!this.inArtifact) {
      this.doc.addContent(attrs ? `/Artifact ${attrs} BDC` : '/Artifact BMC');
      this.inArtifact = true;
    }
  }

  private endArtifact() {
    if (this.inArtifact) {
      this.doc.addContent('EMC');
      this.inArtifact = false;
    }
  }

  /**
   * Makes `node` the current structure element. Elements we leave are ended (which lets pdfkit write
   * them out and forget them, keeping memory flat) unless they are re-entrant table cells, which end
   * with their row.
   */
  private enter(node: StructNode) {
    const top = this.stack[this.stack.length - 1];
    if (top === node) return;
    if (node.parent === top && !this.elements.has(node)) {
      // The common case: the first content of a new child of the current element.
      this.create(node, this.elements.get(top)!);
      this.stack.push(node);
      return;
    }
    const path: StructNode[] = [];
    for (let n: StructNode | null = node; n; n = n.parent) path.push(n);
    path.reverse();
    let common = 0;
    while (common < this.stack.length && common < path.length && this.stack[common] === path[common]) common++;
    for (let j = this.stack.length - 1; j >= common; j--) {
      const leaving = this.stack[j];
      if (!leaving.reentrant) this.end(leaving);
    }
    this.stack.length = common;
    for (let j = common; j < path.length; j++) {
      const n = path[j];
      if (!this.elements.has(n)) this.create(n, this.elements.get(path[j - 1])!);
      this.stack.push(n);
    }
  }

  /**
   * Ends a structure element (pdfkit then writes it and its children out) and forgets it and its
   * re-entrant children, so the map of open elements stays small on a 150-page document.
   */
  private end(node: StructNode) {
    this.elements.get(node)?.end();
    this.elements.delete(node);
    const children = this.reentrantChildren.get(node);
    if (children) {
      for (const child of children) this.elements.delete(child);
      this.reentrantChildren.delete(node);
    }
  }

  private create(node: StructNode, parent: PdfElement) {
    // Options only when needed: building them with spreads for every element was measurably slow.
    let el: PdfElement;
    if (node.alt || node.actual) {
      const options: PDFKit.Mixins.StructureElementOptions = {};
      if (node.alt) options.alt = node.alt;
      if (node.actual) options.actual = node.actual;
      el = this.doc.struct(node.type, options);
    } else {
      el = this.doc.struct(node.type);
    }
    if (node.attributes) refData(elementDictionary(el)).data.A = node.attributes;
    parent.add(el);
    this.elements.set(node, el);
    if (node.reentrant && node.parent) {
      const siblings = this.reentrantChildren.get(node.parent);
      if (siblings) siblings.push(node);
      else this.reentrantChildren.set(node.parent, [node]);
    }
  }

  private anchor(id: string, title: string, level: number, bookmark: boolean, y: number) {
    this.doc.addNamedDestination(id, 'XYZ', 0, y, null);
    if (!bookmark) return;
    const parent = level > 1 ? (this.bookmarkParents[level - 2] ?? this.doc.outline) : this.doc.outline;
    const item = parent.addItem(title);
    this.bookmarkParents[level - 1] = item;
    this.bookmarkParents.length = level;
  }

  /**
   * A link annotation tied into the structure tree as PDF/UA requires: the Link element gets an OBJR
   * pointing at the annotation, and the annotation a StructParent entry pointing back. pdfkit builds
   * the element's kids when it ends, so we add the OBJR at that moment.
   */
  private link(node: StructNode, x: number, y: number, w: number, h: number, contents: string) {
    if (!node.linkTo) return;
    this.closeMarked();
    this.endArtifact();
    this.enter(node);
    const el = this.elements.get(node)!;
    const root = refData(this.doc.getStructTreeRoot());
    const key = root.data.ParentTreeNextKey as number;
    root.data.ParentTreeNextKey = key + 1;
    (root.data.ParentTree as { add(key: number, value: unknown): void }).add(key, elementDictionary(el));
    this.doc.goTo(x, y, w, h, node.linkTo, {
      StructParent: key,
      Contents: new String(contents),
    } as unknown as PDFKit.Mixins.AnnotationOption);
    const annotations = (this.doc.page as unknown as { annotations: unknown[] }).annotations;
    const annotation = annotations[annotations.length - 1];
    const dictionary = refData(elementDictionary(el));
    const end = dictionary.end.bind(dictionary);
    dictionary.end = (chunk?: unknown) => {
      (dictionary.data.K as unknown[]).push({ Type: 'OBJR', Obj: annotation });
      end(chunk);
    };
  }

  // ---- decoration ---------------------------------------------------------------------------------

  private running(page: PageInfo) {
    const { header, footer } = this.decorations;
    const style = this.theme.styles.running;
    const left = this.theme.margin.left;
    const right = this.theme.page.width - this.theme.margin.right;
    const draw = (line: RunningText | null | undefined, y: number, ruleY: number | null, subtype: string) => {
      if (!line) return;
      this.closeMarked();
      this.endArtifact();
      this.beginArtifact(`<</Type /Pagination /Subtype /${subtype}>>`);
      this.setFont(style.font, style.size);
      this.setFill(style.color);
      const rightText = line.right ? this.fonts.drawable(line.right, style.font) : '';
      const rightWidth = rightText ? this.fonts.width(rightText, style.font, style.size) : 0;
      if (line.left) {
        // A long title must not run into the page number: shorten it with an ellipsis.
        const text = this.fit(this.fonts.drawable(line.left, style.font), right - left - rightWidth - 24, style.font, style.size);
        this.draw(text, left, y);
      }
      if (rightText) this.draw(rightText, right - rightWidth, y);
      if (ruleY !== null) {
        this.setStroke(COLOURS.border, 0.5);
        this.doc.moveTo(left, ruleY).lineTo(right, ruleY).stroke();
      }
      this.endArtifact();
    };
    const headerY = this.theme.header.y - style.size;
    draw(header?.(page), headerY, headerY + style.leading + 2, 'Header');
    const footerY = this.theme.page.height - this.theme.footer.y - style.size;
    draw(footer?.(page), footerY, footerY - 6, 'Footer');
  }

  private fit(text: string, width: number, font: FontKey, size: number): string {
    if (this.fonts.width(text, font, size) <= width) return text;
    const chars = [...text];
    while (chars.length > 0 && this.fonts.width(chars.join('') + '…', font, size) > width) chars.pop();
    return chars.join('').trimEnd() + '…';
  }

  private watermark() {
    const raw = this.decorations.watermark;
    if (!raw) return;
    const text = this.fonts.drawable(raw, 'bold');
    this.closeMarked();
    this.endArtifact();
    this.beginArtifact('<</Type /Pagination /Subtype /Watermark>>');
    const { width, height } = this.theme.page;
    const size = 110;
    const w = this.fonts.width(text, 'bold', size);
    this.doc.save();
    this.doc.rotate(-50, { origin: [width / 2, height / 2] });
    this.doc.font('bold').fontSize(size).fillColor(COLOURS.watermark, 0.13);
    this.draw(text, width / 2 - w / 2, height / 2 - size * 0.6);
    this.doc.restore();
    this.endArtifact();
    this.resetGraphicsState();
  }
}

function elementDictionary(el: PdfElement): unknown {
  return (el as unknown as { dictionary: unknown }).dictionary;
}
