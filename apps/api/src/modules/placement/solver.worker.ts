import { parentPort, workerData } from 'node:worker_threads';
import type { PlacementInstance } from '@qonys/domain';
import { type SolveOptions, solvePlacement } from './solver';

/**
 * Runs one batch solve off the main thread: HiGHS solves synchronously, and a
 * 10,000-family LP would otherwise stall every request of this replica for seconds.
 * Messages out: `{ phase }` as the solve advances, then `{ result }` or `{ error }`.
 */
const { instance, options } = workerData as { instance: PlacementInstance; options: Omit<SolveOptions, 'onPhase'> };

solvePlacement(instance, { ...options, onPhase: (phase) => parentPort!.postMessage({ phase }) })
  .then((result) => parentPort!.postMessage({ result }))
  .catch((error: unknown) =>
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
