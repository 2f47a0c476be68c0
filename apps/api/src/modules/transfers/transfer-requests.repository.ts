import { type CaseNames, type LocalizedText, TRANSFER_KINDS, TRANSFER_STATES } from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { TransferRequest } from './entities/transfer-request.entity';

export const TRANSFER_LIST: ListSpec<TransferRequest> = {
  resource: 'transfer-requests',
  sortable: {
    id: 't.id',
    state: 't.state',
    fromRegionId: 't.from_region_id',
    toRegionId: 't.to_region_id',
    createdAt: 't.created_at',
    decidedAt: 't.decided_at',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('t.id'),
    kind: oneOf('t.kind', TRANSFER_KINDS),
    state: oneOf('t.state', TRANSFER_STATES),
    applicationId: integerEquals('t.application_id', 1),
    fromRegionId: integerEquals('t.from_region_id', 1),
    toRegionId: integerEquals('t.to_region_id', 1),
  },
};

/** A transfer request as the API answers it: with its case's number and the family's name. */
export type TransferRequestView = TransferRequest & CaseNames;

/**
 * Who reads which requests: a regional official those from or to their region, a
 * caseworker those of their region's cases; null: every request.
 */
export interface TransferScope {
  regionId: number;
  by: 'involved' | 'case';
}

/** Either subject of a transfer, for the one open request it may have. */
export type TransferSubjectRef = { settlementId: number } | { placementProposalId: number };

@Injectable()
export class TransferRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: TransferScope | null): Promise<ListResult<TransferRequestView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, TRANSFER_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  /** The request with its case's names when the scope reads it, else null (it answers as missing). */
  async findVisible(
    manager: EntityManager,
    id: number,
    scope: TransferScope | null,
  ): Promise<TransferRequestView | null> {
    const row = await this.visible(manager, scope).andWhere('t.id = :id', { id }).getOne();
    return row ? withCaseNames(row) : null;
  }

  private visible(manager: EntityManager, scope: TransferScope | null): SelectQueryBuilder<TransferRequest> {
    const qb = joinCaseNames(manager.getRepository(TransferRequest).createQueryBuilder('t'), 't.application_id');
    if (scope === null) return qb;
    return scope.by === 'involved'
      ? qb.andWhere('(t.from_region_id = :scopeRegion OR t.to_region_id = :scopeRegion)', {
          scopeRegion: scope.regionId,
        })
      : qb.andWhere(
          'EXISTS (SELECT 1 FROM application scope_case WHERE scope_case.id = t.application_id AND scope_case.region_id = :scopeRegion)',
          { scopeRegion: scope.regionId },
        );
  }

  /** The request, locked for the rest of the transaction. */
  async lockById(manager: EntityManager, id: number): Promise<TransferRequest | null> {
    const locked = await manager
      .getRepository(TransferRequest)
      .createQueryBuilder('t')
      .select('t.id')
      .where('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return locked ? manager.getRepository(TransferRequest).findOneBy({ id }) : null;
  }

  /** The open requests of a settlement or of batch lines, locked. */
  openFor(
    manager: EntityManager,
    subject: TransferSubjectRef | { placementProposalIds: number[] },
  ): Promise<TransferRequest[]> {
    const qb = manager.getRepository(TransferRequest).createQueryBuilder('t').where(`t.state = 'requested'`);
    if ('settlementId' in subject) qb.andWhere('t.settlement_id = :id', { id: subject.settlementId });
    else if ('placementProposalId' in subject)
      qb.andWhere('t.placement_proposal_id = :id', { id: subject.placementProposalId });
    else if (subject.placementProposalIds.length === 0) return Promise.resolve([]);
    else qb.andWhere('t.placement_proposal_id IN (:...ids)', { ids: subject.placementProposalIds });
    return qb.orderBy('t.id').setLock('pessimistic_write').getMany();
  }

  async insert(manager: EntityManager, row: Partial<TransferRequest>): Promise<TransferRequest> {
    const { identifiers } = await manager.getRepository(TransferRequest).insert(row);
    return manager.getRepository(TransferRequest).findOneByOrFail({ id: identifiers[0].id as number });
  }

  /** The family's ranked region preferences, from their inclusion request (none without one). */
  async preferredRegions(manager: EntityManager, inclusionRequestId: number | null): Promise<number[]> {
    if (inclusionRequestId === null) return [];
    const [row] = await manager.query<{ preferred_region_ids: number[] }[]>(
      'SELECT preferred_region_ids FROM inclusion_request WHERE id = $1',
      [inclusionRequestId],
    );
    return row?.preferred_region_ids ?? [];
  }

  /** A region's name in the three languages (a message parameter), or null when there is no such region. */
  async regionName(manager: EntityManager, regionId: number): Promise<LocalizedText | null> {
    const [row] = await manager.query<LocalizedText[]>(
      'SELECT name_kk AS kk, name_ru AS ru, name_en AS en FROM region WHERE id = $1',
      [regionId],
    );
    return row ?? null;
  }
}
