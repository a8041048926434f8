import { ApiProperty } from '@nestjs/swagger';
import type { ImportedRequirement } from '@openbrief/contracts';
import { RequiredText } from '../../../common/validation/fields';

export class ImportTextDto {
  @RequiredText(500_000, 'A pasted specification: one requirement per line or list item; # headings group them') text!: string;
}

export class ImportUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: '.docx, .md or .txt, up to IMPORT_MAX_BYTES (5 MB by default); see docs/security.md "Limits"',
  })
  file!: unknown;
}

class ImportedRequirementResponse implements ImportedRequirement {
  @ApiProperty() outcome!: string;
  @ApiProperty({ nullable: true, type: String }) heading!: string | null;
}

export class ImportResultResponse {
  @ApiProperty({ type: [ImportedRequirementResponse] }) requirements!: ImportedRequirementResponse[];
}
