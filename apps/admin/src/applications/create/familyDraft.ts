import { type Channel, type Relation } from '@qonys/domain';
import type { Person } from '../../providers/personTypes';

/** A family member chosen in the stepper, before the case exists. */
export interface DraftMember {
  person: Person;
  relation: Exclude<Relation, 'applicant'>;
}

/** Step 3: how the application was filed, who works on it, and (nationwide roles only) the region. */
export interface CaseDetails {
  channel: Channel | '';
  /** undefined: not chosen yet (a caseworker gets the case themselves). */
  assignedToId: number | null | undefined;
  regionId: number | null;
}

export const STEPS = ['applicant', 'family', 'details', 'review'] as const;
export type StepName = (typeof STEPS)[number];
