import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dbPoolConnections, metricsRegistry, queueDepth } from './metrics.js';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

// Reads the gauges that live in the database and the pool at scrape time, then renders every metric.
@Injectable()
export class MetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async scrape(): Promise<{ contentType: string; body: string }> {
    const pool = (this.dataSource.driver as unknown as { master?: PgPool }).master;
    if (pool) {
      dbPoolConnections.set({ state: 'total' }, pool.totalCount);
      dbPoolConnections.set({ state: 'idle' }, pool.idleCount);
      dbPoolConnections.set({ state: 'waiting' }, pool.waitingCount);
    }
    queueDepth.reset();
    const rows: { name: string; state: string; n: number }[] = await this.dataSource
      .query(
        `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
         WHERE state IN ('created', 'retry', 'active') GROUP BY name, state`,
      )
      .catch(() => []);
    for (const row of rows) queueDepth.set({ queue: row.name, state: row.state }, row.n);
    return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
  }
}
