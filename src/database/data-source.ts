import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../../migrations/index.js';

export function createDataSource(
  url: string,
  options: { poolSize?: number; poolWaitMs?: number; applicationName?: string } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      // A request never waits for a connection without end: past this it fails (503), so an exhausted pool shows.
      connectionTimeoutMillis: options.poolWaitMs ?? 15_000,
      application_name: options.applicationName ?? 'amnesty-pipeline',
    },
  });
}
