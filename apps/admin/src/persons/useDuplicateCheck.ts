import { useCreatePath, useDataProvider, useNotify, useRedirect, type RaRecord } from 'react-admin';
import type { QonysDataProvider } from '../providers/dataProvider';

/** The duplicate review of a person: /persons/:id/duplicates. */
export function useDuplicatesPath(): (id: RaRecord['id']) => string {
  const createPath = useCreatePath();
  return (id) => `${createPath({ resource: 'persons', id, type: 'edit' })}/duplicates`;
}

/**
 * After a person is saved: straight to the duplicate review when the register
 * holds possible duplicates, else to the person's page.
 */
export function useDuplicateCheck(message: 'ra.notification.created' | 'ra.notification.updated') {
  const dataProvider = useDataProvider<QonysDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const duplicatesPath = useDuplicatesPath();
  return async (person: RaRecord) => {
    notify(message, { type: 'info', messageArgs: { smart_count: 1 } });
    try {
      const candidates = await dataProvider.getPersonDuplicates(Number(person.id));
      if (candidates.length > 0) return redirect(duplicatesPath(person.id));
    } catch {
      // The person is saved either way; the review stays one click away.
    }
    redirect('show', 'persons', person.id);
  };
}
