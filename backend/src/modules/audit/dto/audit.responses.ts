import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry, AuditTrailPage } from '@openbrief/contracts';

class AuditActorResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null for the system (shown as "Openbrief")' }) id!: string | null;
  @ApiProperty() name!: string;
}

export class AuditEntryResponse implements AuditEntry {
  @ApiProperty({ description: 'Position in the whole log' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ example: 'tender.published' }) action!: string;
  @ApiProperty({ example: 'published version 2' }) summary!: string;
  @ApiProperty({ description: 'SHA-256 of the entry in the chain (hex)' }) hash!: string;
}

export class AuditTrailPageResponse implements AuditTrailPage {
  @ApiProperty({ type: [AuditEntryResponse] }) entries!: AuditEntryResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: "How many entries the tender's trail holds" }) total!: number;
}
