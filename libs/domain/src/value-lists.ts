import type { Role } from './roles';
import type { Sex } from './iin';

/**
 * The value lists the database's CHECK constraints allow, written once for the API's
 * entities and DTOs and the admin's choices (test/api/value-lists.e2e-spec.ts holds
 * the migrations to exactly these). Add a value here and in a new migration together.
 */

// Cases (application, application_member, application_event)
export const CHANNELS = ['egov', 'public_service_centre', 'mission_abroad', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RELATIONS = ['applicant', 'spouse', 'child', 'parent', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export const DEADLINE_STAGES = ['completeness_check', 'commission_review', 'status_decision'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

export const APPLICATION_EVENT_TYPES = [
  'created',
  'updated',
  'transition',
  'note',
  'document',
  'assignment',
  'member',
] as const;
export type ApplicationEventType = (typeof APPLICATION_EVENT_TYPES)[number];

/** The caseworker queues of GET /api/applications?filter={"queue":…}. */
/** `status_expiring`: approved cases whose status ends within the extension window (docs/status-clocks.md). */
/** `follow_up_due`: families with an outcome follow-up due today or earlier, still open. */
export const QUEUES = ['mine', 'unassigned', 'due_soon', 'overdue', 'status_expiring', 'follow_up_due'] as const;
export type Queue = (typeof QUEUES)[number];

/** A running deadline this many working days away or fewer is "due soon" (the queue, the amber mark). */
export const DUE_SOON_WORKING_DAYS = 2;

// Persons
export const SEXES = ['M', 'F'] as const satisfies readonly Sex[];
export const ID_DOCUMENT_TYPES = ['passport', 'id_card', 'birth_certificate', 'stateless_document', 'other'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];
export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'general_secondary',
  'secondary_specialised',
  'higher',
  'postgraduate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

// Documents and their types
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];
export const DOCUMENT_STATUSES = ['uploaded', 'verified', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_SCOPES = ['application', 'member'] as const;
export type DocumentScope = (typeof DOCUMENT_SCOPES)[number];
export const DOCUMENT_CONDITIONS = ['always', 'without_commission', 'mission_abroad'] as const;
export type DocumentCondition = (typeof DOCUMENT_CONDITIONS)[number];

/** Which editable list of legal grounds a transition's ground comes from. */
export const LEGAL_GROUND_KINDS = ['refuse_acceptance', 'reject', 'revoke'] as const;
export type LegalGroundKind = (typeof LEGAL_GROUND_KINDS)[number];

// Quotas and reservations
export const QUOTA_CATEGORIES = ['kandas', 'resettler'] as const;
export type QuotaCategory = (typeof QUOTA_CATEGORIES)[number];
export const QUOTA_UNITS = ['persons', 'families'] as const;
export type QuotaUnit = (typeof QUOTA_UNITS)[number];
export const LEDGER_KINDS = ['capacity_set', 'capacity_change', 'reserve', 'release', 'settle'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const RESERVATION_STATUSES = ['reserved', 'settled', 'released'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

// Inclusion in a quota
export const INCLUSION_STATUSES = ['submitted', 'included', 'refused', 'withdrawn'] as const;
export type InclusionStatus = (typeof INCLUSION_STATUSES)[number];

/** The individual adaptation plan's services (career centres, adaptation centres). */
export const ADAPTATION_SERVICES = [
  'information',
  'legal',
  'social',
  'medical',
  'educational',
  'language_course',
  'vocational_training',
  'job_placement',
  'business_support',
] as const;
export type AdaptationService = (typeof ADAPTATION_SERVICES)[number];

// Settlement and placement
export const SETTLEMENT_STATUSES = ['planned', 'arrived', 'cancelled', 'departed'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];
export const HOUSING = ['own', 'rented', 'adaptation_centre', 'relatives'] as const;
export type Housing = (typeof HOUSING)[number];
export const BATCH_STATUSES = ['running', 'proposed', 'accepted', 'failed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

// Transfers between regions (docs/transfers.md)
/** What is to move: a planned settlement, or a family's line in a placement batch. */
export const TRANSFER_KINDS = ['settlement', 'proposal'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
/** `requested` until the receiving region decides, the requester withdraws, or the family's place changes (`expired`). */
export const TRANSFER_STATES = ['requested', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
export const TRANSFER_REASONS = [
  'relatives',
  'housing',
  'employment',
  'health',
  'family_request',
  'quota_balance',
  'other',
] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];
// Integration services after arrival (docs/integration-services.md)
/** The law's groups of adaptation and integration services (Law on Population Migration art. 1). */
export const SERVICE_GROUPS = ['information', 'legal', 'social', 'medical', 'educational'] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];
/** Whom a service is for when a plan is started: the family once, or each member of an age band. */
export const SERVICE_AUDIENCES = ['family', 'adult', 'school_child', 'preschool_child'] as const;
export type ServiceAudience = (typeof SERVICE_AUDIENCES)[number];
export const PROVIDER_KINDS = [
  'adaptation_centre',
  'temporary_accommodation_centre',
  'career_centre',
  'language_school',
  'college',
  'school',
  'kindergarten',
  'clinic',
  'employer',
  'ngo',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
/** Why a provider turns a referral down. */
export const REFERRAL_REJECT_REASONS = [
  'not_eligible',
  'service_not_offered',
  'family_unreachable',
  'duplicate',
  'other',
] as const;
export type ReferralRejectReason = (typeof REFERRAL_REJECT_REASONS)[number];
export const REFERRAL_OUTCOMES = ['successful', 'not_successful'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
/** Why a service ended without success. */
export const REFERRAL_FAILURE_REASONS = [
  'did_not_attend',
  'dropped_out',
  'failed_assessment',
  'moved_away',
  'health',
  'other',
] as const;
export type ReferralFailureReason = (typeof REFERRAL_FAILURE_REASONS)[number];
/** Why the referring side withdraws a referral. */
export const REFERRAL_CANCEL_REASONS = ['family_declined', 'moved_away', 'no_longer_needed', 'other'] as const;
export type ReferralCancelReason = (typeof REFERRAL_CANCEL_REASONS)[number];

// Support payments (docs/support-payments.md, Payments; the machine in support-payments.ts)
export const PAYMENT_STATES = ['draft', 'approved', 'sent', 'paid', 'failed', 'reconciled', 'cancelled'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
/** A recovery of support after a family left its settlement region under the residence obligation. */
export const SUPPORT_RECOVERY_STATES = ['open', 'recovered', 'waived'] as const;
export type SupportRecoveryState = (typeof SUPPORT_RECOVERY_STATES)[number];
export const SUPPORT_RECOVERY_OUTCOMES = ['recovered', 'waived'] as const;
export type SupportRecoveryOutcome = (typeof SUPPORT_RECOVERY_OUTCOMES)[number];
/** Why a payment not yet sent was cancelled; `status_ended`: the family's status ended first (citizenship). */
export const PAYMENT_CANCEL_REASONS = ['prepared_in_error', 'not_eligible', 'status_ended'] as const;
export type PaymentCancelReason = (typeof PAYMENT_CANCEL_REASONS)[number];
/** A region's batch of a month: `open`, `sent` once its bank register is taken, `closed` when reconciled. */
export const PAYMENT_BATCH_STATES = ['open', 'sent', 'closed'] as const;
export type PaymentBatchState = (typeof PAYMENT_BATCH_STATES)[number];
/** The steps after kandas status (docs/legal-status.md): permanent residence, then citizenship. */
export const LEGAL_STEP_KINDS = ['permanent_residence', 'citizenship'] as const;
export type LegalStepKind = (typeof LEGAL_STEP_KINDS)[number];
export const LEGAL_STEP_STATES = ['applied', 'granted', 'refused'] as const;
export type LegalStepState = (typeof LEGAL_STEP_STATES)[number];
/** Outcome follow-ups after arrival (docs/integration-services.md, Follow-ups). */
export const FOLLOW_UP_STATES = ['open', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];
export const EMPLOYMENT_STATUSES = ['employed', 'self_employed', 'in_training', 'seeking_work', 'not_seeking'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
/** How the work was found. */
export const EMPLOYMENT_ROUTES = [
  'career_centre',
  'employer_subsidy',
  'own_search',
  'relatives',
  'business_support',
  'other',
] as const;
export type EmploymentRoute = (typeof EMPLOYMENT_ROUTES)[number];
/** Kazakh language on the CEFR scale (KAZTEST reports by it). */
export const LANGUAGE_LEVELS = ['none', 'a1', 'a2', 'b1', 'b2', 'c1'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
/** The family's children of school age: all at school, some, none, or the family has none. */
export const SCHOOLING_STATES = ['all', 'some', 'none', 'no_school_age'] as const;
export type SchoolingState = (typeof SCHOOLING_STATES)[number];

/**
 * Staff notifications (docs/notifications.md): what happened, and the kind of record it
 * links to (the admin's resource name). A notification names a record and a case number,
 * never more: the record's page says the rest to whoever may still read it.
 */
export const NOTIFICATION_KINDS = ['assigned', 'due_soon', 'overdue', 'referral_answered', 'payment_needs_approval'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_RESOURCES = ['applications', 'referrals', 'support-payments'] as const;
export type NotificationResource = (typeof NOTIFICATION_RESOURCES)[number];
/**
 * The roles some notification is addressed to: caseworkers (assignees, a region's
 * caseworkers) and whoever may approve a payment. The others may call the API and find
 * nothing, so the admin shows them no bell.
 */
export const NOTIFIED_ROLES = ['caseworker', 'regional_official', 'admin'] as const satisfies readonly Role[];
// Messages to applicants (docs/applicant-messages.md)
/** The language the family chose for letters and messages from Qonys (application.correspondence_language). */
export const CORRESPONDENCE_LANGUAGES = ['kk', 'ru'] as const;
export type CorrespondenceLanguage = (typeof CORRESPONDENCE_LANGUAGES)[number];
/** The events a family is told about. */
export const APPLICANT_MESSAGE_KINDS = [
  'status_granted',
  'information_requested',
  'referral_accepted',
  'payment_sent',
  'status_expiring',
] as const;
export type ApplicantMessageKind = (typeof APPLICANT_MESSAGE_KINDS)[number];
export const APPLICANT_MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type ApplicantMessageChannel = (typeof APPLICANT_MESSAGE_CHANNELS)[number];
/** queued until sent; failed after the last retry or a permanent refusal; cancelled when the recipient was erased. */
export const APPLICANT_MESSAGE_STATES = ['queued', 'sent', 'failed', 'cancelled'] as const;
export type ApplicantMessageState = (typeof APPLICANT_MESSAGE_STATES)[number];

/** A job run's life: queued on the job queue, running on a worker, then completed or failed (docs/jobs.md). */
export const JOB_RUN_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];
