import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import type { AdaptationPlanView, ReferralAction, ReferralView } from '@qonys/domain';
import type { ForecastView, HistoryImportResult } from '../forecasts/forecastTypes';
import type { JobRun } from '../jobs/jobTypes';
import { caseMethods, type CaseMethods } from './caseMethods';
import { API_URL, apiFetch, httpClient } from './httpClient';
import { KEYSET_RESOURCES, keysetGetList } from './keysetGetList';
import { monitoringMethods, type MonitoringMethods } from './monitoringMethods';
import { notificationMethods, type NotificationMethods } from './notificationMethods';
import { pagedGetList } from './pagedGetList';
import { paymentMethods, type PaymentMethods } from './paymentMethods';
import { placementMethods, type PlacementMethods } from './placementMethods';
import { updateSessionUser } from './session';
import { requestBody } from './writableFields';

export interface LocalizedNames {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** GET /api/dashboard: counts; `region` only for region-scoped roles. */
export interface DashboardStats {
  users: { total: number; active: number; disabled: number; locked: number } | null;
  regions: { total: number; settlementThisYear: number } | null;
  auditEvents: { last24h: number; failedLogins24h: number; refused24h: number } | null;
  year: number;
  mciThisYear: number | null;
  region: (LocalizedNames & { id: number; code?: string }) | null;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  /** A bigint id: the API may send it as a string. */
  firstBrokenId: number | string | null;
  /** Why the chain is not valid: a server message code and its params. */
  problem: { code: string; params: Record<string, string> } | null;
  /** The signed checkpoint (from the object store) the chain was checked against. */
  checkpoint: { id: string; lastEventId: string; eventCount: string; createdAt: string } | null;
}

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

export interface QonysDataProvider
  extends DataProvider, CaseMethods, PlacementMethods, PaymentMethods, NotificationMethods, MonitoringMethods {
  getDashboard(): Promise<DashboardStats>;
  verifyAuditChain(): Promise<ChainVerification>;
  resetPassword(userId: number, password: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Each change to one's own second factor sends the password again. */
  setupMfa(password: string): Promise<MfaSetup>;
  enableMfa(password: string, otp: string): Promise<{ recoveryCodes: string[] }>;
  disableMfa(password: string): Promise<void>;
  /** Run now: queues a run of the job (POST /api/jobs/:name/runs). */
  runJob(name: string): Promise<JobRun>;
  /** Integration services (docs/integration-services.md). */
  startPlan(applicationId: number): Promise<AdaptationPlanView>;
  planOfCase(applicationId: number): Promise<AdaptationPlanView | null>;
  addPlanItem(planId: number, item: { serviceTypeId: number; personId: number | null }): Promise<AdaptationPlanView>;
  stepReferral(id: number, body: { action: ReferralAction } & Record<string, unknown>): Promise<ReferralView>;
  recordFollowUp(id: number, body: Record<string, unknown> & { version: number }): Promise<void>;
  /** Permanent residence and citizenship (docs/legal-status.md). */
  decideLegalStep(id: number, body: Record<string, unknown> & { version: number }): Promise<void>;
  /** A failed message to an applicant back in the queue (docs/applicant-messages.md). */
  retryApplicantMessage(id: number): Promise<void>;
  /** Arrival forecasts and their history (docs/monitoring-history.md). */
  getForecast(regionCode: string): Promise<ForecastView>;
  importArrivalsHistory(file: File): Promise<HistoryImportResult>;
  /** A bulk import run on the job queue (docs/imports.md). */
  startImport(form: { kind: string; mode: string; regionCode: string; file: File }): Promise<{ id: string }>;
  /** Queues the job that publishes a new open statistics release (docs/open-statistics.md). */
  publishStatisticsRelease(note: string): Promise<JobRun>;
}

/** Resources whose API path is not their name. */
const PATHS: Record<string, string> = { 'arrivals-history': 'monitoring/arrivals-history' };
const pathOf = (resource: string) => PATHS[resource] ?? resource;

const rest = simpleRestProvider(API_URL, httpClient);

const post = (path: string, body: unknown) => apiFetch(path, { method: 'POST', body: JSON.stringify(body) });

/**
 * ra-data-simple-rest on /api through the authenticated client; the case and person
 * lists by keyset (keysetGetList). Larger pages than the API answers are fetched in chunks. Writes send
 * only the fields the API accepts; 400 bodies keep their `errors` object,
 * which react-admin shows under each input (Edit views run pessimistic).
 */
export const dataProvider: QonysDataProvider = {
  ...rest,
  // Pages beyond the API's 500 rows (the export's) come in chunks.
  getList: pagedGetList((resource, params) =>
    KEYSET_RESOURCES.has(resource) ? keysetGetList(resource, params) : rest.getList(pathOf(resource), params),
  ) as DataProvider['getList'],
  create: (resource, params) =>
    rest.create(resource, { ...params, data: requestBody(resource, 'create', params.data) }),
  update: (resource, params) =>
    rest.update(resource, { ...params, data: requestBody(resource, 'update', params.data) }),

  ...caseMethods,
  ...placementMethods,
  ...paymentMethods,
  ...notificationMethods,
  ...monitoringMethods,

  getDashboard: async () => (await apiFetch('/dashboard')).json as DashboardStats,
  verifyAuditChain: async () => (await apiFetch('/audit-events/verify')).json as ChainVerification,
  resetPassword: async (userId, password) => {
    await post(`/users/${encodeURIComponent(userId)}/reset-password`, { password });
  },
  changePassword: async (currentPassword, newPassword) => {
    await post('/auth/change-password', { currentPassword, newPassword });
  },
  setupMfa: async (password) => (await post('/auth/mfa/setup', { password })).json as MfaSetup,
  enableMfa: async (password, otp) => {
    const { json } = await post('/auth/mfa/enable', { password, otp });
    updateSessionUser({ mfaEnabled: true });
    return { recoveryCodes: Array.isArray(json?.recoveryCodes) ? json.recoveryCodes : [] };
  },
  runJob: async (name) => (await post(`/jobs/${encodeURIComponent(name)}/runs`, {})).json as JobRun,
  startPlan: async (applicationId) => (await post('/adaptation-plans', { applicationId })).json as AdaptationPlanView,
  planOfCase: async (applicationId) => {
    const filter = encodeURIComponent(JSON.stringify({ applicationId }));
    const [plan] = (await apiFetch(`/adaptation-plans?filter=${filter}`)).json as { id: number }[];
    return plan ? ((await apiFetch(`/adaptation-plans/${plan.id}`)).json as AdaptationPlanView) : null;
  },
  addPlanItem: async (planId, item) =>
    (await post(`/adaptation-plans/${planId}/items`, item)).json as AdaptationPlanView,
  recordFollowUp: async (id, body) => {
    await post(`/follow-ups/${id}/record`, body);
  },
  decideLegalStep: async (id, body) => {
    await post(`/legal-status-steps/${id}/decision`, body);
  },
  retryApplicantMessage: async (id) => {
    await post(`/applicant-messages/${id}/retry`, {});
  },
  publishStatisticsRelease: async (note) => (await post('/statistics-releases', { note })).json as JobRun,
  stepReferral: async (id, body) => (await post(`/referrals/${id}/transitions`, body)).json as ReferralView,
  getForecast: async (regionCode) =>
    (await apiFetch(`/monitoring/forecasts?regionCode=${encodeURIComponent(regionCode)}`)).json as ForecastView,
  importArrivalsHistory: async (file) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return (await apiFetch('/monitoring/arrivals-history/import', { method: 'POST', body }))
      .json as HistoryImportResult;
  },
  startImport: async ({ kind, mode, regionCode, file }) => {
    const body = new FormData();
    body.append('kind', kind);
    body.append('mode', mode);
    if (regionCode) body.append('regionCode', regionCode);
    body.append('file', file, file.name);
    return (await apiFetch('/imports', { method: 'POST', body })).json as { id: string };
  },
  disableMfa: async (password) => {
    await post('/auth/mfa/disable', { password });
    updateSessionUser({ mfaEnabled: false });
  },
};
