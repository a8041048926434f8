import { LiveAnnouncer } from '@angular/cdk/a11y';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { CriterionContent, CriterionType, LotContent, TEXT_LIMITS, weightProblems } from '@openbrief/contracts';
import { focusElementById } from '../../../shared/ui/focus';
import { formatPercent, overallShares } from '../data-access/content-ops';
import { criterionField, lotField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { CRITERION_TYPE_OPTIONS } from './editor-options';
import { NumberField } from './number-field.component';
import { SelectField } from './select-field.component';
import { TenderField } from './tender-field.component';
import { TextField } from './text-field.component';

interface Level {
  readonly key: string;
  readonly parentId: string | null;
  readonly total: number;
  readonly ok: boolean;
  readonly message: string;
  readonly advice: string;
}

interface Row {
  readonly criterion: CriterionContent;
  readonly number: string;
  readonly name: string;
  readonly share: number;
  readonly children: readonly Row[];
}

/**
 * The lot's criteria tree with a live weight calculator: each level shows its running total as
 * the buyer types, says at once when it does not add up to 100%, and tells screen reader users
 * politely once they pause.
 */
@Component({
  selector: 'ob-criteria-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, TextField, NumberField, SelectField, TenderField],
  templateUrl: './criteria-editor.component.html',
  styleUrl: './criteria-editor.component.scss',
})
export class CriteriaEditor {
  readonly lot = input.required<LotContent>();
  readonly lotNumber = input.required<number>();

  protected readonly store = inject(TenderEditorStore);
  private readonly injector = inject(Injector);
  private readonly announcer = inject(LiveAnnouncer);
  protected readonly typeOptions = CRITERION_TYPE_OPTIONS;
  protected readonly limits = TEXT_LIMITS.criterion;
  protected readonly field = criterionField;
  protected readonly percent = formatPercent;
  protected readonly price = CriterionType.Price;

  protected readonly criteria = computed(() => this.lot().evaluationModel.criteria);
  protected readonly containerId = computed(() => lotField(this.lot().id, 'criteria'));

  protected readonly rows = computed<Row[]>(() => {
    const all = this.criteria();
    const shares = overallShares(all);
    const build = (parentId: string | null, prefix: string): Row[] =>
      all
        .filter((c) => c.parentId === parentId)
        .map((criterion, i) => {
          const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
          return {
            criterion,
            number,
            name: criterion.name.trim() || `criterion ${number}`,
            share: shares.get(criterion.id) ?? 0,
            children: build(criterion.id, number),
          };
        });
    return build(null, '');
  });

  protected readonly levels = computed(() => {
    const all = this.criteria();
    const problems = new Map(
      weightProblems(all.map((c) => ({ ...c, weight: Number.isFinite(c.weight) ? c.weight : 0 }))).map((p) => [p.parentId, p]),
    );
    const names = new Map(all.map((c) => [c.id, c.name.trim() || 'this criterion']));
    const parents = [null, ...all.filter((c) => all.some((x) => x.parentId === c.id)).map((c) => c.id)];
    const levels = new Map<string, Level>();
    for (const parentId of parents) {
      const siblings = all.filter((c) => c.parentId === parentId);
      if (!siblings.length) continue;
      const total = Math.round(siblings.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0) * 100) / 100;
      const problem = problems.get(parentId);
      const where = parentId === null ? 'The top-level criteria' : `The criteria under “${names.get(parentId)}”`;
      const gap = Math.round((100 - total) * 100) / 100;
      levels.set(parentId ?? 'top', {
        key: parentId ?? 'top',
        parentId,
        total,
        ok: !problem,
        message: problem ? `${where} add up to ${formatPercent(total)}, not 100%.` : `${where} add up to 100%.`,
        advice: problem ? (gap > 0 ? `Add ${formatPercent(gap)} to reach 100%.` : `Take off ${formatPercent(-gap)} to get to 100%.`) : '',
      });
    }
    return levels;
  });

  /** Weight messages already shown at their level, not repeated on each row. */
  private readonly levelMessages = computed(() => {
    const lotPrefix = /^Lot \d+: /;
    return new Set(
      this.store
        .problems()
        .filter((p) => p.section === 'evaluation' && / add up to .*, not 100%\.$/.test(p.message.replace(lotPrefix, '')))
        .map((p) => p.message),
    );
  });

  protected readonly topLevel = computed(() => this.levels().get('top') ?? null);

  /** The top level as a bar: one segment per criterion, never wider than the whole. */
  protected readonly segments = computed(() => {
    let used = 0;
    return this.rows().map((row, i) => {
      const weight = Number.isFinite(row.criterion.weight) ? Math.max(0, row.criterion.weight) : 0;
      const width = Math.max(0, Math.min(weight, 100 - used));
      used += width;
      return { id: row.criterion.id, name: row.name, weight, width, tone: i % 4 };
    });
  });

  /** Requirements in this lot, for choosing what each criterion assesses. */
  protected readonly requirements = computed(() =>
    this.lot().requirements.map((r, i) => ({
      id: r.id,
      label: `${this.lotNumber()}.${i + 1} ${r.outcome.trim() || '(no outcome written yet)'}`,
    })),
  );

  /** Screen readers hear the totals once typing pauses, not at every keystroke. */
  protected readonly spoken = signal('');
  private speakTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    let previous: string | null = null;
    effect(() => {
      const levels = [...this.levels().values()];
      const bad = levels.filter((l) => !l.ok);
      const text = bad.length
        ? bad.map((l) => `${l.message} ${l.advice}`).join(' ')
        : levels.length
          ? 'All weights now add up to 100%.'
          : '';
      if (previous === null) {
        previous = text;
        return;
      }
      if (text === previous) return;
      previous = text;
      clearTimeout(this.speakTimer);
      this.speakTimer = setTimeout(() => untracked(() => this.spoken.set(text)), 900);
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.speakTimer));
  }

  protected level(parentId: string | null): Level | null {
    return this.levels().get(parentId ?? 'top') ?? null;
  }

  protected levelId(parentId: string | null): string {
    return `weights-${this.lot().id}-${parentId ?? 'top'}`;
  }

  protected rowErrors(criterion: CriterionContent): string[] {
    const ids = [criterionField(criterion.id, 'name'), criterionField(criterion.id, 'weight')];
    const skip = this.levelMessages();
    return this.store
      .problems()
      .filter((p) => ids.includes(p.fieldId) && !skip.has(p.message))
      .map((p) => p.message);
  }

  protected error(id: string): string {
    const message = this.store.errorFor(id);
    return this.levelMessages().has(message) ? '' : message;
  }

  /** An empty weight box is "not a number yet", so the box is not refilled with 0 as the buyer types. */
  protected setWeight(criterion: CriterionContent, weight: number | null): void {
    this.set(criterion, { weight: weight ?? NaN });
  }

  protected set(criterion: CriterionContent, patch: Partial<CriterionContent>): void {
    this.store.setCriterion(this.lot().id, criterion.id, patch);
  }

  protected setType(criterion: CriterionContent, type: string): void {
    this.set(criterion, { type: type as CriterionType });
  }

  protected toggleRequirement(criterion: CriterionContent, requirementId: string, checked: boolean): void {
    const ids = criterion.requirementIds.filter((id) => id !== requirementId);
    this.set(criterion, { requirementIds: checked ? [...ids, requirementId] : ids });
  }

  protected add(parentId: string | null): void {
    const id = this.store.addCriterion(this.lot().id, parentId);
    afterNextRender(() => focusElementById(criterionField(id, 'name')), { injector: this.injector });
  }

  protected remove(row: Row): void {
    const subs = row.children.length;
    if (subs && !confirm(`Remove “${row.name}” and its ${subs} sub-criteria?`)) return;
    this.store.removeCriterion(this.lot().id, row.criterion.id);
    void this.announcer.announce(`Removed “${row.name}”.`, 'polite');
    afterNextRender(() => focusElementById(this.containerId()), { injector: this.injector });
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}
