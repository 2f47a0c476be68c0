import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, QueryFailedError } from 'typeorm';
import { type LedgerEntryView, type QuotaView, todayInKazakhstan } from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { AuditService } from '../audit/audit.service';
import type { CapacityChangeDto, CreateQuotaDto } from './dto/quota.dto';
import { toLedgerView, toQuotaView } from './quota-view';
import { QuotasRepository } from './quotas.repository';

/**
 * Regional quotas and their ledger. Quota figures are not personal data: every role
 * reads every region's. Capacity is changed only by a ledger entry — by an admin for
 * any region, by a regional official for their own (the `edit` grant's scope).
 */
@Injectable()
export class QuotasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quotas: QuotasRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ParsedListQuery): Promise<ListResult<QuotaView>> {
    const page = await this.quotas.listPage(query);
    return new ListResult(page.resource, page.items.map(toQuotaView), page.start, page.total);
  }

  async get(id: number): Promise<QuotaView> {
    const quota = await this.quotas.findById(id);
    if (!quota) throw DomainError.notFound('quota');
    return toQuotaView(quota);
  }

  async ledger(id: number, query: ParsedListQuery): Promise<ListResult<LedgerEntryView<Date>>> {
    if (!(await this.quotas.findById(id))) throw DomainError.notFound('quota');
    const page = await this.quotas.ledgerPage(id, query);
    return new ListResult(page.resource, page.items.map(toLedgerView), page.start, page.total);
  }

  async create(ctx: AuthedContext, dto: CreateQuotaDto): Promise<QuotaView> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.quotas.regionExists(manager, dto.regionId))) {
        throw DomainError.invalid({ regionId: 'region.not_found' });
      }
      if (await this.quotas.findByKey(manager, dto)) {
        throw quotaExists(dto);
      }
      let quota;
      try {
        quota = await this.quotas.insertQuota(manager, { ...dto, unit: dto.unit ?? 'persons' });
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw quotaExists(dto);
        }
        throw error;
      }
      await this.quotas.insertLedgerEntry(manager, {
        quotaId: quota.id,
        entryDate: dto.entryDate ?? todayInKazakhstan(),
        kind: 'capacity_set',
        capacityDelta: dto.capacity,
        legalAct: dto.legalAct,
        reasonCode: coded('ledger.initial_quota'),
        actorId: ctx.actor.id,
      });
      const view = toQuotaView(quota);
      await this.audit.record(manager, ctx, {
        action: 'quota.create',
        entityType: 'quota',
        entityId: quota.id,
        regionId: quota.regionId,
        changes: Object.fromEntries(
          (['year', 'regionId', 'category', 'unit', 'capacity', 'legalAct'] as const).map((k) => [
            k,
            { before: null, after: view[k] },
          ]),
        ),
      });
      return view;
    });
  }

  /** A change of capacity (the 2024 raise in August): appended, never overwriting history. */
  async changeCapacity(ctx: AuthedContext, id: number, dto: CapacityChangeDto): Promise<QuotaView> {
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'quotas', 'edit');
      const before = await this.quotas.findById(id, manager);
      // Outside the caller's region the quota is not theirs to set: as if it did not exist.
      if (!before || !inScope(scope, before.regionId)) throw DomainError.notFound('quota');
      if (before.version !== dto.version) throw DomainError.stale('quota');
      const after = await this.quotas.changeCapacity(manager, id, dto.version, dto.capacityDelta);
      if (!after) {
        const current = await this.quotas.findById(id, manager);
        if (current && current.version !== dto.version) throw DomainError.stale('quota');
        const used = (current?.reserved ?? 0) + (current?.settled ?? 0);
        throw new DomainError(ErrorKind.Conflict, 'quota.below_used', { used }, {
          capacityDelta: coded('validation.min', { min: used - (current?.capacity ?? 0) }),
        });
      }
      await this.quotas.insertLedgerEntry(manager, {
        quotaId: id,
        entryDate: dto.entryDate,
        kind: 'capacity_change',
        capacityDelta: dto.capacityDelta,
        legalAct: dto.legalAct,
        reason: dto.reason,
        actorId: ctx.actor.id,
      });
      await this.audit.record(manager, ctx, {
        action: 'quota.capacity_change',
        entityType: 'quota',
        entityId: id,
        regionId: after.regionId,
        changes: {
          capacity: { before: before.capacity, after: after.capacity },
          legalAct: { before: null, after: dto.legalAct },
          reason: { before: null, after: dto.reason },
        },
      });
      return toQuotaView(after);
    });
  }
}

const quotaExists = (dto: CreateQuotaDto): DomainError =>
  new DomainError(ErrorKind.Conflict, 'quota.exists', { category: dto.category, year: dto.year });
