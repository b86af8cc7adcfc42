import { Role } from '../../src/auth/user.entity.js';
import { csrfToken } from '../../src/web/csrf.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { routeCatalogue, type RouteInfo } from '../support/route-catalogue.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Thousands of malformed requests, generated from the served OpenAPI description (API) and the forms' field names
// (web), against every write route, as a user the route admits. Whatever the input, the service answers below 500,
// names what it refused in Vietnamese, and leaves every table as it was.
const SEED = 20_261_203;
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữự]/i;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CASES_PER_API_ROUTE = 72;
const CASES_PER_WEB_ROUTE = 60;
// A well-formed login costs a password hash (128 MiB of scrypt); the login routes get fewer cases.
const CASES_PER_LOGIN_ROUTE = 16;

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Schema = Record<string, any>;

interface Case {
  route: RouteInfo;
  kind: string;
  url: string;
  body?: string;
  contentType?: string;
  // The field the mutation touched, when a NUL or lone surrogate was put there: the answer must name it.
  unsafeField?: string;
}

interface Outcome {
  kase: Case;
  status: number;
  body: any;
  text: string;
}

const SAMPLE_UUID = '7e29dfd7-8157-4183-8209-6013cbb8d568';

function resolve(schema: Schema | undefined, doc: Schema): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()], doc);
  if (schema.allOf) return resolve(schema.allOf[0], doc);
  return schema;
}

// A plausible body from a schema: the exchange format's shape with simple values, every property present.
function sample(raw: Schema | undefined, doc: Schema, depth = 0): unknown {
  const schema = resolve(raw, doc);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid' ? SAMPLE_UUID : schema.format === 'date' ? '2025-01-15' : 'Giá trị thử';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 5 ? [] : [sample(schema.items, doc, depth + 1)];
    default: {
      const out: Record<string, unknown> = {};
      if (depth > 5) return out;
      for (const [key, property] of Object.entries<Schema>(schema.properties ?? {}))
        out[key] = sample(property, doc, depth + 1);
      return out;
    }
  }
}

function fieldPaths(value: unknown, prefix = '', depth = 0): string[] {
  if (depth > 5 || value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = Array.isArray(value) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;
    out.push(path, ...fieldPaths(child, path, depth + 1));
  }
  return out;
}

function setAt(target: unknown, path: string, value: unknown | typeof REMOVE): unknown {
  const copy = structuredClone(target) as Record<string, unknown>;
  const parts = path.split(/\.|\[(\d+)]/).filter((p) => p !== undefined && p !== '');
  let current: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) current = current[part] as Record<string, unknown>;
  const last = parts[parts.length - 1];
  if (value === REMOVE) delete current[last];
  else current[last] = value;
  return copy;
}

const REMOVE = Symbol('remove');
const FIELD_VALUES: { kind: string; value: unknown }[] = [
  { kind: 'nul', value: 'ab\u0000cd' },
  { kind: 'surrogate', value: 'ab\ud800cd' },
  { kind: 'int4+1', value: 2_147_483_648 },
  { kind: 'int-huge', value: -9_007_199_254_740_991 },
  { kind: 'float', value: 1.5e308 },
  { kind: 'bad-uuid', value: 'khong-phai-uuid' },
  { kind: 'object', value: { toString: 'x', __proto__x: 1 } },
  { kind: 'array', value: ['x', { y: 1 }] },
  { kind: 'null', value: null },
  { kind: 'bool', value: true },
  { kind: 'long', value: 'x'.repeat(20_000) },
  { kind: 'missing', value: REMOVE },
  { kind: 'empty-string', value: '' },
  { kind: 'negative', value: -1 },
  { kind: 'bad-date', value: '2025-02-30' },
  { kind: 'numeric-string', value: '12' },
  { kind: 'nested', value: { a: { b: { c: [1, { d: 'e' }] } } } },
  { kind: 'empty-array', value: [] },
  { kind: 'uuid-with-nul', value: `${SAMPLE_UUID}\u0000` },
];

