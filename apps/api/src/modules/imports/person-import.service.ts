import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { importColumnOf, PERSON_IMPORT_COLUMNS } from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import type { JobProgress } from '../jobs/job-handler';
import type { ImportRun, StoredRowError } from './entities/import-run.entity';
import { IMPORT_ERRORS_KEPT, ImportsRepository, type RunOutcome } from './imports.repository';
import { checkPersonRow, copyLine, DerivedNameCache } from './person-rows';
import { PersonImportRepository } from './person-import.repository';
import { readTableRows } from './table-stream';
import { importAuditEntry } from './import-audit';

/** COPY data goes to the server in pieces of about this many characters. */
const COPY_CHUNK = 256 * 1024;
/** Progress is written at most this often (it is also the job's heartbeat). */
const PROGRESS_MS = 1000;

const rowOrder = (a: StoredRowError, b: StoredRowError) => a.row - b.row || a.field.localeCompare(b.field);

/**
 * A persons file into `person` (docs/imports.md): the rows are read as a stream, checked
 * and given their derived columns in JS, COPYed into a staging table, checked as a set in
 * SQL, and merged by natural key, all in one transaction with the run's end and its audit
 * entry. Any bad row refuses the whole file: nothing is written and every problem is listed.
 */
@Injectable()
export class PersonImportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: PersonImportRepository,
    private readonly runs: ImportsRepository,
    private readonly audit: AuditService,
  ) {}

  async run(ctx: AuthedContext, run: ImportRun, scope: number | null, input: Readable, progress: JobProgress) {
    const counts = { read: 0, valid: 0 };
    const errors: StoredRowError[] = [];
    let errorCount = 0;
    const keep = (found: StoredRowError[]) => {
      errorCount += found.length;
      for (const e of found) if (errors.length < IMPORT_ERRORS_KEPT) errors.push(e);
    };
    // The embedded database has one connection, held by the transaction: progress waits for the end there.
    const live = this.config.databaseUrl !== null;
    let lastWrite = performance.now();
    const report = async () => {
      if (!live || performance.now() - lastWrite < PROGRESS_MS) return;
      lastWrite = performance.now();
      await this.runs.progress(run.id, counts.read, counts.valid);
      await progress.advance(0);
    };

    const names = new DerivedNameCache();
    const chunks = async function* (): AsyncGenerator<string> {
      let header: string[] | null = null;
      let buffer = '';
      for await (const { row, cells } of readTableRows(input, run.format)) {
        if (header === null) {
          header = cells.map(importColumnOf);
          const missing = PERSON_IMPORT_COLUMNS.filter((c) => !header!.includes(c));
          if (missing.length > 0)
            throw DomainError.invalid({
              file: {
                code: 'import.header',
                params: { columns: PERSON_IMPORT_COLUMNS.join(', '), missing: missing.join(', ') },
              },
            });
          continue;
        }
        if (cells.every((c) => c === '')) continue;
        counts.read += 1;
        const record: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) record[header[i]] = cells[i] ?? '';
        const checked = checkPersonRow(row, record, names);
        if (checked.ok) {
          counts.valid += 1;
          buffer += copyLine(checked.value);
          if (buffer.length >= COPY_CHUNK) {
            yield buffer;
            buffer = '';
          }
        } else keep(checked.errors);
        if ((counts.read & 1023) === 0) await report();
      }
      if (header === null) throw DomainError.invalid({ file: 'import.no_rows' });
      if (buffer.length > 0) yield buffer;
    };

    // Where the time goes, kept on the job's result (the bench prints it).
    const timingsMs: Record<string, number> = {};
    let mark = performance.now();
    const lap = (name: string) => {
      timingsMs[name] = Math.round(performance.now() - mark);
      mark = performance.now();
    };
    await progress.phase('imports.phase_reading');
    type Ended = { state: 'failed' | 'completed' | 'committed'; outcome: RunOutcome };
    const outcome = await this.transactions.inTransaction<Ended>(async (tx) => {
      await tx.createStage();
      await tx.copy(chunks());
      lap('readCheckCopy');
      await progress.phase('imports.phase_checking');
      keep(await tx.checkRegions(scope, run.defaultRegionId));
      keep(await tx.repeats());
      keep(await tx.matchRegistered(scope, run.mode));
      lap('sqlChecks');
      if (counts.read === 0) keep([{ row: 2, field: 'file', code: 'import.no_rows', params: {} }]);
      const base = { rowsRead: counts.read, errors: errors.sort(rowOrder), errorCount };
      if (errorCount > 0) {
        const failed: RunOutcome = {
          ...base,
          rowsValid: counts.read - new Set(errors.map((e) => e.row)).size,
          rowsWritten: 0,
          inserted: null,
          updated: null,
          unchanged: null,
          error: { code: 'imports.rows_invalid', params: { count: errorCount } },
        };
        return { commit: false, value: { state: 'failed', outcome: failed } };
      }
      if (run.mode === 'dry-run') {
        const would = await tx.wouldMerge();
        const dry: RunOutcome = {
          ...base,
          rowsValid: counts.valid,
          rowsWritten: 0,
          ...would,
          unchanged: counts.valid - would.inserted - would.updated,
          error: null,
        };
        return { commit: false, value: { state: 'completed', outcome: dry } };
      }
      await progress.phase('imports.phase_writing', counts.valid);
      const merged = await tx.merge(run.mode, run.createdBy);
      lap('merge');
      const done: RunOutcome = {
        ...base,
        rowsValid: counts.valid,
        rowsWritten: merged.inserted + merged.updated,
        ...merged,
        unchanged: counts.valid - merged.inserted - merged.updated,
        error: null,
      };
      // The run's end and its audit entry commit with the rows: a restart finds it done or finds nothing written.
      await this.runs.finish(run.id, 'completed', done, tx.manager);
      await this.audit.record(tx.manager, ctx, importAuditEntry(run, scope, done));
      return { commit: true, value: { state: 'committed', outcome: done } };
    });
    lap('commit');
    if (outcome.state !== 'committed') {
      await this.runs.finish(run.id, outcome.state === 'failed' ? 'failed' : 'completed', outcome.outcome);
      await this.audit.recordAlone(ctx, importAuditEntry(run, scope, outcome.outcome));
    }
    return { ...outcome.outcome, timingsMs };
  }
}
