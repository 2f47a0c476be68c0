import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROVIDER_KINDS, todayInKazakhstan } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ids, integerEquals, oneOf, textSearch } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { coded } from '../../common/errors/domain-error';
import type { ProviderServiceDto } from './dto/service-provider.dto';
import { ServiceProvider } from './entities/service-provider.entity';

export const PROVIDER_LIST: ListSpec<ServiceProvider> = {
  resource: 'service-providers',
  sortable: { id: 'sp.id', name: 'sp.name', kind: 'sp.kind', regionId: 'sp.region_id' },
  defaultSort: ['name', 'ASC'],
  filters: {
    id: ids('sp.id'),
    q: textSearch(['sp.name', 'sp.address']),
    kind: oneOf('sp.kind', PROVIDER_KINDS),
    regionId: integerEquals('sp.region_id', 1),
    serviceTypeId: {
      parse: (v: unknown) =>
        Number.isInteger(v) && (v as number) > 0 ? { value: v } : { error: coded('validation.is_int') },
      apply: (qb, v, p) =>
        void qb.andWhere(
          `EXISTS (SELECT 1 FROM provider_service f WHERE f.provider_id = sp.id AND f.service_type_id = :${p})`,
          { [p]: v },
        ),
    },
    activeOn: {
      parse: (v: unknown) =>
        typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? { value: v } : { error: coded('validation.is_date') },
      apply: (qb, v, p) =>
        void qb.andWhere(
          `(sp.valid_from IS NULL OR sp.valid_from <= :${p}) AND (sp.valid_to IS NULL OR sp.valid_to >= :${p})`,
          { [p]: v },
        ),
    },
  },
};

/** A service a provider offers: its places per month and, from this month on, the places taken. */
export interface OfferedService {
  id: number;
  serviceTypeId: number;
  placesPerMonth: number;
  /** Months (YYYY-MM) from the current one with places taken. */
  taken: { period: string; used: number }[];
}

export type ServiceProviderView = ServiceProvider & { services: OfferedService[] };

@Injectable()
export class ServiceProvidersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<ServiceProviderView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, PROVIDER_LIST);
    const services = await this.servicesOf(
      this.dataSource.manager,
      page.items.map((p) => p.id),
    );
    return new ListResult(
      page.resource,
      page.items.map((p) => ({ ...p, services: services.get(p.id) ?? [] })),
      page.start,
      page.total,
    );
  }

  async findVisible(manager: EntityManager, id: number, scope: number | null): Promise<ServiceProviderView | null> {
    const row = await this.visible(manager, scope).andWhere('sp.id = :id', { id }).getOne();
    if (!row) return null;
    return { ...row, services: (await this.servicesOf(manager, [id])).get(id) ?? [] };
  }

  /** Locks the provider for an edit of its services. */
  async lock(manager: EntityManager, id: number): Promise<void> {
    await manager.query('SELECT 1 FROM service_provider WHERE id = $1 FOR UPDATE', [id]);
  }

  insert(manager: EntityManager, values: Partial<ServiceProvider>): Promise<ServiceProvider> {
    const repo = manager.getRepository(ServiceProvider);
    return repo.save(repo.create(values));
  }

  async regionExists(manager: EntityManager, regionId: number): Promise<boolean> {
    return (await manager.query('SELECT 1 FROM region WHERE id = $1', [regionId])).length > 0;
  }

  /** The ids among `ids` that are no service type. */
  async missingServiceTypes(manager: EntityManager, typeIds: number[]): Promise<number[]> {
    const rows = await manager.query<{ id: number }[]>(
      `SELECT t.id FROM unnest($1::int[]) AS t(id) WHERE NOT EXISTS (SELECT 1 FROM service_type s WHERE s.id = t.id)`,
      [typeIds],
    );
    return rows.map((r) => r.id);
  }

  /** Service types the provider offers now with referrals made, which an edit must keep. */
  async servicesInUse(manager: EntityManager, providerId: number): Promise<number[]> {
    const rows = await manager.query<{ service_type_id: number }[]>(
      `SELECT ps.service_type_id FROM provider_service ps
        WHERE ps.provider_id = $1 AND EXISTS (SELECT 1 FROM referral r WHERE r.provider_service_id = ps.id)`,
      [providerId],
    );
    return rows.map((r) => r.service_type_id);
  }

  /** Sets the services offered to exactly `services`, in two statements. */
  async replaceServices(manager: EntityManager, providerId: number, services: ProviderServiceDto[]): Promise<void> {
    const typeIds = services.map((s) => s.serviceTypeId);
    await manager.query(
      `DELETE FROM provider_service WHERE provider_id = $1 AND NOT (service_type_id = ANY($2::int[]))`,
      [providerId, typeIds],
    );
    await manager.query(
      `INSERT INTO provider_service (provider_id, service_type_id, places_per_month)
       SELECT $1, t.type_id, t.places FROM unnest($2::int[], $3::int[]) AS t(type_id, places)
       ON CONFLICT (provider_id, service_type_id) DO UPDATE SET places_per_month = EXCLUDED.places_per_month`,
      [providerId, typeIds, services.map((s) => s.placesPerMonth)],
    );
  }

  private visible(manager: EntityManager, scope: number | null): SelectQueryBuilder<ServiceProvider> {
    const qb = manager.getRepository(ServiceProvider).createQueryBuilder('sp');
    return scope === null ? qb : qb.andWhere('sp.region_id = :scopeRegion', { scopeRegion: scope });
  }

  /** The services of a page of providers, with the places taken from this month on: two queries. */
  private async servicesOf(manager: EntityManager, providerIds: number[]): Promise<Map<number, OfferedService[]>> {
    const rows = await manager.query<
      {
        id: number;
        provider_id: number;
        service_type_id: number;
        places_per_month: number;
        taken: OfferedService['taken'];
      }[]
    >(
      `SELECT ps.id, ps.provider_id, ps.service_type_id, ps.places_per_month,
              COALESCE((SELECT json_agg(json_build_object('period', to_char(u.period, 'YYYY-MM'), 'used', u.used) ORDER BY u.period)
                          FROM provider_capacity_use u
                         WHERE u.provider_service_id = ps.id AND u.used > 0
                           AND u.period >= $2::date), '[]') AS taken
         FROM provider_service ps WHERE ps.provider_id = ANY($1::int[]) ORDER BY ps.provider_id, ps.service_type_id`,
      [providerIds, `${todayInKazakhstan().slice(0, 7)}-01`],
    );
    const byProvider = new Map<number, OfferedService[]>();
    for (const row of rows) {
      const list = byProvider.get(row.provider_id) ?? [];
      list.push({
        id: row.id,
        serviceTypeId: row.service_type_id,
        placesPerMonth: row.places_per_month,
        taken: row.taken,
      });
      byProvider.set(row.provider_id, list);
    }
    return byProvider;
  }
}
