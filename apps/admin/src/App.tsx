import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { applications } from './applications';
import { auditEvents } from './audit-events';
import { deadlines } from './deadlines';
import { documentTypes } from './document-types';
import { holidays } from './holidays';
import { i18nProvider } from './i18n/i18nProvider';
import { inclusionRequests } from './inclusion-requests';
import { followUps, referrals, serviceProviders, serviceTypes } from './integration-services';
import { imports } from './imports';
import { jobs } from './jobs';
import { applicantMessages } from './applicant-messages';
import { arrivalsHistory } from './arrivals-history';
import { forecasts } from './forecasts';
import { labourDemand } from './labour-demand';
import { ACCOUNT_PATH } from './account/accountPath';
import { legalGrounds } from './legal-grounds';
import { LoginPage } from './login/LoginPage';
import { mciRates } from './mci-rates';
import { mfaPolicies } from './mfa-policies';
import { notifications } from './notifications';
import { retentionRules } from './retention-rules';
import { benefitRules } from './benefit-rules';
import { DUPLICATES_PATH, PersonDuplicates, persons } from './persons';
import { placement, placementWeights } from './placement';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { quotas } from './quotas';
import { regionCapacities } from './region-capacities';
import { regions } from './regions';
import { settlements } from './settlements';
import { statisticsReleases } from './statistics-releases';
import { theme } from './theme';
import { paymentBatches } from './payment-batches';
import { supportPayments } from './support-payments';
import { supportRecoveries } from './support-recoveries';
import { transferRequests } from './transfer-requests';
import { users } from './users';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const AccountPage = lazy(() => import('./account/AccountPage'));
const AppLayout = lazy(() => import('./layout/AppLayout').then((module) => ({ default: module.AppLayout })));

/**
 * The menu, app bar and notification bell load after sign-in: the login page does not
 * show them, and its JavaScript stays within the budget (docs/deployment.md).
 */
const LazyLayout = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={null}>
    <AppLayout>{children}</AppLayout>
  </Suspense>
);

/**
 * Qonys admin — the table of contents. Each <Resource> is one capability, in
 * the menu's groups (layout/AppLayout.tsx); the menu and every button ask authProvider.canAccess, which reads the
 * permission table in libs/domain, so a role only sees what it may do.
 * Plain URLs (/users/3/show) rather than react-admin's default hash routes:
 * the API serves index.html for every client-side path.
 */
export const App = () => (
  <BrowserRouter>
    <Admin
      title="Qonys"
      disableTelemetry
      requireAuth
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={LazyLayout}
      dashboard={Dashboard}
      theme={theme}
    >
      {/* Case work */}
      <Resource name="notifications" {...notifications} />
      <Resource name="applications" {...applications} />
      <Resource name="persons" {...persons}>
        <Route path={DUPLICATES_PATH} element={<PersonDuplicates />} />
      </Resource>
      {/* Quotas and settlement */}
      <Resource name="quotas" {...quotas} />
      <Resource name="inclusion-requests" {...inclusionRequests} />
      <Resource name="placement" {...placement} />
      <Resource name="settlements" {...settlements} />
      <Resource name="transfer-requests" {...transferRequests} />
      {/* Integration services after arrival */}
      <Resource name="referrals" {...referrals} />
      <Resource name="follow-ups" {...followUps} />
      <Resource name="applicant-messages" {...applicantMessages} />
      <Resource name="service-providers" {...serviceProviders} />
      <Resource name="support-payments" {...supportPayments} />
      <Resource name="payment-batches" {...paymentBatches} />
      <Resource name="support-recoveries" {...supportRecoveries} />
      <Resource name="labour-demand" {...labourDemand} />
      <Resource name="region-capacities" {...regionCapacities} />
      <Resource name="placement-weights" {...placementWeights} />
      {/* Monitoring */}
      <Resource name="forecasts" {...forecasts} />
      <Resource name="arrivals-history" {...arrivalsHistory} />
      {/* Reference data */}
      <Resource name="regions" {...regions} />
      <Resource name="document-types" {...documentTypes} />
      <Resource name="legal-grounds" {...legalGrounds} />
      <Resource name="deadlines" {...deadlines} />
      <Resource name="holidays" {...holidays} />
      <Resource name="mci-rates" {...mciRates} />
      <Resource name="retention-rules" {...retentionRules} />
      <Resource name="benefit-rules" {...benefitRules} />
      <Resource name="service-types" {...serviceTypes} />
      {/* Administration */}
      <Resource name="users" {...users} />
      <Resource name="mfa-policies" {...mfaPolicies} />
      <Resource name="audit-events" {...auditEvents} />
      <Resource name="jobs" {...jobs} />
      <Resource name="imports" {...imports} />
      <Resource name="statistics-releases" {...statisticsReleases} />
      <CustomRoutes>
        <Route path={ACCOUNT_PATH} element={<AccountPage />} />
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
