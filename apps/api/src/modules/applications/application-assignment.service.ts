import { type AssigneeView } from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { AuditService } from '../audit/audit.service';
import { StaffNotifier } from '../notifications/staff-notifier';
import { requireCaseworkerOfRegion } from './application-rules';
import { ApplicationsRepository } from './applications.repository';
import { appendTimelineEvent } from '../../common/timeline';

/** Who works on which case: bulk (re)assignment within the region, and the caseworkers to choose from. */
@Injectable()
export class ApplicationAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly notifier: StaffNotifier,
  ) {}

  /**
   * All the cases or none: a case outside the caller's scope answers 404 and nothing
   * changes. Cases already with this assignee are left alone (no event, not counted).
   */
  assign(ctx: AuthedContext, ids: number[], assignedToId: number | null): Promise<{ updated: number }> {
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'applications', 'edit');
      const cases = await this.applications.lockForAssignment(manager, ids, scope);
      if (cases.length !== ids.length) {
        const found = new Set(cases.map((c) => c.id));
        throw new DomainError(ErrorKind.NotFound, 'application.not_found_id', { id: ids.find((id) => !found.has(id)) ?? 0 });
      }
      if (assignedToId !== null) {
        for (const regionId of new Set(cases.map((c) => c.regionId))) {
          requireCaseworkerOfRegion(await this.applications.isCaseworkerOf(manager, assignedToId, regionId));
        }
      }
      const changed = cases.filter((c) => c.assignedToId !== assignedToId);
      if (changed.length === 0) return { updated: 0 };
      await this.applications.assignMany(
        manager,
        changed.map((c) => c.id),
        assignedToId,
      );
      const assignments: { applicationId: number; timelineEventId: string }[] = [];
      for (const c of changed) {
        const line = await appendTimelineEvent(manager, {
          applicationId: c.id,
          actorId: ctx.actor.id,
          type: 'assignment',
          data: { assignedToId: { before: c.assignedToId, after: assignedToId } },
        });
        assignments.push({ applicationId: c.id, timelineEventId: line.id });
      }
      await this.notifier.caseAssigned(manager, ctx.actor.id, assignedToId, assignments);
      await this.audit.record(
        manager,
        ctx,
        ...changed.map((c) => ({
          action: 'application.assign',
          entityType: 'application',
          entityId: c.id,
          regionId: c.regionId,
          changes: { assignedToId: { before: c.assignedToId, after: assignedToId } },
        })),
      );
      return { updated: changed.length };
    });
  }

  /** Enabled caseworkers the caller may assign cases to: their own region's, or any for nationwide roles. */
  async assignees(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<AssigneeView>> {
    const page = await this.applications.assigneePage(query, regionScope(ctx.actor, 'applications', 'list'));
    const items = page.items.map((u) => ({
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      regionId: u.regionId,
    }));
    return new ListResult(page.resource, items, page.start, page.total);
  }
}
