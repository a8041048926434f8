/**
 * Series fills: each colour has at least 3:1 contrast with white (WCAG 1.4.11) and carries its own white pattern,
 * so a series is told apart by pattern and legend as well as colour.
 */
export interface SeriesStyle {
  readonly colour: string;
  /** SVG path drawn in white over the colour in an 8 × 8 tile; '' for a solid fill. */
  readonly pattern: string;
  /** How the legend names the pattern for people who cannot tell the colours apart. */
  readonly patternName: string;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#1d4f91', pattern: '', patternName: 'solid' },
  { colour: '#a34e00', pattern: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4', patternName: 'diagonal lines' },
  { colour: '#00703c', pattern: 'M2,2 h1.5 v1.5 h-1.5 Z M6,6 h1.5 v1.5 h-1.5 Z', patternName: 'dots' },
  { colour: '#4c2c92', pattern: 'M0,4 h8 M4,0 v8', patternName: 'grid' },
  { colour: '#b3261e', pattern: 'M0,2 h8 M0,6 h8', patternName: 'horizontal lines' },
  { colour: '#505a5f', pattern: 'M2,0 v8 M6,0 v8', patternName: 'vertical lines' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] as SeriesStyle;
}
