import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateSavedSearchRequest,
  type SavedSearch,
  type SavedSearchList,
  type SavedSearchWithFeed,
  SAVED_SEARCH_NAME_MAX,
  type UpdateSavedSearchRequest,
} from '@openbrief/contracts';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Nested, OptionalText, RequiredText } from '../../../common/validation/fields';
import { PublicTenderListQueryDto } from './public-tender-list.query';

const boolean = (name: string) => IsBoolean({ message: `${name} must be true or false.` });

/** POST /saved-searches. The query is checked by the list's own rules; its page, size and order are not kept. */
export class CreateSavedSearchDto implements CreateSavedSearchRequest {
  @RequiredText(SAVED_SEARCH_NAME_MAX, 'A name you will recognise, such as "Transport in the North West"')
  name!: string;

  @Nested(() => PublicTenderListQueryDto)
  query!: PublicTenderListQueryDto;

  @ApiPropertyOptional({ default: true, description: 'E-mail me when a newly published tender matches' })
  @IsOptional()
  @boolean('alerts')
  alerts?: boolean;
}

/** PATCH /saved-searches/:id */
export class UpdateSavedSearchDto implements UpdateSavedSearchRequest {
  @OptionalText(SAVED_SEARCH_NAME_MAX)
  @IsNotEmpty({ message: 'name must not be empty.' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @boolean('alerts')
  alerts?: boolean;

  @ApiPropertyOptional({ description: 'true: give the feed a new address (the old one stops working); the answer carries it' })
  @IsOptional()
  @boolean('renewFeedToken')
  renewFeedToken?: boolean;
}

/** GET /saved-searches/:id/feed.atom?token=… */
export class SavedSearchFeedQueryDto {
  @ApiProperty({ description: "The feed's secret token, from its address" })
  @IsString({ message: 'token must be text.' })
  @MaxLength(100, { message: 'token must be at most 100 characters.' })
  token!: string;
}

export class SavedSearchResponse implements SavedSearch {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: PublicTenderListQueryDto, description: 'The words and filters (no cursor, limit or sort)' })
  query!: SavedSearch['query'];
  @ApiProperty() alerts!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAlertedAt!: string | null;
}

export class SavedSearchWithFeedResponse extends SavedSearchResponse implements SavedSearchWithFeed {
  @ApiProperty({ description: 'The feed address with its secret token: shown only now' }) feedPath!: string;
}

export class SavedSearchListResponse implements SavedSearchList {
  @ApiProperty({ type: [SavedSearchResponse] }) items!: SavedSearchResponse[];
}
