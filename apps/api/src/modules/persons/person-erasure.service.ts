import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ErasureReason } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AuditLogService } from '../audit/audit-log.service';
import { DataKeysService } from '../data-keys/data-keys.service';
import type { ErasePersonDto } from './dto/person.dto';
import { PersonsRepository } from './persons.repository';

export interface ErasureResult {
  id: number;
  erasedAt: Date;
  /** Audit entries written before sealing that still hold this person's values in clear (docs/personal-data.md). */
  legacyClearEntries: number;
}

/**
 * Erasing a person's personal data (docs/personal-data.md, Erasure): the row is
 * anonymised, the data key destroyed (their sealed audit values read "erased" from
 * then on), one `person.erase` entry without personal values; the chain still verifies.
 */
@Injectable()
export class PersonErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly dataKeys: DataKeysService,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogService,
  ) {}

  /** An admin's erasure of one person, confirmed on the version they saw. */
  eraseOne(ctx: AuthedContext, id: number, dto: ErasePersonDto): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      const [person] = await this.persons.lockByIds(manager, [id]);
      if (!person) throw DomainError.notFound('person');
      if (person.erasedAt !== null) throw new DomainError(ErrorKind.Conflict, 'person.already_erased');
      if (person.version !== dto.version) throw DomainError.stale('person');
      await this.erase(manager, ctx, [id], dto.reason);
      const erased = (await this.persons.findById(id, manager))!;
      return {
        id,
        erasedAt: erased.erasedAt!,
        legacyClearEntries: await this.auditLog.countClearPersonalEntries(manager, id),
      };
    });
  }

  /**
   * Erases the persons not erased yet inside the caller's transaction, in statements
   * for the whole batch; returns the ids erased. Call it last: the audit entries take the chain lock.
   */
  async erase(
    manager: EntityManager,
    ctx: RequestContext,
    personIds: number[],
    reason: ErasureReason,
  ): Promise<number[]> {
    const erased = await this.persons.anonymise(manager, personIds);
    if (erased.length === 0) return erased;
    await this.dataKeys.destroy(manager, erased);
    const regions = new Map((await this.persons.lockByIds(manager, erased)).map((p) => [p.id, p.regionId]));
    await this.audit.record(
      manager,
      ctx,
      ...erased.map((id) => ({
        action: 'person.erase',
        entityType: 'person',
        entityId: id,
        regionId: regions.get(id) ?? null,
        changes: { reason: { before: null, after: reason } },
      })),
    );
    return erased;
  }
}
