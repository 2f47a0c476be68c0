import type { ApplicationStatus, TransitionName, TransitionRequirement } from './application-workflow';
import type { Sex } from './iin';
import type {
  Channel,
  DeadlineStage,
  LedgerKind,
  LegalGroundKind,
  QuotaCategory,
  QuotaUnit,
  Relation,
} from './value-lists';

/**
 * What the API answers for cases and quotas, written once: the API builds these and the
 * admin reads them. `Time` is how a timestamp travels: a Date where the API builds the
 * answer, the ISO string JSON turns it into where the admin reads it.
 */

/** A row of GET /api/applications. */
export interface ApplicationRow<Time = string> {
  id: number;
  number: string | null;
  status: ApplicationStatus;
  channel: Channel;
  regionId: number;
  assignedToId: number | null;
  assignedToName: string | null;
  applicantId: number;
  applicantName: string | null;
  memberCount: number;
  deadlineStage: DeadlineStage | null;
  deadlineDue: string | null;
  /** Working days that were left when the clock was paused (information requested). */
  deadlinePausedRemaining: number | null;
  /** Working days to the deadline: 0 on the due day, negative when overdue; null without a running deadline. */
  daysLeft: number | null;
  overdue: boolean;
  submittedAt: Time | null;
  decidedAt: Time | null;
  legalGroundId: number | null;
  decisionComment: string | null;
  statusValidFrom: string | null;
  statusValidTo: string | null;
  extensionCount: number;
  version: number;
  createdBy: number | null;
  createdAt: Time;
  updatedAt: Time;
}

export interface MemberPerson {
  id: number;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string;
  sex: Sex;
  iin: string | null;
  /** 'kazakh', or another ethnicity the UI marks. */
  ethnicity: string;
}

export interface MemberView {
  personId: number;
  relation: Relation;
  active: boolean;
  person: MemberPerson;
}

/** A transition the caller may trigger now, with the inputs it needs. */
export interface TransitionView {
  name: TransitionName;
  to: ApplicationStatus;
  requires: readonly TransitionRequirement[];
  legalGroundKind: LegalGroundKind | null;
}

export interface CertificateView<Time = string> {
  number: string;
  issuedOn: string;
  validFrom: string;
  validTo: string;
  revokedAt: Time | null;
}

/** GET /api/applications/:id, and the answer of every write on a case. */
export interface ApplicationDetail<Time = string> extends ApplicationRow<Time> {
  members: MemberView[];
  availableTransitions: TransitionView[];
  certificate: CertificateView<Time> | null;
}

/** GET /api/applications/assignees: caseworkers a case may be assigned to. */
export interface AssigneeView {
  id: number;
  username: string;
  fullName: string;
  regionId: number | null;
}

/** A row of GET /api/quotas: the balance is always capacity − reserved − settled. */
export interface QuotaView {
  id: number;
  year: number;
  regionId: number;
  category: QuotaCategory;
  unit: QuotaUnit;
  capacity: number;
  reserved: number;
  settled: number;
  balance: number;
  legalAct: string;
  version: number;
}

/** A line of a quota's ledger (GET /api/quotas/:id/ledger), oldest first. */
export interface LedgerEntryView<Time = string> {
  id: number;
  entryDate: string;
  kind: LedgerKind;
  capacityDelta: number;
  reservedDelta: number;
  settledDelta: number;
  legalAct: string | null;
  reason: string | null;
  reservationId: number | null;
  actorId: number | null;
  createdAt: Time;
}
