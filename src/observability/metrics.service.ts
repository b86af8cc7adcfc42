import { Injectable } from '@nestjs/common';
import { dbPoolConnections, metricsRegistry, queueDepth } from './metrics.js';
import { ObservabilityRepository } from './observability.repository.js';

// Reads the gauges that live in the database and the pool at scrape time, then renders every metric.
@Injectable()
export class MetricsService {
  constructor(private readonly repository: ObservabilityRepository) {}

  async scrape(): Promise<{ contentType: string; body: string }> {
    const pool = this.repository.pool();
    if (pool) {
      dbPoolConnections.set({ state: 'total' }, pool.totalCount);
      dbPoolConnections.set({ state: 'idle' }, pool.idleCount);
      dbPoolConnections.set({ state: 'waiting' }, pool.waitingCount);
    }
    const rows = await this.repository.queueDepth();
    queueDepth.reset();
    for (const row of rows) queueDepth.set({ queue: row.name, state: row.state }, row.n);
    return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
  }
}
