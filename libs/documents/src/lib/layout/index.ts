export * from './blocks';
export { StructNode, type StructType, type Op } from './display';
export { REPLACEMENT_GLYPH, type Substitution } from './fonts';
export type { Decorations, PageInfo, RunningText } from './paint';
export * from './pdf-layout';
export type { Inline, Run } from './text';
export { COLOURS, defaultTheme, type FontKey, type TextStyle, type Theme } from './theme';
export type { LayoutContext, Unit } from './unit';
