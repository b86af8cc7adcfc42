import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import { DATABASE_URL } from '../config/config.tokens.js';

export { DATABASE_URL };

// The DataSource is created once per process from the resolved URL (embedded or DATABASE_URL).
export const DATA_SOURCE_PROVIDER: Provider = {
  provide: DataSource,
  inject: [DATABASE_URL],
  useFactory: async (url: string) => {
    const dataSource = createDataSource(url);
    await dataSource.initialize();
    return dataSource;
  },
};
