import { PERSON_WRITABLE_FIELDS } from '@qonys/domain';

/**
 * The fields the API accepts in a request body, per resource. It refuses
 * anything else with 400, so read-only fields (id, createdAt, updatedAt,
 * username, mfaEnabled, lockedUntil, lastLoginAt…) and
 * form helpers (passwordConfirm) never leave the browser. `version` goes back
 * on update for optimistic locking.
 */
interface BodyFields {
  create: readonly string[];
  update: readonly string[];
}

const validity = ['source', 'validFrom', 'validTo'] as const;
const names = ['nameKk', 'nameRu', 'nameEn'] as const;

const fields = (create: readonly string[], update: readonly string[] = create): BodyFields => ({
  create,
  update: [...update, 'version'],
});

export const WRITABLE_FIELDS: Readonly<Record<string, BodyFields>> = {
  users: fields(
    ['username', 'fullName', 'email', 'role', 'regionId', 'providerId', 'password'],
    ['fullName', 'email', 'role', 'regionId', 'providerId', 'disabled'],
  ),
  regions: fields(['code', ...names, 'centreKk', 'centreRu', 'centreEn', 'settlementYears', ...validity]),
  'mci-rates': fields(['year', 'amount', ...validity]),
  'mfa-policies': fields(['role', 'mfaRequired', ...validity]),
  holidays: fields(['kind', 'month', 'day', 'date', ...names, 'movesIfWeekend', ...validity]),
  // The key is read-only in the UI, but the API's update DTO still expects it back unchanged.
  deadlines: fields(['key', ...names, 'amount', 'unit', ...validity]),
  'document-types': fields(['key', ...names, 'scope', 'required', 'condition', 'sortOrder', ...validity]),
  'legal-grounds': fields(['kind', 'code', ...names, 'sourceKk', 'sourceRu', 'sourceEn', ...validity]),
  'retention-rules': fields(['recordKind', 'keepYears', ...names, ...validity]),
  'benefit-rules': fields([
    'kind',
    'formula',
    ...['mciHead', 'mciPerMember', 'mciMin', 'mciMax', 'months', 'mciFixed', 'sharePercent', 'capMci', 'capKzt'],
    'unconfirmed',
    ...names,
    ...validity,
  ]),
  'service-types': fields([
    'code',
    'serviceGroup',
    'audience',
    'inclusionService',
    'responseWorkingDays',
    ...names,
    ...validity,
  ]),
  'service-providers': fields([
    'regionId',
    'kind',
    'name',
    'address',
    'phone',
    'email',
    'validFrom',
    'validTo',
    'services',
  ]),
  'support-payments': fields(['applicationId', 'type', 'date', 'monthlyMci', 'price'], []),
  referrals: fields(['planItemId', 'providerId', 'period', 'consentToShare', 'note'], []),
  'legal-status-steps': fields(['applicationId', 'personId', 'kind', 'appliedOn', 'authority'], []),
  // regionId only from nationwide roles: persons/personTransform leaves it out for everyone else.
  persons: fields(PERSON_WRITABLE_FIELDS),
  // Members change through /applications/:id/members while a draft; status only through transitions.
  applications: fields(
    ['channel', 'correspondenceLanguage', 'applicantId', 'members', 'assignedToId', 'regionId'],
    ['channel', 'correspondenceLanguage', 'assignedToId'],
  ),
  'inclusion-requests': fields([
    'applicationId',
    'year',
    'category',
    'preferredRegionIds',
    'consent',
    'relativesRegionIds',
    'adaptationServices',
    'adaptationNotes',
  ]),
  // Capacity changes go through POST /quotas/:id/ledger, never an update.
  quotas: fields(['year', 'regionId', 'category', 'unit', 'capacity', 'legalAct', 'entryDate'], []),
  // The region of a settlement never changes here: a move goes through POST /settlements/:id/move.
  settlements: fields(['reservationId'], ['district', 'locality', 'housing', 'plannedArrival']),
  'labour-demand': fields(['year', 'regionId', 'occupation', 'vacancies', 'source']),
  'region-capacities': fields(['year', 'regionId', 'housingUnits', 'adaptationCentrePlaces', 'languages', 'source']),
};

/** Keeps only the fields the API accepts for this write; unknown resources pass through. */
export function requestBody(
  resource: string,
  kind: keyof BodyFields,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const allowed = WRITABLE_FIELDS[resource]?.[kind];
  if (!allowed) return data;
  return Object.fromEntries(allowed.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]));
}
