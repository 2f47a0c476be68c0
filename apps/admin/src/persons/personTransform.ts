import { useRole } from '../common/useRole';

/**
 * Regional staff register persons in their own region, and the API refuses a
 * `regionId` from them — even their own: it goes only from nationwide roles.
 */
export function usePersonTransform() {
  const { nationwide } = useRole();
  return <T extends { regionId?: unknown }>(data: T): T => (nationwide ? data : { ...data, regionId: undefined });
}
