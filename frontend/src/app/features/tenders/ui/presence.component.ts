import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { TenderContent } from '@openbrief/contracts';
import { type TextFieldRef, textFieldAt } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';

const WORDS: Record<TextFieldRef['key'], string> = {
  title: 'the title',
  summary: 'the summary',
  problem: 'the problem',
  users: 'the users',
  workDone: 'work done so far',
  constraints: 'constraints',
  engagementSummary: 'what market engagement changed',
  outcome: 'the outcome',
  whyItMatters: 'why it matters',
  measure: 'the measure',
  roomForProposals: 'room for proposals',
  description: 'the description',
};

/** Where someone's cursor is, in words: "in requirement 2: the outcome". */
export function describeField(fieldId: string | null, content: TenderContent | null): string {
  const field = fieldId ? textFieldAt(fieldId) : null;
  if (!fieldId) return 'looking around';
  if (!field) return 'editing';
  if (field.scope === 'tender') return `in ${WORDS[field.key]}`;
  if (field.scope === 'requirement') {
    const index = content?.lots.flatMap((l) => l.requirements).findIndex((r) => r.id === field.id) ?? -1;
    return index >= 0 ? `in requirement ${index + 1}: ${WORDS[field.key]}` : `in a requirement: ${WORDS[field.key]}`;
  }
  const index = content?.lots.findIndex((l) => l.id === field.id) ?? -1;
  return index >= 0 ? `in lot ${index + 1}: ${WORDS[field.key]}` : `in a lot: ${WORDS[field.key]}`;
}

/**
 * Who else is in this tender now, each in their own colour, and which field they are in. One entry per
 * person, even with the tender open in several of their tabs.
 */
@Component({
  selector: 'ob-presence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (people().length) {
      <h2 class="visually-hidden">Also editing</h2>
      <ul class="presence" aria-label="Also in this tender">
        @for (person of people(); track person.userId) {
          <li class="presence__person" [attr.data-user]="person.name">
            <span class="presence__badge" [style.background-color]="person.colour" aria-hidden="true">{{ person.initials }}</span>
            <span class="presence__text"
              ><span class="presence__name">{{ person.name }}</span
              >{{ ' ' }}<span class="presence__where">{{ person.where }}</span></span
            >
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .presence {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .presence__person {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      font-size: 0.875rem;
    }
    .presence__badge {
      display: inline-grid;
      place-items: center;
      width: 1.75rem;
      height: 1.75rem;
      border-radius: 50%;
      color: #fff;
      font-weight: 700;
      font-size: 0.75rem;
    }
    .presence__name {
      font-weight: 700;
    }
    .presence__where {
      color: var(--ob-text-secondary);
    }
  `,
})
export class Presence {
  private readonly store = inject(TenderEditorStore);

  protected readonly people = computed(() => {
    const content = this.store.content();
    const seen = new Map<string, { userId: string; name: string; colour: string; initials: string; where: string }>();
    for (const person of this.store.collaborators()) {
      const known = seen.get(person.userId);
      // Of one person's tabs, the one with a cursor in a field says most.
      if (known && !person.fieldId) continue;
      seen.set(person.userId, {
        userId: person.userId,
        name: person.name,
        colour: person.colour,
        initials: initials(person.name),
        where: describeField(person.fieldId, content),
      });
    }
    return [...seen.values()];
  });
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '?') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase();
}
