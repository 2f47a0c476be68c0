import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isNationwide, needsProvider, type Role } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { liftAccountLock } from '../../common/security/login-lock';
import { hashPassword } from '../../common/security/password';
import { revokeUserSessions } from '../../common/security/sessions';
import { AuditService, diff } from '../audit/audit.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

const AUDITED_FIELDS = ['username', 'fullName', 'email', 'role', 'regionId', 'providerId', 'disabled'];

/** Staff accounts: only admins change them; nobody changes their own role. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: ParsedListQuery): Promise<ListResult<User>> {
    return this.users.listPage(query);
  }

  async get(id: number): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('user');
    return user;
  }

  create(ctx: AuthedContext, dto: CreateUserDto): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const { regionId, providerId } = await this.checkPlace(manager, dto);
      if (await this.users.usernameTaken(dto.username, manager)) {
        throw new DomainError(ErrorKind.Conflict, 'user.username_taken', {}, { username: 'user.username_taken' });
      }
      const saved = await manager.getRepository(User).save(
        manager.getRepository(User).create({
          username: dto.username,
          fullName: dto.fullName,
          email: dto.email || null,
          role: dto.role,
          regionId,
          providerId,
          passwordHash: await hashPassword(dto.password),
          passwordChangedAt: new Date(),
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: saved.id,
        regionId,
        changes: diff(null, saved, AUDITED_FIELDS),
      });
      // Read back through the transaction: outside it the row is not committed yet, and
      // `saved` still carries the password hash.
      return (await this.users.findById(saved.id, manager))!;
    });
  }

  update(ctx: AuthedContext, id: number, dto: UpdateUserDto): Promise<User> {
    return this.updateInTransaction(ctx, id, dto).catch(async (error: unknown) => {
      // Refused requests are audited (as the PermissionGuard does), outside the rolled-back transaction.
      if (error instanceof DomainError && error.kind === ErrorKind.Forbidden) {
        await this.audit.recordAlone(ctx, {
          action: 'access.denied',
          entityType: 'user',
          entityId: id,
          changes: { role: { before: null, after: dto.role } },
        });
      }
      throw error;
    });
  }

  private updateInTransaction(ctx: AuthedContext, id: number, dto: UpdateUserDto): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.users.findById(id, manager);
      if (!before) throw DomainError.notFound('user');
      if (id === ctx.actor.id && dto.role !== before.role) {
        throw new DomainError(ErrorKind.Forbidden, 'user.own_role', {}, { role: 'user.own_role' });
      }
      if (id === ctx.actor.id && dto.disabled) {
        throw DomainError.invalid({ disabled: 'user.own_account_disable' });
      }
      const { regionId, providerId } = await this.checkPlace(manager, dto);
      const after = await updateVersioned(manager, User, 'user', id, dto.version, {
        fullName: dto.fullName,
        email: dto.email || null,
        role: dto.role,
        regionId,
        providerId,
        disabled: dto.disabled,
      });
      if (after.disabled && !before.disabled) await revokeUserSessions(manager, id, 'disabled');
      await this.audit.record(manager, ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        regionId: after.regionId,
        changes: diff(before, after, AUDITED_FIELDS),
      });
      return after;
    });
  }

  /** An admin sets a new password; the user's sessions end and any lockout is lifted. */
  resetPassword(ctx: AuthedContext, id: number, password: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.users.findById(id, manager);
      if (!before) throw DomainError.notFound('user');
      await manager.getRepository(User).update(id, {
        passwordHash: await hashPassword(password),
        passwordChangedAt: new Date(),
        failedLoginCount: 0,
        lockedUntil: null,
      });
      await liftAccountLock(manager, before.username);
      const revoked = await revokeUserSessions(manager, id, 'password_reset');
      await this.audit.record(manager, ctx, {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        regionId: before.regionId,
        changes: { password: { before: '[redacted]', after: '[redacted]' }, sessionsRevoked: { before: null, after: revoked } },
      });
      return (await this.users.findById(id, manager))!;
    });
  }

  /**
   * Where the user works: provider staff at an existing provider, whose region becomes
   * theirs; every other role has no provider.
   */
  private async checkPlace(
    manager: EntityManager,
    dto: { role: Role; regionId?: number | null; providerId?: number | null },
  ): Promise<{ regionId: number | null; providerId: number | null }> {
    const providerId = dto.providerId ?? null;
    if (!needsProvider(dto.role)) {
      if (providerId !== null) throw DomainError.invalid({ providerId: coded('user.role_has_no_provider', { role: dto.role }) });
      return { regionId: await this.checkRegion(manager, dto.role, dto.regionId ?? null), providerId: null };
    }
    if (providerId === null) throw DomainError.invalid({ providerId: coded('user.role_needs_provider', { role: dto.role }) });
    const providerRegion = await this.users.providerRegion(providerId, manager);
    if (providerRegion === null) throw DomainError.invalid({ providerId: 'provider.not_found' });
    if (dto.regionId != null && dto.regionId !== providerRegion) {
      throw DomainError.invalid({ regionId: 'user.provider_other_region' });
    }
    return { regionId: providerRegion, providerId };
  }

  /** Regional roles need an existing region; nationwide roles have none. */
  private async checkRegion(manager: EntityManager, role: Role, regionId: number | null): Promise<number | null> {
    if (isNationwide(role)) {
      if (regionId !== null) throw DomainError.invalid({ regionId: coded('user.role_has_no_region', { role }) });
      return null;
    }
    if (regionId === null) throw DomainError.invalid({ regionId: coded('user.role_needs_region', { role }) });
    if (!(await this.users.regionExists(regionId, manager))) throw DomainError.invalid({ regionId: 'region.not_found' });
    return regionId;
  }
}
