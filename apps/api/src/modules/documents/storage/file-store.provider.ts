import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app.config';
import { FILE_STORE, type FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

/** The FileStore STORAGE_DRIVER names. */
export function createFileStore({ storage }: AppConfig): FileStore {
  switch (storage.driver) {
    case 'local':
      return new LocalFileStore(storage.directory);
    case 's3':
      return new S3FileStore(storage);
  }
}

export const fileStoreProvider: Provider = {
  provide: FILE_STORE,
  inject: [APP_CONFIG],
  useFactory: createFileStore,
};
