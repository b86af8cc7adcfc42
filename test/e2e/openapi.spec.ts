import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const REDOCLY = join(process.cwd(), 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

// The served description passes Redocly's recommended rules, and it is the very document the typed client's types
// were generated from before the tests were compiled (npm run openapi:client).
describe('OpenAPI description', () => {
  let t: TestApp;
  let spec: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp();
    spec = await (await fetch(`${t.baseUrl}/api/docs-json`)).json();
  });
  afterAll(() => t.close());

  it('passes the recommended Redocly lint with no error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-lint-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(spec));
    const { stdout } = await run(process.execPath, [REDOCLY, 'lint', file, '--format=json'], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout) as LintReport;
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 120_000);

  it('is the document the client types were generated from', () => {
    const generated = JSON.parse(readFileSync(join(process.cwd(), 'test', 'generated', 'openapi.json'), 'utf8'));
    expect(spec).toEqual(generated);
  });

  it('gives every operation a summary, a tag, a security requirement, a success schema and typed errors', () => {
    const operations = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const { id, op } of operations) {
      const problems: string[] = [];
      if (!op.summary || !op.description) problems.push('summary/description');
      if (!op.tags?.length) problems.push('tags');
      if (!Array.isArray(op.security)) problems.push('security');
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))?.[1] as any;
      if (!success || (!success.content && !/204/.test(JSON.stringify(Object.keys(op.responses)))))
        problems.push('2xx');
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        // The public verification page answers its errors as pages.
        if (!status.startsWith('4') || response.content?.['text/html']) continue;
        const schema = response.content?.['application/json']?.schema;
        if (schema?.allOf?.[0]?.$ref !== '#/components/schemas/ErrorResponse') problems.push(`${status} shape`);
        if (!schema?.allOf?.[1]?.properties?.code?.enum?.length) problems.push(`${status} codes`);
      }
      if (op.security?.length && !op.responses['401']) problems.push('401');
      const page = Object.values(op.responses as Record<string, any>).some((r) => r.content?.['text/html']);
      if (op.requestBody && !page && !op.responses['400']) problems.push('400');
      expect({ id, problems }).toEqual({ id, problems: [] });
    }
    const bodies = operations.filter(({ op }) => op.requestBody);
    for (const { id, op } of bodies) {
      const ref: string | undefined = op.requestBody.content?.['application/json']?.schema?.$ref;
      if (!ref) continue;
      const schema = spec.components.schemas[ref.split('/').pop()!];
      expect({ id, properties: Object.keys(schema.properties ?? {}).length > 0 }).toEqual({ id, properties: true });
    }
  });

  it('lists the error codes of every feature', () => {
    for (const feature of [
      'common',
      'dossiers',
      'organisation',
      'eligibility',
      'workflow',
      'documents',
      'auth',
      'simulation',
    ])
      expect(spec.info.description).toContain(`**${feature}**`);
  });
});
