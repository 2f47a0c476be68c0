import type { AuditEntry } from '../audit/audit.service';
import type { ImportRun } from './entities/import-run.entity';
import type { RunOutcome } from './imports.repository';

/** The one audit entry of an ended run: what was imported, how, and the counts (no row's content). */
export function importAuditEntry(run: ImportRun, scope: number | null, outcome: RunOutcome): AuditEntry {
  const after = (value: unknown) => ({ before: null, after: value });
  return {
    action: 'import_run.complete',
    entityType: 'import_run',
    entityId: run.id,
    regionId: scope,
    changes: {
      kind: after(run.kind),
      mode: after(run.mode),
      file: after(run.fileName),
      rowsRead: after(outcome.rowsRead),
      inserted: after(outcome.inserted),
      updated: after(outcome.updated),
      unchanged: after(outcome.unchanged),
      errors: after(outcome.errorCount),
    },
  };
}
