import { TEST_PASSWORD } from '../factories/org.factory.js';

// A browser's view of the pages without a browser: the session cookie, the form token, and who may open what.
export class Visitor {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password = TEST_PASSWORD): Promise<Response> {
    const res = await this.send('POST', '/login', { username, password, next: '/' });
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    return res;
  }

  async token(path = '/'): Promise<string> {
    const html = await (await this.send('GET', path)).text();
    return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }

  send(
    method: string,
    path: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
  }

  // A form with a file input, posted as a browser does (multipart), with its other fields.
  upload(path: string, file: { bytes: Uint8Array; name: string }, fields: Record<string, string>): Promise<Response> {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', new Blob([file.bytes as BlobPart]), file.name);
    return fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: data,
    });
  }
}
