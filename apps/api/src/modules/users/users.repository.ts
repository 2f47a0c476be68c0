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
    disabled: booleanEquals('u.disabled'),
  },
};

/** The secrets login needs, which ordinary reads never select. */
export type UserWithSecrets = User & { passwordHash: string; mfaSecret: string | null; mfaLastStep: string | null };

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
      .addSelect(['u.passwordHash', 'u.mfaSecret', 'u.mfaLastStep'])
      .where('u.username = :username', { username })
      .setLock('pessimistic_write')
      .getOne()) as UserWithSecrets | null;
    return user && this.withOpenSecret(user);
  }

  async findByIdWithSecrets(id: number, manager: EntityManager): Promise<UserWithSecrets | null> {
    const user = (await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.mfaSecret', 'u.mfaLastStep'])
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne()) as UserWithSecrets | null;
    return user && this.withOpenSecret(user);
  }

  /** Stores a TOTP secret sealed by the master key (docs/personal-data.md, Encryption). */
  async setMfaSecret(manager: EntityManager, id: number, secret: string): Promise<void> {
    await manager.update(User, id, { mfaSecret: sealTotpSecret(this.cipher, secret) });
  }

  /**
   * Seals the TOTP secrets stored in clear (before secrets were sealed) or by an older
   * master key; run at each start after the migrations. Returns how many it sealed.
   */
  async resealMfaSecrets(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: number; mfa_secret: string }[]>(
        'SELECT id, mfa_secret FROM app_user WHERE mfa_secret IS NOT NULL ORDER BY id FOR UPDATE',
      );
      const stale = rows.filter((row) => !isSealedByCurrentKey(this.cipher, row.mfa_secret));
      for (const row of stale) await this.setMfaSecret(manager, row.id, openTotpSecret(this.cipher, row.mfa_secret));
      return stale.length;
    });
  }

  private withOpenSecret(user: UserWithSecrets): UserWithSecrets {
    return user.mfaSecret === null ? user : { ...user, mfaSecret: openTotpSecret(this.cipher, user.mfaSecret) };
  }

  async regionExists(regionId: number, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM region WHERE id = $1', [regionId]);
    return rows.length > 0;
  }

  async usernameTaken(username: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(User).existsBy({ username });
  }
}
