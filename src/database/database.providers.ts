import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import { APP_CONFIG, DATABASE_URL } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';

export { DATABASE_URL };

// The DataSource is created once per process from the resolved URL (embedded or DATABASE_URL).
export const DATA_SOURCE_PROVIDER: Provider = {
  provide: DataSource,
  inject: [DATABASE_URL, APP_CONFIG],
  useFactory: async (url: string, config: AppConfig) => {
    const dataSource = createDataSource(url, {
      poolSize: config.databasePoolSize,
      poolWaitMs: config.databasePoolWaitMs,
    });
    await dataSource.initialize();
    return dataSource;
  },
};
