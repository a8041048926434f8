import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TEXT_LIMITS } from '@openbrief/contracts';
import { focusElementById } from '../../../shared/ui/focus';
import { lotField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { TenderField } from './tender-field.component';
import { SINGLE_LOT_REASON_ABOVE } from './editor-options';
import { NumberField } from './number-field.component';
import { TextField } from './text-field.component';

/** Lots: name them, add or remove them, and say why a large tender is not divided. */
@Component({
  selector: 'ob-lots-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TextField, NumberField, TenderField],
  template: `
    @let c = store.content()!;
    @if (c.lots.length === 1) {
      <p class="lots__intro">
        This tender has one lot. Dividing a large contract into lots (for example by area or by type of service) makes it easier for small
        and local businesses to bid.
      </p>
    }
    <ol class="lots">
      @for (lot of c.lots; track lot.id; let i = $index) {
        <li class="lot" [class.lot--single]="c.lots.length === 1">
          @if (c.lots.length > 1) {
            <h3 class="lot__title">Lot {{ i + 1 }}</h3>
          }
          <ob-text-field
            [fieldId]="field(lot.id, 'title')"
            [label]="c.lots.length > 1 ? 'Name of lot ' + (i + 1) : 'Name of the lot'"
            size="s"
            [maxLength]="limits.lot.title"
            [value]="lot.title"
            [error]="store.errorFor(field(lot.id, 'title'))"
            (valueChange)="store.setLot(lot.id, { title: $event })"
          />
          <ob-tender-field
            name="lotDescription"
            [fieldId]="field(lot.id, 'description')"
            [requirementId]="lot.id"
            [estimatedValue]="c.estimatedValue"
            [justifications]="c.justifications"
            [value]="lot.description"
            [error]="store.errorFor(field(lot.id, 'description'))"
            (valueChange)="store.setLot(lot.id, { description: $event })"
            (justify)="store.justify($event)"
          />
          @if (c.lots.length > 1) {
            <ob-number-field
              [fieldId]="field(lot.id, 'value')"
              [label]="'Estimated value of lot ' + (i + 1)"
              size="s"
              [optional]="true"
              prefix="£"
              [grouping]="true"
              [value]="lot.estimatedValue"
              [error]="store.errorFor(field(lot.id, 'value'))"
              (valueChange)="store.setLot(lot.id, { estimatedValue: $event })"
            />
            @if (confirming() === lot.id) {
              <div class="confirm" role="group" [attr.aria-labelledby]="'remove-' + lot.id + '-question'">
                <p class="confirm__question" [id]="'remove-' + lot.id + '-question'" tabindex="-1">
                  <strong>Remove lot {{ i + 1 }}, “{{ lot.title }}”?</strong>
                  Its {{ lot.requirements.length }} {{ lot.requirements.length === 1 ? 'requirement' : 'requirements' }}
                  and its scoring will be deleted too.
                </p>
                <div class="confirm__buttons">
                  <button mat-flat-button type="button" class="danger" (click)="remove(lot.id, i)">Yes, remove lot {{ i + 1 }}</button>
                  <button type="button" class="text-button" (click)="cancel(lot.id)">Cancel</button>
                </div>
              </div>
            } @else {
              <button type="button" class="text-button lot__remove" [id]="'remove-' + lot.id" (click)="ask(lot.id)">
                Remove lot {{ i + 1 }}
              </button>
            }
          }
        </li>
      }
    </ol>
    <button mat-stroked-button type="button" (click)="add()">Add a lot</button>
    @if (lotValueTotal(); as total) {
      <p class="lots__total">The lots’ estimated values add up to £{{ total.toLocaleString('en-GB') }}.</p>
    }

    @if (needsReason()) {
      <div class="lots__reason">
        <ob-text-field
          fieldId="single-lot-reason"
          label="Why is this tender not divided into lots?"
          [hint]="reasonHint"
          [rows]="3"
          [maxLength]="limits.tender.singleLotReason"
          [value]="c.singleLotReason"
          [error]="store.errorFor('single-lot-reason')"
          (valueChange)="store.patch({ singleLotReason: $event.trim() ? $event : null })"
        />
      </div>
    }
  `,
  styleUrl: './lots-editor.component.scss',
})
export class LotsEditor {
  protected readonly store = inject(TenderEditorStore);
  private readonly injector = inject(Injector);
  private readonly announcer = inject(LiveAnnouncer);
  protected readonly limits = TEXT_LIMITS;
  protected readonly field = lotField;
  protected readonly confirming = signal<string | null>(null);
  protected readonly reasonHint =
    `Tenders worth more than £${SINGLE_LOT_REASON_ABOVE.toLocaleString('en-GB')} must be divided into lots or say why ` +
    'not (Procurement Act 2023, section 18). For example: “The services depend on one shared system, so splitting them would add cost and risk.”';

  protected readonly needsReason = computed(() => {
    const c = this.store.content();
    return !!c && c.lots.length === 1 && ((c.estimatedValue ?? 0) > SINGLE_LOT_REASON_ABOVE || !!c.singleLotReason);
  });

  protected readonly lotValueTotal = computed(() => {
    const lots = this.store.content()?.lots ?? [];
    if (lots.length < 2 || lots.every((l) => l.estimatedValue === null)) return null;
    return lots.reduce((sum, l) => sum + (Number.isFinite(l.estimatedValue) ? (l.estimatedValue ?? 0) : 0), 0);
  });

  protected add(): void {
    const id = this.store.addLot();
    void this.announcer.announce('Lot added. Its scoring copies the first lot; add its requirements below.', 'polite');
    afterNextRender(() => focusElementById(lotField(id, 'title')), { injector: this.injector });
  }

  protected ask(lotId: string): void {
    this.confirming.set(lotId);
    afterNextRender(() => focusElementById(`remove-${lotId}-question`), { injector: this.injector });
  }

  protected cancel(lotId: string): void {
    this.confirming.set(null);
    afterNextRender(() => focusElementById(`remove-${lotId}`), { injector: this.injector });
  }

  protected remove(lotId: string, index: number): void {
    this.confirming.set(null);
    this.store.removeLot(lotId);
    void this.announcer.announce(`Lot ${index + 1} removed.`, 'polite');
    const lots = this.store.content()?.lots ?? [];
    const next = lots[Math.min(index, lots.length - 1)];
    if (next) afterNextRender(() => focusElementById(lotField(next.id, 'title')), { injector: this.injector });
  }
}
