import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PriceMethod, PriceParameters } from '@openbrief/contracts';
import { PriceChartPoint, priceChart } from './price-chart-figures';

/** The plot area inside the SVG's 320 × 200 view box: room on the left for the score labels and below for the prices. */
const PLOT = { left: 44, right: 308, top: 12, bottom: 156 } as const;
const Y_TICKS = [0, 25, 50, 75, 100];

/**
 * A small line chart of the price score against price for the lot's method, redrawn as the method or its parameters
 * change, with the same figures in a table beside it (the chart is an image to a screen reader; the table is the data).
 */
@Component({
  selector: 'ob-price-method-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = chart();
    @if (c.kind === 'none') {
      <p class="chart__none" [id]="chartId() + '-none'">{{ c.reason }}</p>
    } @else {
      <figure class="chart" [attr.aria-labelledby]="chartId() + '-caption'">
        <svg class="chart__svg" viewBox="0 0 320 200" role="img" [id]="chartId()" [attr.aria-label]="c.summary" focusable="false">
          @for (tick of yTicks; track tick) {
            <line class="chart__grid" [attr.x1]="plot.left" [attr.x2]="plot.right" [attr.y1]="y(tick)" [attr.y2]="y(tick)" />
            <text class="chart__tick" [attr.x]="plot.left - 6" [attr.y]="y(tick) + 4" text-anchor="end">{{ tick }}%</text>
          }
          @for (p of xTicks(); track p.price) {
            <text class="chart__tick" [attr.x]="x(p.price)" [attr.y]="plot.bottom + 16" text-anchor="middle">{{ p.label }}</text>
          }
          <text class="chart__axis" [attr.x]="(plot.left + plot.right) / 2" y="196" text-anchor="middle">
            {{ c.axis === 'relative' ? 'Price, as a percentage of the lowest bid' : 'Price' }}
          </text>
          <polyline class="chart__line" [attr.points]="line()" />
          @for (p of c.points; track p.price) {
            <circle class="chart__dot" [attr.cx]="x(p.price)" [attr.cy]="y(p.score)" r="2.5" />
          }
        </svg>
        <figcaption class="chart__caption" [id]="chartId() + '-caption'">
          <strong>How the price score moves with the price.</strong>
          The score is shown as a percentage of the marks for price. {{ c.assumption }} {{ c.distortion }}
        </figcaption>
      </figure>
      <details class="chart__figures">
        <summary>Show the figures</summary>
        <table class="chart__table">
          <caption class="visually-hidden">
            Price score at each price
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ c.axis === 'relative' ? 'Price (of the lowest bid)' : 'Price' }}</th>
              <th scope="col">Score (of the marks for price)</th>
            </tr>
          </thead>
          <tbody>
            @for (p of c.points; track p.price) {
              <tr>
                <th scope="row">{{ p.label }}</th>
                <td>{{ score(p) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 30rem;
      margin-bottom: 1.75rem;
    }

    .chart {
      margin: 0 0 0.75rem;
    }

    .chart__svg {
      display: block;
      width: 100%;
      height: auto;
    }

    .chart__grid {
      stroke: #d8dde3;
      stroke-width: 1;
    }

    .chart__tick,
    .chart__axis {
      fill: var(--ob-text-secondary, #484949);
      font-size: 11px;
    }

    .chart__axis {
      fill: var(--ob-text, #0b0c0c);
    }

    .chart__line {
      fill: none;
      stroke: #1d4f91;
      stroke-width: 2.5;
      stroke-linejoin: round;
    }

    .chart__dot {
      fill: #1d4f91;
    }

    .chart__caption,
    .chart__none {
      margin: 0.5rem 0 0;
      font-size: 1rem;
    }

    .chart__table {
      margin-top: 0.5rem;
      border-collapse: collapse;
      font-size: 1rem;

      th,
      td {
        padding: 0.25rem 1.5rem 0.25rem 0;
        border-bottom: 1px solid var(--ob-border, #b1b4b6);
        text-align: left;
      }

      td {
        text-align: right;
      }
    }
  `,
})
export class PriceMethodChart {
  readonly chartId = input.required<string>();
  readonly method = input.required<PriceMethod>();
  readonly parameters = input.required<PriceParameters>();
  readonly budgetMax = input<number | null>(null);

  protected readonly plot = PLOT;
  protected readonly yTicks = Y_TICKS;
  protected readonly chart = computed(() => priceChart(this.method(), this.parameters(), this.budgetMax()));

  private readonly range = computed(() => {
    const c = this.chart();
    const prices = c.kind === 'curve' ? c.points.map((p) => p.price) : [0, 1];
    return { min: Math.min(...prices), max: Math.max(...prices) };
  });

  /** First, middle and last prices: enough to read the axis at 320 px without the labels colliding. */
  protected readonly xTicks = computed(() => {
    const c = this.chart();
    if (c.kind !== 'curve') return [];
    const p = c.points;
    return [p[0], p[Math.floor(p.length / 2)], p[p.length - 1]];
  });

  protected readonly line = computed(() => {
    const c = this.chart();
    return c.kind === 'curve' ? c.points.map((p) => `${this.x(p.price).toFixed(1)},${this.y(p.score).toFixed(1)}`).join(' ') : '';
  });

  protected x(price: number): number {
    const { min, max } = this.range();
    return PLOT.left + ((price - min) / (max - min || 1)) * (PLOT.right - PLOT.left);
  }

  protected y(score: number): number {
    return PLOT.bottom - (Math.min(100, Math.max(0, score)) / 100) * (PLOT.bottom - PLOT.top);
  }

  protected score(p: PriceChartPoint): string {
    return `${(Math.round(p.score * 10) / 10).toLocaleString('en-GB')}%`;
  }
}
