import { DataSource, type QueryRunner } from 'typeorm';

// A query runner on the database at `url` for a migration's down and up, released (and its data source closed) after.
export async function withQueryRunner(url: string, body: (runner: QueryRunner) => Promise<void>): Promise<void> {
  const source = new DataSource({ type: 'postgres', url });
  await source.initialize();
  const runner = source.createQueryRunner();
  try {
    await body(runner);
  } finally {
    await runner.release();
    await source.destroy();
  }
}
