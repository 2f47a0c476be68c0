import { Injectable, Logger } from '@nestjs/common';
import { todayInKazakhstan, workingDayNumbers } from '@qonys/domain';
import type { Actor } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import type { JobProgress } from '../jobs/job-handler';
import { CalendarService } from '../reference-data/calendar.service';
import type { DashboardQueryDto } from './dto/dashboard-query.dto';
import { dashboardFigures, type MonitoringDashboard } from './monitoring-figures';
import { MonitoringRepository, type RefreshCounts } from './monitoring.repository';

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/** The monitoring dashboard (docs/monitoring.md): summary tables rewritten by a job, read per page view. */
@Injectable()
export class MonitoringService {
  private readonly logger = new Logger('Monitoring');

  constructor(
    private readonly monitoring: MonitoringRepository,
    private readonly calendar: CalendarService,
  ) {}

  /** A region-scoped caller always gets their own region, whatever region they ask for. */
  async dashboard(actor: Actor, query: DashboardQueryDto): Promise<MonitoringDashboard> {
    const today = todayInKazakhstan();
    const scope = regionScope(actor, 'monitoring', 'show');
    const filter = {
      year: query.year ?? yearOf(today),
      regionId: scope ?? query.regionId ?? null,
      origin: query.origin ?? null,
    };
    return dashboardFigures(await this.monitoring.read(filter, today), filter);
  }

  /**
   * Rewrites every summary table in one transaction: the working-day calendar once for
   * the span of the cases, then one INSERT … SELECT … GROUP BY per table.
   */
  async refresh(progress?: JobProgress): Promise<{ refreshedAt: string; durationMs: number; rows: RefreshCounts }> {
    const started = Date.now();
    const today = todayInKazakhstan();
    const rules = await this.calendar.holidayRules();
    await progress?.phase('monitoring.phase_refreshing');
    const result = await this.monitoring.transaction(async (manager) => {
      const span = await this.monitoring.lockAndSpan(manager);
      const first = span.first ?? today;
      const last = span.last !== null && span.last > today ? span.last : today;
      const { days, numbers } = workingDayNumbers(first, last, rules);
      await this.monitoring.writeCalendar(manager, days, numbers);
      const rows = await this.monitoring.rewriteSummaries(manager, today);
      const refreshedAt = new Date();
      const durationMs = Date.now() - started;
      await this.monitoring.markRefreshed(manager, refreshedAt, durationMs);
      return { refreshedAt: refreshedAt.toISOString(), durationMs, rows };
    });
    return result;
  }

  /** At start-up (after demo data): fills the tables once when they were never filled, so the charts show at once. */
  async refreshIfNeverRefreshed(): Promise<void> {
    if ((await this.monitoring.lastRefresh()) !== null) return;
    const { durationMs } = await this.refresh();
    this.logger.log(`monitoring aggregates computed in ${(durationMs / 1000).toFixed(1)} s`);
  }
}
