import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { accountThrottleKey } from '../../common/security/login-lock';
import { verifyPassword } from '../../common/security/password';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottleRepository } from './login-throttle.repository';

export const lockedError = (until: Date): DomainError =>
  new DomainError(ErrorKind.AccountLocked, 'auth.locked', { until: until.toISOString() }, undefined, {
    lockedUntil: until.toISOString(),
  });

/**
 * The lock after LOGIN_LOCK_THRESHOLD failures of a username or a device
 * (docs/accounts.md), and the password asked again before a sensitive change, whose
 * wrong guesses count like failed logins: a stolen session cannot try passwords freely.
 */
@Injectable()
export class AccountLockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: LoginThrottleRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** Counts a failure of the key; the lock's end when this one locks it, else null. Mirrors a user's count for admins. */
  async countFailure(manager: EntityManager, key: string, userId: number | null): Promise<Date | null> {
    const lockSeconds = this.config.loginLockMinutes * 60;
    const failures = await this.throttle.countFailure(manager, key, lockSeconds);
    if (failures < this.config.loginLockThreshold) {
      if (userId !== null) await manager.update(User, userId, { failedLoginCount: failures });
      return null;
    }
    const until = await this.throttle.block(manager, key, lockSeconds, true);
    if (userId !== null) await manager.update(User, userId, { failedLoginCount: 0, lockedUntil: until });
    return until;
  }

  /** Checks the signed-in user's password again; a wrong one is a 400 on `field`, and counted. */
  async confirmPassword(ctx: AuthedContext, password: string, field: string): Promise<void> {
    // The failure must commit although the request fails: the transaction returns the error.
    const refusal = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdWithSecrets(ctx.actor.id, manager);
      if (!user) return new DomainError(ErrorKind.Unauthenticated, 'auth.account_gone');
      const key = accountThrottleKey(user.username);
      const lockedUntil = await this.throttle.blockedUntil(manager, key);
      if (lockedUntil) return lockedError(lockedUntil);
      if (await verifyPassword(user.passwordHash, password)) return null;
      const locks = await this.countFailure(manager, key, user.id);
      await this.audit.record(manager, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        regionId: user.regionId,
        changes: { reason: { before: null, after: locks ? 'wrong_password_again; locked' : 'wrong_password_again' } },
      });
      return locks ? lockedError(locks) : DomainError.invalid({ [field]: 'auth.current_password_wrong' });
    });
    if (refusal) throw refusal;
  }
}
