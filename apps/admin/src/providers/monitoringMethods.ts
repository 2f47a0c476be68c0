import type { MonitoringDashboard } from '@qonys/domain';
import { apiFetch } from './httpClient';

/** The dashboard's filters; a region-scoped user's region is set by the server whatever is sent. */
export interface MonitoringFilters {
  year: number;
  regionId?: number;
  origin?: string;
}

/** The monitoring figures (docs/monitoring.md). */
export interface MonitoringMethods {
  getMonitoring(filters: MonitoringFilters): Promise<MonitoringDashboard>;
}

export const monitoringMethods: MonitoringMethods = {
  getMonitoring: async ({ year, regionId, origin }) => {
    const query = new URLSearchParams({ year: String(year) });
    if (regionId !== undefined) query.set('regionId', String(regionId));
    if (origin !== undefined) query.set('origin', origin);
    return (await apiFetch(`/monitoring/dashboard?${query.toString()}`)).json as MonitoringDashboard;
  },
};
