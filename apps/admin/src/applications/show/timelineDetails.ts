import type { ApplicationStatus } from '@qonys/domain';
import type { TranslateFunction } from 'react-admin';
import type { TimelineEvent } from '../../providers/caseTypes';

type Change<T> = { before: T; after: T };
type MemberChange = { personId: number; relation: string; name?: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Names the timeline looks up: a document type by key, a family member by person id. */
export interface TimelineNames {
  documentType: (key: string) => string;
  person: (personId: number) => string | null;
}

/**
 * The lines under a timeline event, from its `data` as the API records it per type.
 * Names that need a request (caseworker, legal ground) are rendered by the item itself.
 */
export function timelineDetails(
  event: TimelineEvent,
  translate: TranslateFunction,
  formatDate: (value: string) => string,
  names: TimelineNames,
): string[] {
  const data = event.data ?? {};
  const lines: string[] = [];
  const status = (value: ApplicationStatus | null) => (value ? translate(`app.statuses.${value}`) : '—');
  const member = (key: 'member_added' | 'member_removed', change: MemberChange) =>
    translate(`app.timeline.${key}`, {
      name: change.name ?? `#${change.personId}`,
      relation: translate(`app.relations.${change.relation}`, { _: change.relation }),
    });

  switch (event.type) {
    case 'created':
      if (typeof data.channel === 'string')
        lines.push(translate('app.timeline.channel', { channel: translate(`app.channels.${data.channel}`) }));
      if (Array.isArray(data.members)) {
        for (const added of data.members as MemberChange[]) lines.push(member('member_added', added));
      }
      break;
    case 'updated':
      if (isObject(data.channel)) {
        const after = (data.channel as Change<string>).after;
        lines.push(translate('app.timeline.channel', { channel: translate(`app.channels.${after}`, { _: after }) }));
      }
      break;
    case 'transition':
      lines.push(`${status(event.fromStatus)} → ${status(event.toStatus)}`);
      if (typeof data.number === 'string') lines.push(translate('app.timeline.new_number', { number: data.number }));
      if (typeof data.deadlineDue === 'string')
        lines.push(translate('app.timeline.due', { date: formatDate(data.deadlineDue) }));
      if (typeof data.statusValidTo === 'string') {
        lines.push(translate('app.timeline.valid_to', { date: formatDate(data.statusValidTo) }));
      }
      if (typeof data.certificateNumber === 'string') {
        lines.push(translate('app.timeline.certificate', { number: data.certificateNumber }));
      }
      break;
    case 'document':
      if (typeof data.documentType === 'string') {
        const person = typeof data.personId === 'number' ? names.person(data.personId) : null;
        lines.push([names.documentType(data.documentType), person].filter(Boolean).join(' — '));
      }
      if (typeof data.action === 'string') {
        lines.push(
          translate(`app.timeline.document_actions.${data.action}`, {
            file: String(data.fileName ?? ''),
            _: data.action,
          }),
        );
      }
      break;
    case 'member':
      if (isObject(data.added)) lines.push(member('member_added', data.added as MemberChange));
      if (isObject(data.removed)) lines.push(member('member_removed', data.removed as MemberChange));
      if (typeof data.mergedPersonId === 'number') {
        lines.push(translate('app.timeline.merged', { from: data.mergedPersonId, into: data.intoPersonId }));
      }
      break;
    case 'assignment':
    case 'note':
      break;
  }
  return lines;
}

/** The caseworker an assignment event names, or null when it unassigned. */
export function assignedTo(event: TimelineEvent): number | null | undefined {
  if (event.type !== 'assignment' || !isObject(event.data?.assignedToId)) return undefined;
  return (event.data.assignedToId as Change<number | null>).after;
}
