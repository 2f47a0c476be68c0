import {
  DataTable,
  DateField,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { ReferralView } from '@qonys/domain';
import { CaseFamily } from '../applications/CaseFamilyField';
import { CompactLine } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useRole } from '../common/useRole';
import { ReferralActions, serviceName } from './ReferralActions';
import { REFERRAL_STATE_CHOICES } from './serviceChoices';

/** Who the referral is for: the family and member to staff; to a provider the contact the family agreed to share. */
const Recipient = ({ referral }: { referral: ReferralView }) => {
  const translate = useTranslate();
  if (referral.contact !== undefined) {
    return referral.contact ? (
      <>{[referral.contact.name, referral.contact.phone].filter(Boolean).join(' · ')}</>
    ) : (
      <>{translate('app.services.contact_hidden')}</>
    );
  }
  return (
    <>
      <CaseFamily
        names={{ applicationNumber: null, applicantName: null, applicantId: null, applicationId: 0, ...referral }}
      />
      {referral.personName ? ` · ${referral.personName}` : ''}
    </>
  );
};

/** The state, with the place on the waiting list and the outcome where there is one. */
const StateText = ({ referral }: { referral: ReferralView }) => {
  const translate = useTranslate();
  const parts = [translate(`app.services.states.${referral.state}`)];
  if (referral.waitlistPosition)
    parts.push(translate('app.services.waitlist_position', { position: referral.waitlistPosition }));
  if (referral.outcome) parts.push(translate(`app.services.outcomes.${referral.outcome}`));
  if (referral.rejectReason) parts.push(translate(`app.services.reject_reasons.${referral.rejectReason}`));
  if (referral.failureReason) parts.push(translate(`app.services.failure_reasons.${referral.failureReason}`));
  return <>{parts.join(' · ')}</>;
};

/**
 * Referrals in the caller's reach: a region's, or — for a provider's staff — their
 * provider's inbox, open ones first; each row with the steps the caller may take.
 */
export const ReferralList = () => {
  const { role } = useRole();
  const [locale] = useLocaleState();
  const filters = [<SelectInput key="state" source="state" choices={REFERRAL_STATE_CHOICES} alwaysOn />];
  return (
    <List
      filters={filters}
      filterDefaultValues={role === 'provider_staff' ? { state: 'requested' } : {}}
      actions={<ListActions create={false} />}
      sort={{ field: 'id', order: 'DESC' }}
    >
      <ResponsiveList
        compact={
          <SimpleList<ReferralView>
            primaryText={(record) => serviceName(record, locale)}
            secondaryText={(record) => (
              <CompactLine actions={<ReferralActions />}>
                <Recipient referral={record} />
                {record.providerName}
                {record.period}
                <StateText referral={record} />
              </CompactLine>
            )}
            rowClick={false}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="serviceTypeId" disableSort>
            <FunctionField<ReferralView> render={(record) => serviceName(record, locale)} />
          </DataTable.Col>
          <DataTable.Col source="applicationId" disableSort>
            <FunctionField<ReferralView> render={(record) => <Recipient referral={record} />} />
          </DataTable.Col>
          <DataTable.Col source="providerId">
            <FunctionField<ReferralView> render={(record) => record.providerName} />
          </DataTable.Col>
          <DataTable.Col source="period" />
          <DataTable.Col source="state">
            <FunctionField<ReferralView> render={(record) => <StateText referral={record} />} />
          </DataTable.Col>
          <DataTable.Col source="dueDate">
            <DateField source="dueDate" />
          </DataTable.Col>
          <DataTable.Col>
            <ReferralActions />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default ReferralList;
