import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redoclyLint } from '../support/redocly-lint.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

  it('passes the recommended Redocly lint with no error and no invalid example', async () => {
    const report = await redoclyLint(spec);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
    // The recommended rules only warn about an example that breaks its schema; this description has none.
    const badExamples = report.problems.filter((p) => p.ruleId === 'no-invalid-media-type-examples');
    expect(badExamples.map((p) => `${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
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
