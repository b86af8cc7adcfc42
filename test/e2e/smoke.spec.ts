import pg from 'pg';

describe('test database', () => {
  it('is a real PostgreSQL reachable from the tests', async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ v: string }>('SELECT current_setting($$server_version$$) AS v');
    await client.end();
    expect(Number(rows[0].v.split('.')[0])).toBeGreaterThanOrEqual(16);
  });
});
