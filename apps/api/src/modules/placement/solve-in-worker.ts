import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlacementInstance } from '@qonys/domain';
import type { SolveOptions, SolveResult, SolverPhase } from './solver';

type WorkerMessage = { phase: SolverPhase } | { result: SolveResult } | { error: string };

/** solvePlacement in a worker thread, so the API keeps answering while a batch solves. */
export function solvePlacementInWorker(instance: PlacementInstance, options: SolveOptions = {}): Promise<SolveResult> {
  const { onPhase, ...rest } = options;
  return new Promise<SolveResult>((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'solver.worker.js'), { workerData: { instance, options: rest } });
    worker.on('message', (message: WorkerMessage) => {
      if ('phase' in message) void Promise.resolve(onPhase?.(message.phase)).catch(() => undefined);
      else if ('result' in message) resolve(message.result);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the solver worker stopped with code ${code}`));
    });
  });
}
