import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { createFileStore } from '../../common/storage/file-store.provider';

/** Injection token for the store of large exports' files (its own area: `exports/…`). */
export const EXPORT_STORE = Symbol('EXPORT_STORE');

export const exportStoreProvider: Provider = {
  provide: EXPORT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createFileStore(config, 'exports'),
};
