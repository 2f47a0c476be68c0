import {
  type ApplicationEventType,
  type ApplicationStatus,
  type DocumentCondition,
  type DocumentScope,
  type DocumentStatus,
  type Relation,
  type TransitionName,
} from '@qonys/domain';

/**
 * The rest of what the API answers for cases and documents
 * (apps/api/src/modules/{applications,documents}); cases and quotas themselves are
 * libs/domain's api-views.ts, which the API builds.
 */

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
