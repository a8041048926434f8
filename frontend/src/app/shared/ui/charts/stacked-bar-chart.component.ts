import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { stackRow, stackedDomain, ticksOf } from './chart-scale';
import { ChartTick, ROW_HEIGHT, tickMarks } from './chart-ticks';
import { seriesStyle } from './chart-palette';

export interface StackSeries {
  readonly key: string;
  readonly label: string;
}

/** One bar: a value per series (negative values stack to the left of zero), and how its total reads. */
export interface StackRow {
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
  readonly totalText: string;
}

let nextChartId = 0;

/**
 * Horizontal stacked bars in SVG, one per row, a segment per series told apart by colour, pattern and legend, with
 * the figures in a visible table beside it. The SVG is one image named by `summary`.
 */
@Component({
  selector: 'ob-stacked-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'chart' },
  template: `
    <div class="chart__figure">
      <svg class="chart__svg" role="img" width="100%" [attr.height]="height()" [attr.aria-label]="summary()">
        <defs>
          @for (s of styles(); track s.id) {
            <pattern [attr.id]="s.id" patternUnits="userSpaceOnUse" width="8" height="8">
              <rect width="8" height="8" [attr.fill]="s.colour" />
              @if (s.pattern) {
                <path [attr.d]="s.pattern" stroke="#fff" stroke-width="1.5" fill="#fff" />
              }
            </pattern>
          }
        </defs>
        @for (tick of ticks(); track tick.value) {
          <line
            class="chart__grid"
            [class.chart__grid--zero]="tick.value === 0"
            [attr.x1]="tick.x + '%'"
            [attr.x2]="tick.x + '%'"
            y1="0"
            [attr.y2]="plotHeight()"
          />
          <text class="chart__tick" [attr.x]="tick.x + '%'" [attr.y]="plotHeight() + 18" [attr.text-anchor]="tick.anchor">
            {{ tick.text }}
          </text>
        }
        @for (row of drawn(); track row.key; let i = $index) {
          <text class="chart__label" x="0" [attr.y]="i * rowHeight + 18">{{ row.label }}: {{ row.totalText }}</text>
          @for (segment of row.segments; track segment.series) {
            <rect
              class="chart__segment"
              [attr.x]="segment.start + '%'"
              [attr.y]="i * rowHeight + 26"
              [attr.width]="segment.width + '%'"
              height="18"
              [attr.fill]="'url(#' + styles()[segment.series]?.id + ')'"
            />
          }
        }
      </svg>
      <ul class="chart__legend">
        @for (s of styles(); track s.id) {
          <li>
            <svg aria-hidden="true" width="28" height="16"><rect width="28" height="16" [attr.fill]="'url(#' + s.id + ')'" /></svg>
            {{ s.label }}<span class="visually-hidden"> ({{ s.patternName }})</span>
          </li>
        }
      </ul>
    </div>
    <div class="chart__scroll" role="region" tabindex="0" [attr.aria-label]="caption()">
      <table class="chart__table">
        <caption>
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ labelHeading() }}</th>
            @for (s of series(); track s.key) {
              <th scope="col" class="chart__number">{{ s.label }}</th>
            }
            <th scope="col" class="chart__number">{{ totalHeading() }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              @for (value of row.values; track $index) {
                <td class="chart__number">{{ valueText()(value) }}</td>
              }
              <td class="chart__number">{{ row.totalText }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './chart.component.scss',
})
export class StackedBarChart {
  readonly series = input.required<readonly StackSeries[]>();
  readonly rows = input.required<readonly StackRow[]>();
  readonly summary = input.required<string>();
  readonly caption = input.required<string>();
  readonly labelHeading = input('Response');
  readonly totalHeading = input('Total');
  readonly valueText = input<(value: number) => string>(String);
  readonly tickText = input<(value: number) => string>(String);

  /** Pattern ids must be unique on the page, which may hold several charts. */
  private readonly uid = `ob-chart-${nextChartId++}`;
  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly styles = computed(() => this.series().map((s, i) => ({ ...seriesStyle(i), id: `${this.uid}-s${i}`, label: s.label })));
  private readonly bounds = computed(() => stackedDomain(this.rows().map((r) => r.values)));
  protected readonly plotHeight = computed(() => Math.max(1, this.rows().length) * ROW_HEIGHT);
  protected readonly height = computed(() => this.plotHeight() + 26);
  protected readonly ticks = computed<ChartTick[]>(() => tickMarks(ticksOf(this.bounds()), this.bounds(), this.tickText()));
  protected readonly drawn = computed(() => this.rows().map((row) => ({ ...row, segments: stackRow(row.values, this.bounds()) })));
}
