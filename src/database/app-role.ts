import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import PgBoss from 'pg-boss';

// Least privilege: migrations run as the owner of the schema; the application and its workers log in as a role that
// is neither superuser nor owner. It may read and write the working tables, but the evidence is append-only by grant
// (no UPDATE, DELETE or TRUNCATE), with the tables' triggers as a second line. It cannot switch triggers off either:
// session_replication_role and ALTER TABLE need a superuser or the owner. The evidence is these tables, and every
// table a migration protects with a `…_refuse_change` trigger function (so a new append-only table is covered too).
export const APPEND_ONLY_TABLES = ['audit_log', 'dossier_versions', 'workflow_history', 'list_entries'];
const APPEND_ONLY_BY_TRIGGER = `
  SELECT DISTINCT c.relname FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
   WHERE n.nspname = 'public' AND NOT t.tgisinternal AND p.proname LIKE '%refuse_change'`;

// The advisory lock that serialises the grants of processes starting together.
const GRANTS_LOCK = 7_264_019;

// The job queue's own schema; the application role owns it, because pg-boss creates a table per queue at run time.
export const QUEUE_SCHEMA = 'pgboss';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'amnesty-roles' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// The embedded cluster's application role, created on first start with a random password kept in the data directory
// (readable by the account that runs the service only), where a CLI joining the running server finds it too.
export async function ensureAppRole(ownerUrl: string, role: string, secretFile: string): Promise<string> {
  const password = existsSync(secretFile)
    ? readFileSync(secretFile, 'utf8').trim()
    : randomBytes(24).toString('base64url');
  if (!existsSync(secretFile)) writeFileSync(secretFile, password, { mode: 0o600 });
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = rows.length ? 'ALTER' : 'CREATE';
    await client.query(
      `${verb} ROLE ${client.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
        `PASSWORD ${client.escapeLiteral(password)}`,
    );
  });
  return password;
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

// Run after the migrations on every start, as the owner: grants on every table the migrations made, minus the
// append-only rights, and the queue's schema handed to the application role (installed here by pg-boss first, since
// installing needs CREATE on the database, which the application role does not get).
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: QUEUE_SCHEMA,
    max: 1,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  await withClient(ownerUrl, async (client) => {
    // Workers started together (a cluster coming up) would otherwise grant at the same time, and PostgreSQL refuses
    // concurrent updates of the same catalogue rows ("tuple concurrently updated"): one process grants at a time.
    // The session's lock goes with its connection.
    await client.query('SELECT pg_advisory_lock($1)', [GRANTS_LOCK]);
    const app = client.escapeIdentifier(appRole);
    const { rows } = await client.query(
      `SELECT current_database() AS db, (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS super,
              to_regclass('public.schema_migrations') IS NOT NULL AS migrations`,
      [appRole],
    );
    if (rows[0].super) throw new Error(`The application role "${appRole}" is a superuser: give it its own login role.`);
    const existing = (
      await client.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)
         UNION ${APPEND_ONLY_BY_TRIGGER}`,
        [APPEND_ONLY_TABLES],
      )
    ).rows.map((r: { tablename: string }) => client.escapeIdentifier(r.tablename));
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(rows[0].db)} TO ${app}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    if (existing.length) await client.query(`REVOKE UPDATE, DELETE ON ${existing.join(', ')} FROM ${app}`);
    if (rows[0].migrations) await client.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${app}`);
    await handOverQueueSchema(client, appRole);
  });
}

async function handOverQueueSchema(client: pg.Client, appRole: string): Promise<void> {
  const app = client.escapeIdentifier(appRole);
  const schema = client.escapeIdentifier(QUEUE_SCHEMA);
  const { rows } = await client.query(
    `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1`,
    [QUEUE_SCHEMA],
  );
  if (rows[0]?.owner === appRole) return;
  await client.query(`ALTER SCHEMA ${schema} OWNER TO ${app}`);
  const objects = await client.query(
    `SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, $2::text) AS sql
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     UNION ALL
     SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, $2::text)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relispartition
     UNION ALL
     SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $2::text)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1
     UNION ALL
     SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, $2::text)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typtype = 'e'`,
    [QUEUE_SCHEMA, appRole],
  );
  for (const { sql } of objects.rows) await client.query(sql);
}
