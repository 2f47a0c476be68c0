import {
  BENEFIT_FORMULA_FIELDS,
  BENEFIT_KINDS,
  type BenefitRuleTerms,
  DOCUMENT_CONDITIONS,
  DOCUMENT_SCOPES,
  type EntityType,
  HOLIDAY_KINDS,
  LEGAL_GROUND_KINDS,
  RETENTION_RECORD_KINDS,
  ROLES,
  SERVICE_AUDIENCES,
  SERVICE_GROUPS,
} from '@qonys/domain';
import type { ObjectLiteral } from 'typeorm';
import {
  arrayContains,
  booleanEquals,
  dateFrom,
  dateTo,
  ids,
  integerEquals,
  oneOf,
  textEquals,
  textSearch,
} from '../../common/list/filters';
import type { ListSpec } from '../../common/list/list-query';
import {
  BenefitRuleDto,
  DeadlineSettingDto,
  DocumentTypeDto,
  HolidayDto,
  LegalGroundDto,
  MciRateDto,
  MfaPolicyDto,
  type ReferenceDto,
  RegionDto,
  RetentionRuleDto,
  UpdateBenefitRuleDto,
  UpdateDeadlineSettingDto,
  UpdateDocumentTypeDto,
  UpdateHolidayDto,
  UpdateLegalGroundDto,
  UpdateMciRateDto,
  UpdateMfaPolicyDto,
  UpdateRegionDto,
  UpdateRetentionRuleDto,
  ServiceTypeDto,
  UpdateServiceTypeDto,
} from './dto/reference.dto';
import { BenefitRule } from './entities/benefit-rule.entity';
import { DeadlineSetting } from './entities/deadline-setting.entity';
import { DocumentType } from './entities/document-type.entity';
import { Holiday } from './entities/holiday.entity';
import { LegalGround } from './entities/legal-ground.entity';
import { MciRate } from './entities/mci-rate.entity';
import { MfaPolicy } from './entities/mfa-policy.entity';
import type { ReferenceRecord } from './entities/reference-record';
import { Region } from './entities/region.entity';
import { RetentionRule } from './entities/retention-rule.entity';
import { ServiceType } from './entities/service-type.entity';
import { coded } from '../../common/errors/domain-error';

/** Everything that differs between the reference-data resources; the rest is shared. */
export interface ReferenceResource<T extends ReferenceRecord & ObjectLiteral> {
  path:
    | 'regions'
    | 'mci-rates'
    | 'holidays'
    | 'deadlines'
    | 'document-types'
    | 'legal-grounds'
    | 'mfa-policies'
    | 'retention-rules'
    | 'benefit-rules'
    | 'service-types';
  entity: new () => T;
  /** Human name in messages ("Region not found"). */
  label: string;
  /** entity_type in the audit log. */
  auditType: EntityType;
  createDto: new () => ReferenceDto;
  updateDto: new () => ReferenceDto & { version: number };
  list: ListSpec<T>;
  /** Unique index name → the field to blame when it is violated. */
  uniqueFields: Record<string, string>;
  /** Fields the stored row takes from the request (the DTO minus version). */
  fields: (keyof T & string)[];
  /** Clears fields that do not apply (e.g. a dated holiday has no month). */
  normalise?: (row: Partial<T>) => Partial<T>;
}

const validity = (alias: string) => ({
  validOn: {
    parse: (v: unknown) =>
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? { value: v } : { error: coded('validation.is_date') },
    apply: (qb: { andWhere: (sql: string, params: object) => unknown }, v: unknown, p: string) =>
      void qb.andWhere(
        `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= :${p}) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= :${p})`,
        { [p]: v },
      ),
  },
});

const COMMON = ['source', 'validFrom', 'validTo'] as const;

