import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type CurrentUser as CurrentUserShape, SESSION_COOKIE } from '@openbrief/contracts';
import type { Request, Response } from 'express';
import { SETTINGS, type Settings } from '../../config/settings';
import { CurrentUser, Public } from '../../common/decorators/auth.decorators';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { SignInDto } from './dto/sign-in.dto';
import { SupplierSignUpDto } from './dto/supplier-sign-up.dto';
import { CurrentUserResponse } from './dto/identity.responses';
import { IdentityService } from './identity.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Public()
  @UseGuards(SignInThrottlerGuard)
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; sets the session cookie' })
  @ApiOkResponse({ type: CurrentUserResponse })
  @ApiUnauthorizedResponse({ type: ApiErrorResponse })
  @ApiTooManyRequestsResponse({ type: ApiErrorResponse })
  async signIn(@Body() dto: SignInDto, @Res({ passthrough: true }) res: Response): Promise<CurrentUserShape> {
    const user = await this.identity.signIn(dto);
    const { token, expiresAt } = await this.sessions.start(user.id);
    setSessionCookie(res, token, expiresAt, this.settings.cookieSecure);
    return user;
  }

  @Public()
  @UseGuards(SignInThrottlerGuard)
  @Post('sign-up')
  @ApiOperation({ summary: 'Create a supplier account and organisation; signs the new user in' })
  @ApiCreatedResponse({ type: CurrentUserResponse })
  @ApiConflictResponse({ type: ApiErrorResponse })
  async signUp(@Body() dto: SupplierSignUpDto, @Res({ passthrough: true }) res: Response): Promise<CurrentUserShape> {
    const user = await this.identity.signUpSupplier(dto);
    const { token, expiresAt } = await this.sessions.start(user.id);
    setSessionCookie(res, token, expiresAt, this.settings.cookieSecure);
    return user;
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse()
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) await this.sessions.end(token);
    clearSessionCookie(res, this.settings.cookieSecure);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: CurrentUserResponse })
  @ApiUnauthorizedResponse({ type: ApiErrorResponse })
  me(@CurrentUser() user: CurrentUserShape): CurrentUserShape {
    return user;
  }
}
