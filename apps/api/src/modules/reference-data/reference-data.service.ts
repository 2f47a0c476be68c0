import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type ObjectLiteral, QueryFailedError } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import { fetchPage, type ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { AuditService, diff } from '../audit/audit.service';
import type { ReferenceRecord } from './entities/reference-record';
import type { ReferenceResource } from './reference-resources';

type Row = ReferenceRecord & ObjectLiteral;

/** List, read, create and edit for every reference-data resource, each write audited. */
@Injectable()
export class ReferenceDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list<T extends Row>(resource: ReferenceResource<T>, query: ParsedListQuery): Promise<ListResult<T>> {
    const alias = resource.list.sortable.id.split('.')[0];
    return fetchPage(this.dataSource.getRepository(resource.entity).createQueryBuilder(alias), query, resource.list);
  }

  async get<T extends Row>(resource: ReferenceResource<T>, id: number): Promise<T> {
    const row = await this.dataSource.getRepository(resource.entity).findOneBy({ id } as never);
    if (!row) throw DomainError.notFound(resource.auditType);
    return row;
  }

  async create<T extends Row>(ctx: AuthedContext, resource: ReferenceResource<T>, dto: object): Promise<T> {
    const values = this.values(resource, dto);
    return this.guardUnique(resource, () =>
      this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(resource.entity);
        const saved = await repo.save(repo.create(values as T));
        await this.audit.record(manager, ctx, {
          action: `${resource.auditType}.create`,
          entityType: resource.auditType,
          entityId: saved.id,
          changes: diff(null, saved, resource.fields),
        });
        return saved;
      }),
    );
  }

  async update<T extends Row>(
    ctx: AuthedContext,
    resource: ReferenceResource<T>,
    id: number,
    dto: object & { version: number },
  ): Promise<T> {
    const values = this.values(resource, dto);
    return this.guardUnique(resource, () =>
      this.dataSource.transaction(async (manager) => {
        const before = await manager.getRepository(resource.entity).findOneBy({ id } as never);
        if (!before) throw DomainError.notFound(resource.auditType);
        const after = await updateVersioned(manager, resource.entity, resource.auditType, id, dto.version, values);
        await this.audit.record(manager, ctx, {
          action: `${resource.auditType}.update`,
          entityType: resource.auditType,
          entityId: id,
          changes: diff(before, after, resource.fields),
        });
        return after;
      }),
    );
  }

  /** The DTO's fields for the row, normalised, with the validity range checked. */
  private values<T extends Row>(resource: ReferenceResource<T>, dto: object): Partial<T> {
    const source = dto as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const field of resource.fields) row[field] = source[field] ?? null;
    if (row.validFrom && row.validTo && String(row.validTo) < String(row.validFrom)) {
      throw DomainError.invalid({ validTo: coded('validation.date_order', { other: 'validFrom' }) });
    }
    const values = row as Partial<T>;
    return resource.normalise ? resource.normalise(values) : values;
  }

  /** A unique-index violation becomes a 409 naming the field. */
  private async guardUnique<T extends Row, R>(resource: ReferenceResource<T>, work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      const constraint = (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError
        ?.constraint;
      const field = constraint ? resource.uniqueFields[constraint] : undefined;
      if (error instanceof QueryFailedError && field) {
        throw new DomainError(ErrorKind.Conflict, 'record.exists', { field }, { [field]: coded('record.exists', { field }) });
      }
      throw error;
    }
  }
}
