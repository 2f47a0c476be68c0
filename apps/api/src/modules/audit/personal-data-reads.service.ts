import { Injectable } from '@nestjs/common';
import type { AuditAction, CaseNames, EntityType } from '@qonys/domain';
import type { RequestContext } from '../../common/auth/actor';
import type { FieldChanges } from './entities/audit-event.entity';
import { AuditService } from './audit.service';

/** A request that showed persons' personal data: what was read and whose. */
export interface PersonalDataRead {
  action: AuditAction;
  entityType?: EntityType;
  entityId?: number;
  regionId?: number | null;
  /** Every person whose data the answer holds. */
  personIds: Iterable<number>;
  changes?: FieldChanges;
}

/**
 * The one way reads of personal data reach the audit log (docs/personal-data.md, Reads):
 * one entry per request however many persons it shows, their ids in
 * `changes.personIds.after` so the chain covers them, and the person_access index
 * filled from it by the database in the same statement.
 */
@Injectable()
export class PersonalDataReads {
  constructor(private readonly audit: AuditService) {}

  /** Records the read in a short transaction of its own; an answer that showed no one leaves no entry. */
  async record(context: RequestContext, read: PersonalDataRead): Promise<void> {
    const personIds = [...new Set(read.personIds)].sort((a, b) => a - b);
    if (personIds.length === 0) return;
    await this.audit.recordAlone(context, {
      action: read.action,
      entityType: read.entityType,
      entityId: read.entityId,
      regionId: read.regionId,
      changes: { ...read.changes, personIds: { before: null, after: personIds } },
    });
  }

  /** Work items (settlements, inclusion requests, proposals, transfers) that name their case's applicant. */
  workList(context: RequestContext, entityType: EntityType, rows: readonly CaseNames[]): Promise<void> {
    return this.record(context, {
      action: 'work_list.view',
      entityType,
      personIds: rows.flatMap((row) => (row.applicantId === null ? [] : [row.applicantId])),
    });
  }

  /**
   * A caller named a person they may not read (an IIN taken in another region, another
   * region's person in a merge or a distinct marking): they learn nothing of them, and
   * the attempt is on that person's record.
   */
  probe(context: RequestContext, person: { id: number; regionId: number }, via: PersonProbe): Promise<void> {
    return this.record(context, {
      action: 'person.probe',
      entityType: 'person',
      entityId: person.id,
      regionId: person.regionId,
      personIds: [person.id],
      changes: { via: { before: null, after: via } },
    });
  }
}

/** How a caller came to name a person they may not read. */
export type PersonProbe = 'iin' | 'distinct' | 'merge';
