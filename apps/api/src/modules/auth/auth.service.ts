import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requiresMfa } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../common/security/password';
import { revokeUserSessions } from '../../common/security/sessions';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { type UserWithSecrets, UsersRepository } from '../users/users.repository';
import { type MfaEnrolment, MfaService } from './mfa.service';
import { type TokenPair, TokensService } from './tokens.service';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: User['role'];
  regionId: number | null;
  mfaEnabled: boolean;
}

export interface LoginResult extends TokenPair {
  user: SessionUser;
  /** Shown once, after a first two-factor enrolment. */
  recoveryCodes?: string[];
}

export interface LoginAttempt {
  username: string;
  password: string;
  otp?: string;
  userAgent: string | null;
}

/** Failures after which each further attempt waits longer before it is answered. */
const SLOW_DOWN_AFTER = 3;

type Outcome =
  | { ok: true; result: LoginResult }
  | { ok: false; error: DomainError; failures: number };

const sessionUser = (u: User): SessionUser => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  regionId: u.regionId,
  mfaEnabled: u.mfaEnabled,
});

/**
 * Login with password and, for admins and auditors (or anyone who enrolled), a TOTP
 * code; lockout after repeated failures; rotating refresh tokens; logout.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tokens: TokensService,
    private readonly mfa: MfaService,
    private readonly audit: AuditService,
  ) {}

  async login(ctx: RequestContext, attempt: LoginAttempt): Promise<LoginResult> {
    // The failure bookkeeping must commit even though the request fails, so the
    // transaction returns an outcome and the error is thrown after it.
    const outcome = await this.dataSource.transaction((manager) => this.attemptLogin(manager, ctx, attempt));
    if (outcome.ok) return outcome.result;
    if (outcome.failures >= SLOW_DOWN_AFTER) {
      await sleep(Math.min(2 ** (outcome.failures - SLOW_DOWN_AFTER), 8) * 1000);
    }
    throw outcome.error;
  }

  private async attemptLogin(manager: EntityManager, ctx: RequestContext, attempt: LoginAttempt): Promise<Outcome> {
    const username = attempt.username.trim().toLowerCase();
    const user = await this.users.findByUsernameWithSecrets(username, manager);
    const failed = async (reason: string, failures: number, error: DomainError): Promise<Outcome> => {
      await this.audit.record(manager, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id,
        regionId: user?.regionId ?? null,
        changes: { reason: { before: null, after: reason } },
        actor: { id: user?.id ?? null, username: user?.username ?? username.slice(0, 64), role: user?.role ?? null },
      });
      return { ok: false, error, failures };
    };
    const invalid = new DomainError(ErrorKind.InvalidCredentials, 'auth.invalid_credentials');

    if (!user) {
      await verifyPassword(await dummyPasswordHash(), attempt.password); // same time as a real check
      return failed('unknown_user', 0, invalid);
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      return failed('locked', 0, this.lockedError(user.lockedUntil));
    }
    if (!(await verifyPassword(user.passwordHash, attempt.password))) {
      return this.countFailure(manager, user, 'wrong_password', failed);
    }
    if (user.disabled) return failed('disabled', 0, invalid);

    let recoveryCodes: string[] | undefined;
    if (user.mfaEnabled || requiresMfa(user.role)) {
      const otp = attempt.otp?.trim() ?? '';
      if (!otp) return { ok: false, error: await this.mfaRequired(manager, user), failures: 0 };
      const step = user.mfaSecret === null ? null : this.mfa.verifyTotp(user.mfaSecret, otp, user.mfaLastStep);
      if (step !== null) await manager.update(User, user.id, { mfaLastStep: String(step) });
      if (user.mfaEnabled) {
        const passed =
          step !== null || (this.mfa.isRecoveryCodeShape(otp) && (await this.mfa.useRecoveryCode(manager, user.id, otp)));
        if (!passed) return this.countFailure(manager, user, 'wrong_otp', failed);
      } else {
        // First login of a role that must use two factors: the code proves the enrolment.
        if (step === null) return this.countFailure(manager, user, 'wrong_otp', failed);
        await manager.update(User, user.id, { mfaEnabled: true });
        recoveryCodes = await this.mfa.issueRecoveryCodes(manager, user.id);
        user.mfaEnabled = true;
      }
    }

    await manager.update(User, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
    const tokens = await this.tokens.openSession(manager, user.id, ctx, attempt.userAgent);
    await this.audit.record(
      manager,
      ctx,
      ...(recoveryCodes ? [{ action: 'auth.mfa_enrolled', entityType: 'user', entityId: user.id, regionId: user.regionId, actor: user }] : []),
      { action: 'auth.login', entityType: 'user', entityId: user.id, regionId: user.regionId, actor: user },
    );
    return { ok: true, result: { ...tokens, user: sessionUser(user), ...(recoveryCodes ? { recoveryCodes } : {}) } };
  }

  private async countFailure(
    manager: EntityManager,
    user: UserWithSecrets,
    reason: string,
    failed: (reason: string, failures: number, error: DomainError) => Promise<Outcome>,
  ): Promise<Outcome> {
    const failures = user.failedLoginCount + 1;
    if (failures >= this.config.loginLockThreshold) {
      const lockedUntil = new Date(Date.now() + this.config.loginLockMinutes * 60_000);
      await manager.update(User, user.id, { failedLoginCount: 0, lockedUntil });
      return failed(`${reason}; locked`, 0, this.lockedError(lockedUntil));
    }
    await manager.update(User, user.id, { failedLoginCount: failures });
    return failed(reason, failures, new DomainError(ErrorKind.InvalidCredentials, reason === 'wrong_otp' ? 'auth.wrong_otp' : 'auth.invalid_credentials'));
  }

  private lockedError(until: Date): DomainError {
    return new DomainError(ErrorKind.AccountLocked, 'auth.locked', { until: until.toISOString() }, undefined, {
      lockedUntil: until.toISOString(),
    });
  }

  /** 401 `{ mfaRequired: true }`, with a fresh enrolment (QR code) if the user has none yet. */
  private async mfaRequired(manager: EntityManager, user: UserWithSecrets): Promise<DomainError> {
    let mfaEnrolment: MfaEnrolment | undefined;
    if (!user.mfaEnabled) {
      const secret = user.mfaSecret ?? this.mfa.newSecret();
      if (!user.mfaSecret) await this.users.setMfaSecret(manager, user.id, secret);
      mfaEnrolment = await this.mfa.enrolment(user.username, secret);
    }
    return new DomainError(ErrorKind.MfaRequired, 'auth.mfa_required', {}, undefined, {
      mfaRequired: true,
      ...(mfaEnrolment ? { mfaEnrolment } : {}),
    });
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<LoginResult> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rotation = await this.tokens.rotate(manager, refreshToken);
      if (rotation.kind === 'invalid') return null;
      if (rotation.kind === 'reused') {
        await this.tokens.revoke(manager, rotation.session.id, 'refresh_token_reuse');
        await this.audit.record(manager, ctx, {
          action: 'auth.refresh_token_reused',
          entityType: 'user',
          entityId: rotation.session.userId,
          actor: { id: rotation.session.userId, username: null, role: null },
        });
        return null;
      }
      const user = await this.users.findById(rotation.session.userId, manager);
      if (!user || user.disabled) return null;
      return { ...rotation.tokens, user: sessionUser(user) };
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
    return sessionUser(user);
  }

  /** Changes one's own password; every other session of the user ends. */
  async changePassword(ctx: AuthedContext, currentPassword: string, newPassword: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdWithSecrets(ctx.actor.id, manager);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw DomainError.invalid({ currentPassword: 'auth.current_password_wrong' });
      }
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

  /** Starts optional two-factor enrolment for a user who has none: a new pending secret. */
  async startMfaSetup(ctx: AuthedContext): Promise<MfaEnrolment> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdWithSecrets(ctx.actor.id, manager);
      if (!user) throw new DomainError(ErrorKind.Unauthenticated, 'auth.account_gone');
      if (user.mfaEnabled) throw new DomainError(ErrorKind.Conflict, 'auth.mfa_already_on');
      const secret = this.mfa.newSecret();
      await this.users.setMfaSecret(manager, user.id, secret);
      return this.mfa.enrolment(user.username, secret);
    });
  }

  async enableMfa(ctx: AuthedContext, otp: string): Promise<{ recoveryCodes: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdWithSecrets(ctx.actor.id, manager);
      if (!user) throw new DomainError(ErrorKind.Unauthenticated, 'auth.account_gone');
      if (user.mfaEnabled) throw new DomainError(ErrorKind.Conflict, 'auth.mfa_already_on');
      const step = user.mfaSecret === null ? null : this.mfa.verifyTotp(user.mfaSecret, otp, user.mfaLastStep);
      if (step === null) throw DomainError.invalid({ otp: 'auth.wrong_otp' });
      await manager.update(User, user.id, { mfaEnabled: true, mfaLastStep: String(step) });
      const recoveryCodes = await this.mfa.issueRecoveryCodes(manager, user.id);
      await this.audit.record(manager, ctx, { action: 'auth.mfa_enrolled', entityType: 'user', entityId: user.id, regionId: user.regionId });
      return { recoveryCodes };
    });
  }
}
