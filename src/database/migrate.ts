import { grantAppRole, roleOf } from './app-role.js';
import { createDataSource } from './data-source.js';

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, { poolSize: 2, applicationName: 'amnesty-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

// Migrations as the owner, then the application role's grants over whatever the migrations made. With one URL for
// both (a DATABASE_URL without MIGRATION_DATABASE_URL) the application runs as the owner, as before.
export async function prepareDatabase(target: { ownerUrl: string; appUrl: string }): Promise<string[]> {
  const applied = await runMigrations(target.ownerUrl);
  if (roleOf(target.appUrl) !== roleOf(target.ownerUrl)) await grantAppRole(target.ownerUrl, roleOf(target.appUrl));
  return applied;
}
