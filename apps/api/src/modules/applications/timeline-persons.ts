/**
 * Timeline lines name persons in their data: the family at registration
 * (`members[]`), a member added or removed (`added`, `removed`) with their name
 * as it was. A reader who may not read such a person sees the line without the name.
 */

type TimelineData = Record<string, unknown> | null;

interface NamedPerson {
  personId: number;
  name?: string | null;
}

const isNamedPerson = (value: unknown): value is NamedPerson =>
  typeof value === 'object' && value !== null && typeof (value as NamedPerson).personId === 'number';

/** The person entries of one line's data, wherever the line keeps them. */
function namedPersons(data: TimelineData): NamedPerson[] {
  if (!data) return [];
  const members = Array.isArray(data.members) ? data.members : [];
  return [...members, data.added, data.removed].filter(isNamedPerson);
}

export const timelinePersonIds = (lines: TimelineData[]): number[] =>
  lines.flatMap((data) => namedPersons(data).map((p) => p.personId));

/** The line's data with the names of persons outside `readable` left out. */
export function withoutUnreadableNames(data: TimelineData, readable: ReadonlySet<number>): TimelineData {
  if (!data || namedPersons(data).every((p) => readable.has(p.personId))) return data;
  const mask = (entry: unknown): unknown =>
    isNamedPerson(entry) && !readable.has(entry.personId) ? { ...entry, name: null } : entry;
  const masked: Record<string, unknown> = { ...data };
  if (Array.isArray(data.members)) masked.members = data.members.map(mask);
  if (data.added !== undefined) masked.added = mask(data.added);
  if (data.removed !== undefined) masked.removed = mask(data.removed);
  return masked;
}
