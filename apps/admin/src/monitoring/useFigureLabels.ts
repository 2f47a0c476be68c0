import { useLocaleState, useTranslate } from 'react-admin';
import { localizedName } from '../common/localizedName';
import { countryName } from '../common/world/worldNames';
import type { MonitoringDashboard } from '@qonys/domain';

/** Names of what the figures count, in the UI language. */
export function useFigureLabels(board: MonitoringDashboard) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const regions = new Map(board.regions.map((r) => [r.id, r]));
  const unknown = translate('app.monitoring.unknown');
  return {
    column: (key: string) => translate(`app.monitoring.columns.${key}`),
    figure: (key: string) => translate(`app.monitoring.figures.${key}`),
    month: (month: string) => `${translate(`app.months.${Number(month.slice(5, 7))}`)} ${month.slice(0, 4)}`,
    shortMonth: (month: string) => translate(`app.monitoring.months_short.${Number(month.slice(5, 7))}`),
    status: (status: string) => translate(`app.statuses.${status}`),
    region: (id: number) => {
      const region = regions.get(id);
      return region ? localizedName(region, locale) : String(id);
    },
    country: (code: string | null) => (code ? countryName(code, locale) : unknown),
    sex: (sex: string) => translate(`app.sexes.${sex}`),
    education: (level: string | null) => (level ? translate(`app.education_levels.${level}`) : unknown),
    outcome: (outcome: string) => translate(`app.monitoring.outcomes.${outcome}`),
    ground: (row: MonitoringDashboard['decisionsByGround'][number]) =>
      row.legalGround ? localizedName(row.legalGround, locale) : '',
    referralOutcome: (outcome: string) => translate(`app.monitoring.referral_outcomes.${outcome}`),
    benefitKind: (kind: string) => translate(`app.benefit_kinds.${kind}`),
    balanceGroup: (group: string) => translate(`app.monitoring.balance_groups.${group}`),
  };
}

export type FigureLabels = ReturnType<typeof useFigureLabels>;
