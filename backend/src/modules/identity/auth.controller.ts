import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  type CurrentUser as CurrentUserShape,
  SESSION_COOKIE,
  type SessionState,
  SIGN_UP_ACCEPTED_MESSAGE,
  type SignUpAccepted,
} from '@openbrief/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SETTINGS, type Settings } from '../../config/settings';
import { CurrentUser, Public } from '../../common/decorators/auth.decorators';
import { Allow } from '../../common/decorators/access.decorators';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { ChangePasswordDto } from './dto/change-password.dto';
import { SignInDto } from './dto/sign-in.dto';
import { SupplierSignUpDto } from './dto/supplier-sign-up.dto';
import { CurrentUserResponse, SessionStateResponse, SignUpAcceptedResponse } from './dto/identity.responses';
import { IdentityService } from './identity.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { SignInLimiter } from './sign-in-limiter';
import { attemptOf, PasswordAttempts } from './sign-in-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
    private readonly limiter: SignInLimiter,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Public()
  @PasswordAttempts('body-email')
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; sets the session cookie' })
  @ApiOkResponse({ type: CurrentUserResponse })
  @ApiUnauthorizedResponse({ type: ApiErrorResponse })
  @ApiTooManyRequestsResponse({ type: ApiErrorResponse, description: 'Throttled; `Retry-After` says how long to wait' })
  async signIn(
    @Body() dto: SignInDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CurrentUserShape> {
    const user = await this.identity.signIn(dto);
    this.settle(req);
    const { token, expiresAt } = await this.sessions.start(user.id);
    setSessionCookie(reply, token, expiresAt, this.settings.cookieSecure);
    return user;
  }

  @Public()
  @PasswordAttempts('none')
  @Post('sign-up')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a supplier account and organisation; then sign in',
    description:
      'Answers the same 202 whether or not the address already has an account (which is then left unchanged), ' +
      'and signs no one in, so the answer does not reveal which addresses have accounts.',
  })
  @ApiAcceptedResponse({ type: SignUpAcceptedResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid details, or a password that is too easy to guess' })
  @ApiTooManyRequestsResponse({ type: ApiErrorResponse })
  async signUp(@Body() dto: SupplierSignUpDto): Promise<SignUpAccepted> {
    await this.identity.signUpSupplier(dto);
    return { message: SIGN_UP_ACCEPTED_MESSAGE };
  }

  @PasswordAttempts('session')
  @Allow('account.changePassword')
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; ends your other sessions and renews this one' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Wrong current password, or a new one that is too easy to guess' })
  @ApiTooManyRequestsResponse({ type: ApiErrorResponse })
  async changePassword(
    @CurrentUser() user: CurrentUserShape,
    @Body() dto: ChangePasswordDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.identity.changePassword(user, dto);
    this.settle(req);
    const { token, expiresAt } = await this.sessions.start(user.id);
    setSessionCookie(reply, token, expiresAt, this.settings.cookieSecure);
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse()
  async signOut(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token: unknown = req.cookies[SESSION_COOKIE];
    if (typeof token === 'string' && token) await this.sessions.end(token);
    clearSessionCookie(reply, this.settings.cookieSecure);
  }

  @Allow('account.read')
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: CurrentUserResponse })
  @ApiUnauthorizedResponse({ type: ApiErrorResponse })
  me(@CurrentUser() user: CurrentUserShape): CurrentUserShape {
    return user;
  }

  /**
   * Who is signed in, or `{ user: null }`: the browser app asks this on every page load, and a 401 there
   * would log an error in the console of every anonymous visitor. `/auth/me` keeps its 401 for API clients.
   * Never cached (no-store, like every private read), so a shared cache cannot hand one person's answer to another.
   */
  @Public()
  @Get('session')
  @ApiOperation({ summary: 'Who is signed in, if anyone (200 either way)' })
  @ApiOkResponse({ type: SessionStateResponse })
  session(@CurrentUser() user: CurrentUserShape | undefined): SessionState {
    return { user: user ?? null };
  }

  /** The password was right: the attempt stops counting against the address and the account. */
  private settle(req: FastifyRequest): void {
    const attempt = attemptOf(req);
    if (attempt) this.limiter.succeeded(attempt);
  }
}
