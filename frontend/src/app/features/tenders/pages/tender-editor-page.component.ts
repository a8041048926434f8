import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { Procedure, RESPONSE_RULES_HEADING, TEXT_LIMITS, VatBasis } from '@openbrief/contracts';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { Notice } from '../../../shared/ui/notice.component';
import { FindingsPanelComponent } from '../check/findings-panel.component';
import { SECTIONS, SectionId, requirementField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { ClassificationFields } from '../ui/classification-fields.component';
import { ContactFields } from '../ui/contact-fields.component';
import { PROCEDURE_OPTIONS, VAT_OPTIONS } from '../ui/editor-options';
import { EvaluationEditor } from '../ui/evaluation-editor.component';
import { JurisdictionField } from '../ui/jurisdiction-field.component';
import { LotsEditor } from '../ui/lots-editor.component';
import { NumberField } from '../ui/number-field.component';
import { Radios } from '../ui/radios.component';
import { RequirementList } from '../ui/requirement-list.component';
import { revealField } from '../ui/reveal-field';
import { SelectField } from '../ui/select-field.component';
import { TenderField } from '../ui/tender-field.component';
import { TextField } from '../ui/text-field.component';
import { TimetableFields } from '../ui/timetable-fields.component';
import { ResponseRulesFields } from '../ui/response-rules-fields.component';

/** The whole tender on one page, for buyers who know what they want to write. */
@Component({
  selector: 'ob-tender-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    Notice,
    FindingsPanelComponent,
    ClassificationFields,
    ContactFields,
    EvaluationEditor,
    JurisdictionField,
    LotsEditor,
    NumberField,
    Radios,
    RequirementList,
    SelectField,
    TenderField,
    TextField,
    TimetableFields,
    ResponseRulesFields,
  ],
  templateUrl: './tender-editor-page.component.html',
  styleUrl: './tender-editor-page.component.scss',
})
export class TenderEditorPage {
  /** `?field=` from links elsewhere (publication blockers, save problems): the field to open at. */
  readonly field = input<string>();

  protected readonly store = inject(TenderEditorStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly limits = TEXT_LIMITS;
  protected readonly sections = SECTIONS;
  protected readonly respondingHeading = RESPONSE_RULES_HEADING;
  protected readonly vatOptions = VAT_OPTIONS;
  protected readonly procedureOptions = PROCEDURE_OPTIONS;

  protected readonly current = signal<SectionId>('summary');
  protected readonly problemCounts = computed(() => {
    const counts = new Map<SectionId, number>();
    for (const p of this.store.problems()) counts.set(p.section, (counts.get(p.section) ?? 0) + 1);
    return counts;
  });

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(pageTitle(`Edit: ${this.store.content()?.title || 'tender'}`)));

    // After the app has moved focus to the h1, open the field a link pointed at.
    const router = inject(Router);
    afterNextRender(() => {
      const field = this.field();
      if (!field) return;
      setTimeout(() => {
        revealField(field);
        // Done with it: a reload should not jump there again.
        void router.navigate([], { queryParams: { field: null }, queryParamsHandling: 'merge', replaceUrl: true });
      }, 60);
    });
    this.watchSections();
  }

  protected setProcedure(value: string): void {
    this.store.patch({ procedure: value as Procedure });
  }

  protected setVat(value: string): void {
    this.store.setBudget({ vatBasis: value as VatBasis });
  }

  protected goToSection(event: Event, id: SectionId): void {
    event.preventDefault();
    this.current.set(id);
    const heading = document.getElementById(`h-${id}`);
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    heading.closest('section')?.scrollIntoView({ block: 'start' });
  }

  protected goToRequirement(requirementId: string): void {
    revealField(requirementField(requirementId, 'outcome'));
  }

  /** Marks the section being read in the sticky navigation. */
  private watchSections(): void {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      if (typeof IntersectionObserver === 'undefined') return;
      const visible = new Map<string, boolean>();
      const observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) visible.set(entry.target.id, entry.isIntersecting);
          // The last section showing in the reading band: the one whose heading the reader has just reached.
          const last = [...SECTIONS].reverse().find((s) => visible.get(`section-${s.id}`));
          if (last) this.current.set(last.id);
        },
        { rootMargin: '-130px 0px -60% 0px' },
      );
      this.host.nativeElement.querySelectorAll('section[id^="section-"]').forEach((el) => observer.observe(el));
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
