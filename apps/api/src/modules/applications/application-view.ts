import {
  type ApplicationRow,
  type ApplicationStatus,
  availableTransitions,
  type HolidayRule,
  isOverdue,
  type MemberView,
  type Role,
  type TransitionView,
  workingDaysLeft,
} from '@qonys/domain';
import type { Person } from '../persons/entities/person.entity';
import type { User } from '../users/entities/user.entity';
import type { Application } from './entities/application.entity';
import type { MemberRecord } from './applications.repository';

/** How the API builds its answers for cases (the shapes are libs/domain's api-views.ts). */

/** Today in Kazakhstan and the holiday rules, loaded once per request. */
export interface DeadlineClock {
  today: string;
  rules: readonly HolidayRule[];
}

/** A case as loaded with its applicant and assignee joined (one query per page). */
export type LoadedApplication = Application & {
  applicant?: Pick<Person, 'surname' | 'givenName' | 'regionId'> | null;
  assignee?: Pick<User, 'fullName'> | null;
};

/**
 * Whether the caller may read the case's applicant: a case of their region can hold a
 * person of another (an admin moved or merged them), whose name it then leaves out.
 */
export const applicantReadable = (a: LoadedApplication, personScope: number | null): boolean =>
  !!a.applicant && (personScope === null || a.applicant.regionId === personScope);

/** `personScope`: the region whose persons the caller may read (null: every region). */
export function toRow(a: LoadedApplication, clock: DeadlineClock, personScope: number | null): ApplicationRow<Date> {
  return {
    id: a.id,
    number: a.number,
    status: a.status,
    channel: a.channel,
    correspondenceLanguage: a.correspondenceLanguage,
    regionId: a.regionId,
    assignedToId: a.assignedToId,
    assignedToName: a.assignee?.fullName ?? null,
    applicantId: a.applicantId,
    applicantName: a.applicant && applicantReadable(a, personScope) ? `${a.applicant.surname} ${a.applicant.givenName}` : null,
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

/** The family as the caller may see it: members of a region they may not read show only as restricted. */
export const memberViews = (members: MemberRecord[], personScope: number | null): MemberView[] =>
  members.map(({ regionId, ...member }) =>
    personScope === null || regionId === personScope
      ? member
      : { ...member, person: { id: member.personId, restricted: true } },
  );

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
