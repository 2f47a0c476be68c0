import type { DataSource, EntityManager } from 'typeorm';

/** Carries a dry run's result out of the transaction it rolled back. */
class RolledBack<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `work` in a transaction and, when `rollback`, undoes it and returns its result
 * anyway: a dry run that counts exactly what the real one would do (docs/imports.md).
 */
export async function rolledBackWhen<T>(
  rollback: boolean,
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(async (manager) => {
      const value = await work(manager);
      if (rollback) throw new RolledBack(value);
      return value;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
}
