import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shape of TenderHistoryEntry: one class for both kinds, the fields of the other kind absent. */
export class TenderHistoryEntryResponse {
  @ApiProperty({ enum: ['revision', 'publication'] }) kind!: 'revision' | 'publication';
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who saved or published' }) by!: string;
  @ApiPropertyOptional({ description: 'Revisions: the revision number' }) revision?: number;
  @ApiPropertyOptional({ type: [String], description: 'Revisions: what the save changed, in words' }) changes?: string[];
  @ApiPropertyOptional({ description: 'Publications: the version number' }) version?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Publications: what changed and why (from version 2)' }) changeNote?:
    string | null;
}
