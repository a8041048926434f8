import { DestroyRef, Directive, ElementRef, computed, effect, inject, input } from '@angular/core';
import type * as Y from 'yjs';
import type { Collaborator } from '../data-access/live-tender';
import { TenderEditorStore } from '../data-access/tender-editor.store';

type TextControl = HTMLTextAreaElement | HTMLInputElement;
type Delta = { insert?: unknown; retain?: number; delete?: number }[];

/** Layout properties the cursor overlay copies, so its text wraps exactly like the control's. */
const MIRRORED = [
  'boxSizing',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'textTransform',
  'textIndent',
  'direction',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'overflowWrap',
  'wordBreak',
] as const;

/**
 * Binds a text control to its field in the live document. Someone else's typing is written into the
 * control at once (not at the next change detection, when a keystroke could land on stale text), with
 * this person's cursor kept in place; this person's cursor and selection are shared with the others;
 * and the others' cursors and selections are drawn over the control, in each person's colour, with
 * their names at its top right corner. Outside live editing it does nothing.
 */
@Directive({
  selector: 'textarea[obLiveText], input[obLiveText]',
  host: {
    '(focus)': 'shareCursor()',
    '(select)': 'shareCursor()',
    '(keyup)': 'shareCursor()',
    '(mouseup)': 'shareCursor()',
    '(input)': 'shareCursor()',
    '(blur)': 'leave()',
    '(scroll)': 'syncScroll()',
  },
})
export class LiveTextDirective {
  /** The editor's field id (`summary`, `outcome-<id>`…); empty for a control that is not co-edited. */
  readonly fieldId = input<string | null | undefined>(null, { alias: 'obLiveText' });

  private readonly store = inject(TenderEditorStore, { optional: true });
  private readonly control = inject<ElementRef<TextControl>>(ElementRef).nativeElement;
  private overlay: HTMLElement | null = null;
  private names: HTMLElement | null = null;

  private readonly text = computed<Y.Text | null>(() => {
    const live = this.store?.live();
    const id = this.fieldId();
    if (!live || !id) return null;
    live.version();
    return live.textFor(id);
  });
  private readonly others = computed<readonly Collaborator[]>(() => {
    const id = this.fieldId();
    return id ? (this.store?.collaborators() ?? []).filter((c) => c.fieldId === id) : [];
  });