function bodyLevelCases(base: unknown): { kind: string; body: string }[] {
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  return [
    { kind: 'deep-50000', body: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
    { kind: 'deep-40', body: deep(40) },
    { kind: 'malformed', body: '{"a": 1,' },
    { kind: 'array-body', body: '[]' },
    { kind: 'string-body', body: '"x"' },
    { kind: 'empty', body: '{}' },
    { kind: 'unknown-field', body: JSON.stringify({ ...(base as object), truongLa: 1 }) },
    { kind: 'nul-key', body: JSON.stringify({ ['a\u0000b']: 1 }) },
    { kind: 'proto-key', body: '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}' },
  ];
}

function pathVariants(route: RouteInfo): { kind: string; url: string }[] {
  if (!route.path.includes(':')) return [];
  const fill = (value: string) => route.path.replace(/:(\w+)/g, value);
  return [
    { kind: 'path-bad-uuid', url: fill('khong-phai-uuid') },
    { kind: 'path-nul', url: fill('ab%00cd') },
    { kind: 'path-bad-utf8', url: fill('%ED%A0%80') },
    { kind: 'path-uuid-nul', url: fill(`${SAMPLE_UUID}%00`) },
  ];
}

function pick<T>(items: T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

function apiCases(route: RouteInfo, doc: Schema, random: () => number): Case[] {
  const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
  const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()];
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  const base = schema ? sample(schema, doc) : {};
  const url = route.path.replace(/:(\w+)/g, SAMPLE_UUID);
  const json = (kind: string, body: unknown, unsafeField?: string): Case => ({
    route,
    kind,
    url,
    body: JSON.stringify(body),
    contentType: 'application/json',
    unsafeField,
  });
  const fields: Case[] = [];
  for (const path of fieldPaths(base))
    for (const { kind, value } of FIELD_VALUES)
      fields.push(
        json(
          `${kind}@${path}`,
          setAt(base, path, value),
          kind === 'nul' || kind === 'surrogate' || kind === 'uuid-with-nul' ? path : undefined,
        ),
      );
  const fixed: Case[] = [
    ...bodyLevelCases(base).map((c) => ({ route, kind: c.kind, url, body: c.body, contentType: 'application/json' })),
    ...pathVariants(route).map((v) => ({ ...json(v.kind, base), url: v.url })),
    {
      route,
      kind: 'query-nul',
      url: `${url}?roundId=a%00b`,
      body: JSON.stringify(base),
      contentType: 'application/json',
    },
    {
      route,
      kind: 'oversize',
      url,
      body: JSON.stringify({ x: 'x'.repeat(1_100_000) }),
      contentType: 'application/json',
    },
    {
      route,
      kind: 'form-to-api',
      url,
      body: 'a[toString]=x&b[__proto__][c]=1',
      contentType: 'application/x-www-form-urlencoded',
    },
  ];
  const budget = route.path.endsWith('/login') ? CASES_PER_LOGIN_ROUTE : CASES_PER_API_ROUTE;
  return [...fixed, ...pick(fields, Math.max(budget - fixed.length, 0), random)];
}

const FORM_VALUES: { kind: string; pair: (name: string) => string }[] = [
  { kind: 'bracket-toString', pair: (n) => `${n}[toString]=x` },
  { kind: 'bracket-proto', pair: (n) => `${n}[__proto__][polluted]=1` },
  { kind: 'bracket-constructor', pair: (n) => `${n}[constructor][prototype][x]=1` },
  { kind: 'nested-object', pair: (n) => `${n}[0][x]=1` },
  { kind: 'huge-index', pair: (n) => `${n}[99999][x]=1` },
  { kind: 'repeated', pair: (n) => `${n}=a&${n}=b` },
  { kind: 'nul', pair: (n) => `${n}=a%00b` },
  { kind: 'bad-utf8', pair: (n) => `${n}=%ED%A0%80` },
  { kind: 'bad-uuid', pair: (n) => `${n}=khong-phai-uuid` },
  { kind: 'int-huge', pair: (n) => `${n}=99999999999999999999` },
  { kind: 'negative', pair: (n) => `${n}=-1` },
  { kind: 'scalar-and-group', pair: (n) => `${n}=1&${n}[a]=2` },
];

function webCases(route: RouteInfo, names: string[], csrf: string, random: () => number): Case[] {
  const url = route.path.replace(/:(\w+)/g, SAMPLE_UUID);
  const form = (kind: string, pairs: string, target = url): Case => ({
    route,
    kind,
    url: target,
    body: `_csrf=${encodeURIComponent(csrf)}&${pairs}`,
    contentType: 'application/x-www-form-urlencoded',
  });
  const all: Case[] = [];
  for (const name of names)
    for (const { kind, pair } of FORM_VALUES) {
      const others = pick(names, 6, random)
        .filter((n) => n !== name)
        .map((n) => `${encodeURIComponent(n)}=1`)
        .join('&');
      all.push(form(`${kind}@${name}`, `${others}&${pair(name)}`));
    }
  const fixed = [
    ...pathVariants(route).map((v) => form(v.kind, 'version=1', v.url)),
    form('oversize', `note=${'x'.repeat(1_100_000)}`),
    { ...form('json-deep', ''), body: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, contentType: 'application/json' },
  ];
  const budget = route.path.endsWith('/login') ? CASES_PER_LOGIN_ROUTE : CASES_PER_WEB_ROUTE;
  return [...fixed, ...pick(all, Math.max(budget - fixed.length, 0), random)];
}

describe('fuzzing every write route', () => {
  let t: TestApp;
  let org: TestOrg;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKERS: 'false' });
    org = await createTestOrg(t.dataSource);
    await Promise.all(
      Object.values(Role).map(async (role) => {
        const res = await fetch(`${t.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: org.users[role], password: TEST_PASSWORD }),
        });
        tokens.set(role, (await res.json()).token);
      }),
    );
  });
  afterAll(async () => {
    // Failed logins among the cases are counted per address by design; later specs log in from the same one.
    await t.dataSource.query('DELETE FROM login_throttle');
    await t.close();
  });

  async function tableState(): Promise<string> {
    const tables: { tablename: string }[] = await t.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
         AND tablename NOT IN ('dossier_list_counts', 'dossier_list_count_rounds') ORDER BY tablename`,
    );
    // Row count and newest row version per table: an insert, an update or a delete moves one of them. A session's
    // last use is refreshed by reading, so sessions are compared by count; the list's grouped counts are refreshed by
    // reading lists, so they are not compared.
    const sql = tables
      .map(({ tablename }) =>
        tablename === 'sessions'
          ? `SELECT '${tablename}' AS t, count(*)::text AS n, '' AS x FROM ${tablename}`
          : `SELECT '${tablename}' AS t, count(*)::text AS n, coalesce(max(xmin::text::bigint), 0)::text AS x FROM ${tablename}`,
      )
      .join(' UNION ALL ');
    const rows: { t: string; n: string; x: string }[] = await t.dataSource.query(sql);
    return rows.map((r) => `${r.t}:${r.n}:${r.x}`).join('|');
  }

  async function send(kase: Case): Promise<Outcome> {
    const role = kase.route.roles?.[0] ?? Role.TEAM_OFFICER;
    const token = tokens.get(role)!;
    const auth: Record<string, string> = kase.route.isPublic
      ? {}
      : kase.route.isApi
        ? { authorization: `Bearer ${token}` }
        : { cookie: `sid=${encodeURIComponent(token)}`, origin: t.baseUrl };
    const response = await fetch(`${t.baseUrl}${kase.url}`, {
      method: kase.route.method,
      redirect: 'manual',
      headers: {
        accept: kase.route.isApi ? 'application/json' : 'text/html',
        ...auth,
        'content-type': kase.contentType ?? 'application/json',
      },
      body: kase.body,
    });
    const text = await response.text();
    let body: any = undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { kase, status: response.status, body, text };
  }

  // What a refusal must say: a Vietnamese sentence, and for a field error the field it is about.
  function problemsOf(outcome: Outcome): string[] {
    const { status, body, text, kase } = outcome;
    const where = `${kase.route.method} ${kase.url.slice(0, 80)} [${kase.kind}] → ${status}`;
    if (status >= 500) return [`${where}: ${text.slice(0, 200)}`];
    if (status < 400) return [];
    if (body === undefined) return VIETNAMESE.test(text) ? [] : [`${where}: no Vietnamese message`];
    const problems: string[] = [];
    if (!VIETNAMESE.test(String(body.message))) problems.push(`${where}: message not Vietnamese: ${body.message}`);
    for (const error of body.errors ?? []) {
      if (!String(error.message).includes(`"${error.path}"`) && !VIETNAMESE.test(error.message))
        problems.push(`${where}: error does not name its field: ${JSON.stringify(error)}`);
    }
    if (status === 400 && body.code === 'VALIDATION_FAILED' && !(body.errors ?? []).length)
      problems.push(`${where}: validation refusal without fields`);
    if (kase.unsafeField && status === 400 && !(body.errors ?? []).some((e: any) => e.path === kase.unsafeField))
      problems.push(`${where}: does not name ${kase.unsafeField}: ${JSON.stringify(body).slice(0, 200)}`);
    return problems;
  }

  it('answers ≥ 2,000 malformed requests without a 500, in Vietnamese, leaving the tables untouched', async () => {
    const random = prng(SEED);
    const doc = await (await fetch(`${t.baseUrl}/api/docs-json`)).json();
    // Logging out has no input to fuzz and would end the session the other cases use.
    const routes = routeCatalogue(t.app).filter((r) => WRITE_METHODS.has(r.method) && !r.path.endsWith('/logout'));
    const formNames = [
      ...new Set(
        [
          'username',
          'password',
          'version',
          'expectedVersion',
          'roundId',
          'teamId',
          'dossierId',
          'sourceId',
          'sourceType',
          'councilListId',
          'code',
          'parentCode',
          'orgUnitCode',
          'role',
          'opinion',
          'reason',
          'note',
          'meetingDate',
          'decisionDate',
          'token',
          'active',
          'candidates[0][dossierId]',
          'candidates[0][votesFor]',
          'decisions[0][dossierId]',
          'dossiers[0][version]',
          'rows[0][dossierId]',
          'p[0][path]',
          'p[0][value]',
          'person[fullName]',
          'judgments[0][offences][0][article]',
          'aggregateSentence[kind]',
        ].map((n) => n),
      ),
    ];
    const cases: Case[] = [];
    for (const route of routes) {
      const token = tokens.get(route.roles?.[0] ?? Role.TEAM_OFFICER)!;
      cases.push(
        ...(route.isApi ? apiCases(route, doc, random) : webCases(route, formNames, csrfToken(token), random)),
      );
    }

    const outcomes: Outcome[] = [];
    const problems: string[] = [];
    let groupsChecked = 0;
    let state = await tableState();
    const GROUP = 12;
    const started = Date.now();
    for (let i = 0; i < cases.length; i += GROUP) {
      const group: Outcome[] = [];
      for (const kase of cases.slice(i, i + GROUP)) group.push(await send(kase));
      outcomes.push(...group);
      for (const outcome of group) problems.push(...problemsOf(outcome));
      const after = await tableState();
      // A failed login is audited and counted on purpose; any other refusal must leave no trace.
      const refusedOnly = group.every(
        (o) => o.status >= 400 && !(o.kase.route.path.endsWith('/login') && (o.status === 401 || o.status === 429)),
      );
      if (refusedOnly) {
        groupsChecked++;
        if (after !== state)
          problems.push(`tables changed during refused requests ${group.map((o) => o.kase.kind).join(', ')}`);
      }
      state = after;
    }
    const byStatus: Record<number, number> = {};
    for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    const errors = outcomes.filter((o) => o.status >= 500).length;
    console.log(
      `fuzz: ${outcomes.length} requests to ${routes.length} write routes in ${Date.now() - started} ms; ` +
        `statuses ${JSON.stringify(byStatus)}; ≥500: ${errors}; table checks on ${groupsChecked} refused groups`,
    );
    expect(outcomes.length).toBeGreaterThanOrEqual(2000);
    expect(routes.filter((r) => !r.isApi).length).toBeGreaterThanOrEqual(20);
    expect(problems.slice(0, 30)).toEqual([]);
    expect(errors).toBe(0);
  }, 600_000);
});
