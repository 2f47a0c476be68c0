import type { RunningApi } from '../support/api-process';
import { seedEveryList } from '../support/list-records';

/**
 * The data the walk runs on: the generated demo (docs/demo-data.md) — a few hundred
 * families, so the walk stays fast, with the default seed, so a finding reproduces —
 * loaded by the API at start, plus `seedEveryList`'s records with long Kazakh names in
 * every list a Pavlodar caseworker and official open (the demo spreads its families
 * over all regions and may leave one of those lists empty).
 */
export const WALK_API_ENV = { DEMO_FAMILIES: '300', DEMO_SEED: '2026' };

/** Adds to the demo what `WALK_API_ENV` cannot: written once the API is up. */
export async function prepareWalkData(api: RunningApi): Promise<void> {
  await seedEveryList(api);
}
