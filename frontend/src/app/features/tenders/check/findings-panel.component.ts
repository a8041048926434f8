import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  EventEmitter,
  Output,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type { FindingJustification, TenderContent } from '@openbrief/contracts';
import { CATEGORIES, type Finding, type FindingCategory, type TenderCheckResult, checkTender } from '@openbrief/spec-check';
import { CATEGORY_LABEL, SEVERITY_RANK, plural } from './finding-display';
import { FindingItemComponent } from './finding-item.component';
import { revealField } from '../ui/reveal-field';
import { type FieldFindings, type RequirementPlace, checkFieldTexts, requirementPlaces, toTenderCheckInput } from './tender-check-input';

let nextId = 0;

/** Re-check at most this often while the buyer types; the first check is immediate. */
const CHECK_DEBOUNCE_MS = 200;

/** Requirement id the checker uses for justifications of tender-level findings. */
const TENDER_ID = 'tender';

interface PanelFinding {
  readonly key: string;
  readonly finding: Finding;
  /** Null for tender-level findings and findings in other texts. */
  readonly place: RequirementPlace | null;
  /** For a finding in another text a supplier reads (the problem, a lot description…): which, and where it is edited. */
  readonly field: { readonly key: string; readonly label: string; readonly fieldId: string | null } | null;
  readonly span: string;
}

interface CategoryGroup {
  readonly category: FindingCategory;
  readonly label: string;
  readonly items: PanelFinding[];
  readonly errors: number;
}

/**
 * The whole-tender check as a side panel: openness score and breakdown, reading age, findings grouped
 * by category with links to their requirements, tender-level findings, and justified findings.
 */
@Component({
  selector: 'ob-findings-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FindingItemComponent],
  host: { class: 'findings-panel', '[class.findings-panel--collapsed]': 'collapsed()' },
  templateUrl: './findings-panel.component.html',
  styleUrl: './findings-panel.component.scss',
})
export class FindingsPanelComponent {
  /** The editor's working copy. */
  readonly content = input.required<TenderContent>();

  @Output() readonly goToRequirement = new EventEmitter<string>();
  @Output() readonly justify = new EventEmitter<FindingJustification>();

  /** Collapsed only matters on small screens, where the panel sits above or below the form. */
  protected readonly collapsed = signal(true);
  protected readonly bodyId = `ob-findings-panel-${++nextId}`;

  private readonly result = signal<{ check: TenderCheckResult; places: RequirementPlace[]; fields: FieldFindings[] } | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly check = computed(() => this.result()?.check ?? null);

  protected readonly score = computed(() => this.check()?.openness.score ?? null);
  protected readonly scoreLabel = computed(() => {
    const score = this.score();
    if (score === null) return '';
    if (score >= 85)
      return this.blockingCount() ? 'Mostly open, but some problems must be fixed or justified' : 'Open: few barriers to bidders';
    if (score >= 60) return 'Some barriers to bidders';
    return 'Many barriers to bidders';
  });

  protected readonly readingAge = computed(() => {
    const age = this.check()?.readingAge;
    return age === null || age === undefined ? null : Math.round(age);
  });

  protected readonly breakdown = computed(() => {
    const check = this.check();
    if (!check) return [];
    return CATEGORIES.map((c) => ({ ...check.openness.breakdown[c], label: CATEGORY_LABEL[c] }));
  });

  private readonly all = computed<PanelFinding[]>(() => {
    const r = this.result();
    if (!r) return [];
    const byId = new Map(r.places.map((p) => [p.id, p]));
    const out: PanelFinding[] = [];
    r.check.requirements.forEach((req) => {
      const place = byId.get(req.id) ?? null;
      req.findings.forEach((finding, i) =>
        out.push({ key: `${req.id}-${i}-${finding.rule}`, finding, place, field: null, span: req.text.slice(finding.start, finding.end) }),
      );
    });
    for (const f of r.fields) {
      const field = { key: f.text.key, label: f.text.label, fieldId: f.fieldId };
      f.findings.forEach((finding, i) =>
        out.push({
          key: `${f.text.key.replace(/\W/g, '-')}-${i}-${finding.rule}`,
          finding,
          place: null,
          field,
          span: f.text.text.slice(finding.start, finding.end),
        }),
      );
    }
    r.check.tenderFindings.forEach((finding, i) =>
      out.push({ key: `tender-${i}-${finding.rule}`, finding, place: null, field: null, span: '' }),
    );
    return out;
  });

  protected readonly groups = computed<CategoryGroup[]>(() => {
    const open = this.all().filter((f) => !f.finding.justified && (f.place !== null || f.field !== null));
    return CATEGORIES.map((category) => {
      const items = open
        .filter((f) => f.finding.category === category)
        .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity]);
      return {
        category,
        label: category === 'tender' ? 'Scoring' : CATEGORY_LABEL[category],
        items,
        errors: items.filter((f) => f.finding.severity === 'error').length,
      };
    }).filter((g) => g.items.length > 0);
  });

  protected readonly tenderFindings = computed(() =>
    this.all().filter((f) => f.place === null && f.field === null && !f.finding.justified),
  );
  /** Unjustified errors anywhere (requirements, other texts, the whole tender): each blocks publication. */
  private readonly blockingCount = computed(() => this.all().filter((f) => f.finding.severity === 'error' && !f.finding.justified).length);
  protected readonly justified = computed(() => this.all().filter((f) => f.finding.justified));
  protected readonly openCount = computed(() => this.all().filter((f) => !f.finding.justified).length);
  protected readonly summary = computed(() => {
    const check = this.check();
    if (!check) return '';
    const open = this.openCount();
    const blocking = this.blockingCount();
    if (open === 0) return 'No problems found.';
    return (
      `${plural(open, 'thing', 'things')} to check` +
      (blocking ? `, ${plural(blocking, 'problem', 'problems')} to fix or justify before publishing.` : '.')
    );
  });

  constructor() {
    let first = true;
    effect(() => {
      const content = this.content();
      clearTimeout(this.timer);
      const run = () =>
        this.result.set({
          check: checkTender(toTenderCheckInput(content)),
          places: requirementPlaces(content),
          fields: checkFieldTexts(content),
        });
      if (first) {
        first = false;
        untracked(run);
      } else {
        this.timer = setTimeout(run, CHECK_DEBOUNCE_MS);
      }
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected toggle(): void {
    this.collapsed.update((c) => !c);
  }

  protected go(event: Event, item: PanelFinding): void {
    event.preventDefault();
    if (item.place) this.goToRequirement.emit(item.place.id);
    else if (item.field?.fieldId) revealField(item.field.fieldId);
  }

  protected saveJustification(item: PanelFinding, text: string): void {
    // Tender-level findings about one criterion or lot are justified for that target; others for the whole tender.
    // A finding in another text is justified for that text (its checkedTexts key).
    this.justify.emit({
      requirementId: item.field?.key ?? item.place?.id ?? item.finding.target ?? TENDER_ID,
      rule: item.finding.rule,
      text,
    });
  }
}
