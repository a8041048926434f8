import type { FontKey } from './theme';

/**
 * The display list: what the layout pass produces and the paint pass draws. Holding positioned lines
 * (not PDF bytes) between the passes keeps memory proportional to the text, lets the footer know the page
 * count, and lets every page be written and flushed as soon as it is painted.
 */

/** Standard PDF structure types we use (PDF 1.7 §14.8.4); no role map needed. */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'Span'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Caption'
  | 'TOC'
  | 'TOCI'
  | 'Reference'
  | 'Link';

/** A node of the logical structure tree, created during layout and turned into a PDF element while painting. */
export class StructNode {
  /** Structure attributes (e.g. a table header's Scope), written as the element's /A dictionary. */
  attributes?: Record<string, string | number>;
  /** Alternative description, for elements whose text alone is not enough. */
  alt?: string;
  /** The text this element really stands for (a "□" drawn for an emoji the font lacks). */
  actual?: string;
  /** Set on Link nodes: the named destination the link goes to. */
  linkTo?: string;
  /**
   * Content of this node may be interleaved with a sibling's (cells of a table row split into bands are
   * painted line by line across the row), so painting keeps it open until its parent closes.
   */
  reentrant = false;

  constructor(
    readonly type: StructType,
    readonly parent: StructNode | null,
  ) {}

  child(type: StructType): StructNode {
    return new StructNode(type, this);
  }
}

/** Text drawn with its top-left at (x, y). */
export interface TextOp {
  k: 't';
  x: number;
  y: number;
  text: string;
  font: FontKey;
  size: number;
  color: string;
  /** The structure element the text belongs to; absent for artifacts (running heads, repeated table headers). */
  node?: StructNode;
  /** Text known only after layout (a page number): painted right-aligned with its right edge at x. */
  pageOf?: string;
}

/** A filled rectangle: always decorative, so painted as an artifact. */
export interface RectOp {
  k: 'r';
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

/** A straight rule: always decorative. */
export interface RuleOp {
  k: 'l';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
}

/** Where a heading starts: a named destination, and an outline (bookmark) entry when `bookmark`. */
export interface AnchorOp {
  k: 'a';
  y: number;
  id: string;
  title: string;
  level: number;
  bookmark: boolean;
}

/** A clickable area that goes to a named destination; tagged through its Link node. */
export interface LinkOp {
  k: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  node: StructNode;
  /** Description of the link for assistive technology (the annotation's /Contents). */
  contents: string;
}

/** Makes sure a structure node exists even when it has no content (an empty table cell). */
export interface TouchOp {
  k: 'n';
  y: number;
  node: StructNode;
}

export type Op = TextOp | RectOp | RuleOp | AnchorOp | LinkOp | TouchOp;

/** Vertical position of an op, for moving a unit onto its page. */
export function shiftOp(op: Op, dy: number): void {
  switch (op.k) {
    case 'l':
      op.y1 += dy;
      op.y2 += dy;
      break;
    default:
      op.y += dy;
  }
}

/** Copy of an op drawn again as decoration (e.g. a table header repeated on a continuation page). */
export function asArtifact(op: Op): Op | null {
  if (op.k === 'a' || op.k === 'link' || op.k === 'n') return null;
  if (op.k === 't') {
    const copy: TextOp = { ...op };
    delete copy.node;
    return copy;
  }
  return { ...op };
}
