import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLES } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { booleanEquals, ids, integerEquals, oneOf, textSearch } from '../../common/list/filters';
import { fetchPage, type ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { MasterKeyCipher } from '../data-keys/master-key-cipher';
import { isSealedByCurrentKey, openTotpSecret, sealTotpSecret } from '../data-keys/totp-secrets';
import { User } from './entities/user.entity';

export const USER_LIST: ListSpec<User> = {
  resource: 'users',
  sortable: {
    id: 'u.id',
    username: 'u.username',
    fullName: 'u.full_name',
    role: 'u.role',
    regionId: 'u.region_id',
    lastLoginAt: 'u.last_login_at',
    createdAt: 'u.created_at',
  },
  defaultSort: ['username', 'ASC'],
  filters: {
    id: ids('u.id'),
    q: textSearch(['u.username', 'u.full_name', 'u.email']),
    role: oneOf('u.role', ROLES),
    regionId: integerEquals('u.region_id', 1),
    providerId: integerEquals('u.provider_id', 1),
    disabled: booleanEquals('u.disabled'),
  },
};

/** The secrets login needs, which ordinary reads never select. */
export type UserWithSecrets = User & {
  passwordHash: string;
  mfaSecret: string | null;
  mfaPendingSecret: string | null;
  mfaLastStep: string | null;
};

/** What a change of a user's second factor may set; secrets in clear, undefined to keep. */
export type MfaChanges = Partial<Pick<User, 'mfaSecret' | 'mfaPendingSecret' | 'mfaEnabled' | 'mfaLastStep'>>;

@Injectable()
export class UsersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: MasterKeyCipher,
  ) {}

  listPage(query: ParsedListQuery): Promise<ListResult<User>> {
    return fetchPage(this.dataSource.getRepository(User).createQueryBuilder('u'), query, USER_LIST);
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction (login bookkeeping, MFA enrolment). */
  async findByUsernameWithSecrets(username: string, manager: EntityManager): Promise<UserWithSecrets | null> {
    const user = (await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.mfaSecret', 'u.mfaPendingSecret', 'u.mfaLastStep'])
      .where('u.username = :username', { username })
      .setLock('pessimistic_write')
      .getOne()) as UserWithSecrets | null;
    return user && this.withOpenSecret(user);
  }

  async findByIdWithSecrets(id: number, manager: EntityManager): Promise<UserWithSecrets | null> {
    const user = (await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.mfaSecret', 'u.mfaPendingSecret', 'u.mfaLastStep'])
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne()) as UserWithSecrets | null;
    return user && this.withOpenSecret(user);
  }

  /**
   * Changes a user's second factor; the TOTP secrets given (current and pending) are
   * stored sealed by the master key (docs/personal-data.md, Encryption).
   */
  async updateMfa(manager: EntityManager, id: number, changes: MfaChanges): Promise<void> {
    const seal = (secret: string | null) => (secret === null ? null : sealTotpSecret(this.cipher, secret));
    await manager.update(User, id, {
      ...changes,
      ...(changes.mfaSecret !== undefined && { mfaSecret: seal(changes.mfaSecret) }),
      ...(changes.mfaPendingSecret !== undefined && { mfaPendingSecret: seal(changes.mfaPendingSecret) }),
    });
  }

  /**
   * Seals the TOTP secrets stored in clear (before secrets were sealed) or by an older
   * master key; run at each start after the migrations. Returns how many it sealed.
   */
  async resealMfaSecrets(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: number; mfa_secret: string | null; mfa_pending_secret: string | null }[]>(
        `SELECT id, mfa_secret, mfa_pending_secret FROM app_user
          WHERE mfa_secret IS NOT NULL OR mfa_pending_secret IS NOT NULL ORDER BY id FOR UPDATE`,
      );
      const stale = (secret: string | null) => secret !== null && !isSealedByCurrentKey(this.cipher, secret);
      const open = (secret: string | null) => (stale(secret) ? openTotpSecret(this.cipher, secret!) : undefined);
      const resealed = rows.filter((row) => stale(row.mfa_secret) || stale(row.mfa_pending_secret));
      for (const row of resealed) {
        await this.updateMfa(manager, row.id, {
          mfaSecret: open(row.mfa_secret),
          mfaPendingSecret: open(row.mfa_pending_secret),
        });
      }
      return resealed.length;
    });
  }

  private withOpenSecret(user: UserWithSecrets): UserWithSecrets {
    const open = (secret: string | null) => (secret === null ? null : openTotpSecret(this.cipher, secret));
    return { ...user, mfaSecret: open(user.mfaSecret), mfaPendingSecret: open(user.mfaPendingSecret) };
  }

  async regionExists(regionId: number, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM region WHERE id = $1', [regionId]);
    return rows.length > 0;
  }

  /** The region of a service provider, or null when there is no such provider. */
  async providerRegion(providerId: number, manager: EntityManager): Promise<number | null> {
    const [row] = await manager.query<{ region_id: number }[]>('SELECT region_id FROM service_provider WHERE id = $1', [
      providerId,
    ]);
    return row?.region_id ?? null;
  }

  async usernameTaken(username: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(User).existsBy({ username });
  }
}