export const REGIONS: ReferenceResource<Region> = {
  path: 'regions',
  entity: Region,
  label: 'Region',
  auditType: 'region',
  createDto: RegionDto,
  updateDto: UpdateRegionDto,
  list: {
    resource: 'regions',
    sortable: { id: 'r.id', code: 'r.code', nameKk: 'r.name_kk', nameRu: 'r.name_ru', nameEn: 'r.name_en' },
    defaultSort: ['code', 'ASC'],
    filters: {
      id: ids('r.id'),
      q: textSearch(['r.code', 'r.name_kk', 'r.name_ru', 'r.name_en', 'r.centre_kk', 'r.centre_ru', 'r.centre_en']),
      code: textSearch(['r.code']),
      settlementYear: arrayContains('r.settlement_years', 1990, 2200),
      ...validity('r'),
    },
  },
  uniqueFields: { region_code_uq: 'code' },
  fields: ['code', 'nameKk', 'nameRu', 'nameEn', 'centreKk', 'centreRu', 'centreEn', 'settlementYears', ...COMMON],
  normalise: (row) => ({ ...row, settlementYears: [...(row.settlementYears ?? [])].sort((a, b) => a - b) }),
};

export const MCI_RATES: ReferenceResource<MciRate> = {
  path: 'mci-rates',
  entity: MciRate,
  label: 'MCI rate',
  auditType: 'mci_rate',
  createDto: MciRateDto,
  updateDto: UpdateMciRateDto,
  list: {
    resource: 'mci-rates',
    sortable: { id: 'm.id', year: 'm.year', amount: 'm.amount' },
    defaultSort: ['year', 'DESC'],
    filters: { id: ids('m.id'), year: integerEquals('m.year', 1990, 2200), ...validity('m') },
  },
  uniqueFields: { mci_rate_year_uq: 'year' },
  fields: ['year', 'amount', ...COMMON],
};

export const HOLIDAYS: ReferenceResource<Holiday> = {
  path: 'holidays',
  entity: Holiday,
  label: 'Holiday',
  auditType: 'holiday',
  createDto: HolidayDto,
  updateDto: UpdateHolidayDto,
  list: {
    resource: 'holidays',
    sortable: { id: 'h.id', kind: 'h.kind', date: 'h.date', month: 'h.month', nameEn: 'h.name_en' },
    defaultSort: ['id', 'ASC'],
    filters: {
      id: ids('h.id'),
      q: textSearch(['h.name_kk', 'h.name_ru', 'h.name_en']),
      kind: oneOf('h.kind', HOLIDAY_KINDS),
      year: {
        parse: (v) =>
          Number.isInteger(Number(v)) && Number(v) >= 1990 && Number(v) <= 2200
            ? { value: Number(v) }
            : { error: coded('validation.int_range', { min: 1990, max: 2200 }) },
        apply: (qb, v, p) =>
          void qb.andWhere(`h.date >= make_date(:${p}, 1, 1) AND h.date < make_date(:${p} + 1, 1, 1)`, { [p]: v }),
      },
      dateFrom: dateFrom('h.date'),
      dateTo: dateTo('h.date'),
      ...validity('h'),
    },
  },
  uniqueFields: {},
  fields: ['kind', 'month', 'day', 'date', 'nameKk', 'nameRu', 'nameEn', 'movesIfWeekend', ...COMMON],
  normalise: (row) =>
    row.kind === 'fixed'
      ? { ...row, date: null }
      : { ...row, month: null, day: null, movesIfWeekend: row.kind === 'working_day' ? false : row.movesIfWeekend },
};

export const DEADLINES: ReferenceResource<DeadlineSetting> = {
  path: 'deadlines',
  entity: DeadlineSetting,
  label: 'Deadline',
  auditType: 'deadline_setting',
  createDto: DeadlineSettingDto,
  updateDto: UpdateDeadlineSettingDto,
  list: {
    resource: 'deadlines',
    sortable: { id: 'd.id', key: 'd.key', validFrom: 'd.valid_from' },
    defaultSort: ['key', 'ASC'],
    filters: { id: ids('d.id'), q: textSearch(['d.key', 'd.name_kk', 'd.name_ru', 'd.name_en']), ...validity('d') },
  },
  uniqueFields: { deadline_setting_key_valid_from_uq: 'validFrom' },
  fields: ['key', 'nameKk', 'nameRu', 'nameEn', 'amount', 'unit', ...COMMON],
};

