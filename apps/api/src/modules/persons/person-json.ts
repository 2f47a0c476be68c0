import { PERSON_WRITABLE_FIELDS } from '@qonys/domain';
import type { Person } from './entities/person.entity';

/** The fields of a person the API shows, in order; never the search or document keys, nor who created it. */
export const PERSON_FIELDS = [
  'id',
  ...PERSON_WRITABLE_FIELDS,
  'mergedIntoId',
  'erasedAt',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Person)[];

export type PersonJson = Pick<Person, (typeof PERSON_FIELDS)[number]>;

/**
 * What staff who may not read a person see of them as a possible duplicate: that
 * someone is there (the id, to mark the pair distinct or ask the administrator) and
 * nothing of who or where (docs/personal-data.md, Reads).
 */
export interface ForeignPersonJson {
  id: number;
  foreignRegion: true;
}

/** Fields an audit entry compares (everything the caller can change). */
export const AUDITED_FIELDS: string[] = PERSON_FIELDS.filter(
  (field) => !['id', 'erasedAt', 'version', 'createdAt', 'updatedAt'].includes(field),
);

export function personJson(person: Person): PersonJson {
  const json: Record<string, unknown> = {};
  for (const field of PERSON_FIELDS) json[field] = person[field];
  return json as PersonJson;
}

export const foreignPersonJson = (person: Person): ForeignPersonJson => ({ id: person.id, foreignRegion: true });
