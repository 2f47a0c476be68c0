import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EntityType, occupationKey, type Resource } from '@qonys/domain';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { fetchPage, type ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { AuditService, diff } from '../audit/audit.service';
import type {
  LabourDemandDto,
  RegionCapacityDto,
  UpdateLabourDemandDto,
  UpdateRegionCapacityDto,
} from './dto/reference.dto';
import { LabourDemand } from './entities/labour-demand.entity';
import { RegionCapacity } from './entities/region-capacity.entity';
import { type Cell, importRefused, readTable } from '../../common/input/table-import';
import { rolledBackWhen } from '../../common/persistence/dry-run';
import { checkRows } from './labour-demand-import';
import { LABOUR_DEMAND_LIST, REGION_CAPACITY_LIST } from './placement-lists';

type Scoped = LabourDemand | RegionCapacity;

interface Kind<T extends Scoped> {
  entity: new () => T;
  resource: Resource;
  auditType: EntityType;
  alias: string;
  fields: string[];
  unique: string;
}

const DEMAND: Kind<LabourDemand> = {
  entity: LabourDemand,
  resource: 'labour-demand',
  auditType: 'labour_demand',
  alias: 'd',
  fields: ['year', 'regionId', 'occupation', 'vacancies', 'source'],
  unique: 'labour_demand_uq',
};
const CAPACITY: Kind<RegionCapacity> = {
  entity: RegionCapacity,
  resource: 'region-capacities',
  auditType: 'region_capacity',
  alias: 'c',
  fields: ['year', 'regionId', 'housingUnits', 'adaptationCentrePlaces', 'languages', 'source'],
  unique: 'region_capacity_uq',
};

export interface ImportResult {
  created: number;
  updated: number;
  /** Rows equal to what was stored: not written again. */
  unchanged: number;
  rows: number;
}

/** Labour demand and region capacities: region-scoped reference data for placement, each write audited. */
@Injectable()
export class PlacementReferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  listDemand(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<LabourDemand>> {
    return this.list(ctx, DEMAND, query);
  }
  listCapacities(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<RegionCapacity>> {
    return this.list(ctx, CAPACITY, query);
  }
  getDemand(ctx: AuthedContext, id: number) {
    return this.get(ctx, DEMAND, id);
  }
  getCapacity(ctx: AuthedContext, id: number) {
    return this.get(ctx, CAPACITY, id);
  }
  createDemand(ctx: AuthedContext, dto: LabourDemandDto) {
    return this.create(ctx, DEMAND, {
      ...dto,
      occupation: dto.occupation.trim(),
      occupationKey: occupationKey(dto.occupation),
    });
  }
  updateDemand(ctx: AuthedContext, id: number, dto: UpdateLabourDemandDto) {
    const { version, ...values } = dto;
    return this.update(ctx, DEMAND, id, version, {
      ...values,
      occupation: values.occupation.trim(),
      occupationKey: occupationKey(values.occupation),
    });
  }
  createCapacity(ctx: AuthedContext, dto: RegionCapacityDto) {
    return this.create(ctx, CAPACITY, { ...dto, languages: dto.languages ?? ['kk', 'ru'] });
  }
  updateCapacity(ctx: AuthedContext, id: number, dto: UpdateRegionCapacityDto) {
    const { version, ...values } = dto;
    return this.update(ctx, CAPACITY, id, version, { ...values, languages: values.languages ?? ['kk', 'ru'] });
  }

  /**
   * Upserts labour demand from a CSV or XLSX file (year, region_code, occupation,
   * vacancies). Every row is checked first; one bad row refuses the whole file (400 with
   * every problem by row), and the good file is written in one transaction.
   */
  async importDemand(ctx: AuthedContext, content: Buffer, fileName: string, source: string): Promise<ImportResult> {
    return this.importDemandRecords(ctx, await readTable(content, fileName), fileName, source);
  }

  /**
   * The same from rows already read (a bulk import run, docs/imports.md). A dry run
   * writes and rolls back, so its counts are what the import would do.
   */
  async importDemandRecords(
    ctx: AuthedContext,
    records: Record<string, Cell>[],
    fileName: string,
    source: string,
    options: { dryRun?: boolean } = {},
  ): Promise<ImportResult> {
    const regions = await this.dataSource.query<{ id: number; code: string }[]>('SELECT id, code FROM region');
    const idByCode = new Map(regions.map((r) => [r.code, r.id]));
    const { rows, errors } = checkRows(records, new Set(idByCode.keys()));
    const scope = regionScope(ctx.actor, 'labour-demand', 'create');
    for (const row of rows) {
      if (!inScope(scope, idByCode.get(row.regionCode)!)) {
        errors.push({
          row: row.row,
          field: 'region_code',
          code: 'import.not_your_region',
          params: { value: row.regionCode },
        });
      }
    }
    if (errors.length > 0) throw importRefused(errors.sort((a, b) => a.row - b.row));
    return rolledBackWhen(options.dryRun === true, this.dataSource, async (manager) => {
      let created = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values = chunk
          .map(
            (_, j) =>
              `($${j * 6 + 1}::int, $${j * 6 + 2}::int, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}::int, $${j * 6 + 6})`,
          )
          .join(', ');
        const result = await manager.query<{ inserted: boolean }[]>(
          `INSERT INTO labour_demand (year, region_id, occupation, occupation_key, vacancies, source) VALUES ${values}
           ON CONFLICT (year, region_id, occupation_key) DO UPDATE
             SET occupation = EXCLUDED.occupation, vacancies = EXCLUDED.vacancies, source = EXCLUDED.source,
                 version = labour_demand.version + 1, updated_at = now()
             WHERE (labour_demand.occupation, labour_demand.vacancies, labour_demand.source)
                   IS DISTINCT FROM (EXCLUDED.occupation, EXCLUDED.vacancies, EXCLUDED.source)
           RETURNING (xmax = 0) AS inserted`,
          chunk.flatMap((r) => [
            r.year,
            idByCode.get(r.regionCode),
            r.occupation,
            r.occupationKey,
            r.vacancies,
            source,
          ]),
        );
        created += result.filter((r) => r.inserted).length;
        updated += result.filter((r) => !r.inserted).length;
      }
      const summary = { created, updated, unchanged: rows.length - created - updated, rows: rows.length };
      await this.audit.record(manager, ctx, {
        action: 'labour_demand.import',
        entityType: 'labour_demand',
        regionId: scope,
        changes: {
          file: { before: null, after: fileName },
          source: { before: null, after: source },
          created: { before: null, after: summary.created },
          updated: { before: null, after: summary.updated },
        },
      });
      return summary;
    });
  }

  private list<T extends Scoped>(ctx: AuthedContext, kind: Kind<T>, query: ParsedListQuery): Promise<ListResult<T>> {
    const scope = regionScope(ctx.actor, kind.resource, 'list');
    const qb = this.dataSource.getRepository(kind.entity).createQueryBuilder(kind.alias);
    if (scope !== null) qb.where(`${kind.alias}.region_id = :scope`, { scope });
    return fetchPage(qb, query, (kind === (DEMAND as unknown) ? LABOUR_DEMAND_LIST : REGION_CAPACITY_LIST) as never);
  }

  private async get<T extends Scoped>(
    ctx: AuthedContext,
    kind: Kind<T>,
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T> {
    const row = await manager.getRepository(kind.entity).findOneBy({ id } as never);
    if (!row || !inScope(regionScope(ctx.actor, kind.resource, 'show'), row.regionId))
      throw DomainError.notFound(kind.auditType);
    return row;
  }

  private requireRegion(ctx: AuthedContext, kind: Kind<Scoped>, regionId: number): void {
    if (!inScope(regionScope(ctx.actor, kind.resource, 'edit'), regionId)) {
      throw new DomainError(ErrorKind.Forbidden, 'region.not_yours');
    }
  }

  private async create<T extends Scoped>(
    ctx: AuthedContext,
    kind: Kind<T>,
    values: Partial<T> & { regionId: number },
  ): Promise<T> {
    if (!inScope(regionScope(ctx.actor, kind.resource, 'create'), values.regionId)) {
      throw new DomainError(ErrorKind.Forbidden, 'region.not_yours');
    }
    return this.unique(kind, () =>
      this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(kind.entity);
        const saved = await repo.save(repo.create(values as T));
        await this.audit.record(manager, ctx, {
          action: `${kind.auditType}.create`,
          entityType: kind.auditType,
          entityId: saved.id,
          regionId: saved.regionId,
          changes: diff(null, saved, kind.fields),
        });
        return saved;
      }),
    );
  }

  private async update<T extends Scoped>(
    ctx: AuthedContext,
    kind: Kind<T>,
    id: number,
    version: number,
    values: Partial<T> & { regionId: number },
  ): Promise<T> {
    return this.unique(kind, () =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.get(ctx, kind, id, manager);
        this.requireRegion(ctx, kind as Kind<Scoped>, before.regionId);
        this.requireRegion(ctx, kind as Kind<Scoped>, values.regionId);
        const after = await updateVersioned(manager, kind.entity, kind.auditType, id, version, values as never);
        await this.audit.record(manager, ctx, {
          action: `${kind.auditType}.update`,
          entityType: kind.auditType,
          entityId: id,
          regionId: after.regionId,
          changes: diff(before, after, kind.fields),
        });
        return after;
      }),
    );
  }

  private async unique<R>(kind: Kind<Scoped>, work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      const driver = (error as { driverError?: { constraint?: string; code?: string } }).driverError;
      if (error instanceof QueryFailedError && driver?.constraint === kind.unique) {
        throw new DomainError(
          ErrorKind.Conflict,
          'record.year_region_exists',
          {},
          { regionId: 'record.year_region_exists' },
        );
      }
      if (error instanceof QueryFailedError && driver?.code === '23503')
        throw DomainError.invalid({ regionId: 'region.not_found' });
      throw error;
    }
  }
}
