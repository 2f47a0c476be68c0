import type { ApplicationStatus, TransitionName, TransitionRequirement } from './application-workflow';
import type { Sex } from './iin';
import type { PlacementReason } from './placement-scoring';
import type { CodedMessage } from './messages';
import type { ReferralState } from './referral-workflow';
import type {
  AdaptationService,
  Channel,
  CorrespondenceLanguage,
  DeadlineStage,
  Housing,
  InclusionStatus,
  LedgerKind,
  LegalGroundKind,
  NotificationKind,
  NotificationResource,
  QuotaCategory,
  QuotaUnit,
  ReferralCancelReason,
  ReferralFailureReason,
  ReferralOutcome,
  ReferralRejectReason,
  Relation,
  SettlementStatus,
  TransferKind,
  TransferReason,
  TransferState,
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
  /** The language of messages to the family (docs/applicant-messages.md). */
  correspondenceLanguage: CorrespondenceLanguage;
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

/** A member the caller may not read (a person of another region): no name, birth date or IIN. */
export interface RestrictedMemberPerson {
  id: number;
  restricted: true;
}

export interface MemberView {
  personId: number;
  relation: Relation;
  active: boolean;
  person: MemberPerson | RestrictedMemberPerson;
}

export const isRestrictedPerson = (person: MemberPerson | RestrictedMemberPerson): person is RestrictedMemberPerson =>
  'restricted' in person;

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
  /** What a person typed. */
  reason: string | null;
  /** The system's reason as a catalogue code (messages.ts), rendered in the reader's language. */
  reasonCode: CodedMessage | null;
  reservationId: number | null;
  actorId: number | null;
  createdAt: Time;
}

/** The case a row of settlement work belongs to, named beside the row: its number and the applicant's name. */
export interface CaseNames {
  applicationNumber: string | null;
  applicantName: string | null;
  /** The person applicantName names (null with it): its read is audited. */
  applicantId: number | null;
}

/** An inclusion request as stored (the API's entity implements it). */
export interface InclusionRequestFields<Time = string> {
  id: number;
  applicationId: number;
  year: number;
  category: QuotaCategory;
  status: InclusionStatus;
  preferredRegionIds: number[];
  consent: boolean;
  relativesRegionIds: number[];
  adaptationServices: AdaptationService[];
  adaptationNotes: string | null;
  persons: number;
  regionId: number;
  /** The region of the case (whose staff may open it). */
  caseRegionId: number;
  deadlineDue: string | null;
  decidedAt: Time | null;
  refusalReason: string | null;
  version: number;
}
/** A row of GET /api/inclusion-requests. */
export type InclusionRequestRow<Time = string> = InclusionRequestFields<Time> & CaseNames;

/** A settlement as stored (the API's entity implements it). */
export interface SettlementFields {
  id: number;
  reservationId: number;
  applicationId: number;
  regionId: number;
  district: string | null;
  locality: string | null;
  housing: Housing | null;
  plannedArrival: string | null;
  actualArrival: string | null;
  status: SettlementStatus;
  year: number;
  persons: number;
  version: number;
}
/** A row of GET /api/settlements. */
export type SettlementRow = SettlementFields & CaseNames;

/** A family's line in a placement batch (the API's entity implements it). */
export interface PlacementProposalFields<Time = string> {
  id: number;
  batchId: number;
  inclusionRequestId: number;
  applicationId: number;
  persons: number;
  proposedRegionId: number | null;
  finalRegionId: number | null;
  score: number | null;
  reasons: PlacementReason[] | null;
  overrideRegionId: number | null;
  overrideReason: string | null;
  acceptedAt: Time | null;
  reservationId: number | null;
}
/** A row of GET /api/placement/batches/:id/proposals. */
export type PlacementProposalRow<Time = string> = PlacementProposalFields<Time> & CaseNames;

/** A request to move a family into another region's quota (the API's entity implements it). */
export interface TransferRequestFields<Time = string> {
  id: number;
  kind: TransferKind;
  applicationId: number;
  settlementId: number | null;
  placementProposalId: number | null;
  fromRegionId: number;
  toRegionId: number;
  reasonCode: TransferReason;
  reason: string;
  consentDate: string | null;
  consentDocument: string | null;
  state: TransferState;
  declineReason: string | null;
  requestedBy: number;
  decidedBy: number | null;
  decidedAt: Time | null;
  /** The family's settlement in the receiving region, once accepted (a settlement transfer). */
  resultSettlementId: number | null;
  version: number;
  createdAt: Time;
  updatedAt: Time;
}
/** A row of GET /api/transfer-requests. */
export type TransferRequestRow<Time = string> = TransferRequestFields<Time> & CaseNames;

/** A service's name in the three languages, as views carry it. */
export interface ServiceNames {
  kk: string;
  ru: string;
  en: string;
}

/**
 * A referral as the API answers it (docs/integration-services.md). Staff of the region
 * see the case and the member; a provider's staff see neither, and the family's
 * contact only when the family agreed to share it.
 */
export interface ReferralView<Time = string> {
  id: number;
  regionId: number;
  providerId: number;
  providerName: string;
  serviceTypeId: number;
  serviceName: ServiceNames;
  period: string;
  state: ReferralState;
  consentToShare: boolean;
  dueDate: string;
  requestedAt: Time;
  respondedAt: Time | null;
  waitlistedAt: Time | null;
  enrolledAt: Time | null;
  completedAt: Time | null;
  cancelledAt: Time | null;
  rejectReason: ReferralRejectReason | null;
  outcome: ReferralOutcome | null;
  failureReason: ReferralFailureReason | null;
  cancelReason: ReferralCancelReason | null;
  note: string | null;
  providerNotes: string | null;
  version: number;
  /** Place on the provider's waiting list for the month (1 = next), while waitlisted. */
  waitlistPosition: number | null;
  /** Staff only. */
  applicationId?: number;
  planItemId?: number;
  personId?: number | null;
  personName?: string | null;
  applicationNumber?: string | null;
  applicantName?: string | null;
  applicantId?: number | null;
  /** A provider's staff, with the family's consent: whom to reach and how. */
  contact?: { name: string; phone: string | null } | null;
}

/** An item of an adaptation plan, with its live (or latest) referral. */
export interface PlanItemView {
  id: number;
  serviceTypeId: number;
  serviceName: ServiceNames;
  personId: number | null;
  personName: string | null;
  note: string | null;
  createdAt: string;
  referral: Pick<ReferralView, 'id' | 'state' | 'providerId' | 'providerName' | 'period' | 'version'> | null;
}

export interface AdaptationPlanView extends CaseNames {
  id: number;
  applicationId: number;
  regionId: number;
  createdBy: number | null;
  createdAt: string;
  version: number;
  items: PlanItemView[];
}

/** A staff member's notification (GET /api/notifications): the link and the coded message, nothing more. */
export interface NotificationView<Time = string> {
  id: number;
  kind: NotificationKind;
  /** The record it links to, as the admin names it: `applications/123`. */
  resource: NotificationResource;
  recordId: number;
  message: CodedMessage;
  createdAt: Time;
  readAt: Time | null;
}

/** GET /api/notifications/counts: the caller's unread notifications, in all and by kind. */
export interface NotificationCounts {
  unread: number;
  byKind: Record<NotificationKind, number>;
}
