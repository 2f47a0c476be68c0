import type { RunningApi } from '../support/api-process';
import { seedEveryList } from '../support/list-records';

/**
 * The data the walk runs on: something in every list each walked role opens. All of
 * the walk's data preparation is here, so it can switch to the demo generator
 * (DEMO_FAMILIES on API start) once that lands, without touching the walk.
 */
export async function prepareWalkData(api: RunningApi): Promise<void> {
  await seedEveryList(api);
}
