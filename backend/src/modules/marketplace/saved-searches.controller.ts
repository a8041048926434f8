import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { CurrentUser as CurrentUserShape, SavedSearch, SavedSearchList, SavedSearchWithFeed } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser, Public } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { ATOM_CONTENT_TYPE, atomFeed } from './atom-feed';
import {
  CreateSavedSearchDto,
  SavedSearchFeedQueryDto,
  SavedSearchListResponse,
  SavedSearchResponse,
  SavedSearchWithFeedResponse,
  UpdateSavedSearchDto,
} from './dto/saved-search.dto';
import { queryString, SavedSearches } from './saved-searches.service';

const SearchId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That saved search') });

/** A signed-in supplier's saved searches of the public list (docs/search.md). */
@ApiTags('saved searches')
@Controller('saved-searches')
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearches) {}

  @Allow('savedSearch.manage')
  @Get()
  @ApiOperation({ summary: 'Your saved searches, oldest first' })
  @ApiOkResponse({ type: SavedSearchListResponse })
  list(@CurrentUser() user: CurrentUserShape): Promise<SavedSearchList> {
    return this.searches.list(user);
  }

  @Allow('savedSearch.manage')
  @Post()
  @ApiOperation({
    summary: 'Save a search of the public list (its words and filters), with e-mail alerts of new matches unless turned off',
  })
  @ApiCreatedResponse({ type: SavedSearchWithFeedResponse, description: 'The saved search, with its feed address (shown only now)' })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'A name or a part of the search the list would refuse' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'You already keep the most saved searches allowed' })
  create(@CurrentUser() user: CurrentUserShape, @Body() body: CreateSavedSearchDto): Promise<SavedSearchWithFeed> {
    return this.searches.create(user, body);
  }

  @Allow('savedSearch.manage')
  @Patch(':searchId')
  @ApiOperation({ summary: 'Rename a saved search, turn its alerts on or off, or give its feed a new address' })
  @ApiOkResponse({ type: SavedSearchResponse, description: 'With `feedPath` when the feed was given a new address' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  update(
    @CurrentUser() user: CurrentUserShape,
    @Param('searchId', SearchId()) id: string,
    @Body() body: UpdateSavedSearchDto,
  ): Promise<SavedSearch | SavedSearchWithFeed> {
    return this.searches.update(user, id, body);
  }

  @Allow('savedSearch.manage')
  @Delete(':searchId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved search (its alerts and feed stop)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async remove(@CurrentUser() user: CurrentUserShape, @Param('searchId', SearchId()) id: string): Promise<void> {
    await this.searches.remove(user, id);
  }

  @Public()
  @Allow('savedSearch.feed')
  @Get(':searchId/feed.atom')
  @ApiOperation({
    summary: "A saved search's newest 50 matches as an Atom feed, for a feed reader: no session, the address's token instead",
  })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'An Atom (RFC 4287) feed', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such saved search, or not its token' })
  async feed(
    @Param('searchId', SearchId()) id: string,
    @Query() query: SavedSearchFeedQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { search, items } = await this.searches.feed(id, query.token);
    const base = this.searches.publicUrl;
    const xml = atomFeed({
      id: `urn:uuid:${search.id}`,
      title: `Openbrief: ${search.name}`,
      selfUrl: `${base}/api/v1/saved-searches/${search.id}/feed.atom`,
      alternateUrl: `${base}/opportunities?${queryString(search.query)}`,
      base,
      items,
      emptyUpdated: new Date(search.createdAt),
    });
    // Private to the token's holder: never kept by a shared cache.
    void reply.header('Content-Type', ATOM_CONTENT_TYPE).header('Cache-Control', 'private, no-cache').send(xml);
  }
}
