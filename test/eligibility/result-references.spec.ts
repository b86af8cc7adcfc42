import { randomUUID } from 'node:crypto';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';

// A stored result names its dossier, round and screening; the database checks them per statement
// (migration 1764006400000) as its foreign keys did per row: a result naming a row that does not exist is refused,
// and so is deleting or re-keying a row a result names.
describe('the references of a stored result', () => {
  const db = useFreshDatabase('result_references');
  let dossier: { id: string; round_id: string };
  let screeningId: string;

  const insert = (o: { dossierId?: string; roundId?: string; screeningId?: string | null }) =>
    db.client().query(
      `INSERT INTO eligibility_results (dossier_id, dossier_version, round_id, screening_id, pack_id, pack_version,
                                        facts_hash, outcome, result)
       VALUES ($1, 1, $2, $3, 'pack', '1', 'hash', 'ELIGIBLE', '{}')`,
      [
        o.dossierId ?? dossier.id,
        o.roundId ?? dossier.round_id,
        o.screeningId === undefined ? screeningId : o.screeningId,
      ],
    );
  const refused = async (statement: Promise<unknown>, message: RegExp) => {
    const error = (await statement.then(
      () => null,
      (e: unknown) => e,
    )) as { code?: string; message?: string } | null;
    expect(error).toMatchObject({ code: '23503' });
    expect(error?.message).toMatch(message);
  };

  beforeAll(async () => {
    await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    [dossier] = (await db.client().query('SELECT id, round_id FROM dossiers ORDER BY id LIMIT 1')).rows;
    [{ id: screeningId }] = (
      await db
        .client()
        .query(`INSERT INTO screenings (round_id, status, total) VALUES ($1, 'DONE', 1) RETURNING id`, [
          dossier.round_id,
        ])
    ).rows;
  }, 120_000);

  it('stores a result whose dossier, round and screening exist, with or without a screening', async () => {
    await insert({});
    await insert({ screeningId: null });
    const { rows } = await db
      .client()
      .query('SELECT count(*)::int AS n FROM eligibility_results WHERE dossier_id = $1 AND pack_id = $2', [
        dossier.id,
        'pack',
      ]);
    expect(rows[0].n).toBe(2);
  });

  it('refuses a result naming a dossier, round or screening that does not exist', async () => {
    await refused(insert({ dossierId: randomUUID() }), /dossier/);
    await refused(insert({ roundId: randomUUID() }), /rounds/);
    await refused(insert({ screeningId: randomUUID() }), /screenings/);
    await refused(
      db
        .client()
        .query('UPDATE eligibility_results SET screening_id = $2 WHERE screening_id = $1', [screeningId, randomUUID()]),
      /screenings/,
    );
  });

  it('refuses to delete or re-key a screening, round or dossier a result names', async () => {
    await refused(db.client().query('DELETE FROM screenings WHERE id = $1', [screeningId]), /eligibility_results/);
    await refused(
      db.client().query('UPDATE screenings SET id = $2 WHERE id = $1', [screeningId, randomUUID()]),
      /eligibility_results/,
    );
    await refused(db.client().query('DELETE FROM rounds WHERE id = $1', [dossier.round_id]), /./);
    await refused(db.client().query('DELETE FROM dossiers WHERE id = $1', [dossier.id]), /./);
    // Once no result names it, the screening may go.
    await db.client().query('DELETE FROM eligibility_results WHERE screening_id = $1', [screeningId]);
    await db.client().query('DELETE FROM screenings WHERE id = $1', [screeningId]);
  });
});
