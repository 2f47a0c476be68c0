import { Create, SimpleForm, type RedirectionSideEffect } from 'react-admin';
import { useRole } from '../common/useRole';
import { canAccessAs } from '../providers/canAccess';
import { thisYear } from '../quotas/quotaChoices';
import { InclusionRequestInputs } from './InclusionRequestInputs';

/**
 * An approved family applies for inclusion in a region's quota. Opened from the
 * case's Decision tab with `state: { record: { applicationId } }`, which react-admin
 * merges over these defaults.
 */
export const InclusionRequestCreate = () => {
  const { role, regionId } = useRole();
  // The request belongs to its first preferred region: a regional user whose region that
  // is not cannot open it, so they go back to the case instead.
  const redirect: RedirectionSideEffect = (_resource, id, data) =>
    canAccessAs(role && { role, regionId }, {
      resource: 'inclusion-requests',
      action: 'show',
      record: { regionId: data?.regionId },
    })
      ? `inclusion-requests/${id}/show`
      : `applications/${data?.applicationId}/show/decision`;
  return (
    <Create redirect={redirect}>
      <SimpleForm
        defaultValues={{
          year: thisYear(),
          category: 'kandas',
          preferredRegionIds: [],
          consent: false,
          relativesRegionIds: [],
          adaptationServices: [],
        }}
      >
        <InclusionRequestInputs />
      </SimpleForm>
    </Create>
  );
};

export default InclusionRequestCreate;
