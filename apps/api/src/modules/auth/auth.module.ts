import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { JwtStrategy } from '../../common/auth/jwt.strategy';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AccountLockService } from './account-lock.service';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { DeviceTokensService } from './device-tokens.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { MfaPolicyRepository } from './mfa-policy.repository';
import { MfaService } from './mfa.service';
import { TokensService } from './tokens.service';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret }),
    }),
    // Login attempts per client address, per replica: a first brake before the shared counters (docs/accounts.md).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [{ ttl: 60_000, limit: config.loginRateLimitPerMinute }],
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TwoFactorService,
    TokensService,
    MfaService,
    MfaPolicyRepository,
    LoginThrottleRepository,
    DeviceTokensService,
    AccountLockService,
    LocalStrategy,
    JwtStrategy,
  ],
})
export class AuthModule {}
