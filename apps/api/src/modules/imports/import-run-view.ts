import {
  type CodedMessage,
  englishMessage,
  type ImportKind,
  type ImportMode,
  type ImportState,
  isMessageCode,
} from '@qonys/domain';
import type { ImportRun, StoredRowError } from './entities/import-run.entity';

/** How many of a run's errors the API shows; the error file has every stored one. */
export const ERRORS_SHOWN = 1000;

/** One refused cell as the API shows it: `message` is a catalogue code with its parameters. */
export interface RowErrorView {
  row: number;
  field: string;
  message: CodedMessage;
}

/** A run as the API shows it: state, progress and the report. */
export interface ImportRunView {
  id: string;
  kind: ImportKind;
  mode: ImportMode;
  state: ImportState;
  fileName: string;
  fileSize: number;
  regionId: number | null;
  progress: { rowsRead: number; rowsValid: number; rowsWritten: number };
  report: { inserted: number | null; updated: number | null; unchanged: number | null; errors: RowErrorView[] };
  errorCount: number;
  error: (CodedMessage & { message: string }) | null;
  attempts: number;
  createdBy: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const rowErrorView = (e: StoredRowError): RowErrorView => ({
  row: e.row,
  field: e.field,
  message: { code: isMessageCode(e.code) ? e.code : 'import.refused', params: e.params },
});

export function importRunView(run: ImportRun, withErrors = true): ImportRunView {
  const code = run.errorCode === null ? null : isMessageCode(run.errorCode) ? run.errorCode : 'jobs.run_failed';
  const error = code === null ? null : { code, params: run.errorParams ?? {} };
  return {
    id: run.id,
    kind: run.kind,
    mode: run.mode,
    state: run.state,
    fileName: run.fileName,
    fileSize: run.fileSize,
    regionId: run.regionId,
    progress: { rowsRead: run.rowsRead, rowsValid: run.rowsValid, rowsWritten: run.rowsWritten },
    report: {
      inserted: run.inserted,
      updated: run.updated,
      unchanged: run.unchanged,
      errors: withErrors ? (run.errors ?? []).slice(0, ERRORS_SHOWN).map(rowErrorView) : [],
    },
    errorCount: run.errorCount,
    error: error && { ...error, message: englishMessage(error.code, error.params) },
    attempts: run.attempts,
    createdBy: run.createdBy,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
