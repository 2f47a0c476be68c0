import type { AdaptationService, ServiceAudience } from './value-lists';

/**
 * Whom a plan gives each service to (docs/integration-services.md): the family once,
 * or each member in the service's age band on the day the plan starts — a school place
 * for each child of 6 to 17, a kindergarten place for each child of 1 to 5, a course
 * for each adult.
 */
const AGE_BANDS: Record<Exclude<ServiceAudience, 'family'>, { from: number; to: number }> = {
  adult: { from: 18, to: 200 },
  school_child: { from: 6, to: 17 },
  preschool_child: { from: 1, to: 5 },
};

/** Full years between an ISO birth date and an ISO day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export interface PlanServiceType {
  id: number;
  audience: ServiceAudience;
  inclusionService: AdaptationService | null;
}

export interface PlanMember {
  personId: number;
  birthDate: string;
}

export interface StartingItem {
  serviceTypeId: number;
  /** null: for the whole family. */
  personId: number | null;
}

/** The items a plan starts with: the types of the services chosen at inclusion, per audience. */
export function startingPlanItems(
  chosen: readonly AdaptationService[],
  types: readonly PlanServiceType[],
  members: readonly PlanMember[],
  today: string,
): StartingItem[] {
  const items: StartingItem[] = [];
  for (const type of types) {
    if (type.inclusionService === null || !chosen.includes(type.inclusionService)) continue;
    if (type.audience === 'family') {
      items.push({ serviceTypeId: type.id, personId: null });
      continue;
    }
    const band = AGE_BANDS[type.audience];
    for (const member of members) {
      const age = ageOn(member.birthDate, today);
      if (age >= band.from && age <= band.to) items.push({ serviceTypeId: type.id, personId: member.personId });
    }
  }
  return items;
}
