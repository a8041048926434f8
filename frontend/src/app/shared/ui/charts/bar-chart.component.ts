import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Domain, domainOf, positionOf, ticksOf } from './chart-scale';
import { ChartTick, ROW_HEIGHT, tickMarks } from './chart-ticks';

/** One bar: `valueText` is how the value reads (e.g. "71.2%") in the chart, the table and the summary. */
export interface BarDatum {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
}

/**
 * A horizontal bar chart drawn in SVG, with the same figures in a visible table beside it. The SVG is one image
 * (`role="img"`) named by `summary`, which says in words what the bars show; the table serves everyone else.
 */
@Component({
  selector: 'ob-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'chart' },
  template: `
    <svg class="chart__svg" role="img" width="100%" [attr.height]="height()" [attr.aria-label]="summary()">
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
      @for (bar of drawn(); track bar.key; let i = $index) {
        <text class="chart__label" x="0" [attr.y]="i * row + 18">{{ bar.label }}: {{ bar.valueText }}</text>
        <rect class="chart__bar" [attr.x]="bar.start + '%'" [attr.y]="i * row + 26" [attr.width]="bar.width + '%'" height="18" />
      }
    </svg>
    <table class="chart__table">
      <caption>
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ labelHeading() }}</th>
          <th scope="col" class="chart__number">{{ valueHeading() }}</th>
        </tr>
      </thead>
      <tbody>
        @for (bar of bars(); track bar.key) {
          <tr>
            <th scope="row">{{ bar.label }}</th>
            <td class="chart__number">{{ bar.valueText }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styleUrl: './chart.component.scss',
})
export class BarChart {
  readonly bars = input.required<readonly BarDatum[]>();
  /** What the chart shows, in a sentence or two: the SVG's accessible name. */
  readonly summary = input.required<string>();
  readonly caption = input.required<string>();
  readonly labelHeading = input('Response');
  readonly valueHeading = input.required<string>();
  /** Fixed bounds (e.g. 0–1 for shares) so bars are not stretched to the largest value; otherwise from the data. */
  readonly domain = input<Domain | null>(null);
  readonly tickText = input<(value: number) => string>(String);

  protected readonly row = ROW_HEIGHT;
  private readonly bounds = computed(() => this.domain() ?? domainOf(this.bars().map((b) => b.value)));
  protected readonly plotHeight = computed(() => Math.max(1, this.bars().length) * ROW_HEIGHT);
  protected readonly height = computed(() => this.plotHeight() + 26);
  protected readonly ticks = computed<ChartTick[]>(() => tickMarks(ticksOf(this.bounds()), this.bounds(), this.tickText()));
  protected readonly drawn = computed(() => {
    const domain = this.bounds();
    const zero = positionOf(0, domain);
    return this.bars().map((bar) => {
      const end = positionOf(bar.value, domain);
      return { ...bar, start: Math.min(zero, end), width: Math.abs(end - zero) };
    });
  });
}
