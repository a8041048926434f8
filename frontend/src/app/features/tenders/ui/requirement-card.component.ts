import { CdkDragHandle } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FindingJustification, RequirementContent, RequirementKind, RequirementPriority } from '@openbrief/contracts';
import { KIND_LABELS, PRIORITY_LABELS } from '../../../shared/ui/tender/tender-labels';
import { CommentCountsStore } from '../comments/comment-counts.store';
import { requirementField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { RequirementFeedback } from '../engagement/requirement-feedback.component';
import { KIND_OPTIONS, PRIORITY_OPTIONS } from './editor-options';
import { Radios } from './radios.component';
import { TenderField } from './tender-field.component';

export type RequirementAction = 'up' | 'down' | 'delete';

/** One requirement, every part of it editable: the outcome (checked as you type), why, measure, room to propose. */
@Component({
  selector: 'ob-requirement-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkDragHandle, RouterLink, TenderField, Radios, RequirementFeedback],
  templateUrl: './requirement-card.component.html',
  styleUrl: './requirement-card.component.scss',
})
export class RequirementCard {
  readonly lotId = input.required<string>();
  readonly requirement = input.required<RequirementContent>();
  /** "1.2": lot number, then position. */
  readonly number = input.required<string>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();
  readonly estimatedValue = input<number | null>(null);
  readonly justifications = input<FindingJustification[]>([]);
  readonly headings = input<readonly string[]>([]);
  readonly draggable = input(true);
  readonly headingLevel = input<3 | 4>(3);

  readonly action = output<RequirementAction>();

  protected readonly store = inject(TenderEditorStore);
  protected readonly kindOptions = KIND_OPTIONS;
  protected readonly priorityOptions = PRIORITY_OPTIONS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly outcomeKind = RequirementKind.Outcome;
  protected readonly desirable = RequirementPriority.Desirable;

  protected readonly id = computed(() => this.requirement().id);
  private readonly commentCounts = inject(CommentCountsStore);
  /** The link to this requirement's comment threads: "Comment", or how many there are. */
  protected readonly comments = computed(() => {
    const tenderId = this.store.tender()?.id ?? null;
    const { open, total } = tenderId ? this.commentCounts.openOn(tenderId, this.id()) : { open: 0, total: 0 };
    const label = open ? `Comments (${open} open)` : total ? `Comments (${total})` : 'Comment';
    return { tenderId, label };
  });
  protected readonly needsReason = computed(() => this.requirement().kind !== RequirementKind.Outcome);

  protected field(part: Parameters<typeof requirementField>[1]): string {
    return requirementField(this.id(), part);
  }

  protected error(part: Parameters<typeof requirementField>[1]): string {
    return this.store.errorFor(this.field(part));
  }

  protected set(patch: Partial<RequirementContent>): void {
    this.store.setRequirement(this.lotId(), this.id(), patch);
  }

  protected setMeasure(patch: Partial<RequirementContent['measure']>): void {
    this.store.setMeasure(this.lotId(), this.id(), patch);
  }

  protected setKind(kind: string): void {
    this.set({ kind: kind as RequirementKind });
  }

  protected setPriority(priority: string): void {
    this.set({ priority: priority as RequirementPriority });
  }

  protected orNull(text: string): string | null {
    return text.trim() ? text : null;
  }
}
