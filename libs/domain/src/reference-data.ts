/** Kinds of holiday rule; see calendar.ts for how each counts. */
export const HOLIDAY_KINDS = ['fixed', 'dated', 'working_day'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** Units a statutory setting can be counted in; `times` is a count (e.g. extensions allowed). */
export const DEADLINE_UNITS = ['working_days', 'calendar_days', 'months', 'years', 'times'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Deadline keys the case procedure looks up. */
export const DEADLINE_KEYS = [
  'completeness_check',
  'commission_review',
  'status_decision',
  'status_validity',
  'status_extension',
  'status_extension_window',
  'status_extension_limit',
  'follow_up_first',
  'follow_up_second',
  'follow_up_third',
  // Off unless set: support returned on leaving the settlement region within these years (UNCONFIRMED).
  'residence_obligation',
] as const;
/** The three outcome follow-ups after arrival, in months (docs/integration-services.md). */
export const FOLLOW_UP_KEYS = ['follow_up_first', 'follow_up_second', 'follow_up_third'] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** Kinds of record a retention rule keeps for a time (docs/personal-data.md, Retention). */
export const RETENTION_RECORD_KINDS = ['closed_case_persons'] as const;
export type RetentionRecordKind = (typeof RETENTION_RECORD_KINDS)[number];

/** Why a person's personal data is erased; stored on the `person.erase` audit entry. */
export const ERASURE_REASONS = ['subject_request', 'retention_expired', 'court_order', 'registered_in_error'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];
