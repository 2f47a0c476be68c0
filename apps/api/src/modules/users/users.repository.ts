import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLES } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { booleanEquals, ids, integerEquals, oneOf, textSearch } from '../../common/list/filters';
import { fetchPage, type ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
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
export type UserWithSecrets = User & {
  passwordHash: string;
  mfaSecret: string | null;
  mfaPendingSecret: string | null;
  mfaLastStep: string | null;
};

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listPage(query: ParsedListQuery): Promise<ListResult<User>> {
    return fetchPage(this.dataSource.getRepository(User).createQueryBuilder('u'), query, USER_LIST);
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction (login bookkeeping, MFA enrolment). */
  findByUsernameWithSecrets(username: string, manager: EntityManager): Promise<UserWithSecrets | null> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.mfaSecret', 'u.mfaPendingSecret', 'u.mfaLastStep'])
      .where('u.username = :username', { username })
      .setLock('pessimistic_write')
      .getOne() as Promise<UserWithSecrets | null>;
  }

  findByIdWithSecrets(id: number, manager: EntityManager): Promise<UserWithSecrets | null> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.mfaSecret', 'u.mfaPendingSecret', 'u.mfaLastStep'])
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne() as Promise<UserWithSecrets | null>;
  }

  async regionExists(regionId: number, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM region WHERE id = $1', [regionId]);
    return rows.length > 0;
  }

  async usernameTaken(username: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(User).existsBy({ username });
  }
}
