import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { coded, DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
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
 * region see a candidate of another region in outline only.
 */
@Injectable()
export class PersonDuplicatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly audit: AuditService,
  ) {}

  async duplicates(ctx: AuthedContext, id: number): Promise<DuplicateCandidate[]> {
    const scope = regionScope(ctx.actor, 'persons', 'show');
    const person = await this.persons.findWithKeys(id);
    if (!person || !inScope(scope, person.regionId)) throw DomainError.notFound('person');
    const matches = await this.persons.duplicatesOf(person);
    const found = new Map((await this.persons.findByIds(matches.map((m) => m.id))).map((p) => [p.id, p]));
    return matches.flatMap(({ id: candidateId, score, reasons }) => {
      const candidate = found.get(candidateId);
      if (!candidate) return [];
      const shown = inScope(scope, candidate.regionId) ? personJson(candidate) : foreignPersonJson(candidate);
      return [{ person: shown, score, reasons }];
    });
  }

  /**
   * "Not the same person": the pair stops being offered as duplicates. The other
   * person may be of another region — the marker reveals nothing about them.
   */
  async markDistinct(ctx: AuthedContext, id: number, otherPersonId: number): Promise<DistinctMarker> {
    const scope = regionScope(ctx.actor, 'persons', 'edit');
    if (id === otherPersonId)
      throw DomainError.invalid({ otherPersonId: 'person.distinct_self' });
    return this.dataSource.transaction(async (manager) => {
      const person = await this.persons.findById(id, manager);
      if (!person || !inScope(scope, person.regionId)) throw DomainError.notFound('person');
      if (!(await this.persons.exists(otherPersonId, manager)))
        throw DomainError.invalid({ otherPersonId: coded('person.not_found_id', { person: otherPersonId }) });
      const inserted = await this.persons.markDistinct(manager, id, otherPersonId, ctx.actor.id);
      if (inserted) {
        await this.audit.record(manager, ctx, {
          action: 'person.mark_distinct',
          entityType: 'person',
          entityId: id,
          regionId: person.regionId,
          changes: { distinctFrom: { before: null, after: otherPersonId } },
        });
        return { personId: id, otherPersonId, ...inserted };
      }
      return { personId: id, otherPersonId, ...(await this.persons.distinctPair(id, otherPersonId, manager)) };
    });
  }
}
