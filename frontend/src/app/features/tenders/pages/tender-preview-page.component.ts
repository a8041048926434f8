import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { VatBasis } from '@openbrief/contracts';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { PROCEDURE_LABELS } from '../../opportunities/ui/tender-labels';
import { TenderNarrative } from '../../opportunities/ui/tender-narrative.component';
import { TenderScoring } from '../../opportunities/ui/tender-scoring.component';
import { TenderValuePipe } from '../../opportunities/ui/tender-value.pipe';
import { toPreviewDetail } from '../data-access/content-ops';
import { TenderEditorStore } from '../data-access/tender-editor.store';

/** What suppliers will see once this working copy is published, drawn with the public page's own parts. */
@Component({
  selector: 'ob-tender-preview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, TenderValuePipe, TenderNarrative, TenderScoring],
  templateUrl: './tender-preview-page.component.html',
  styleUrl: './tender-preview-page.component.scss',
})
export class TenderPreviewPage {
  protected readonly store = inject(TenderEditorStore);
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly includingVat = VatBasis.IncludingVat;

  protected readonly tender = computed(() => {
    const meta = this.store.tender();
    const content = this.store.content();
    return meta && content ? toPreviewDetail(meta, content) : null;
  });
  protected readonly nextVersion = computed(() => (this.store.tender()?.publishedVersion ?? 0) + 1);

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(pageTitle(`Preview: ${this.store.content()?.title || 'tender'}`)));
  }
}
