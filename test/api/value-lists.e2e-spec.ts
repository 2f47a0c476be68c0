import {
  ADAPTATION_SERVICES,
  APPLICANT_MESSAGE_CHANNELS,
  APPLICANT_MESSAGE_KINDS,
  APPLICANT_MESSAGE_STATES,
  CORRESPONDENCE_LANGUAGES,
  BENEFIT_FORMULAS,
  BENEFIT_KINDS,
  APPLICATION_EVENT_TYPES,
  APPLICATION_STATUSES,
  BATCH_STATUSES,
  CHANNELS,
  DEADLINE_STAGES,
  DECISION_FIGURE_OUTCOMES,
  DEADLINE_UNITS,
  DOCUMENT_CONDITIONS,
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_SCOPES,
  DOCUMENT_STATUSES,
  EDUCATION_LEVELS,
  EMPLOYMENT_ROUTES,
  EMPLOYMENT_STATUSES,
  FOLLOW_UP_STATES,
  FORECAST_MODELS,
  FORECAST_POINT_KINDS,
  HOLIDAY_KINDS,
  HOUSING,
  ID_DOCUMENT_TYPES,
  IMPORT_FILE_FORMATS,
  IMPORT_KINDS,
  IMPORT_MODES,
  IMPORT_STATES,
  INCLUSION_STATUSES,
  JOB_RUN_STATES,
  LANGUAGE_LEVELS,
  LEDGER_KINDS,
  LEGAL_GROUND_KINDS,
  LEGAL_STEP_KINDS,
  LEGAL_STEP_STATES,
  NOTIFICATION_KINDS,
  NOTIFICATION_RESOURCES,
  PAYMENT_BATCH_STATES,
  PAYMENT_CANCEL_REASONS,
  PAYMENT_STATES,
  PLACEMENT_WEIGHT_KEYS,
  PROVIDER_KINDS,
  QUOTA_CATEGORIES,
  QUOTA_UNITS,
  REFERRAL_CANCEL_REASONS,
  REFERRAL_FAILURE_REASONS,
  REFERRAL_FIGURE_OUTCOMES,
  REFERRAL_OUTCOMES,
  REFERRAL_REJECT_REASONS,
  REFERRAL_STATES,
  RELATIONS,
  RESERVATION_STATUSES,
  ROLES,
  SCHOOLING_STATES,
  SERVICE_AUDIENCES,
  SERVICE_GROUPS,
  SETTLEMENT_STATUSES,
  STATISTICS_FILE_FORMATS,
  SUPPORT_RECOVERY_STATES,
  SEXES,
  TRANSFER_KINDS,
  TRANSFER_REASONS,
  TRANSFER_STATES,
} from '@qonys/domain';
import { withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';

/** [table, column, the libs/domain list its CHECK must allow]. */
const LISTS: [string, string, readonly string[]][] = [
  ['application', 'channel', CHANNELS],
  ['benefit_rule', 'kind', BENEFIT_KINDS],
  ['benefit_rule', 'formula', BENEFIT_FORMULAS],
  ['application', 'status', APPLICATION_STATUSES],
  ['application', 'deadline_stage', DEADLINE_STAGES],
  ['application_member', 'relation', RELATIONS],
  ['application_event', 'type', APPLICATION_EVENT_TYPES],
  ['person', 'sex', SEXES],
  ['person', 'id_document_type', ID_DOCUMENT_TYPES],
  ['person', 'education_level', EDUCATION_LEVELS],
  ['document', 'content_type', DOCUMENT_CONTENT_TYPES],
  ['document', 'status', DOCUMENT_STATUSES],
  ['document_type', 'scope', DOCUMENT_SCOPES],
  ['document_type', 'condition', DOCUMENT_CONDITIONS],
  ['legal_ground', 'kind', LEGAL_GROUND_KINDS],
  ['holiday', 'kind', HOLIDAY_KINDS],
  ['deadline_setting', 'unit', DEADLINE_UNITS],
  ['app_user', 'role', ROLES],
  ['mfa_policy', 'role', ROLES],
  ['quota', 'category', QUOTA_CATEGORIES],
  ['quota', 'unit', QUOTA_UNITS],
  ['quota_ledger_entry', 'kind', LEDGER_KINDS],
  ['reservation', 'status', RESERVATION_STATUSES],
  ['inclusion_request', 'category', QUOTA_CATEGORIES],
  ['inclusion_request', 'status', INCLUSION_STATUSES],
  ['inclusion_request', 'adaptation_services', ADAPTATION_SERVICES],
  ['settlement', 'housing', HOUSING],
  ['settlement', 'status', SETTLEMENT_STATUSES],
  ['placement_weight', 'key', PLACEMENT_WEIGHT_KEYS],
  ['placement_batch', 'category', QUOTA_CATEGORIES],
  ['transfer_request', 'kind', TRANSFER_KINDS],
  ['transfer_request', 'reason_code', TRANSFER_REASONS],
  ['transfer_request', 'state', TRANSFER_STATES],
  ['placement_batch', 'status', BATCH_STATUSES],
  ['job_run', 'state', JOB_RUN_STATES],
  ['import_run', 'kind', IMPORT_KINDS],
  ['import_run', 'format', IMPORT_FILE_FORMATS],
  ['import_run', 'mode', IMPORT_MODES],
  ['import_run', 'state', IMPORT_STATES],
  ['service_type', 'service_group', SERVICE_GROUPS],
  ['service_type', 'audience', SERVICE_AUDIENCES],
  ['service_type', 'inclusion_service', ADAPTATION_SERVICES],
  ['service_provider', 'kind', PROVIDER_KINDS],
  ['referral', 'state', REFERRAL_STATES],
  ['referral', 'reject_reason', REFERRAL_REJECT_REASONS],
  ['referral', 'outcome', REFERRAL_OUTCOMES],
  ['referral', 'failure_reason', REFERRAL_FAILURE_REASONS],
  ['referral', 'cancel_reason', REFERRAL_CANCEL_REASONS],
  ['outcome_follow_up', 'state', FOLLOW_UP_STATES],
  ['outcome_follow_up', 'employment', EMPLOYMENT_STATUSES],
  ['outcome_follow_up', 'employment_route', EMPLOYMENT_ROUTES],
  ['outcome_follow_up', 'language_level', LANGUAGE_LEVELS],
  ['outcome_follow_up', 'schooling', SCHOOLING_STATES],
  ['outcome_follow_up', 'housing', HOUSING],
  ['staff_notification', 'kind', NOTIFICATION_KINDS],
  ['staff_notification', 'resource', NOTIFICATION_RESOURCES],
  ['payment_batch', 'state', PAYMENT_BATCH_STATES],
  ['support_payment', 'kind', BENEFIT_KINDS],
  ['support_payment', 'state', PAYMENT_STATES],
  ['support_payment', 'cancel_reason', PAYMENT_CANCEL_REASONS],
  ['legal_status_step', 'kind', LEGAL_STEP_KINDS],
  ['support_recovery', 'state', SUPPORT_RECOVERY_STATES],
  ['legal_status_step', 'state', LEGAL_STEP_STATES],
  ['application', 'correspondence_language', CORRESPONDENCE_LANGUAGES],
  ['applicant_message', 'kind', APPLICANT_MESSAGE_KINDS],
  ['applicant_message', 'channel', APPLICANT_MESSAGE_CHANNELS],
  ['applicant_message', 'language', CORRESPONDENCE_LANGUAGES],
  ['applicant_message', 'state', APPLICANT_MESSAGE_STATES],
  ['monitoring_decision', 'outcome', DECISION_FIGURE_OUTCOMES],
  ['monitoring_person', 'sex', SEXES],
  ['monitoring_referral', 'outcome', REFERRAL_FIGURE_OUTCOMES],
  ['forecast_series', 'model', FORECAST_MODELS],
  ['forecast_point', 'kind', FORECAST_POINT_KINDS],
  ['statistics_release_file', 'format', STATISTICS_FILE_FORMATS],
];

describe('value lists: the migrated database and libs/domain agree', () => {
  let api: RunningApi;
  /** "table.column" → the values its one-column CHECK constraints list, as PostgreSQL holds them. */
  let allowed: Map<string, string[]>;

  beforeAll(async () => {
    api = await startApi();
    const rows = await withDb(api.databaseUrl, (db) =>
      db
        .query<{ tbl: string; col: string; def: string }>(
          `SELECT c.conrelid::regclass::text AS tbl, a.attname AS col, pg_get_constraintdef(c.oid) AS def
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            -- Ours only: pg-boss keeps its own tables (and CHECKs) in schema pgboss.
            WHERE c.connamespace = 'public'::regnamespace
              AND c.contype = 'c' AND array_length(c.conkey, 1) = 1 AND pg_get_constraintdef(c.oid) LIKE '%ARRAY[%'`,
        )
        .then((result) => result.rows),
    );
    allowed = new Map();
    for (const { tbl, col, def } of rows) {
      const values = [...def.matchAll(/'([^']*)'::/g)].map((match) => match[1]);
      allowed.set(`${tbl}.${col}`, [...(allowed.get(`${tbl}.${col}`) ?? []), ...values]);
    }
  });
  afterAll(() => api?.stop());

  it.each(LISTS)('%s.%s allows exactly the libs/domain list', (table, column, list) => {
    expect(allowed.get(`${table}.${column}`)?.sort()).toEqual([...list].sort());
  });

  it('leaves no listed column out of the test', () => {
    const tested = new Set(LISTS.map(([table, column]) => `${table}.${column}`));
    expect([...allowed.keys()].filter((key) => !tested.has(key))).toEqual([]);
  });
});
