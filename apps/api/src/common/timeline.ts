import type { ApplicationEventType, CodedMessage } from '@qonys/domain';
import type { EntityManager } from 'typeorm';

export interface TimelineEntry {
  applicationId: number;
  actorId: number | null;
  type: ApplicationEventType;
  transition?: string;
  fromStatus?: string;
  toStatus?: string;
  /** What a person wrote, as written. */
  comment?: string | null;
  /** What the system says about the event, as a catalogue code: rendered in the reader's language. */
  message?: CodedMessage;
  data?: Record<string, unknown>;
}

/** Adds a line to a case's timeline, inside the caller's transaction; returns its id and time. */
export async function appendTimelineEvent(
  manager: EntityManager,
  entry: TimelineEntry,
): Promise<{ id: string; occurredAt: Date }> {
  const [row] = await manager.query<{ id: string; occurred_at: Date }[]>(
    `INSERT INTO application_event (application_id, actor_id, type, transition, from_status, to_status, comment, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id::text, occurred_at`,
    [
      entry.applicationId,
      entry.actorId,
      entry.type,
      entry.transition ?? null,
      entry.fromStatus ?? null,
      entry.toStatus ?? null,
      entry.comment ?? null,
      entry.data || entry.message ? JSON.stringify({ ...entry.data, ...(entry.message ? { message: entry.message } : {}) }) : null,
    ],
  );
  return { id: row.id, occurredAt: row.occurred_at };
}
