import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { prepareDatabase } from './migrate.js';

export interface DatabaseTarget {
  // The application's least-privilege role.
  appUrl: string;
  // The owner role (migrations, grants).
  ownerUrl: string;
  // Embedded only: whether this process joined a server another live process runs (and so leaves it running).
  joined: boolean;
  // Stops the embedded server when this process started or adopted it; otherwise does nothing.
  stop(): Promise<void>;
}

// Every process (server, worker, CLI) finds its database the same way: DATABASE_URL (with MIGRATION_DATABASE_URL for
// the owner role) when set; otherwise the embedded PostgreSQL of DATA_DIR, joined when it runs and started when not.
// Migrations and grants are applied before the caller connects.
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'migrationDatabaseUrl' | 'dataDir' | 'databasePort'>,
  options: { log?: (line: string) => void; migrate?: boolean } = {},
): Promise<DatabaseTarget & { applied: string[] }> {
  const target: DatabaseTarget = config.databaseUrl
    ? {
        appUrl: config.databaseUrl,
        ownerUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
        joined: false,
        stop: async () => undefined,
      }
    : await startEmbeddedPostgres({
        dataDir: config.dataDir,
        persistent: true,
        port: config.databasePort,
        log: options.log,
      }).then((db) => ({ appUrl: db.appUrl, ownerUrl: db.url, joined: !db.owned, stop: db.stop }));
  try {
    const applied = options.migrate === false ? [] : await prepareDatabase(target);
    return { ...target, applied };
  } catch (error) {
    await target.stop().catch(() => undefined);
    throw error;
  }
}
