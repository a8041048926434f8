/**
 * Visual constants for every document the library lays out. Values follow the GOV.UK Design System
 * (colours, a clear heading scale, generous spacing, tables ruled by horizontal lines only) translated
 * to print sizes. All lengths are PDF points (1/72 inch).
 */

/** The four faces we embed. Everything is DejaVu Sans: one family keeps the pack calm and the subset small. */
export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface TextStyle {
  font: FontKey;
  size: number;
  /** Distance from one line's top to the next line's top. */
  leading: number;
  color: string;
}

export const A4: { width: number; height: number } = { width: 595.28, height: 841.89 };

export const COLOURS = {
  text: '#0b0c0c',
  secondary: '#505a5f',
  border: '#b1b4b6',
  borderStrong: '#0b0c0c',
  brand: '#1d70b8',
  link: '#1d70b8',
  // Tints used behind callouts and table header rows; dark text on them keeps contrast above 4.5:1.
  panel: '#f3f2f1',
  infoTint: '#e8f1f8',
  warningTint: '#fdf1e9',
  importantTint: '#fbe9e8',
  successTint: '#e5f1ec',
  warning: '#c55b00',
  important: '#d4351c',
  success: '#00703c',
  watermark: '#d4351c',
} as const;

export interface Theme {
  page: { width: number; height: number };
  margin: { top: number; right: number; bottom: number; left: number };
  /** Baselines of the running header and footer, measured from the page top / bottom edge. */
  header: { y: number };
  footer: { y: number };
  styles: {
    display: TextStyle;
    h1: TextStyle;
    h2: TextStyle;
    h3: TextStyle;
    body: TextStyle;
    lead: TextStyle;
    small: TextStyle;
    secondary: TextStyle;
    tableHeader: TextStyle;
    tableCell: TextStyle;
    running: TextStyle;
    kicker: TextStyle;
  };
  /** Space above blocks of each kind; space at the top of a page is dropped. */
  spacing: {
    display: number;
    h1: number;
    h2: number;
    h3: number;
    paragraph: number;
    table: number;
    callout: number;
    list: number;
    listItem: number;
  };
  table: { cellPaddingX: number; cellPaddingY: number };
  callout: { barWidth: number; padding: number };
  /** Width of the gutter that holds a numbered paragraph's number ("12.140"). */
  numberGutter: number;
  listIndent: number;
}

export function defaultTheme(): Theme {
  const body: TextStyle = { font: 'regular', size: 10, leading: 14.5, color: COLOURS.text };
  return {
    page: { ...A4 },
    margin: { top: 68, right: 56, bottom: 64, left: 56 },
    header: { y: 36 },
    footer: { y: 30 },
    styles: {
      display: { font: 'bold', size: 26, leading: 32, color: COLOURS.text },
      h1: { font: 'bold', size: 18, leading: 23, color: COLOURS.text },
      h2: { font: 'bold', size: 13.5, leading: 18, color: COLOURS.text },
      h3: { font: 'bold', size: 11, leading: 15, color: COLOURS.text },
      body,
      lead: { font: 'regular', size: 12.5, leading: 18, color: COLOURS.text },
      small: { font: 'regular', size: 8.5, leading: 12, color: COLOURS.text },
      secondary: { font: 'regular', size: 9, leading: 13, color: COLOURS.secondary },
      tableHeader: { font: 'bold', size: 9, leading: 12.5, color: COLOURS.text },
      tableCell: { font: 'regular', size: 9, leading: 12.5, color: COLOURS.text },
      running: { font: 'regular', size: 8, leading: 10, color: COLOURS.secondary },
      kicker: { font: 'regular', size: 13, leading: 18, color: COLOURS.secondary },
    },
    spacing: {
      display: 6,
      h1: 26,
      h2: 20,
      h3: 14,
      paragraph: 8,
      table: 12,
      callout: 12,
      list: 6,
      listItem: 3,
    },
    table: { cellPaddingX: 6, cellPaddingY: 5 },
    callout: { barWidth: 5, padding: 10 },
    numberGutter: 40,
    listIndent: 16,
  };
}
