import type { DataSource } from 'typeorm';

// Records the workflow would have written, inserted directly so a builder can be tested without walking the whole
// pipeline (the pipeline's own e2e test walks it).

export async function latestVersions(
  ds: DataSource,
  dossierIds: string[],
): Promise<{ id: string; version: number; full_name: string; facility_id: string; content_hash: string }[]> {
  return ds.query(
    `SELECT d.id, v.version, d.full_name, d.facility_id, v.content_hash FROM dossiers d
       JOIN LATERAL (SELECT version, content_hash FROM dossier_versions WHERE dossier_id = d.id ORDER BY version DESC LIMIT 1) v ON true
      WHERE d.id = ANY($1::uuid[]) ORDER BY d.full_name`,
    [dossierIds],
  );
}

export async function insertList(
  ds: DataSource,
  input: {
    roundId: string;
    code: string;
    kind: string;
    ownerUnitId: string;
    createdBy: string;
    dossierIds: string[];
    reasonCode?: string;
    reason?: string;
  },
): Promise<string> {
  const rows = await latestVersions(ds, input.dossierIds);
  const [{ id }] = await ds.query(
    `INSERT INTO list_snapshots (round_id, code, kind, from_stage, to_stage, owner_unit_id, entry_count, content_hash, created_by)
     VALUES ($1, $2, $3, 'x', 'y', $4, $5, 'kiem-thu', $6) RETURNING id`,
    [input.roundId, input.code, input.kind, input.ownerUnitId, rows.length, input.createdBy],
  );
  for (const [index, row] of rows.entries()) {
    await ds.query(
      `INSERT INTO list_entries (list_id, dossier_id, position, dossier_version, content_hash, full_name, facility_id, reason_code, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        row.id,
        index + 1,
        row.version,
        row.content_hash,
        row.full_name,
        row.facility_id,
        input.reasonCode ?? null,
        input.reason ?? null,
      ],
    );
  }
  return id;
}

export async function userId(ds: DataSource, username: string): Promise<string> {
  const [{ id }] = await ds.query('SELECT id FROM users WHERE username = $1', [username]);
  return id;
}
