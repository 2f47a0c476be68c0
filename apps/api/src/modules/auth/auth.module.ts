import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { JwtStrategy } from '../../common/auth/jwt.strategy';
import { SharedThrottlerStorage } from '../../common/security/shared-throttler-storage';
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
    // Login attempts per client address, counted in PostgreSQL so every replica sees the
    // same count: a first brake before the failure counters (docs/accounts.md, docs/deployment.md).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) => ({
        throttlers: [{ ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        storage: new SharedThrottlerStorage(dataSource),
      }),
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
