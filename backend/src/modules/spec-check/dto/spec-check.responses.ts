import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FindingResponse {
  @ApiProperty({ example: 'brand.named-product' }) rule!: string;
  @ApiProperty({ enum: ['brand', 'solution', 'method', 'standard', 'threshold', 'measure', 'readability', 'tender'] }) category!: string;
  @ApiProperty({ enum: ['error', 'warning', 'info'] }) severity!: 'error' | 'warning' | 'info';
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'Start of the span, in characters' }) start!: number;
  @ApiProperty({ description: 'End of the span (exclusive)' }) end!: number;
  @ApiProperty() suggestion!: string;
  @ApiProperty({ example: 'Procurement Act 2023 s56(7)–(8)' }) reference!: string;
  @ApiPropertyOptional() justified?: boolean;
  @ApiPropertyOptional() justification?: string;
}

class CheckedLineResponse {
  @ApiProperty() line!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [FindingResponse] }) findings!: FindingResponse[];
}

class TextCheckSummaryResponse {
  @ApiProperty() requirements!: number;
  @ApiProperty({ description: 'Findings found, including any not returned' }) findings!: number;
  @ApiProperty({ description: 'Findings returned (at most SPEC_CHECK_MAX_FINDINGS)' }) findingsShown!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) openness!: number;
}

/** Same shape as the command line's --format json. */
export class TextCheckResponse {
  @ApiProperty({ type: [CheckedLineResponse] }) requirements!: CheckedLineResponse[];
  @ApiProperty({ type: TextCheckSummaryResponse }) summary!: TextCheckSummaryResponse;
  @ApiProperty({ description: 'True when more findings were found than returned: show "the first N of M"' }) truncated!: boolean;
}

class RequirementResultResponse {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [FindingResponse] }) findings!: FindingResponse[];
  @ApiProperty() blocking!: boolean;
}

class FieldCheckResponse {
  @ApiProperty({
    description: "The text's key, also used for justifications: `problem`, or `<requirement, lot or criterion id>/<field>`",
    example: 'problem',
  })
  key!: string;
  @ApiProperty({ description: "The field in the buyer's words", example: 'What problem are you trying to solve?' }) label!: string;
  @ApiProperty({ description: 'Its place in the tender content', example: 'lots[0].description' }) path!: string;
  @ApiProperty({ type: [FindingResponse] }) findings!: FindingResponse[];
}

class OpennessResponse {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ description: 'Per category: score, weight, counts' }) breakdown!: Record<string, unknown>;
}

export class TenderCheckResponse {
  @ApiProperty({ type: [RequirementResultResponse] }) requirements!: RequirementResultResponse[];
  @ApiProperty({ type: [FindingResponse] }) tenderFindings!: FindingResponse[];
  @ApiProperty({ type: OpennessResponse }) openness!: OpennessResponse;
  @ApiProperty({ nullable: true, type: Number }) readingAge!: number | null;
  @ApiProperty({
    type: [FieldCheckResponse],
    description:
      'Every other text a supplier reads (summary, problem, users, what has been tried, constraints, measures, room for proposals, lot and criterion descriptions)',
  })
  fields!: FieldCheckResponse[];
  @ApiProperty({ description: 'True when an unjustified error in a requirement, a field or the tender blocks publication' })
  blocking!: boolean;
  @ApiProperty() summary!: Record<string, number>;
}
