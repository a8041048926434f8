import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { CurrentUser as CurrentUserShape, NotificationItem, NotificationList, NotificationPreferences } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser, Public } from '../../common/decorators/auth.decorators';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { unsubscribePage } from './delivery/unsubscribe-page';
import {
  NotificationItemResponse,
  NotificationListQueryDto,
  NotificationListResponse,
  NotificationPreferencesResponse,
  UpdateNotificationPreferencesDto,
} from './dto/notification.dto';
import { NotificationInbox } from './notification-inbox.service';

const NotificationId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That notification') });

/** The signed-in person's notifications and e-mail choices; the unsubscribe link from e-mails. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInbox) {}

  @Allow('notification.read')
  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first (50 at a time), and how many are unread' })
  @ApiOkResponse({ type: NotificationListResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: '`before` is not one of your notifications' })
  list(@CurrentUser() user: CurrentUserShape, @Query() query: NotificationListQueryDto): Promise<NotificationList> {
    return this.inbox.list(user, query.before);
  }

  @Allow('notification.read')
  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: NotificationListResponse })
  readAll(@CurrentUser() user: CurrentUserShape): Promise<NotificationList> {
    return this.inbox.markAllRead(user);
  }

  @Allow('notification.read')
  @Get('preferences')
  @ApiOperation({ summary: 'Which optional kinds you are e-mailed' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  preferences(@CurrentUser() user: CurrentUserShape): Promise<NotificationPreferences> {
    return this.inbox.preferencesOf(user);
  }

  @Allow('notification.read')
  @Put('preferences')
  @ApiOperation({ summary: 'Turn e-mail of optional kinds on or off (in-app notifications always appear)' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  updatePreferences(
    @CurrentUser() user: CurrentUserShape,
    @Body() dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.inbox.updatePreferences(user, dto);
  }

  /**
   * Opened from a mail client, without a session: the signed token says whose choice it is. GET does the change,
   * because the API's CSRF check refuses a form POST from an e-mail.
   */
  @Public()
  @Get('unsubscribe')
  @ApiOperation({ summary: 'Stop e-mails of one optional kind (the link in those e-mails); answers a small HTML page' })
  // Declared per response, not with @ApiProduces: the 400 is a page only for a client that accepts text/html.
  @ApiExtraModels(ApiErrorResponse)
  @ApiOkResponse({ description: 'A page confirming it', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiBadRequestResponse({
    description: 'The link is not valid; nothing changed (a page when the client accepts text/html)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ApiErrorResponse) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  async unsubscribe(
    @Query('token') token: unknown,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const done = await this.inbox.unsubscribe(token);
    // A browser gets a page either way; any other client gets the API's usual error shape.
    if (!done && !accept?.includes('text/html'))
      throw new ValidationFailedError('This unsubscribe link is not valid; nothing was changed.');
    void reply
      .code(done ? 200 : 400)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(unsubscribePage(done));
  }

  @Allow('notification.read')
  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiOkResponse({ type: NotificationItemResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Not one of your notifications' })
  read(@CurrentUser() user: CurrentUserShape, @Param('id', NotificationId()) id: string): Promise<NotificationItem> {
    return this.inbox.markRead(user, id);
  }
}
