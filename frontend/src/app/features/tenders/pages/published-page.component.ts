import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { RouterLink } from '@angular/router';
import { UkDatePipe, formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { TenderEditorStore } from '../data-access/tender-editor.store';

/** Confirmation, GOV.UK style: what was published, where to see it, and what happens next. */
@Component({
  selector: 'ob-published-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe],
  template: `
    @let t = store.tender()!;
    @let c = store.content()!;
    <div class="container ws-page">
      <div class="narrow">
        @if (t.publishedVersion < version()) {
          <h1>Version {{ version() }} has not been published</h1>
          <p class="lead">
            @if (t.publishedVersion > 0) {
              The latest published version is version {{ t.publishedVersion }}.
            } @else {
              This tender has not been published yet.
            }
          </p>
          <p><a [routerLink]="['/tenders', t.id, 'publish']">Check and publish the tender</a></p>
        } @else {
          <div class="panel-confirm">
            <h1 class="panel-confirm__title">Version {{ version() }} published</h1>
            <p class="panel-confirm__body">
              Reference<br /><strong>{{ t.reference }}</strong>
            </p>
          </div>

          <p class="lead">{{ openSentence() }}</p>
          <p><a [routerLink]="['/opportunities', t.id]">See the tender as suppliers see it</a></p>

          <h2>What happens next</h2>
          <ul class="next-steps">
            @if (c.timetable.clarificationDeadline) {
              <li>Suppliers can ask questions until {{ c.timetable.clarificationDeadline | ukDate }}.</li>
            }
            @if (c.timetable.answersPublishedBy) {
              <li>Publish your answers to their questions by {{ c.timetable.answersPublishedBy | ukDate }}.</li>
            }
            @if (c.timetable.submissionDeadline) {
              <li>Bids close at {{ c.timetable.submissionDeadline | ukDate }}.</li>
            }
            <li>
              If you need to change anything, edit the tender and publish again: suppliers will see version
              {{ version() + 1 }} with your note saying what changed.
            </li>
          </ul>

          <div class="button-row">
            <a class="button-link button-link--secondary" [routerLink]="['/tenders', t.id]">Make more changes</a>
            <a routerLink="/tenders">Back to your tenders</a>
          </div>
        }
      </div>
    </div>
  `,
  styles: `
    .panel-confirm {
      margin-bottom: 2rem;
      padding: 2rem 1.5rem;
      border-radius: 4px;
      background: var(--ob-success);
      color: #fff;
      text-align: center;
    }

    .panel-confirm__title {
      margin-bottom: 1rem;
    }

    .panel-confirm__body {
      margin: 0;
      font-size: 1.5rem;
    }

    .next-steps {
      padding-left: 1.25rem;

      li {
        margin-bottom: 0.5rem;
      }
    }
  `,
})
export class PublishedPage {
  /** Bound from the `:version` route parameter. */
  readonly versionParam = input.required<string>({ alias: 'version' });
  protected readonly store = inject(TenderEditorStore);
  protected readonly openSentence = computed(() => {
    const t = this.store.tender();
    const when = t?.publishedAt ? `, published at ${formatUkDate(t.publishedAt)}` : '';
    return `“${this.store.content()?.title ?? t?.title ?? ''}” is now open to suppliers${when}.`;
  });
  protected readonly version = computed(() => Number(this.versionParam()) || this.store.tender()?.publishedVersion || 1);

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(pageTitle(`Version ${this.version()} published`)));
  }
}
