import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ITL_REGION_CODES,
  type ItlRegion,
  PROCUREMENT_CATEGORY_LABELS,
  ProcurementCategory,
  PUBLIC_SEARCH_LIMITS,
  PUBLIC_TENDER_PAGE_MAX,
  PUBLIC_TENDER_PAGE_SIZE,
  PUBLIC_TENDER_SORTS,
  PUBLIC_TENDER_STATE_LABELS,
  type PublicTenderSearch,
  type PublicTenderSort,
  type PublicTenderState,
  VALUE_BANDS,
  type ValueBand,
} from '@openbrief/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { CURSOR_MAX_LENGTH, decodeCursor } from '../public-list-cursor';
import { searchWords } from '../search/search-words';

/** Query strings arrive as text; only plain digits become a number, anything else fails IsInt with its message. */
const digitsToNumber = Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value));
/** `true` and `false` become booleans; anything else stays as it came, and fails. */
const textToBoolean = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

const VALUE_BAND_IDS = VALUE_BANDS.map((b) => b.id);
const SORTS = Object.keys(PUBLIC_TENDER_SORTS) as PublicTenderSort[];
const STATES = Object.keys(PUBLIC_TENDER_STATE_LABELS) as PublicTenderState[];
const CATEGORIES = Object.values(ProcurementCategory);

/** One of a list of codes, said in words when it is not. */
function OneOf(values: readonly string[], description: string) {
  return applyDecorators(
    ApiPropertyOptional({ enum: values, description }),
    IsOptional(),
    IsString({ message: '$property must be text.' }),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}.` }),
  );
}

/** A real calendar day as YYYY-MM-DD (UK time is applied by the search). */
function isCalendarDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && y <= 9998 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function CalendarDay(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date', example: '2026-03-31', description }),
    IsOptional(),
    ValidateBy(
      { name: 'isCalendarDay', validator: { validate: isCalendarDay } },
      { message: '$property must be a date written as YYYY-MM-DD, such as 2026-03-31.' },
    ),
  );
}

/** GET /public/tenders: the list's search, filters, sort and page (PublicTenderSearch in @openbrief/contracts). */
export class PublicTenderListQueryDto implements PublicTenderSearch {
  @ApiPropertyOptional({
    maxLength: PUBLIC_SEARCH_LIMITS.query,
    description: `Words to find in the title, summary, outcomes and buyer's name; all must match, the last also as the start of a word. Up to ${PUBLIC_SEARCH_LIMITS.terms} words. Punctuation and search operators count as spaces.`,
  })
  @IsOptional()
  @IsString({ message: 'q must be text.' })
  @MaxLength(PUBLIC_SEARCH_LIMITS.query, { message: `q must be at most ${PUBLIC_SEARCH_LIMITS.query} characters.` })
  @ValidateBy(
    {
      name: 'searchTerms',
      validator: { validate: (v: unknown) => typeof v !== 'string' || searchWords(v).length <= PUBLIC_SEARCH_LIMITS.terms },
    },
    { message: `q must have at most ${PUBLIC_SEARCH_LIMITS.terms} words: leave out the less important ones.` },
  )
  q?: string;

  @ApiPropertyOptional({ maxLength: PUBLIC_SEARCH_LIMITS.buyer, description: "The buyer's name, exactly as the list shows it" })
  @IsOptional()
  @IsString({ message: 'buyer must be text.' })
  @IsNotEmpty({ message: 'buyer must not be empty: leave it out to see every buyer.' })
  @MaxLength(PUBLIC_SEARCH_LIMITS.buyer, { message: `buyer must be at most ${PUBLIC_SEARCH_LIMITS.buyer} characters.` })
  buyer?: string;

  @OneOf(CATEGORIES, `What is mainly bought: ${CATEGORIES.map((c) => PROCUREMENT_CATEGORY_LABELS[c].toLowerCase()).join(', ')}`)
  category?: ProcurementCategory;

  @OneOf(ITL_REGION_CODES, 'An ITL 1 delivery region; tenders for anywhere in the UK (no region) are included')
  region?: ItlRegion;

  @OneOf(VALUE_BAND_IDS, 'A band of the estimated value; tenders without a value are left out when a band is chosen')
  value?: ValueBand;

  @CalendarDay('Closing on or after this day (UK time)')
  closingFrom?: string;

  @CalendarDay('Closing on or before this day (UK time)')
  @ValidateBy(
    {
      name: 'isNotBeforeClosingFrom',
      validator: {
        validate: (v: unknown, args) => {
          const from = (args?.object as PublicTenderListQueryDto | undefined)?.closingFrom;
          // Each date's own form is checked by its own rule; this one only compares two good dates.
          return !isCalendarDay(v) || !isCalendarDay(from) || (v as string) >= (from as string);
        },
      },
    },
    { message: 'closingTo must be on or after closingFrom.' },
  )
  closingTo?: string;

  @OneOf(STATES, 'open (taking responses: published, deadline not passed), closed, or awarded')
  state?: PublicTenderState;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only tenders the checker finds suitable for small suppliers' })
  @IsOptional()
  @textToBoolean
  @ValidateBy(
    { name: 'isTrueOrFalse', validator: { validate: (v: unknown) => typeof v === 'boolean' } },
    { message: 'sme must be true or false.' },
  )
  sme?: boolean;

  @OneOf(SORTS, 'relevance (needs q; the default with q), newest (the default without), closing, value-high, value-low')
  sort?: PublicTenderSort;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: PUBLIC_TENDER_PAGE_MAX,
    default: PUBLIC_TENDER_PAGE_SIZE,
    description: 'How many tenders to return',
  })
  @IsOptional()
  @digitsToNumber
  @IsInt({ message: 'limit must be a whole number.' })
  @Min(1, { message: 'limit must be at least 1.' })
  @Max(PUBLIC_TENDER_PAGE_MAX, { message: `limit must be at most ${PUBLIC_TENDER_PAGE_MAX}.` })
  limit?: number;

  @ApiPropertyOptional({
    maxLength: CURSOR_MAX_LENGTH,
    description: 'The nextCursor of the previous page, with the same search; leave out for the first page',
  })
  @IsOptional()
  @IsString({ message: 'cursor must be text.' })
  @ValidateBy(
    { name: 'isPublicListCursor', validator: { validate: (value: unknown) => typeof value === 'string' && decodeCursor(value) !== null } },
    { message: 'cursor is not one this list gave out: start again from the first page.' },
  )
  cursor?: string;
}
