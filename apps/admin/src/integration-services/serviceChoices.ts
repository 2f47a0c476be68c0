import {
  ADAPTATION_SERVICES,
  EMPLOYMENT_ROUTES,
  EMPLOYMENT_STATUSES,
  FOLLOW_UP_STATES,
  LANGUAGE_LEVELS,
  SCHOOLING_STATES,
  PROVIDER_KINDS,
  REFERRAL_CANCEL_REASONS,
  REFERRAL_FAILURE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_REJECT_REASONS,
  REFERRAL_STATES,
  SERVICE_AUDIENCES,
  SERVICE_GROUPS,
} from '@qonys/domain';

const choices = (list: readonly string[], prefix: string) => list.map((id) => ({ id, name: `${prefix}.${id}` }));

export const SERVICE_GROUP_CHOICES = choices(SERVICE_GROUPS, 'app.services.groups');
export const SERVICE_AUDIENCE_CHOICES = choices(SERVICE_AUDIENCES, 'app.services.audiences');
export const INCLUSION_SERVICE_CHOICES = choices(ADAPTATION_SERVICES, 'app.inclusion.services');
export const PROVIDER_KIND_CHOICES = choices(PROVIDER_KINDS, 'app.services.provider_kinds');
export const REFERRAL_STATE_CHOICES = choices(REFERRAL_STATES, 'app.services.states');
export const REFERRAL_OUTCOME_CHOICES = choices(REFERRAL_OUTCOMES, 'app.services.outcomes');
/** The reason list each step takes (the API checks the same lists). */
export const REASON_CHOICES = {
  reject: choices(REFERRAL_REJECT_REASONS, 'app.services.reject_reasons'),
  complete: choices(REFERRAL_FAILURE_REASONS, 'app.services.failure_reasons'),
  cancel: choices(REFERRAL_CANCEL_REASONS, 'app.services.cancel_reasons'),
} as const;

export const FOLLOW_UP_STATE_CHOICES = choices(FOLLOW_UP_STATES, 'app.services.follow_ups.states');
export const EMPLOYMENT_CHOICES = choices(EMPLOYMENT_STATUSES, 'app.services.follow_ups.employment');
export const EMPLOYMENT_ROUTE_CHOICES = choices(EMPLOYMENT_ROUTES, 'app.services.follow_ups.routes');
export const LANGUAGE_LEVEL_CHOICES = choices(LANGUAGE_LEVELS, 'app.services.follow_ups.language_levels');
export const SCHOOLING_CHOICES = choices(SCHOOLING_STATES, 'app.services.follow_ups.schooling');
