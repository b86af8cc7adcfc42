import pg from 'pg';
import { APPEND_ONLY_TABLES } from '../../src/database/app-role.js';

// The application (and every test application) logs in as a role that is neither superuser nor owner, and the
// evidence tables are append-only by grant, whatever the session tries.
describe('least-privilege database role', () => {
  const app = new pg.Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  const owner = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  beforeAll(async () => {
    await app.connect();
    await owner.connect();
  });
  afterAll(async () => {
    await app.end();
    await owner.end();
  });

  it('is a separate login role without superuser, role, database or ownership rights', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
         FROM pg_roles WHERE rolname = current_user`,
    );
    const { rows: ownerRows } = await owner.query('SELECT current_user AS name');
    expect(rows[0]).toEqual({
      name: expect.any(String),
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      owned: 0,
    });
    expect(rows[0].name).not.toBe(ownerRows[0].name);
  });

  it.each(APPEND_ONLY_TABLES)('may read and append to %s but not change or empty it', async (table) => {
    const { rows } = await app.query(
      `SELECT has_table_privilege($1, 'SELECT') AS select, has_table_privilege($1, 'INSERT') AS insert,
              has_table_privilege($1, 'UPDATE') AS update, has_table_privilege($1, 'DELETE') AS delete,
              has_table_privilege($1, 'TRUNCATE') AS truncate`,
      [table],
    );
    expect(rows[0]).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false });
    await expect(app.query(`DELETE FROM ${table} WHERE false`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
  });

  it('may append to the certificate register but not renumber or remove a certificate in it', async () => {
    const { rows } = await app.query(
      `SELECT has_table_privilege('certificate_register', 'INSERT') AS insert,
              has_table_privilege('certificate_register', 'UPDATE') AS update,
              has_table_privilege('certificate_register', 'DELETE') AS delete`,
    );
    expect(rows[0]).toEqual({ insert: true, update: false, delete: false });
    await expect(app.query(`UPDATE certificate_register SET seq = seq + 1 WHERE false`)).rejects.toThrow(
      /permission denied/,
    );
    // The trigger stays as a second line against the owner.
    await expect(owner.query(`TRUNCATE certificate_register`)).rejects.toThrow(/append-only/);
  });

  it('cannot switch the triggers off, not even with session_replication_role, and cannot UPDATE audit_log', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
    await app.query('BEGIN');
    try {
      await expect(app.query(`SET LOCAL session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.query('ROLLBACK');
    }
    await expect(
      app.query(`UPDATE audit_log SET reason = 'sửa' WHERE seq = (SELECT min(seq) FROM audit_log)`),
    ).rejects.toThrow(/permission denied for table audit_log/);
    // The triggers stay as a second line against the owner.
    await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('cannot rewrite the migrations table or create objects in the application schema', async () => {
    await expect(app.query(`DELETE FROM schema_migrations WHERE false`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE TABLE public.intruder (id int)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE SCHEMA intruder`)).rejects.toThrow(/permission denied/);
  });
});
