import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type CurrentUser as CurrentUserShape, type InvitationCreated, type InvitationPreview } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { SETTINGS, type Settings } from '../../config/settings';
import { CurrentUser, Public } from '../../common/decorators/auth.decorators';
import { Allow } from '../../common/decorators/access.decorators';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { CurrentUserResponse, InvitationCreatedResponse, InvitationPreviewResponse } from './dto/identity.responses';
import { InvitationService } from './invitation.service';
import { setSessionCookie } from './session-cookie';
import { SessionService } from './session.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationController {
  constructor(
    private readonly invitations: InvitationService,
    private readonly sessions: SessionService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Allow('team.invite')
  @Post()
  @ApiOperation({
    summary: 'Invite a colleague (buyers: also an evaluator) into your organisation (one-time link)',
    description: 'Answers alike whether or not the address already has an account; accepting then refuses an existing account.',
  })
  @ApiCreatedResponse({ type: InvitationCreatedResponse })
  invite(@CurrentUser() user: CurrentUserShape, @Body() dto: CreateInvitationDto): Promise<InvitationCreated> {
    return this.invitations.invite(user, dto);
  }

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What an invitation is for, before accepting it' })
  @ApiOkResponse({ type: InvitationPreviewResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiGoneResponse({ type: ApiErrorResponse })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('accept')
  @ApiOperation({ summary: 'Accept an invitation: creates the account and signs it in' })
  @ApiCreatedResponse({ type: CurrentUserResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'A password that is too easy to guess' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The invited address already has an account' })
  @ApiGoneResponse({ type: ApiErrorResponse })
  async accept(@Body() dto: AcceptInvitationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CurrentUserShape> {
    const user = await this.invitations.accept(dto);
    const { token, expiresAt } = await this.sessions.start(user.id);
    setSessionCookie(reply, token, expiresAt, this.settings.cookieSecure);
    return user;
  }
}
