import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDragDrop, CdkDragPlaceholder, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { FindingJustification, LotContent } from '@openbrief/contracts';
import { focusElementById } from '../../../shared/ui/focus';
import { UndoNotice } from '../../../shared/ui/undo-notice.component';
import { ImportSpecificationComponent } from '../import/import-specification.component';
import { lotField, requirementField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { RequirementAction, RequirementCard } from './requirement-card.component';

/**
 * A lot's requirements in order: drag a card by its handle, or use Move up / Move down (the
 * keyboard and screen reader way). Deleting can be undone.
 */
@Component({
  selector: 'ob-requirement-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, CdkDropList, CdkDrag, CdkDragPlaceholder, RequirementCard, ImportSpecificationComponent, UndoNotice],
  template: `
    @let l = lot();
    @if (undo(); as removed) {
      <ob-undo-notice
        [message]="'Requirement ' + lotNumber() + '.' + (removed.index + 1) + ' deleted:'"
        [quote]="excerpt(removed.requirement.outcome)"
        [buttonId]="'undo-' + l.id"
        [undoes]="'deleting requirement ' + lotNumber() + '.' + (removed.index + 1)"
        (undo)="undoDelete()"
      />
    }
    @if (l.requirements.length) {
      <ol
        class="reqs"
        cdkDropList
        cdkDropListLockAxis="y"
        [attr.aria-label]="'Requirements' + (lotTitle() ? ' for ' + lotTitle() : '')"
        (cdkDropListDropped)="dropped($event)"
      >
        @for (r of l.requirements; track r.id; let i = $index) {
          <li class="reqs__item" cdkDrag [cdkDragData]="r.id">
            @if (r.heading && r.heading !== l.requirements[i - 1]?.heading) {
              <p class="reqs__group">{{ r.heading }}</p>
            }
            <ob-requirement-card
              [lotId]="l.id"
              [requirement]="r"
              [number]="lotNumber() + '.' + (i + 1)"
              [index]="i"
              [count]="l.requirements.length"
              [estimatedValue]="estimatedValue()"
              [justifications]="justifications()"
              [headings]="headings()"
              [headingLevel]="headingLevel()"
              (action)="act($event, i)"
            />
            <div class="reqs__placeholder" *cdkDragPlaceholder></div>
          </li>
        }
      </ol>
    } @else {
      <p class="reqs__empty">There are no requirements in this lot yet. Add the first outcome you need.</p>
    }
    <div class="reqs__add">
      <button mat-stroked-button type="button" [id]="addId()" (click)="add()">
        Add a requirement<span class="visually-hidden">{{ lotTitle() ? ' to ' + lotTitle() : '' }}</span>
      </button>
    </div>
    <details class="reqs__import" [open]="importOpen()" (toggle)="importOpen.set($any($event.target).open)">
      <summary>Bring in requirements from an existing specification</summary>
      @if (importOpen()) {
        <ob-import-specification (imported)="imported($event)" />
      }
    </details>
  `,
  styleUrl: './requirement-list.component.scss',
})
export class RequirementList {
  readonly lot = input.required<LotContent>();
  readonly lotNumber = input.required<number>();
  /** Named in labels only when the tender has several lots. */
  readonly lotTitle = input<string>('');
  readonly estimatedValue = input<number | null>(null);
  readonly justifications = input<FindingJustification[]>([]);
  readonly headingLevel = input<3 | 4>(3);

  private readonly store = inject(TenderEditorStore);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);

  protected readonly importOpen = signal(false);
  protected readonly addId = computed(() => lotField(this.lot().id, 'add-requirement'));
  protected readonly undo = computed(() => {
    const removed = this.store.lastDeleted();
    return removed && removed.lotId === this.lot().id ? removed : null;
  });
  protected readonly headings = computed(() => [
    ...new Set(
      this.lot()
        .requirements.map((r) => r.heading?.trim())
        .filter((h): h is string => !!h),
    ),
  ]);

  protected act(action: RequirementAction, index: number): void {
    const lot = this.lot();
    const requirement = lot.requirements[index];
    if (!requirement) return;
    if (action === 'delete') {
      // No confirmation: the deletion can be undone, and focus goes to Undo so that is one key away.
      this.store.deleteRequirement(lot.id, requirement.id);
      void this.announcer.announce(`Requirement ${this.lotNumber()}.${index + 1} deleted.`, 'polite');
      this.focusSoon(`undo-${lot.id}`);
      return;
    }
    const to = action === 'up' ? index - 1 : index + 1;
    this.move(index, to);
    // Focus stays on the button pressed, in the card's new place.
    this.focusSoon(`req-${requirement.id}-${action}`);
  }

  protected dropped(event: CdkDragDrop<unknown>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  private move(from: number, to: number): void {
    const count = this.lot().requirements.length;
    if (from === to || to < 0 || to >= count) return;
    this.store.moveRequirement(this.lot().id, from, to);
    void this.announcer.announce(
      `Requirement moved to position ${to + 1} of ${count}. It is now requirement ${this.lotNumber()}.${to + 1}.`,
      'polite',
    );
  }

  protected add(): void {
    const id = this.store.addRequirement(this.lot().id);
    this.focusSoon(requirementField(id, 'outcome'));
  }

  protected undoDelete(): void {
    const removed = this.store.undoDelete();
    if (!removed) return;
    void this.announcer.announce(`Requirement ${this.lotNumber()}.${removed.index + 1} is back.`, 'polite');
    this.focusSoon(requirementField(removed.requirement.id, 'outcome'));
  }

  protected imported(lines: { outcome: string; heading: string | null }[]): void {
    const added = this.store.importRequirements(this.lot().id, lines);
    if (added) {
      void this.announcer.announce(
        `${added} ${added === 1 ? 'requirement' : 'requirements'} added at the end of the list. Rewrite each as an outcome.`,
        'polite',
      );
    }
  }

  protected excerpt(text: string): string {
    const t = text.trim() || 'no outcome written';
    return t.length > 70 ? `${t.slice(0, 69).trimEnd()}…` : t;
  }

  private focusSoon(id: string): void {
    afterNextRender(() => focusElementById(id), { injector: this.injector });
  }
}
