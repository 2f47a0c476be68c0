import type { Provider } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { FILE_STORE, type FileStore, type StorageArea } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

/** The FileStore STORAGE_DRIVER names, for one area: on disk its own folder, in S3 its own key prefix. */
export function createFileStore({ storage, dataDir }: AppConfig, area: StorageArea = 'documents'): FileStore {
  switch (storage.driver) {
    case 'local':
      return new LocalFileStore(area === 'documents' ? storage.directory : join(dataDir, area), area);
    case 's3':
      return new S3FileStore(storage, area);
  }
}

export const fileStoreProvider: Provider = {
  provide: FILE_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createFileStore(config),
};

/** Injection token for the store of signed audit checkpoints. */
export const CHECKPOINT_STORE = Symbol('CHECKPOINT_STORE');

export const checkpointStoreProvider: Provider = {
  provide: CHECKPOINT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createFileStore(config, 'audit-checkpoints'),
};

/** Injection token for the store of uploaded import files. */
export const IMPORT_FILE_STORE = Symbol('IMPORT_FILE_STORE');

export const importFileStoreProvider: Provider = {
  provide: IMPORT_FILE_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createFileStore(config, 'imports'),
};
