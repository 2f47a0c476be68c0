import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { type UserWithSecrets, UsersRepository } from '../users/users.repository';
import { AccountLockService } from './account-lock.service';
import { MfaPolicyRepository } from './mfa-policy.repository';
import { type MfaEnrolment, MfaService } from './mfa.service';
import { MfaRecoveryCode } from './entities/mfa-recovery-code.entity';

/**
 * One's own second factor: set up, replace or turn off. Each step asks for the
 * password again (a stolen session alone cannot change it) and the change is audited.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly mfa: MfaService,
    private readonly mfaPolicy: MfaPolicyRepository,
    private readonly audit: AuditService,
    private readonly locks: AccountLockService,
  ) {}

  /** A new secret: the first one while two-factor login is off, else a replacement waiting for its first code. */
  startSetup(ctx: AuthedContext, password: string): Promise<MfaEnrolment> {
    return this.withPassword(ctx, password, async (manager, user) => {
      const secret = this.mfa.newSecret();
      await this.users.updateMfa(manager, user.id, user.mfaEnabled ? { mfaPendingSecret: secret } : { mfaSecret: secret });
      return this.mfa.enrolment(user.username, secret);
    });
  }

  /** Confirms the new secret with its first code; new recovery codes replace the old ones. */
  enable(ctx: AuthedContext, password: string, otp: string): Promise<{ recoveryCodes: string[] }> {
    return this.withPassword(ctx, password, async (manager, user) => {
      const secret = user.mfaEnabled ? user.mfaPendingSecret : user.mfaSecret;
      if (secret === null) throw new DomainError(ErrorKind.Conflict, 'auth.mfa_setup_first');
      // A replacement starts its own sequence of steps; a first enrolment keeps the one-time rule.
      const step = this.mfa.verifyTotp(secret, otp, user.mfaEnabled ? null : user.mfaLastStep);
      if (step === null) throw DomainError.invalid({ otp: 'auth.wrong_otp' });
      await this.users.updateMfa(manager, user.id, { mfaSecret: secret, mfaPendingSecret: null, mfaEnabled: true, mfaLastStep: String(step) });
      const recoveryCodes = await this.mfa.issueRecoveryCodes(manager, user.id);
      await this.audit.record(manager, ctx, {
        action: user.mfaEnabled ? 'auth.mfa_changed' : 'auth.mfa_enrolled',
        entityType: 'user',
        entityId: user.id,
        regionId: user.regionId,
      });
      return { recoveryCodes };
    });
  }

  /** Turns two-factor login off, unless the policy requires it for the user's role. */
  disable(ctx: AuthedContext, password: string): Promise<void> {
    return this.withPassword(ctx, password, async (manager, user) => {
      if (!user.mfaEnabled) throw new DomainError(ErrorKind.Conflict, 'auth.mfa_not_on');
      if (await this.mfaPolicy.requiredFor(manager, user.role)) {
        throw new DomainError(ErrorKind.Conflict, 'auth.mfa_required_for_role');
      }
      await this.users.updateMfa(manager, user.id, { mfaEnabled: false, mfaSecret: null, mfaPendingSecret: null });
      await manager.delete(MfaRecoveryCode, { userId: user.id });
      await this.audit.record(manager, ctx, {
        action: 'auth.mfa_removed',
        entityType: 'user',
        entityId: user.id,
        regionId: user.regionId,
      });
    });
  }

  private async withPassword<T>(
    ctx: AuthedContext,
    password: string,
    work: (manager: EntityManager, user: UserWithSecrets) => Promise<T>,
  ): Promise<T> {
    await this.locks.confirmPassword(ctx, password, 'password');
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdWithSecrets(ctx.actor.id, manager);
      if (!user) throw new DomainError(ErrorKind.Unauthenticated, 'auth.account_gone');
      return work(manager, user);
    });
  }
}
