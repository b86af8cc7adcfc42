import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

// What the probes and the metrics read from the database and its connection pool; no versions, nothing personal.
@Injectable()
export class ObservabilityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async appliedMigrations(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS applied FROM schema_migrations');
    return row.applied;
  }

  // Jobs waiting or running, by queue and state; none when the queue's schema cannot be read.
  async queueDepth(): Promise<{ name: string; state: string; n: number }[]> {
    return this.dataSource
      .query(
        `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
         WHERE state IN ('created', 'retry', 'active') GROUP BY name, state`,
      )
      .catch(() => []);
  }

  pool(): PgPool | undefined {
    return (this.dataSource.driver as unknown as { master?: PgPool }).master;
  }
}
