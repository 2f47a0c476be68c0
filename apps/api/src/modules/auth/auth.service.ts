import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { accountThrottleKey } from '../../common/security/login-lock';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../common/security/password';
import { revokeUserSessions } from '../../common/security/sessions';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { type UserWithSecrets, UsersRepository } from '../users/users.repository';
import { AccountLockService, lockedError } from './account-lock.service';
import { DeviceTokensService } from './device-tokens.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { MfaPolicyRepository } from './mfa-policy.repository';
import { type MfaEnrolment, MfaService } from './mfa.service';
import { type TokenPair, TokensService } from './tokens.service';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: User['role'];
  regionId: number | null;
  mfaEnabled: boolean;
  /** Whether the two-factor policy makes the user's role use a second factor (it cannot be turned off). */
  mfaRequired: boolean;
}

export interface LoginResult extends TokenPair {
  user: SessionUser;
  /** Shown at the next login from this device: it lets the owner in while the account is locked. */
  deviceToken: string;
  /** Shown once, after a first two-factor enrolment. */
  recoveryCodes?: string[];
}

export interface LoginAttempt {
  username: string;
  password: string;
  otp?: string;
  deviceToken?: string;
  userAgent: string | null;
}

/** Failures from one address are forgotten an hour after the last one. */
const ADDRESS_MEMORY_SECONDS = 3600;
/** The first block of an address that goes on failing; each further failure doubles it, up to the cap. */
const ADDRESS_FIRST_BLOCK_SECONDS = 30;
const ADDRESS_MAX_BLOCK_SECONDS = 900;

type Outcome = { ok: true; result: LoginResult } | { ok: false; error: DomainError };

const addressKey = (ip: string | null): string => `address:${ip ?? 'unknown'}`;
const deviceKey = (deviceId: string): string => `device:${deviceId}`;

const sessionUser = (u: User, mfaRequired: boolean): SessionUser => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  regionId: u.regionId,
  mfaEnabled: u.mfaEnabled,
  mfaRequired,
});

