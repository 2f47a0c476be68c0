import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind, type FieldMessages } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { AuditService, diff } from '../audit/audit.service';
import type { ServiceProviderDto, UpdateServiceProviderDto } from './dto/service-provider.dto';
import { ServiceProvider } from './entities/service-provider.entity';
import { ReferralsService } from './referrals.service';
import { type ServiceProviderView, ServiceProvidersRepository } from './service-providers.repository';

const FIELDS = ['regionId', 'kind', 'name', 'address', 'phone', 'email', 'validFrom', 'validTo'] as const;

/** Comparable form of the services offered, for the audit entry. */
const offerOf = (services: { serviceTypeId: number; placesPerMonth: number }[]) =>
  services.map((s) => `${s.serviceTypeId}:${s.placesPerMonth}`).sort();

/**
 * Service providers of a region and what they offer (docs/integration-services.md): a
 * region's officials keep their own, admins every region's; each write is audited.
 */
@Injectable()
export class ServiceProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: ServiceProvidersRepository,
    private readonly referrals: ReferralsService,
    private readonly audit: AuditService,
  ) {}

  list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<ServiceProviderView>> {
    return this.providers.listPage(query, regionScope(ctx.actor, 'service-providers', 'list'));
  }

  async get(ctx: AuthedContext, id: number): Promise<ServiceProviderView> {
    const scope = regionScope(ctx.actor, 'service-providers', 'show');
    const row = await this.providers.findVisible(this.dataSource.manager, id, scope);
    if (!row) throw DomainError.notFound('service_provider');
    return row;
  }

  create(ctx: AuthedContext, dto: ServiceProviderDto): Promise<ServiceProviderView> {
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, ctx, dto);
      const saved = await this.providers.insert(manager, this.values(dto));
      await this.providers.replaceServices(manager, saved.id, dto.services);
      await this.audit.record(manager, ctx, {
        action: 'service_provider.create',
        entityType: 'service_provider',
        entityId: saved.id,
        regionId: saved.regionId,
        changes: { ...diff(null, saved, [...FIELDS]), services: { before: null, after: offerOf(dto.services) } },
      });
      return (await this.providers.findVisible(manager, saved.id, null))!;
    });
  }

  update(ctx: AuthedContext, id: number, dto: UpdateServiceProviderDto): Promise<ServiceProviderView> {
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'service-providers', 'edit');
      const before = await this.providers.findVisible(manager, id, scope);
      if (!before) throw DomainError.notFound('service_provider');
      await this.providers.lock(manager, id);
      await this.check(manager, ctx, dto);
      const kept = new Set(dto.services.map((s) => s.serviceTypeId));
      const dropped = (await this.providers.servicesInUse(manager, id)).filter((typeId) => !kept.has(typeId));
      if (dropped.length > 0) {
        throw DomainError.invalid({ services: coded('provider.service_in_use', { serviceType: dropped[0] }) });
      }
      const after = await updateVersioned(
        manager,
        ServiceProvider,
        'service_provider',
        id,
        dto.version,
        this.values(dto),
      );
      await this.providers.replaceServices(manager, id, dto.services);
      // More places: the waiting referrals take them now, not when someone cancels.
      await this.referrals.promoteWaitingOf(manager, ctx, id);
      const [was, now] = [offerOf(before.services), offerOf(dto.services)];
      await this.audit.record(manager, ctx, {
        action: 'service_provider.update',
        entityType: 'service_provider',
        entityId: id,
        regionId: after.regionId,
        changes: {
          ...diff(before, after, [...FIELDS]),
          ...(JSON.stringify(was) === JSON.stringify(now) ? {} : { services: { before: was, after: now } }),
        },
      });
      return (await this.providers.findVisible(manager, id, null))!;
    });
  }

  /** A region-scoped official keeps their own region's providers; every field's problem in one answer. */
  private async check(manager: EntityManager, ctx: AuthedContext, dto: ServiceProviderDto): Promise<void> {
    const scope = regionScope(ctx.actor, 'service-providers', 'edit');
    if (scope !== null && dto.regionId !== scope) {
      throw new DomainError(ErrorKind.Forbidden, 'region.not_yours', {}, { regionId: 'region.not_yours' });
    }
    const errors: FieldMessages = {};
    if (!(await this.providers.regionExists(manager, dto.regionId))) errors.regionId = 'provider.region_not_found';
    if (dto.validFrom && dto.validTo && dto.validFrom > dto.validTo)
      errors.validTo = coded('validation.date_order', { other: 'validFrom' });
    const typeIds = dto.services.map((s) => s.serviceTypeId);
    if (new Set(typeIds).size !== typeIds.length) errors.services = 'provider.service_repeated';
    else {
      const [missing] = await this.providers.missingServiceTypes(manager, typeIds);
      if (missing !== undefined) errors.services = coded('provider.service_type_not_found', { serviceType: missing });
    }
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
  }

  private values(dto: ServiceProviderDto): Partial<ServiceProvider> {
    return {
      regionId: dto.regionId,
      kind: dto.kind,
      name: dto.name,
      address: dto.address || null,
      phone: dto.phone || null,
      email: dto.email || null,
      validFrom: dto.validFrom || null,
      validTo: dto.validTo || null,
    };
  }
}
