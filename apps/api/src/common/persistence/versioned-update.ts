import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { EntityType } from '@qonys/domain';
import { DomainError } from '../errors/domain-error';

/**
 * Optimistic locking done in SQL: `UPDATE … SET …, version = version + 1
 * WHERE id = $1 AND version = $2`. TypeORM's @VersionColumn alone does not stop a
 * lost update. Zero rows updated means someone else saved first (409), unless the
 * row is gone (404). Returns the row as it is after the update.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: number; version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: EntityType,
  id: number,
  expectedVersion: number,
  patch: Partial<T>,
): Promise<T> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version', { id, version: expectedVersion })
    .execute();
  if (result.affected === 0) {
    const exists = await manager.getRepository(target).existsBy({ id } as never);
    throw exists ? DomainError.stale(entityName) : DomainError.notFound(entityName);
  }
  return manager.getRepository(target).findOneByOrFail({ id } as never);
}
