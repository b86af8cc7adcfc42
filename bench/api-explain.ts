import type { DataSource, QueryRunner } from 'typeorm';

interface Statement {
  sql: string;
  params: unknown[];
}

export type Recorder = (work: () => Promise<unknown>) => Promise<Statement[]>;

// Keeps the statements the application runs (through its data source) while a piece of work runs, one request at a
// time, so that each request's statements can be explained afterwards.
export function recordStatements(dataSource: DataSource): Recorder {
  let into: Statement[] | null = null;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, params?: unknown[], structured?: boolean) => {
      into?.push({ sql, params: params ?? [] });
      return query(sql, params, structured as true);
    }) as QueryRunner['query'];
    return runner;
  };
  return async (work) => {
    const statements: Statement[] = [];
    into = statements;
    try {
      await work();
    } finally {
      into = null;
    }
    return statements;
  };
}

interface Explained {
  sql: string;
  ms: number;
  top: string;
  buffers: string;
}

// EXPLAIN (ANALYZE, BUFFERS) of each read the request ran, in a transaction rolled back afterwards, on a connection of
// the benchmark's own; prints the count, their total execution time and the `top` slowest: plan top line, execution
// time, the top node's buffers.
export async function explainRequest(o: {
  owner: DataSource;
  label: string;
  statements: Statement[];
  top?: number;
}): Promise<void> {
  const explained: Explained[] = [];
  let writes = 0;
  const runner = o.owner.createQueryRunner();
  try {
    for (const { sql, params } of o.statements) {
      // A write replayed after the request finds the version it guarded already moved on and touches nothing.
      const writing = /\b(UPDATE|INSERT|DELETE)\b/i.test(sql.replace(/\bFOR UPDATE\b/gi, ''));
      if (writing && /^\s*(WITH|UPDATE|INSERT|DELETE)\b/i.test(sql)) writes += 1;
      if (writing || !/^\s*(SELECT|WITH)\b/i.test(sql)) continue;
      await runner.query('BEGIN');
      try {
        const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        const lines = plan.map((p) => p['QUERY PLAN']);
        // The top node's own lines come before its first child ("->").
        const child = lines.findIndex((l) => l.includes('->'));
        const own = lines.slice(1, child < 0 ? lines.length : child);
        const time = lines.find((l) => l.startsWith('Execution Time'));
        explained.push({
          sql: sql.replace(/\s+/g, ' ').trim(),
          ms: Number(/([\d.]+) ms/.exec(time ?? '')?.[1] ?? NaN),
          top: lines[0].trim(),
          buffers: own.find((l) => l.trim().startsWith('Buffers:'))?.trim() ?? 'Buffers: (none)',
        });
      } catch (error) {
        explained.push({ sql, ms: NaN, top: `not explained: ${(error as Error).message}`, buffers: '' });
      } finally {
        await runner.query('ROLLBACK');
      }
    }
  } finally {
    await runner.release();
  }
  const total = explained.reduce((sum, e) => sum + (Number.isNaN(e.ms) ? 0 : e.ms), 0);
  console.log(
    `  ${o.label}: ${explained.length} reads, ${total.toFixed(1)} ms of execution in all` +
      (writes ? ` (and ${writes} writes, not replayed)` : ''),
  );
  for (const e of [...explained].sort((a, b) => (b.ms || 0) - (a.ms || 0)).slice(0, o.top ?? 3)) {
    console.log(`    ${e.ms.toFixed(2).padStart(8)} ms  ${e.sql.slice(0, 110)}`);
    console.log(`                 ${e.top.slice(0, 150)}`);
    console.log(`                 ${e.buffers}`);
  }
}
