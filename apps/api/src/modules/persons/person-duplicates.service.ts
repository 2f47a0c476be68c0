import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { coded, DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { type ForeignPersonJson, foreignPersonJson, type PersonJson, personJson } from './person-json';
import { PersonsRepository } from './persons.repository';

export interface DuplicateCandidate {
  person: PersonJson | ForeignPersonJson;
  /** 0..1: 1 for the same IIN, 0.95 for the same document, the names' trigram similarity otherwise. */
  score: number;
  reasons: string[];
}

export interface DistinctMarker {
  personId: number;
  otherPersonId: number;
  decidedBy: number;
  decidedAt: Date;
}

/**
 * The same person registered twice, perhaps in another region: found by IIN, by
 * identity document, or by name in any script with the same birth date. Staff of a
 * region see of a candidate of another region only that they exist; every candidate
 * shown is on the read's audit entry.
 */
@Injectable()
export class PersonDuplicatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async duplicates(ctx: AuthedContext, id: number): Promise<DuplicateCandidate[]> {
    const scope = regionScope(ctx.actor, 'persons', 'show');
    const person = await this.persons.findWithKeys(id);
    if (!person || !inScope(scope, person.regionId)) throw DomainError.notFound('person');
    const matches = await this.persons.duplicatesOf(person);
    const found = new Map((await this.persons.findByIds(matches.map((m) => m.id))).map((p) => [p.id, p]));
    const candidates = matches.flatMap(({ id: candidateId, score, reasons }) => {
      const candidate = found.get(candidateId);
      if (!candidate) return [];
      const shown = inScope(scope, candidate.regionId) ? personJson(candidate) : foreignPersonJson(candidate);
      return [{ person: shown, score, reasons }];
    });
    await this.reads.record(ctx, {
      action: 'person.duplicates_view',
      entityType: 'person',
      entityId: id,
      regionId: person.regionId,
      personIds: [id, ...candidates.map((c) => c.person.id)],
    });
    return candidates;
  }

  /**
   * "Not the same person": the pair stops being offered as duplicates. The other
   * person may be of another region — the marker reveals nothing about them, and
   * naming them is on their record: the marking's entry names both, a repeated
   * marking of someone the caller may not read is a probe.
   */
  async markDistinct(ctx: AuthedContext, id: number, otherPersonId: number): Promise<DistinctMarker> {
    const scope = regionScope(ctx.actor, 'persons', 'edit');
    if (id === otherPersonId)
      throw DomainError.invalid({ otherPersonId: 'person.distinct_self' });
    const { marker, unreadable } = await this.dataSource.transaction(async (manager) => {
      const person = await this.persons.findById(id, manager);
      if (!person || !inScope(scope, person.regionId)) throw DomainError.notFound('person');
      const other = await this.persons.findById(otherPersonId, manager);
      if (!other) throw DomainError.invalid({ otherPersonId: coded('person.not_found_id', { person: otherPersonId }) });
      const foreign = inScope(regionScope(ctx.actor, 'persons', 'show'), other.regionId) ? null : other;
      const inserted = await this.persons.markDistinct(manager, id, otherPersonId, ctx.actor.id);
      if (inserted) {
        await this.audit.record(manager, ctx, {
          action: 'person.mark_distinct',
          entityType: 'person',
          entityId: id,
          regionId: person.regionId,
          changes: {
            distinctFrom: { before: null, after: otherPersonId },
            personIds: { before: null, after: [id, otherPersonId].sort((a, b) => a - b) },
          },
        });
        return { marker: { personId: id, otherPersonId, ...inserted }, unreadable: null };
      }
      const pair = await this.persons.distinctPair(id, otherPersonId, manager);
      return { marker: { personId: id, otherPersonId, ...pair }, unreadable: foreign };
    });
    if (unreadable) await this.reads.probe(ctx, unreadable, 'distinct');
    return marker;
  }
}
