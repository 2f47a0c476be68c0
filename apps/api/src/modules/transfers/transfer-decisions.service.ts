import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { PlacementBatchesService } from '../placement/placement-batches.service';
import { SettlementsService } from '../settlements/settlements.service';
import type { TransferRequestView } from './transfer-requests.repository';
import { type FamilyConsent, TransferRequestsService } from './transfer-requests.service';

/**
 * The receiving region accepts a transfer: in one transaction the family's move is
 * made (a settlement through the quota ledger — 409 and nothing changes when the
 * region is full — or a batch line's override) and the request marked accepted.
 */
@Injectable()
export class TransferDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: TransferRequestsService,
    private readonly settlements: SettlementsService,
    private readonly batches: PlacementBatchesService,
  ) {}

  async accept(ctx: AuthedContext, id: number, version: number): Promise<TransferRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const peek = await this.requests.peek(manager, ctx, id);
      // The subject first, then the request: the order a direct move takes too.
      if (peek.kind === 'settlement') {
        const settlement = await this.settlements.lockForTransfer(manager, peek.settlementId!);
        const request = await this.requests.lockOpen(manager, ctx, id, version, 'receiving');
        const moved = await this.settlements.moveForTransfer(
          manager,
          ctx,
          settlement,
          request.toRegionId,
          request.reason,
          consentOf(request),
        );
        return this.requests.markAccepted(manager, ctx, request, moved.id);
      }
      const line = await this.batches.lockForTransfer(manager, peek.placementProposalId!);
      const request = await this.requests.lockOpen(manager, ctx, id, version, 'receiving');
      await this.batches.overrideForTransfer(
        manager,
        ctx,
        line,
        request.toRegionId,
        request.reason,
        consentOf(request),
      );
      return this.requests.markAccepted(manager, ctx, request, null);
    });
  }
}

const consentOf = (request: { consentDate: string | null; consentDocument: string | null }): FamilyConsent | null =>
  request.consentDate !== null && request.consentDocument !== null
    ? { consentDate: request.consentDate, consentDocument: request.consentDocument }
    : null;
