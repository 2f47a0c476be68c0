import request from 'supertest';
import { bearer } from './api-helpers';
import type { Session } from './auth';

/** A job run as GET /api/jobs/runs/:id answers it (docs/jobs.md). */
export interface RunBody {
  id: string;
  jobName: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  progress: { phase: string | null; total: number | null; processed: number; failed: number };
  result: Record<string, unknown> | null;
  error: { code: string; params: Record<string, unknown>; message: string } | null;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for a run until `done` holds (or 60 s pass); returns its last state. */
export async function pollRun(
  url: string,
  session: Session,
  id: string,
  done: (run: RunBody) => boolean,
): Promise<RunBody> {
  let run: RunBody | undefined;
  for (let i = 0; i < 600; i++) {
    const response = await request(url).get(`/api/jobs/runs/${id}`).set(bearer(session.accessToken)).expect(200);
    run = response.body as RunBody;
    if (done(run)) return run;
    await sleep(100);
  }
  throw new Error(`run ${id} still ${run?.state}: ${JSON.stringify(run)}`);
}

export const finished = (run: RunBody) => run.state === 'completed' || run.state === 'failed';