/**
 * Login with password and, where the two-factor policy asks (or the user enrolled), a
 * TOTP code; failures counted per username, per address and per device in the
 * database (docs/accounts.md); rotating refresh tokens; logout.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tokens: TokensService,
    private readonly mfa: MfaService,
    private readonly mfaPolicy: MfaPolicyRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly devices: DeviceTokensService,
    private readonly locks: AccountLockService,
    private readonly audit: AuditService,
  ) {}

  async login(ctx: RequestContext, attempt: LoginAttempt): Promise<LoginResult> {
    // The failure bookkeeping must commit even though the request fails, so the
    // transaction returns an outcome and the error is thrown after it.
    const outcome = await this.dataSource.transaction((manager) => this.attemptLogin(manager, ctx, attempt));
    if (outcome.ok) return outcome.result;
    throw outcome.error;
  }

  private async attemptLogin(manager: EntityManager, ctx: RequestContext, attempt: LoginAttempt): Promise<Outcome> {
    const address = addressKey(ctx.ip);
    const addressBlock = await this.throttle.blockedUntil(manager, address);
    // Refused before any password check, and not audited: a flood must not flood the log.
    if (addressBlock) return { ok: false, error: this.tooManyAttempts(addressBlock) };

    const username = attempt.username.trim().toLowerCase();
    const user = await this.users.findByUsernameWithSecrets(username, manager);
    const account = accountThrottleKey(username);
    const deviceId = user ? this.devices.deviceOf(attempt.deviceToken, user.id) : null;
    const device = deviceId && !(await this.throttle.blockedUntil(manager, deviceKey(deviceId))) ? deviceKey(deviceId) : null;

    const failed = async (reason: string, error: DomainError): Promise<Outcome> => {
      await this.audit.record(manager, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id,
        regionId: user?.regionId ?? null,
        changes: { reason: { before: null, after: reason } },
        actor: { id: user?.id ?? null, username: user?.username ?? username.slice(0, 64), role: user?.role ?? null },
      });
      return { ok: false, error };
    };
    /** Counts a failure against the address, and against the device if trusted, else the username. */
    const countFailure = async (reason: string, error: DomainError): Promise<Outcome> => {
      await this.countAddressFailure(manager, address);
      const until = await this.locks.countFailure(manager, device ?? account, user && !device ? user.id : null);
      return until ? failed(`${reason}; locked`, lockedError(until)) : failed(reason, error);
    };
    const invalid = new DomainError(ErrorKind.InvalidCredentials, 'auth.invalid_credentials');

    // A locked username (known or not) answers alike; only a device it signed in from passes.
    const lockedUntil = device ? null : await this.throttle.blockedUntil(manager, account);
    if (lockedUntil) {
      await this.countAddressFailure(manager, address);
      return failed('locked', lockedError(lockedUntil));
    }
    // Unknown usernames are checked against a dummy hash: the same work, the same time.
    const passwordRight = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), attempt.password);
    if (!user || !passwordRight) return countFailure(user ? 'wrong_password' : 'unknown_user', invalid);
    if (user.disabled) return failed('disabled', invalid);

    const mfaRequired = await this.mfaPolicy.requiredFor(manager, user.role);
    let recoveryCodes: string[] | undefined;
    if (user.mfaEnabled || mfaRequired) {
      const otp = attempt.otp?.trim() ?? '';
      if (!otp) return { ok: false, error: await this.mfaRequired(manager, user) };
      const step = user.mfaSecret === null ? null : this.mfa.verifyTotp(user.mfaSecret, otp, user.mfaLastStep);
      if (step !== null) await manager.update(User, user.id, { mfaLastStep: String(step) });
      const wrongOtp = new DomainError(ErrorKind.InvalidCredentials, 'auth.wrong_otp');
      if (user.mfaEnabled) {
        const passed =
          step !== null || (this.mfa.isRecoveryCodeShape(otp) && (await this.mfa.useRecoveryCode(manager, user.id, otp)));
        if (!passed) return countFailure('wrong_otp', wrongOtp);
      } else {
        // First login of a role that must use two factors: the code proves the enrolment.
        if (step === null) return countFailure('wrong_otp', wrongOtp);
        await manager.update(User, user.id, { mfaEnabled: true });
        recoveryCodes = await this.mfa.issueRecoveryCodes(manager, user.id);
        user.mfaEnabled = true;
      }
    }

    if (device) await this.throttle.forgive(manager, device);
    // A login from a trusted device leaves a lock set against everyone else in place.
    const unlocked = await this.throttle.forgive(manager, account);
    await manager.update(User, user.id, {
      lastLoginAt: new Date(),
      ...(unlocked ? { failedLoginCount: 0, lockedUntil: null } : {}),
    });
    const tokens = await this.tokens.openSession(manager, user.id, ctx, attempt.userAgent);
    await this.audit.record(
      manager,
      ctx,
      ...(recoveryCodes ? [{ action: 'auth.mfa_enrolled', entityType: 'user', entityId: user.id, regionId: user.regionId, actor: user }] : []),
      { action: 'auth.login', entityType: 'user', entityId: user.id, regionId: user.regionId, actor: user },
    );
    return {
      ok: true,
      result: {
        ...tokens,
        user: sessionUser(user, mfaRequired),
        deviceToken: this.devices.issue(user.id),
        ...(recoveryCodes ? { recoveryCodes } : {}),
      },
    };
  }

  /** Beyond the free failures, each failure from the address blocks it longer (30 s, 60 s, … 15 min). */
  private async countAddressFailure(manager: EntityManager, address: string): Promise<void> {
    const failures = await this.throttle.countFailure(manager, address, ADDRESS_MEMORY_SECONDS);
    const beyond = failures - this.config.loginAddressFreeFailures;
    if (beyond <= 0) return;
    const seconds = Math.min(ADDRESS_FIRST_BLOCK_SECONDS * 2 ** Math.min(beyond - 1, 10), ADDRESS_MAX_BLOCK_SECONDS);
    await this.throttle.block(manager, address, seconds, false);
  }

  private tooManyAttempts(until: Date): DomainError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new DomainError(ErrorKind.TooManyAttempts, 'auth.too_many_attempts', { seconds }, undefined, {
      retryAfterSeconds: seconds,
    });
  }

  /** 401 `{ mfaRequired: true }`, with a fresh enrolment (QR code) if the user has none yet. */
  private async mfaRequired(manager: EntityManager, user: UserWithSecrets): Promise<DomainError> {
    let mfaEnrolment: MfaEnrolment | undefined;
    if (!user.mfaEnabled) {
      const secret = user.mfaSecret ?? this.mfa.newSecret();
      if (!user.mfaSecret) await this.users.updateMfa(manager, user.id, { mfaSecret: secret });
      mfaEnrolment = await this.mfa.enrolment(user.username, secret);
    }
    return new DomainError(ErrorKind.MfaRequired, 'auth.mfa_required', {}, undefined, {
      mfaRequired: true,
      ...(mfaEnrolment ? { mfaEnrolment } : {}),
    });
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<TokenPair & { user: SessionUser }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rotation = await this.tokens.rotate(manager, refreshToken);
      if (rotation.kind === 'invalid') return null;
      if (rotation.kind === 'reused') {
        await this.tokens.revoke(manager, rotation.session.id, 'refresh_token_reuse');
        await this.audit.record(manager, ctx, {
          action: 'auth.refresh_token_reused',
          entityType: 'user',
          entityId: rotation.session.userId,
          changes: { session: { before: null, after: rotation.session.id } },
          actor: { id: rotation.session.userId, username: null, role: null },
        });
        return null;
      }
      const user = await this.users.findById(rotation.session.userId, manager);
      if (!user || user.disabled) return null;
      return { ...rotation.tokens, user: sessionUser(user, await this.mfaPolicy.requiredFor(manager, user.role)) };
    });
    if (!outcome) throw new DomainError(ErrorKind.Unauthenticated, 'auth.session_ended');
    return outcome;
  }

  async logout(ctx: RequestContext, refreshToken: string): Promise<void> {
    const sessionId = this.tokens.sessionIdOf(refreshToken);
    if (!sessionId) return;
    await this.dataSource.transaction(async (manager) => {
      const rotation = await this.tokens.rotate(manager, refreshToken);
      if (rotation.kind !== 'rotated') return; // logging out an ended session changes nothing
      await this.tokens.revoke(manager, sessionId, 'logout');
      await this.audit.record(manager, ctx, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: rotation.session.userId,
        actor: ctx.actor ?? { id: rotation.session.userId, username: null, role: null },
      });
    });
  }

  async me(ctx: AuthedContext): Promise<SessionUser> {
    const user = await this.users.findById(ctx.actor.id);
    if (!user) throw new DomainError(ErrorKind.Unauthenticated, 'auth.account_gone');
    return sessionUser(user, await this.mfaPolicy.requiredFor(this.dataSource.manager, user.role));
  }

  /** Changes one's own password; every other session of the user ends. */
  async changePassword(ctx: AuthedContext, currentPassword: string, newPassword: string): Promise<void> {
    await this.locks.confirmPassword(ctx, currentPassword, 'currentPassword');
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdWithSecrets(ctx.actor.id, manager);
      if (!user) throw new DomainError(ErrorKind.Unauthenticated, 'auth.account_gone');
      if (currentPassword === newPassword) throw DomainError.invalid({ newPassword: 'auth.same_password' });
      await manager.update(User, user.id, { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() });
      await revokeUserSessions(manager, user.id, 'password_changed');
      // The session making the change stays open.
      await manager.query(`UPDATE auth_session SET revoked_at = NULL, revoked_reason = NULL WHERE id = $1`, [ctx.actor.sessionId]);
      await this.audit.record(manager, ctx, {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
        regionId: user.regionId,
        changes: { password: { before: '[redacted]', after: '[redacted]' } },
      });
    });
  }
}
