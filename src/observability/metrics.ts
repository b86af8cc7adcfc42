import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// The process's Prometheus metrics, served at GET /metrics. Module-level so that the code paths that count (jobs,
// screenings, PDF rendering) need no extra dependency; gauges that read the database are wired by MetricsService.
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by route template, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'job_duration_seconds',
  help: 'Duration of queued jobs by queue and outcome',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
  registers: [metricsRegistry],
});

export const screenedDossiers = new Counter({
  name: 'screening_dossiers_total',
  help: 'Dossiers evaluated by screenings (rate() gives the throughput)',
  registers: [metricsRegistry],
});

export const pdfPagesRendered = new Counter({
  name: 'pdf_pages_rendered_total',
  help: 'PDF pages rendered by document jobs, by document kind',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const queueDepth = new Gauge({
  name: 'job_queue_depth',
  help: 'Jobs waiting or running, by queue and state',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
});

export const dbPoolConnections = new Gauge({
  name: 'db_pool_connections',
  help: 'Application database pool connections by state (total, idle, waiting clients)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});
