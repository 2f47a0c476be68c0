import { type ApplicationDetail, isTerminal } from '@qonys/domain';
import {
  EditButton,
  Show,
  TabbedShowLayout,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FULL_RECORD } from '../common/fullRecord';
import { CaseMessages } from '../applicant-messages/CaseMessages';
import { CasePlanTab } from '../integration-services/CasePlanTab';
import { CaseLegalStatusTab } from '../legal-status/CaseLegalStatusTab';
import { ApplicationSummary } from './show/ApplicationSummary';
import { DecisionTab } from './show/DecisionTab';
import { DocumentsTab } from './show/DocumentsTab';
import { FamilyTab } from './show/FamilyTab';
import { TimelineTab } from './show/TimelineTab';
import { TransitionButtons } from './show/TransitionButtons';

const ApplicationTitle = () => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  if (!record) return null;
  const name = translate('resources.applications.name', { smart_count: 1 });
  return <span>{`${name} ${record.number ?? `#${record.id}`}`}</span>;
};

/** A closed case cannot be edited any more (the API answers 409). */
const EditCaseButton = () => {
  const record = useRecordContext<ApplicationDetail>();
  return record && !isTerminal(record.status) ? <EditButton /> : null;
};

/** Only the transitions the server offers this user, then editing channel and caseworker. */
const ApplicationShowActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <TransitionButtons />
    <EditCaseButton />
  </TopToolbar>
);

/**
 * A case: summary, then family, documents, timeline, decision and adaptation plan as tabs (each with its own URL).
 * It renders from the full case only, never from the list's row (common/fullRecord.ts).
 */
export const ApplicationShow = () => {
  const { canAccess: readsPlans } = useCanAccess({ resource: 'adaptation-plans', action: 'list' });
  const { canAccess: readsLegalSteps } = useCanAccess({ resource: 'legal-status-steps', action: 'list' });
  const { canAccess: readsMessages } = useCanAccess({ resource: 'applicant-messages', action: 'list' });
  return (
    <Show actions={<ApplicationShowActions />} title={<ApplicationTitle />} queryOptions={FULL_RECORD}>
      <ApplicationSummary />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.case_tabs.family">
          <FamilyTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.case_tabs.documents" path="documents">
          <DocumentsTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.case_tabs.timeline" path="timeline">
          <TimelineTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.case_tabs.decision" path="decision">
          <DecisionTab label={false} />
        </TabbedShowLayout.Tab>
        {readsPlans && (
          <TabbedShowLayout.Tab label="app.services.plan.tab" path="plan">
            <CasePlanTab label={false} />
          </TabbedShowLayout.Tab>
        )}
        {readsLegalSteps && (
          <TabbedShowLayout.Tab label="app.legal_steps.tab" path="residence">
            <CaseLegalStatusTab label={false} />
          </TabbedShowLayout.Tab>
        )}
        {readsMessages && (
          <TabbedShowLayout.Tab label="app.applicant_messages.tab" path="messages">
            <CaseMessages label={false} />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};

export default ApplicationShow;
