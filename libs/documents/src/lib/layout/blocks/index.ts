export type { Block } from './block';
export { CalloutBlock, type CalloutKind } from './callout';
export { ContentsBlock } from './contents';
export { HeadingBlock, type HeadingLevel, type HeadingOptions } from './heading';
export { ListBlock, NumberedParagraphBlock, ParagraphBlock, type ParagraphOptions, type ParagraphStyle } from './paragraphs';
export { GroupBlock, PageBreakBlock, RuleBlock, SpacerBlock } from './structure';
export { KeyValueTableBlock, TableBlock, type TableColumn, type TableOptions } from './tables';
