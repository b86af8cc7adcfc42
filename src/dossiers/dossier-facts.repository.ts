// dossier_facts: the engine's facts of each dossier's latest content version (src/eligibility/stored-facts.ts). The
// dossier writers put them in with the version (dossier-bulk-writer.repository.ts, the synthetic loader's COPY); the
// readers here take them through any connection, so that a worker thread can read on its own.
import { copyOut } from '../database/pg-copy.js';
import { isUuid } from '../kernel/uuid.js';

interface Queryable {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

// A node-postgres client (it runs COPY).
interface CopyClient {
  query(submittable: unknown): unknown;
}

export interface FactsKey {
  id: string;
  version: number;
}

// One dossier version's stored facts, or — when they are missing, of an older version or of another format — its
// document as JSON text, to be mapped again.
export interface FactsOrDocument {
  id: string;
  facts: string | null;
  document: string | null;
}

export interface FactsRow {
  id: string;
  version: number;
  format: number;
  facts: string;
}

// Read with COPY (src/database/pg-copy.ts), which costs the reading thread half of what a SELECT of the same long
// texts does. COPY takes no parameters, so the keys are written into the statement, each checked first: a uuid, a
// whole number.
export async function factsOrDocuments(
  client: CopyClient,
  keys: FactsKey[],
  format: number,
): Promise<FactsOrDocument[]> {
  if (!keys.length) return [];
  for (const k of keys)
    if (!isUuid(k.id) || !Number.isSafeInteger(k.version))
      throw new Error(`not a dossier version key: ${JSON.stringify(k)}`);
  if (!Number.isSafeInteger(format)) throw new Error(`not a facts format: ${format}`);
  const rows = await copyOut(
    client,
    `SELECT k.id, f.facts, CASE WHEN f.facts IS NULL THEN v.document::text END AS document
     FROM unnest('{${keys.map((k) => k.id).join(',')}}'::uuid[], '{${keys.map((k) => k.version).join(',')}}'::int[])
       AS k(id, version)
     LEFT JOIN dossier_facts f ON f.dossier_id = k.id AND f.version = k.version AND f.format = ${format}
     LEFT JOIN dossier_versions v ON f.dossier_id IS NULL AND v.dossier_id = k.id AND v.version = k.version
     WHERE f.dossier_id IS NOT NULL OR v.dossier_id IS NOT NULL`,
  );
  return rows.map(([id, facts, document]) => ({ id: id as string, facts, document }));
}

// Facts mapped again from their documents, written back; never over the facts of a later version, which a dossier
// save may have written since they were read.
export async function writeBackFacts(client: Queryable, rows: FactsRow[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `INSERT INTO dossier_facts (dossier_id, version, format, facts)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[])
     ON CONFLICT (dossier_id) DO UPDATE SET version = excluded.version, format = excluded.format, facts = excluded.facts
     WHERE dossier_facts.version < excluded.version
        OR (dossier_facts.version = excluded.version AND dossier_facts.format <> excluded.format)`,
    [rows.map((r) => r.id), rows.map((r) => r.version), rows.map((r) => r.format), rows.map((r) => r.facts)],
  );
}

// How many of these dossiers' latest content versions have no current facts stored.
export async function staleFactsCount(client: Queryable, roundId: string, format: number): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM dossiers d
     LEFT JOIN dossier_facts f ON f.dossier_id = d.id AND f.format = $2
       AND f.version = (SELECT max(v.version) FROM dossier_versions v WHERE v.dossier_id = d.id)
     WHERE d.round_id = $1 AND f.dossier_id IS NULL`,
    [roundId, format],
  );
  return (rows[0] as { n: number }).n;
}
