import {
  type ApplicationStatus,
  availableTransitions,
  type Channel,
  type DeadlineStage,
  type HolidayRule,
  isOverdue,
  type LegalGroundKind,
  type Relation,
  type Role,
  type TransitionName,
  type TransitionRequirement,
  workingDaysLeft,
} from '@qonys/domain';
import type { Person } from '../persons/entities/person.entity';
import type { User } from '../users/entities/user.entity';
import type { Application } from './entities/application.entity';

/** What the API answers for cases; the admin UI reads exactly these shapes. */

/** Today in Kazakhstan and the holiday rules, loaded once per request. */
export interface DeadlineClock {
  today: string;
  rules: readonly HolidayRule[];
}

/** A case as loaded with its applicant and assignee joined (one query per page). */
export type LoadedApplication = Application & {
  applicant?: Pick<Person, 'surname' | 'givenName'> | null;
  assignee?: Pick<User, 'fullName'> | null;
};

/** A row of GET /applications. */
export interface ApplicationRow {
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
  submittedAt: Date | null;
  decidedAt: Date | null;
  legalGroundId: number | null;
  decisionComment: string | null;
  statusValidFrom: string | null;
  statusValidTo: string | null;
  extensionCount: number;
  version: number;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MemberPerson {
  id: number;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'M' | 'F';
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

/** A transition the caller may trigger, with the inputs it needs. */
export interface TransitionView {
  name: TransitionName;
  to: ApplicationStatus;
  requires: readonly TransitionRequirement[];
  legalGroundKind: LegalGroundKind | null;
}

export interface CertificateView {
  number: string;
  issuedOn: string;
  validFrom: string;
  validTo: string;
  revokedAt: Date | null;
}

/** GET /applications/:id, and the answer of every write on a case. */
export interface ApplicationDetail extends ApplicationRow {
  members: MemberView[];
  availableTransitions: TransitionView[];
  certificate: CertificateView | null;
}

export function toRow(a: LoadedApplication, clock: DeadlineClock): ApplicationRow {
  return {
    id: a.id,
    number: a.number,
    status: a.status,
    channel: a.channel,
    regionId: a.regionId,
    assignedToId: a.assignedToId,
    assignedToName: a.assignee?.fullName ?? null,
    applicantId: a.applicantId,
    applicantName: a.applicant ? `${a.applicant.surname} ${a.applicant.givenName}` : null,
    memberCount: a.memberCount ?? 0,
    deadlineStage: a.deadlineStage,
    deadlineDue: a.deadlineDue,
    deadlinePausedRemaining: a.deadlinePausedRemaining,
    daysLeft: a.deadlineDue === null ? null : workingDaysLeft(clock.today, a.deadlineDue, clock.rules),
    overdue: isOverdue(clock.today, a.deadlineDue),
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    legalGroundId: a.legalGroundId,
    decisionComment: a.decisionComment,
    statusValidFrom: a.statusValidFrom,
    statusValidTo: a.statusValidTo,
    extensionCount: a.extensionCount,
    version: a.version,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** The state machine's transitions this role may trigger from the status, for the UI's buttons. */
export function transitionViews(status: ApplicationStatus, role: Role): TransitionView[] {
  return availableTransitions(status, role).map((t) => ({
    name: t.name,
    to: t.to,
    requires: t.requires,
    legalGroundKind: t.legalGroundKind ?? null,
  }));
}

export interface TimelineEventView {
  id: string;
  applicationId: number;
  occurredAt: Date;
  type: string;
  transition: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  actorId: number | null;
  actorUsername: string | null;
  actorFullName: string | null;
}

export interface AssigneeView {
  id: number;
  username: string;
  fullName: string;
  regionId: number | null;
}
