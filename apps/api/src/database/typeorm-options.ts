import type { DataSourceOptions } from 'typeorm';
import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { AuthSession } from '../modules/auth/entities/auth-session.entity';
import { MfaRecoveryCode } from '../modules/auth/entities/mfa-recovery-code.entity';
import { DeadlineSetting } from '../modules/reference-data/entities/deadline-setting.entity';
import { Holiday } from '../modules/reference-data/entities/holiday.entity';
import { MciRate } from '../modules/reference-data/entities/mci-rate.entity';
import { Region } from '../modules/reference-data/entities/region.entity';
import { User } from '../modules/users/entities/user.entity';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { SearchIndexes1764000000001 } from './migrations/1764000000001-search-indexes';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Entities and migrations are listed explicitly: no globs over compiled output. */
export const ENTITIES = [User, AuthSession, MfaRecoveryCode, AuditEvent, Region, MciRate, Holiday, DeadlineSetting];
export const MIGRATIONS = [Foundation1764000000000, SearchIndexes1764000000001];

export function typeormOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize },
  };
}