/** The per-case document checklist (domain-facts §2 "Documents"), editable by admins. */
export const DOCUMENT_TYPES: ReferenceResource<DocumentType> = {
  path: 'document-types',
  entity: DocumentType,
  label: 'Document type',
  auditType: 'document_type',
  createDto: DocumentTypeDto,
  updateDto: UpdateDocumentTypeDto,
  list: {
    resource: 'document-types',
    sortable: {
      id: 't.id',
      key: 't.key',
      sortOrder: 't.sort_order',
      nameKk: 't.name_kk',
      nameRu: 't.name_ru',
      nameEn: 't.name_en',
    },
    defaultSort: ['sortOrder', 'ASC'],
    filters: {
      id: ids('t.id'),
      q: textSearch(['t.key', 't.name_kk', 't.name_ru', 't.name_en']),
      key: textEquals('t.key'),
      scope: oneOf('t.scope', DOCUMENT_SCOPES),
      condition: oneOf('t.condition', DOCUMENT_CONDITIONS),
      required: booleanEquals('t.required'),
      ...validity('t'),
    },
  },
  uniqueFields: { document_type_key_valid_from_uq: 'key' },
  fields: ['key', 'nameKk', 'nameRu', 'nameEn', 'scope', 'required', 'condition', 'sortOrder', ...COMMON],
};

/** Grounds for refusing to accept, rejecting or revoking; the statutory list is unconfirmed, so admins edit it. */
export const LEGAL_GROUNDS: ReferenceResource<LegalGround> = {
  path: 'legal-grounds',
  entity: LegalGround,
  label: 'Legal ground',
  auditType: 'legal_ground',
  createDto: LegalGroundDto,
  updateDto: UpdateLegalGroundDto,
  list: {
    resource: 'legal-grounds',
    sortable: {
      id: 'g.id',
      code: 'g.code',
      kind: 'g.kind',
      nameKk: 'g.name_kk',
      nameRu: 'g.name_ru',
      nameEn: 'g.name_en',
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      id: ids('g.id'),
      q: textSearch(['g.code', 'g.name_kk', 'g.name_ru', 'g.name_en']),
      kind: oneOf('g.kind', LEGAL_GROUND_KINDS),
      code: textEquals('g.code'),
      ...validity('g'),
    },
  },
  uniqueFields: { legal_ground_code_uq: 'code' },
  fields: ['kind', 'code', 'nameKk', 'nameRu', 'nameEn', 'sourceKk', 'sourceRu', 'sourceEn', ...COMMON],
};

/** Two-factor login required per role; read at every login (docs/accounts.md). */
export const MFA_POLICIES: ReferenceResource<MfaPolicy> = {
  path: 'mfa-policies',
  entity: MfaPolicy,
  label: 'Two-factor policy',
  auditType: 'mfa_policy',
  createDto: MfaPolicyDto,
  updateDto: UpdateMfaPolicyDto,
  list: {
    resource: 'mfa-policies',
    sortable: { id: 'p.id', role: 'p.role', validFrom: 'p.valid_from' },
    defaultSort: ['role', 'ASC'],
    filters: {
      id: ids('p.id'),
      role: oneOf('p.role', ROLES),
      mfaRequired: booleanEquals('p.mfa_required'),
      ...validity('p'),
    },
  },
  uniqueFields: { mfa_policy_role_valid_from_uq: 'validFrom' },
  fields: ['role', 'mfaRequired', ...COMMON],
};

