import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { RESPONSE_RULES_HEADING, attachmentRuleText } from '@openbrief/contracts';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { TenderNarrative } from '../../../shared/ui/tender/tender-narrative.component';
import { TenderKeyFacts } from '../../../shared/ui/tender/tender-key-facts.component';
import { TenderScoring } from '../../../shared/ui/tender/tender-scoring.component';
import { toPreviewDetail } from '../data-access/content-ops';
import { TenderEditorStore } from '../data-access/tender-editor.store';

/** What suppliers will see once this working copy is published, drawn with the public page's own parts. */
@Component({
  selector: 'ob-tender-preview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, TenderNarrative, TenderScoring, TenderKeyFacts],
  templateUrl: './tender-preview-page.component.html',
  styleUrl: './tender-preview-page.component.scss',
})
export class TenderPreviewPage {
  protected readonly store = inject(TenderEditorStore);

  protected readonly tender = computed(() => {
    const meta = this.store.tender();
    const content = this.store.content();
    return meta && content ? toPreviewDetail(meta, content) : null;
  });
  protected readonly nextVersion = computed(() => (this.store.tender()?.publishedVersion ?? 0) + 1);
  protected readonly respondingHeading = RESPONSE_RULES_HEADING;
  /** The sentence the tender pack prints, so the preview shows suppliers' words. */
  protected readonly attachmentRule = computed(() => {
    const t = this.tender();
    return t ? attachmentRuleText(t.responseRules) : '';
  });

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(pageTitle(`Preview: ${this.store.content()?.title || 'tender'}`)));
  }
}
