import { QueryFailedError } from 'typeorm';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ActiveMembership, PersonForCase } from './applications.repository';

/**
 * Who may be put in a case — visible to the caller, not merged away, in no other open
 * case — and who may be assigned to it.
 */

/** Persons of another region answer as missing, like every foreign row. */
export function checkPersons(
  requested: number[],
  found: PersonForCase[],
  personScope: number | null,
  field: string,
): Map<number, PersonForCase> {
  const byId = new Map(found.filter((p) => personScope === null || p.regionId === personScope).map((p) => [p.id, p]));
  for (const id of requested) {
    const person = byId.get(id);
    if (!person) throw DomainError.invalid({ [field]: coded('person.not_found_id', { person: id }) });
    if (person.mergedIntoId !== null) {
      throw DomainError.invalid({ [field]: coded('person.merged_use_target', { person: id, into: person.mergedIntoId }) });
    }
  }
  return byId;
}

/** A case by its number, a draft by its id. */
export const caseLabel = (m: { number: string | null; applicationId: number }): string => m.number ?? `#${m.applicationId}`;

/** 409 naming the first person held by another open case, and that case. */
export function refuseActiveMemberships(memberships: ActiveMembership[], field: string): void {
  if (memberships.length === 0) return;
  const [m] = memberships;
  const params = { name: `${m.surname} ${m.givenName}`, person: m.personId, case: caseLabel(m), count: memberships.length };
  throw new DomainError(ErrorKind.Conflict, 'application.one_active_case', params, {
    [field]: coded('application.person_in_active_case', params),
  });
}

/**
 * The database's own guard (the partial unique index "one active case per person")
 * caught a race the check above could not see: two cases taking the same person at once.
 */
export function translateMembershipRace(error: unknown, field: string): unknown {
  if (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string; constraint?: string } | undefined)?.constraint ===
      'application_member_one_active_case_uq'
  ) {
    return new DomainError(ErrorKind.Conflict, 'application.membership_race', {}, { [field]: 'application.membership_race' });
  }
  return error;
}

/** The assignee of a case is an enabled caseworker of the case's region. */
export function requireCaseworkerOfRegion(isCaseworkerOfRegion: boolean): void {
  if (!isCaseworkerOfRegion)
    throw DomainError.invalid({ assignedToId: 'application.assignee_not_caseworker' });
}

/** 'Сейітов Нұрлан' for timeline entries; null when unknown. */
export const personName = (person: { surname: string; givenName: string } | undefined): string | null =>
  person ? `${person.surname} ${person.givenName}` : null;
