import pg from 'pg';
import { copyOut } from '../../src/database/pg-copy.js';
import { factsOrDocuments } from '../../src/dossiers/dossier-facts.repository.js';

// COPY … TO STDOUT gives back exactly what a SELECT of the same rows gives: every character COPY's text format escapes,
// NULL apart from an empty string, text in Vietnamese, JSON with escaped quotes and backslashes.
describe('reading rows with COPY TO STDOUT', () => {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const VALUES = [
    'Nguyễn Văn Đức — trại giam Thủ Đức',
    'tab\there, newline\nhere, return\rhere',
    'backslash \\ and \\N and \\t written out',
    '{"name":"Tàng trữ \\"trái phép\\"","path":"C:\\\\hồ sơ"}',
    '\b\f\u000b control characters',
    '',
    null,
  ];

  it('returns each field as the SELECT does', async () => {
    const select = `SELECT n, v, length(v) AS len FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`;
    const selected = (await client.query(select, [VALUES])).rows.map((r) => [
      String(r.n),
      r.v,
      r.len?.toString() ?? null,
    ]);
    // COPY takes no parameters: the same values as a literal array.
    const literal = `'{${VALUES.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}'`;
    const copied = await copyOut(client, select.replace('$1', literal));
    expect(copied).toEqual(selected);
    expect(copied.map((r) => r[1])).toEqual(VALUES);
  });

  it('settles with the server error when the statement is refused, and the connection goes on', async () => {
    await expect(copyOut(client, 'SELECT 1 / 0')).rejects.toThrow(/division by zero/);
    expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('writes into the statement only dossier version keys it has checked', async () => {
    await expect(factsOrDocuments(client, [{ id: "x'); DROP TABLE dossiers; --", version: 1 }], 2)).rejects.toThrow(
      /not a dossier version key/,
    );
    await expect(
      factsOrDocuments(client, [{ id: '00000000-0000-4000-8000-000000000001', version: 1.5 }], 2),
    ).rejects.toThrow(/not a dossier version key/);
    expect(await factsOrDocuments(client, [{ id: '00000000-0000-4000-8000-000000000001', version: 1 }], 2)).toEqual([]);
  });
});
