import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { AuthenticatedOnly, type AuthedRequest, Ctx, Public } from '../../common/auth/decorators';
import { AuthService, type LoginResult } from './auth.service';
import { ChangePasswordDto, LoginDto, OtpDto, RefreshDto } from './dto/auth.dto';
import { LocalAuthGuard } from './local.strategy';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 200 tokens; 401 `{ mfaRequired: true }` when a one-time code is needed; 423 when locked. */
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

  @Post('mfa/setup')
  @ApiBearerAuth()
  @AuthenticatedOnly()
  @HttpCode(200)
  mfaSetup(@Ctx() ctx: AuthedContext) {
    return this.auth.startMfaSetup(ctx);
  }

  @Post('mfa/enable')
  @ApiBearerAuth()
  @AuthenticatedOnly()
  @HttpCode(200)
  mfaEnable(@Ctx() ctx: AuthedContext, @Body() dto: OtpDto) {
    return this.auth.enableMfa(ctx, dto.otp);
  }
}
