import { ApiProperty } from '@nestjs/swagger';
import type { PublishedTenderPage } from '@openbrief/contracts';
import { PublishedTenderSummaryResponse } from '../../tenders/dto/tender.responses';

export class PublishedTenderPageResponse implements PublishedTenderPage {
  @ApiProperty({ type: [PublishedTenderSummaryResponse] }) items!: PublishedTenderSummaryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor to get the next page; null on the last page' }) nextCursor!:
    string | null;
  @ApiProperty({ description: 'How many published tenders match the search and filters' }) total!: number;
}
