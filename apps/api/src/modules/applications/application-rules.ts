import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
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
    if (!person) throw DomainError.invalid({ [field]: `person ${id} does not exist` });
    if (person.mergedIntoId !== null) {
      throw DomainError.invalid({
        [field]: `person ${id} was merged into person ${person.mergedIntoId}; use that record`,
      });
    }
  }
  return byId;
}

const caseLabel = (m: ActiveMembership) => (m.number ? `case ${m.number}` : `draft case #${m.applicationId}`);

/** 409 naming each person and the open case that holds them. */
export function refuseActiveMemberships(memberships: ActiveMembership[], field: string): void {
  if (memberships.length === 0) return;
  const message = memberships
    .map((m) => `${m.surname} ${m.givenName} (person ${m.personId}) is already in active ${caseLabel(m)}`)
    .join('; ');
  throw new DomainError(ErrorCode.Conflict, 'A person belongs to one active case at a time', { [field]: message });
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
    return new DomainError(ErrorCode.Conflict, 'A person belongs to one active case at a time', {
      [field]: 'a person of this family was just added to another active case; reload and check the family',
    });
  }
  return error;
}

/** The assignee of a case is an enabled caseworker of the case's region. */
export function requireCaseworkerOfRegion(isCaseworkerOfRegion: boolean): void {
  if (!isCaseworkerOfRegion)
    throw DomainError.invalid({ assignedToId: "must be an active caseworker of the case's region" });
}

/** 'Сейітов Нұрлан' for timeline entries; null when unknown. */
export const personName = (person: { surname: string; givenName: string } | undefined): string | null =>
  person ? `${person.surname} ${person.givenName}` : null;
