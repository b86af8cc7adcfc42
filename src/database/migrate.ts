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
