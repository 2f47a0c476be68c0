import {
  type ApplicationEventType,
  type ApplicationStatus,
  type Channel,
  type DeadlineStage,
  type DocumentCondition,
  type DocumentScope,
  type DocumentStatus,
  type LegalGroundKind,
  type Relation,
  type Sex,
  type TransitionName,
  type TransitionRequirement,
} from '@qonys/domain';

/**
 * The shapes the API answers for cases, persons and documents
 * (apps/api/src/modules/{applications,persons,documents}); the screens read exactly these.
 */

/** A row of GET /api/applications. */
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
  deadlinePausedRemaining: number | null;
  /** Working days to the deadline: 0 on the due day, negative when overdue, null without a running clock. */
  daysLeft: number | null;
  overdue: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  legalGroundId: number | null;
  decisionComment: string | null;
  statusValidFrom: string | null;
  statusValidTo: string | null;
  extensionCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MemberPerson {
  id: number;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string;
  sex: Sex;
  iin: string | null;
  ethnicity: string;
}

export interface Member {
  personId: number;
  relation: Relation;
  active: boolean;
  person: MemberPerson;
}

/** A transition the signed-in user may trigger now, with the inputs it needs. */
export interface AvailableTransition {
  name: TransitionName;
  to: ApplicationStatus;
  requires: readonly TransitionRequirement[];
  legalGroundKind: LegalGroundKind | null;
}

export interface Certificate {
  number: string;
  issuedOn: string;
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
}

/** GET /api/applications/:id, and the answer of every write on a case. */
export interface Application extends ApplicationRow {
  members: Member[];
  availableTransitions: AvailableTransition[];
  certificate: Certificate | null;
}

export interface TimelineEvent {
  id: string;
  occurredAt: string;
  type: ApplicationEventType;
  transition: TransitionName | null;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  actorUsername: string | null;
  actorFullName: string | null;
}

/** GET /api/applications/assignees: caseworkers a case may be assigned to. */
export interface Assignee {
  id: number;
  username: string;
  fullName: string;
  regionId: number | null;
}

export interface TransitionRequest {
  to: ApplicationStatus;
  comment?: string;
  legalGroundId?: number;
  version: number;
}

export type ChecklistStatus = 'missing' | DocumentStatus;

/** An uploaded file of a case (never its storage key). */
export interface CaseDocument {
  id: number;
  applicationId: number;
  personId: number | null;
  documentTypeId: number;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  status: DocumentStatus;
  rejectionReason: string | null;
  reviewedAt: string | null;
  version: number;
  createdAt: string;
}

/** One line of GET /api/documents/checklist: a document type, for the case or for one member. */
export interface ChecklistItem {
  documentTypeId: number;
  key: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  scope: DocumentScope;
  condition: DocumentCondition;
  required: boolean;
  personId: number | null;
  member: {
    personId: number;
    relation: Relation;
    surname: string;
    givenName: string;
    patronymic: string | null;
  } | null;
  status: ChecklistStatus;
  documents: CaseDocument[];
}

export interface DocumentUpload {
  applicationId: number;
  documentTypeId: number;
  personId: number | null;
  file: File;
}

export interface DocumentReview {
  status: 'verified' | 'rejected';
  reason?: string;
  version: number;
}

/** The two papers of a decision, in Kazakh or Russian. */
export type PaperKind = 'certificate' | 'decision-letter';
export type PaperLanguage = 'kk' | 'ru';
