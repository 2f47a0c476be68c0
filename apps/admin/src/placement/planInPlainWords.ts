import type { PlacementBatch } from '../providers/placementTypes';

/** A sentence of the summary: a translation key (app.plan_words.*) with its arguments. */
export interface PlainLine {
  key: string;
  args: Record<string, string | number>;
}

/** Below this the plan is the best there is (the solver's tolerance). */
const OPTIMAL_GAP = 1e-9;

/**
 * What a batch means for the families, in an official's words rather than the
 * solver's: how close to the best possible plan it is, how many families get a
 * place and where, and how many wait. `percent` formats a share (0.0001 → "0,01 %").
 */
export function planInPlainWords(batch: PlacementBatch, percent: (share: number) => string): PlainLine[] {
  const lines: PlainLine[] = [];
  if (batch.gap !== null) {
    lines.push(
      batch.gap <= OPTIMAL_GAP || batch.fcfsReport?.solver?.provenOptimal === true
        ? { key: 'best', args: {} }
        : { key: 'near_best', args: { gap: percent(Math.max(batch.gap, 0.0001)) } },
    );
  }
  const report = batch.fcfsReport?.optimal;
  if (!report) return lines;
  lines.push({ key: 'placed', args: { placed: report.placed, families: report.families } });
  if (report.firstChoice !== undefined) lines.push({ key: 'first_choice', args: { count: report.firstChoice } });
  lines.push({ key: 'preferred', args: { count: Math.round(report.preferredShare * report.families) } });
  lines.push(
    report.unplaced > 0 ? { key: 'waiting', args: { count: report.unplaced } } : { key: 'none_waiting', args: {} },
  );
  return lines;
}
