import type { NotificationResource } from '@qonys/domain';

/**
 * The admin path of the record a notification links to. A referral has no page of its
 * own: its list, filtered to it. Whoever can no longer read the record (a case moved
 * to another region) meets the record's 404 there, as anywhere.
 */
export function notificationPath(resource: NotificationResource, recordId: number): string {
  switch (resource) {
    case 'applications':
    case 'support-payments':
      return `/${resource}/${recordId}/show`;
    case 'referrals':
      return `/referrals?filter=${encodeURIComponent(JSON.stringify({ id: [recordId] }))}`;
  }
}
