import type { RelianceRow } from './stored-reliances.js';

// Any connection: a screening thread's own client, or a transaction's manager (whose results then name them).
interface Queryable {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

// Stores the round values that results about to be written refer to; a value already there is the same value.
export async function storeReliances(q: Queryable, rows: readonly RelianceRow[]): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `INSERT INTO eligibility_reliances (id, label, source, confidence)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.label), rows.map((r) => r.source), rows.map((r) => r.confidence)],
  );
}
