/**
 * What a feature module implements to run work on the job queue; see docs/jobs.md.
 * Register a handler with `JobsService.register(handler)` in the module's `onModuleInit`.
 */
export interface JobProgress {
  /** The phase the run is in (a message code from libs/domain/src/messages.ts) and, when known, how many items it has. */
  phase(code: string, total?: number): Promise<void>;
  /** Counts items done (and failed); written to the run table in batches, not per call. */
  advance(processed: number, failed?: number): Promise<void>;
}

export interface JobHandler {
  /** e.g. 'audit-checkpoint' */
  readonly name: string;
  /** A cron expression (UTC), or null for on demand only. */
  readonly schedule: string | null;
  /** Validates and normalises run-now params (throw DomainError for a 400); undefined = no params accepted. */
  parseParams?(raw: unknown): Record<string, unknown>;
  /** Does the work; returns the result stored on the run (JSON). */
  run(params: Record<string, unknown>, progress: JobProgress, runId: string): Promise<Record<string, unknown>>;
}
