import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { Role, type TeamMember } from '@openbrief/contracts';

const ROLE_LABELS: Record<Role, string> = {
  [Role.Admin]: 'administrator',
  [Role.Buyer]: 'buyer',
  // Said at the point of choosing: mentioning an evaluator shows them this thread, and only this thread.
  [Role.Evaluator]: 'evaluator, will see this thread only',
  [Role.Supplier]: 'supplier',
};

/** Who to mention: one checkbox per member of the buying team or evaluator of the organisation (yourself left out). */
@Component({
  selector: 'ob-mention-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (choices().length) {
      <fieldset class="mentions" [attr.aria-describedby]="idPrefix() + '-mentions-hint'">
        <legend class="mentions__legend">Mention someone <span class="mentions__optional">(optional)</span></legend>
        <p class="mentions__hint" [id]="idPrefix() + '-mentions-hint'">They will find this thread under “Mentioning me”.</p>
        <div class="mentions__list">
          @for (member of choices(); track member.id) {
            <div class="mentions__item">
              <input
                type="checkbox"
                class="mentions__input"
                [id]="idPrefix() + '-mention-' + member.id"
                [checked]="selected().includes(member.id)"
                (change)="toggle(member.id, $any($event.target).checked)"
              />
              <label class="mentions__label" [for]="idPrefix() + '-mention-' + member.id">
                {{ member.name }} <span class="mentions__role">({{ roleLabel(member.role) }})</span>
              </label>
            </div>
          }
        </div>
      </fieldset>
    }
  `,
  styleUrl: './mention-picker.component.scss',
})
export class MentionPicker {
  readonly idPrefix = input.required<string>();
  readonly team = input<readonly TeamMember[]>([]);
  readonly meId = input<string | null>(null);
  readonly selected = model<readonly string[]>([]);

  protected readonly choices = computed(() => this.team().filter((m) => m.id !== this.meId()));

  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role];
  }

  protected toggle(id: string, checked: boolean): void {
    const rest = this.selected().filter((x) => x !== id);
    this.selected.set(checked ? [...rest, id] : rest);
  }
}
