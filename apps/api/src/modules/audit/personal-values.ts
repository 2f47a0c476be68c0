import { open, seal } from '../data-keys/master-key-cipher';
import type { DataKeys } from '../data-keys/data-keys.service';
import type { FieldChanges } from './entities/audit-event.entity';

/**
 * Fields whose values identify a person: in an entry about a person (or their
 * document) they are stored sealed with the person's data key (docs/personal-data.md).
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'surname',
  'givenName',
  'patronymic',
  'surnameLatin',
  'givenNameLatin',
  'patronymicLatin',
  'otherSpellings',
  'birthDate',
  'iin',
  'idDocumentNumber',
  'idDocumentIssuer',
  'idDocumentExpiry',
  'profession',
  'phone',
  'email',
  'addressAbroad',
  'addressKz',
  'fileName',
]);

/** A personal value as the audit log stores it: AES-256-GCM under person `k`'s data key. */
export interface SealedValue {
  enc: 'v1';
  k: number;
  v: string;
}

/** What an auditor reads where the value's key was destroyed. */
export const ERASED_VALUE = { erased: true } as const;

const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && (value as SealedValue).enc === 'v1';

const aad = (personId: number, field: string) => `audit:${personId}:${field}`;

export const hasPersonalValues = (changes: FieldChanges | null | undefined): boolean =>
  !!changes && Object.keys(changes).some((field) => PERSONAL_FIELDS.has(field));

/** The changes with each non-null personal value sealed by `key`; with no key (erased) the value is not kept. */
export function sealChanges(changes: FieldChanges, personId: number, key: Buffer | null): FieldChanges {
  const sealSide = (field: string, value: unknown): unknown => {
    if (value === null) return null;
    if (key === null) return ERASED_VALUE;
    const v = seal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad(personId, field)).toString('base64');
    return { enc: 'v1', k: personId, v } satisfies SealedValue;
  };
  const sealed: FieldChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    sealed[field] = PERSONAL_FIELDS.has(field)
      ? { before: sealSide(field, change.before), after: sealSide(field, change.after) }
      : change;
  }
  return sealed;
}

/** The persons whose keys open the sealed values of these changes. */
export function sealedFor(changes: FieldChanges | null): number[] {
  if (!changes) return [];
  return Object.values(changes).flatMap((c) => [c.before, c.after].filter(isSealed).map((s) => s.k));
}

/** The changes as an auditor reads them: values opened while the key exists, ERASED_VALUE after. */
export function openChanges(changes: FieldChanges | null, keys: DataKeys): FieldChanges | null {
  if (!changes) return changes;
  const openSide = (field: string, value: unknown): unknown => {
    if (!isSealed(value)) return value;
    const key = keys.get(value.k);
    if (!key) return ERASED_VALUE;
    return JSON.parse(open(key, Buffer.from(value.v, 'base64'), aad(value.k, field)).toString('utf8')) as unknown;
  };
  const opened: FieldChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    opened[field] = { before: openSide(field, change.before), after: openSide(field, change.after) };
  }
  return opened;
}