  constructor() {
    effect((onCleanup) => {
      const text = this.text();
      if (!text) return;
      const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        if (!transaction.local) this.applyRemote(text, event.delta as Delta);
      };
      text.observe(observer);
      onCleanup(() => text.unobserve(observer));
    });
    effect(() => this.drawOthers(this.others()));
    inject(DestroyRef).onDestroy(() => {
      this.overlay?.remove();
      this.names?.remove();
      if (document.activeElement === this.control) this.store?.live()?.setFocus(null);
    });
  }

  protected shareCursor(): void {
    const live = this.store?.live();
    const id = this.fieldId();
    if (!live || !id || document.activeElement !== this.control) return;
    const start = this.control.selectionStart ?? 0;
    const end = this.control.selectionEnd ?? start;
    const backward = this.control.selectionDirection === 'backward';
    live.setFocus(id, backward ? end : start, backward ? start : end);
  }

  protected leave(): void {
    this.store?.live()?.setFocus(null);
  }

  protected syncScroll(): void {
    if (!this.overlay) return;
    this.overlay.scrollTop = this.control.scrollTop;
    this.overlay.scrollLeft = this.control.scrollLeft;
  }

  /** Writes another person's change into the control, moving this person's selection with the text around it. */
  private applyRemote(text: Y.Text, delta: Delta): void {
    const control = this.control;
    const focused = document.activeElement === control;
    const direction = control.selectionDirection ?? 'none';
    let start = control.selectionStart ?? 0;
    let end = control.selectionEnd ?? start;
    let index = 0;
    for (const op of delta) {
      if (op.retain !== undefined) {
        index += op.retain;
      } else if (typeof op.insert === 'string') {
        const length = op.insert.length;
        if (index < start) start += length;
        if (index < end) end += length;
        index += length;
      } else if (op.delete !== undefined) {
        start = afterDelete(start, index, op.delete);
        end = afterDelete(end, index, op.delete);
      }
    }
    const value = text.toString();
    if (control.value === value) return;
    control.value = value;
    if (focused) control.setSelectionRange(start, end, direction);
    this.drawOthers(this.others());
  }

  private drawOthers(others: readonly Collaborator[]): void {
    if (!others.length) {
      this.overlay?.remove();
      this.names?.remove();
      this.overlay = this.names = null;
      return;
    }
    this.ensureOverlay();
    this.placeOverlay();
    renderCursors(this.overlay!, this.control.value, others);
    this.syncScroll();
    const names = this.names!;
    names.replaceChildren(
      ...others.map((person) => {
        const tag = document.createElement('span');
        tag.className = 'live-names__person';
        tag.style.backgroundColor = person.colour;
        tag.textContent = person.name;
        return tag;
      }),
    );
  }

  private ensureOverlay(): void {
    if (this.overlay) return;
    const parent = this.control.parentElement!;
    if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
    this.overlay = document.createElement('div');
    this.overlay.className = 'live-cursors';
    this.overlay.setAttribute('aria-hidden', 'true');
    this.control.after(this.overlay);
    this.names = document.createElement('div');
    this.names.className = 'live-names';
    // Seen, not read out: the presence list in the workspace bar says who is where, in words.
    this.names.setAttribute('aria-hidden', 'true');
    this.control.before(this.names);
  }

  private placeOverlay(): void {
    const overlay = this.overlay!;
    const style = getComputedStyle(this.control);
    for (const property of MIRRORED) overlay.style[property] = style[property];
    overlay.style.whiteSpace = this.control instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
    // The control's scrollbar narrows its text; the overlay has none, so it pads by the same amount.
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const scrollbar = Math.max(0, this.control.offsetWidth - this.control.clientWidth - borders);
    overlay.style.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;
    overlay.style.top = `${this.control.offsetTop}px`;
    overlay.style.left = `${this.control.offsetLeft}px`;
    overlay.style.width = `${this.control.offsetWidth}px`;
    overlay.style.height = `${this.control.offsetHeight}px`;
    this.names!.style.top = `${this.control.offsetTop}px`;
    this.names!.style.left = `${this.control.offsetLeft + this.control.offsetWidth}px`;
  }
}

function afterDelete(position: number, at: number, length: number): number {
  return position <= at ? position : Math.max(at, position - length);
}

/** Draws each person's selection (tinted) and cursor (a bar in their colour) into the overlay. */
function renderCursors(overlay: HTMLElement, value: string, others: readonly Collaborator[]): void {
  const clamp = (n: number | null) => Math.min(Math.max(n ?? 0, 0), value.length);
  const people = others.map((o) => {
    const anchor = clamp(o.anchor);
    const head = clamp(o.head ?? o.anchor);
    return { colour: o.colour, from: Math.min(anchor, head), to: Math.max(anchor, head), head };
  });
  const cuts = [...new Set([0, value.length, ...people.flatMap((p) => [p.from, p.to, p.head])])].sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let i = 0; i < cuts.length; i++) {
    for (const person of people) {
      if (person.head === cuts[i]) {
        const caret = document.createElement('span');
        caret.className = 'live-cursors__caret';
        caret.style.borderColor = person.colour;
        nodes.push(caret);
      }
    }
    if (i === cuts.length - 1) break;
    const segment = value.slice(cuts[i], cuts[i + 1]);
    const selectedBy = people.find((p) => p.from <= cuts[i] && cuts[i + 1] <= p.to && p.from < p.to);
    if (selectedBy) {
      const mark = document.createElement('span');
      mark.className = 'live-cursors__selection';
      mark.style.backgroundColor = `${selectedBy.colour}33`;
      mark.textContent = segment;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(segment));
    }
  }
  // Keeps a trailing empty line as tall as in the control.
  nodes.push(document.createTextNode('\u200b'));
  overlay.replaceChildren(...nodes);
}
