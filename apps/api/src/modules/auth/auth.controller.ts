import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { AuthenticatedOnly, type AuthedRequest, Ctx, Public } from '../../common/auth/decorators';
import { AuthService, type LoginResult } from './auth.service';
import { ChangePasswordDto, EnableMfaDto, LoginDto, PasswordDto, RefreshDto } from './dto/auth.dto';
import { LocalAuthGuard } from './local.strategy';
import { TwoFactorService } from './two-factor.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /** 200 tokens; 401 `{ mfaRequired: true }` when a one-time code is needed; 423 when locked; 429 when the address is blocked. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  login(@Req() request: AuthedRequest): LoginResult {
    return request.user as unknown as LoginResult;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  refresh(@Ctx() ctx: RequestContext, @Body() dto: RefreshDto) {
    return this.auth.refresh(ctx, dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Ctx() ctx: RequestContext, @Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(ctx, dto.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @AuthenticatedOnly()
  me(@Ctx() ctx: AuthedContext) {
    return this.auth.me(ctx);
  }

  @Post('change-password')
  @ApiBearerAuth()
  @AuthenticatedOnly()
  @HttpCode(204)
  async changePassword(@Ctx() ctx: AuthedContext, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(ctx, dto.currentPassword, dto.newPassword);
  }

  /** A new authenticator secret (the first, or a replacement); needs the password. */
  @Post('mfa/setup')
  @ApiBearerAuth()
  @AuthenticatedOnly()
  @HttpCode(200)
  mfaSetup(@Ctx() ctx: AuthedContext, @Body() dto: PasswordDto) {
    return this.twoFactor.startSetup(ctx, dto.password);
  }

  @Post('mfa/enable')
  @ApiBearerAuth()
  @AuthenticatedOnly()
  @HttpCode(200)
  mfaEnable(@Ctx() ctx: AuthedContext, @Body() dto: EnableMfaDto) {
    return this.twoFactor.enable(ctx, dto.password, dto.otp);
  }

  @Post('mfa/disable')
  @ApiBearerAuth()
  @AuthenticatedOnly()
  @HttpCode(204)
  async mfaDisable(@Ctx() ctx: AuthedContext, @Body() dto: PasswordDto): Promise<void> {
    await this.twoFactor.disable(ctx, dto.password);
  }
}
