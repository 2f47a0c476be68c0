import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { DataKeysRepository } from './data-keys.repository';
import { DataKeysService } from './data-keys.service';
import { MasterKeyCipher } from './master-key-cipher';

/** Global: the audit log seals personal values and the accounts seal TOTP secrets with these keys. */
@Global()
@Module({
  providers: [
    {
      provide: MasterKeyCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new MasterKeyCipher(config.dataMasterKeys),
    },
    DataKeysRepository,
    DataKeysService,
  ],
  exports: [MasterKeyCipher, DataKeysService],
})
export class DataKeysModule {}