/** How long personal data is kept after a case closes; the retention job reads the rule valid today. */
export const RETENTION_RULES: ReferenceResource<RetentionRule> = {
  path: 'retention-rules',
  entity: RetentionRule,
  label: 'Retention rule',
  auditType: 'retention_rule',
  createDto: RetentionRuleDto,
  updateDto: UpdateRetentionRuleDto,
  list: {
    resource: 'retention-rules',
    sortable: { id: 'rr.id', recordKind: 'rr.record_kind', keepYears: 'rr.keep_years', validFrom: 'rr.valid_from' },
    defaultSort: ['validFrom', 'DESC'],
    filters: {
      id: ids('rr.id'),
      q: textSearch(['rr.name_kk', 'rr.name_ru', 'rr.name_en', 'rr.source']),
      recordKind: oneOf('rr.record_kind', RETENTION_RECORD_KINDS),
      ...validity('rr'),
    },
  },
  uniqueFields: {},
  fields: ['recordKind', 'keepYears', 'nameKk', 'nameRu', 'nameEn', ...COMMON],
};

const BENEFIT_TERMS: (keyof BenefitRuleTerms & keyof BenefitRule)[] = [
  'mciHead',
  'mciPerMember',
  'mciMin',
  'mciMax',
  'months',
  'mciFixed',
  'sharePercent',
  'capMci',
  'capKzt',
];

/** State support in MCI (docs/support-payments.md); the calculation reads the rule in force on the event date. */
export const BENEFIT_RULES: ReferenceResource<BenefitRule> = {
  path: 'benefit-rules',
  entity: BenefitRule,
  label: 'Benefit rule',
  auditType: 'benefit_rule',
  createDto: BenefitRuleDto,
  updateDto: UpdateBenefitRuleDto,
  list: {
    resource: 'benefit-rules',
    sortable: { id: 'br.id', kind: 'br.kind', validFrom: 'br.valid_from', validTo: 'br.valid_to' },
    defaultSort: ['validFrom', 'DESC'],
    filters: {
      id: ids('br.id'),
      q: textSearch(['br.name_kk', 'br.name_ru', 'br.name_en', 'br.source']),
      kind: oneOf('br.kind', BENEFIT_KINDS),
      unconfirmed: booleanEquals('br.unconfirmed'),
      ...validity('br'),
    },
  },
  uniqueFields: {},
  fields: ['kind', 'formula', ...BENEFIT_TERMS, 'unconfirmed', 'nameKk', 'nameRu', 'nameEn', ...COMMON],
  // Terms of another formula are cleared, so a rule never carries figures it does not use.
  normalise: (row) => {
    const used = new Set<string>(row.formula ? BENEFIT_FORMULA_FIELDS[row.formula] : []);
    return {
      ...row,
      ...Object.fromEntries(BENEFIT_TERMS.map((term) => [term, used.has(term) ? (row[term] ?? null) : null])),
    };
  },
};

/** Adaptation and integration services, grouped as the law does (docs/integration-services.md). */
export const SERVICE_TYPES: ReferenceResource<ServiceType> = {
  path: 'service-types',
  entity: ServiceType,
  label: 'Service type',
  auditType: 'service_type',
  createDto: ServiceTypeDto,
  updateDto: UpdateServiceTypeDto,
  list: {
    resource: 'service-types',
    sortable: {
      id: 'st.id',
      code: 'st.code',
      serviceGroup: 'st.service_group',
      nameKk: 'st.name_kk',
      nameRu: 'st.name_ru',
      nameEn: 'st.name_en',
    },
    defaultSort: ['serviceGroup', 'ASC'],
    filters: {
      id: ids('st.id'),
      q: textSearch(['st.code', 'st.name_kk', 'st.name_ru', 'st.name_en']),
      code: textEquals('st.code'),
      serviceGroup: oneOf('st.service_group', SERVICE_GROUPS),
      audience: oneOf('st.audience', SERVICE_AUDIENCES),
      ...validity('st'),
    },
  },
  uniqueFields: { service_type_code_valid_from_uq: 'code' },
  fields: [
    'code',
    'serviceGroup',
    'audience',
    'inclusionService',
    'responseWorkingDays',
    'nameKk',
    'nameRu',
    'nameEn',
    ...COMMON,
  ],
};
