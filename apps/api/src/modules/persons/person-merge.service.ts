import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { caseLabel } from '../applications/application-rules';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { Person } from './entities/person.entity';
import { AUDITED_FIELDS, type PersonJson, personJson } from './person-json';
import { type Membership, PersonsRepository } from './persons.repository';


/**
 * Merging the same person registered twice: the record merged away stays (marked
 * merged into the other, its history intact); its cases, applicant roles and member
 * documents move to the person kept. A person is in one active case at a time, so a
 * merge that would give the kept person two is refused.
 */
@Injectable()
export class PersonMergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  /** A person of another region answers as missing (404 either way); naming one is audited as a probe. */
  async merge(ctx: AuthedContext, sourceId: number, intoPersonId: number, version: number): Promise<PersonJson> {
    const scope = regionScope(ctx.actor, 'persons', 'edit');
    if (sourceId === intoPersonId)
      throw DomainError.invalid({ intoPersonId: 'person.merge_self' });
    const foreign = (await this.persons.findByIds([sourceId, intoPersonId])).filter((p) => !inScope(scope, p.regionId));
    for (const person of foreign) await this.reads.probe(ctx, person, 'merge');
    if (foreign.length > 0) throw DomainError.notFound('person');
    return this.dataSource.transaction(async (manager) => {
      const locked = new Map((await this.persons.lockByIds(manager, [sourceId, intoPersonId])).map((p) => [p.id, p]));
      const source = locked.get(sourceId);
      const target = locked.get(intoPersonId);
      // Checked again under the lock: an admin may have moved a person meanwhile.
      if (!source || !inScope(scope, source.regionId)) throw DomainError.notFound('person');
      if (!target || !inScope(scope, target.regionId)) throw DomainError.notFound('person');
      if (source.mergedIntoId !== null) {
        throw new DomainError(ErrorKind.Conflict, 'person.already_merged', { into: source.mergedIntoId });
      }
      if (target.mergedIntoId !== null) {
        throw new DomainError(ErrorKind.Conflict, 'person.target_merged', { person: target.id, into: target.mergedIntoId });
      }
      if (source.version !== version) throw DomainError.stale('person');

      const sourceCases = await this.persons.memberships(manager, source.id);
      const targetCases = await this.persons.memberships(manager, target.id);
      this.refuseCaseConflicts(sourceCases, targetCases);

      const after = await updateVersioned(manager, Person, 'person', source.id, version, { mergedIntoId: target.id });
      const moved = await this.persons.moveCaseLinks(manager, source.id, target.id);
      for (const applicationId of moved.applicationIds) {
        await appendTimelineEvent(manager, {
          applicationId,
          actorId: ctx.actor.id,
          type: 'member',
          data: { mergedPersonId: source.id, intoPersonId: target.id },
        });
      }
      const movedCases = { before: sourceCases.map((m) => m.applicationId), after: [] };
      await this.audit.record(
        manager,
        ctx,
        {
          action: 'person.merge',
          entityType: 'person',
          entityId: source.id,
          regionId: source.regionId,
          changes: { ...diff(personJson(source), personJson(after), AUDITED_FIELDS), applicationIds: movedCases },
        },
        {
          action: 'person.merge_into',
          entityType: 'person',
          entityId: target.id,
          regionId: target.regionId,
          changes: {
            mergedFrom: { before: null, after: source.id },
            applicationIds: {
              before: targetCases.map((m) => m.applicationId),
              after: [...targetCases.map((m) => m.applicationId), ...movedCases.before].sort((a, b) => a - b),
            },
            documentsMoved: { before: null, after: moved.documents },
          },
        },
      );
      return personJson(after);
    });
  }

  /** Refuses a merge that would put the kept person twice in one case, or in two active cases. */
  private refuseCaseConflicts(sourceCases: Membership[], targetCases: Membership[]): void {
    const shared = sourceCases.find((s) => targetCases.some((t) => t.applicationId === s.applicationId));
    if (shared) {
      throw new DomainError(ErrorKind.Conflict, 'person.merge_shared_case', { case: caseLabel(shared) });
    }
    const sourceActive = sourceCases.find((m) => m.active);
    const targetActive = targetCases.find((m) => m.active);
    if (sourceActive && targetActive) {
      throw new DomainError(ErrorKind.Conflict, 'person.merge_two_active_cases', {
        first: caseLabel(targetActive),
        second: caseLabel(sourceActive),
      });
    }
  }
}
