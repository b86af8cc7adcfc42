import { Ajv, type ValidateFunction } from 'ajv';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/api.js';

export type ApiClient = Client<paths>;

// Every response the client receives is checked against the schema the API description gives for its operation and
// status: a server answer that drifted from the description fails the test even where the code under test does not
// look at the drifted field. (Formats are left to the type checker: the description's are informative.)
export class ResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly cache = new Map<string, ValidateFunction>();
  readonly checked: string[] = [];
  readonly failures: string[] = [];

  constructor(private readonly spec: { paths: Record<string, any>; components: Record<string, unknown> }) {
    this.ajv.addSchema({ components: spec.components }, 'spec');
  }

  middleware(): Middleware {
    return {
      onResponse: async ({ request, response, schemaPath }) => {
        const method = request.method.toLowerCase();
        const documented = this.spec.paths[schemaPath]?.[method]?.responses?.[String(response.status)];
        const label = `${request.method} ${schemaPath} ${response.status}`;
        if (!documented) {
          this.failures.push(`${label}: status not documented`);
          return undefined;
        }
        const schema = documented.content?.['application/json']?.schema;
        if (!schema) return undefined;
        const validate = this.validator(label, schema);
        const body = await response.clone().json();
        this.checked.push(label);
        if (!validate(body)) this.failures.push(`${label}: ${this.ajv.errorsText(validate.errors)}`);
        return undefined;
      },
    };
  }

  private validator(label: string, schema: unknown): ValidateFunction {
    let validate = this.cache.get(label);
    if (!validate) {
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/'));
      validate = this.ajv.compile(rebased);
      this.cache.set(label, validate);
    }
    return validate;
  }
}

export function apiClient(baseUrl: string, checker: ResponseChecker, token?: string): ApiClient {
  const client = createClient<paths>({
    baseUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  client.use(checker.middleware());
  return client;
}
